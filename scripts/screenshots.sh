#!/usr/bin/env bash
# Refreshes the screenshots in docs/screenshots/ by running the browser tests, which keep
# them when JOURNEYKIT_SCREENSHOTS names a folder (Debian's Chromium must be installed).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
JOURNEYKIT_SCREENSHOTS="$PWD/docs/screenshots" exec .venv/bin/pytest tests/web/test_browser.py tests/web/test_browser_share.py -q "$@"
