"""Personas cut survey answers by their segments over the event log's customer attributes."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa

from journeykit.events.store import EventStore
from journeykit.feedback.personas import segment_members
from journeykit.model.persona import Condition, Persona, Segment


def test_segment_members_are_the_customers_whose_attributes_pass(tmp_path: Path) -> None:
    EventStore(tmp_path).add_attributes(
        pa.table({"customer_id": ["K-1", "K-2", "K-3"], "age": [67, 34, 71]})
    )
    seniors = Persona(
        id="pe-renate",
        name="Renate",
        segment=Segment(all=[Condition(attribute="age", op="ge", value=60)]),
    )
    no_segment = Persona(id="pe-tobias", name="Tobias")
    assert segment_members(tmp_path, [seniors, no_segment]) == {"pe-renate": {"K-1", "K-3"}}


def test_without_an_event_log_no_one_is_a_member(tmp_path: Path) -> None:
    persona = Persona(
        id="pe-x", name="X", segment=Segment(all=[Condition(attribute="age", op="ge", value=1)])
    )
    assert segment_members(tmp_path, [persona]) == {}
