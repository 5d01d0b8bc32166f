#!/usr/bin/env python3
"""Differential oracle: evaluates corpus.txt with the real Tidal 1.7.10.

Haskell cannot evaluate strings at run time without the GHC API, so this
script generates Haskell modules from the corpus (one typed top-level binding
per corpus entry), compiles them with ghc against the installed `tidal`
package together with OracleLib.hs, runs the program and caches the events.

Pipeline for the entries that are not yet in the cache:
  1. type-check every entry in one ghci session (`:t (EXPR) :: TYPE`), so a
     corpus line that is not valid Tidal 1.7.10 is reported by line number;
  2. generate Corpus_K.hs modules (CHUNK entries each) + OracleMain.hs in
     BUILD/gen, compile with `ghc --make -O0 -jN` (a module that still fails
     is mapped back to entries via GHC's error line numbers and retried);
  3. run the program (full events; onsets are derived by filtering) and
     merge the results into BUILD/oracle-cache.json.

The cache is keyed per entry by sha256(ghc version, tidal version,
OracleLib.hs, this script's OUTPUT_VERSION, range, type, code), so editing
one corpus line recompiles only that line.

Standalone use:
  oracle.py [--corpus FILE] [--build-dir DIR] [--print REGEX] [--onsets]
"""

import argparse
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import time
from fractions import Fraction

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, '..', '..'))
DEFAULT_CORPUS = os.path.join(HERE, 'corpus.txt')
DEFAULT_BUILD = os.path.join(REPO, 'build', 'tidal-oracle')
ORACLE_LIB = os.path.join(HERE, 'OracleLib.hs')
OUTPUT_VERSION = '1'   # bump when the generated code or output format changes
CHUNK = 40             # corpus entries per generated module

PRELUDE_HS = [
    '{-# LANGUAGE OverloadedStrings, ExtendedDefaultRules #-}',
    '{-# OPTIONS_GHC -Wno-all -Wno-type-defaults #-}',
]
IMPORTS_HS = [
    'import Prelude hiding ((<*), (*>))',
    'import Sound.Tidal.Context',
    'import OracleLib',
]


class CorpusError(Exception):
    pass


def fmt_time(fr):
    return str(fr.numerator) if fr.denominator == 1 else '%d/%d' % (fr.numerator, fr.denominator)


def parse_time(s):
    try:
        return Fraction(s)
    except (ValueError, ZeroDivisionError):
        raise CorpusError('bad time %r' % s)


class Entry:
    """One corpus line."""

    def __init__(self, lineno, raw, frm, to, typ, code, expect_error=False):
        self.expect_error = expect_error  # `!` header: Tidal must reject it
        self.lineno = lineno      # 1-based line in corpus.txt
        self.raw = raw            # the stripped corpus line (its identity)
        self.frm = frm            # Fraction
        self.to = to              # Fraction
        self.typ = typ            # Haskell type of the pattern
        self.code = code          # Tidal code as given to seiche-cli (real newlines)
        self.hs = translate(code)  # Haskell expression of the pattern
        self.key = None

    def __repr__(self):
        return 'corpus.txt:%d: %s' % (self.lineno, self.raw)


HEADER_RE = re.compile(r'^(?:@\s*(?P<frm>\S+)\s+(?P<to>\S+))?\s*(?:::\s*(?P<typ>[^|!]+?))?\s*(?P<err>!)?\s*\|\s?(?P<code>.*)$')


def parse_corpus(path):
    entries = []
    with open(path, encoding='utf-8') as f:
        for lineno, line in enumerate(f, 1):
            raw = line.strip()
            if not raw or raw.startswith('#'):
                continue
            frm, to, typ, code, err = Fraction(0), Fraction(1), 'ControlPattern', raw, False
            if raw.startswith('@') or raw.startswith('::') or raw.startswith('!'):
                m = HEADER_RE.match(raw)
                if not m:
                    raise CorpusError('corpus.txt:%d: bad header in %r' % (lineno, raw))
                if m.group('frm') is not None:
                    frm, to = parse_time(m.group('frm')), parse_time(m.group('to'))
                if m.group('typ'):
                    typ = m.group('typ').strip()
                code = m.group('code').strip()
                err = bool(m.group('err'))
            if typ != 'ControlPattern' and not typ.startswith('Pattern'):
                typ = 'Pattern (%s)' % typ
            code = code.replace('\\n', '\n')
            entries.append(Entry(lineno, raw, frm, to, typ, code, err))
    return entries


