#!/usr/bin/env bash
# Write an endpoints file for non-default ports next to the project's endpoints.yml and print its path.
# usage: scripts/endpoints.sh ACTIONS_PORT
set -eu
port=${1:-5055}
if [ "$port" = 5055 ]; then echo endpoints.yml; exit 0; fi
mkdir -p .run
sed "s#http://127.0.0.1:5055/webhook#http://127.0.0.1:${port}/webhook#" endpoints.yml > .run/endpoints.yml
echo .run/endpoints.yml
