#!/usr/bin/env bash
# Sets everything up and runs the main job: builds the demo workspace and shows what it holds.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/journeykit demo demo-workspace --force "$@"
