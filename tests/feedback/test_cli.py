"""The ``journeykit feedback`` commands as a new user runs them, through the real script."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from journeykit.demo.shop import build_demo_document
from journeykit.store import Workspace
from tests.feedback.conftest import write

JOURNEYKIT = Path(sys.executable).with_name("journeykit")

#: A German Excel export from a survey tool, as saved: cp1252, ";" and decimal commas.
EXPORT = "Kundennummer;Datum;Kontaktpunkt;Frage;Wert;Kommentar\n" + "".join(
    f"K-{i};{1 + i % 28:02d}.0{3 + i % 2}.2024;{tp};{q};{score};{comment}\n"
    for i, (tp, q, score, comment) in enumerate(
        [
            ("Warenkorb", "NPS", "9", "Schnell gefunden, gerne wieder"),
            (
                "Checkout: Versandart und Versandkosten",
                "NPS",
                "2",
                "Zuschlag erst im Checkout, eine Frechheit!",
            ),
            ("Checkout: Versandart und Versandkosten", "CSAT", "2", ""),
            ("Warenkorb", "CES", "6,0", ""),
        ]
        * 10
    )
)


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("JOURNEYKIT_")}
    env.update({"COLUMNS": "160", "NO_COLOR": "1"})
    return subprocess.run(
        [str(JOURNEYKIT), *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
    )


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    with Workspace.create(tmp_path / "ws", name="Shop") as ws:
        ws.journeys().save(build_demo_document(), author="t", message="m", base_revision=None)
    return tmp_path / "ws"


def test_a_new_user_imports_an_excel_export_and_sees_nps_by_touchpoint(
    workspace: Path, tmp_path: Path
) -> None:
    path = write(tmp_path / "Umfrage Export.csv", EXPORT, "cp1252")
    done = _run("feedback", "import", str(path), "-w", str(workspace), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "40 added, 0 already stored, 0 rejected" in done.stdout
    kpis = _run(
        "feedback", "kpis", "--by", "touchpoint", "--json", "-w", str(workspace), cwd=tmp_path
    )
    assert kpis.returncode == 0, kpis.stderr
    rows = json.loads(kpis.stdout)
    assert all(
        list(r) == ["group", "kind", "responses", "score", "ci_low", "ci_high"] for r in rows
    )
    by_key = {(r["group"], r["kind"]): r for r in rows}
    checkout = by_key[("Checkout: Versandart und Versandkosten", "nps")]
    assert (checkout["responses"], checkout["score"]) == (10, -100.0)
    # Adjusted Wald by hand: n~=13, d~=10.75/13, p~=0.75/13, half-width 0.2942.
    assert checkout["ci_low"] == -100.0 and checkout["ci_high"] == pytest.approx(-47.5, abs=0.1)
    assert by_key[("Warenkorb", "ces")]["score"] == 6.0
    assert "rest on fewer than 30 answers" in kpis.stderr
    table = _run("feedback", "kpis", "--by", "touchpoint", "-w", str(workspace), cwd=tmp_path)
    assert "Warenkorb" in table.stdout and "n < 30" in table.stdout


def test_themes_and_pains_print_their_contract(workspace: Path, tmp_path: Path) -> None:
    path = write(tmp_path / "export.csv", EXPORT, "cp1252")
    assert _run("feedback", "import", str(path), "-w", str(workspace), cwd=tmp_path).returncode == 0
    themes = _run("feedback", "themes", "--json", "-w", str(workspace), cwd=tmp_path)
    assert themes.returncode == 0, themes.stderr
    found = json.loads(themes.stdout)
    assert found and all(
        list(t) == ["theme", "keywords", "comments", "sentiment", "examples", "touchpoints"]
        for t in found
    )
    assert sum(t["comments"] for t in found) == 20
    pains = _run("feedback", "pains", "--json", "-w", str(workspace), cwd=tmp_path)
    assert pains.returncode == 0, pains.stderr
    (pain,) = json.loads(pains.stdout)
    assert pain["touchpoints"] == ["Checkout: Versandart und Versandkosten"]
    assert pain["on_map"] == "Speditionszuschlag von 39 € erscheint erst im Checkout"


def test_classify_redacts_and_labels(tmp_path: Path) -> None:
    done = _run(
        "feedback", "classify", "--json", "Danke an Frau Weber, super Service!",
        "Terrible, my card 4111 1111 1111 1111 was charged twice.", cwd=tmp_path,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    first, second = json.loads(done.stdout)
    assert first["text"] == "Danke an Frau [name], super Service!"
    assert second["text"] == "Terrible, my card [card] was charged twice."
    assert (first["language"], first["sentiment"]) == ("de", "positive")
    assert (second["language"], second["sentiment"]) == ("en", "negative")
    assert first["score"] > 0.3 and second["score"] < -0.3
    assert list(first) == ["text", "language", "sentiment", "score"]


def test_bad_input_fails_with_one_clear_line(workspace: Path, tmp_path: Path) -> None:
    path = write(tmp_path / "f.csv", "Kunde;Datum;F1\nA;01.03.2024;9\n")
    done = _run("feedback", "import", str(path), "-w", str(workspace), cwd=tmp_path)
    assert done.returncode == 1
    assert "no question column found" in done.stderr and "[unrecognised_questions]" in done.stderr
    bad = _run("feedback", "kpis", "-w", str(workspace), cwd=tmp_path)
    assert bad.returncode == 1 and "has no feedback yet" in bad.stderr
    typo = _run("feedback", "import", str(path), "--question-column", "F1=nsp", "-w",
                str(workspace), cwd=tmp_path)  # fmt: skip
    assert typo.returncode == 1 and "did you mean 'nps'" in typo.stderr


def test_rejects_are_written_with_reasons_and_without_personal_data(
    workspace: Path, tmp_path: Path
) -> None:
    text = "Kunde;Datum;Frage;Wert;Kommentar\nA;01.03.2024;nps;12;Mail an a@b.de\n"
    done = _run("feedback", "import", str(write(tmp_path / "r.csv", text)), "-w",
                str(workspace), cwd=tmp_path)  # fmt: skip
    assert done.returncode == 0, done.stderr
    (rejects,) = (workspace / "rejects").glob("feedback-*.csv")
    content = rejects.read_text(encoding="utf-8")
    assert "NPS 12 is outside the scale 0–10" in content
    assert "a@b.de" not in content and "[email]" in content
