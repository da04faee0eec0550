#!/usr/bin/env bash
# Refreshes the browser workspace's vendored assets in src/journeykit/web/static/vendor/ from
# npm (the app itself never loads anything from the internet). Versions are pinned here; after
# a change, run the browser tests (bash scripts/screenshots.sh) and commit the files.
set -euo pipefail
cd "$(dirname "$0")/.."
HTMX=2.0.11
SORTABLE=1.15.7
SWAGGER=5.35.0
INTER=5.3.0
LUCIDE=1.62.0
# The Lucide icons the pages use; templates and web/map_cells.py name them.
ICONS="alert-triangle arrow-left arrow-right check columns-2 download eye eye-off file-text
file-up flask-conical folder-kanban gauge globe grip-vertical history layout-grid life-buoy mail
megaphone message-circle package pencil phone plus quote scale search share-2 smartphone star
store target trash-2 undo-2 upload user users x"

vendor=src/journeykit/web/static/vendor
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "htmx.org@$HTMX" "sortablejs@$SORTABLE" "swagger-ui-dist@$SWAGGER" \
    "@fontsource-variable/inter@$INTER" "lucide-static@$LUCIDE" > /dev/null)
for archive in "$work"/*.tgz; do
    mkdir -p "${archive%.tgz}" && tar xzf "$archive" -C "${archive%.tgz}"
done
mkdir -p "$vendor"/{htmx,sortable,swagger-ui,inter,lucide}
cp "$work"/htmx.org-*/package/dist/htmx.min.js "$work"/htmx.org-*/package/LICENSE "$vendor/htmx/"
cp "$work"/sortablejs-*/package/Sortable.min.js "$work"/sortablejs-*/package/LICENSE "$vendor/sortable/"
cp "$work"/swagger-ui-dist-*/package/{swagger-ui-bundle.js,swagger-ui-bundle.js.LICENSE.txt,swagger-ui.css,LICENSE,NOTICE} \
    "$vendor/swagger-ui/"
cp "$work"/fontsource-variable-inter-*/package/files/inter-latin{,-ext}-wght-normal.woff2 \
    "$work"/fontsource-variable-inter-*/package/LICENSE "$vendor/inter/"
cp "$work"/lucide-static-*/package/LICENSE "$vendor/lucide/"
python3 - "$work"/lucide-static-*/package/icons "$vendor/lucide/sprite.svg" "$LUCIDE" $ICONS <<'PY'
import pathlib
import sys

icons, target, version, *names = sys.argv[1:]
symbols = []
for name in names:
    svg = (pathlib.Path(icons) / f"{name}.svg").read_text()
    inner = " ".join(svg[svg.index(">", svg.index("<svg")) + 1 : svg.rindex("</svg>")].split())
    symbols.append(f'<symbol id="{name}" viewBox="0 0 24 24">{inner}</symbol>')
pathlib.Path(target).write_text(
    f"<!-- Icons from lucide-static v{version} (ISC licence, see LICENSE) -->\n"
    '<svg xmlns="http://www.w3.org/2000/svg">\n' + "\n".join(symbols) + "\n</svg>\n"
)
PY
echo "Vendored htmx $HTMX, SortableJS $SORTABLE, Swagger UI $SWAGGER, Inter $INTER, Lucide $LUCIDE."
