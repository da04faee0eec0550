"""Sankey flows: where customers go in the first steps of their journeys.

Step ``k`` (counted from 1) of a journey is the customer's ``k``-th event in journey order.
A *node* is a step and a label: the event's name, touchpoint, channel or phase. A *link*
joins a node of step ``k`` to a node of step ``k + 1`` and counts the customers who went from
one to the other. Journeys shorter than the steps shown simply end; an event without the
label (no touchpoint, channel or phase) is labelled ``(none)``.

Every customer has exactly one event at each step they reach, so two laws hold: the links
out of a node count at most the node's customers (the rest end there), and the links into
step ``k + 1`` add up to that step's customers.

Node ids are ``"<step>:<label>"``, the shape Sankey charts (d3-sankey, Plotly, ECharts) take.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import ibis

from journeykit.events.metrics.rows import plain_rows
from journeykit.model.errors import JourneykitError, did_you_mean

if TYPE_CHECKING:
    from journeykit.events.log import EventLog

#: What a node can be labelled by.
LABELS = ("event", "touchpoint", "channel", "phase")

#: The label of a step whose event has no touchpoint, channel or phase.
NO_LABEL = "(none)"

DEFAULT_STEPS = 5

NODE_COLUMNS = ("id", "step", "label", "customers")
LINK_COLUMNS = ("source", "target", "customers")

#: ``{"nodes": [...], "links": [...]}``, each a list of plain rows.
Sankey = dict[str, list[dict[str, Any]]]


class UnknownLabel(JourneykitError):
    """A Sankey label that is not one of :data:`LABELS`."""

    code = "unknown_label"

    def __init__(self, name: str) -> None:
        suggestion = did_you_mean(name, LABELS)
        hint = f"did you mean {suggestion!r}?" if suggestion else f"choose {', '.join(LABELS)}"
        super().__init__(f"cannot label Sankey nodes by {name!r}", hint=hint)


class InvalidSteps(JourneykitError):
    """A Sankey needs at least one step."""

    code = "invalid_steps"


def coded_steps_expr(log: EventLog, steps: int, by: str) -> ibis.Table:
    """``cid``, ``step`` (from 1) and ``code`` of the first ``steps`` events of every journey.

    The code is the event or channel id, or the touchpoint or phase itself; null when the
    event has none.
    """
    events = log.events
    events = events.filter(events.pos < steps)
    column = {"event": "event_id", "channel": "channel_id"}.get(by, by)
    return events.select("cid", step=(events.pos + 1).cast("int64"), code=events[column])


def _named(table: ibis.Table, code: str, log: EventLog, by: str, label: str) -> ibis.Table:
    """``table`` with column ``code`` replaced by its name as ``label``, ``(none)`` for null."""
    if by in ("event", "channel"):
        names = log.event_names if by == "event" else log.channels
        names = names.select(names_code=names[f"{by}_id"], names_label=names[by])
        joined = table.left_join(names, table[code] == names.names_code)
        named = joined.drop("names_code", code).rename({label: "names_label"})
    else:
        named = table.rename({label: code})
    return named.mutate(**{label: named[label].fill_null(NO_LABEL)})


def sankey_exprs(log: EventLog, steps: int, by: str) -> tuple[ibis.Table, ibis.Table]:
    """Nodes (``step``, ``label``, ``customers``) and links (``step``, ``label``, ``target``,
    ``customers``, from step ``step`` to ``step + 1``)."""
    coded = coded_steps_expr(log, steps, by)
    # a customer has one event per step, so counting rows counts customers
    nodes = coded.group_by(["step", "code"]).aggregate(customers=coded.count())
    after = coded.view()  # the same steps, joined to themselves one step on
    following = after.select("cid", step=after.step - 1, next_code=after.code)
    pairs = coded.join(following, ["cid", "step"])
    links = pairs.group_by(["step", "code", "next_code"]).aggregate(customers=pairs.count())
    # names are joined to the few aggregated rows, not to every event
    links = _named(_named(links, "code", log, by, "label"), "next_code", log, by, "target")
    return _named(nodes, "code", log, by, "label"), links


def _node_id(step: int, label: str) -> str:
    return f"{step}:{label}"


def sankey(log: EventLog, steps: int = DEFAULT_STEPS, by: str = "event") -> Sankey:
    """Nodes and links of the first ``steps`` steps of every journey, labelled ``by`` one of
    :data:`LABELS`.

    Nodes come by step, then most customers first, then label; links by their source step,
    then most customers first, then source and target label.
    """
    if by not in LABELS:
        raise UnknownLabel(by)
    if steps < 1:
        raise InvalidSteps(
            f"a Sankey needs at least one step, not {steps}", hint="use --steps 1 or more"
        )
    engine = log.engine
    node_expr, link_expr = sankey_exprs(log, steps, by)
    node_rows = sorted(
        engine.execute(node_expr).to_pylist(),
        key=lambda r: (r["step"], -r["customers"], r["label"]),
    )
    link_rows = sorted(
        engine.execute(link_expr).to_pylist(),
        key=lambda r: (r["step"], -r["customers"], r["label"], r["target"]),
    )
    nodes = [
        {
            "id": _node_id(int(row["step"]), row["label"]),
            "step": int(row["step"]),
            "label": row["label"],
            "customers": int(row["customers"]),
        }
        for row in node_rows
    ]
    links = [
        {
            "source": _node_id(int(row["step"]), row["label"]),
            "target": _node_id(int(row["step"]) + 1, row["target"]),
            "customers": int(row["customers"]),
        }
        for row in link_rows
    ]
    return {"nodes": plain_rows(nodes, NODE_COLUMNS), "links": plain_rows(links, LINK_COLUMNS)}
