"""The emotion curve on its own: points where the scores say, one line per persona, a11y."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from journeykit.render.emotion_curve import CURVE_HEIGHT, CURVE_PADDING, emotion_curve_svg
from journeykit.render.errors import JourneyNotInDocument
from tests.render.journeys import ANNA, BEN, map_doc

SVG = "{http://www.w3.org/2000/svg}"


def points(svg: str) -> list[ET.Element]:
    root = ET.fromstring(svg)
    return [e for e in root.iter(f"{SVG}circle") if e.get("class") == "emotion-point"]


def test_the_scale_runs_from_plus_two_on_top_to_minus_two_below() -> None:
    # the plot is 176 high with 18 spare on either side: 140 for four score steps
    assert (CURVE_HEIGHT, CURVE_PADDING) == (176.0, 18.0)
    expected_y = {2: 18.0, 1: 53.0, 0: 88.0, -1: 123.0, -2: 158.0}
    found = points(emotion_curve_svg(map_doc(), "jo-karte", column_width=100))
    assert len(found) == 5
    for point in found:
        assert float(point.get("cy", "")) == expected_y[int(point.get("data-score", ""))]


def test_points_sit_in_their_step_columns_in_map_order() -> None:
    found = points(emotion_curve_svg(map_doc(), "jo-karte", column_width=100))
    placed = [
        (p.get("data-persona-id"), p.get("data-step-id"), float(p.get("cx", ""))) for p in found
    ]
    # two personas share a column: Anna 3.5 left of the middle, Ben 3.5 right of it
    assert placed == [
        (ANNA, "st-suchen", 46.5),
        (ANNA, "st-versand", 146.5),
        (ANNA, "st-bestellen", 246.5),
        (BEN, "st-suchen", 53.5),
        (BEN, "st-bestellen", 253.5),
    ]


def test_one_line_per_persona_and_a_dashed_gap_where_a_score_is_missing() -> None:
    root = ET.fromstring(emotion_curve_svg(map_doc(), "jo-karte", column_width=120))
    lines = [e for e in root.iter(f"{SVG}path") if e.get("class") == "emotion-line"]
    gaps = [e for e in root.iter(f"{SVG}path") if e.get("class") == "emotion-gap"]
    assert [e.get("data-persona-id") for e in lines] == [ANNA, BEN]
    assert lines[0].get("stroke") != lines[1].get("stroke")
    assert [e.get("data-persona-id") for e in gaps] == [BEN]
    assert float(root.get("width", "")) == 3 * 120


def test_the_legend_names_each_persona_and_the_ratings() -> None:
    root = ET.fromstring(emotion_curve_svg(map_doc(), "jo-karte", column_width=150, language="en"))
    legend = next(e for e in root.iter(f"{SVG}g") if e.get("class") == "emotion-legend")
    text = " ".join(t.text or "" for t in legend.iter(f"{SVG}text"))
    for word in ("Anna Sparfuchs", "Ben Bauer", "delighting", "okay", "disappointing"):
        assert word in text
    marks = [e for e in root.iter(f"{SVG}g") if e.get("class") == "rating-mark"]
    # one mark per rated point (all five are rated) plus the three in the legend
    assert len(marks) == 5 + 3
    assert {m.get("data-rating") for m in marks} == {"delighting", "okay", "disappointing"}


def test_editable_points_are_keyboard_sliders() -> None:
    found = points(emotion_curve_svg(map_doc(), "jo-karte", column_width=100, editable=True))
    versand = next(p for p in found if p.get("data-step-id") == "st-versand")
    assert versand.get("tabindex") == "0"
    assert versand.get("role") == "slider"
    assert (versand.get("aria-valuemin"), versand.get("aria-valuemax")) == ("-2", "2")
    assert versand.get("aria-valuenow") == "-2"
    assert versand.get("aria-label") == "Emotion von Anna Sparfuchs bei „Versandkosten sehen“"
    assert versand.get("aria-valuetext") == "-2 (enttäuschend)"


def test_read_only_points_take_no_focus() -> None:
    for point in points(emotion_curve_svg(map_doc(), "jo-karte", column_width=100)):
        assert "tabindex" not in point.attrib and "role" not in point.attrib


def test_a_journey_without_personas_draws_an_empty_curve_with_a_note() -> None:
    doc = map_doc()
    doc.personas = []
    doc.journey.persona_ids = []
    for _phase, step in doc.journey.steps():
        step.lanes.emotions = []
    svg = emotion_curve_svg(doc, "jo-karte", column_width=100, language="en")
    assert points(svg) == []
    assert "no emotions recorded" in svg


def test_another_journeys_id_is_refused() -> None:
    with pytest.raises(JourneyNotInDocument):
        emotion_curve_svg(map_doc(), "other", column_width=100)
