"""CSV files as real exports write them: BOMs, semicolons, decimal commas, quotes, cp1252."""

from __future__ import annotations

from pathlib import Path

import pytest

from journeykit.events.importers import (
    ColumnMapping,
    EmptyFile,
    MissingColumn,
    MixedTimezones,
    read_events,
)
from tests.events.importers.helpers import at, column, reasons, rows, write

HEADER = "customer_id,timestamp,event\n"


def test_a_utf8_bom_does_not_end_up_in_the_first_header(tmp_path: Path) -> None:
    path = write(tmp_path, "bom.csv", HEADER + "C1,2024-03-01T10:00:00,view\n", bom=True)

    batch = read_events([path])

    assert rows(batch) == [
        {
            "customer_id": "C1",
            "ts": at("2024-03-01 10:00"),
            "event": "view",
            "channel": None,
            "source": None,
            "properties": None,
            "source_row": 1,
        }
    ]
    assert batch.table.column("source_file").to_pylist() == [str(path)]


def test_a_german_excel_export_with_semicolons_decimal_commas_and_quoted_cells(
    tmp_path: Path,
) -> None:
    text = (
        "Kunden-ID;Zeitstempel;Ereignis;Betrag;Kommentar\r\n"
        'K1;01.03.2024 10:00;Kauf;19,99;"Lieferung; bitte ""schnell"""\r\n'
        'K2;01.03.2024 11:30:15;Kauf;1.234,50;"Zeile 1\r\nZeile 2"\r\n'
        "K3;2.3.2024 9:05;Besuch;;\r\n"
    )
    path = write(tmp_path, "export.csv", text)

    batch = read_events([path])

    assert column(batch, "customer_id") == ["K1", "K2", "K3"]
    assert column(batch, "event") == ["Kauf", "Kauf", "Besuch"]
    assert column(batch, "ts") == [
        at("2024-03-01 10:00"),
        at("2024-03-01 11:30:15"),
        at("2024-03-02 09:05"),
    ]
    assert column(batch, "properties") == [
        '{"Betrag":19.99,"Kommentar":"Lieferung; bitte \\"schnell\\""}',
        '{"Betrag":1234.50,"Kommentar":"Zeile 1\\r\\nZeile 2"}',
        None,
    ]
    assert column(batch, "source_row") == [1, 2, 3]
    assert batch.summary() == "3 rows read, 3 usable, 0 rejected"


def test_naive_times_are_read_in_the_given_zone(tmp_path: Path) -> None:
    # 1 March is winter time in Berlin (UTC+1), 1 July summer time (UTC+2).
    path = write(tmp_path, "e.csv", HEADER + "C1,2024-03-01 10:00,a\nC1,01.07.2024 10:00,b\n")

    batch = read_events([path], mapping=ColumnMapping(timezone="Europe/Berlin"))

    assert column(batch, "ts") == [at("2024-03-01 09:00"), at("2024-07-01 08:00")]


def test_a_cp1252_file_with_umlauts_is_recognised(tmp_path: Path) -> None:
    text = "Kunde;Zeitpunkt;Aktion;Straße\nK1;2024-03-01 10:00;Bestellung geändert;Hauptstraße 5\n"
    path = write(tmp_path, "win.csv", text, encoding="cp1252")

    batch = read_events([path])

    assert column(batch, "event") == ["Bestellung geändert"]
    assert column(batch, "properties") == ['{"Straße":"Hauptstraße 5"}']


def test_latin1_named_in_the_mapping_is_used(tmp_path: Path) -> None:
    path = write(tmp_path, "l1.csv", HEADER + "Jürgen,2024-03-01 10:00,Größe\n", encoding="latin-1")

    batch = read_events([path], mapping=ColumnMapping(encoding="latin-1"))

    assert column(batch, "customer_id") == ["Jürgen"]
    assert column(batch, "event") == ["Größe"]


def test_cp1252_after_the_first_megabyte_still_falls_back(tmp_path: Path) -> None:
    filler = "".join(f"C{i},2024-03-01 10:00:00,view\n" for i in range(40_000))
    path = write(
        tmp_path, "late.csv", HEADER + filler + "C_last,2024-03-01 10:00,Küche\n", encoding="cp1252"
    )
    assert path.stat().st_size > 1 << 20

    batch = read_events([path])

    assert batch.table.num_rows == 40_001
    assert column(batch, "event")[-1] == "Küche"


