"""Errors of the insight room: what is missing for a number, said plainly."""

from __future__ import annotations

from journeykit.model.errors import JourneykitError


class InsightError(JourneykitError):
    """Base of the insight room's errors."""

    code = "insight_error"
    status = 422


class NoData(InsightError):
    """A metric has no data to be computed from: never a made-up number instead."""

    code = "no_data"


class EmptyGroup(InsightError):
    """One group of a comparison holds nobody, so there is nothing to compare."""

    code = "empty_group"


class NotTestable(InsightError):
    """A hypothesis or measure lacks what a test needs (a test spec, a go-live date, a KPI)."""

    code = "not_testable"


class RefreshBusy(InsightError):
    """A refresh cannot run while an import writes to the workspace."""

    code = "refresh_busy"
    status = 423
