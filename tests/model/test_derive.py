"""A to-be journey starts as a copy of the as-is journey, linked back to it."""

from __future__ import annotations

import pytest

from journeykit.model import Evidence
from journeykit.model.derive import NotAsIsError, derive_to_be
from journeykit.model.fileformat import validate_document
from tests.model.factories import document, step


def test_to_be_keeps_structure_and_ids_and_links_back() -> None:
    as_is = document(buy=[step("a", "Pay", "hidden costs")])
    as_is.evidence = [Evidence(id="ev1", kind="quote", text="Too expensive", step_ids=["a"])]
    to_be = derive_to_be(as_is)
    assert to_be.journey.state == "to_be"
    assert to_be.journey.derived_from == "j"
    assert to_be.journey.id == "j-to-be"
    assert to_be.journey.title == "Kauf (to-be)"
    assert to_be.journey.phases == as_is.journey.phases
    assert to_be.evidence == []
    assert as_is.journey.state == "as_is"  # the source is left alone
    validate_document(to_be)


def test_to_be_takes_a_given_id_and_title() -> None:
    to_be = derive_to_be(document(buy=[]), journey_id="kauf-soll", title="Kauf (Soll)")
    assert (to_be.journey.id, to_be.journey.title) == ("kauf-soll", "Kauf (Soll)")


def test_a_to_be_journey_cannot_be_derived_again() -> None:
    to_be = derive_to_be(document(buy=[]))
    with pytest.raises(NotAsIsError):
        derive_to_be(to_be)
