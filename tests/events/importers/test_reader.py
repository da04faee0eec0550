"""read_events as a whole: formats, all-or-nothing, progress, the schema it delivers."""

from __future__ import annotations

from pathlib import Path

import pytest

from journeykit.events.importers import (
    ColumnMapping,
    FileUnreadable,
    MissingColumn,
    UnknownFormat,
    read_events,
)
from journeykit.events.schema import RAW_EVENTS
from tests.events.importers.helpers import column, write

GOOD = "customer_id,timestamp,event\nC1,2024-03-01 10:00,view\nC2,2024-03-01 11:00,buy\n"


def test_the_table_has_exactly_the_raw_events_schema(tmp_path: Path) -> None:
    batch = read_events([write(tmp_path, "e.csv", GOOD)])

    assert batch.table.schema == RAW_EVENTS
    assert batch.rows_read == 2


def test_a_bad_second_file_fails_the_whole_import(tmp_path: Path) -> None:
    good = write(tmp_path, "good.csv", GOOD)
    bad = write(tmp_path, "bad.csv", "kunde_x,timestamp,event\nC1,2024-03-01 10:00,view\n")

    with pytest.raises(MissingColumn) as caught:
        read_events([good, bad])

    assert caught.value.file == str(bad)


def test_an_unknown_suffix_needs_a_format(tmp_path: Path) -> None:
    path = write(tmp_path, "events.dat", GOOD)

    with pytest.raises(UnknownFormat):
        read_events([path])
    assert column(read_events([path], fmt="csv"), "customer_id") == ["C1", "C2"]


def test_a_missing_file_names_the_file(tmp_path: Path) -> None:
    with pytest.raises(FileUnreadable, match=r"nothere\.csv"):
        read_events([tmp_path / "nothere.csv"])


def test_progress_runs_from_nothing_to_every_byte(tmp_path: Path) -> None:
    first = write(tmp_path, "a.csv", GOOD)
    second = write(tmp_path, "b.csv", GOOD.replace("C", "D"))
    calls: list[tuple[int, int]] = []

    read_events([first, second], progress=lambda done, total: calls.append((done, total)))

    total = first.stat().st_size + second.stat().st_size
    assert calls[0] == (0, total)
    assert calls[-1] == (total, total)
    assert (first.stat().st_size, total) in calls
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)


def test_source_and_channel_columns_are_detected(tmp_path: Path) -> None:
    text = "Kundennummer;Datum;Aktion;Kanal;Quelle\nK1;01.03.2024;Kauf;Preisvergleich;idealo\n"

    batch = read_events([write(tmp_path, "e.csv", text)])

    assert (column(batch, "channel"), column(batch, "source")) == (["Preisvergleich"], ["idealo"])
    assert column(batch, "properties") == [None]


def test_a_decimal_separator_named_in_the_mapping_wins(tmp_path: Path) -> None:
    text = "customer_id;timestamp;event;price\nC1;2024-03-01 10:00;buy;1.500\n"

    batch = read_events([write(tmp_path, "e.csv", text)], mapping=ColumnMapping(decimal="."))

    assert column(batch, "properties") == ['{"price":1.500}']
