"""The journey-ordered log built where the raw events already are: on Spark or a warehouse.

The embedded build (:mod:`journeykit.events.store`) sorts the log once in DuckDB and computes
the per-customer columns in one pass on this machine. A log that outgrows one machine lives
in a cluster or warehouse instead; this module builds the same tables there, as Ibis
expressions over a raw events table on that backend, so nothing leaves it. The results are
the tables :class:`~journeykit.events.log.EventLog` reads, with the same columns, codes and
values as the embedded build, and every metric then runs on them unchanged.

Window functions do here what the embedded pass does in numpy: the cluster sorts each
customer's events where they are (partitioned by customer), which scales out.

The raw table needs ``customer_id``, ``ts`` (a timestamp) and ``event``; ``channel``,
``source`` and ``properties`` (JSON text) are optional. Events of a customer are ordered by
time; ties by ``source_file`` and ``source_row`` where the table has them, as an import keeps
the order of its files and rows (without them, ties are ordered by event name: deterministic
unless two rows differ only in their channel, but not the order of any file).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import ibis
import ibis.expr.datatypes as dt

from journeykit.events import ordered
from journeykit.events.rules import Rule, TouchpointRules
from journeykit.model.errors import JourneykitError, did_you_mean

if TYPE_CHECKING:
    from ibis.backends import BaseBackend

#: Columns a raw table must have, and those it may have.
REQUIRED_COLUMNS = ("customer_id", "ts", "event")
OPTIONAL_COLUMNS = ("channel", "source", "properties", "source_file", "source_row")

#: Each backend's own function for microseconds since the epoch (Ibis has no portable one:
#: its Spark compiler cannot extract microseconds). Another backend is added here.
EPOCH_MICROSECONDS: Mapping[str, str] = {
    "duckdb": "epoch_us",
    "pyspark": "unix_micros",
    "bigquery": "unix_micros",
    "databricks": "unix_micros",
}


class RawTableInvalid(JourneykitError):
    """The raw events table on the backend cannot be built into a journey-ordered log."""

    code = "raw_table_invalid"


@dataclass(frozen=True)
class ClusterLog:
    """The per-event tables as expressions on one backend, ready to be materialised (with
    the per-customer tables derived from them)."""

    tables: dict[str, ibis.Table]

    def materialise(self, backend: BaseBackend) -> None:
        """Write every table on ``backend`` under its name (replacing what was there).

        ``events`` is written first and read back for the per-customer tables, so the cluster
        computes the ordered log once rather than once per table that depends on it.
        """
        for name in ("event_names", "channels", "events"):
            backend.create_table(name, self.tables[name], overwrite=True)
        journeys = _journeys(backend.table("events"))
        variants = _variants(journeys)
        backend.create_table("variants", variants, overwrite=True)
        customers = _customers(journeys, backend.table("variants"), self.tables["customer_codes"])
        backend.create_table("customers", customers, overwrite=True)


def build_on_backend(
    backend: BaseBackend,
    raw_table: str,
    rules: TouchpointRules,
    *,
    session_timeout_seconds: int = ordered.DEFAULT_SESSION_TIMEOUT_SECONDS,
) -> ClusterLog:
    """Build the ordered tables from ``raw_table`` on ``backend`` and store them there."""
    try:
        raw = backend.table(raw_table)
    except Exception as exc:  # each backend has its own "no such table" error
        raise RawTableInvalid(
            f"the analytics backend has no table {raw_table!r}",
            hint="name the table that holds the raw events (customer_id, ts, event, ...)",
        ) from exc
    log = ordered_tables(
        raw,
        rules,
        epoch_us=_epoch_function(backend),
        session_timeout_seconds=session_timeout_seconds,
    )
    log.materialise(backend)
    return log


def _epoch_function(backend: BaseBackend) -> str:
    name = str(backend.name)
    if name not in EPOCH_MICROSECONDS:
        raise RawTableInvalid(
            f"journeykit does not know how the {name} backend counts microseconds",
            hint=f"known backends: {', '.join(sorted(EPOCH_MICROSECONDS))}",
        )
    return EPOCH_MICROSECONDS[name]


def ordered_tables(
    raw: ibis.Table,
    rules: TouchpointRules,
    *,
    epoch_us: str,
    session_timeout_seconds: int = ordered.DEFAULT_SESSION_TIMEOUT_SECONDS,
) -> ClusterLog:
    """The per-event tables of ``raw`` as expressions (``epoch_us``: the backend's function
    for microseconds since the epoch, see :data:`EPOCH_MICROSECONDS`)."""
    raw = _conform(raw)
    to_us = _builtin_epoch(epoch_us)
    event_names = _codes(raw, "event", "event_id")
    channels = _codes(raw, "channel", "channel_id")
    files = _codes(raw, "source_file", "file_id")
    customer_codes = _codes(raw, "customer_id", "cid", kind="int64")

    coded = raw.mutate(
        ts_us=to_us(raw.ts),
        touchpoint=_case(raw, rules, "touchpoint"),
        phase=_case(raw, rules, "phase"),
    )
    coded = _attach(coded, event_names, "event")
    coded = _attach(coded, channels, "channel", left=True)
    coded = _attach(coded, files, "source_file")
    coded = _attach(coded, customer_codes, "customer_id")

    journey = ibis.window(group_by="cid", order_by=["ts_us", "file_id", "source_row", "event_id"])
    numbered = coded.mutate(
        pos=(ibis.row_number().over(journey)).cast("int32"),
        next_event_id=coded.event_id.lead().over(journey),
        next_us=coded.ts_us.lead().over(journey),
        previous_us=coded.ts_us.lag().over(journey),
    )
    numbered = numbered.mutate(
        seconds_to_next=(numbered.next_us - numbered.ts_us).cast("float64") / 1e6,
        new_session=ibis.ifelse(
            numbered.previous_us.isnull()
            | (numbered.ts_us - numbered.previous_us > session_timeout_seconds * 1_000_000),
            1,
            0,
        ),
    )
    by_pos = ibis.window(group_by="cid", order_by="pos", rows=(None, 0))
    numbered = numbered.mutate(session=numbered.new_session.sum().over(by_pos).cast("int32"))
    events = _with_touches(numbered)
    events = events.select(
        cid=events.cid,
        pos=events.pos,
        ts=events.ts,
        ts_us=events.ts_us,
        event_id=events.event_id,
        channel_id=events.channel_id,
        source=events.source,
        properties=events.properties,
        touchpoint=events.touchpoint,
        phase=events.phase,
        next_event_id=events.next_event_id,
        seconds_to_next=events.seconds_to_next,
        session=events.session,
        file_id=events.file_id,
        source_row=events.source_row,
        touch=events.touch,
        touches_before=events.touches_before,
        next_touch_channel_id=events.next_touch_channel_id,
    )
    # customers and variants come from the stored events (see ClusterLog.materialise).
    return ClusterLog(
        {
            "events": events,
            "event_names": event_names,
            "channels": channels,
            "customer_codes": customer_codes,
        }
    )


def _conform(raw: ibis.Table) -> ibis.Table:
    """``raw`` with every column the build reads, typed; missing optional ones as nulls."""
    present = set(raw.columns)
    for name in REQUIRED_COLUMNS:
        if name not in present:
            raise RawTableInvalid(
                f"the raw events table has no column {name!r}"
                + (f" (did you mean {hint!r}?)" if (hint := did_you_mean(name, present)) else ""),
                hint=f"it needs {', '.join(REQUIRED_COLUMNS)}; it has {', '.join(raw.columns)}",
            )
    if not raw.ts.type().is_timestamp():
        raise RawTableInvalid(
            f"the column 'ts' of the raw events table is {raw.ts.type()}, not a timestamp"
        )
    columns: dict[str, Any] = {
        "customer_id": raw.customer_id.cast("string"),
        "ts": raw.ts,
        "event": raw.event.cast("string"),
    }
    defaults: dict[str, tuple[dt.DataType, Any]] = {
        "channel": (dt.string, None),
        "source": (dt.string, None),
        "properties": (dt.string, None),
        "source_file": (dt.string, ""),
        "source_row": (dt.int64, 0),
    }
    for name, (kind, default) in defaults.items():
        value = raw[name].cast(kind) if name in present else ibis.literal(default, type=kind)
        columns[name] = value
    return raw.select(**columns)


def _builtin_epoch(function: str) -> Any:
    # A backend's own scalar function, named at run time: Ibis calls builtins by name.
    @ibis.udf.scalar.builtin(name=function)  # type: ignore[untyped-decorator]
    def epoch(ts: dt.timestamp) -> dt.int64:
        """Microseconds since the epoch."""

    return epoch


def _codes(raw: ibis.Table, column: str, code: str, *, kind: str = "int32") -> ibis.Table:
    """Distinct values of ``column`` (nulls left out) numbered from 1 in value order."""
    values = raw.select(column).filter(raw[column].notnull()).distinct()
    number = (ibis.row_number().over(order_by=column) + 1).cast(kind)
    return values.select(number.name(code), column)


def _attach(table: ibis.Table, codes: ibis.Table, column: str, *, left: bool = False) -> ibis.Table:
    """``table`` with the code of its ``column`` (which it then drops)."""
    right = codes.rename(**{f"{column}__code": column})
    condition = table[column] == right[f"{column}__code"]
    joined = table.left_join(right, condition) if left else table.join(right, condition)
    return joined.drop(f"{column}__code", column)


def _with_touches(events: ibis.Table) -> ibis.Table:
    """``events`` with the journey's collapsed channel touches (see
    :func:`journeykit.events.build._touches` for the definition)."""
    channelled = events.filter(events.channel_id.notnull())
    journey = ibis.window(group_by="cid", order_by="pos")
    marked = channelled.mutate(previous_channel=channelled.channel_id.lag().over(journey))
    begins = marked.filter(
        marked.previous_channel.isnull() | (marked.previous_channel != marked.channel_id)
    )
    begins = begins.select(
        b_cid=begins.cid,
        b_pos=begins.pos,
        b_next=begins.channel_id.lead().over(journey),
    )
    joined = events.left_join(begins, (events.cid == begins.b_cid) & (events.pos == begins.b_pos))
    starts = joined.b_pos.notnull()
    joined = joined.mutate(begins=ibis.ifelse(starts, 1, 0))
    counted = joined.begins.sum().over(ibis.window(group_by="cid", order_by="pos", rows=(None, 0)))
    joined = joined.mutate(touches_before=(counted - joined.begins).cast("int32"))
    return joined.mutate(
        touch=ibis.ifelse(starts, joined.touches_before, ibis.null("int32")),
        next_touch_channel_id=joined.b_next.cast("int32"),
    ).drop("b_cid", "b_pos", "b_next", "begins")


def _journeys(events: ibis.Table) -> ibis.Table:
    """One row per customer: events, first and last time, touches, and the variant key."""
    # Each event as its zero-padded position and its code: sorting these texts sorts the
    # journey, whatever order the cluster collected them in (order-sensitive aggregates and
    # lambdas are not portable), and the positions are then cut out of the joined text.
    step = events.pos.cast("string").lpad(10, "0") + "|" + events.event_id.cast("string")
    grouped = events.group_by("cid").aggregate(
        n_events=events.count(),
        first_ts=events.ts.min(),
        last_ts=events.ts.max(),
        touches=events.touch.notnull().ifelse(1, 0).sum().cast("int32"),
        steps=step.collect(),
    )
    key = grouped.steps.sort().join(",").re_replace(r"[0-9]{10}\|", "")
    return grouped.mutate(variant_key=key).drop("steps")


def _variants(journeys: ibis.Table) -> ibis.Table:
    keys = journeys.group_by("variant_key").aggregate(length=journeys.n_events.max().cast("int32"))
    number = (ibis.row_number().over(order_by="variant_key") + 1).cast("int32")
    return keys.select(variant_id=number, variant_key=keys.variant_key, length=keys.length)


def _customers(journeys: ibis.Table, variants: ibis.Table, codes: ibis.Table) -> ibis.Table:
    named = journeys.join(variants, "variant_key").join(codes, "cid")
    return named.select(
        "cid", "customer_id", "n_events", "first_ts", "last_ts", "variant_id", "touches"
    )


def _case(raw: ibis.Table, rules: TouchpointRules, field: str) -> ibis.Value:
    """The first rule's ``field`` (touchpoint or phase) whose match holds, else null."""
    branches = [
        (_condition(raw, rule), ibis.literal(getattr(rule, field), type="string"))
        for rule in rules.rules
        if getattr(rule, field) is not None
    ]
    if not branches:
        return ibis.null("string")
    return ibis.cases(*branches, else_=ibis.null("string"))


