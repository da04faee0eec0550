"""The numbers row in the exports, and the commands that print numbers and the draft."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from journeykit.cli import main
from journeykit.insight.step_numbers import step_numbers
from journeykit.insight.step_numbers_text import duration, percent, step_figures
from journeykit.model import JourneyDocument
from journeykit.render.export import export_journey, export_map_grid
from journeykit.render.map_grid import map_grid
from journeykit.render.numbers_row import StepFigures
from journeykit.render.spreadsheet import read_map_sheet
from journeykit.store import Workspace
from tests.insight.conftest import TINY_TRAILS, tiny_document, workspace_with


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return workspace_with(tmp_path / "ws", tiny_document(), TINY_TRAILS)


def _figures(folder: Path, language: str = "de") -> tuple[JourneyDocument, dict[str, StepFigures]]:
    with Workspace.open(folder) as ws:
        doc = ws.journeys().get("j")
        return doc, step_figures(step_numbers(ws, doc, "j"), language)


def test_without_numbers_every_export_is_what_it_was(folder: Path) -> None:
    doc, _ = _figures(folder)
    for fmt in ("svg", "csv"):
        plain = export_journey(doc, "j", fmt).content
        none = export_journey(doc, "j", fmt, numbers=None).content
        assert plain == none
        assert b"Kennzahlen" not in plain and b'data-lane="numbers"' not in plain


def test_the_drawing_gets_a_numbers_row_with_the_assumption_mark(folder: Path) -> None:
    doc, figures = _figures(folder)
    svg = export_journey(doc, "j", "svg", numbers=figures).content.decode()
    assert 'data-lane="numbers"' in svg and "Kennzahlen" in svg
    assert svg.count('data-assumption="1"') == 1  # step c
    assert "4 Kunden" in svg and "50 % vom vorigen Schritt" in svg


def test_tables_carry_the_numbers_and_the_grid_still_imports(folder: Path) -> None:
    doc, figures = _figures(folder, "en")
    csv = export_journey(doc, "j", "csv", language="en", numbers=figures).content
    rows = csv.decode("utf-8-sig").splitlines()
    numbers_rows = [r for r in rows if ",Numbers," in r]
    assert len(numbers_rows) == 4 and "Assumption: no data, no evidence" in numbers_rows[2]
    grid = map_grid(doc, language="en", numbers=figures)
    assert grid[2][0] == "# Numbers"
    workbook = export_journey(doc, "j", "xlsx", language="en", numbers=figures).content
    sheet = load_workbook(io.BytesIO(workbook)).worksheets[1]
    assert sheet.cell(3, 1).value == "# Numbers" and "4 customers" in str(sheet.cell(3, 2).value)
    plain_grid = export_map_grid(doc, "j").content
    again = read_map_sheet(plain_grid, filename="grid.csv")
    assert [s.title for _p, s in again.journey.steps()] == ["Step a", "Step b", "Step c", "Step d"]


def test_numbers_words(folder: Path) -> None:
    assert percent(0.7262, "de") == "72,6 %" and percent(0.5, "en") == "50 %"
    assert duration(450, "en") == "7.5 min" and duration(2 * 86400, "de") == "2,0 Tg."
    assert duration(12, "de") == "12 s"


def test_journey_numbers_command_prints_json_and_writes_the_map(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "map.svg"
    assert main(["-w", str(folder), "journey", "numbers", "j", "--json", "-o", str(target)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [s["customers"] for s in data["steps"]] == [4, 3, 0, 1]
    assert [s["assumption"] for s in data["steps"]] == [False, False, True, False]
    assert 'data-lane="numbers"' in target.read_text(encoding="utf-8")
    assert main(["-w", str(folder), "journey", "numbers", "j", "-o", str(tmp_path / "x.doc")]) != 0


def test_discover_command_explains_a_log_too_small(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["-w", str(folder), "discover", "--json"]) == 1
    error = capsys.readouterr().err
    assert "4 customers; discovery needs at least 10" in error and "too_few_customers" in error
