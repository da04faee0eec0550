"""The issue's story: a new user builds the demo, edits a step by hand, sees the diff, restores."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.conftest import DemoCopy, Run


def test_demo_prints_what_the_workspace_holds(run: Run, tmp_path: Path) -> None:
    result = run("demo", "shop", "--no-serve")
    assert result.code == 0, result.err
    assert "Project:" in result.out
    assert "Persona" in result.out
    assert "as_is" in result.out
    assert (tmp_path / "shop" / "journeykit.toml").is_file()
    again = run("demo", "shop", "--no-serve")
    assert again.code == 1
    assert "workspace_exists" in again.err
    assert run("demo", "shop", "--force", "--no-serve").code == 0


def test_list_json_has_the_promised_keys(run: Run, demo: DemoCopy, tmp_path: Path) -> None:
    ws = demo.ws
    rows = json.loads(run("journey", "list", "--json", "-w", ws).out)
    assert [sorted(row) for row in rows] == [["id", "revision", "state", "title"]]
    assert rows[0]["state"] == "as_is"
    assert rows[0]["revision"] == 2


def test_export_import_export_is_byte_identical(run: Run, demo: DemoCopy, tmp_path: Path) -> None:
    ws, journey_id = demo.ws, demo.journey_id
    for fmt in ("yaml", "json"):
        first = run("journey", "export", journey_id, "--format", fmt, "-w", ws)
        assert first.code == 0, first.err
        path = tmp_path / f"map.{fmt}"
        path.write_text(first.out, encoding="utf-8")
        imported = run("journey", "import", str(path), "-w", ws)
        assert imported.code == 0, imported.err
        assert "unchanged" in imported.out
        second = run("journey", "export", journey_id, "--format", fmt, "-w", ws)
        assert second.out == first.out


def test_edit_by_hand_import_diff_and_restore(run: Run, demo: DemoCopy, tmp_path: Path) -> None:
    ws, journey_id = demo.ws, demo.journey_id
    exported = tmp_path / "map.yaml"
    assert run("journey", "export", journey_id, "-o", str(exported), "-w", ws).code == 0
    original = exported.read_text(encoding="utf-8")

    # Rename the first step by hand, as a person would in an editor.
    lines = original.splitlines(keepends=True)
    index = next(i for i, line in enumerate(lines) if line.strip().startswith("- id: st-"))
    title_line = next(i for i in range(index, len(lines)) if lines[i].strip().startswith("title:"))
    old_title = lines[title_line].split("title:", 1)[1].strip()
    lines[title_line] = lines[title_line].split("title:")[0] + "title: Von Hand umbenannt\n"
    exported.write_text("".join(lines), encoding="utf-8")

    imported = run("journey", "import", str(exported), "-m", "Schritt umbenannt", "-w", ws)
    assert imported.code == 0, imported.err
    assert "revision 3" in imported.out

    history = json.loads(run("journey", "history", journey_id, "--json", "-w", ws).out)
    assert [h["revision"] for h in history] == [3, 2, 1]
    assert history[0]["message"] == "Schritt umbenannt"
    assert history[0]["author"] == "tester"

    diff = json.loads(run("journey", "diff", journey_id, "--json", "-w", ws).out)
    assert diff == [
        {
            "kind": "changed",
            "entity": "step",
            "id": diff[0]["id"],
            "label": "Von Hand umbenannt",
            "where": diff[0]["where"],
            "fields": [
                {"field": "title", "old": old_title.strip("'\""), "new": "Von Hand umbenannt"}
            ],
        }
    ]
    shown = run("journey", "diff", journey_id, "-w", ws)
    assert "changed step 'Von Hand umbenannt'" in shown.out

    restored = run("journey", "restore", journey_id, "2", "-w", ws)
    assert restored.code == 0, restored.err
    assert "as revision 4" in restored.out
    again = run("journey", "export", journey_id, "-w", ws).out
    assert again == original.replace("revision: 2\n", "revision: 4\n")


def test_a_bad_file_says_what_to_fix_and_changes_nothing(
    run: Run, demo: DemoCopy, tmp_path: Path
) -> None:
    ws, journey_id = demo.ws, demo.journey_id
    text = run("journey", "export", journey_id, "-w", ws).out
    bad = tmp_path / "bad.yaml"
    bad.write_text(text.replace("  title:", "  titel:", 1).replace("score: 1", "score: 5", 1))

    for command in (("journey", "validate", str(bad)), ("journey", "import", str(bad), "-w", ws)):
        result = run(*command)
        assert result.code == 1
        assert "Traceback" not in result.err
        lines = result.err.strip().splitlines()
        assert any(
            "bad.yaml:" in line and "[unknown_key]" in line and "did you mean 'title'" in line
            for line in lines
        ), lines
        assert any("[out_of_range]" in line for line in lines), lines
    rows = json.loads(run("journey", "list", "--json", "-w", ws).out)
    assert rows[0]["revision"] == 2


def test_stale_import_is_refused_unless_forced(run: Run, demo: DemoCopy, tmp_path: Path) -> None:
    ws, journey_id = demo.ws, demo.journey_id
    text = run("journey", "export", journey_id, "-w", ws).out
    mine, theirs = tmp_path / "mine.yaml", tmp_path / "theirs.yaml"
    theirs.write_text(text.replace("  title:", "  title: Ihre Änderung #", 1), encoding="utf-8")
    mine.write_text(text.replace("  title:", "  title: Meine Änderung #", 1), encoding="utf-8")
    assert run("journey", "import", str(theirs), "-w", ws).code == 0

    refused = run("journey", "import", str(mine), "-w", ws)
    assert refused.code == 1
    assert "[conflict]" in refused.err
    assert json.loads(run("journey", "list", "--json", "-w", ws).out)[0]["revision"] == 3

    forced = run("journey", "import", str(mine), "--force", "-w", ws)
    assert forced.code == 0, forced.err
    assert json.loads(run("journey", "list", "--json", "-w", ws).out)[0]["revision"] == 4
