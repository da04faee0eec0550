"""The columns of the event log as importers deliver it, before it is journey-ordered."""

from __future__ import annotations

import pyarrow as pa

#: Events as read from files: one row per usable input row, times in UTC.
RAW_EVENTS = pa.schema(
    [
        pa.field("customer_id", pa.string(), nullable=False),
        pa.field("ts", pa.timestamp("us", tz="UTC"), nullable=False),
        pa.field("event", pa.string(), nullable=False),
        pa.field("channel", pa.string()),
        pa.field("source", pa.string()),
        # A JSON object as text (keys sorted), or null when the row has no properties.
        pa.field("properties", pa.string()),
        # Where the row came from: ties in time keep this order (file, then row).
        pa.field("source_file", pa.string(), nullable=False),
        pa.field("source_row", pa.int64(), nullable=False),
    ]
)

#: The fields a column mapping can name, in the order the CLI lists them.
MAPPABLE_FIELDS = ("customer_id", "ts", "event", "channel", "source")

#: Customer attributes: an id plus any typed columns (demographics, segment fields).
ATTRIBUTE_ID = "customer_id"
