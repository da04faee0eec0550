"""The numbers of a journey, its exports with the numbers row, and its report, for the pages
and their ``/api/v1`` twins."""

from __future__ import annotations

from journeykit.insight.step_numbers import JourneyNumbers, cached_step_numbers
from journeykit.insight.step_numbers_text import step_figures
from journeykit.model.errors import did_you_mean
from journeykit.store import Workspace
from journeykit.web.services.errors import FieldInvalid

#: The exports that can carry the numbers row.
NUMBER_FORMATS = ("svg", "png", "pdf", "csv", "xlsx")
REPORT_FORMATS = ("html", "pdf")


def journey_numbers(ws: Workspace, journey_id: str, revision: int | None = None) -> JourneyNumbers:
    """The numbers of a revision of the journey (the head by default)."""
    return cached_step_numbers(ws, ws.journeys().get(journey_id, revision))


def _choice(field: str, value: str, allowed: tuple[str, ...]) -> None:
    if value not in allowed:
        suggestion = did_you_mean(value, allowed)
        raise FieldInvalid(
            field,
            "error.format",
            f"must be one of {', '.join(allowed)}"
            + (f" (did you mean {suggestion!r}?)" if suggestion else ""),
            allowed=", ".join(allowed),
        )


def export_with_numbers(
    ws: Workspace,
    journey_id: str,
    fmt: str,
    *,
    revision: int | None = None,
    language: str = "de",
    hidden_lanes: tuple[str, ...] = (),
) -> tuple[bytes, str, str]:
    """The drawn or tabled journey with its numbers row: (content, media type, file name)."""
    from journeykit.render.export import export_journey

    _choice("format", fmt, NUMBER_FORMATS)
    doc = ws.journeys().get(journey_id, revision)
    figures = step_figures(cached_step_numbers(ws, doc), language)
    rendered = export_journey(
        doc, journey_id, fmt, language=language, hidden_lanes=hidden_lanes, numbers=figures
    )
    name = rendered.filename.rsplit(".", 1)
    return rendered.content, rendered.media_type, f"{name[0]}-numbers.{name[1]}"


def journey_report(
    ws: Workspace, journey_id: str, fmt: str, *, language: str, revision: int | None = None
) -> tuple[bytes, str, str]:
    """The journey report as HTML or PDF: (content, media type, file name)."""
    from journeykit.insight.report import report_context, report_html
    from journeykit.insight.report_pdf import report_pdf

    _choice("format", fmt, REPORT_FORMATS)
    doc = ws.journeys().get(journey_id, revision)
    ctx = report_context(ws, doc, language=language)
    if fmt == "pdf":
        return report_pdf(ctx), "application/pdf", f"{journey_id}-report.pdf"
    return report_html(ctx).encode("utf-8"), "text/html; charset=utf-8", f"{journey_id}-report.html"
