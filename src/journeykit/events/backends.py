"""Connecting to the analytics backend a workspace names by URL.

- no URL (the default): the workspace's own DuckDB file;
- ``pyspark://local[2]`` (or ``pyspark://local[*]``): a local Spark session in this process,
  loaded from the workspace's DuckDB file on each run: for checking results on Spark and for
  development, not for scale;
- ``pyspark://`` with ``SPARK_REMOTE`` or a cluster master URL after ``pyspark://``
  (``pyspark://spark://host:7077``): a Spark cluster;
- anything else Ibis can connect to by URL (``postgres://…``, ``clickhouse://…``,
  ``trino://…``, ``snowflake://…``, ``bigquery://…``): the ordered tables are published to it
  after every import, and metrics run there.
"""

from __future__ import annotations

import os
import tempfile
from typing import TYPE_CHECKING

import ibis

from journeykit.events.cluster_build import build_on_backend
from journeykit.events.engine import Engine
from journeykit.events.store import EventLogMissing, EventStore
from journeykit.model.errors import JourneykitError

if TYPE_CHECKING:
    from pathlib import Path

    from ibis.backends import BaseBackend

    from journeykit.events.rules import TouchpointRules

SPARK_SCHEME = "pyspark://"


class BackendUnavailable(JourneykitError):
    """The configured analytics backend cannot be reached or is not installed."""

    code = "backend_unavailable"
    status = 503


def is_spark(url: str) -> bool:
    """Whether ``url`` names a Spark session rather than an Ibis connection URL."""
    return url.startswith(SPARK_SCHEME)


def spark_backend(master: str = "local[2]") -> BaseBackend:
    """An Ibis backend on a Spark session (local unless ``master`` names a cluster)."""
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    try:
        from pyspark.sql import SparkSession
    except ImportError as exc:
        raise BackendUnavailable(
            "the workspace's analytics backend is Spark, but pyspark is not installed",
            hint="pip install 'pyspark>=4.0,<4.1'",
        ) from exc
    builder = SparkSession.builder.appName("journeykit")
    if master:
        builder = builder.master(master)
    if master.startswith("local"):
        builder = (
            builder.config("spark.sql.warehouse.dir", tempfile.mkdtemp(prefix="journeykit-"))
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.ui.enabled", "false")
        )
    session = builder.config("spark.sql.session.timeZone", "UTC").getOrCreate()
    return ibis.pyspark.connect(session)


def connect(url: str) -> BaseBackend:
    """The Ibis backend ``url`` names (see the module docstring)."""
    try:
        if is_spark(url):
            return spark_backend(url[len(SPARK_SCHEME) :] or "local[2]")
        return ibis.connect(url)
    except JourneykitError:
        raise
    except Exception as exc:  # drivers raise their own errors; name the URL, not a traceback
        raise BackendUnavailable(
            f"cannot connect to the analytics backend {url!r}: {exc}",
            hint="check events_url in journeykit.toml",
        ) from exc


def open_engine(folder: Path, url: str | None) -> Engine:
    """The engine metrics run on for the workspace at ``folder`` with backend ``url``.

    A local Spark session is loaded from the workspace's DuckDB file each time; a warehouse
    or cluster holds the tables that :func:`publish_after_import` put there.
    """
    if url is None:
        return Engine.for_workspace(folder)
    store = EventStore(folder)
    local = _is_local_spark(url)
    if local and not store.exists():
        raise EventLogMissing(folder)
    engine = Engine(connect(url))
    if local:
        engine.publish(store)
    elif not engine.has_table("events"):
        engine.close()
        raise BackendUnavailable(
            f"the analytics backend {url!r} does not hold this workspace's event log",
            hint="publish it with `journeykit events rebuild`, or build it there from a raw "
            "table with `journeykit events rebuild --from-table TABLE`",
        )
    return engine


def _is_local_spark(url: str) -> bool:
    return is_spark(url) and url[len(SPARK_SCHEME) :].startswith("local")


def build_from_table(url: str | None, table: str, rules: TouchpointRules) -> None:
    """Build the ordered log on the backend ``url`` from its raw events ``table``, where the
    data lives (see :mod:`journeykit.events.cluster_build`): nothing passes this machine."""
    if url is None or _is_local_spark(url):
        raise BackendUnavailable(
            "building from a table needs a persistent analytics backend (a Spark cluster or "
            "a warehouse), and this workspace has "
            + ("none" if url is None else f"only a local Spark session ({url})"),
            hint="set events_url in journeykit.toml, e.g. pyspark://spark://host:7077",
        )
    engine = Engine(connect(url))
    try:
        build_on_backend(engine.backend, table, rules)
    finally:
        engine.close()


def publish_after_import(folder: Path, url: str | None) -> None:
    """Copy the rebuilt ordered tables to a persistent backend (nothing to do otherwise)."""
    if url is None or _is_local_spark(url):
        return
    try:
        engine = Engine(connect(url))
    except BackendUnavailable as exc:
        raise BackendUnavailable(
            f"the event log of the workspace is up to date, but it could not be published: "
            f"{exc.message}",
            hint="fix events_url in journeykit.toml, then run `journeykit events rebuild`",
        ) from exc
    try:
        engine.publish(EventStore(folder))
    finally:
        engine.close()
