#!/usr/bin/env python3
"""The real window in a real X server (Xvfb), as docs/screenshots/take.sh takes the
pictures in the docs: `seiche --screenshot` must start, play the demo, save a picture
of the window's size in each shipped theme, and exit 0.
Usage: xvfb_screenshot_test.py SEICHE"""
import os, struct, subprocess, sys, tempfile, zlib

seiche = sys.argv[1]
with tempfile.TemporaryDirectory() as tmp:
    env = dict(os.environ, XDG_CONFIG_HOME=f"{tmp}/config", SEICHE_DATA_DIR=f"{tmp}/data")
    env.pop("QT_QPA_PLATFORM", None)  # the xcb platform, in Xvfb
    for theme in ("dark", "light", "high-contrast"):
        png = f"{tmp}/{theme}.png"
        r = subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1280x800x24", seiche, "--screenshot", png,
                            "--after-ms", "700", "--theme", theme, "--no-device", "--kit-only", "--restore", "no"],
                           env=env, capture_output=True, text=True, timeout=120)
        if r.returncode != 0 or "seiche: saved" not in r.stdout:
            print(f"FAIL {theme}: exit {r.returncode}\n{r.stdout}\n{r.stderr}")
            sys.exit(1)
        data = open(png, "rb").read()
        if data[:8] != b"\x89PNG\r\n\x1a\n":
            print(f"FAIL {theme}: not a PNG")
            sys.exit(1)
        width, height = struct.unpack(">II", data[16:24])
        # The whole picture compresses far worse than a blank one would.
        if (width, height) != (1280, 800) or len(data) < 20000:
            print(f"FAIL {theme}: {width}x{height}, {len(data)} bytes")
            sys.exit(1)
        print(f"ok {theme}: {width}x{height}, {len(data)} bytes")
