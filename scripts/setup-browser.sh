#!/usr/bin/env bash
# Makes sure a Chromium and a Firefox are there for the demo and the real-browser tests. Never downloads a
# browser of its own: Debian's packages when we are root, otherwise it says what to point CHROME_PATH and
# FIREFOX_PATH at.
# `setup-browser.sh chromium` checks Chromium only (the demo needs nothing else).
set -euo pipefail
wanted="${1:-all}"
missing=()
if [ -n "${CHROME_PATH:-}" ]; then
  [ -x "$CHROME_PATH" ] || { echo "CHROME_PATH=$CHROME_PATH is not an executable browser." >&2; exit 1; }
elif ! command -v chromium >/dev/null 2>&1; then
  missing+=(chromium)
fi
if [ "$wanted" = chromium ]; then
  :
elif [ -n "${FIREFOX_PATH:-}" ]; then
  [ -x "$FIREFOX_PATH" ] || { echo "FIREFOX_PATH=$FIREFOX_PATH is not an executable browser." >&2; exit 1; }
elif ! command -v firefox-esr >/dev/null 2>&1 && ! command -v firefox >/dev/null 2>&1; then
  missing+=(firefox-esr)
fi
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's ${missing[*]} (needed by the demo and the browser tests)…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  exit 0
fi
echo "Missing: ${missing[*]}. Install Chrome or Chromium and Firefox, then run again with" \
  "CHROME_PATH=/path/to/chrome and FIREFOX_PATH=/path/to/firefox." >&2
exit 1
