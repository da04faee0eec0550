"""The columns of the event log as importers deliver it, before it is journey-ordered."""

from __future__ import annotations

import pyarrow as pa

# Text that repeats (ids, names, channels, file names) is dictionary-encoded: each distinct
# value is stored once, so a file of tens of millions of events fits in memory.
_REPEATED_TEXT = pa.dictionary(pa.int32(), pa.string())

#: Events as read from files: one row per usable input row, times in UTC.
RAW_EVENTS = pa.schema(
    [
        pa.field("customer_id", _REPEATED_TEXT, nullable=False),
        pa.field("ts", pa.timestamp("us", tz="UTC"), nullable=False),
        pa.field("event", _REPEATED_TEXT, nullable=False),
        pa.field("channel", _REPEATED_TEXT),
        pa.field("source", _REPEATED_TEXT),
        # A JSON object as text (keys sorted), or null when the row has no properties.
        pa.field("properties", pa.string()),
        # Where the row came from: ties in time keep this order (file, then row).
        pa.field("source_file", _REPEATED_TEXT, nullable=False),
        pa.field("source_row", pa.int64(), nullable=False),
    ]
)

#: The fields a column mapping can name, in the order the CLI lists them.
MAPPABLE_FIELDS = ("customer_id", "ts", "event", "channel", "source")

#: Customer attributes: an id plus any typed columns (demographics, segment fields).
ATTRIBUTE_ID = "customer_id"
