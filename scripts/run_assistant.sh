#!/usr/bin/env bash
# Starts the action server and the Rasa server (REST and socket channels), waits
# until both answer, prints where to talk to the assistant, and stays in the
# foreground until Ctrl-C, which stops both.
set -euo pipefail
cd "$(dirname "$0")/.."
RASA=.venv/bin/rasa
PY=.venv/bin/python
RASA_PORT=${RASA_PORT:-5005}
ACTIONS_PORT=${ACTIONS_PORT:-5055}
ENDPOINTS=${ENDPOINTS:-endpoints.yml}
mkdir -p var/log
TOKEN=$(cat var/api-token)

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM

$RASA run actions --actions actions --port "$ACTIONS_PORT" >var/log/actions.log 2>&1 &
pids+=($!)
$RASA run --model models/current.tar.gz --enable-api --auth-token "$TOKEN" --cors "*" \
  --port "$RASA_PORT" --credentials credentials.yml --endpoints "$ENDPOINTS" \
  >var/log/rasa.log 2>&1 &
pids+=($!)

wait_for() {  # url, name, seconds
  local i
  for ((i = 0; i < $3; i++)); do
    if curl -fsS -o /dev/null "$1"; then return 0; fi
    for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null || { echo "$2 stopped; see var/log/" >&2; tail -20 var/log/*.log >&2; exit 1; }; done
    sleep 1
  done
  echo "$2 did not start within $3 s; see var/log/" >&2
  exit 1
}
wait_for "http://localhost:$ACTIONS_PORT/health" "action server" 120
wait_for "http://localhost:$RASA_PORT/status?token=$TOKEN" "Rasa server" 300

cat <<MSG

The assistant is running.
  Chat in the terminal:   make chat          (in another terminal)
  REST channel:           POST http://localhost:$RASA_PORT/webhooks/rest/webhook  {"sender": "...", "message": "..."}
  Socket channel:         http://localhost:$RASA_PORT/socket.io
  HTTP API (token in var/api-token): http://localhost:$RASA_PORT/status
Logs are in var/log/. Press Ctrl-C to stop.
MSG
wait -n "${pids[@]}"
