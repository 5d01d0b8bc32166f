#!/usr/bin/env python3
"""Differential test: seiche-cli query vs. the real Tidal 1.7.10.

For every corpus line, runs
    SEICHE_CLI query --onsets --from A --to B CODE
and compares its events with the oracle's (see oracle.py): times exactly,
JSON strings/booleans exactly, JSON numbers to 1e-9 (relative or absolute).
Prints PASS/FAIL per line (a diff for failures) and `N passed, M failed`;
exits 1 if any line failed unexpectedly.

  difftest.py build/seiche-cli [--only REGEX] [--keep-going]
              [--expected-failures FILE] [--all-events] [--jobs N]

--expected-failures FILE: corpus lines (exactly as written in corpus.txt,
one per line, '#' comments allowed) known to fail.  They are reported as
XFAIL and do not fail the run; one of them that now passes is reported as
"UNEXPECTEDLY PASSING" (also not a failure: delete it from the file).
Without --keep-going the run stops after the first unexpected failure.
"""

import argparse
import json
import math
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from fractions import Fraction

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import oracle  # noqa: E402

TOL = 1e-9
MAX_DIFF_LINES = 24


def parse_events(lines, where):
    """-> list of dicts; raises ValueError on malformed output."""
    evs = []
    for line in lines:
        if not line.strip():
            continue
        wb, we, pb, pe, js = oracle.parse_event_line(line.rstrip('\n'))
        ev = {'line': line.rstrip('\n')}
        if (wb == '-') != (we == '-'):
            raise ValueError('%s: half a whole in %r' % (where, line))
        ev['whole'] = None if wb == '-' else (Fraction(wb), Fraction(we))
        ev['part'] = (Fraction(pb), Fraction(pe))
        ev['times'] = (wb, we, pb, pe)
        try:
            ev['value'] = json.loads(js)
        except ValueError as ex:
            raise ValueError('%s: bad JSON in %r: %s' % (where, line, ex))
        if not isinstance(ev['value'], dict):
            raise ValueError('%s: JSON is not an object in %r' % (where, line))
        evs.append(ev)
    return evs


