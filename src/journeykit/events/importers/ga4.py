"""Google Analytics 4 BigQuery export rows (JSON Lines or Parquet) as events.

Customer = ``user_pseudo_id`` (or ``user_id`` when the mapping names it), time =
``event_timestamp`` (microseconds, UTC), event = ``event_name``. Source, medium and campaign come
from the most specific traffic-source record a row has: the session's last click
(``session_traffic_source_last_click.manual_campaign``), else the event's own UTM parameters
(``collected_traffic_source``; a ``gclid`` alone means google / cpc), else the user's first
acquisition (``traffic_source``). The channel is GA4's default channel group of those (see
:mod:`~journeykit.events.importers.channels`), and ``event_params`` become the properties, each
key with its first non-null value of ``string_value``, ``int_value``, ``double_value``,
``float_value``.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from journeykit.events.importers.cells import trim
from journeykit.events.importers.channels import default_channel_group
from journeykit.events.importers.convert import EventColumns, assemble, optional_text, text_column
from journeykit.events.importers.errors import EmptyFile, MappingInvalid, MissingColumn
from journeykit.events.importers.ga4_params import param_properties
from journeykit.events.importers.mapping import ColumnMapping
from journeykit.events.importers.rejects import Reject
from journeykit.events.importers.source import SourceTable
from journeykit.events.importers.timestamps import EMPTY, OK, OUT_OF_RANGE, UNPARSEABLE, ParsedTimes

#: The columns that make a table a GA4 export.
GA4_COLUMNS = ("event_name", "event_timestamp", "user_pseudo_id")
GA4_ID_COLUMNS = ("user_pseudo_id", "user_id")
TIME_FORMAT = "microseconds since 1970 (GA4 event_timestamp)"
_NO_TEXT = pa.scalar(None, pa.string())


def is_ga4(column_names: list[str]) -> bool:
    """Whether a table has the columns of a GA4 BigQuery export."""
    return all(name in column_names for name in GA4_COLUMNS)


def ga4_events(src: SourceTable, mapping: ColumnMapping) -> tuple[pa.Table, list[Reject]]:
    """Turn GA4 export rows into ``RAW_EVENTS`` rows and rejects."""
    table = src.table
    id_column = _id_column(mapping)
    for name in (*GA4_COLUMNS, id_column):
        if name not in table.column_names:
            raise MissingColumn(
                file=src.file,
                field=f"the GA4 column {name}",
                headers=table.column_names,
                wanted=[name],
                named=True,
            )
    if src.rows_read == 0:
        raise EmptyFile("the file has no rows", file=src.file)
    n = table.num_rows
    source, medium, campaign = traffic_source(table)
    channel = (
        pa.nulls(n, pa.string())
        if source is None
        else default_channel_group(source, medium, campaign)
    )
    params = table["event_params"] if "event_params" in table.column_names else None
    fields = EventColumns(
        customer=text_column(table[id_column], name=id_column, file=src.file),
        times=event_times(table["event_timestamp"]),
        event=text_column(table["event_name"], name="event_name", file=src.file),
        channel=channel,
        source=optional_text(source, n, name="source", file=src.file),
        properties=param_properties(params, n),
        names=(id_column, "event_timestamp", "event_name"),
        time_values=table["event_timestamp"],
        time_format=TIME_FORMAT,
    )
    return assemble(src, fields)


def _id_column(mapping: ColumnMapping) -> str:
    named = {
        key: getattr(mapping, key)
        for key in ("ts", "event", "channel", "source", "properties", "timestamp_format")
        if getattr(mapping, key) is not None
    }
    if named:
        raise MappingInvalid(
            "GA4 exports have fixed columns; only customer_id (user_pseudo_id or user_id) can be "
            f"mapped, not {', '.join(named)}"
        )
    id_column = mapping.customer_id or "user_pseudo_id"
    if id_column not in GA4_ID_COLUMNS:
        raise MappingInvalid(
            f"the customer id of a GA4 export is user_pseudo_id or user_id, not {id_column!r}"
        )
    return id_column


def event_times(column: pa.ChunkedArray) -> ParsedTimes:
    """``event_timestamp`` (microseconds; BigQuery's JSON export writes them as text)."""
    values = column.combine_chunks()
    if pa.types.is_dictionary(values.type):
        values = values.dictionary_decode()
    n = len(values)
    status = np.full(n, EMPTY, np.int8)
    if pa.types.is_string(values.type) or pa.types.is_large_string(values.type):
        digits = pc.match_substring_regex(values, r"^\s*[0-9]+\s*$").fill_null(False)
        numbers = pc.cast(pc.if_else(digits, pc.utf8_trim_whitespace(values), _NO_TEXT), pa.int64())
        status[~values.is_null().to_numpy(zero_copy_only=False)] = UNPARSEABLE
    elif pa.types.is_integer(values.type) or pa.types.is_floating(values.type):
        numbers = pc.cast(values, pa.int64(), safe=False)
    elif pa.types.is_null(values.type):
        numbers = pa.nulls(n, pa.int64())
    else:
        numbers = pa.nulls(n, pa.int64())
        status[:] = UNPARSEABLE
    micros = numbers.fill_null(0).to_numpy(zero_copy_only=False)
    present = numbers.is_valid().to_numpy(zero_copy_only=False)
    in_range = (micros > 0) & (micros < 10**17)
    status[present] = np.where(in_range[present], OK, OUT_OF_RANGE)
    ts = pa.array(np.where(status == OK, micros, 0), pa.int64()).cast(pa.timestamp("us", "UTC"))
    ts = pc.if_else(pa.array(status == OK), ts, pa.scalar(None, ts.type))
    return ParsedTimes(ts=ts, status=status, naive=np.zeros(n, bool))


def _field(table: pa.Table, path: str) -> pa.Array | None:
    """A nested field such as ``traffic_source.source``, or None if the export lacks it."""
    first, *rest = path.split(".")
    if first not in table.column_names:
        return None
    value = table[first].combine_chunks()
    for name in rest:
        if not pa.types.is_struct(value.type) or value.type.get_field_index(name) < 0:
            return None
        value = pc.struct_field(value, name)
    return value


def traffic_source(table: pa.Table) -> tuple[pa.Array | None, pa.Array, pa.Array]:
    """Source, medium and campaign per row from the most specific record that has a source."""
    n = table.num_rows
    levels = [
        (
            "traffic_source.source",
            "traffic_source.medium",
            "traffic_source.name",
        ),
        (
            "collected_traffic_source.manual_source",
            "collected_traffic_source.manual_medium",
            "collected_traffic_source.manual_campaign_name",
        ),
        (
            "session_traffic_source_last_click.manual_campaign.source",
            "session_traffic_source_last_click.manual_campaign.medium",
            "session_traffic_source_last_click.manual_campaign.campaign_name",
        ),
    ]
    source: pa.Array | None = None
    medium = campaign = pa.nulls(n, pa.string())
    for paths in levels:
        found = [_text(_field(table, p), n) for p in paths]
        if _field(table, paths[0]) is None:
            continue
        if (
            paths[0].startswith("collected")
            and (gclid := _field(table, "collected_traffic_source.gclid")) is not None
        ):
            # An auto-tagged Google Ads click carries a gclid and no UTM parameters.
            ads = pc.and_(gclid.is_valid(), found[0].is_null())
            found[0] = pc.if_else(ads, "google", found[0])
            found[1] = pc.if_else(ads, "cpc", found[1])
        if source is None:
            source, medium, campaign = found
            continue
        has = found[0].is_valid()
        source = pc.if_else(has, found[0], source)
        medium = pc.if_else(has, found[1], medium)
        campaign = pc.if_else(has, found[2], campaign)
    return source, medium, campaign


def _text(values: pa.Array | None, n: int) -> pa.Array:
    if values is None or pa.types.is_null(values.type):
        return pa.nulls(n, pa.string())
    text = trim(values)
    return pc.if_else(pc.equal(text, ""), _NO_TEXT, text)
