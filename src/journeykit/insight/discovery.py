"""Journey discovery: an as-is journey proposed from the event log alone.

How the draft is found (every threshold is a parameter of :func:`discover_journey`):

- **Steps** are the most frequent events: those that at least ``min_share`` of the customers
  have, at most ``max_steps`` of them, each with one touchpoint on the event's most common
  channel whose event match is the event's name (so the draft, once saved, is measured).
- **Order**: by which comes first when customers do both. For each pair of draft events,
  among the customers who have both, the share whose first occurrence of one comes before
  their first occurrence of the other; an event *precedes* another when most such customers
  do it first. Steps are ordered by how many others they precede (a Copeland ranking), ties
  by the mean share, then by the typical position: the median over customers of the first
  occurrence's position divided by the customer's last position (0 = first event, 1 = last).
  The typical position alone misorders a journey where many customers leave early: their
  short paths put early steps at the end (see ADR 0013).
- **Phases** come from the touchpoint rules: a step takes the phase most of its events got; a
  step without one joins the phase of the step before it (or after it, at the start); a log
  without any phase rule gives one phase, "Discovered journey".
- **Channel switches**: the pairs of channels customers move between most (at least
  ``min_share`` of the customers), put as an opportunity on the step whose channel they
  arrive in.
- **Drop-off hotspots**: between two consecutive draft steps, the share of the first step's
  customers who never reach the second after it (see
  :mod:`journeykit.insight.step_numbers_events`); a loss of ``hotspot_drop_off`` or more is a
  pain-point candidate on the step customers leave from.
- **Negative feedback themes** (the pain-point candidates of ``journeykit feedback pains``)
  are put on the draft step whose touchpoint most of their comments were given at.

Too few customers is an error that says so, never a made-up journey.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Literal

from journeykit.events.engine import Engine
from journeykit.events.log import EventLog
from journeykit.events.metrics.switches import channel_switches
from journeykit.insight.step_numbers_events import flow_rows
from journeykit.model.errors import JourneykitError

#: Fewer customers than this cannot show a typical order of anything.
MIN_CUSTOMERS = 10
DEFAULT_MIN_SHARE = 0.05
DEFAULT_MAX_STEPS = 20
DEFAULT_HOTSPOT_DROP_OFF = 0.3
#: The phase of a log whose rules name no phase.
DISCOVERED_PHASE = "discovered"

ItemKind = Literal["step", "drop_off", "theme", "switch"]


class TooFewCustomers(JourneykitError):
    """The event log has too few customers for a typical journey."""

    code = "too_few_customers"
    status = 422


class NoFrequentEvents(JourneykitError):
    """No event is frequent enough to be a step."""

    code = "no_frequent_events"
    status = 422


@dataclass(frozen=True)
class DiscoveredItem:
    """A pain point or opportunity the log suggests for a draft step.

    ``kind``: a drop-off hotspot, a negative feedback theme or a channel switch; ``lane``
    the lane it goes into; ``text`` in German and English; ``weight`` what ranks it.
    """

    id: str
    kind: ItemKind
    step_id: str
    lane: Literal["pain_points", "opportunities"]
    text_de: str
    text_en: str
    weight: float
    quotes: tuple[str, ...] = ()

    def text(self, language: str) -> str:
        """The item's text in ``language``."""
        return self.text_de if language == "de" else self.text_en


