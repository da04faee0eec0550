"""The import policy of ``journeykit journey import FILE``: create, update from an export, or
overwrite on purpose."""

from __future__ import annotations

import pytest

from journeykit.store import ConflictError, JourneyStore, Workspace
from tests.store.factories import journey_doc, retitled, revision_count


def test_importing_a_new_journey_creates_it_whatever_revision_the_file_says(
    store: JourneyStore,
) -> None:
    doc = journey_doc().model_copy(update={"revision": 5})
    info = store.import_document(doc, author="ana", message="import")
    assert (info.number, info.based_on, info.message) == (1, None, "import")
    assert store.get("checkout").revision == 1


def test_importing_an_export_of_the_head_updates_the_journey(store: JourneyStore) -> None:
    store.import_document(journey_doc(), author="ana", message="m")
    exported = store.get("checkout")
    edited = exported.model_copy(
        update={"journey": exported.journey.model_copy(update={"title": "Kauf"})}
    )
    info = store.import_document(edited, author="ben", message="edit")
    assert (info.number, info.based_on) == (2, 1)
    assert store.get("checkout").journey.title == "Kauf"


def test_importing_an_unchanged_export_stores_nothing(
    workspace: Workspace, store: JourneyStore
) -> None:
    store.import_document(journey_doc(), author="ana", message="m")
    info = store.import_document(store.get("checkout"), author="ana", message="again")
    assert info.unchanged
    assert revision_count(workspace) == 1


def test_importing_a_stale_export_is_refused(workspace: Workspace, store: JourneyStore) -> None:
    store.import_document(journey_doc(), author="ana", message="m")
    old_export = store.get("checkout")
    store.save(retitled(journey_doc(), "Kauf"), author="ben", message="m", base_revision=1)

    stale = old_export.model_copy(
        update={"journey": old_export.journey.model_copy(update={"title": "Mine"})}
    )
    with pytest.raises(ConflictError) as raised:
        store.import_document(stale, author="ana", message="m")

    assert (raised.value.base_revision, raised.value.head_revision) == (1, 2)
    assert revision_count(workspace) == 2
    assert store.get("checkout").journey.title == "Kauf"


def test_importing_with_force_overwrites_the_head(store: JourneyStore) -> None:
    store.import_document(journey_doc(), author="ana", message="m")
    store.save(retitled(journey_doc(), "Kauf"), author="ben", message="m", base_revision=1)

    stale = retitled(journey_doc(), "Mine").model_copy(update={"revision": 1})
    info = store.import_document(stale, author="ana", message="forced", force=True)

    assert (info.number, info.based_on) == (3, 2)
    assert store.get("checkout").journey.title == "Mine"
    no_revision = retitled(journey_doc(), "No revision")
    assert store.import_document(no_revision, author="a", message="m", force=True).number == 4


def test_importing_a_file_without_revision_over_an_existing_journey_is_refused(
    workspace: Workspace, store: JourneyStore
) -> None:
    store.import_document(journey_doc(), author="ana", message="m")
    with pytest.raises(ConflictError) as raised:
        store.import_document(retitled(journey_doc(), "Mine"), author="ben", message="m")
    assert raised.value.hint is not None
    assert "export" in raised.value.hint
    assert "--force" in raised.value.hint
    assert revision_count(workspace) == 1


def test_importing_content_equal_to_the_head_is_unchanged_even_from_an_old_base(
    store: JourneyStore,
) -> None:
    first = store.save(journey_doc(), author="ana", message="m", base_revision=None)
    store.save(retitled(journey_doc(), "Changed"), author="ana", message="m", base_revision=1)
    same_as_head = retitled(journey_doc(), "Changed").model_copy(update={"revision": first.number})
    info = store.import_document(same_as_head, author="bob", message="again")
    assert (info.number, info.unchanged) == (2, True)
