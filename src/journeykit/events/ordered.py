"""The journey-ordered event log: what import builds so that no metric sorts the log again.

Every imported row is kept, in ``events`` itself: one row per event, numbered per customer
(``pos``, by time, ties in input order: file, then row), with compact codes for customer,
event and channel, the next event of the same customer and the seconds until it, a session
number, the touchpoint and phase the mapping rules give it, where it came from (``file_id``,
``source_row``), and the journey's collapsed channel touches (``touch``: the touch's number
if the event starts one, ``touches_before``, ``next_touch_channel_id``; see
:mod:`journeykit.events.build`). Next to it:

- ``customers``: first and last time, number of events and of touches, and the customer's
  whole journey as a variant id;
- ``variants``, ``event_names``, ``channels``, ``source_files``: the code tables;
- ``raw_events``: a view giving every row back as it was imported (customer id, time, event,
  channel, source, properties, file, row), the input of every rebuild.

Storing the rows once (not once as read and once ordered) halves what an import writes. The
build sorts the log once, in DuckDB; the per-customer columns are then computed from the
sorted rows in one pass (see :mod:`journeykit.events.build`). Transitions are then one grouped
scan, variants a count over customers, and funnels joins on positions: metrics never re-sort
the log.
"""

from __future__ import annotations

#: Seconds of inactivity that end a session by default.
DEFAULT_SESSION_TIMEOUT_SECONDS = 30 * 60

RAW_TABLE = "raw_events"

#: The tables metrics read, published to another backend when one is configured (customer
#: attributes are imported, not derived, and only there once imported).
DERIVED_TABLES = ("events", "customers", "variants", "event_names", "channels", "attributes")

#: The tables each build replaces (it writes them under a temporary name, then swaps).
BUILT_TABLES = ("events", "customers", "variants", "event_names", "channels")

#: The columns of a raw row, as the build reads them (``file_id`` stands for the file name).
RAW_COLUMNS = "customer_id, ts, event, channel, source, properties, file_id, source_row"

CREATE_SOURCE_FILES = """
CREATE TABLE IF NOT EXISTS source_files (file_id INTEGER NOT NULL, source_file VARCHAR NOT NULL)
"""

CREATE_RAW_VIEW = f"""
CREATE VIEW {RAW_TABLE} AS
SELECT c.customer_id, e.ts, n.event, ch.channel, e.source, e.properties, f.source_file,
       e.source_row, e.file_id
FROM events AS e
JOIN customers AS c USING (cid)
JOIN event_names AS n USING (event_id)
LEFT JOIN channels AS ch USING (channel_id)
JOIN source_files AS f USING (file_id)
"""

# A log imported before raw rows lived in ``events``: its raw table numbered rows across
# imports (``ingest``). Each run of rows of one file with growing row numbers, in that order,
# becomes a file code, so ties keep exactly the order they had.
LEGACY_FILES = f"""
CREATE TEMP TABLE legacy_rows AS
SELECT customer_id, ts, event, channel, source, properties, source_file, source_row,
       (sum(starts) OVER (ORDER BY ingest))::INTEGER AS file_id
FROM (
    SELECT *, CASE WHEN source_file = lag(source_file) OVER (ORDER BY ingest)
                    AND source_row > lag(source_row) OVER (ORDER BY ingest)
              THEN 0 ELSE 1 END AS starts
    FROM {RAW_TABLE}
);
INSERT INTO source_files SELECT DISTINCT file_id, source_file FROM legacy_rows
"""

LEGACY_ROWS = f"SELECT {RAW_COLUMNS} FROM legacy_rows"

# The batch's rows with their file codes (``batch_files`` maps the batch's file names).
BATCH_ROWS = """
SELECT b.customer_id, b.ts, b.event, b.channel, b.source, b.properties, f.file_id, b.source_row
FROM batch AS b JOIN batch_files AS f USING (source_file)
"""

# The same, for a batch that lists a file in several runs: a code per row (see the store).
BATCH_ROWS_CODED = """
SELECT customer_id, ts, event, channel, source, properties, file_id, source_row FROM batch
"""

