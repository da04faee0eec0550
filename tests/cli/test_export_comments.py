"""``journeykit journey export`` takes the journey's comments along; ``import`` skips them."""

from __future__ import annotations

from pathlib import Path

from journeykit.store import Workspace
from journeykit.web.services.actor import Actor
from journeykit.web.services.comments import add_comment, threads
from tests.cli.conftest import DemoCopy, Run


def test_the_command_line_export_carries_comments_and_import_skips_them(
    run: Run, demo: DemoCopy, tmp_path: Path
) -> None:
    with Workspace.open(Path(demo.ws)) as ws:
        add_comment(
            ws,
            demo.journey_id,
            actor=Actor("Anna"),
            body="Woher kommen die Dubletten?",
            step_id="st-produkt-suchen",
        )
    exported = run("journey", "export", demo.journey_id, "-o", "kauf.yaml", "-w", demo.ws)
    assert exported.code == 0, exported.err
    text = (tmp_path / "kauf.yaml").read_text(encoding="utf-8")
    assert "\ncomments:\n" in text and "Woher kommen die Dubletten?" in text
    imported = run("journey", "import", "kauf.yaml", "-w", demo.ws)
    assert imported.code == 0, imported.err
    with Workspace.open(Path(demo.ws)) as ws:
        assert [len(t.comments) for t in threads(ws, demo.journey_id)] == [1]
    # A file in which the comments section is broken is refused whole, naming the line.
    broken = text.replace("  - id: 1\n", "  - id: eins\n", 1)
    (tmp_path / "broken.yaml").write_text(broken, encoding="utf-8")
    refused = run("journey", "import", "broken.yaml", "-w", demo.ws)
    assert refused.code != 0
    line = broken.splitlines().index("  - id: eins") + 1
    assert f"broken.yaml:{line}" in refused.err + refused.out
