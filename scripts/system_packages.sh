#!/usr/bin/env bash
# The Debian packages the tests need, installed with apt when missing (`make test` runs this).
# Where that is impossible (not root, no apt) it stops at once and says what to install.
# Today only the browser tests need one: chromium (Debian's; test tools can't download browsers).
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "make test needs these Debian packages: ${need[*]}" >&2
  echo "install them (sudo apt-get install ${need[*]}) and run make test again" >&2
  exit 1
fi
echo "installing Debian packages the tests need: ${need[*]}"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
