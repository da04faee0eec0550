"""The rejects file: one CSV row per unusable row, written all at once."""

from __future__ import annotations

import csv
from pathlib import Path

from journeykit.events.importers import Reject, read_events, write_rejects
from tests.events.importers.helpers import write


def test_rejects_are_written_as_utf8_csv(tmp_path: Path) -> None:
    rejects = [
        Reject(file="ä.csv", row=2, field="ts", reason="empty time", raw='K1;"x";'),
        Reject(file="ä.csv", row=5, field=None, reason="expected 3 fields, found 2", raw="a,b"),
    ]
    path = tmp_path / "out" / "rejects.csv"

    write_rejects(path, rejects)

    with path.open(encoding="utf-8", newline="") as file:
        assert list(csv.reader(file)) == [
            ["file", "row", "field", "reason", "raw"],
            ["ä.csv", "2", "ts", "empty time", 'K1;"x";'],
            ["ä.csv", "5", "", "expected 3 fields, found 2", "a,b"],
        ]
    assert [p.name for p in path.parent.iterdir()] == ["rejects.csv"]


def test_an_import_s_rejects_round_trip_through_the_file(tmp_path: Path) -> None:
    events = write(
        tmp_path,
        "e.csv",
        "customer_id,timestamp,event\nC1,2024-03-01 10:00,view\nC2,nie,view\n,2024-03-01 10:00,x\n",
    )
    batch = read_events([events])
    path = tmp_path / "rejects.csv"
    path.write_text("old content", encoding="utf-8")

    write_rejects(path, batch.rejects)

    with path.open(encoding="utf-8", newline="") as file:
        lines = list(csv.DictReader(file))
    assert [(line["row"], line["field"], line["raw"]) for line in lines] == [
        ("2", "timestamp", "C2,nie,view"),
        ("3", "customer_id", ",2024-03-01 10:00,x"),
    ]
