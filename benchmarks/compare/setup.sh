#!/usr/bin/env bash
# Creates benchmarks/.venv-compare with the competitors of the comparison benchmark
# (retentioneering and pm4py) at the versions it was measured with. It is kept apart from the
# project's .venv on purpose: the competitors pull in pandas and their own pins, which must not
# leak into journeykit's environment. Re-running is cheap while the pins are unchanged.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
VENV=.venv-compare
# The versions measured in docs/benchmarks.md; change them together with a new measurement.
PINS=(
    "retentioneering==5.2.4"
    "pm4py==2.7.23.11"
    "pyarrow>=17"
)

if [ ! -x "$VENV/bin/python" ]; then
    "$PYTHON" -m venv "$VENV"
fi

stamp=$VENV/.compare-installed
want=$(printf '%s\n' "${PINS[@]}" | sha256sum | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    "$VENV/bin/python" -m pip install --quiet --upgrade pip
    "$VENV/bin/python" -m pip install --quiet "${PINS[@]}"
    echo "$want" > "$stamp"
fi
"$VENV/bin/python" -m pip freeze > "$VENV/freeze.txt"
echo "competitor environment ready: benchmarks/$VENV ($(grep -Ei '^(retentioneering|pm4py|pandas|duckdb)==' "$VENV/freeze.txt" | tr '\n' ' '))"
