#!/usr/bin/env bash
# Makes sure the system packages the tests need are on this machine (Debian packages):
# PostgreSQL's server binaries (the tests start their own server on loopback), a Java
# runtime for the local Spark session of the engine's parity tests, and Chromium for the
# browser tests of the web pages (Playwright drives Debian's build), DejaVu fonts (umlauts in
# exported maps) and Pango, which WeasyPrint prints PDFs with. Nothing here starts a service.
set -euo pipefail
missing=()
compgen -G "/usr/lib/postgresql/*/bin/initdb" > /dev/null || missing+=(postgresql)
command -v java > /dev/null || missing+=(openjdk-17-jre-headless)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
ldconfig -p | grep -q 'libpangoft2-1.0.so.0' || missing+=(libpangoft2-1.0-0)
command -v chromium > /dev/null || missing+=(chromium)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ]; then
    echo "Missing Debian packages: ${missing[*]} (installing them needs root)." >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" > /dev/null
