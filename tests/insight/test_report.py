"""The journey report, on a tiny workspace whose numbers are known."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from journeykit.insight.report import (
    SECTION_BUILDERS,
    ReportContext,
    ReportSection,
    report_context,
    report_html,
    report_sections,
)
from journeykit.insight.report_pdf import report_pdf
from journeykit.model import Hypothesis, Measure
from journeykit.store import Workspace
from tests.insight.conftest import TINY_TRAILS, tiny_document, workspace_with


@pytest.fixture
def workspace(tmp_path: Path) -> Workspace:
    document = tiny_document()
    document.hypotheses.append(
        Hypothesis(id="hy-1", statement="Wer vergleicht, kauft später", status="supported",
                   evidence_ids=["ev-1"], step_ids=["b"])
    )  # fmt: skip
    document.measures.append(
        Measure(id="me-1", title="Preisrechner", impact=5, effort=1, status="in_progress")
    )
    return Workspace.open(workspace_with(tmp_path / "ws", document, TINY_TRAILS))


def test_sections_come_in_reading_order(workspace: Workspace) -> None:
    ctx = report_context(workspace, workspace.journeys().get("j"), language="en")
    keys = [s.key for s in report_sections(ctx)]
    assert keys == [
        "glance", "drops", "map", "curve", "pains", "hypotheses", "measures", "effects", "trends",
    ]  # fmt: skip


def test_the_report_names_the_largest_loss_and_the_assumption(workspace: Workspace) -> None:
    ctx = report_context(workspace, workspace.journeys().get("j"), language="en")
    html = report_html(ctx)
    # a loses 2 of 4 customers on the way to b, b loses 2 of 3 on the way to d: a tie
    # broken by map order
    assert "50 % of customers do not get from “Step a” to “Step b”" in html
    assert "Resting on assumptions only, with nothing to back them yet: 1 of 4 steps." in html
    assert 'data-assumption="1"' in html  # the map's assumption mark
    assert "Wer vergleicht, kauft später" in html and "Ich vergleiche erst" in html
    assert "Preisrechner" in html and "quick win" in html
    assert "No feedback" in html


def test_german_report_speaks_german(workspace: Workspace) -> None:
    ctx = report_context(workspace, workspace.journeys().get("j"), language="de")
    html = report_html(ctx)
    assert '<html lang="de">' in html
    assert "Wo Kunden abspringen" in html and "Überlegung" in html and "bestätigt" in html


def test_an_extension_section_joins_without_placeholders(workspace: Workspace) -> None:
    ctx = report_context(workspace, workspace.journeys().get("j"), language="en")

    def forecast(context: ReportContext) -> ReportSection:
        return ReportSection("forecast", "Forecast", "report_text.html", {"text": "NPS rising"})

    def silent(context: ReportContext) -> None:
        return None

    html = report_html(ctx, builders=[*SECTION_BUILDERS, forecast, silent])
    assert 'id="forecast"' in html and "NPS rising" in html
    assert 'id="forecast"' not in report_html(ctx)


def test_the_pdf_prints_text_on_a4_and_the_map_on_a3(workspace: Workspace) -> None:
    ctx = report_context(workspace, workspace.journeys().get("j"), language="de")
    pages = PdfReader(io.BytesIO(report_pdf(ctx))).pages
    sizes = [(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in pages]
    assert sizes[0] == (595, 842)  # A4 portrait
    assert (1191, 842) in sizes  # A3 landscape
    text = "".join(page.extract_text() for page in pages)
    assert "Journey-Bericht" in text and "Maßnahmen" in text and "Überlegung" in text