def values_equal(a, b):
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        if math.isnan(a) or math.isnan(b):
            return math.isnan(a) and math.isnan(b)
        return math.isclose(a, b, rel_tol=TOL, abs_tol=TOL)
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(values_equal(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(values_equal(x, y) for x, y in zip(a, b))
    return type(a) is type(b) and a == b


def canon_time(s):
    return oracle.fmt_time(Fraction(s))


def tkey(ev):
    w = ev['whole']
    return (ev['part'][0], ev['part'][1], w is not None, w or (0, 0))


def check_format(evs):
    """Contract checks on seiche's own output: lowest terms, sort order."""
    probs = []
    for ev in evs:
        for t in ev['times']:
            if t != '-' and canon_time(t) != t:
                probs.append('time %r not in lowest terms / canonical form: %s' % (t, ev['line']))
                break
    for a, b in zip(evs, evs[1:]):
        ka = (a['part'][0],) + ((a['whole'][0], a['whole'][1]) if a['whole'] else ())
        kb = (b['part'][0],) + ((b['whole'][0], b['whole'][1]) if b['whole'] else ())
        n = min(len(ka), len(kb))
        if ka[:n] > kb[:n]:
            probs.append('not sorted (part begin, whole begin, whole end):\n      %s\n      %s' % (a['line'], b['line']))
            break
    return probs


def compare(expected, got):
    """Match events with equal times and equal values; return diff lines."""
    rest = list(got)
    missing = []
    for ev in expected:
        for j, g in enumerate(rest):
            if g['whole'] == ev['whole'] and g['part'] == ev['part'] and values_equal(ev['value'], g['value']):
                del rest[j]
                break
        else:
            missing.append(ev)
    diff = [('-', tkey(e), e['line']) for e in missing] + [('+', tkey(g), g['line']) for g in rest]
    diff.sort(key=lambda d: (d[1], d[0]))
    return ['%s %s' % (sign, line) for sign, _, line in diff]


def run_seiche(cli, e, onsets, timeout):
    """-> (returncode, stdout, stderr) or (None, None, reason)"""
    cmd = [cli, 'query']
    if onsets:
        cmd.append('--onsets')
    code = e.code if e.typ == 'ControlPattern' else '(%s) :: %s' % (e.code, e.typ)
    cmd += ['--from', oracle.fmt_time(e.frm), '--to', oracle.fmt_time(e.to), code]
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, None, 'seiche-cli timed out after %ss' % timeout
    except OSError as ex:
        return None, None, 'cannot run seiche-cli: %s' % ex
    return p.returncode, p.stdout, p.stderr


ERR_RE = re.compile(r'^\d+:\d+: \S')


def check_entry(cli, e, result, onsets, timeout):
    """-> (ok, report lines)"""
    prob = oracle.corpus_problem(e, result)
    if prob:
        return False, ['CORPUS ERROR (fix corpus.txt): ' + prob.replace('\n', '\n    ')]
    rc, out, err = run_seiche(cli, e, onsets, timeout)
    if rc is None:
        return False, [err]
    if e.expect_error:
        # Tidal rejects this mini-notation; seiche must too (contract: exit 2,
        # nothing on stdout, `LINE:COL: message` on stderr).
        report = []
        if rc != 2:
            report.append('expected a parse error (exit 2), got exit %d' % rc)
        if out.strip():
            report.append('expected nothing on stdout, got: %s' % out.strip()[:300])
        if rc == 2 and not ERR_RE.match(err):
            report.append('stderr should start with LINE:COL: message, got: %r' % err[:300])
        if report:
            report.append('(Tidal: %s)' % result['error'][:300])
        return not report, report
    if rc != 0:
        msg = err.strip() or ('(stderr empty; stdout: %s)' % out.strip())
        return False, ['seiche-cli exited %d: %s' % (rc, msg[:2000])]
    exp_lines = [l for l in result['events'] if not onsets or oracle.is_onset(l)]
    expected = parse_events(exp_lines, 'oracle')
    try:
        got = parse_events(out.split('\n'), 'seiche-cli')
    except ValueError as ex:
        return False, ['malformed output: %s' % ex]
    report = check_format(got)
    diff = compare(expected, got)
    if diff:
        report.append('%d expected (-) vs %d got (+) events; differing:' % (len(expected), len(got)))
        report += ['    ' + d for d in diff[:MAX_DIFF_LINES]]
        if len(diff) > MAX_DIFF_LINES:
            report.append('    ... %d more' % (len(diff) - MAX_DIFF_LINES))
    return not report, report


def load_expected_failures(path):
    if not path:
        return set()
    with open(path, encoding='utf-8') as f:
        return {l.strip() for l in f if l.strip() and not l.strip().startswith('#')}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('seiche_cli', help='path to seiche-cli')
    ap.add_argument('--corpus', default=oracle.DEFAULT_CORPUS)
    ap.add_argument('--build-dir', default=oracle.DEFAULT_BUILD, help='oracle build dir + cache (default build/tidal-oracle)')
    ap.add_argument('--only', metavar='REGEX', help='only corpus lines matching REGEX (re.search)')
    ap.add_argument('--keep-going', action='store_true', help="don't stop at the first unexpected failure")
    ap.add_argument('--expected-failures', metavar='FILE')
    ap.add_argument('--all-events', action='store_true', help='compare all events (no --onsets)')
    ap.add_argument('--jobs', type=int, default=os.cpu_count() or 1)
    ap.add_argument('--timeout', type=float, default=30, help='seconds per seiche-cli run')
    ap.add_argument('-q', '--quiet', action='store_true', help='print only failures and the summary')
    a = ap.parse_args()

    try:
        entries, results = oracle.run_oracle(a.corpus, a.build_dir)
    except oracle.CorpusError as ex:
        print(ex, file=sys.stderr)
        return 2
    if a.only:
        rx = re.compile(a.only)
        entries = [e for e in entries if rx.search(e.raw)]
    xfail = load_expected_failures(a.expected_failures)
    onsets = not a.all_events

    passed = failed = xfailed = xpassed = 0
    stop = False
    with ThreadPoolExecutor(max_workers=max(1, a.jobs)) as pool:
        futs = [pool.submit(check_entry, a.seiche_cli, e, results[e.key], onsets, a.timeout) for e in entries]
        for e, fut in zip(entries, futs):
            if stop:
                fut.cancel()
                continue
            ok, report = fut.result()
            tag = 'line %d: %s' % (e.lineno, e.raw)
            if ok and e.raw in xfail:
                xpassed += 1
                passed += 1
                print('UNEXPECTEDLY PASSING ' + tag)
            elif ok:
                passed += 1
                if not a.quiet:
                    print('PASS ' + tag)
            elif e.raw in xfail:
                xfailed += 1
                if not a.quiet:
                    print('XFAIL ' + tag)
            else:
                failed += 1
                print('FAIL ' + tag)
                for r in report:
                    print('    ' + r)
                if not a.keep_going:
                    stop = True
                    print('(stopping at the first failure; use --keep-going to run everything)')
        if stop:
            for f in futs:
                f.cancel()
    extra = []
    if xfailed:
        extra.append('%d expected failures' % xfailed)
    if xpassed:
        extra.append('%d unexpectedly passing' % xpassed)
    if extra:
        print('(' + ', '.join(extra) + ')')
    print('%d passed, %d failed' % (passed, failed))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
