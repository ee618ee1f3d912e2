#!/usr/bin/env bash
# Print the path of a working Python 3.10 interpreter, or explain what to install and fail.
# Order: python3.10 on PATH (if it really runs), pyenv's 3.10.x, /root/.pyenv/versions/3.10.*.
set -u
works() { "$1" -c 'import sys; assert sys.version_info[:2] == (3, 10)' >/dev/null 2>&1; }

if command -v python3.10 >/dev/null 2>&1 && works python3.10; then
  # a pyenv shim may refuse to run when 3.10 is not the selected version: resolve the real binary
  real=$(python3.10 -c 'import sys; print(sys.executable)')
  echo "$real"; exit 0
fi
if command -v pyenv >/dev/null 2>&1; then
  for v in $(pyenv versions --bare 2>/dev/null | grep -E '^3\.10(\.|$)' | sort -V -r); do
    p="$(pyenv prefix "$v" 2>/dev/null)/bin/python"
    if [ -x "$p" ] && works "$p"; then echo "$p"; exit 0; fi
  done
fi
for p in $(ls -d "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.10.*/bin/python /root/.pyenv/versions/3.10.*/bin/python 2>/dev/null | sort -V -r); do
  if works "$p"; then echo "$p"; exit 0; fi
done
cat >&2 <<'MSG'
error: Python 3.10 not found (Rasa Open Source 3.6 needs Python 3.10).
Install it, e.g. `pyenv install 3.10.13` or your system's python3.10 package (with venv),
then run the command again.
MSG
exit 1
