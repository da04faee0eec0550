"""``journeykit journey export`` in the drawn and tabular formats, and ``import-sheet``."""

from __future__ import annotations

import io
import json
from pathlib import Path

from openpyxl import load_workbook
from pypdf import PdfReader

from tests.cli.conftest import DemoCopy, Run


def test_the_map_exports_as_pdf_png_svg_and_xlsx_by_suffix(
    run: Run, demo: DemoCopy, tmp_path: Path
) -> None:
    ws, journey_id = demo.ws, demo.journey_id
    for name in ("karte.pdf", "karte.png", "karte.xlsx"):
        result = run("journey", "export", journey_id, "-o", name, "-l", "de", "-w", ws)
        assert result.code == 0, result.err
        assert f"to {name}" in result.out
    pdf = PdfReader(tmp_path / "karte.pdf")
    assert float(pdf.pages[0].mediabox.width) > float(pdf.pages[0].mediabox.height)
    assert "Überlegung" in pdf.pages[0].extract_text()
    assert (tmp_path / "karte.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    book = load_workbook(io.BytesIO((tmp_path / "karte.xlsx").read_bytes()))
    assert book.sheetnames == ["Einträge", "Karte"]
    svg = run("journey", "export", journey_id, "-f", "svg", "--hide", "backstage", "-w", ws)
    assert svg.out.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<svg')
    assert 'data-lane="backstage"' not in svg.out and 'data-lane="frontstage"' in svg.out
    wrong = run("journey", "export", journey_id, "-f", "pdf", "--grid", "-w", ws)
    assert wrong.code == 2 and "--grid goes with --format csv" in wrong.err


def test_a_grid_exported_to_csv_imports_as_a_new_journey(
    run: Run, demo: DemoCopy, tmp_path: Path
) -> None:
    ws, journey_id = demo.ws, demo.journey_id
    exported = run(
        "journey",
        "export",
        journey_id,
        "-f",
        "csv",
        "--grid",
        "-l",
        "de",
        "-o",
        "grid.csv",
        "-w",
        ws,
    )
    assert exported.code == 0, exported.err
    imported = run(
        "journey",
        "import-sheet",
        "grid.csv",
        "--title",
        "Kauf aus Excel",
        "-m",
        "aus Excel",
        "-w",
        ws,
    )
    assert imported.code == 0, imported.err
    assert "Imported kauf-aus-excel as revision 1: 7 phases, 19 steps, 3 personas" in imported.out
    listed = {row["id"]: row for row in json.loads(run("journey", "list", "--json", "-w", ws).out)}
    assert listed["kauf-aus-excel"]["title"] == "Kauf aus Excel"
    history = run("journey", "history", "kauf-aus-excel", "--json", "-w", ws)
    assert json.loads(history.out)[0]["message"] == "aus Excel"
    again = run("journey", "import-sheet", "grid.csv", "--title", "Kauf aus Excel", "-w", ws)
    assert again.code == 1 and "[conflict]" in again.err and "--force" in again.err
    forced = run(
        "journey", "import-sheet", "grid.csv", "--title", "Kauf aus Excel", "--force", "-w", ws
    )
    assert forced.out.strip() == "kauf-aus-excel: unchanged, still at revision 1"

    broken = tmp_path / "kaputt.csv"
    broken.write_text("Phase;Kauf\nSchritt;Bestellen\nPainponts;teuer\nEmotionen;abc\n", "utf-8")
    refused = run("journey", "import-sheet", "kaputt.csv", "-w", ws)
    assert refused.code == 1
    assert refused.err.splitlines() == [
        "error: kaputt.csv:3: A3: unknown row name 'Painponts'; expected Phase, Schritt/Step or "
        "a lane such as Aktionen, Gedanken, Emotionen, Bedürfnisse, Painpoints, Lovepoints, "
        "Optimierungspotenziale, Touchpoints, Frontstage, Backstage (start the name with # "
        "to skip the row) [unknown_lane] "
        "(did you mean 'Painpoints'?)",
        "error: kaputt.csv:4: B4: expected an emotion score from -2 to 2 (a whole number), "
        "found 'abc' [invalid_emotion]",
    ]
    assert "kaputt" not in run("journey", "list", "--json", "-w", ws).out
