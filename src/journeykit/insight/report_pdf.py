"""The journey report printed to PDF by WeasyPrint: A4 portrait, the map on A3 landscape."""

from __future__ import annotations

from journeykit.insight.report import ReportContext, report_html
from journeykit.model.errors import JourneykitError


class ReportNotPrinted(JourneykitError):
    """WeasyPrint could not print the report."""

    code = "report_failed"
    status = 500


def report_pdf(ctx: ReportContext) -> bytes:
    """The report as PDF bytes."""
    from weasyprint import HTML

    html = report_html(ctx, for_print=True)
    try:
        pdf = HTML(string=html, base_url=".").write_pdf()
    except Exception as exc:  # WeasyPrint reports font and layout failures as plain errors
        raise ReportNotPrinted(f"the report could not be printed to PDF: {exc}") from exc
    if not isinstance(pdf, bytes):
        raise ReportNotPrinted("the PDF printer returned no document")
    return pdf
