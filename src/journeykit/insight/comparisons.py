"""Splitting a metric's observations into the two groups a hypothesis compares.

Group ``a`` is the one the statement is about (the segment, the property value ``a``, the
time on or after the date, the customers who used the touchpoint, the first place); its
effect is always ``a − b``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np

from journeykit.insight.errors import EmptyGroup
from journeykit.insight.event_outcomes import property_values, segment_members, touchpoint_users
from journeykit.insight.map_places import MapPlaces
from journeykit.insight.observations import Observations, in_population, observations
from journeykit.insight.sources import WorkspaceData
from journeykit.model.hypothesis import HypothesisTest


@dataclass(frozen=True)
class Groups:
    """The two groups of a comparison, each with a label for people."""

    a: Observations
    b: Observations
    label_a: str
    label_b: str


def _split(found: Observations, in_a: np.ndarray, label_a: str, label_b: str) -> Groups:
    return Groups(found.where(in_a), found.where(~in_a), label_a, label_b)


def split_by_date(found: Observations, date: dt.date) -> Groups:
    """Observations starting on or after ``date`` (a) vs before it (b)."""
    cut = int(dt.datetime.combine(date, dt.time(), dt.UTC).timestamp() * 1e6)
    in_a = found.started_us >= cut
    return _split(found, in_a, f"from {date.isoformat()}", f"before {date.isoformat()}")


def groups_for(data: WorkspaceData, places: MapPlaces, spec: HypothesisTest) -> Groups:
    """The two groups of ``spec``; an empty group is :class:`EmptyGroup`."""
    compare = spec.compare
    if compare.by == "steps":
        assert compare.a is not None and compare.b is not None
        first = spec.metric.model_copy(update={"at": compare.a})
        second = spec.metric.model_copy(update={"at": compare.b})
        groups = Groups(
            in_population(data, observations(data, places, first), spec.population),
            in_population(data, observations(data, places, second), spec.population),
            places.get(compare.a).name,
            places.get(compare.b).name,
        )
    else:
        found = in_population(data, observations(data, places, spec.metric), spec.population)
        if compare.by == "before_after":
            assert compare.date is not None
            groups = split_by_date(found, compare.date)
        elif compare.by == "segment":
            assert compare.a is not None
            log = data.log()
            in_a = found.of_customers(segment_members(log, compare.a))
            if compare.b is None:
                groups = _split(found, in_a, compare.a, f"not ({compare.a})")
            else:
                in_b = found.of_customers(segment_members(log, compare.b)) & ~in_a
                groups = Groups(found.where(in_a), found.where(in_b), compare.a, compare.b)
        elif compare.by == "touchpoint_use":
            assert compare.touchpoint_id is not None
            touchpoint = places.get(compare.touchpoint_id, kinds=("touchpoint",))
            users = touchpoint_users(data.log(), touchpoint.touchpoints)
            in_a = found.of_customers(users)
            if compare.touchpoint_id in (spec.metric.from_id, spec.metric.to_id):
                # Everyone passing through it used it: there would be nobody to compare with.
                raise EmptyGroup(
                    f"touchpoint {compare.touchpoint_id!r} is a place of the metric itself, "
                    "so every customer measured used it",
                    hint="compare by a touchpoint outside the metric's places",
                )
            groups = _split(found, in_a, f"used {touchpoint.name}", f"not {touchpoint.name}")
        else:
            assert compare.property is not None and compare.a is not None
            assert spec.metric.from_id is not None
            start = places.get(spec.metric.from_id)
            values = property_values(data.log(), start.touchpoints, compare.property)
            chosen = np.array([values.get(c or "") for c in found.customer_ids], dtype=object)
            label = compare.property
            groups = Groups(
                found.where(chosen == compare.a),
                found.where(chosen == compare.b),
                f"{label} = {compare.a}",
                f"{label} = {compare.b}",
            )
    for name, group, label in (("a", groups.a, groups.label_a), ("b", groups.b, groups.label_b)):
        if not len(group):
            raise EmptyGroup(
                f"group {name} ({label}) of the comparison holds no observation of "
                f"{group.description}, so there is nothing to compare",
                hint="check the comparison's values against the data",
            )
    return groups
