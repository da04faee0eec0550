"""The data a workspace holds for insight: its event log and its survey answers, opened once.

Both are opened lazily (a score needs no event log) and read-only; a log that another process
is writing surfaces as :class:`~journeykit.events.store.EventLogBusy`, never a driver error.
"""

from __future__ import annotations

from types import TracebackType

import duckdb

from journeykit.events.backends import open_engine
from journeykit.events.engine import Engine
from journeykit.events.log import EventLog
from journeykit.events.store import EventLogBusy
from journeykit.feedback.kpis import Answer
from journeykit.feedback.queries import stored_answers
from journeykit.feedback.settings import FeedbackSettings, read_settings
from journeykit.feedback.store import FeedbackStore
from journeykit.insight.errors import NoData
from journeykit.store import Workspace


class WorkspaceData:
    """The event log and feedback of ``workspace``; use as a context manager."""

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self._engine: Engine | None = None
        self._log: EventLog | None = None
        self._answers: list[Answer] | None = None
        self._settings: FeedbackSettings | None = None

    def log(self) -> EventLog:
        """The whole event log (opened on first use)."""
        if self._log is None:
            try:
                self._engine = open_engine(self.workspace.path, self.workspace.config.events_url)
            except duckdb.IOException as exc:
                raise EventLogBusy(
                    f"the event log of {self.workspace.path} is being written by another "
                    "process (an import is running)",
                    hint="run this again when the import has finished",
                ) from exc
            self._log = EventLog.of(self._engine)
        return self._log

    def has_attributes(self) -> bool:
        """Whether customer attributes were imported into the event log."""
        return self.log().engine.has_table("attributes")

    def answers(self) -> list[Answer]:
        """Every stored survey answer; no feedback at all is :class:`NoData`."""
        if self._answers is None:
            store = FeedbackStore(self.workspace.path)
            if not store.exists():
                raise NoData(
                    f"the workspace {self.workspace.path} has no feedback, so no score can "
                    "be computed",
                    hint="import survey answers with `journeykit feedback import FILE`",
                )
            self._answers = stored_answers(store)
        return self._answers

    def settings(self) -> FeedbackSettings:
        """The workspace's feedback settings (scales, CES direction)."""
        if self._settings is None:
            self._settings = read_settings(self.workspace.path)
        return self._settings

    def close(self) -> None:
        """Release the event log's connection."""
        if self._engine is not None:
            self._engine.close()
            self._engine = None
            self._log = None

    def __enter__(self) -> WorkspaceData:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()