def test_epoch_seconds_milliseconds_and_microseconds_by_size(tmp_path: Path) -> None:
    # 2024-03-01 10:00:00 UTC is 1709287200 seconds after 1970.
    text = "user_id,ts,action\nU1,1709287200,a\nU2,1709287200000,b\nU3,1709287200000000,c\n"

    batch = read_events([write(tmp_path, "epoch.csv", text)])

    assert column(batch, "ts") == [at("2024-03-01 10:00")] * 3


def test_iso_times_with_offsets_become_utc(tmp_path: Path) -> None:
    text = (
        "customer,time,event\n"
        "C1,2024-03-01T10:00:00+01:00,a\n"
        "C2,2024-03-01T10:00:00Z,b\n"
        "C3,2024-03-01 10:00:00.250 -05:00,c\n"
    )

    batch = read_events([write(tmp_path, "iso.csv", text)])

    assert column(batch, "ts") == [
        at("2024-03-01 09:00"),
        at("2024-03-01 10:00"),
        at("2024-03-01 15:00:00.250"),
    ]


def test_a_column_mixing_naive_and_zoned_times_is_an_error(tmp_path: Path) -> None:
    path = write(
        tmp_path, "mixed.csv", HEADER + "C1,2024-03-01 10:00,a\nC2,2024-03-01T10:00+01:00,b\n"
    )

    with pytest.raises(MixedTimezones) as caught:
        read_events([path])

    assert caught.value.code == "mixed_timezones"
    assert "row 2: '2024-03-01T10:00+01:00'" in caught.value.message
    assert "row 1: '2024-03-01 10:00'" in caught.value.message
    assert str(path) in caught.value.message


def test_mixed_times_are_fine_once_the_zone_of_the_naive_ones_is_given(tmp_path: Path) -> None:
    path = write(
        tmp_path, "mixed.csv", HEADER + "C1,2024-03-01 10:00,a\nC2,2024-03-01T10:00+01:00,b\n"
    )

    batch = read_events([path], mapping=ColumnMapping(timezone="Europe/Berlin"))

    assert column(batch, "ts") == [at("2024-03-01 09:00"), at("2024-03-01 09:00")]


def test_a_missing_column_lists_the_headers_and_suggests_the_closest(tmp_path: Path) -> None:
    path = write(tmp_path, "typo.csv", "custmer_id,timestamp,event\nC1,2024-03-01 10:00,a\n")

    with pytest.raises(MissingColumn) as caught:
        read_events([path])

    error = caught.value
    assert error.code == "missing_column"
    assert error.suggestion == "custmer_id"
    assert "'custmer_id', 'timestamp', 'event'" in error.message
    assert "did you mean 'custmer_id'?" in error.message


def test_a_named_column_that_is_missing_suggests_the_closest(tmp_path: Path) -> None:
    path = write(tmp_path, "e.csv", "kunden_nr,timestamp,event\nC1,2024-03-01 10:00,a\n")

    with pytest.raises(MissingColumn) as caught:
        read_events([path], mapping=ColumnMapping(customer_id="kunde_nr"))

    assert caught.value.suggestion == "kunden_nr"


@pytest.mark.parametrize("text", ["", "\n\n", "\ufeff"])
def test_an_empty_file_is_an_error(tmp_path: Path, text: str) -> None:
    with pytest.raises(EmptyFile, match="empty"):
        read_events([write(tmp_path, "empty.csv", text)])


def test_a_header_only_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(EmptyFile, match="header but no data rows") as caught:
        read_events([write(tmp_path, "header.csv", HEADER)])

    assert caught.value.code == "empty_file"


def test_unparseable_times_are_rejects_with_row_numbers(tmp_path: Path) -> None:
    text = HEADER + (
        "C1,2024-03-01 10:00,a\n"
        "C2,yesterday,b\n"
        "C3,31.02.2024 10:00,c\n"
        "C4,,d\n"
        "C5,2024-03-01 11:00,e\n"
    )

    batch = read_events([write(tmp_path, "times.csv", text)])

    assert column(batch, "source_row") == [1, 5]
    assert reasons(batch) == [
        (
            2,
            "timestamp",
            "unparseable time 'yesterday'; tried ISO 8601 (2024-03-01T10:00:00, optional Z or "
            "+01:00), dd.mm.yyyy HH:MM[:SS], epoch s/ms/µs",
        ),
        (3, "timestamp", "not a valid date or time: '31.02.2024 10:00'"),
        (4, "timestamp", "empty time"),
    ]
    assert [r.raw for r in batch.rejects] == ["C2,yesterday,b", "C3,31.02.2024 10:00,c", "C4,,d"]
    assert batch.summary() == "5 rows read, 2 usable, 3 rejected"


