"""GA4 BigQuery export rows, nested as BigQuery writes them, as Parquet and as JSON Lines."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from journeykit.events.importers import ColumnMapping, MappingInvalid, read_events
from tests.events.importers.helpers import at, column, reasons

# 2024-03-01 10:00:00 UTC in microseconds.
T0 = 1_709_287_200_000_000

VALUE = pa.struct(
    [
        ("string_value", pa.string()),
        ("int_value", pa.int64()),
        ("float_value", pa.float64()),
        ("double_value", pa.float64()),
    ]
)
SCHEMA = pa.schema(
    [
        ("event_date", pa.string()),
        ("event_timestamp", pa.int64()),
        ("event_name", pa.string()),
        ("event_params", pa.list_(pa.struct([("key", pa.string()), ("value", VALUE)]))),
        ("user_id", pa.string()),
        ("user_pseudo_id", pa.string()),
        (
            "traffic_source",
            pa.struct([("name", pa.string()), ("medium", pa.string()), ("source", pa.string())]),
        ),
        (
            "collected_traffic_source",
            pa.struct(
                [
                    ("manual_source", pa.string()),
                    ("manual_medium", pa.string()),
                    ("manual_campaign_name", pa.string()),
                    ("gclid", pa.string()),
                ]
            ),
        ),
    ]
)


def param(key: str, **value: Any) -> dict[str, Any]:
    full = {"string_value": None, "int_value": None, "float_value": None, "double_value": None}
    return {"key": key, "value": full | value}


def event(
    n: int,
    name: str,
    source: str | None,
    medium: str | None,
    *,
    params: list[dict[str, Any]] | None = None,
    user_id: str | None = None,
    collected: dict[str, Any] | None = None,
) -> dict[str, Any]:
    return {
        "event_date": "20240301",
        "event_timestamp": T0 + n * 1_000_000,
        "event_name": name,
        "event_params": params or [],
        "user_id": user_id,
        "user_pseudo_id": f"{n}.1700000000",
        "traffic_source": {"name": None, "medium": medium, "source": source},
        "collected_traffic_source": collected,
    }


ROWS = [
    event(
        0,
        "page_view",
        "google",
        "organic",
        params=[
            param("page_location", string_value="https://shop.example/"),
            param("ga_session_id", int_value=1709287200),
            param("engagement_time_msec", int_value=1200),
        ],
        user_id="K-1",
    ),
    event(1, "session_start", "(direct)", "(none)"),
    event(2, "purchase", "google", "cpc", params=[param("value", double_value=49.9)]),
    event(3, "page_view", "m.facebook.com", "referral"),
    event(4, "page_view", "newsletter", "email"),
    event(5, "page_view", "idealo.de", "referral"),
    event(6, "page_view", "criteo", "display"),
    event(7, "page_view", "awin", "affiliate"),
    event(8, "page_view", "partner.example", "referral"),
    event(9, "page_view", "youtube.com", "cpv"),
    # The user came first from Bing, but this visit is tagged: the event's own source wins.
    event(
        10,
        "page_view",
        "bing",
        "organic",
        collected={"manual_source": "instagram", "manual_medium": "paid_social"},
    ),
    # An auto-tagged Google Ads click: a gclid and no UTM parameters.
    event(11, "page_view", "(direct)", "(none)", collected={"gclid": "Cj0KCQ"}),
]
CHANNELS = [
    "Organic Search",
    "Direct",
    "Paid Search",
    "Organic Social",
    "Email",
    "Organic Shopping",
    "Display",
    "Affiliates",
    "Referral",
    "Paid Video",
    "Paid Social",
    "Paid Search",
]


def parquet_file(folder: Path, rows: list[dict[str, Any]]) -> Path:
    path = folder / "events_20240301.parquet"
    pq.write_table(pa.Table.from_pylist(rows, schema=SCHEMA), path)
    return path


def bigquery_json(folder: Path, rows: list[dict[str, Any]], name: str = "export.jsonl") -> Path:
    # BigQuery's JSON export writes INT64 as text and leaves null fields out.
    def plain(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: plain(v) for k, v in value.items() if v is not None}
        if isinstance(value, list):
            return [plain(v) for v in value]
        if isinstance(value, int):
            return str(value)
        return value

    path = folder / name
    path.write_text("".join(json.dumps(plain(row)) + "\n" for row in rows), encoding="utf-8")
    return path


@pytest.mark.parametrize("writer", [parquet_file, bigquery_json])
def test_ga4_rows_become_events_with_channels_and_params(tmp_path: Path, writer: Any) -> None:
    batch = read_events([writer(tmp_path, ROWS)])

    assert batch.summary() == "12 rows read, 12 usable, 0 rejected"
    assert column(batch, "customer_id")[:2] == ["0.1700000000", "1.1700000000"]
    assert column(batch, "ts")[:2] == [at("2024-03-01 10:00"), at("2024-03-01 10:00:01")]
    assert column(batch, "event")[:3] == ["page_view", "session_start", "purchase"]
    assert column(batch, "channel") == CHANNELS
    assert column(batch, "source")[:3] == ["google", "(direct)", "google"]
    assert column(batch, "source")[10:] == ["instagram", "google"]
    properties = column(batch, "properties")
    assert properties[0] == (
        '{"engagement_time_msec":1200,"ga_session_id":1709287200,'
        '"page_location":"https://shop.example/"}'
    )
    assert properties[1] is None
    assert properties[2] == '{"value":49.9}'


def test_ga4_format_can_be_named_for_a_json_file(tmp_path: Path) -> None:
    path = bigquery_json(tmp_path, ROWS[:2], name="bq-export.json")

    batch = read_events([path], fmt="ga4")

    assert column(batch, "channel") == ["Organic Search", "Direct"]


def test_user_id_as_customer_when_the_mapping_says_so(tmp_path: Path) -> None:
    batch = read_events(
        [parquet_file(tmp_path, ROWS[:2])], mapping=ColumnMapping(customer_id="user_id")
    )

    assert column(batch, "customer_id") == ["K-1"]
    assert reasons(batch) == [(2, "user_id", "empty customer id")]


def test_ga4_columns_cannot_be_remapped(tmp_path: Path) -> None:
    with pytest.raises(MappingInvalid, match="fixed columns"):
        read_events([parquet_file(tmp_path, ROWS[:1])], mapping=ColumnMapping(ts="event_date"))


def test_a_repeated_param_key_keeps_its_first_value(tmp_path: Path) -> None:
    rows = [
        event(
            0,
            "x",
            None,
            None,
            params=[
                param("b", int_value=1),
                param("a", string_value="first"),
                param("a", string_value="second"),
            ],
        )
    ]

    batch = read_events([parquet_file(tmp_path, rows)])

    assert column(batch, "properties") == ['{"a":"first","b":1}']
    assert column(batch, "channel") == ["Unassigned"]


def test_a_bad_event_timestamp_is_a_reject(tmp_path: Path) -> None:
    rows = [
        {"event_name": "a", "event_timestamp": "1709287200000000", "user_pseudo_id": "u1"},
        {"event_name": "b", "event_timestamp": "soon", "user_pseudo_id": "u1"},
    ]
    path = tmp_path / "ga4.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")

    batch = read_events([path])

    assert column(batch, "ts") == [at("2024-03-01 10:00")]
    assert reasons(batch) == [
        (
            2,
            "event_timestamp",
            "unparseable time 'soon'; tried the format "
            "'microseconds since 1970 (GA4 event_timestamp)'",
        )
    ]