def _condition(raw: ibis.Table, rule: Rule) -> ibis.BooleanValue:
    match = rule.match
    tests: list[ibis.BooleanValue] = []
    if match.events:
        tests.append(_matches(raw.event, match.events, match.syntax))
    if match.channels:
        tests.append(_matches(raw.channel, match.channels, match.syntax))
    for key, value in match.properties.items():
        extracted = raw.properties.cast("json")[key].str
        tests.append(_matches(extracted, [value], match.syntax))
    condition = tests[0]
    for test in tests[1:]:
        condition = condition & test
    # A null column (no channel, no such property) matches nothing, as in SQL's CASE.
    return condition.fill_null(False)


def _matches(column: ibis.StringValue, patterns: list[str], syntax: str) -> ibis.BooleanValue:
    if syntax == "exact":
        return column.isin(patterns)
    regexes = [glob_regex(p) if syntax == "glob" else f"^(?:{p})$" for p in patterns]
    result = column.re_search(regexes[0])
    for regex in regexes[1:]:
        result = result | column.re_search(regex)
    return result


def glob_regex(pattern: str) -> str:
    """A glob (``*``, ``?``, ``[...]``, as DuckDB's GLOB reads it) as an anchored regex.

    >>> glob_regex("checkout_*")
    '^checkout_.*$'
    >>> glob_regex("a?[bc].txt")
    '^a.[bc]\\\\.txt$'
    """
    out, i = ["^"], 0
    while i < len(pattern):
        char = pattern[i]
        if char == "*":
            out.append(".*")
        elif char == "?":
            out.append(".")
        elif char == "[" and (end := pattern.find("]", i + 1)) > i + 1:
            body = pattern[i + 1 : end]
            negate = body.startswith("!")
            body = re.sub(r"([\\^])", r"\\\1", body[1:] if negate else body)
            out.append("[" + ("^" if negate else "") + body + "]")
            i = end
        else:
            out.append(re.escape(char))
        i += 1
    return "".join(out) + "$"
