"""Reading typed-in values of facts: what a German or English form sends becomes model values."""

from __future__ import annotations

import datetime as dt

import pytest

from journeykit.model.base import LocalizedText
from journeykit.model.document import JourneyDocument
from journeykit.model.evidence import Evidence
from journeykit.model.journey import Journey, Phase, Step
from journeykit.web.services.fact_fields import FACT_KINDS, FactInvalid, read_values
from journeykit.web.services.facts import add_fact_to, change_fact_in, delete_fact_from


def _doc() -> JourneyDocument:
    phase = Phase(
        id="kauf",
        name=LocalizedText(de="Kauf"),
        steps=[Step(id="st-kasse", title="Kasse"), Step(id="st-lieferung", title="Lieferung")],
    )
    return JourneyDocument(
        format_version=1,
        journey=Journey(id="j", title="J", state="as_is", phases=[phase]),
        evidence=[Evidence(id="ev-1", kind="quote", text="Zu teuer", step_ids=["st-kasse"])],
    )


def test_german_dates_and_decimal_commas_are_read() -> None:
    values = read_values(
        FACT_KINDS["measures"],
        {
            "title": " Rechnungskauf ",
            "impact": "5",
            "effort": "2",
            "status": "planned",
            "start_date": "01.02.2027",
            "due_date": "2027-03-31",
            "step_ids": ["st-kasse"] * 2,
        },
        _doc(),
    )
    assert values["title"] == "Rechnungskauf"
    assert values["start_date"] == dt.date(2027, 2, 1)
    assert values["due_date"] == dt.date(2027, 3, 31)
    assert values["step_ids"] == ["st-kasse"]  # chosen twice, linked once
    kpi = read_values(
        FACT_KINDS["kpis"],
        {
            "name": "Abbruch",
            "kind": "drop_off",
            "scope": "journey",
            "target": "12,5",
            "better": "lower",
            "scope_id": "st-kasse",
        },
        _doc(),
    )
    assert kpi["target"] == 12.5
    assert kpi["scope_id"] is None  # a whole-journey KPI keeps no target the form left


def test_every_wrong_field_is_reported_at_once() -> None:
    with pytest.raises(FactInvalid) as caught:
        read_values(
            FACT_KINDS["measures"],
            {
                "title": "",
                "impact": "0",
                "effort": "x",
                "status": "maybe",
                "start_date": "2027-04-01",
                "due_date": "2027-03-01",
                "kpi_id": "kpi-nope",
            },
            _doc(),
        )
    fields = {p.field: p.key for p in caught.value.problems}
    assert fields == {
        "title": "error.blank",
        "impact": "facts.error.rating",
        "effort": "facts.error.rating",
        "status": "error.choice",
        "kpi_id": "facts.error.unknown_ref",
        "due_date": "facts.error.due_before_start",
    }


def test_a_mistyped_step_or_field_gets_a_suggestion() -> None:
    with pytest.raises(FactInvalid) as caught:
        read_values(
            FACT_KINDS["evidence"], {"kind": "quote", "text": "x", "step_ids": "st-kase"}, _doc()
        )
    assert caught.value.field == "step_ids"
    assert caught.value.params["suggestion"] == "st-kasse"
    with pytest.raises(FactInvalid) as typo:
        read_values(FACT_KINDS["hypotheses"], {"statment": "x"}, _doc(), current=None)
    assert typo.value.field == "statment" and typo.value.params["suggestion"] == "statement"


def test_a_change_keeps_the_fields_it_does_not_name() -> None:
    doc, made = add_fact_to(
        _doc(),
        FACT_KINDS["hypotheses"],
        {
            "statement": "Rechnung hilft",
            "status": "open",
            "evidence_ids": ["ev-1"],
            "step_ids": ["st-kasse"],
        },
    )
    changed = change_fact_in(doc, FACT_KINDS["hypotheses"], made, {"status": "supported"})
    (hypothesis,) = changed.hypotheses
    assert (hypothesis.statement, hypothesis.status) == ("Rechnung hilft", "supported")
    assert hypothesis.evidence_ids == ["ev-1"]
    # deleting the evidence leaves the hypothesis without it, and the argument untouched
    after = delete_fact_from(changed, FACT_KINDS["evidence"], "ev-1")
    assert after.hypotheses[0].evidence_ids == []
    assert changed.hypotheses[0].evidence_ids == ["ev-1"]
