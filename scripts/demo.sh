#!/usr/bin/env bash
# Sets everything up, builds the demo workspace and serves it in the browser.
# The address is printed; Ctrl+C stops the server. Extra arguments go to `journeykit demo`
# (e.g. --port 8080, or --no-serve to only build it).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
echo "journeykit is installed in .venv/bin: run 'source .venv/bin/activate' to use the commands of the README."
echo
exec .venv/bin/journeykit demo demo-workspace --force "$@"
