#!/usr/bin/env bash
# usage: scripts/wait_for_port.sh PORT SECONDS PID  - wait until 127.0.0.1:PORT accepts connections
set -u
port=$1; timeout=$2; pid=${3:-}
for _ in $(seq 1 $((timeout * 2))); do
  if (exec 3<>/dev/tcp/127.0.0.1/"$port") 2>/dev/null; then exit 0; fi
  if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then echo "process $pid exited before port $port opened" >&2; exit 1; fi
  sleep 0.5
done
echo "timed out waiting for port $port" >&2
exit 1