def test_rows_without_customer_or_event_are_rejects(tmp_path: Path) -> None:
    text = HEADER + " ,2024-03-01 10:00,a\nC2,2024-03-01 10:00,\nC3,2024-03-01 10:00,c\n"

    batch = read_events([write(tmp_path, "empty_cells.csv", text)])

    assert column(batch, "customer_id") == ["C3"]
    assert reasons(batch) == [(1, "customer_id", "empty customer id"), (2, "event", "empty event")]


def test_repeated_rows_are_rejected_after_the_first(tmp_path: Path) -> None:
    text = (
        "customer_id,timestamp,event,page\n"
        "C1,2024-03-01 10:00,view,/a\n"
        "C1,2024-03-01 10:00,view,/a\n"
        "C1,2024-03-01 10:00,view,/b\n"
        "C1,2024-03-01T10:00:00,view,/a\n"
    )

    batch = read_events([write(tmp_path, "dups.csv", text)])

    assert column(batch, "source_row") == [1, 3]
    assert reasons(batch) == [
        (2, None, "duplicate row: same as row 1"),
        (4, None, "duplicate row: same as row 1"),
    ]
    assert batch.summary() == "4 rows read, 2 usable, 2 rejected"


def test_a_row_repeated_in_another_file_names_the_first_file(tmp_path: Path) -> None:
    first = write(tmp_path, "a.csv", HEADER + "C1,2024-03-01 10:00,view\n")
    second = write(
        tmp_path, "b.csv", HEADER + "C2,2024-03-01 10:00,view\nC1,2024-03-01 10:00,view\n"
    )

    batch = read_events([first, second])

    assert column(batch, "customer_id") == ["C1", "C2"]
    assert [(r.file, r.row, r.reason) for r in batch.rejects] == [
        (str(second), 2, f"duplicate row: same as row 1 of {first}")
    ]


def test_rows_with_too_few_or_too_many_fields_are_rejects(tmp_path: Path) -> None:
    text = HEADER + (
        "C1,2024-03-01 10:00,a\n"
        "C2,2024-03-01 10:00\n"
        "C3,2024-03-01 10:00,c,x\n"
        "C4,2024-03-01 10:00,d\n"
    )

    batch = read_events([write(tmp_path, "ragged.csv", text)])

    assert column(batch, "customer_id") == ["C1", "C4"]
    assert column(batch, "source_row") == [1, 4]
    assert reasons(batch) == [
        (2, None, "expected 3 fields, found 2"),
        (3, None, "expected 3 fields, found 4"),
    ]
    assert batch.rejects[0].raw == "C2,2024-03-01 10:00"


@pytest.mark.parametrize(("name", "delimiter"), [("t.tsv", "\t"), ("p.txt", "|")])
def test_tab_and_pipe_delimiters_are_sniffed(tmp_path: Path, name: str, delimiter: str) -> None:
    text = delimiter.join(["customer_id", "timestamp", "event", "note"]) + "\n"
    text += delimiter.join(["C1", "2024-03-01 10:00", "view", "a,b;c"]) + "\n"

    batch = read_events([write(tmp_path, name, text)])

    assert column(batch, "properties") == ['{"note":"a,b;c"}']


def test_columns_named_in_the_mapping_and_chosen_properties(tmp_path: Path) -> None:
    text = "Wer;Wann;Was;Kanal;Betrag;Intern\nK1;2024-03-01 10:00;Kauf;E-Mail;5;geheim\n"
    mapping = ColumnMapping(customer_id="Wer", ts="Wann", event="Was", properties=("Betrag",))

    batch = read_events([write(tmp_path, "m.csv", text)], mapping=mapping)

    assert rows(batch)[0] | {"ts": None} == {
        "customer_id": "K1",
        "ts": None,
        "event": "Kauf",
        "channel": "E-Mail",
        "source": None,
        "properties": '{"Betrag":5}',
        "source_row": 1,
    }