STMT_RE = re.compile(r'^d(\d+)\s*(?:\$\s*)?(.*)$', re.S)


def translate(code):
    """Tidal code -> one Haskell expression of the pattern.

    A plain expression is used as is.  Statements (one per line) follow
    BootTidal.hs of 1.7.10: `dN $ p` sets channel N to `p |< orbit (N-1)`,
    `hush` clears every channel, `setcps x` does not change cycle-time
    queries and is ignored; the result stacks the channels."""
    lines = [l.strip() for l in code.split('\n') if l.strip()]
    is_stmt = lambda l: bool(re.match(r'^(d\d+\b|hush\b|setcps\b)', l))
    if not any(is_stmt(l) for l in lines):
        return ' '.join(lines)
    channels = {}
    for l in lines:
        m = STMT_RE.match(l)
        if m:
            n = int(m.group(1))
            channels[n] = '((%s) |< orbit %d)' % (m.group(2), n - 1)
        elif l == 'hush':
            channels = {}
        elif l.startswith('setcps'):
            pass
        else:
            raise CorpusError('cannot translate statement %r' % l)
    if not channels:
        return 'silence'
    return 'stack [%s]' % ', '.join(channels[k] for k in sorted(channels))


def tool_versions():
    ghc = subprocess.run(['ghc', '--numeric-version'], capture_output=True, text=True, check=True).stdout.strip()
    tidal = subprocess.run(['ghc-pkg', 'field', 'tidal', 'version', '--simple-output'],
                           capture_output=True, text=True, check=True).stdout.strip()
    return ghc, tidal


def salt():
    ghc, tidal = tool_versions()
    with open(ORACLE_LIB, 'rb') as f:
        lib = hashlib.sha256(f.read()).hexdigest()
    return 'ghc=%s tidal=%s lib=%s out=%s' % (ghc, tidal, lib, OUTPUT_VERSION), tidal


def entry_key(s, e):
    h = hashlib.sha256()
    h.update('\0'.join([s, fmt_time(e.frm), fmt_time(e.to), e.typ, e.hs]).encode())
    return h.hexdigest()


def log(msg):
    print('[oracle] ' + msg, file=sys.stderr, flush=True)


# ---------------------------------------------------------------- type check

def typecheck(entries):
    """Return {entry index: error text} for entries that do not type-check."""
    script = [':set -XOverloadedStrings -XExtendedDefaultRules',
              'import Prelude hiding ((<*), (*>))',
              'import Sound.Tidal.Context']
    for i, e in enumerate(entries):
        script.append('putStrLn "@@@ %d"' % i)
        script.append(':t (%s) :: %s' % (e.hs, e.typ))
    script.append('putStrLn "@@@ end"')
    p = subprocess.run('ghci -ignore-dot-ghci -v0 2>&1', shell=True, input='\n'.join(script) + '\n',
                       capture_output=True, text=True)
    out = p.stdout
    errors = {}
    parts = re.split(r'^@@@ (\S+)\n', out, flags=re.M)
    # parts = [pre, id, text, id, text, ...]
    seen = set()
    for j in range(1, len(parts) - 1, 2):
        ident, text = parts[j], parts[j + 1]
        if ident == 'end':
            continue
        i = int(ident)
        seen.add(i)
        if re.search(r'error|Exception', text):
            errors[i] = text.strip()
    for i in range(len(entries)):
        if i not in seen:
            errors.setdefault(i, 'ghci gave no answer for this entry:\n' + out[-2000:])
    return errors


# ---------------------------------------------------------------- generate

