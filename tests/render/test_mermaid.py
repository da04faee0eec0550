"""The Mermaid export: sections per phase, hand-checkable scores, text that cannot break it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from journeykit.demo import build_demo_document
from journeykit.model import (
    Emotion,
    Journey,
    JourneyDocument,
    Lanes,
    Persona,
    Step,
    default_phases,
)
from journeykit.render import journey_to_mermaid
from journeykit.render.mermaid import mermaid_score, sanitize, task_name

ANNA, BEN = "pe-anna", "pe-ben"


def feels(*scores: tuple[str, int]) -> Lanes:
    return Lanes(emotions=[Emotion(persona_id=p, score=s) for p, s in scores])


def tiny_doc(*, personas: bool = True, **titles: str) -> JourneyDocument:
    """Awareness: two steps, Acquisition: two steps, every other phase empty."""
    phases = {phase.id: phase for phase in default_phases()}
    phases["awareness"].steps = [
        Step(
            id="st-sehen",
            title=titles.get("sehen", "Anzeige sehen"),
            lanes=feels((ANNA, -2), (BEN, 2)),
        ),
        Step(id="st-vergleichen", title="Preise vergleichen", lanes=feels((ANNA, 2))),
    ]
    phases["acquisition"].steps = [
        Step(id="st-bestellen", title="Bestellen", lanes=feels((BEN, -1))),
        Step(id="st-warten", title="Auf Lieferung warten"),
    ]
    return JourneyDocument(
        format_version=1,
        personas=[Persona(id=ANNA, name="Anna"), Persona(id=BEN, name="Ben")] if personas else [],
        journey=Journey(
            id="jo-tiny",
            title=titles.get("journey", "Online kaufen"),
            state="as_is",
            persona_ids=[ANNA, BEN] if personas else [],
            phases=list(phases.values()),
        ),
    )


def test_a_tiny_journey_exports_exactly() -> None:
    assert journey_to_mermaid(tiny_doc()) == (
        "journey\n"
        "    title Online kaufen\n"
        "    section Awareness\n"
        "      Anzeige sehen: 3: Anna, Ben\n"
        "      Preise vergleichen: 5: Anna\n"
        "    section Acquisition\n"
        "      Bestellen: 2: Ben\n"
        "      Auf Lieferung warten: 3: Anna, Ben\n"
    )


def test_section_labels_follow_the_language() -> None:
    sections = [
        line.strip()
        for line in journey_to_mermaid(tiny_doc(), "de").splitlines()
        if line.strip().startswith("section")
    ]
    assert sections == ["section Bewusstsein", "section Kauf"]


def test_phases_without_steps_are_skipped() -> None:
    text = journey_to_mermaid(tiny_doc())
    assert "Unawareness" not in text and "Consideration" not in text
    assert text.count("section ") == 2


@pytest.mark.parametrize(
    ("scores", "expected"),
    [
        ([-2, 2], 3),  # mean 0
        ([2], 5),
        ([-2], 1),
        ([-1], 2),
        ([], 3),  # nobody feels anything: neutral
        ([-1, 0], 3),  # mean -0.5 → 2.5, half rounds up
        ([-2, -1], 2),  # mean -1.5 → 1.5 → 2
        ([1, 2], 5),  # mean 1.5 → 4.5 → 5
        ([0, 0, 1], 3),  # mean 1/3 → 3.33 → 3
        ([1, 1, 2], 4),  # mean 4/3 → 4.33 → 4
        ([-2, -2, -1], 1),  # mean -5/3 → 1.33 → 1
    ],
)
def test_mean_emotion_maps_to_mermaid_scores(scores: list[int], expected: int) -> None:
    assert mermaid_score(scores) == expected


def test_without_any_persona_a_task_has_no_actors() -> None:
    lines = journey_to_mermaid(tiny_doc(personas=False)).splitlines()
    assert "      Auf Lieferung warten: 3" in lines
    assert "      Anzeige sehen: 3: pe-anna, pe-ben" in lines  # unknown personas show their id


def test_colons_semicolons_hashes_and_line_breaks_are_made_safe() -> None:
    doc = tiny_doc(sehen="Versand: teuer;\nwirklich #1", journey="Kauf: online;\r\nneu #2")
    lines = journey_to_mermaid(doc).splitlines()
    assert lines[1] == "    title Kauf - online, neu 2"
    assert lines[3] == "      Versand - teuer, wirklich 1: 3: Anna, Ben"
    for line in lines[2:]:
        assert ";" not in line and "#" not in line
        if not line.strip().startswith("section"):
            assert line.count(":") == 2


def test_a_persona_name_with_a_comma_stays_one_actor() -> None:
    doc = tiny_doc()
    doc.personas[0].name = "Anna, die Sparfüchsin: 40;\nLeipzig"
    lines = journey_to_mermaid(doc).splitlines()
    assert "      Preise vergleichen: 5: Anna - die Sparfüchsin - 40 - Leipzig" in lines
    assert "      Anzeige sehen: 3: Anna - die Sparfüchsin - 40 - Leipzig, Ben" in lines


@pytest.mark.parametrize(
    "title", ["Journey teilen", "title anpassen", "Section wählen", "accDescr {"]
)
def test_a_step_title_that_starts_like_a_keyword_stays_a_task(title: str) -> None:
    line = journey_to_mermaid(tiny_doc(sehen=title)).splitlines()[3]
    assert line == f"      \u200b{title}: 3: Anna, Ben"


def test_a_title_left_empty_falls_back_to_the_step_id() -> None:
    line = journey_to_mermaid(tiny_doc(sehen=" # ")).splitlines()[3]
    assert line == "      st-sehen: 3: Anna, Ben"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a:b", "a - b"),
        ("a;b", "a,b"),
        ("a#b", "ab"),
        ("50%% Rabatt", "50% Rabatt"),
        ("  Zeile 1\n\tZeile 2\r\n", "Zeile 1 Zeile 2"),
        ("a\u2028b", "a b"),
    ],
)
def test_sanitize_rules(text: str, expected: str) -> None:
    assert sanitize(text) == expected


def test_commas_only_separate_in_actor_lists() -> None:
    assert sanitize("Anna, Ben") == "Anna, Ben"
    assert sanitize("Anna, Ben", in_list=True) == "Anna - Ben"
    assert task_name("Preise, Versand") == "Preise, Versand"


def test_the_export_is_deterministic_and_ends_with_a_newline() -> None:
    first = journey_to_mermaid(build_demo_document(), "de")
    assert first == journey_to_mermaid(build_demo_document(), "de")
    assert first.endswith("\n") and not first.endswith("\n\n")


@pytest.mark.parametrize("language", ["en", "de"])
def test_the_demo_exports_one_section_per_phase_with_steps(language: str) -> None:
    doc = build_demo_document()
    lines = journey_to_mermaid(doc, language).splitlines()
    sections = [
        line.removeprefix("    section ") for line in lines if line.startswith("    section ")
    ]
    expected = [p.name.text(language) for p in doc.journey.phases if p.steps]
    assert sections == expected
    assert len(sections) == 7
    tasks = [line for line in lines if line.startswith("      ")]
    assert len(tasks) == doc.journey.step_count()
    assert "      Versandkosten im Checkout entdecken: 1: " in "\n".join(tasks)
    for task in tasks:
        _title, score, actors = task.strip().split(": ")
        assert 1 <= int(score) <= 5
        assert actors == "Sparfuchs Sabine, Heimwerker Tobias, Gartenfreundin Renate"


def test_the_render_room_imports_only_the_model() -> None:
    import journeykit.render

    room = Path(journeykit.render.__file__).parent
    for path in room.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            else:
                continue
            for name in names:
                if name.startswith("journeykit"):
                    assert name.startswith(("journeykit.model", "journeykit.render")), (path, name)
