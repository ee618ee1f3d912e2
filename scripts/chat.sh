#!/usr/bin/env bash
# Start the action server in the background, open `rasa shell`, stop the action server on exit.
set -eu
model=$1
actions_port=${ACTIONS_PORT:-5055}
rasa_port=${RASA_PORT:-5005}
endpoints=$(scripts/endpoints.sh "$actions_port")
mkdir -p .run
.venv/bin/rasa run actions --port "$actions_port" > .run/actions.log 2>&1 &
actions_pid=$!
trap 'kill $actions_pid 2>/dev/null; wait $actions_pid 2>/dev/null || true' EXIT HUP INT TERM
echo "action server starting on 127.0.0.1:$actions_port (log: .run/actions.log)"
scripts/wait_for_port.sh "$actions_port" 60 "$actions_pid"
.venv/bin/python scripts/shell.py -m "$(pwd)/$model" --endpoints "$endpoints" -i 127.0.0.1 --port "$rasa_port"
