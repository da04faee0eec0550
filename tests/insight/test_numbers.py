"""Numbers on the map, on tiny logs whose every number can be checked by hand."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from journeykit.insight.step_numbers import (
    NumbersForOtherJourney,
    cached_step_numbers,
    step_numbers,
)
from journeykit.store import Workspace
from tests.insight.conftest import TINY_TRAILS, tiny_document, workspace_with


@pytest.fixture
def workspace(tmp_path: Path) -> Workspace:
    folder = workspace_with(tmp_path / "ws", tiny_document(), TINY_TRAILS)
    return Workspace.open(folder)


def test_customers_conversion_and_time_per_step(workspace: Workspace) -> None:
    doc = workspace.journeys().get("j")
    numbers = step_numbers(workspace, doc, "j")
    a, b, c, d = numbers.steps
    assert (a.customers, a.conversion, a.previous_step_id) == (4, None, None)
    assert (b.customers, b.previous_step_id, b.converted) == (3, "a", 2)
    assert (b.conversion, b.drop_off) == (0.5, 0.5)
    assert b.median_seconds_from_previous == 450.0  # 10 and 5 minutes
    # c has no data: d is measured against b, the nearest earlier step with customers
    assert (c.customers, c.conversion) == (0, None)
    assert (d.previous_step_id, d.converted, d.conversion) == ("b", 1, 0.3333)
    assert d.median_seconds_from_previous == 1200.0
    assert numbers.entered == 4


def test_a_step_nothing_backs_is_an_assumption(workspace: Workspace) -> None:
    numbers = step_numbers(workspace, workspace.journeys().get("j"), "j")
    assert [s.step_id for s in numbers.assumptions] == ["c"]
    b = numbers.step("b")
    assert b is not None and b.evidence == 1 and not b.assumption


def test_phase_funnel_follows_the_map(workspace: Workspace) -> None:
    numbers = step_numbers(workspace, workspace.journeys().get("j"), "j")
    rows = {p.phase_id: p for p in numbers.phases}
    assert [rows[k].customers for k in ("awareness", "consideration", "acquisition")] == [4, 3, 1]
    assert rows["consideration"].conversion == 0.75
    assert rows["consideration"].step_conversion == 0.5
    assert rows["acquisition"].step_conversion == 0.3333
    assert rows["awareness"].median_seconds_in_phase == 0.0


def test_without_event_log_or_feedback_nothing_is_made_up(tmp_path: Path) -> None:
    folder = workspace_with(tmp_path / "ws", tiny_document(), {})
    with Workspace.open(folder) as ws:
        numbers = step_numbers(ws, ws.journeys().get("j"), "j")
    assert not numbers.has_events and not numbers.has_feedback
    assert all(s.customers == 0 and s.conversion is None for s in numbers.steps)
    assert [s.step_id for s in numbers.assumptions] == ["a", "c", "d"]


def test_numbers_of_another_journey_are_refused(workspace: Workspace) -> None:
    with pytest.raises(NumbersForOtherJourney, match="'j', not 'x'"):
        step_numbers(workspace, workspace.journeys().get("j"), "x")


def test_cache_serves_a_revision_until_the_log_changes(workspace: Workspace) -> None:
    from journeykit.events.rules import rules_from_journey
    from journeykit.events.store import EventStore
    from tests.events.journeys import raw_batch

    doc = workspace.journeys().get("j")
    first = cached_step_numbers(workspace, doc)
    assert cached_step_numbers(workspace, doc) is first
    more = raw_batch({"k5": [(0, "a", "web"), (2, "b", "web")]}, file="more.csv")
    EventStore(workspace.path).add(more, rules=rules_from_journey(doc))
    again = cached_step_numbers(workspace, doc)
    assert again is not first
    b = again.step("b")
    assert b is not None and (b.customers, b.converted) == (4, 3)


def test_editing_a_lane_item_does_not_compute_the_numbers_again(workspace: Workspace) -> None:
    from journeykit.model import LaneItem

    doc = workspace.journeys().get("j")
    first = cached_step_numbers(workspace, doc)
    edited = doc.model_copy(deep=True)
    edited.journey.phases[0].steps[0].lanes.actions.append(LaneItem(id="it-1", text="Sucht"))
    info = workspace.journeys().save(edited, author="t", message="item", base_revision=1)
    again = cached_step_numbers(workspace, workspace.journeys().get("j"))
    assert again.steps == first.steps and again.revision == info.number == 2
    renamed = edited.model_copy(deep=True)
    renamed.journey.phases[0].steps[0].title = "Anzeige sehen"
    assert cached_step_numbers(workspace, renamed).steps[0].title == "Anzeige sehen"


def test_a_side_step_most_skip_is_a_detour_not_a_loss(tmp_path: Path) -> None:
    trails: dict[str, Any] = {
        "k1": [(0, "a", "web"), (5, "d", "web")],
        "k2": [(0, "a", "web"), (7, "d", "web")],
        "k3": [(0, "a", "web"), (1, "b", "web"), (9, "d", "web")],
    }
    folder = workspace_with(tmp_path / "ws", tiny_document(), trails)
    with Workspace.open(folder) as ws:
        numbers = step_numbers(ws, ws.journeys().get("j"), "j")
    b, d = numbers.step("b"), numbers.step("d")
    assert b is not None and d is not None
    assert (b.detour, b.conversion) == (True, 0.3333)
    # d is measured from a, the step before it on the main path, not from the side step b
    assert (d.previous_step_id, d.conversion, d.detour) == ("a", 1.0, False)
    assert numbers.biggest_drop_offs() == []
