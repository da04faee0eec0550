#!/usr/bin/env bash
# Sets everything up and runs every check: ruff, mypy and the whole test suite
# (the suite starts its own PostgreSQL server on loopback).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/install-system-deps.sh
.venv/bin/ruff check src tests
.venv/bin/ruff format --check src tests
.venv/bin/mypy
exec .venv/bin/pytest "$@"
