"""JSON Lines: line numbers, broken lines, values whose type changes between lines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from journeykit.events.importers import EmptyFile, MixedTimezones, read_events
from tests.events.importers.helpers import at, column, reasons, write


def test_a_broken_line_is_a_reject_with_its_line_number(tmp_path: Path) -> None:
    text = (
        '{"customer_id": "C1", "ts": "2024-03-01T10:00:00Z", "event": "view", "price": 9.5}\n'
        '{"customer_id": "C2", "ts": "2024-03-01T11:00:00Z", "event": "view"\n'
        "\n"
        '{"customer_id": "C3", "ts": "2024-03-01T12:00:00Z", "event": "buy", "items": [1, 2]}\n'
    )

    batch = read_events([write(tmp_path, "events.jsonl", text)])

    assert column(batch, "customer_id") == ["C1", "C3"]
    assert column(batch, "source_row") == [1, 4]
    assert column(batch, "properties") == ['{"price":9.5}', '{"items":[1,2]}']
    assert [(r.row, r.field) for r in batch.rejects] == [(2, None)]
    assert batch.rejects[0].reason.startswith("invalid JSON: Expecting ',' delimiter")
    assert (
        batch.rejects[0].raw
        == '{"customer_id": "C2", "ts": "2024-03-01T11:00:00Z", "event": "view"'
    )
    assert batch.summary() == "3 rows read, 2 usable, 1 rejected"


def test_blank_lines_keep_line_numbers_right(tmp_path: Path) -> None:
    line = '{"customer_id": "C%d", "ts": "2024-03-01T10:00:00Z", "event": "view"}'
    text = "\n".join([line % 1, "", "\r", line % 2]) + "\n"

    batch = read_events([write(tmp_path, "blank.ndjson", text)])

    assert column(batch, "source_row") == [1, 4]


def test_a_line_that_is_no_object_is_a_reject(tmp_path: Path) -> None:
    text = '{"customer_id": "C1", "ts": "2024-03-01T10:00:00Z", "event": "view"}\n[1, 2]\n'

    batch = read_events([write(tmp_path, "e.jsonl", text)])

    assert reasons(batch) == [(2, None, "not a JSON object")]


def test_ids_that_are_numbers_on_some_lines_are_text_and_objects_are_rejects(
    tmp_path: Path,
) -> None:
    lines = [
        {"customer_id": 7, "ts": "2024-03-01T10:00:00Z", "event": "view"},
        {"customer_id": "C8", "ts": "2024-03-01T10:00:00Z", "event": "view"},
        {"customer_id": {"id": 9}, "ts": "2024-03-01T10:00:00Z", "event": "view"},
    ]
    text = "".join(json.dumps(line) + "\n" for line in lines)

    batch = read_events([write(tmp_path, "mixed.jsonl", text)])

    assert column(batch, "customer_id") == ["7", "C8"]
    assert reasons(batch) == [
        (3, "customer_id", "wrong type for the customer id: expected text or a whole number")
    ]


def test_zoned_and_naive_time_strings_are_told_apart(tmp_path: Path) -> None:
    text = (
        '{"customer_id": "C1", "ts": "2024-03-01T10:00:00+01:00", "event": "a"}\n'
        '{"customer_id": "C2", "ts": "2024-03-01 10:00:00", "event": "b"}\n'
    )

    with pytest.raises(MixedTimezones):
        read_events([write(tmp_path, "zones.jsonl", text)])


def test_epoch_numbers_and_nested_properties(tmp_path: Path) -> None:
    line = {
        "user_id": "U1",
        "time": 1709287200123,
        "action": "buy",
        "cart": {"total": 12.5, "items": ["a", "b"]},
        "note": 'say "hi"',
        "paid": True,
        "gone": None,
    }

    batch = read_events([write(tmp_path, "n.jsonl", json.dumps(line) + "\n")])

    assert column(batch, "ts") == [at("2024-03-01 10:00:00.123")]
    assert column(batch, "properties") == [
        '{"cart":{"total":12.5,"items":["a","b"]},"note":"say \\"hi\\"","paid":true}'
    ]


def test_an_empty_jsonl_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(EmptyFile):
        read_events([write(tmp_path, "e.jsonl", "\n \n")])


def test_a_cp1252_jsonl_file_is_recognised(tmp_path: Path) -> None:
    text = '{"customer_id": "C1", "ts": "2024-03-01T10:00:00Z", "event": "Küche"}\n'

    batch = read_events([write(tmp_path, "win.jsonl", text, encoding="cp1252")])

    assert column(batch, "event") == ["Küche"]


def test_lines_of_spaces_are_blank_lines(tmp_path: Path) -> None:
    line = '{"customer_id": "C1", "ts": "2024-03-01T10:00:00Z", "event": "view"}'
    text = line + "\n   \n" + line.replace("C1", "C2") + "\n"

    batch = read_events([write(tmp_path, "spaces.jsonl", text)])

    assert column(batch, "source_row") == [1, 3]
    assert batch.summary() == "2 rows read, 2 usable, 0 rejected"
