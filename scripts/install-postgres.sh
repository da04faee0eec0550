#!/usr/bin/env bash
# Makes sure a PostgreSQL server binary is on this machine (Debian package). The tests
# start and stop their own server on loopback; nothing here starts a service.
set -euo pipefail
if compgen -G "/usr/lib/postgresql/*/bin/initdb" > /dev/null; then
    exit 0
fi
if [ "$(id -u)" != 0 ]; then
    echo "PostgreSQL is missing: install the Debian package 'postgresql' (needs root)." >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends postgresql > /dev/null
