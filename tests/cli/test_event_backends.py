"""Workspaces whose event metrics run on another backend, named by URL in the config."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb

from tests.cli.conftest import Run
from tests.cli.test_events import GERMAN

FUNNEL = ("events", "funnel", "Suche", "Warenkorb", "Kauf", "--json")


def imported(run: Run, tmp_path: Path, name: str, *init_args: str) -> str:
    (tmp_path / "export.csv").write_text(GERMAN, encoding="utf-8")
    assert run("init", name, *init_args).code == 0
    result = run("events", "import", "export.csv", "-w", name)
    assert result.code == 0, result.err
    return name


def test_a_local_spark_session_gives_the_same_numbers(run: Run, tmp_path: Path) -> None:
    default = imported(run, tmp_path, "duck")
    spark = imported(run, tmp_path, "spark", "--events-url", "pyspark://local[1]")
    assert (
        'events_url = "pyspark://local[1]"' in (tmp_path / "spark" / "journeykit.toml").read_text()
    )
    on_spark = run(*FUNNEL, "-w", spark)
    assert on_spark.code == 0, on_spark.err
    assert json.loads(on_spark.out) == json.loads(run(*FUNNEL, "-w", default).out)


def test_a_warehouse_by_url_gets_the_tables_after_each_import(run: Run, tmp_path: Path) -> None:
    warehouse = tmp_path / "warehouse.duckdb"
    ws = imported(run, tmp_path, "ws", "--events-url", f"duckdb://{warehouse}")
    assert warehouse.is_file()  # published by the import
    rows = json.loads(run(*FUNNEL, "-w", ws).out)
    assert [r["customers"] for r in rows] == [3, 1, 1]
    # the metrics really read the warehouse: without it, they fail clearly
    warehouse.unlink()
    failed = run(*FUNNEL, "-w", ws)
    assert failed.code == 1
    assert "[backend_unavailable]" in failed.err and "events rebuild" in failed.err
    assert run("events", "rebuild", "-w", ws).code == 0  # publishes again
    assert json.loads(run(*FUNNEL, "-w", ws).out) == rows


def test_an_unreachable_backend_is_one_clear_line(run: Run, tmp_path: Path) -> None:
    (tmp_path / "export.csv").write_text(GERMAN, encoding="utf-8")
    assert run("init", "ws", "--events-url", "nosuchengine://host/db").code == 0
    imported_anyway = run("events", "import", "export.csv", "-w", "ws")
    assert imported_anyway.code == 1
    assert "up to date, but it could not be published" in imported_anyway.err
    for result in (imported_anyway, run(*FUNNEL, "-w", "ws")):
        assert "[backend_unavailable]" in result.err
        assert result.err.count("\n") == 1


def test_a_log_is_built_on_the_warehouse_from_its_raw_table(run: Run, tmp_path: Path) -> None:
    default = imported(run, tmp_path, "duck")
    # The warehouse holds the same raw rows as a table of its own; this machine has no log.
    warehouse = tmp_path / "warehouse.duckdb"
    with duckdb.connect(str(tmp_path / "duck" / "events.duckdb"), read_only=True) as local:
        raw = local.sql("SELECT * EXCLUDE (file_id) FROM raw_events").to_arrow_table()
    with duckdb.connect(str(warehouse)) as remote:
        remote.register("raw", raw)
        remote.execute("CREATE TABLE shop_events AS SELECT * FROM raw")
    assert run("init", "ws", "--events-url", f"duckdb://{warehouse}").code == 0
    built = run("events", "rebuild", "--from-table", "shop_events", "-w", "ws")
    assert built.code == 0, built.err
    assert "on the analytics backend from shop_events" in built.out
    assert not (tmp_path / "ws" / "events.duckdb").exists()
    assert json.loads(run(*FUNNEL, "-w", "ws").out) == json.loads(run(*FUNNEL, "-w", default).out)
    missing = run("events", "rebuild", "--from-table", "shop_evnts", "-w", "ws")
    assert missing.code == 1 and "no table 'shop_evnts'" in missing.err


def test_a_build_from_a_table_needs_a_persistent_backend(run: Run, tmp_path: Path) -> None:
    assert run("init", "ws").code == 0
    result = run("events", "rebuild", "--from-table", "raw", "-w", "ws")
    assert result.code == 1
    assert "[backend_unavailable]" in result.err and "events_url" in result.err
