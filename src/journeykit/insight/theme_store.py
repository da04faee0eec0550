"""The workspace's feedback themes, clustered once per version of the feedback.

Clustering every comment takes seconds (k-means over a range of k, scored by silhouette),
far too long for a map page, and the result depends on the feedback alone. So the themes
are kept in memory (shared by copies of one workspace) and in ``.journeykit-themes.json`` in
the workspace folder, stamped with the feedback file's modification time and size: the
first page or command after an import clusters, every later one (also after a server
restart) reads the file.

The stored themes carry what the numbers, discovery and the report use (name, keywords, size,
sentiment, shares, examples, centre); their ``touchpoints`` and ``steps`` name the places of
the maps at clustering time.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
from dataclasses import asdict
from pathlib import Path
from typing import Any

import numpy as np

from journeykit.feedback.service import workspace_places
from journeykit.feedback.store import FEEDBACK_FILE
from journeykit.feedback.themes import Comment, Theme, find_themes
from journeykit.store import Workspace

THEMES_FILE = ".journeykit-themes.json"
_VERSION = 1
_MEMORY: dict[tuple[object, ...], list[Theme]] = {}
#: Bytes read from each end of the feedback file for its fingerprint.
_FINGERPRINT_BYTES = 1 << 16
_LOCK = threading.Lock()
# One clustering at a time: a second request for the same themes waits for the first
# instead of clustering again beside it.
_CLUSTERING = threading.Lock()


def feedback_stamp(folder: Path) -> tuple[int, int] | None:
    """The feedback file's (modification time, size), None without feedback."""
    try:
        status = (folder / FEEDBACK_FILE).stat()
    except FileNotFoundError:
        return None
    return (status.st_mtime_ns, status.st_size)


def _fingerprint(folder: Path) -> str:
    """A digest of the feedback file's ends: a copied workspace (same content, same stamp)
    shares its themes with the original, a changed file does not."""
    path = folder / FEEDBACK_FILE
    try:
        with path.open("rb") as data:
            digest = hashlib.sha256(data.read(_FINGERPRINT_BYTES))
            data.seek(max(0, path.stat().st_size - _FINGERPRINT_BYTES))
            digest.update(data.read())
    except FileNotFoundError:
        return ""
    return digest.hexdigest()


def _read(path: Path, stamp: tuple[int, int] | None) -> list[Theme] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if data.get("version") != _VERSION or data.get("stamp") != list(stamp or ()):
        return None
    themes = []
    for item in data.get("themes", []):
        centre = item.pop("centre", None)
        vector = None if centre is None else np.array(centre, np.float32)
        themes.append(Theme(**item, centre=vector))
    return themes


def _write(path: Path, stamp: tuple[int, int] | None, themes: list[Theme]) -> None:
    rows: list[dict[str, Any]] = []
    for theme in themes:
        row = asdict(theme)
        row["centre"] = None if theme.centre is None else [float(v) for v in theme.centre]
        rows.append(row)
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        temporary.write_text(
            json.dumps({"version": _VERSION, "stamp": list(stamp or ()), "themes": rows}),
            encoding="utf-8",
        )
        temporary.replace(path)
    except OSError:
        # A read-only workspace still gets its themes, only not kept for the next process.
        temporary.unlink(missing_ok=True)


def workspace_themes(workspace: Workspace, comments: list[Comment]) -> list[Theme]:
    """The themes of the workspace's ``comments`` (what ``journeykit feedback themes`` finds)."""
    stamp = feedback_stamp(workspace.path)
    key = (stamp, _fingerprint(workspace.path))
    with _LOCK:
        if key in _MEMORY:
            return _MEMORY[key]
    with _CLUSTERING:
        with _LOCK:
            if key in _MEMORY:
                return _MEMORY[key]
        path = workspace.path / THEMES_FILE
        themes = _read(path, stamp)
        if themes is None:
            themes = find_themes(comments, workspace_places(workspace))
            _write(path, stamp, themes)
    with _LOCK:
        _MEMORY.clear()
        _MEMORY[key] = themes
    return themes
