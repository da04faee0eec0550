"""Pseudonymous customer ids: deterministic per key, different between keys."""

from __future__ import annotations

import hashlib
import hmac
from pathlib import Path

import pyarrow as pa

from journeykit.events.importers import pseudonymise, read_attributes, read_events
from tests.events.importers.helpers import column, write


def test_the_same_id_and_key_always_give_the_same_pseudonym() -> None:
    ids = pa.array(["C1", "C2", "C1"])

    first = pseudonymise(ids, b"workspace-key").to_pylist()
    again = pseudonymise(pa.chunked_array([["C1"], ["C2", "C1"]]), b"workspace-key").to_pylist()

    assert first == again
    assert first[0] == first[2] != first[1]
    assert first[0] == hmac.new(b"workspace-key", b"C1", hashlib.sha256).hexdigest()[:32]


def test_another_key_gives_other_pseudonyms() -> None:
    ids = pa.array(["C1", "C2"])

    assert set(pseudonymise(ids, b"key-a").to_pylist()).isdisjoint(
        pseudonymise(ids, b"key-b").to_pylist()
    )


def test_events_and_attributes_pseudonymised_with_one_key_still_join(tmp_path: Path) -> None:
    events = write(tmp_path, "e.csv", "customer_id,timestamp,event\nC1,2024-03-01 10:00,view\n")
    attributes = write(tmp_path, "a.csv", "customer_id,segment\nC1,gold\n")

    event_ids = column(read_events([events], pseudonymisation_key=b"k"), "customer_id")
    attribute_ids = read_attributes(attributes, pseudonymisation_key=b"k").table.column(
        "customer_id"
    )

    assert event_ids == attribute_ids.to_pylist()
    assert event_ids != ["C1"]
    assert len(event_ids[0]) == 32
