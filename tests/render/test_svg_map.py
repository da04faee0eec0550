"""The journey map SVG: well-formed, complete, escaped, and lanes hidden on request."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from journeykit.demo import build_demo_document
from journeykit.model.lanes import TEXT_LANES
from journeykit.render.errors import JourneyNotInDocument, UnknownLane
from journeykit.render.labels import LANE_ORDER
from journeykit.render.map_layout import COLUMN_WIDTH, LABEL_WIDTH
from journeykit.render.svg_map import journey_map_svg
from journeykit.render.text_metrics import width
from tests.render.journeys import ANNA, BEN, NASTY, map_doc

SVG = "{http://www.w3.org/2000/svg}"


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def shown_text(element: ET.Element) -> str:
    """The visible text of an element, its lines joined as they were broken (tooltips left out).

    A line that ends in a word with a hyphen, slash or dash was broken there, not at a space.
    """
    lines: list[str] = []
    for text in element.iter(f"{SVG}text"):
        spans = text.findall(f"{SVG}tspan")
        lines.extend([s.text or "" for s in spans] if spans else [text.text or ""])
    joined = ""
    for line in lines:
        broke_in_word = joined[-1:] in {"-", "/", "–"} and not joined[-2:-1].isspace()
        glue = "" if not joined or broke_in_word else " "
        joined += glue + line
    return joined


def by_attr(root: ET.Element, name: str, value: str | None = None) -> list[ET.Element]:
    return [e for e in root.iter() if name in e.attrib and (value is None or e.get(name) == value)]


def test_the_map_is_a_standalone_svg_with_its_size() -> None:
    root = parse(journey_map_svg(map_doc(), "jo-karte"))
    assert root.tag == f"{SVG}svg"
    # label column + three step columns + the slim column of the empty consideration phase
    assert float(root.get("width", "0")) == LABEL_WIDTH + 3 * COLUMN_WIDTH + 128
    assert root.get("viewBox", "").startswith("0 0 ")
    assert root.get("data-journey-id") == "jo-karte"


def test_every_step_title_and_lane_item_is_shown_in_full() -> None:
    doc = map_doc()
    root = parse(journey_map_svg(doc, "jo-karte"))
    steps = {e.get("data-step-id"): e for e in by_attr(root, "data-step-id") if e.tag == f"{SVG}g"}
    for _phase, step in doc.journey.steps():
        assert step.title in shown_text(steps[step.id])
        for lane in TEXT_LANES:
            for item in step.lanes.text_lane(lane):
                (card,) = by_attr(root, "data-item-id", item.id)
                assert card.get("data-lane") == lane
                assert card.findtext(f"{SVG}title") == item.text
                shown = shown_text(card)
                expected = f"„{item.text}“" if lane == "thoughts" else item.text
                assert shown == expected


def test_text_that_looks_like_markup_stays_text() -> None:
    svg = journey_map_svg(map_doc(), "jo-karte")
    root = parse(svg)
    assert not [e for e in root.iter() if e.tag.endswith(("script", "b"))]
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    (card,) = by_attr(root, "data-item-id", "st-suchen-pain_points-1")
    assert card.findtext(f"{SVG}title") == NASTY


def test_control_characters_cannot_break_the_xml() -> None:
    doc = map_doc()
    doc.journey.phases[0].steps[0].title = "Suchen\x0b\x1b mit\x00 Steuerzeichen"
    root = parse(journey_map_svg(doc, "jo-karte"))
    assert "Suchen mit Steuerzeichen" in shown_text(root)


@pytest.mark.parametrize("lane", LANE_ORDER)
def test_a_hidden_lane_is_absent_and_the_others_stay(lane: str) -> None:
    root = parse(journey_map_svg(map_doc(), "jo-karte", hidden_lanes=[lane]))
    drawn = {e.get("data-lane") for e in root.iter(f"{SVG}g") if e.get("class") == "lane"}
    assert drawn == set(LANE_ORDER) - {lane}
    assert by_attr(root, "data-lane", lane) == []


def test_hiding_emotions_and_touchpoints_removes_their_drawings() -> None:
    root = parse(journey_map_svg(map_doc(), "jo-karte", hidden_lanes={"emotions", "touchpoints"}))
    assert not by_attr(root, "data-persona-id")
    assert not by_attr(root, "data-touchpoint-id")


def test_one_lane_given_as_a_string_is_that_lane() -> None:
    root = parse(journey_map_svg(map_doc(), "jo-karte", hidden_lanes="thoughts"))
    assert by_attr(root, "data-lane", "thoughts") == []
    assert by_attr(root, "data-lane", "needs") != []


def test_an_unknown_lane_is_refused_with_a_suggestion() -> None:
    with pytest.raises(UnknownLane) as caught:
        journey_map_svg(map_doc(), "jo-karte", hidden_lanes=["pain_point"])
    assert caught.value.code == "unknown_lane"
    assert caught.value.hint == "did you mean 'pain_points'?"


def test_another_journeys_id_is_not_found() -> None:
    with pytest.raises(JourneyNotInDocument) as caught:
        journey_map_svg(map_doc(), "jo-kart")
    assert caught.value.code == "not_found"
    assert "jo-karte" in caught.value.one_line()


def test_phases_are_column_groups_and_an_empty_optional_phase_is_left_out() -> None:
    root = parse(journey_map_svg(map_doc(), "jo-karte", language="de"))
    phases = [e for e in root.iter(f"{SVG}g") if e.get("class") == "phase"]
    assert [p.get("data-phase-id") for p in phases] == ["awareness", "consideration", "acquisition"]
    assert [shown_text(p) for p in phases] == ["Bewusstsein", "Überlegung", "Kauf"]
    # the acquisition band spans its two step columns
    band = phases[2].find(f"{SVG}rect")
    assert band is not None and float(band.get("width", "0")) == 2 * COLUMN_WIDTH - 2
    (empty,) = [e for e in root.iter(f"{SVG}g") if e.get("class") == "empty-phase"]
    assert shown_text(empty) == "Noch keine Schritte"


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("de", ["Painpoints", "Bedürfnisse", "Belege & KPIs", "Ist-Journey", "persönlich"]),
        ("en", ["Pain points", "Needs", "Evidence & KPIs", "As-is journey", "digital"]),
    ],
)
def test_labels_follow_the_language(language: str, words: list[str]) -> None:
    doc = map_doc()
    doc.journey.phases[0].steps[0].touchpoints[0].mode = "personal"
    text = shown_text(parse(journey_map_svg(doc, "jo-karte", language=language)))
    for word in words:
        assert word in text


def test_touchpoints_carry_channel_mode_and_ownership() -> None:
    root = parse(journey_map_svg(map_doc(), "jo-karte", language="de"))
    (card,) = by_attr(root, "data-touchpoint-id", "tp-st-suchen")
    assert (card.get("data-channel"), card.get("data-mode"), card.get("data-ownership")) == (
        "web",
        "digital",
        "direct",
    )
    assert "digital" in shown_text(card) and "direkt" in shown_text(card)
    assert card.find(f"{SVG}path") is not None  # the channel icon, drawn inline


def test_evidence_and_step_kpis_are_badges_on_their_step() -> None:
    root = parse(journey_map_svg(map_doc(), "jo-karte", language="de"))
    (evidence,) = by_attr(root, "data-evidence-id", "ev-zitat")
    assert "Zitat · Interview 4" in shown_text(evidence)
    (kpi,) = by_attr(root, "data-kpi-id", "kpi-abbruch")
    assert "Abbruchquote (Ziel ≤ 30 %)" in shown_text(kpi)
    title = next(e for e in root.iter(f"{SVG}g") if e.get("class") == "map-title")
    assert "NPS (Ziel ≥ 30)" in shown_text(title)
    assert "Revision 3" in shown_text(title)


def test_the_emotion_lane_has_one_line_per_persona() -> None:
    root = parse(journey_map_svg(map_doc(), "jo-karte"))
    lines = [e for e in root.iter(f"{SVG}path") if e.get("class") == "emotion-line"]
    assert [e.get("data-persona-id") for e in lines] == [ANNA, BEN]
    points = [e for e in root.iter(f"{SVG}circle") if e.get("class") == "emotion-point"]
    assert [p.get("data-persona-id") for p in points].count(ANNA) == 3
    assert [p.get("data-persona-id") for p in points].count(BEN) == 2


def test_long_text_wraps_within_its_card() -> None:
    doc = map_doc()
    long_text = " ".join(["Lieferung bis zur Bordsteinkante statt in den Garten"] * 4)
    doc.journey.phases[0].steps[0].lanes.needs[0].text = long_text
    root = parse(journey_map_svg(doc, "jo-karte"))
    (card,) = by_attr(root, "data-item-id", "st-suchen-needs-1")
    spans = [s.text or "" for s in card.iter(f"{SVG}tspan")]
    assert len(spans) >= 6
    assert " ".join(spans) == long_text
    assert all(width(line, 11.0) <= COLUMN_WIDTH - 16 - 16 for line in spans)


def test_the_demo_map_shows_every_step() -> None:
    doc = build_demo_document()
    root = parse(journey_map_svg(doc, doc.journey.id, language="en"))
    steps = [e for e in root.iter(f"{SVG}g") if e.get("class") == "step"]
    assert len(steps) == doc.journey.step_count() == 19
    assert "Versandkosten im Checkout entdecken" in shown_text(root)
