#!/usr/bin/env python3
"""seiche-cli journal against real journals: sessions recorded through the Journal API by
journal_record (one of them killed with SIGKILL mid-performance), then listed, shown,
written back to files and planned for restore, as a user would from a shell.

usage: journal_cli_test.py SEICHE_CLI JOURNAL_RECORD
"""
import json
import os
import signal
import subprocess
import sys
import tempfile
import time

CLI, RECORD = sys.argv[1], sys.argv[2]
failures = []


def check(condition, what):
    if not condition:
        failures.append(what)
        print("FAIL:", what)


def cli(*args, db=None):
    command = [CLI, "journal", *args] + (["--db", db] if db else [])
    run = subprocess.run(command, capture_output=True, text=True, timeout=60)
    return run.returncode, run.stdout, run.stderr


def record(db, commands):
    run = subprocess.run([RECORD, db], input="\n".join(commands) + "\n", capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    return int(run.stdout.strip())


def one_line_error(err):
    return err.count("\n") == 1 and err.startswith("seiche-cli journal")


with tempfile.TemporaryDirectory() as tmp:
    db = os.path.join(tmp, "seiche.db")

    # Help, usage errors and missing things: exit codes and one-line reasons.
    status, out, _ = cli("--help")
    check(status == 0 and "journal sessions" in out and "restore-plan" in out, "journal --help")
    status, out, _ = cli("show", "--help")
    check(status == 0 and "usage" in out, "journal show --help")
    status, _, err = cli()
    check(status == 2 and "usage" in err, "journal without a subcommand exits 2")
    status, _, err = cli("bogus")
    check(status == 2 and one_line_error(err), "unknown subcommand: " + err)
    status, _, err = cli("sessions", "--frobnicate")
    check(status == 2 and one_line_error(err) and "--frobnicate" in err, "unknown option: " + err)
    status, _, err = cli("sessions", db=os.path.join(tmp, "missing.db"))
    check(status == 1 and "no database at" in err and one_line_error(err), "missing database: " + err)
    check(not os.path.exists(os.path.join(tmp, "missing.db")), "a missing database is not created")

    finished = record(db, ["buffer b1 0 warm-up|d1 $ s \"bd\"", "eval b1 ok d1 $ s \"bd\"", "finish"])
    performance = record(db, [
        "buffer b1 0 drums|d1 $ s \"bd*2\"",
        "buffer b2 1 hats|d2 $ s \"hh*4\"",
        "eval b1 ok d1 $ s \"bd*2\"",
        "eval b2 ok d2 $ s \"hh*4\"",
        "transport play 0.5625",
        "eval b1 error d1 $ s \"bd",
        "buffer b1 0 drums|d1 $ s \"bd*2 sn\"\\n-- a second line",
        "eval b1 ok d1 $ s \"bd*2 sn\"",
        "buffer b3 2 |scratch that was closed",
        "close b3",
    ])
    check(performance > finished, "sessions are numbered in order")

    status, out, err = cli("sessions", "--json", db=db)
    check(status == 0, "sessions --json: " + err)
    sessions = json.loads(out) if status == 0 else []
    check([s["id"] for s in sessions] == [finished, performance], "both sessions listed: " + out)
    if len(sessions) == 2:
        check(sessions[0]["clean"] and sessions[0]["ended"] is not None, "a finished session is clean")
        check(not sessions[1]["clean"] and sessions[1]["ended"] is None, "an unfinished session is not")
        check(sessions[1]["buffers"] == 3 and sessions[1]["evaluations"] == 4, "counts: " + out)
        check(sessions[1]["appVersion"] == "journal-record", "app version: " + out)
    status, out, _ = cli("sessions", db=db)
    rows = [line.split("\t") for line in out.splitlines()]
    check(status == 0 and len(rows) == 2 and rows[0][3] == "clean" and rows[1][3] == "unfinished"
          and rows[1][4] == "3 buffers" and rows[1][5] == "4 evaluations", "sessions text: " + out)

    status, out, err = cli("show", str(performance), "--json", db=db)
    check(status == 0, "show --json: " + err)
    shown = json.loads(out) if status == 0 else {}
    evaluations = shown.get("evaluations", [])
    check([e["code"] for e in evaluations] == ["d1 $ s \"bd*2\"", "d2 $ s \"hh*4\"", "d1 $ s \"bd",
                                               "d1 $ s \"bd*2 sn\""], "evaluations in order: " + out)
    check([e["ok"] for e in evaluations] == [True, True, False, True], "ok flags")
    check(all(e["at"].endswith("Z") and e["sessionMs"] >= 0 for e in evaluations), "times")
    check([t["what"] for t in shown.get("transport", [])] == ["play"], "transport events")
    status, out, _ = cli("show", "last", db=db)
    lines = out.splitlines()
    check(status == 0 and len(lines) == 5 and lines[2].split("\t")[2] == "transport"
          and lines[3].split("\t")[5].startswith("error"), "show text, both timelines merged: " + out)
    status, _, err = cli("show", "999", db=db)
    check(status == 1 and "no session 999" in err and one_line_error(err), "unknown session: " + err)
    status, _, err = cli("show", "abc", db=db)
    check(status == 2 and one_line_error(err), "a session that is not a number: " + err)
    status, _, err = cli("show", db=db)
    check(status == 2 and one_line_error(err), "show without a session: " + err)

    out_dir = os.path.join(tmp, "recovered")
    status, out, err = cli("buffers", str(performance), "--out", out_dir, db=db)
    check(status == 0, "buffers: " + err)
    files = sorted(os.listdir(out_dir)) if os.path.isdir(out_dir) else []
    check(files == ["b3.tidal", "drums.tidal", "hats.tidal"], "buffer files: %s" % files)
    if "drums.tidal" in files:
        with open(os.path.join(out_dir, "drums.tidal")) as f:
            check(f.read() == "d1 $ s \"bd*2 sn\"\n-- a second line", "the latest text of a buffer")
    check("closed" in out.splitlines()[-1] if out else False, "a closed buffer is said to be closed: " + out)
    status, _, err = cli("buffers", str(performance), db=db)
    check(status == 2 and "--out" in err, "buffers needs --out: " + err)

    status, out, err = cli("restore-plan", "--json", db=db)
    check(status == 0, "restore-plan: " + err)
    plan = json.loads(out) if status == 0 else None
    check(plan is not None and plan["session"] == performance, "the unfinished session is offered: " + out)
    if plan:
        check([b["id"] for b in plan["buffers"]] == ["b1", "b2"], "open buffers only, in tab order")
        # The tempo comes last: the recorded evaluations said 0.5625 and none of them set it.
        check(plan["evaluations"] == ["d2 $ s \"hh*4\"", "d1 $ s \"bd*2 sn\"", "setcps 0.5625"],
              "evaluations still in effect: " + out)
        check(plan["playingChannels"] == [1, 2], "playing channels: " + out)
    status, out, _ = cli("restore-plan", "--except", str(performance), db=db)
    check(status == 0 and out.strip() == "nothing to restore", "the running session is never offered: " + out)
    status, out, _ = cli("restore-plan", "--session", str(finished), "--json", db=db)
    check(status == 0 and json.loads(out)["evaluations"] == ["d1 $ s \"bd\"", "setcps 0.5625"], "a finished session's plan: " + out)

    status, out, err = cli("dismiss", str(performance), db=db)
    check(status == 0 and "will not be offered" in out, "dismiss: " + err)
    status, out, _ = cli("restore-plan", "--json", db=db)
    check(status == 0 and out.strip() == "null", "a dismissed session is not offered again: " + out)
    status, out, _ = cli("sessions", db=db)
    check("unfinished, dismissed" in out, "sessions says it was dismissed: " + out)

    # Killed mid-performance: what was recorded half a second before is there.
    performer = subprocess.Popen([RECORD, db], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    performer.stdin.write("buffer b1 0 live|d1 $ s \"cp*3\"\neval b1 ok d1 $ s \"cp*3\"\n"
                          "buffer b1 0 live|d1 $ s \"cp*3\" # speed 2\nready\n")
    performer.stdin.flush()
    ready = performer.stdout.readline().split()
    killed = int(ready[1]) if len(ready) == 2 else -1
    time.sleep(0.5)
    performer.send_signal(signal.SIGKILL)
    performer.wait()
    check(performer.returncode == -signal.SIGKILL, "the performer was killed")
    status, out, err = cli("restore-plan", "--json", db=db)
    plan = json.loads(out) if status == 0 else None
    check(plan is not None and plan["session"] == killed, "the killed session is offered: " + out + err)
    if plan:
        check(plan["buffers"][0]["text"] == "d1 $ s \"cp*3\" # speed 2", "its latest text: " + out)
        check(plan["evaluations"] == ["d1 $ s \"cp*3\"", "setcps 0.5625"], "its evaluation: " + out)

if failures:
    print("%d checks failed" % len(failures))
    sys.exit(1)
print("all journal CLI checks passed")
