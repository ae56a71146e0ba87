#!/usr/bin/env bash
# Makes sure the browser the end-to-end test drives is on the machine: Debian's chromium and a CJK font
# (so screenshots of Chinese text are legible). Installs them with apt-get when run as root; otherwise says
# what to install. Never downloads a browser build of its own.
set -euo pipefail
if [ -x /usr/bin/chromium ] && fc-list 2>/dev/null | grep -qi 'wenquanyi\|wqy'; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing chromium and fonts-wqy-microhei for the browser test (about a minute)…" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null
  exit 0
fi
echo "the browser test needs Debian's chromium and a CJK font: sudo apt-get install -y chromium fonts-wqy-microhei" >&2
exit 1