@dataclass(frozen=True)
class DiscoveredStep:
    """A draft step: a frequent event, where it typically comes, and its numbers."""

    id: str
    event: str
    title: str
    channel: str | None
    phase_id: str
    rule_touchpoint: str | None
    customers: int
    share: float
    median_position: float
    conversion: float | None
    drop_off: float | None
    median_seconds_from_previous: float | None
    items: tuple[DiscoveredItem, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Discovery:
    """The proposed journey: its steps in order, their phases and their items."""

    customers: int
    events: int
    steps: tuple[DiscoveredStep, ...]
    phases: tuple[str, ...]
    parameters: dict[str, Any]

    def items(self) -> list[DiscoveredItem]:
        """Every pain point and opportunity, in step order."""
        return [item for step in self.steps for item in step.items]

    def step(self, step_id: str) -> DiscoveredStep | None:
        """The draft step ``step_id``."""
        return next((s for s in self.steps if s.id == step_id), None)


def step_id_for(event: str) -> str:
    """The draft step id of an event: ``st-`` and the name as letters, digits and dashes.

    >>> step_id_for("Warenkorb öffnen")
    'st-warenkorb-offnen'
    """
    plain = unicodedata.normalize("NFKD", event).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-") or "event"
    return f"st-{slug}"[:72]


def title_for(event: str) -> str:
    """A readable title of an event name: ``checkout_start`` → ``Checkout start``."""
    words = re.sub(r"[_\s]+", " ", event).strip()
    return words[:1].upper() + words[1:] if words else event


def _event_stats(log: EventLog) -> list[dict[str, Any]]:
    events = log.events
    sizes = log.customers.select("cid", "n_events")
    firsts = events.group_by(["cid", "event_id"]).aggregate(pos=events.pos.min())
    placed = firsts.join(sizes, "cid")
    span = (placed.n_events - 1).cast("float64")
    relative = (span > 0).ifelse(placed.pos.cast("float64") / span, 0.0)
    stats = placed.group_by("event_id").aggregate(
        customers=placed.count(), median_position=relative.median()
    )
    named = stats.join(log.event_names, "event_id")
    chosen = named.select("event_id", "event", "customers", "median_position")
    rows: list[dict[str, Any]] = log.engine.execute(chosen).to_pylist()
    return rows


def _precedence(log: EventLog, codes: list[int]) -> dict[int, tuple[int, float]]:
    """Per event code: how many of the other ``codes`` it precedes, and its mean share of
    customers doing it first (see the module docs)."""
    events = log.events
    chosen = events.filter(events.event_id.isin(codes))
    firsts = chosen.group_by(["cid", "event_id"]).aggregate(pos=chosen.pos.min())
    other = firsts.select(cid="cid", other_id=firsts.event_id, other_pos=firsts.pos)
    pairs = firsts.join(other, "cid")
    pairs = pairs.filter(pairs.event_id != pairs.other_id)
    counted = pairs.group_by(["event_id", "other_id"]).aggregate(
        both=pairs.count(), first=(pairs.pos < pairs.other_pos).cast("int64").sum()
    )
    wins: dict[int, int] = dict.fromkeys(codes, 0)
    shares: dict[int, list[float]] = {code: [] for code in codes}
    for row in log.engine.execute(counted).to_pylist():
        share = int(row["first"]) / int(row["both"])
        shares[int(row["event_id"])].append(share)
        if share > 0.5:
            wins[int(row["event_id"])] += 1
    return {
        code: (wins[code], sum(shares[code]) / len(shares[code]) if shares[code] else 0.5)
        for code in codes
    }


def _most_common(log: EventLog, column: str) -> dict[int, str]:
    """Per event code, the most common value of ``column`` (touchpoint, phase or channel)."""
    events = log.events
    if column == "channel":
        source = events.join(log.channels, "channel_id").select("event_id", value="channel")
    else:
        source = events.filter(events[column].notnull()).select("event_id", value=events[column])
    counted = source.group_by(["event_id", "value"]).aggregate(n=source.count())
    rows = log.engine.execute(counted).to_pylist()
    best: dict[int, tuple[int, str]] = {}
    for row in rows:
        key, value, n = int(row["event_id"]), str(row["value"]), int(row["n"])
        if key not in best or (n, value) > best[key]:
            best[key] = (n, value)
    return {key: value for key, (_n, value) in best.items()}


def _phases(order: list[dict[str, Any]], phase_of: dict[int, str]) -> list[str]:
    found = [phase_of.get(int(row["event_id"])) for row in order]
    if not any(found):
        return [DISCOVERED_PHASE] * len(found)
    result: list[str | None] = list(found)
    for i in range(1, len(result)):
        result[i] = result[i] or result[i - 1]
    first = next(p for p in result if p)
    return [p or first for p in result]


def discover_journey(
    engine: Engine,
    *,
    min_share: float = DEFAULT_MIN_SHARE,
    max_steps: int = DEFAULT_MAX_STEPS,
    hotspot_drop_off: float = DEFAULT_HOTSPOT_DROP_OFF,
    themes: list[Any] | None = None,
) -> Discovery:
    """Propose an as-is journey from the event log on ``engine``.

    ``themes`` are negative feedback themes as :class:`ThemeCandidate` (see
    :func:`journeykit.insight.discovery_themes.theme_candidates`), placed by touchpoint.
    """
    log = EventLog.of(engine)
    customers = int(engine.scalar(log.customers.count()))
    if customers < MIN_CUSTOMERS:
        raise TooFewCustomers(
            f"the event log has {customers} customer{'s' if customers != 1 else ''}; "
            f"discovery needs at least {MIN_CUSTOMERS} to tell a typical order of steps from "
            "one person's path",
            hint="import the events of more customers, then run `journeykit discover` again",
        )
    total_events = int(engine.scalar(log.events.count()))
    stats = _event_stats(log)
    frequent = [r for r in stats if int(r["customers"]) >= min_share * customers]
    frequent.sort(key=lambda r: (-int(r["customers"]), str(r["event"])))
    frequent = frequent[:max_steps]
    if not frequent:
        raise NoFrequentEvents(
            f"no event is done by {min_share:.0%} of the {customers} customers",
            hint="lower the share with --min-share",
        )
    precedes = _precedence(log, [int(r["event_id"]) for r in frequent])
    frequent.sort(
        key=lambda r: (
            -precedes[int(r["event_id"])][0],
            -precedes[int(r["event_id"])][1],
            float(r["median_position"]),
            -int(r["customers"]),
            str(r["event"]),
        )
    )
    channel_of = _most_common(log, "channel")
    phase_of = _most_common(log, "phase")
    touchpoint_of = _most_common(log, "touchpoint")
    phases = _phases(frequent, phase_of)
    ids: list[str] = []
    for row in frequent:
        candidate, n = step_id_for(str(row["event"])), 2
        while candidate in ids:
            candidate, n = f"{step_id_for(str(row['event']))}-{n}", n + 1
        ids.append(candidate)
    groups = {int(row["event_id"]): sid for row, sid in zip(frequent, ids, strict=True)}
    flows = flow_rows(log, ids, groups, "step", "event_id")
    steps = []
    for row, sid, phase in zip(frequent, ids, phases, strict=True):
        code = int(row["event_id"])
        moved = flows[sid]
        steps.append(
            DiscoveredStep(
                id=sid,
                event=str(row["event"]),
                title=title_for(str(row["event"])),
                channel=channel_of.get(code),
                phase_id=phase,
                rule_touchpoint=touchpoint_of.get(code),
                customers=int(row["customers"]),
                share=round(int(row["customers"]) / customers, 4),
                median_position=round(float(row["median_position"]), 4),
                conversion=moved.conversion,
                drop_off=moved.drop_off,
                median_seconds_from_previous=moved.median_seconds_from_previous,
            )
        )
    items: dict[str, list[DiscoveredItem]] = {s.id: [] for s in steps}
    _add_hotspots(steps, items, hotspot_drop_off)
    _add_switches(log, steps, items, customers, min_share)
    if themes:
        _add_themes(steps, items, themes)
    final = tuple(DiscoveredStep(**{**s.__dict__, "items": tuple(items[s.id])}) for s in steps)
    return Discovery(
        customers=customers,
        events=total_events,
        steps=final,
        phases=tuple(dict.fromkeys(phases)),
        parameters={
            "min_share": min_share,
            "max_steps": max_steps,
            "hotspot_drop_off": hotspot_drop_off,
            "rules": bool(workspace_rules_count(engine)),
        },
    )


def workspace_rules_count(engine: Engine) -> int:
    """How many events the touchpoint rules placed (0: the log was imported without rules)."""
    events = EventLog.of(engine).events
    return int(engine.scalar(events.filter(events.touchpoint.notnull()).count()))


def _percent(value: float) -> str:
    return f"{value * 100:.0f} %"


def _add_hotspots(
    steps: list[DiscoveredStep], items: dict[str, list[DiscoveredItem]], threshold: float
) -> None:
    by_id = {s.id: s for s in steps}
    for index, step in enumerate(steps):
        if index == 0 or step.drop_off is None or step.drop_off < threshold:
            continue
        source = steps[index - 1]
        if source.id not in by_id:
            continue
        share = _percent(step.drop_off)
        items[source.id].append(
            DiscoveredItem(
                id=f"drop:{source.id}",
                kind="drop_off",
                step_id=source.id,
                lane="pain_points",
                text_de=f"{share} der Kunden gehen von hier nicht weiter zu „{step.title}“",
                text_en=f"{share} of customers do not go on from here to “{step.title}”",
                weight=step.drop_off,
            )
        )


def _add_switches(
    log: EventLog,
    steps: list[DiscoveredStep],
    items: dict[str, list[DiscoveredItem]],
    customers: int,
    min_share: float,
) -> None:
    arriving: dict[str, DiscoveredStep] = {}
    for step in steps:
        if step.channel is not None:
            arriving.setdefault(step.channel, step)
    for row in channel_switches(log):
        if int(row["customers"]) < min_share * customers:
            continue
        target = arriving.get(str(row["to_channel"]))
        if target is None:
            continue
        share = _percent(int(row["customers"]) / customers)
        source, to = row["from_channel"], row["to_channel"]
        items[target.id].append(
            DiscoveredItem(
                id=f"switch:{source}:{to}",
                kind="switch",
                step_id=target.id,
                lane="opportunities",
                text_de=f"Kanalwechsel {source} → {to}: {share} der Kunden",
                text_en=f"Channel switch {source} → {to}: {share} of customers",
                weight=int(row["customers"]) / customers,
            )
        )


def _add_themes(
    steps: list[DiscoveredStep], items: dict[str, list[DiscoveredItem]], themes: list[Any]
) -> None:
    by_touchpoint: dict[str, DiscoveredStep] = {}
    for step in steps:
        if step.rule_touchpoint is not None:
            by_touchpoint.setdefault(step.rule_touchpoint, step)
    for number, theme in enumerate(themes, start=1):
        votes: Counter[str] = Counter()
        for touchpoint, count in theme.touchpoints.items():
            if touchpoint in by_touchpoint:
                votes[by_touchpoint[touchpoint].id] += count
        if not votes:
            continue
        target = min(votes.items(), key=lambda kv: (-kv[1], kv[0]))[0]
        share = _percent(theme.negative_share)
        items[target].append(
            DiscoveredItem(
                id=f"theme:{number}",
                kind="theme",
                step_id=target,
                lane="pain_points",
                text_de=f"{theme.name} ({theme.comments} Kommentare, {share} negativ)",
                text_en=f"{theme.name} ({theme.comments} comments, {share} negative)",
                weight=theme.weight,
                quotes=tuple(theme.quotes),
            )
        )


__all__ = [
    "MIN_CUSTOMERS",
    "DiscoveredItem",
    "DiscoveredStep",
    "Discovery",
    "NoFrequentEvents",
    "TooFewCustomers",
    "discover_journey",
]
