"""The structured diff reports additions, removals, changes and real moves, matched by id."""

from __future__ import annotations

from journeykit.model.diff import diff_documents
from tests.model.factories import document, step


def kinds(old_doc: object, new_doc: object) -> list[tuple[str, str, str]]:
    diff = diff_documents(old_doc, new_doc)  # type: ignore[arg-type]
    return [(c.kind, c.entity, c.id) for c in diff.changes]


def test_identical_documents_have_an_empty_diff() -> None:
    doc = document(awareness=[step("a", "Ad", "too loud")])
    assert diff_documents(doc, doc.model_copy(deep=True)).is_empty()


def test_renamed_step_is_changed_with_old_and_new_title() -> None:
    old = document(awareness=[step("a", "Sees ad")])
    new = document(awareness=[step("a", "Sees banner")])
    (change,) = diff_documents(old, new).changes
    assert (change.kind, change.entity, change.id) == ("changed", "step", "a")
    assert [(f.field, f.old, f.new) for f in change.fields] == [("title", "Sees ad", "Sees banner")]


def test_inserting_a_step_does_not_report_its_neighbours_as_moved() -> None:
    old = document(buy=[step("a", "A"), step("b", "B")])
    new = document(buy=[step("x", "X"), step("a", "A"), step("b", "B")])
    assert kinds(old, new) == [("added", "step", "x")]


def test_swapping_two_steps_reports_one_move() -> None:
    old = document(buy=[step("a", "A"), step("b", "B"), step("c", "C")])
    new = document(buy=[step("c", "C"), step("a", "A"), step("b", "B")])
    assert kinds(old, new) == [("moved", "step", "c")]


def test_step_moved_to_another_phase_names_both_places() -> None:
    old = document(awareness=[step("a", "A")], buy=[])
    new = document(awareness=[], buy=[step("a", "A")])
    (change,) = diff_documents(old, new).changes
    assert change.kind == "moved"
    assert change.moved_from == "phase Awareness #1"
    assert change.moved_to == "phase Buy #1"


def test_lane_items_added_removed_and_changed() -> None:
    old = document(buy=[step("a", "A", "slow", "costly")])
    new = document(buy=[step("a", "A", "very slow")])
    assert kinds(old, new) == [
        ("changed", "lane_item", "a-pain0"),
        ("removed", "lane_item", "a-pain1"),
    ]


def test_emotion_score_change_is_reported_per_persona() -> None:
    old = document(buy=[step("a", "A", emotion=-1)])
    new = document(buy=[step("a", "A", emotion=2)])
    (change,) = diff_documents(old, new).changes
    assert (change.entity, change.label) == ("emotion", "Anna")
    assert [(f.field, f.old, f.new) for f in change.fields] == [("score", -1, 2)]


def test_removed_phase_and_its_steps_are_all_reported() -> None:
    old = document(awareness=[step("a", "A")], buy=[step("b", "B")])
    new = document(awareness=[step("a", "A")])
    assert kinds(old, new) == [("removed", "phase", "buy"), ("removed", "step", "b")]


def test_diff_counts_and_plain_data() -> None:
    old = document(buy=[step("a", "A")])
    new = document(buy=[step("a", "A2"), step("b", "B")])
    diff = diff_documents(old, new)
    assert diff.counts() == {"added": 1, "removed": 0, "changed": 1, "moved": 0}
    assert diff.to_data()[0]["fields"] == [{"field": "title", "old": "A", "new": "A2"}]
