#!/usr/bin/env bash
# `make web`: action server, Rasa (REST + socket.io) and the demo page; Ctrl-C stops all three.
set -eu
model=$1
actions_port=${ACTIONS_PORT:-5055}
rasa_port=${RASA_PORT:-5005}
web_port=${WEB_PORT:-8000}
mkdir -p .run
endpoints=$(scripts/endpoints.sh "$actions_port")
# The socket.io channel only accepts pages served from the demo's origin.
sed "s#:8000\"#:${web_port}\"#" credentials.yml > .run/credentials.yml

pids=()
cleanup() { trap - EXIT INT TERM; kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; echo "stopped"; }
trap cleanup EXIT INT TERM

.venv/bin/rasa run actions --port "$actions_port" > .run/actions.log 2>&1 & pids+=($!)
.venv/bin/rasa run -m "$(pwd)/$model" -i 127.0.0.1 --port "$rasa_port" \
  --endpoints "$endpoints" --credentials .run/credentials.yml > .run/rasa.log 2>&1 & pids+=($!)
.venv/bin/python web/serve.py --port "$web_port" --rasa-url "http://127.0.0.1:$rasa_port" 2> .run/web.log & pids+=($!)

echo "starting: actions :$actions_port, Rasa :$rasa_port (logs in .run/)"
scripts/wait_for_port.sh "$actions_port" 120 "${pids[0]}"
scripts/wait_for_port.sh "$rasa_port" 300 "${pids[1]}"
scripts/wait_for_port.sh "$web_port" 30 "${pids[2]}"
echo
echo "  Open http://127.0.0.1:$web_port/ and click \"Ask the article\".  Ctrl-C stops everything."
echo
wait -n "${pids[@]}" || true
echo "a server exited; see .run/*.log"
