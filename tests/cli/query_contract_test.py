#!/usr/bin/env python3
"""Black-box checks of the `seiche-cli query` contract (shared/design.md)."""
import json
import subprocess
import sys
import time

CLI = sys.argv[1]
failures = 0
passes = 0


def run(*args, timeout=30):
    p = subprocess.run([CLI, "query", *args], capture_output=True, text=True, timeout=timeout)
    return p.returncode, p.stdout, p.stderr


def check(name, cond, detail=""):
    global failures, passes
    if cond:
        passes += 1
    else:
        failures += 1
        print(f"FAIL {name}: {detail}")


# Format: five fields, exact rationals, JSON with sorted keys.
code, out, err = run("--from", "0", "--to", "2", 's "bd*2 sn" # speed 1.5')
check("exit 0", code == 0, err)
lines = out.splitlines()
check("line count", len(lines) == 6, out)
check("first line", lines[0] == '0 1/4 0 1/4 {"s":"bd","speed":1.5}', lines[0] if lines else out)
for line in lines:
    wb, we, pb, pe, js = line.split(" ", 4)
    obj = json.loads(js)
    check("sorted keys", list(obj) == sorted(obj), js)

# Sorting: by part begin, then whole begin, whole end, JSON text.
code, out, _ = run("--from", "0", "--to", "1", 'stack [s "b a", s "a b"]')

parts = [l.split(" ", 4) for l in out.splitlines()]
from fractions import Fraction
keys = [(Fraction(p[2]), Fraction(p[0]), Fraction(p[1]), p[4]) for p in parts]
check("sort order", keys == sorted(keys), out)

# Fragments and --onsets.
code, out, _ = run("--from", "1/2", "--to", "3/2", 'slow 2 $ s "bd"')
# As in Tidal, a patterned argument (even a constant one) splits events at cycle boundaries.
check("fragment", out == '0 2 1/2 1 {"s":"bd"}\n0 2 1 3/2 {"s":"bd"}\n', out)
code, out, _ = run("--onsets", "--from", "1/2", "--to", "3/2", 'slow 2 $ s "bd"')
check("onsets drop fragments", out == "", out)

# Continuous events print '- -' for the whole.
code, out, _ = run("--to", "1/2", "sine")
check("continuous", out.startswith("- - 0 1/2 {\"value\":"), out)

# Negative times and statements from several channels.
code, out, _ = run("--from", "-1/2", "--to", "0", 'd1 $ s "a b"\nd2 $ s "c"')
check("negative + channels", out == '-1 0 -1/2 0 {"orbit":1,"s":"c"}\n-1/2 0 -1/2 0 {"orbit":0,"s":"b"}\n', out)

# Errors: exit 2, nothing on stdout, LINE:COL: message on stderr.
code, out, err = run('d1 $ s "bd [sn"')
check("error exit", code == 2, code)
check("error stdout empty", out == "", out)
check("error format", err.startswith("1:") and ": " in err, err)
code, out, err = run("d1 $ every (s \"bd\") (fast 2) $ s \"sn\"")
check("type error", code == 2 and err.strip() == "1:13: 'every' expects a number first, got a pattern of sound names", err)

# Bad input never crashes or hangs.
for bad in ['"bd*1000000000"', 's "bd*1000000000"', "fast 0 $ s \"bd\"", "slow 0 $ s \"bd\"",
            's "bd" # speed (1/0)', '"1 2" / "0"', "(" * 10000, "[" * 100000, "\x01\x7f garbage \u00e9\u00ff"]:
    start = time.time()
    try:
        code, out, err = run(bad, timeout=20)
        ok = code in (0, 1, 2) and (code == 0 or err.strip() != "")
    except subprocess.TimeoutExpired:
        ok, code, err = False, "timeout", ""
    check("bad input " + repr(bad[:30]), ok, f"{code} {err[:200]}")

print(f"{passes} passed, {failures} failed")
sys.exit(1 if failures else 0)
