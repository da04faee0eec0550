"""The journey report's building blocks: the context section builders read and the section
they return (see :mod:`journeykit.insight.report`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from journeykit.insight.discovery_themes import ThemeCandidate
from journeykit.insight.report_text import report_text
from journeykit.insight.step_numbers import JourneyNumbers
from journeykit.model.document import JourneyDocument
from journeykit.store import Workspace


@dataclass(frozen=True)
class ReportContext:
    """Everything the section builders read, computed once per report."""

    workspace: Workspace
    document: JourneyDocument
    numbers: JourneyNumbers
    language: str
    today: dt.date
    pains: Sequence[ThemeCandidate] = ()

    def say(self, key: str, **values: object) -> str:
        """A report text in the report's language."""
        return report_text(key, self.language, **values)


@dataclass(frozen=True)
class ReportSection:
    """One section: its anchor, heading, the template drawing it and that template's data."""

    key: str
    title: str
    template: str
    data: dict[str, Any] = field(default_factory=dict)


SectionBuilder = Callable[[ReportContext], ReportSection | None]
