#!/usr/bin/env bash
# `make run`: the assistant on this machine until Ctrl-C. The launcher (launcher/local.py)
# starts the local Case Status service, the local SMTP server, the desk's accounts, the
# action server, Rasa and the chat page and desk server, prints where to talk to them,
# and stops them all on Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHONPATH="$PWD${PYTHONPATH:+:$PYTHONPATH}" exec .venv/bin/python -m launcher
