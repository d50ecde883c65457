#!/usr/bin/env bash
# Makes sure a Chromium is there for the demo and the real-browser tests. Never downloads a browser of
# its own: Debian's package when we are root, otherwise it says what to point CHROME_PATH at.
set -euo pipefail
if [ -n "${CHROME_PATH:-}" ]; then
  [ -x "$CHROME_PATH" ] || { echo "CHROME_PATH=$CHROME_PATH is not an executable browser." >&2; exit 1; }
  exit 0
fi
command -v chromium >/dev/null 2>&1 && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium (needed by the demo and the browser tests)…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "No Chromium found. Install Chrome or Chromium and run again with CHROME_PATH=/path/to/chrome." >&2
exit 1
