#!/usr/bin/env bash
# Prints the path of a Python 3.10 interpreter (Rasa 3.6 needs >=3.8,<3.11).
# Honours $PYTHON; otherwise tries python3.10 on PATH, then pyenv's versions.
set -u
ok() { "$1" -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 10) else 1)' 2>/dev/null; }
if [[ -n "${PYTHON:-}" ]]; then
  if ok "$PYTHON"; then echo "$PYTHON"; exit 0; fi
  echo "error: PYTHON=$PYTHON is not a Python 3.10 interpreter (Rasa 3.6 needs 3.8-3.10)." >&2
  exit 1
fi
candidates=()
command -v python3.10 >/dev/null 2>&1 && candidates+=("$(command -v python3.10)")
root=$(pyenv root 2>/dev/null || echo "$HOME/.pyenv")
for p in "$root"/versions/3.10.*/bin/python3; do [[ -x $p ]] && candidates+=("$p"); done
for p in /usr/bin/python3.10 /usr/local/bin/python3.10; do [[ -x $p ]] && candidates+=("$p"); done
for c in "${candidates[@]}"; do
  if ok "$c"; then echo "$c"; exit 0; fi
done
cat >&2 <<'MSG'
error: no Python 3.10 found. Rasa Open Source 3.6 runs on Python 3.8-3.10 only.
Install one (e.g. `pyenv install 3.10.13`) or point at it: make run PYTHON=/path/to/python3.10
MSG
exit 1
