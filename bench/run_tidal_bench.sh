#!/usr/bin/env bash
# Compile bench/tidal_bench.hs with ghc -O2 against the installed Tidal 1.7.10
# (Debian: ghc, libghc-tidal-dev) and run it.
#   bench/run_tidal_bench.sh [BUILD_DIR [CYCLES]]   (defaults: build/tidal-bench, 2000)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
build="${1:-$here/../build/tidal-bench}"
cycles="${2:-2000}"
mkdir -p "$build"

# The pattern list is duplicated in tidal_bench.hs (Haskell can't eval strings):
# every NAME | CODE in patterns.txt must appear there as ("NAME", CODE).
python3 - "$here/patterns.txt" "$here/tidal_bench.hs" <<'PY'
import sys
pats = [l.split(' | ', 1) for l in open(sys.argv[1]) if l.strip() and not l.startswith('#')]
hs = open(sys.argv[2]).read()
bad = [n for n, c in pats if '("%s", %s)' % (n.strip(), c.strip()) not in hs]
if bad or hs.count('  , ("') + 1 != len(pats):
    sys.exit('patterns.txt and tidal_bench.hs disagree: %s' % (', '.join(bad) or 'count differs'))
PY

ghc -O2 -rtsopts -outputdir "$build/obj" -o "$build/tidal_bench" "$here/tidal_bench.hs" >"$build/ghc.log" 2>&1 \
  || { cat "$build/ghc.log"; exit 1; }
exec "$build/tidal_bench" "$cycles"