def generate(gen_dir, entries, excluded):
    """Write Corpus_K.hs + OracleMain.hs; return {(module file, line): entry index}."""
    if os.path.isdir(gen_dir):
        shutil.rmtree(gen_dir)
    os.makedirs(gen_dir)
    linemap = {}
    live = [i for i in range(len(entries)) if i not in excluded]
    chunks = [live[k:k + CHUNK] for k in range(0, len(live), CHUNK)]
    for c, idxs in enumerate(chunks):
        name = 'Corpus_%d' % c
        lines = PRELUDE_HS + ['module %s (entries) where' % name] + IMPORTS_HS + ['']
        for i in idxs:
            e = entries[i]
            lines.append('-- corpus.txt:%d' % e.lineno)
            lines.append('e%d :: %s' % (i, e.typ))
            linemap[(name + '.hs', len(lines) + 1)] = i
            lines.append('e%d = (%s)' % (i, e.hs.replace('\n', ' ')))
            linemap[(name + '.hs', len(lines) + 1)] = i
            lines.append('')
        lines.append('entries :: [Entry]')
        lines.append('entries = [' + ', '.join(
            'entry %d (%s) (%s) e%d' % (i, hs_rat(entries[i].frm), hs_rat(entries[i].to), i) for i in idxs) + ']')
        with open(os.path.join(gen_dir, name + '.hs'), 'w', encoding='utf-8') as f:
            f.write('\n'.join(lines) + '\n')
    main = PRELUDE_HS + ['module Main (main) where'] + IMPORTS_HS
    main += ['import qualified Corpus_%d' % c for c in range(len(chunks))]
    main += ['', 'main :: IO ()',
             'main = runEntries (concat [' + ', '.join('Corpus_%d.entries' % c for c in range(len(chunks))) + '])']
    with open(os.path.join(gen_dir, 'OracleMain.hs'), 'w') as f:
        f.write('\n'.join(main) + '\n')
    return linemap


def hs_rat(fr):
    return '(%d) %% (%d)' % (fr.numerator, fr.denominator)


def compile_oracle(build_dir, entries, excluded, jobs, opt):
    gen_dir = os.path.join(build_dir, 'gen')
    obj_dir = os.path.join(build_dir, 'obj')
    exe = os.path.join(build_dir, 'tidal-oracle')
    for attempt in range(8):
        linemap = generate(gen_dir, entries, excluded)
        t0 = time.time()
        cmd = ['ghc', '--make', opt, '-j%d' % jobs, '-i' + HERE, '-i' + gen_dir,
               '-outputdir', obj_dir, '-o', exe, os.path.join(gen_dir, 'OracleMain.hs')]
        p = subprocess.run(cmd, capture_output=True, text=True)
        log('ghc %s on %d entries: %.1fs (exit %d)' % (opt, len(entries) - len(excluded), time.time() - t0, p.returncode))
        if p.returncode == 0:
            return exe
        bad = {}
        for m in re.finditer(r'^(?:.*/)?(Corpus_\d+\.hs):(\d+):\d+.*?(?=^\S|\Z)', p.stderr, flags=re.M | re.S):
            i = linemap.get((m.group(1), int(m.group(2))))
            if i is not None:
                bad.setdefault(i, m.group(0).strip())
        if not bad:
            raise RuntimeError('ghc failed and no corpus entry could be blamed:\n' + p.stderr[-6000:])
        for i, msg in bad.items():
            excluded[i] = 'compile error:\n' + msg
    raise RuntimeError('giving up after repeated compile failures')


def parse_output(text):
    res = {}
    cur = None
    for line in text.split('\n'):
        if line.startswith('=== '):
            cur = int(line[4:])
            res[cur] = {'events': [], 'error': None}
        elif cur is None or line == '':
            continue
        elif line.startswith('!!! ERROR '):
            res[cur]['error'] = 'runtime error: ' + line[10:]
        else:
            res[cur]['events'].append(line)
    return res


# ---------------------------------------------------------------- driver

def load_cache(path):
    try:
        with open(path, encoding='utf-8') as f:
            return json.load(f)
    except (OSError, ValueError):
        return {}


