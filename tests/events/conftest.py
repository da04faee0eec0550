"""Engines for the metric tests: every metric test runs on DuckDB and on a local Spark session.

The Spark session is started once per test session (it takes a few seconds) on loopback with
a temporary warehouse; each test publishes its tiny event log to it.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import ibis
import pytest

from journeykit.events.engine import Engine
from journeykit.events.log import EventLog
from journeykit.events.rules import TouchpointRules
from tests.events.journeys import Journey, event_store


@pytest.fixture(scope="session")
def spark_session() -> Iterator[Any]:
    """A local Spark session bound to loopback, with a throw-away warehouse."""
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    from pyspark.sql import SparkSession

    warehouse = tempfile.mkdtemp(prefix="journeykit-spark-")
    session = (
        SparkSession.builder.master("local[2]")
        .appName("journeykit-tests")
        .config("spark.sql.warehouse.dir", warehouse)
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.session.timeZone", "UTC")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    try:
        yield session
    finally:
        session.stop()
        shutil.rmtree(warehouse, ignore_errors=True)


LogFactory = Callable[..., EventLog]


@pytest.fixture(params=["duckdb", pytest.param("spark", marks=pytest.mark.spark)])
def make_log(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[LogFactory]:
    """Build an event log from inline journeys, on the engine this test run is for."""
    engines: list[Engine] = []

    def make(journeys: dict[str, Journey], rules: TouchpointRules | None = None) -> EventLog:
        folder = tmp_path / f"ws{len(engines)}"
        store = event_store(folder, journeys, rules)
        if request.param == "duckdb":
            engine = Engine.for_workspace(folder)
        else:
            engine = Engine(ibis.pyspark.connect(request.getfixturevalue("spark_session")))
            engine.publish(store)
        engines.append(engine)
        return EventLog.of(engine)

    yield make
    for engine in engines:
        if engine.backend.name == "duckdb":  # the Spark session outlives the test
            engine.close()