# New rows that are not already stored: the same customer, time, event, channel, source and
# properties count as the same event, so re-importing a file adds nothing twice.
NEW_ROWS = """
CREATE TEMP TABLE incoming AS
SELECT * FROM ({batch}) AS b
WHERE NOT EXISTS (
    SELECT 1 FROM ({stored}) AS r
    WHERE r.customer_id = b.customer_id AND r.ts = b.ts AND r.event = b.event
      AND r.channel IS NOT DISTINCT FROM b.channel
      AND r.source IS NOT DISTINCT FROM b.source
      AND r.properties IS NOT DISTINCT FROM b.properties
)
"""

# Codes in name order, from the values of the rows (``{values}`` lists them per column).
BUILD_CODES = """
CREATE TABLE event_names__new AS
    SELECT (row_number() OVER (ORDER BY event))::INTEGER AS event_id, event
    FROM (SELECT DISTINCT event FROM ({events}) WHERE event IS NOT NULL);
CREATE TABLE channels__new AS
    SELECT (row_number() OVER (ORDER BY channel))::INTEGER AS channel_id, channel
    FROM (SELECT DISTINCT channel FROM ({channels}) WHERE channel IS NOT NULL);
CREATE TEMP TABLE customer_codes AS
    SELECT row_number() OVER (ORDER BY customer_id) AS cid, customer_id
    FROM (SELECT DISTINCT customer_id FROM ({customers}) WHERE customer_id IS NOT NULL);
"""

# The one sort of the whole log, here and only here: by customer, time, file, row.
SORTED_ROWS = """
SELECT c.cid::INTEGER AS cid, epoch_us(r.ts) AS ts_us, n.event_id, ch.channel_id,
       r.file_id, r.source_row{extra}
FROM ({rows}) AS r
JOIN customer_codes AS c USING (customer_id)
JOIN event_names__new AS n USING (event)
LEFT JOIN channels__new AS ch USING (channel)
ORDER BY c.cid, ts_us, r.file_id, r.source_row
"""

#: The columns of ``events``, in order, with their types.
EVENT_COLUMNS = (
    ("cid", "BIGINT"),
    ("pos", "INTEGER"),
    ("ts", "TIMESTAMPTZ"),
    ("ts_us", "BIGINT"),
    ("event_id", "INTEGER"),
    ("channel_id", "INTEGER"),
    ("source", "VARCHAR"),
    ("properties", "VARCHAR"),
    ("touchpoint", "VARCHAR"),
    ("phase", "VARCHAR"),
    ("next_event_id", "INTEGER"),
    ("seconds_to_next", "DOUBLE"),
    ("session", "INTEGER"),
    ("file_id", "INTEGER"),
    ("source_row", "BIGINT"),
    ("touch", "INTEGER"),
    ("touches_before", "INTEGER"),
    ("next_touch_channel_id", "INTEGER"),
)

# ``ts`` is ``ts_us`` as a time, and a text column without any value is all nulls: such
# columns are computed when read (virtual) rather than stored, which saves writing (and
# compressing) a fifth of the table on every import. Readers see ordinary columns.
VIRTUAL_TS = "make_timestamptz(ts_us)"
VIRTUAL_NULL = "CAST(NULL AS VARCHAR)"


def create_events(virtual: dict[str, str]) -> str:
    """``CREATE TABLE events__new`` with the ``virtual`` columns (name: expression)."""
    columns = [
        f"{name} {kind}"
        + (f" GENERATED ALWAYS AS ({virtual[name]}) VIRTUAL" if name in virtual else "")
        for name, kind in EVENT_COLUMNS
    ]
    return "CREATE TABLE events__new (" + ", ".join(columns) + ")"


def insert_events(virtual: dict[str, str], spill: str) -> str:
    """Fill ``events__new`` with the stored columns, from the build's spill file."""
    stored = [name for name, _ in EVENT_COLUMNS if name not in virtual]
    names = ", ".join(stored)
    return f"INSERT INTO events__new ({names}) SELECT {names} FROM read_parquet({spill})"


BUILD_CUSTOMERS = """
CREATE TABLE variants__new AS
    SELECT variant_id, variant_key, length FROM built_variants ORDER BY variant_id;
CREATE TABLE customers__new AS
    SELECT j.cid::BIGINT AS cid, c.customer_id, j.n_events,
           make_timestamptz(j.first_us) AS first_ts, make_timestamptz(j.last_us) AS last_ts,
           j.variant_id, j.touches
    FROM journeys AS j JOIN customer_codes AS c USING (cid)
    ORDER BY j.cid;
"""