def test_a_strptime_format_from_the_mapping(tmp_path: Path) -> None:
    text = HEADER + "C1,01/03/24 10:00,a\nC2,31/02/24 10:00,b\n"
    mapping = ColumnMapping(timestamp_format="%d/%m/%y %H:%M")

    batch = read_events([write(tmp_path, "fmt.csv", text)], mapping=mapping)

    assert column(batch, "ts") == [at("2024-03-01 10:00")]
    assert reasons(batch) == [(2, "timestamp", "not a valid date or time: '31/02/24 10:00'")]


def test_numbers_in_properties_but_not_postcodes_or_phone_numbers(tmp_path: Path) -> None:
    text = (
        HEADER.strip()
        + ",plz,phone,qty,ratio,code\n"
        + "C1,2024-03-01 10:00,a,01067,+4930123,-3,0.5,1e3\n"
    )

    batch = read_events([write(tmp_path, "n.csv", text)])

    assert column(batch, "properties") == [
        '{"code":1e3,"phone":"+4930123","plz":"01067","qty":-3,"ratio":0.5}'
    ]


def test_reading_in_small_blocks_gives_the_same_rows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = "customer_id;timestamp;event;note\n" + "".join(
        f'C{i};2024-03-01 10:{i % 60:02d};view;"line {i}\nwith; delimiter"\n'
        + ("C_bad;2024-03-01 10:00\n" if i % 7 == 3 else "")
        for i in range(40)
    )
    path = write(tmp_path, "blocks.csv", text)
    whole = read_events([path])
    # Blocks of ~100 bytes: every block boundary must fall between records, never in quotes.
    monkeypatch.setattr("journeykit.events.importers.csv_reader.PROGRESS_BYTES", 100)
    calls: list[int] = []

    blocks = read_events([path], progress=lambda done, total: calls.append(done))

    # Each block has dictionaries of its own: compare the values, not the encoding.
    assert blocks.table.to_pylist() == whole.table.to_pylist()
    assert reasons(blocks) == reasons(whole)
    assert len(reasons(whole)) == 6
    assert len(calls) > 20


def test_an_excel_sep_line_names_the_delimiter(tmp_path: Path) -> None:
    text = "sep=;\r\ncustomer_id;timestamp;event;note\r\nC1;2024-03-01 10:00;view;a,b\r\n"

    batch = read_events([write(tmp_path, "excel.csv", text)])

    assert column(batch, "properties") == ['{"note":"a,b"}']
    assert column(batch, "source_row") == [1]


def test_excel_unicode_text_in_utf16_with_tabs(tmp_path: Path) -> None:
    text = "\ufeffKunde\tDatum\tAktion\nMüller\t01.03.2024\tAnruf\n"
    path = tmp_path / "unicode.txt"
    path.write_bytes(text.encode("utf-16-le"))

    batch = read_events([path])

    assert (column(batch, "customer_id"), column(batch, "ts")) == (
        ["Müller"],
        [at("2024-03-01 00:00")],
    )


def test_zones_are_compared_across_blocks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    naive = "".join(f"C{i},2024-03-01 10:00:{i:02d},view\n" for i in range(20))
    path = write(tmp_path, "late_zone.csv", HEADER + naive + "C99,2024-03-01T10:00:00Z,view\n")
    monkeypatch.setattr("journeykit.events.importers.csv_reader.PROGRESS_BYTES", 64)

    with pytest.raises(MixedTimezones, match=r"row 21: '2024-03-01T10:00:00Z'.*row 1: "):
        read_events([path])


def test_cp1252_found_in_a_later_block_restarts_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = "".join(f"C{i},2024-03-01 10:00,view\n" for i in range(20))
    path = write(
        tmp_path, "late.csv", HEADER + rows + "C20,2024-03-01 10:00,Küche\n", encoding="cp1252"
    )
    monkeypatch.setattr("journeykit.events.importers.csv_reader.PROGRESS_BYTES", 64)

    batch = read_events([path])

    assert batch.table.num_rows == 21
    assert column(batch, "event")[-1] == "Küche"
    assert column(batch, "source_row") == list(range(1, 22))
