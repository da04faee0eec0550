"""Export → import → export gives the same bytes, for any valid journey document."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
from hypothesis import HealthCheck, given, settings

from journeykit.model import JourneyDocument
from journeykit.model.fileformat import Format, document_data, dump_document, load_document
from journeykit.model.schema import journey_schema
from tests.strategies import documents

ROUNDTRIP = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@ROUNDTRIP
@given(documents())
def test_yaml_round_trip_is_byte_identical(doc: JourneyDocument) -> None:
    _assert_round_trip(doc, "yaml")


@ROUNDTRIP
@given(documents())
def test_json_round_trip_is_byte_identical(doc: JourneyDocument) -> None:
    _assert_round_trip(doc, "json")


@settings(max_examples=60, deadline=None)
@given(documents())
def test_every_written_document_satisfies_the_published_schema(doc: JourneyDocument) -> None:
    jsonschema.validate(document_data(doc), journey_schema())


def _assert_round_trip(doc: JourneyDocument, fmt: Format) -> None:
    first = dump_document(doc, fmt)
    loaded = load_document(first, fmt, "generated")
    assert loaded == doc
    assert dump_document(loaded, fmt) == first


def test_the_schema_published_in_docs_is_current() -> None:
    published = Path(__file__).resolve().parents[2] / "docs" / "schema" / "journey-v1.json"
    assert json.loads(published.read_text(encoding="utf-8")) == journey_schema(), (
        "docs/schema/journey-v1.json is out of date: run "
        "`journeykit schema -o docs/schema/journey-v1.json`"
    )
