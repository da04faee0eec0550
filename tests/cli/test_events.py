"""``journeykit events`` through the real entry point: the JSON contract and clear errors."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import duckdb
import pytest

from tests.cli.conftest import DemoCopy, Run

# A German Excel export: BOM, ';', quoted cell with the delimiter, a bad time, a repeated row.
GERMAN = (
    "\ufeffKunden-ID;Zeitstempel;Ereignis;Kanal;Warenwert\n"
    "K1;01.03.2024 09:00;Suche;web;\n"
    'K1;01.03.2024 09:05;Warenkorb;web;"12,50"\n'
    'K1;01.03.2024 09:09;Kauf;web;"12,50"\n'
    "K2;01.03.2024 10:00;Suche;email;\n"
    "K2;gestern;Kauf;web;\n"
    "K3;02.03.2024 08:00;Suche;web;\n"
    "K3;02.03.2024 08:00;Suche;web;\n"
    'K3;02.03.2024 08:30;Kauf;"email; Newsletter";\n'
)


def rows(result_out: str) -> list[dict[str, Any]]:
    data = json.loads(result_out)
    assert isinstance(data, list)
    return data


@pytest.fixture
def shop(run: Run, tmp_path: Path) -> str:
    assert run("init", "ws").code == 0
    (tmp_path / "export.csv").write_text(GERMAN, encoding="utf-8")
    return "ws"


def test_import_counts_rejects_and_adds_nothing_twice(run: Run, shop: str, tmp_path: Path) -> None:
    first = run("events", "import", "export.csv", "-w", shop)
    assert first.code == 0, first.err
    assert "Read 8 rows: 6 added, 0 already in the log, 2 rejected" in first.out
    assert "3 customers" in first.out
    (rejects_file,) = (tmp_path / "ws" / "rejects").glob("events-*.csv")
    with rejects_file.open(encoding="utf-8") as stream:
        reasons = {(r["row"], r["field"]) for r in csv.DictReader(stream)}
    assert ("5", "Zeitstempel") in reasons  # "gestern" is no time
    again = run("events", "import", "export.csv", "-w", shop)
    assert "0 added, 6 already in the log" in again.out


def test_metrics_print_exactly_the_promised_fields(run: Run, shop: str) -> None:
    run("events", "import", "export.csv", "-w", shop)
    transitions = rows(run("events", "transitions", "--json", "-w", shop).out)
    assert set(transitions[0]) == {
        "source", "target", "count", "customers", "median_seconds", "p90_seconds"
    }  # fmt: skip
    assert sum(int(r["count"]) for r in transitions) == 6 - 3
    variants = rows(run("events", "variants", "--top", "0", "--json", "-w", shop).out)
    # one customer each (K2's purchase and K3's repeated search were rejected): ties by variant
    assert [v["variant"] for v in variants] == [
        ["Suche"], ["Suche", "Kauf"], ["Suche", "Warenkorb", "Kauf"]
    ]  # fmt: skip
    assert variants[0]["share"] == pytest.approx(1 / 3)
    assert [set(v) for v in variants] == [{"variant", "customers", "share"}] * 3
    funnel = rows(run("events", "funnel", "Suche", "Warenkorb", "Kauf", "--json", "-w", shop).out)
    assert [(r["step"], r["customers"]) for r in funnel] == [
        ("Suche", 3),
        ("Warenkorb", 1),
        ("Kauf", 1),
    ]
    assert set(funnel[0]) == {
        "step", "customers", "conversion", "step_conversion", "median_seconds_from_previous"
    }  # fmt: skip
    credits = rows(
        run(
            "events",
            "attribution",
            "--conversion",
            "Kauf",
            "--model",
            "markov",
            "--json",
            "-w",
            shop,
        ).out
    )
    assert [set(r) for r in credits] == [{"touchpoint", "conversions", "share"}] * len(credits)
    assert sum(float(r["conversions"]) for r in credits) == pytest.approx(2.0)


def test_attribution_of_a_path_table(run: Run, tmp_path: Path) -> None:
    (tmp_path / "paths.csv").write_text(
        "path;total_conversions;total_null\nsearch > mail;1;0\nsearch;1;1\nmail;0;2\n",
        encoding="utf-8",
    )
    result = run("events", "attribution", "--paths", "paths.csv", "--model", "linear", "--json")
    assert result.code == 0, result.err
    assert {r["touchpoint"]: r["conversions"] for r in rows(result.out)} == {
        "search": pytest.approx(1.5), "mail": pytest.approx(0.5)
    }  # fmt: skip


def test_pseudonymised_ids_never_reach_the_log_or_the_rejects(
    run: Run, shop: str, tmp_path: Path
) -> None:
    assert run("events", "import", "export.csv", "--pseudonymise", "-w", shop).code == 0
    assert "pseudonymisation_key" in (tmp_path / "ws" / "journeykit.toml").read_text()
    with duckdb.connect(str(tmp_path / "ws" / "events.duckdb"), read_only=True) as con:
        ids = {row[0] for row in con.execute("SELECT customer_id FROM customers").fetchall()}
    assert len(ids) == 3 and not ids & {"K1", "K2", "K3"}
    (rejects_file,) = (tmp_path / "ws" / "rejects").glob("events-*.csv")
    assert "K2" not in rejects_file.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("args", "code", "text"),
    [
        (("events", "transitions"), "no_event_log", "journeykit events import"),
        (("events", "import", "nowhere.csv"), None, "nowhere.csv"),
        (
            ("events", "import", "export.csv", "--customer", "Kundn-ID"),
            "missing_column",
            "Kunden-ID",
        ),
    ],
)
def test_errors_before_any_import(
    run: Run, shop: str, args: tuple[str, ...], code: str | None, text: str
) -> None:
    result = run(*args, "-w", shop)
    assert result.code == 1
    assert result.err.count("\n") == 1 and "Traceback" not in result.err
    assert text in result.err
    if code:
        assert f"[{code}]" in result.err


@pytest.mark.parametrize(
    ("args", "code", "text"),
    [
        (("events", "funnel", "Suche", "Kauff"), "unknown_event", "'Kauf'"),
        (("events", "attribution", "--conversion", "Storno"), "unknown_event", "Storno"),
        (
            ("events", "variants", "--segment", "age > 1; drop table events"),
            "invalid_filter",
            "not SQL",
        ),
        (("events", "variants", "--segment", "age > 3"), "no_attributes", "attributes"),
        (("events", "funnel", "Suche", "--window", "bald"), "invalid_duration", "7d"),
    ],
)
def test_errors_on_a_log(run: Run, shop: str, args: tuple[str, ...], code: str, text: str) -> None:
    run("events", "import", "export.csv", "-w", shop)
    result = run(*args, "-w", shop)
    assert result.code == 1, result.out
    assert f"[{code}]" in result.err and text in result.err
    assert result.err.count("\n") == 1


def test_every_command_runs_on_the_demo(run: Run, demo: DemoCopy) -> None:
    ws = demo.ws
    funnel_steps = ("price_comparison_click", "product_view", "add_to_cart", "order_placed")
    for args in (
        ("transitions",),
        ("variants", "--top", "5"),
        ("funnel", *funnel_steps, "--window", "30d"),
        ("funnel", *funnel_steps, "--persona", "pe-tobias-heimwerker"),
        ("variants", "--segment", "age >= 60"),
        *(("attribution", "--conversion", "order_placed", "--model", m)
          for m in ("first", "last", "linear", "time_decay", "position", "markov", "shapley")),
    ):  # fmt: skip
        result = run("events", *args, "--json", "-w", ws)
        assert result.code == 0, (args, result.err)
        assert rows(result.out), args
    whole = rows(run("events", "funnel", *funnel_steps, "--json", "-w", ws).out)
    tobias = rows(
        run(
            "events",
            "funnel",
            *funnel_steps,
            "--persona",
            "pe-tobias-heimwerker",
            "--json",
            "-w",
            ws,
        ).out
    )
    assert int(tobias[0]["customers"]) < int(whole[0]["customers"])
