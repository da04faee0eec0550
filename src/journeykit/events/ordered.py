"""The journey-ordered event log: what import builds so that no metric sorts the log again.

``raw_events`` keeps every imported row as read (the source of truth). From it one
transaction derives:

- ``events``: one row per event, numbered per customer (``pos``, by time, ties in input
  order), with compact codes for customer, event and channel, the next event of the same
  customer and the seconds until it, a session number, and the touchpoint and phase the
  mapping rules give it;
- ``customers``: first and last time, number of events, and the customer's whole journey as
  a variant id;
- ``variants``, ``event_names``, ``channels``: the code tables.

Transitions then are one grouped scan, variants a count over customers, and funnels joins on
positions: metrics never re-sort the log.
"""

from __future__ import annotations

#: Seconds of inactivity that end a session by default.
DEFAULT_SESSION_TIMEOUT_SECONDS = 30 * 60

RAW_TABLE = "raw_events"

CREATE_RAW = f"""
CREATE TABLE IF NOT EXISTS {RAW_TABLE} (
    customer_id VARCHAR NOT NULL,
    ts TIMESTAMPTZ NOT NULL,
    event VARCHAR NOT NULL,
    channel VARCHAR,
    source VARCHAR,
    properties VARCHAR,
    source_file VARCHAR NOT NULL,
    source_row BIGINT NOT NULL,
    ingest BIGINT NOT NULL
)
"""

# New rows that are not already stored: the same customer, time, event, channel, source and
# properties count as the same event, so re-importing a file adds nothing twice.
INSERT_NEW = f"""
INSERT INTO {RAW_TABLE}
SELECT b.customer_id, b.ts, b.event, b.channel, b.source, b.properties,
       b.source_file, b.source_row,
       $first_ingest + row_number() OVER (ORDER BY b.batch_order) - 1
FROM (SELECT *, row_number() OVER () AS batch_order FROM batch) AS b
WHERE NOT EXISTS (
    SELECT 1 FROM {RAW_TABLE} AS r
    WHERE r.customer_id = b.customer_id AND r.ts = b.ts AND r.event = b.event
      AND r.channel IS NOT DISTINCT FROM b.channel
      AND r.source IS NOT DISTINCT FROM b.source
      AND r.properties IS NOT DISTINCT FROM b.properties
)
"""

BUILD_CODES = f"""
CREATE OR REPLACE TABLE event_names AS
    SELECT (row_number() OVER (ORDER BY event))::INTEGER AS event_id, event
    FROM (SELECT DISTINCT event FROM {RAW_TABLE});
CREATE OR REPLACE TABLE channels AS
    SELECT (row_number() OVER (ORDER BY channel))::INTEGER AS channel_id, channel
    FROM (SELECT DISTINCT channel FROM {RAW_TABLE} WHERE channel IS NOT NULL);
CREATE OR REPLACE TEMP TABLE customer_codes AS
    SELECT row_number() OVER (ORDER BY customer_id) AS cid, customer_id
    FROM (SELECT DISTINCT customer_id FROM {RAW_TABLE});
"""

# One sort of the whole log, here and only here.
BUILD_EVENTS = f"""
CREATE OR REPLACE TABLE events AS
WITH numbered AS (
    SELECT c.cid, r.ts, epoch_us(r.ts) AS ts_us, n.event_id, ch.channel_id,
           r.source, r.properties, r.event, r.channel,
           (row_number() OVER (PARTITION BY c.cid ORDER BY r.ts, r.ingest) - 1)::INTEGER AS pos
    FROM {RAW_TABLE} AS r
    JOIN customer_codes AS c USING (customer_id)
    JOIN event_names AS n USING (event)
    LEFT JOIN channels AS ch USING (channel)
),
linked AS (
    SELECT *,
           lead(event_id) OVER w AS next_event_id,
           (lead(ts_us) OVER w - ts_us) / 1e6 AS seconds_to_next,
           CASE WHEN ts_us - lag(ts_us) OVER w <= $session_gap_us THEN 0 ELSE 1 END AS new_session
    FROM numbered
    WINDOW w AS (PARTITION BY cid ORDER BY pos)
)
SELECT cid, pos, ts, ts_us, event_id, channel_id, source, properties,
       ({{touchpoint}}) AS touchpoint,
       ({{phase}}) AS phase,
       next_event_id, seconds_to_next,
       (sum(new_session) OVER (PARTITION BY cid ORDER BY pos))::INTEGER AS session
FROM linked
ORDER BY cid, pos
"""

BUILD_CUSTOMERS = """
CREATE OR REPLACE TEMP TABLE journeys AS
    SELECT cid, count(*) AS n_events, min(ts) AS first_ts, max(ts) AS last_ts,
           string_agg(event_id::VARCHAR, ',' ORDER BY pos) AS variant_key
    FROM events GROUP BY cid;
CREATE OR REPLACE TABLE variants AS
    SELECT (row_number() OVER (ORDER BY variant_key))::INTEGER AS variant_id, variant_key,
           (length(variant_key) - length(replace(variant_key, ',', '')) + 1)::INTEGER AS length
    FROM (SELECT DISTINCT variant_key FROM journeys);
CREATE OR REPLACE TABLE customers AS
    SELECT j.cid, c.customer_id, j.n_events, j.first_ts, j.last_ts, v.variant_id
    FROM journeys AS j
    JOIN customer_codes AS c USING (cid)
    JOIN variants AS v USING (variant_key)
    ORDER BY j.cid;
"""

#: The tables metrics read, published to another backend when one is configured (customer
#: attributes are imported, not derived, and only there once imported).
DERIVED_TABLES = ("events", "customers", "variants", "event_names", "channels", "attributes")