def run_oracle(corpus=DEFAULT_CORPUS, build_dir=DEFAULT_BUILD, jobs=None, opt='-O0', timeout=20, rebuild=False):
    """Return (entries, results) where results[entry.key] =
    {'events': [full event lines], 'error': str or None}."""
    entries = parse_corpus(corpus)
    s, tidal = salt()
    if tidal != '1.7.10':
        log('WARNING: installed tidal is %s, the corpus targets 1.7.10' % tidal)
    for e in entries:
        e.key = entry_key(s, e)
    os.makedirs(build_dir, exist_ok=True)
    cache_path = os.path.join(build_dir, 'oracle-cache.json')
    cache = {} if rebuild else load_cache(cache_path).get('entries', {})
    todo = []
    seen = set()
    for e in entries:
        if e.key not in cache and e.key not in seen:
            seen.add(e.key)
            todo.append(e)
    if todo:
        log('%d of %d corpus entries not cached; type-checking with ghci' % (len(todo), len(entries)))
        t0 = time.time()
        excluded = {i: 'type error (ghci :t):\n' + msg for i, msg in typecheck(todo).items()}
        log('ghci type check: %.1fs, %d bad' % (time.time() - t0, len(excluded)))
        jobs = jobs or os.cpu_count() or 1
        if len(excluded) < len(todo):
            exe = compile_oracle(build_dir, todo, excluded, jobs, opt)
            t0 = time.time()
            p = subprocess.run([exe, '--timeout', str(timeout)], capture_output=True, text=True)
            log('oracle run: %.1fs' % (time.time() - t0))
            if p.returncode != 0:
                raise RuntimeError('oracle program failed:\n' + p.stderr[-4000:])
            out = parse_output(p.stdout)
        else:
            out = {}
        for i, e in enumerate(todo):
            if i in excluded:
                cache[e.key] = {'events': [], 'error': excluded[i]}
            elif i in out:
                cache[e.key] = out[i]
            else:
                cache[e.key] = {'events': [], 'error': 'oracle printed nothing for this entry'}
        keys = {e.key for e in entries}
        cache = {k: v for k, v in cache.items() if k in keys}
        tmp = cache_path + '.tmp'
        with open(tmp, 'w', encoding='utf-8') as f:
            json.dump({'salt': s, 'entries': cache}, f)
        os.replace(tmp, cache_path)
    for e in entries:
        prob = corpus_problem(e, cache[e.key])
        if prob:
            log('CORPUS ERROR %r: not usable with Tidal 1.7.10:\n    %s' % (e, prob.replace('\n', '\n    ')))
    return entries, cache


def is_syntax_error(result):
    """Tidal rejected the mini-notation (a run-time `error` in Tidal)."""
    return bool(result['error']) and 'Syntax error in sequence' in result['error']


def corpus_problem(e, result):
    """Why this corpus entry can't be used as a test (None if it can)."""
    if e.expect_error:
        if is_syntax_error(result):
            return None
        if result['error']:
            return 'marked `!` (must be a mini-notation syntax error) but: ' + result['error']
        return 'marked `!` (must be a mini-notation syntax error) but Tidal 1.7.10 accepts it'
    if result['error']:
        return result['error']
    return None


def parse_event_line(line):
    """'WB WE PB PE JSON' -> (wb, we, pb, pe, jsontext); wb/we None for '-'."""
    parts = line.split(' ', 4)
    if len(parts) != 5:
        raise ValueError('malformed event line %r' % line)
    wb, we, pb, pe, js = parts
    return wb, we, pb, pe, js


def is_onset(line):
    wb, _, pb, _, _ = parse_event_line(line)
    return wb != '-' and Fraction(wb) == Fraction(pb)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--corpus', default=DEFAULT_CORPUS)
    ap.add_argument('--build-dir', default=DEFAULT_BUILD)
    ap.add_argument('--print', dest='pattern', metavar='REGEX', help='print oracle events of matching corpus lines')
    ap.add_argument('--onsets', action='store_true', help='with --print: onsets only')
    ap.add_argument('--rebuild', action='store_true', help='ignore the cache')
    ap.add_argument('--opt', default='-O0', help='ghc optimisation flag (default -O0)')
    ap.add_argument('--jobs', type=int, default=None)
    a = ap.parse_args()
    try:
        entries, cache = run_oracle(a.corpus, a.build_dir, a.jobs, a.opt, rebuild=a.rebuild)
    except CorpusError as ex:
        print(ex, file=sys.stderr)
        return 2
    nerr = 0
    for e in entries:
        r = cache[e.key]
        if corpus_problem(e, r):
            nerr += 1
        if a.pattern and re.search(a.pattern, e.raw):
            print('### %r  [%s, %s) :: %s' % (e, fmt_time(e.frm), fmt_time(e.to), e.typ))
            if r['error']:
                print('!!! ' + r['error'])
            for l in r['events']:
                if not a.onsets or is_onset(l):
                    print(l)
    log('%d entries, %d corpus errors' % (len(entries), nerr))
    return 1 if nerr else 0


if __name__ == '__main__':
    sys.exit(main())
