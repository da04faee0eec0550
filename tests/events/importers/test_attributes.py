"""Customer attributes: typed columns, identifier names, one row per customer."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyarrow as pa
import pytest

from journeykit.events.importers import EmptyFile, MissingColumn, read_attributes
from tests.events.importers.helpers import write

TEXT = (
    "Kundennummer;Alter;Umsatz 2023;Newsletter;Geburtsdatum;PLZ;Größe-Kategorie\n"
    "K1;34;1.234,50;ja;01.02.1990;01067;M\n"
    "K2;;99,5;Nein;1985-12-24;10115;L\n"
    "K1;40;1,0;ja;;;S\n"
    ";50;2,0;nein;;;XL\n"
)


def test_attribute_columns_are_typed_and_named_as_identifiers(tmp_path: Path) -> None:
    batch = read_attributes(write(tmp_path, "kunden.csv", TEXT))

    assert batch.table.schema == pa.schema(
        [
            ("customer_id", pa.string()),
            ("alter", pa.int64()),
            ("umsatz_2023", pa.float64()),
            ("newsletter", pa.bool_()),
            ("geburtsdatum", pa.date32()),
            ("plz", pa.string()),
            ("groesse_kategorie", pa.string()),
        ]
    )
    assert batch.table.to_pylist() == [
        {
            "customer_id": "K1",
            "alter": 34,
            "umsatz_2023": 1234.5,
            "newsletter": True,
            "geburtsdatum": dt.date(1990, 2, 1),
            "plz": "01067",
            "groesse_kategorie": "M",
        },
        {
            "customer_id": "K2",
            "alter": None,
            "umsatz_2023": 99.5,
            "newsletter": False,
            "geburtsdatum": dt.date(1985, 12, 24),
            "plz": "10115",
            "groesse_kategorie": "L",
        },
    ]
    assert batch.column_names == {
        "Alter": "alter",
        "Umsatz 2023": "umsatz_2023",
        "Newsletter": "newsletter",
        "Geburtsdatum": "geburtsdatum",
        "PLZ": "plz",
        "Größe-Kategorie": "groesse_kategorie",
    }


def test_a_repeated_customer_and_a_missing_id_are_rejects(tmp_path: Path) -> None:
    batch = read_attributes(write(tmp_path, "kunden.csv", TEXT))

    assert [(r.row, r.field, r.reason) for r in batch.rejects] == [
        (3, "Kundennummer", "duplicate customer id (first in row 1)"),
        (4, "Kundennummer", "empty customer id"),
    ]
    assert batch.rejects[0].raw == "K1;40;1,0;ja;;;S"
    assert batch.summary() == "4 rows read, 2 usable, 2 rejected"


def test_colliding_names_are_numbered(tmp_path: Path) -> None:
    text = "id,customer_id,Name,name\n1,x,a,b\n"

    batch = read_attributes(write(tmp_path, "a.csv", text), id_column="id")

    assert batch.table.column_names == ["customer_id", "customer_id_2", "name", "name_2"]


def test_a_file_without_an_id_column(tmp_path: Path) -> None:
    with pytest.raises(MissingColumn, match="did you mean 'kundenummer'"):
        read_attributes(write(tmp_path, "a.csv", "kundenummer,alter\nK1,3\n"))


def test_an_attributes_file_without_rows(tmp_path: Path) -> None:
    with pytest.raises(EmptyFile):
        read_attributes(write(tmp_path, "a.csv", "customer_id,segment\n"))
