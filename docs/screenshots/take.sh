#!/usr/bin/env bash
# Screenshots of the real window under Xvfb, for docs/app.md: the demo playing in
# the dark and the high-contrast themes. Usage: docs/screenshots/take.sh (after a build)
set -euo pipefail
cd "$(dirname "$0")/../.."
export XDG_CONFIG_HOME="$(mktemp -d)" SEICHE_DATA_DIR="$(mktemp -d)"
for theme in dark high-contrast; do
  xvfb-run -a -s "-screen 0 1280x800x24" \
    build/seiche --screenshot "docs/screenshots/${theme}.png" --after-ms 2500 --theme "$theme" \
                 --no-device --kit-only --restore no
done
