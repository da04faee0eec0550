"""Errors of the store: every one a :class:`JourneykitError` with a stable code.

The CLI prints them as one line, the web layer turns ``status`` into the HTTP status; none of
them should ever reach a user as a traceback.
"""

from __future__ import annotations

from pathlib import Path

from journeykit.model.errors import JourneykitError


class WorkspaceExists(JourneykitError):
    """``journeykit init`` was pointed at a folder that already is a workspace."""

    code = "workspace_exists"
    status = 409

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"{path} already is a journeykit workspace",
            hint="open it instead, or choose another folder",
        )
        self.path = path


class WorkspaceMissing(JourneykitError):
    """A folder was opened as a workspace but holds no ``journeykit.toml``."""

    code = "workspace_missing"
    status = 404

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"{path} is not a journeykit workspace (it has no journeykit.toml)",
            hint=f"run `journeykit init {path}` to create one",
        )
        self.path = path


class WorkspaceLocked(JourneykitError):
    """Another process is writing to the workspace and did not finish in time."""

    code = "workspace_locked"
    status = 423

    def __init__(self, path: Path, waited: float | None = None) -> None:
        waited_text = f" (waited {waited:g} s)" if waited is not None else ""
        super().__init__(
            f"workspace {path} is busy: another process is writing to it{waited_text}",
            hint="try again when it has finished; JOURNEYKIT_LOCK_TIMEOUT sets how long to wait",
        )
        self.path = path


class WorkspaceUnusable(JourneykitError):
    """The workspace folder cannot be created or written (a file is in the way, no rights)."""

    code = "workspace_unusable"
    status = 400


class WorkspaceConfigInvalid(JourneykitError):
    """``journeykit.toml`` or a ``JOURNEYKIT_`` setting cannot be understood."""

    code = "invalid_config"
    status = 400


class SchemaTooNew(JourneykitError):
    """The database was migrated by a newer journeykit than this one."""

    code = "schema_too_new"
    status = 409

    def __init__(self, revision: str, head: str | None) -> None:
        super().__init__(
            f"the database schema is at revision {revision!r}, which this journeykit does not "
            f"know (it knows up to {head!r}); a newer journeykit has upgraded it",
            hint="upgrade journeykit to open this workspace",
        )
        self.revision = revision
        self.head = head


class DatabaseUnavailable(JourneykitError):
    """The database could not be reached or refused the operation."""

    code = "database_unavailable"
    status = 503


class ConflictError(JourneykitError):
    """A write was based on a revision that is no longer the journey's head.

    Nothing was written; the caller has to start again from the current head (or overwrite it
    on purpose with ``--force``).
    """

    code = "conflict"
    status = 409

    def __init__(
        self,
        message: str,
        *,
        hint: str | None = None,
        journey_id: str | None = None,
        base_revision: int | None = None,
        head_revision: int | None = None,
    ) -> None:
        super().__init__(message, hint=hint)
        self.journey_id = journey_id
        self.base_revision = base_revision
        self.head_revision = head_revision
