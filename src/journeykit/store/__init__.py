"""Persistence of journeys: workspaces, their database, revisions and migrations.

A workspace is a folder with ``journeykit.toml`` and (by default) the SQLite file
``journeykit.db``; PostgreSQL is used by URL. Every save of a journey is a revision holding
the whole document, and writes are refused if they were based on a revision that is no longer
the head.
"""

from journeykit.store.errors import (
    ConflictError,
    DatabaseUnavailable,
    SchemaTooNew,
    WorkspaceConfigInvalid,
    WorkspaceExists,
    WorkspaceLocked,
    WorkspaceMissing,
    WorkspaceUnusable,
)
from journeykit.store.journeys import JourneyStore, JourneySummary, RevisionInfo
from journeykit.store.workspace import Workspace

__all__ = [
    "ConflictError",
    "DatabaseUnavailable",
    "JourneyStore",
    "JourneySummary",
    "RevisionInfo",
    "SchemaTooNew",
    "Workspace",
    "WorkspaceConfigInvalid",
    "WorkspaceExists",
    "WorkspaceLocked",
    "WorkspaceMissing",
    "WorkspaceUnusable",
]
