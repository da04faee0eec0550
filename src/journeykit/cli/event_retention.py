"""``journeykit events retention`` and ``events churn``: who comes back, and who stopped.

The commands join the ``events`` group when this module is imported.
"""

from __future__ import annotations

import click

from journeykit.cli.event_options import event_log, json_option, print_rows, segment_options
from journeykit.cli.events import events
from journeykit.cli.options import workspace_option
from journeykit.events.metrics.funnel import parse_duration
from journeykit.events.metrics.retention import (
    CHURN_COLUMNS,
    RETENTION_COLUMNS,
    Period,
    churn,
    parse_as_of,
    retention,
)


@events.command("retention")
@workspace_option
@click.option(
    "--period",
    type=click.Choice(["day", "week", "month"]),
    default="month",
    show_default=True,
    help="Calendar period in UTC (weeks start on Monday).",
)
@click.option(
    "--periods",
    type=click.IntRange(min=0),
    help="Report periods 0 to N after the cohort's (default: 30 days, 8 weeks, 12 months).",
)
@click.option("--start", help="The event whose first occurrence sets the cohort (default: any).")
@click.option("--return", "returning", help="The event that counts as coming back (default: any).")
@segment_options
@json_option
def retention_command(
    workspace: str | None,
    period: Period,
    periods: int | None,
    start: str | None,
    returning: str | None,
    segment: str | None,
    persona: str | None,
    as_json: bool,
) -> None:
    """Cohort retention: of the customers who started in a period, how many came back in each
    later period.

    Only periods that have begun by the log's last event are shown.
    """
    with event_log(workspace, segment, persona) as log:
        rows = retention(log, period, periods, start, returning)
    print_rows(rows, RETENTION_COLUMNS, f"Retention by {period}", as_json)


@events.command("churn")
@workspace_option
@click.option(
    "--after", required=True, help="Churned after this long without an event, e.g. 90d or 8w."
)
@click.option(
    "--as-of",
    "as_of",
    help="Judge at this date or time, in UTC unless it has an offset; a date means its 00:00 "
    "(default: the log's last event).",
)
@segment_options
@json_option
def churn_command(
    workspace: str | None,
    after: str,
    as_of: str | None,
    segment: str | None,
    persona: str | None,
    as_json: bool,
) -> None:
    """Churn per cohort month (month of the first event) and for all customers.

    Customers whose first event is less than --after before the as-of time are too new to
    judge: counted in too_new, not in customers.
    """
    seconds = parse_duration(after)
    moment = parse_as_of(as_of) if as_of is not None else None
    with event_log(workspace, segment, persona) as log:
        rows = churn(log, seconds, moment)
    print_rows(rows, CHURN_COLUMNS, f"Churn after {after}", as_json)
