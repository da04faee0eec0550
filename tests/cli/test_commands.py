"""Each command through the real entry point: output forms scripts rely on, and clear errors."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from journeykit.cli import main
from journeykit.cli.reference import cli_reference
from tests.cli.conftest import DemoCopy, Run

DOCS = Path(__file__).resolve().parents[2] / "docs" / "cli.md"


def test_init_creates_an_empty_workspace(run: Run, tmp_path: Path) -> None:
    result = run("init", "ws")
    assert result.code == 0, result.err
    assert (tmp_path / "ws" / "journeykit.toml").is_file()
    assert json.loads(run("journey", "list", "--json", "-w", "ws").out) == []
    again = run("init", "ws")
    assert (again.code, again.err.count("\n")) == (1, 1)
    assert "[workspace_exists]" in again.err


def test_workspace_from_environment_and_from_the_group_option(run: Run, tmp_path: Path) -> None:
    assert run("init", "ws").code == 0
    assert run("journey", "list", "--json", JOURNEYKIT_WORKSPACE="ws").out.strip() == "[]"
    assert run("--workspace", "ws", "journey", "list", "--json").out.strip() == "[]"


def test_missing_workspace_is_one_line_without_traceback(run: Run) -> None:
    result = run("journey", "list", "-w", "nowhere")
    assert result.code == 1
    assert result.err.count("\n") == 1
    assert "[workspace_missing]" in result.err
    assert "journeykit init" in result.err


def test_unknown_journey_suggests_the_nearest_id(run: Run, demo: DemoCopy, tmp_path: Path) -> None:
    ws, journey_id = demo.ws, demo.journey_id
    result = run("journey", "show", journey_id[:-1], "-w", ws)
    assert result.code == 1
    assert "[not_found]" in result.err
    assert journey_id in result.err


def test_show_history_and_mermaid(run: Run, demo: DemoCopy, tmp_path: Path) -> None:
    ws, journey_id = demo.ws, demo.journey_id
    shown = run("journey", "show", journey_id, "--language", "de", "-w", ws)
    assert shown.code == 0, shown.err
    assert "Bewusstsein" in shown.out and "Painpoints" in shown.out
    history = run("journey", "history", journey_id, "-w", ws)
    assert "journeykit demo" in history.out
    mermaid = run("journey", "export", journey_id, "--format", "mermaid", "-w", ws)
    assert mermaid.out.startswith("journey\n")
    assert "    section " in mermaid.out


def test_export_to_a_file_picks_the_format_from_the_suffix(
    run: Run, demo: DemoCopy, tmp_path: Path
) -> None:
    ws, journey_id = demo.ws, demo.journey_id
    assert run("journey", "export", journey_id, "-o", "out/map.json", "-w", ws).code == 0
    data = json.loads((tmp_path / "out" / "map.json").read_text(encoding="utf-8"))
    schema = json.loads(run("schema").out)
    jsonschema.validate(data, schema)
    older = run("journey", "export", journey_id, "--revision", "1", "--format", "json", "-w", ws)
    assert json.loads(older.out)["revision"] == 1


def test_derive_to_be(run: Run, demo: DemoCopy, tmp_path: Path) -> None:
    ws, journey_id = demo.ws, demo.journey_id
    result = run("journey", "derive-to-be", journey_id, "--title", "Soll-Journey", "-w", ws)
    assert result.code == 0, result.err
    rows = {r["id"]: r for r in json.loads(run("journey", "list", "--json", "-w", ws).out)}
    to_be = rows[f"{journey_id}-to-be"]
    assert (to_be["state"], to_be["title"], to_be["revision"]) == ("to_be", "Soll-Journey", 1)
    again = run("journey", "derive-to-be", f"{journey_id}-to-be", "-w", ws)
    assert "[not_as_is]" in again.err


def test_validate_a_good_file(run: Run, demo: DemoCopy, tmp_path: Path) -> None:
    ws, journey_id = demo.ws, demo.journey_id
    run("journey", "export", journey_id, "-o", "map.yaml", "-w", ws)
    result = run("journey", "validate", "map.yaml")
    assert result.code == 0
    assert "valid journey" in result.out


def test_every_command_has_help(capsys: pytest.CaptureFixture[str]) -> None:
    # In this process: the installed script is exercised by every other test here, and
    # starting it once per command would cost two minutes.
    paths = [line[4:-1] for line in cli_reference().splitlines() if line.startswith("## `")]
    assert "journeykit journey derive-to-be" in paths
    for path in paths:
        code = main([*path.split()[1:], "--help"])
        captured = capsys.readouterr()
        assert code == 0, (path, captured.err)
        assert "Usage:" in captured.out, path


def test_cli_reference_in_docs_matches_the_commands() -> None:
    assert DOCS.read_text(encoding="utf-8") == cli_reference(), (
        "docs/cli.md is out of date: run `python -m journeykit.cli.reference docs/cli.md`"
    )


def test_usage_errors_exit_2(run: Run) -> None:
    result = run("journey", "export")
    assert result.code == 2
    assert "Missing argument" in result.err


def test_a_bad_setting_is_named_in_one_line(run: Run) -> None:
    assert run("init", "ws").code == 0
    result = run("journey", "list", "-w", "ws", JOURNEYKIT_LOCK_TIMEOUT="soon")
    assert result.code == 1
    assert result.err.count("\n") == 1
    assert "JOURNEYKIT_LOCK_TIMEOUT='soon'" in result.err
    assert "[invalid_setting]" in result.err
