"""The report's measure effects and KPI trends, on the demo workspace after `journeykit refresh`."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from journeykit.cli import main
from journeykit.demo.workspace import build_demo_workspace
from journeykit.insight.report import report_context, report_html, report_sections
from journeykit.insight.report_effects import kpi_trends_section
from journeykit.insight.report_sparkline import sparkline_svg
from journeykit.store import Workspace

JOURNEY = "preisvergleich-kauf"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo"
    build_demo_workspace(path).close()
    return path


@pytest.fixture(scope="module")
def refreshed(demo: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    copy = tmp_path_factory.mktemp("refreshed") / "demo"
    shutil.copytree(demo, copy)
    assert main(["-w", str(copy), "refresh"]) == 0
    return copy


def test_a_journey_never_refreshed_says_how_to_store_snapshots(demo: Path) -> None:
    with Workspace.open(demo) as ws:
        ctx = report_context(ws, ws.journeys().get(JOURNEY), language="en")
        (section,) = report_sections(ctx, [kpi_trends_section])
        html = report_html(ctx, builders=[kpi_trends_section])
    assert section.key == "trends" and section.template == "report_text.html"
    assert "No KPI snapshot has been stored yet: run `journeykit refresh`" in html
    assert "<svg" not in html.split("KPI trends", 1)[1]


def _section(html: str, anchor: str) -> str:
    match = re.search(rf'<section[^>]*id="{anchor}".*?</section>', html, re.S)
    assert match is not None, f"no section {anchor}"
    return match.group(0)


def test_the_report_shows_the_measures_effects_and_the_kpi_trends(refreshed: Path) -> None:
    with Workspace.open(refreshed) as ws:
        ctx = report_context(ws, ws.journeys().get(JOURNEY), language="en")
        html = report_html(ctx)
    keys = re.findall(r'<section[^>]*id="([a-z]+)"', html)
    assert keys[-3:] == ["measures", "effects", "trends"]
    effects = _section(html, "effects")
    # The calculator went live on 2 May 2024; bulky baskets gained against the parcel ones.
    calculator = re.search(r'data-measure="me-versandkostenrechner".*?</tr>', effects, re.S)
    assert calculator is not None
    assert "2024-05-02" in calculator.group(0)
    assert "58.6 %" in calculator.group(0) and "58.9 %" in calculator.group(0)
    assert "no clear change" in calculator.group(0)
    did = re.search(r'class="did" data-measure="me-versandkostenrechner".*?</tr>', effects, re.S)
    assert did is not None
    assert "basket_value &lt; 120" in did.group(0) and "+21.7" in did.group(0)
    assert "95 % CI 6.3 … 36.7" in did.group(0)
    feed = re.search(r'data-measure="me-gesamtpreis-im-feed".*?</tr>', effects, re.S)
    assert feed is not None and "has no go-live date" in feed.group(0)
    trends = _section(html, "trends")
    nps = re.search(r'<tr data-kpi="kpi-nps" class="alert">.*?</table></td>\s*</tr>', trends, re.S)
    assert nps is not None, "the NPS is past its alert threshold of −30"
    assert "-37.8 Punkte" in nps.group(0) and "30.0 Punkte" in nps.group(0)
    assert "off track" in nps.group(0) and "alert: past -30.0 Punkte" in nps.group(0)
    assert 'class="sparkline"' in nps.group(0)
    assert dt.date.today().isoformat() in nps.group(0)
    csat = re.search(r'<tr data-kpi="kpi-csat-zustellung">', trends)
    assert csat is not None  # 40.6 % is off track but above its 35 % alert threshold


def test_the_german_report_gives_effects_and_trends_in_german(refreshed: Path) -> None:
    with Workspace.open(refreshed) as ws:
        ctx = report_context(ws, ws.journeys().get(JOURNEY), language="de")
        html = report_html(ctx)
    effects, trends = _section(html, "effects"), _section(html, "trends")
    assert "Maßnahmen und ihre Wirkung" in html and "KPI-Verlauf" in html
    assert "Differenz der Differenzen" in effects and "+21,7" in effects
    assert "02.05.2024" in effects and "kein Go-live-Datum" in effects
    assert dt.date.today().strftime("%d.%m.%Y") in trends
    assert "nicht im Plan" in trends and "Alarm: jenseits von -30,0 Punkte" in trends


def test_the_sparkline_rises_with_the_values_and_draws_the_target() -> None:
    svg = sparkline_svg([1.0, None, 3.0], target=2.0, title="NPS")
    points = re.search(r'points="([^"]+)"', svg)
    assert points is not None
    (x1, y1), (x2, y2) = (tuple(map(float, p.split(","))) for p in points.group(1).split())
    assert x1 < x2 and y2 < y1  # higher values are drawn higher up
    assert 'class="sparkline-target"' in svg and "<title>NPS</title>" in svg
    assert sparkline_svg([None, None]) == ""
