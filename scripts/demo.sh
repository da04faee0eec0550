#!/usr/bin/env bash
# Sets everything up and runs the main job: builds the demo workspace and shows what it holds.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/journeykit demo demo-workspace --force "$@"
echo
echo "journeykit is installed in .venv/bin: run 'source .venv/bin/activate' to use the commands above."
