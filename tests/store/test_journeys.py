"""Saving journeys as revisions: history, conflicts, restore, derive and diff."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace

import pytest
from sqlalchemy import select

from journeykit.model import DocumentInvalid, JourneykitError, NotFoundError, Project
from journeykit.store import ConflictError, JourneyStore, Workspace
from journeykit.store.tables import ProjectRow
from tests.store.factories import journey_doc, retitled, revision_count


def test_saving_a_new_journey_makes_revision_one(store: JourneyStore) -> None:
    before = dt.datetime.now(dt.UTC)
    info = store.save(journey_doc(), author="ana", message="First map", base_revision=None)
    assert (info.journey_id, info.number, info.based_on) == ("checkout", 1, None)
    assert (info.author, info.message, info.unchanged) == ("ana", "First map", False)
    assert info.created_at.tzinfo == dt.UTC
    assert before - dt.timedelta(seconds=1) <= info.created_at <= dt.datetime.now(dt.UTC)


def test_saving_on_top_of_the_head_makes_the_next_revision(store: JourneyStore) -> None:
    store.save(journey_doc(), author="ana", message="m", base_revision=None)
    info = store.save(retitled(journey_doc(), "Kauf"), author="ben", message="n", base_revision=1)
    assert (info.number, info.based_on, info.author) == (2, 1, "ben")
    assert store.get("checkout").journey.title == "Kauf"
    assert store.get("checkout", 1).journey.title == "Checkout"


def test_a_stored_revision_reads_back_equal_with_its_number(store: JourneyStore) -> None:
    project = Project(id="pr-shop", name="Online-Shop", goal="Mehr Käufe")
    doc = journey_doc(project=project, steps=("Preise vergleichen", "Bezahlen"))
    store.save(doc, author="ana", message="m", base_revision=None)
    assert store.get("checkout") == doc.model_copy(update={"revision": 1})


def test_saving_the_head_content_again_stores_nothing(
    workspace: Workspace, store: JourneyStore
) -> None:
    first = store.save(journey_doc(), author="ana", message="m", base_revision=None)
    again = store.save(store.get("checkout"), author="ben", message="again", base_revision=1)
    assert again == replace(first, unchanged=True)
    assert revision_count(workspace) == 1


def test_saving_on_a_stale_base_is_refused_and_stores_nothing(
    workspace: Workspace, store: JourneyStore
) -> None:
    store.save(journey_doc(), author="ana", message="m", base_revision=None)
    store.save(retitled(journey_doc(), "Kauf"), author="ana", message="m", base_revision=1)
    before = revision_count(workspace)

    with pytest.raises(ConflictError) as raised:
        store.save(retitled(journey_doc(), "Stale"), author="ben", message="m", base_revision=1)

    error = raised.value
    assert (error.code, error.status) == ("conflict", 409)
    assert "'checkout'" in error.message
    assert "revision 1" in error.message
    assert "revision 2" in error.message
    assert error.hint is not None
    assert "--force" in error.hint
    assert (error.journey_id, error.base_revision, error.head_revision) == ("checkout", 1, 2)
    assert revision_count(workspace) == before
    assert store.get("checkout").journey.title == "Kauf"


def test_saving_an_existing_journey_as_new_is_refused(
    workspace: Workspace, store: JourneyStore
) -> None:
    store.save(journey_doc(), author="ana", message="m", base_revision=None)
    with pytest.raises(ConflictError) as raised:
        store.save(retitled(journey_doc(), "Neu"), author="ben", message="m", base_revision=None)
    assert "already exists" in raised.value.message
    assert revision_count(workspace) == 1


def test_saving_a_missing_journey_on_a_base_is_refused(
    workspace: Workspace, store: JourneyStore
) -> None:
    with pytest.raises(ConflictError):
        store.save(journey_doc(), author="ana", message="m", base_revision=3)
    assert not store.exists("checkout")
    assert revision_count(workspace) == 0


def test_a_document_with_dangling_references_is_refused_and_stores_nothing(
    workspace: Workspace, store: JourneyStore
) -> None:
    store.save(journey_doc(), author="ana", message="m", base_revision=None)
    broken = journey_doc()
    broken.journey.persona_ids = ["nobody"]
    with pytest.raises(DocumentInvalid) as raised:
        store.save(broken, author="ana", message="m", base_revision=1)
    assert raised.value.issues[0].code == "dangling_reference"
    broken.journey.id = "other"
    with pytest.raises(DocumentInvalid):
        store.save(broken, author="ana", message="m", base_revision=None)
    assert revision_count(workspace) == 1
    assert [s.id for s in store.list()] == ["checkout"]


def test_an_unknown_journey_suggests_the_nearest_id(store: JourneyStore) -> None:
    store.save(journey_doc(), author="ana", message="m", base_revision=None)
    with pytest.raises(NotFoundError) as raised:
        store.get("chekout")
    assert raised.value.code == "not_found"
    assert raised.value.hint == "did you mean 'checkout'?"
    with pytest.raises(NotFoundError):
        store.history("chekout")


def test_an_unknown_revision_is_not_found(store: JourneyStore) -> None:
    store.save(journey_doc(), author="ana", message="m", base_revision=None)
    with pytest.raises(NotFoundError) as raised:
        store.get("checkout", 7)
    assert "revision 7" in raised.value.message
    with pytest.raises(NotFoundError):
        store.revision("checkout", 2)


def test_history_lists_every_revision_newest_first(store: JourneyStore) -> None:
    store.save(journey_doc(), author="ana", message="one", base_revision=None)
    store.save(retitled(journey_doc(), "Two"), author="ben", message="two", base_revision=1)
    store.save(retitled(journey_doc(), "Three"), author="cem", message="three", base_revision=2)

    history = store.history("checkout")

    assert [(r.number, r.author, r.message, r.based_on) for r in history] == [
        (3, "cem", "three", 2),
        (2, "ben", "two", 1),
        (1, "ana", "one", None),
    ]
    assert history[0].created_at >= history[1].created_at >= history[2].created_at
    assert store.revision("checkout", 2) == history[1]


def test_list_orders_journeys_by_title_then_id(store: JourneyStore) -> None:
    for journey_id, title in [("z", "beta"), ("b", "Alpha"), ("a", "beta"), ("c", "Gamma")]:
        store.save(journey_doc(journey_id, title), author="ana", message="m", base_revision=None)
    store.save(retitled(journey_doc("c", "Gamma"), "Aaa"), author="a", message="m", base_revision=1)

    summaries = store.list()

    assert [(s.id, s.title, s.revision) for s in summaries] == [
        ("c", "Aaa", 2),
        ("b", "Alpha", 1),
        ("a", "beta", 1),
        ("z", "beta", 1),
    ]
    assert all(s.state == "as_is" and s.updated_at.tzinfo == dt.UTC for s in summaries)


def test_restore_makes_a_new_revision_with_the_old_content(store: JourneyStore) -> None:
    store.save(journey_doc(), author="ana", message="m", base_revision=None)
    store.save(retitled(journey_doc(), "Kauf"), author="ana", message="m", base_revision=1)

    info = store.restore("checkout", 1, author="ben")

    assert (info.number, info.based_on, info.message) == (3, 2, "Restore revision 1")
    restored = store.get("checkout")
    assert restored.model_copy(update={"revision": 1}) == store.get("checkout", 1)
    assert [s.title for s in store.list()] == ["Checkout"]


def test_restoring_the_head_content_stores_nothing(store: JourneyStore) -> None:
    store.save(journey_doc(), author="ana", message="m", base_revision=None)
    info = store.restore("checkout", 1, author="ben", message="no-op")
    assert info.unchanged
    assert info.number == 1


def test_saving_a_document_keeps_its_project_up_to_date(
    workspace: Workspace, store: JourneyStore
) -> None:
    project = Project(id="pr-shop", name="Shop")
    store.save(journey_doc(project=project), author="ana", message="m", base_revision=None)
    renamed = journey_doc(project=Project(id="pr-shop", name="Shop 2", status="paused"))
    store.save(renamed, author="ana", message="m", base_revision=1)

    with workspace.database.reading() as session:
        rows = session.scalars(select(ProjectRow)).all()
        assert [(r.id, r.name, r.status) for r in rows] == [("pr-shop", "Shop 2", "paused")]
        assert json.loads(rows[0].data) == {"id": "pr-shop", "name": "Shop 2", "status": "paused"}
    assert store.list()[0].project_id == "pr-shop"


def test_derive_to_be_creates_a_linked_to_be_journey(store: JourneyStore) -> None:
    store.save(journey_doc(), author="ana", message="m", base_revision=None)

    info = store.derive_to_be("checkout", author="ben", new_id="checkout-soll", title="Soll")

    assert (info.journey_id, info.number, info.based_on) == ("checkout-soll", 1, None)
    assert "checkout" in info.message
    derived = store.get("checkout-soll")
    assert (derived.journey.state, derived.journey.derived_from) == ("to_be", "checkout")
    assert derived.journey.title == "Soll"
    summary = next(s for s in store.list() if s.id == "checkout-soll")
    assert (summary.state, summary.derived_from) == ("to_be", "checkout")


def test_deriving_onto_an_existing_journey_is_refused(
    workspace: Workspace, store: JourneyStore
) -> None:
    store.save(journey_doc(), author="ana", message="m", base_revision=None)
    store.derive_to_be("checkout", author="ben", new_id="soll")
    with pytest.raises(ConflictError):
        store.derive_to_be("checkout", author="ben", new_id="soll")
    assert revision_count(workspace) == 2


def test_deriving_from_a_to_be_journey_is_refused_and_stores_nothing(
    workspace: Workspace, store: JourneyStore
) -> None:
    store.save(journey_doc(state="to_be"), author="ana", message="m", base_revision=None)
    with pytest.raises(JourneykitError) as raised:
        store.derive_to_be("checkout", author="ben")
    assert raised.value.code == "not_as_is"
    assert revision_count(workspace) == 1


def test_diff_compares_two_revisions(store: JourneyStore) -> None:
    store.save(journey_doc(), author="ana", message="m", base_revision=None)
    store.save(retitled(journey_doc(), "Kauf"), author="ana", message="m", base_revision=1)

    diff = store.diff("checkout", 1, 2)

    changed = [(c.entity, c.id, [f.field for f in c.fields]) for c in diff.changes]
    assert changed == [("journey", "checkout", ["title"])]
    assert store.diff("checkout", 2, 2).is_empty()
    with pytest.raises(NotFoundError):
        store.diff("checkout", 1, 3)
