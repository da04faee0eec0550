"""``journeykit events sankey|phases|timing|channel-switches``: how customers flow.

The commands join the ``events`` group; importing this module registers them.
"""

from __future__ import annotations

import json

import click

from journeykit.cli.console import write_raw
from journeykit.cli.event_options import event_log, json_option, print_rows, segment_options
from journeykit.cli.events import events
from journeykit.cli.options import workspace_option
from journeykit.events.metrics import phases as phase_metric
from journeykit.events.metrics import sankey as sankey_metric
from journeykit.events.metrics import switches as switch_metric
from journeykit.events.metrics import timing as timing_metric


@events.command("sankey")
@workspace_option
@click.option(
    "--steps",
    type=click.IntRange(min=1),
    default=sankey_metric.DEFAULT_STEPS,
    show_default=True,
    help="How many first steps of every journey.",
)
@click.option(
    "--by",
    type=click.Choice(sankey_metric.LABELS),
    default="event",
    show_default=True,
    help="What labels a step: the event, its touchpoint, channel or phase.",
)
@segment_options
@click.option(
    "--json", "as_json", is_flag=True, help='Print a JSON object {"nodes": [...], "links": [...]}.'
)
def sankey(
    workspace: str | None,
    steps: int,
    by: str,
    segment: str | None,
    persona: str | None,
    as_json: bool,
) -> None:
    """The first steps of every journey as Sankey nodes and links.

    A node is a step and its label (node id "<step>:<label>"), with the customers at it; a
    link counts the customers going from a node to one of the next step. Journeys shorter
    than --steps end; a step without the label is "(none)".
    """
    with event_log(workspace, segment, persona) as log:
        flows = sankey_metric.sankey(log, steps, by)
    if as_json:
        write_raw(json.dumps(flows, ensure_ascii=False, indent=2) + "\n")
        return
    print_rows(flows["nodes"], sankey_metric.NODE_COLUMNS, f"Sankey nodes (by {by})", False)
    print_rows(flows["links"], sankey_metric.LINK_COLUMNS, f"Sankey links (by {by})", False)


@events.command("phases")
@workspace_option
@segment_options
@json_option
def phases(workspace: str | None, segment: str | None, persona: str | None, as_json: bool) -> None:
    """The phase funnel: customers reaching each phase, conversion, drop-off, time in phase.

    Phases come from the touchpoint rules, in journey order (the default phases, then others
    alphabetically); events without a phase are ignored.
    """
    with event_log(workspace, segment, persona) as log:
        rows = phase_metric.phases(log)
    print_rows(rows, phase_metric.COLUMNS, "Phase funnel", as_json)


@events.command("timing")
@click.argument("from_event", metavar="FROM")
@click.argument("to_event", metavar="TO")
@workspace_option
@segment_options
@json_option
def timing(
    from_event: str,
    to_event: str,
    workspace: str | None,
    segment: str | None,
    persona: str | None,
    as_json: bool,
) -> None:
    """Time from event FROM to event TO: from each customer's first FROM to the first TO after
    it; customers, mean, median, p90, min and max seconds."""
    with event_log(workspace, segment, persona) as log:
        rows = timing_metric.timing(log, from_event, to_event)
    print_rows(rows, timing_metric.COLUMNS, f"Time from {from_event} to {to_event}", as_json)


@events.command("channel-switches")
@workspace_option
@segment_options
@json_option
def channel_switches(
    workspace: str | None, segment: str | None, persona: str | None, as_json: bool
) -> None:
    """The omnichannel matrix: consecutive events of a customer in different channels.

    Events without a channel are skipped. Per pair of channels: switches, customers and the
    median seconds between the two events; most switches first.
    """
    with event_log(workspace, segment, persona) as log:
        rows = switch_metric.channel_switches(log)
    print_rows(rows, switch_metric.COLUMNS, "Channel switches", as_json)
