"""The comparison's common result format and the checks that two tools' results are equal.

Every stage of the comparison (journeykit in the project's environment, pm4py and
retentioneering in their own) writes its numbers as JSON in one plain shape, so that this
module, which needs nothing beyond the standard library, can compare them:

- ``transitions``: ``[[source, target, count], ...]``: how often ``target`` directly follows
  ``source`` in a customer's journey;
- ``variants``: ``[[[event, ...], customers], ...]``: whole journeys and how many customers
  took each, at least the ``top`` most common, ranked by customers, ties by the variant;
- ``funnel``: ``[customers at step 1, at step 2, ...]``.

A comparison names exactly what differs (pair, variant or step, and both numbers) rather than
only saying "not equal", because the point of the check is to explain a difference.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

#: How many differences a comparison spells out before it only counts the rest.
SHOWN_DIFFERENCES = 5

Pair = tuple[str, str]
Variant = tuple[str, ...]


@dataclass(frozen=True)
class Comparison:
    """The outcome of comparing one tool's result with journeykit's for one metric."""

    metric: str
    tool: str
    compared: int
    differences: list[str] = field(default_factory=list)

    @property
    def equal(self) -> bool:
        """True when nothing compared differs."""
        return not self.differences

    def summary(self) -> str:
        """One line for the benchmark table: ``equal (n compared)`` or what differs."""
        if self.equal:
            return f"equal ({self.compared:,} compared)"
        shown = "; ".join(self.differences[:SHOWN_DIFFERENCES])
        more = len(self.differences) - SHOWN_DIFFERENCES
        rest = f"; and {more:,} more" if more > 0 else ""
        return (
            f"**differs** ({len(self.differences):,} differences, {self.compared:,} compared): "
            f"{shown}{rest}"
        )


def transition_counts(rows: Iterable[Sequence[Any]]) -> dict[Pair, int]:
    """``[[source, target, count], ...]`` as a mapping; a pair listed twice is an error."""
    counts: dict[Pair, int] = {}
    for source, target, count in rows:
        pair = (str(source), str(target))
        if pair in counts:
            raise ValueError(f"transition {source} → {target} is listed twice")
        counts[pair] = int(count)
    return counts


def compare_transitions(
    tool: str, reference: Iterable[Sequence[Any]], other: Iterable[Sequence[Any]]
) -> Comparison:
    """Compare transition counts pair by pair; a pair missing on one side counts as 0."""
    expected, found = transition_counts(reference), transition_counts(other)
    pairs = sorted(set(expected) | set(found), key=lambda p: (-expected.get(p, 0), p))
    differences = [
        f"{source} → {target}: journeykit {expected.get((source, target), 0):,}, "
        f"{tool} {found.get((source, target), 0):,}"
        for source, target in pairs
        if expected.get((source, target), 0) != found.get((source, target), 0)
    ]
    return Comparison("transitions", tool, len(pairs), differences)


def ranked_variants(rows: Iterable[Sequence[Any]]) -> list[tuple[Variant, int]]:
    """``[[[event, ...], customers], ...]`` most common first, ties by the variant."""
    ranked = [(tuple(str(e) for e in events), int(customers)) for events, customers in rows]
    ranked.sort(key=lambda item: (-item[1], item[0]))
    return ranked


def top_variants(counts: Iterable[tuple[Variant, int]], top: int) -> list[tuple[Variant, int]]:
    """The ``top`` most common variants of ``(variant, customers)`` pairs (ties by variant).

    The pairs can come in any order, as a tool returns them; this is the ranking journeykit's
    ``variants`` uses, so tools that count alike rank alike.
    """
    return ranked_variants([list(variant), customers] for variant, customers in counts)[:top]


def _short(variant: Variant, length: int = 6) -> str:
    head = " → ".join(variant[:length])
    more = " → …" if len(variant) > length else ""
    events = "event" if len(variant) == 1 else "events"
    return f"[{head}{more}] ({len(variant)} {events})"


def compare_variants(
    tool: str, reference: Iterable[Sequence[Any]], other: Iterable[Sequence[Any]], top: int
) -> Comparison:
    """Compare the ``top`` most common variants: the same journeys, counts and ranks.

    Both sides rank by customers, ties by the variant. ``other`` may hold more than ``top``
    variants, so that a journey journeykit ranks higher is still found with its count.
    """
    expected = ranked_variants(reference)[:top]
    found = ranked_variants(other)
    found_counts = dict(found)
    found_top = found[:top]
    differences: list[str] = []
    for rank, (variant, customers) in enumerate(expected, start=1):
        theirs = found_counts.get(variant)
        if theirs != customers:
            shown = "missing" if theirs is None else f"{theirs:,}"
            differences.append(
                f"#{rank} {_short(variant)}: journeykit {customers:,}, {tool} {shown}"
            )
    expected_set = {variant for variant, _ in expected}
    for rank, (variant, customers) in enumerate(found_top, start=1):
        if variant not in expected_set:
            differences.append(
                f"{tool}'s #{rank} {_short(variant)} with {customers:,} customers "
                "is not in journeykit's top"
            )
    if not differences and [v for v, _ in expected] != [v for v, _ in found_top]:
        differences.append("same variants and counts, but ranked in another order")
    return Comparison("variants", tool, len(expected), differences)


def compare_funnel(
    tool: str, steps: Sequence[str], reference: Sequence[int], other: Sequence[int]
) -> Comparison:
    """Compare the customers at each step of a funnel."""
    if len(reference) != len(steps) or len(other) != len(steps):
        raise ValueError(
            f"a funnel of {len(steps)} steps needs {len(steps)} counts on each side, "
            f"not {len(reference)} and {len(other)}"
        )
    differences = [
        f"step {index} {step}: journeykit {int(mine):,}, {tool} {int(theirs):,}"
        for index, (step, mine, theirs) in enumerate(
            zip(steps, reference, other, strict=True), start=1
        )
        if int(mine) != int(theirs)
    ]
    return Comparison("funnel", tool, len(steps), differences)
