#!/usr/bin/env bash
# Starts the local Case Status service (unless CASE_STATUS_BASE_URL points at a
# real one), the action server and the Rasa server (REST and socket channels),
# waits until they answer, prints where to talk to the assistant, and stays in the
# foreground until Ctrl-C, which stops both.
set -euo pipefail
# Databases, logs and mail under var/ hold applicants' data: readable by this user only.
umask 077
cd "$(dirname "$0")/.."
RASA=.venv/bin/rasa
PY=.venv/bin/python
RASA_PORT=${RASA_PORT:-5005}
ACTIONS_PORT=${ACTIONS_PORT:-5055}
ENDPOINTS=${ENDPOINTS:-endpoints.yml}
CASE_STATUS_PORT=${CASE_STATUS_PORT:-5056}
WEB_PORT=${WEB_PORT:-5080}
MAIL_PORT=${MAIL_PORT:-5025}
mkdir -p var/log
chmod 700 var var/log
TOKEN=$(cat var/api-token)
# Bounded input (README "Security"): request bodies over 64 KiB get 413 from Sanic;
# messages over APPLICANT_MESSAGE_MAX_CHARS are answered "too long" by the channels.
export SANIC_REQUEST_MAX_SIZE=${SANIC_REQUEST_MAX_SIZE:-65536}
# The action server's shared secret: Rasa sends it (endpoints.yml), the action server checks it.
export ACTION_SERVER_TOKEN=${ACTION_SERVER_TOKEN:-$(cat var/action-token)}
# Signs the conversation tokens that bind a chat to the browser that started it.
export APPLICANT_SESSION_KEY=${APPLICANT_SESSION_KEY:-$(cat var/session-key)}

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM

if [ -z "${CASE_STATUS_BASE_URL:-}" ]; then
  export CASE_STATUS_BASE_URL="http://127.0.0.1:$CASE_STATUS_PORT"
  $PY -m services.case_status_local --port "$CASE_STATUS_PORT" >var/log/case_status.log 2>&1 &
  pids+=($!)
  LOCAL_CASE_STATUS=1
fi
# The desk's C4 e-mail: a local SMTP server keeping each message in var/mail/, unless
# SMTP_HOST names a real one (README "Production").
if [ -z "${SMTP_HOST:-}" ]; then
  export SMTP_HOST=127.0.0.1 SMTP_PORT=$MAIL_PORT
  $PY -m services.mail_local --host 127.0.0.1 --port "$MAIL_PORT" --dir var/mail >var/log/mail.log 2>&1 &
  pids+=($!)
  MAIL_NOTE="smtp://127.0.0.1:$MAIL_PORT, each message kept in var/mail/"
else
  MAIL_NOTE="smtp://$SMTP_HOST:${SMTP_PORT:-25}"
fi
# The desk's accounts: one per role on a local run's first start (never in production).
$PY -m desk bootstrap-local --file var/desk-accounts.txt

# Everything listens on loopback only (README, "Production" for what goes public and how).
$PY -m actions.server --host 127.0.0.1 --port "$ACTIONS_PORT" >var/log/actions.log 2>&1 &
pids+=($!)
# CORS admits the chat page's origin only. The API token is passed through the
# environment (scripts/rasa_server.py), so it never shows in a process list.
RASA_API_TOKEN="$TOKEN" $PY scripts/rasa_server.py run --model models/current.tar.gz --enable-api \
  --interface 127.0.0.1 --cors "http://localhost:$WEB_PORT" "http://127.0.0.1:$WEB_PORT" \
  --port "$RASA_PORT" --credentials credentials.yml --endpoints "$ENDPOINTS" \
  >var/log/rasa.log 2>&1 &
pids+=($!)
# The applicants' chat page (web/), pointed at Rasa's socket channel, and the
# representatives' desk at /desk/, which drives the handoff through Rasa's HTTP API.
RASA_API_TOKEN="$TOKEN" $PY web/serve.py --port "$WEB_PORT" --rasa-url "http://localhost:$RASA_PORT" \
  --rasa-api-url "http://127.0.0.1:$RASA_PORT" >var/log/web.log 2>&1 &
pids+=($!)

wait_for() {  # url, name, seconds
  local i
  for ((i = 0; i < $3; i++)); do
    if curl -fs -o /dev/null "$1"; then return 0; fi
    for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null || { echo "$2 stopped; see var/log/" >&2; tail -20 var/log/*.log >&2; exit 1; }; done
    sleep 1
  done
  echo "$2 did not start within $3 s; see var/log/" >&2
  exit 1
}
if [ -n "${LOCAL_CASE_STATUS:-}" ]; then
  wait_for "$CASE_STATUS_BASE_URL/health" "local Case Status service" 60
fi
wait_for "http://127.0.0.1:$ACTIONS_PORT/health" "action server" 120
wait_for "http://127.0.0.1:$RASA_PORT/" "Rasa server" 300
wait_for "http://localhost:$WEB_PORT/health" "chat page server" 30

cat <<MSG

The assistant is running.
  Chat page (open in a browser):  http://localhost:$WEB_PORT/
  Representatives' desk:  http://localhost:$WEB_PORT/desk/   (accounts in var/desk-accounts.txt)
  Chat in the terminal:   make chat          (in another terminal)
  REST channel:           POST http://localhost:$RASA_PORT/webhooks/rest/webhook  {"message": "..."} (then "sender" + X-Conversation-Token, from the reply's headers)
  Socket channel:         http://localhost:$RASA_PORT/socket.io
  HTTP API (token in var/api-token): http://localhost:$RASA_PORT/status
  Case Status service:    $CASE_STATUS_BASE_URL
  E-mail (C4 callbacks):  $MAIL_NOTE
Logs are in var/log/. Press Ctrl-C to stop.
MSG
wait -n "${pids[@]}"
