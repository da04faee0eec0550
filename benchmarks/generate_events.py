"""Synthetic event logs of any size for benchmarks: deterministic, vectorised, not pre-sorted.

``generate(events, customers, seed)`` returns an Arrow table with the columns ``customer_id``,
``ts``, ``event`` and ``channel`` typed as in journeykit's ``RAW_EVENTS`` (text plain, as a file
has it, where ``RAW_EVENTS`` keeps it dictionary-encoded). What it looks like:

- 30 event types whose frequencies fall off like Zipf's law (a few events make most rows),
  every journey opens with one of four entry events, and almost half the events follow on
  from the one before (``page_view`` → ``product_view`` → ``add_to_cart`` …), so transitions
  and variants have structure worth measuring;
- 10 channels; each event type has a home channel it uses 85 % of the time;
- journeys of varying length (log-normal weights, at least one event each) that add up to
  exactly ``events``; with 20M events over 800k customers the mean is 25;
- times in 2024 at whole seconds, strictly increasing within a journey: seconds to minutes
  apart within a session, about a day or more between sessions;
- rows grouped in customer blocks, each block in time order, blocks in random order: the file
  is not sorted globally, so a tool that needs order must sort.

Everything is drawn with numpy in whole-array operations (no Python loop over rows), so 20M
rows take seconds. The same arguments give the same table.

Command line::

    python benchmarks/generate_events.py --events 5000000 --customers 200000 \\
        --out /tmp/ev5m.parquet

>>> table = generate(events=1000, customers=40)
>>> table.num_rows, table.column_names
(1000, ['customer_id', 'ts', 'event', 'channel'])
>>> generate(events=1000, customers=40).equals(table)
True
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

#: The event types, the most frequent first; "follow-on" events are the next in this order.
EVENT_TYPES: tuple[str, ...] = (
    "page_view",
    "product_view",
    "search",
    "add_to_cart",
    "ad_impression",
    "email_open",
    "price_comparison_click",
    "checkout_start",
    "shipping_cost_view",
    "payment_method_select",
    "order_placed",
    "order_confirmation_open",
    "shipping_notification_open",
    "tracking_page_view",
    "parcel_delivered",
    "newsletter_open",
    "newsletter_click",
    "review_request_open",
    "review_submitted",
    "account_login",
    "reorder_click",
    "support_call",
    "chat_message",
    "return_requested",
    "coupon_applied",
    "wishlist_add",
    "store_visit",
    "app_open",
    "push_open",
    "newsletter_unsubscribe",
)

#: The channels, in the order of :data:`EVENT_TYPES`' home channels below.
CHANNELS: tuple[str, ...] = (
    "web",
    "app",
    "email",
    "price_comparison",
    "social",
    "phone",
    "store",
    "parcel",
    "review_site",
    "chat",
)

# The channel each event type uses most (index into CHANNELS), aligned with EVENT_TYPES.
_HOME_CHANNEL = np.array(
    [0, 0, 0, 0, 4, 2, 3, 0, 0, 0, 0, 2, 2, 0, 7, 2, 2, 2, 8, 0, 0, 5, 9, 0, 0, 1, 6, 1, 1, 2],
    dtype=np.int8,
)
# Journeys open with one of these: page_view, search, ad_impression, price_comparison_click.
_ENTRY_EVENTS = np.array([0, 2, 4, 6], dtype=np.int8)
_ENTRY_WEIGHTS = np.array([0.35, 0.2, 0.25, 0.2])

ZIPF_EXPONENT = 1.1
FOLLOW_ON_SHARE = 0.45
HOME_CHANNEL_SHARE = 0.85
NEW_SESSION_SHARE = 0.12

_SECOND = 1_000_000
_YEAR_START_US = 1_704_067_200 * _SECOND  # 2024-01-01T00:00:00Z
_YEAR_SECONDS = 366 * 86_400

IntArray = npt.NDArray[np.int64]


def _zipf_weights(n: int) -> npt.NDArray[np.float64]:
    weights = 1.0 / np.arange(1, n + 1, dtype=np.float64) ** ZIPF_EXPONENT
    result: npt.NDArray[np.float64] = weights / weights.sum()
    return result


def journey_lengths(rng: np.random.Generator, events: int, customers: int) -> IntArray:
    """Events per customer: at least one each, log-normally spread, adding up to ``events``."""
    weights = rng.lognormal(mean=0.0, sigma=0.9, size=customers)
    extra = rng.multinomial(events - customers, weights / weights.sum())
    lengths: IntArray = extra.astype(np.int64) + 1
    return lengths


def _event_codes(
    rng: np.random.Generator, block_starts: IntArray, rows: int
) -> npt.NDArray[np.int8]:
    kinds = len(EVENT_TYPES)
    drawn = rng.choice(kinds, size=rows, p=_zipf_weights(kinds)).astype(np.int8)
    codes = drawn.copy()
    # A follow-on event is the successor of the event drawn for the row before. Using the
    # independent draw (not the final code) keeps this one vectorised step.
    follow = rng.random(rows) < FOLLOW_ON_SHARE
    follow[0] = False
    successor = (drawn[:-1] + 1) % kinds
    codes[1:] = np.where(follow[1:], successor, codes[1:])
    codes[block_starts] = rng.choice(_ENTRY_EVENTS, size=len(block_starts), p=_ENTRY_WEIGHTS)
    return codes


def _channel_codes(rng: np.random.Generator, events: npt.NDArray[np.int8]) -> npt.NDArray[np.int8]:
    rows = len(events)
    elsewhere = rng.choice(len(CHANNELS), size=rows, p=_zipf_weights(len(CHANNELS)))
    at_home = rng.random(rows) < HOME_CHANNEL_SHARE
    return np.where(at_home, _HOME_CHANNEL[events], elsewhere).astype(np.int8)


def _timestamps(
    rng: np.random.Generator, lengths_in_file: IntArray, block_starts: IntArray
) -> IntArray:
    """Microseconds since the epoch, increasing within each customer block."""
    rows = int(lengths_in_file.sum())
    # Within a session seconds to minutes (at least one second, so times never tie); between
    # sessions hours to weeks.
    gaps = 1.0 + rng.exponential(75.0, size=rows)
    new_session = rng.random(rows) < NEW_SESSION_SHARE
    gaps[new_session] = rng.lognormal(mean=11.5, sigma=1.2, size=int(new_session.sum()))
    gap_us = gaps.astype(np.int64) * _SECOND
    gap_us[block_starts] = 0
    np.cumsum(gap_us, out=gap_us)
    gap_us -= np.repeat(gap_us[block_starts], lengths_in_file)
    # Each journey starts at a random second that leaves room for all of it within 2024; only
    # a journey longer than a year (very rare) runs into 2025.
    durations = gap_us[block_starts + lengths_in_file - 1] // _SECOND
    room = np.maximum(_YEAR_SECONDS - durations, 1)
    first = (rng.random(len(lengths_in_file)) * room).astype(np.int64) * _SECOND
    gap_us += np.repeat(first + _YEAR_START_US, lengths_in_file)
    return gap_us


def _strings(names: Sequence[str], codes: npt.NDArray[np.integer]) -> pa.Array:
    """``names[code]`` for every code, as a plain (not dictionary-encoded) string array."""
    return pa.array(names, pa.string()).take(pa.array(codes))


def generate(events: int, customers: int, seed: int = 7) -> pa.Table:
    """``events`` events of ``customers`` customers (fewer if there are fewer events).

    Columns: ``customer_id`` (``C0000001`` …), ``ts`` (UTC microseconds), ``event``,
    ``channel``. Rows come in customer blocks in random order, each block sorted by time.
    """
    if events < 1 or customers < 1:
        raise ValueError(f"need at least one event and one customer, not {events}, {customers}")
    customers = min(customers, events)
    rng = np.random.default_rng(seed)
    lengths = journey_lengths(rng, events, customers)
    # The order of customer blocks in the file: random, so the file is not sorted by customer.
    block_order = rng.permutation(customers)
    lengths_in_file = lengths[block_order]
    block_starts = np.cumsum(lengths_in_file) - lengths_in_file
    event_codes = _event_codes(rng, block_starts, events)
    channel_codes = _channel_codes(rng, event_codes)
    ts = _timestamps(rng, lengths_in_file, block_starts)
    customer_codes = np.repeat(block_order.astype(np.int32), lengths_in_file)
    customer_ids = [f"C{number:07d}" for number in range(1, customers + 1)]
    return pa.table(
        {
            "customer_id": _strings(customer_ids, customer_codes),
            "ts": pa.array(ts, pa.timestamp("us", tz="UTC")),
            "event": _strings(EVENT_TYPES, event_codes),
            "channel": _strings(CHANNELS, channel_codes),
        }
    )


def write(table: pa.Table, out: Path) -> None:
    """Write ``table`` as Parquet or CSV, chosen by the file name's suffix."""
    suffix = out.suffix.lower()
    if suffix == ".parquet":
        pq.write_table(table, out)
    elif suffix == ".csv":
        pacsv.write_csv(table, out)
    else:
        raise ValueError(f"{out}: the output must end in .parquet or .csv")


def main(argv: Sequence[str] | None = None) -> int:
    """Generate an event log and write it to ``--out``."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--events", type=int, required=True, help="number of event rows")
    parser.add_argument("--customers", type=int, required=True, help="number of customers")
    parser.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    parser.add_argument("--out", type=Path, required=True, help="FILE.parquet or FILE.csv")
    args = parser.parse_args(argv)
    if args.out.suffix.lower() not in (".parquet", ".csv"):
        parser.error("--out must end in .parquet or .csv")
    try:
        table = generate(args.events, args.customers, args.seed)
    except ValueError as exc:
        parser.error(str(exc))
    write(table, args.out)
    customers = min(args.customers, args.events)
    print(f"{table.num_rows} events of {customers} customers written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
