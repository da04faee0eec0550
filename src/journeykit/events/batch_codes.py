"""A first import sorted by the codes its dictionaries already have: no text is compared.

When the log is empty, every row is in the batch, whose customer ids, event names and channels
are dictionaries (see :data:`~journeykit.events.schema.RAW_EVENTS`). Their indices group the
rows of one customer as well as the customer ids do, so DuckDB sorts the batch by these integer
codes (a quarter of the work of joining and sorting millions of strings), and only the distinct
values are numbered in name order, which turns each code into its ``cid``, ``event_id`` or
``channel_id`` on the way out. Rows then come grouped by customer in code order rather than
``cid`` order, which no metric depends on.

Trimming can leave a dictionary with a value twice (``" a"`` and ``"a"`` both became ``"a"``);
such values get one code, so a customer's rows stay together:

>>> trimmed = pa.DictionaryArray.from_arrays(pa.array([0, 1, 2, None], pa.int32()),
...                                          pa.array(["a", "b", "a", "c"]))
>>> column = text_codes(pa.chunked_array([trimmed]))
>>> column.codes.to_pylist(), column.values.to_pylist(), column.used.tolist()
([0, 1, 0, None], ['a', 'b', 'c'], [True, True, False])
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from journeykit.events.importers.dictionary import text_dictionary

#: The batch's name tables as the code statements read them (see ``ordered.BUILD_CODES``).
CODE_INPUTS = {
    "customers": "SELECT customer_id FROM batch_customers WHERE used",
    "events": "SELECT event FROM batch_events WHERE used",
    "channels": "SELECT channel FROM batch_channels WHERE used",
}

# The rows by code; ties in time in the order of the batch (file code, then row).
SORTED_CODES = """
SELECT customer_code AS cid, epoch_us(ts) AS ts_us, event_code AS event_id,
       channel_code AS channel_id, {file_id} AS file_id, source_row{extra}
FROM batch_keys
ORDER BY customer_code, ts_us, {file_id}, source_row
"""

_TRANSLATIONS = {
    "customers": "SELECT b.code, c.cid FROM batch_customers AS b "
    "JOIN customer_codes AS c USING (customer_id)",
    "events": "SELECT b.code, n.event_id FROM batch_events AS b "
    "JOIN event_names__new AS n USING (event)",
    "channels": "SELECT b.code, n.channel_id FROM batch_channels AS b "
    "JOIN channels__new AS n USING (channel)",
}


@dataclass(frozen=True)
class TextCodes:
    """One text column as a code per row (null where the row has no value) and the distinct
    values the codes stand for, with whether any row uses each."""

    codes: pa.Array
    values: pa.Array
    used: np.ndarray


def text_codes(column: pa.ChunkedArray) -> TextCodes:
    """Codes for the rows of a text column: equal text, equal code, whatever the dictionary."""
    values = text_dictionary(column)
    dictionary = values.dictionary
    distinct = pc.dictionary_encode(dictionary)
    codes = values.indices
    if len(distinct.dictionary) < len(dictionary):
        # The dictionary repeats a value (chunks of a file each had their own dictionary):
        # one code per value, so one customer's rows stay together.
        remap = distinct.indices.to_numpy(zero_copy_only=False).astype(np.int32)
        filled = codes.fill_null(0).to_numpy(zero_copy_only=False)
        mask = codes.is_null().to_numpy(zero_copy_only=False) if codes.null_count else None
        codes = pa.array(remap[filled], mask=mask)
        dictionary = distinct.dictionary
    # Without nulls the codes are read in place; with them, only the present ones are copied.
    present = codes.drop_null() if codes.null_count else codes
    used = np.bincount(present.to_numpy(), minlength=len(dictionary)) > 0
    return TextCodes(codes, dictionary, used)


@dataclass(frozen=True)
class Translation:
    """Per code, the id the build gives its value: ``cid``, ``event_id``, ``channel_id``."""

    customers: np.ndarray
    events: np.ndarray
    channels: np.ndarray

    def apply(self, batch: pa.RecordBatch) -> pa.RecordBatch:
        """``batch`` (sorted rows by code) with ids in the first, third and fourth column."""
        columns = batch.columns
        channel = columns[3]
        mask = channel.is_null().to_numpy(zero_copy_only=False) if channel.null_count else None
        translated = [
            pa.array(self.customers[columns[0].to_numpy()]),
            columns[1],
            pa.array(self.events[columns[2].to_numpy()]),
            pa.array(self.channels[channel.fill_null(0).to_numpy()], mask=mask),
            *columns[4:],
        ]
        return pa.record_batch(translated, schema=batch.schema)


def register(con: duckdb.DuckDBPyConnection, batch: pa.Table, file_ids: pa.Array | None) -> None:
    """Register ``batch_keys`` (the batch with code columns, and ``file_id`` if given per row)
    and the name tables ``batch_customers``, ``batch_events``, ``batch_channels``."""
    keys = batch
    for column, table, name in (
        ("customer_id", "batch_customers", "customer_code"),
        ("event", "batch_events", "event_code"),
        ("channel", "batch_channels", "channel_code"),
    ):
        coded = text_codes(batch.column(column))
        keys = keys.append_column(name, coded.codes)
        names = pa.table(
            {
                "code": pa.array(np.arange(len(coded.values), dtype=np.int32)),
                column: coded.values,
                "used": pa.array(coded.used),
            }
        )
        con.register(table, names)
    if file_ids is not None:
        keys = keys.append_column("file_id", file_ids)
    con.register("batch_keys", keys)


def translation(con: duckdb.DuckDBPyConnection) -> Translation:
    """Each code's id, once the code tables of the build exist."""
    lookups = {}
    for name, sql in _TRANSLATIONS.items():
        (size,) = con.execute(f"SELECT count(*) FROM batch_{name}").fetchall()[0]
        pairs = con.sql(sql).to_arrow_table()
        lookup = np.zeros(max(size, 1), np.int32)  # at least one entry: null codes read it
        lookup[pairs.column(0).to_numpy()] = pairs.column(1).to_numpy()
        lookups[name] = lookup
    return Translation(**lookups)


def unregister(con: duckdb.DuckDBPyConnection) -> None:
    """Drop the registrations of :func:`register`."""
    for name in ("batch_keys", "batch_customers", "batch_events", "batch_channels"):
        con.unregister(name)
