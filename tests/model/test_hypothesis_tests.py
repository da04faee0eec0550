"""Test specs of hypotheses, measure controls and KPI alerts in the journey file format:
optional, round-tripped, validated with located issues."""

from __future__ import annotations

import jsonschema
import pytest

from journeykit.model.errors import DocumentInvalid
from journeykit.model.fileformat import document_data, dump_document, load_document
from journeykit.model.schema import journey_schema

BASE = """\
format_version: 1
journey:
  id: kauf
  title: Kauf
  state: as_is
  phases:
    - id: acquisition
      name: {en: Acquisition}
      steps:
        - id: st-versand
          title: Versandkosten
          touchpoints:
            - {id: tp-versand, name: Versand, channel: web, mode: digital, ownership: direct}
        - id: st-bezahlen
          title: Bezahlen
"""

FULL = (
    BASE
    + """\
hypotheses:
  - id: hy-rechner
    statement: Der Rechner senkt die Abbrüche.
    expected_direction: decrease
    test:
      metric: {kind: drop_off, from_id: st-versand, to_id: st-bezahlen, within: 7d}
      compare: {by: before_after, date: 2024-05-02}
      population: basket_value >= 250
  - id: hy-csat
    statement: Informierte Kunden sind zufriedener.
    test:
      metric: {kind: csat, at: tp-versand}
      compare: {by: steps, a: st-versand, b: st-bezahlen}
      margin: 5
measures:
  - id: me-rechner
    title: Rechner
    kpi_id: kpi-abbruch
    impact: 4
    effort: 2
    go_live_date: 2024-05-02
    control: {segment: basket_value < 120}
kpis:
  - id: kpi-abbruch
    name: Abbruch
    kind: drop_off
    scope: step
    scope_id: st-versand
    target: 30
    better: lower
    alert_threshold: 45
  - id: kpi-zeit
    name: Zeit
    kind: time
    better: lower
    from_id: st-versand
    to_id: st-bezahlen
"""
)


def test_specs_round_trip_byte_for_byte_and_satisfy_the_schema() -> None:
    doc = load_document(FULL, "yaml")
    spec = doc.hypotheses[0].test
    assert spec is not None and spec.compare.date is not None
    assert (spec.metric.kind, spec.compare.date.isoformat()) == ("drop_off", "2024-05-02")
    assert doc.measures[0].control is not None
    assert doc.measures[0].control.segment == "basket_value < 120"
    assert doc.kpis[0].alert_threshold == 45
    text = dump_document(doc, "yaml")
    assert load_document(text, "yaml") == doc
    assert dump_document(load_document(text, "yaml"), "yaml") == text
    jsonschema.validate(document_data(doc), journey_schema())


def test_a_file_without_specs_still_loads_and_writes_none() -> None:
    doc = load_document(BASE, "yaml")
    assert "test" not in dump_document(doc, "yaml")


def _issues(text: str) -> list[tuple[str, str, str]]:
    with pytest.raises(DocumentInvalid) as raised:
        load_document(text, "yaml", "kauf.yaml")
    return [(i.path, i.code, i.message) for i in raised.value.issues]


def _hypothesis(test: str) -> str:
    return BASE + "hypotheses:\n  - id: hy-x\n    statement: X\n    test:\n" + test


@pytest.mark.parametrize(
    ("test", "code", "words"),
    [
        (
            "      metric: {kind: conversion, from_id: st-versand}\n"
            "      compare: {by: before_after, date: 2024-05-02}\n",
            "missing_field",
            "needs from_id and to_id",
        ),
        (
            "      metric: {kind: nps, from_id: st-versand}\n"
            "      compare: {by: before_after, date: 2024-05-02}\n",
            "unexpected_field",
            "measured 'at' a place",
        ),
        (
            "      metric: {kind: nps}\n      compare: {by: before_after}\n",
            "missing_field",
            "needs 'date'",
        ),
        (
            "      metric: {kind: nps}\n"
            "      compare: {by: segment, a: 'age > 60', date: 2024-01-01}\n",
            "unexpected_field",
            "takes no 'date'",
        ),
        (
            "      metric: {kind: csat}\n"
            "      compare: {by: event_property, property: v, a: x, b: y}\n",
            "invalid_value",
            "no event properties",
        ),
        (
            "      metric: {kind: time, from_id: st-versand, to_id: st-bezahlen}\n"
            "      compare: {by: steps, a: st-versand, b: st-bezahlen}\n",
            "invalid_value",
            "compares scores at two places",
        ),
    ],
)
def test_an_incomplete_or_contradictory_test_is_refused_where_it_is(
    test: str, code: str, words: str
) -> None:
    ((path, found, message),) = _issues(_hypothesis(test))
    assert path.startswith("hypotheses[0].test")
    assert found == code and words in message


def test_a_mistyped_place_in_a_test_gets_the_closest_id() -> None:
    text = _hypothesis(
        "      metric: {kind: drop_off, from_id: st-versnad, to_id: st-bezahlen}\n"
        "      compare: {by: touchpoint_use, touchpoint_id: tp-versand}\n"
    )
    with pytest.raises(DocumentInvalid) as raised:
        load_document(text, "yaml")
    (issue,) = raised.value.issues
    assert (issue.path, issue.code) == ("hypotheses[0].test.metric.from_id", "dangling_reference")
    assert issue.suggestion == "st-versand"


def test_a_control_names_exactly_one_thing() -> None:
    text = BASE + (
        "measures:\n  - id: me-x\n    title: X\n    impact: 3\n    effort: 3\n"
        "    control: {segment: 'age > 60', step_id: st-versand}\n"
    )
    ((path, code, message),) = _issues(text)
    assert (path, code) == ("measures[0].control", "invalid_value")
    assert "exactly one" in message


def test_an_alert_threshold_on_the_better_side_of_the_target_is_refused() -> None:
    text = BASE + (
        "kpis:\n  - id: kpi-x\n    name: X\n    kind: nps\n    target: 30\n"
        "    better: higher\n    alert_threshold: 40\n"
    )
    ((path, code, message),) = _issues(text)
    assert (path, code) == ("kpis[0]", "invalid_value")
    assert "better side of target 30" in message


def test_score_kpis_take_no_places_and_event_places_come_in_pairs() -> None:
    scored = BASE + (
        "kpis:\n  - {id: kpi-x, name: X, kind: csat, better: higher, from_id: st-versand, "
        "to_id: st-bezahlen}\n"
    )
    assert _issues(scored)[0][1] == "unexpected_field"
    half = (
        BASE + "kpis:\n  - {id: kpi-x, name: X, kind: time, better: lower, from_id: st-versand}\n"
    )
    assert "go together" in _issues(half)[0][2]


def test_a_window_that_is_no_duration_is_refused_in_the_file() -> None:
    text = _hypothesis(
        "      metric: {kind: conversion, from_id: st-versand, to_id: st-bezahlen, within: 7x}\n"
        "      compare: {by: before_after, date: 2024-05-02}\n"
    )
    ((path, code, message),) = _issues(text)
    assert (path, code) == ("hypotheses[0].test.metric", "invalid_value")
    assert "'7x' is not a duration" in message
