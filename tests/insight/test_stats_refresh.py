"""``journeykit refresh``: dated KPI snapshots, targets, alerts, and a refresh during an
import."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from journeykit.cli import main
from journeykit.insight.errors import RefreshBusy
from journeykit.insight.kpi_history import kpi_alerts, kpi_history, refresh
from journeykit.model.errors import NotFoundError
from journeykit.store import Workspace
from journeykit.store.config import LOCK_FILE, LOCK_TIMEOUT_ENV
from tests.insight.stats_shop import JOURNEY_ID, build_stats_shop, shop_document


@pytest.fixture
def shop(tmp_path: Path) -> Path:
    return build_stats_shop(tmp_path / "shop")


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _set_threshold(path: Path, kpi_id: str, threshold: float) -> None:
    with Workspace.open(path) as ws:
        journeys = ws.journeys()
        document = journeys.get(JOURNEY_ID)
        kpis = [
            k.model_copy(update={"alert_threshold": threshold}) if k.id == kpi_id else k
            for k in document.kpis
        ]
        journeys.save(
            document.model_copy(update={"kpis": kpis}),
            author="test",
            message="threshold",
            base_revision=document.revision,
        )


def test_refresh_stores_a_dated_snapshot_of_every_kpi_with_its_status(
    shop: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run(capsys, "-w", str(shop), "refresh", "--json")
    assert code == 0
    rows = {row["kpi_id"]: row for row in json.loads(out)}
    assert len(rows) == 7
    drop = rows["kpi-drop"]
    # 400 customers reached the shipping costs; the planted drop-offs average to 38.75 %.
    assert (drop["n"], drop["status"], drop["alert"]) == (400, "off_track", False)
    assert drop["ci_low"] < drop["value"] < drop["ci_high"]
    delivery = rows["kpi-delivery"]
    assert delivery["unit"] == "days" and 1.5 < delivery["value"] < 5.5
    assert delivery["status"] == "on_track"
    assert rows["kpi-custom"]["status"] == "skipped" and rows["kpi-custom"]["value"] is None
    assert rows["kpi-ces"]["status"] == "no_data" and "no CES answer" in rows["kpi-ces"]["note"]

    _run(capsys, "-w", str(shop), "refresh")
    with Workspace.open(shop) as ws:
        history = kpi_history(ws, JOURNEY_ID, "kpi-drop")
        assert len(history) == 2
        assert history[0].taken_at < history[1].taken_at
        assert history[0].value == pytest.approx(drop["value"])
        assert len(kpi_history(ws, JOURNEY_ID)) == 14
        assert kpi_alerts(ws) == []


def test_refresh_check_fails_and_lists_the_kpis_past_their_threshold(
    shop: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, _ = _run(capsys, "-w", str(shop), "refresh", "--check")
    assert code == 0
    _set_threshold(shop, "kpi-drop", 35.0)  # the drop-off is 38.75 % and lower is better
    code, _, err = _run(capsys, "-w", str(shop), "refresh", "--check")
    assert code == 1
    assert "alert: shop / kpi-drop (Drop-off after the shipping costs)" in err
    assert "[kpi_alert]" in err
    with Workspace.open(shop) as ws:
        (alert,) = kpi_alerts(ws, JOURNEY_ID)
        assert (alert.kpi_id, alert.alert) == ("kpi-drop", True)
        journeys = ws.journeys()
        document = journeys.get(JOURNEY_ID)
        kept = [k for k in document.kpis if k.id != "kpi-drop"]
        journeys.save(
            document.model_copy(update={"kpis": kept, "measures": []}),
            author="test",
            message="KPI dropped",
            base_revision=document.revision,
        )
        assert kpi_alerts(ws) == []  # a KPI no longer on the journey raises no alert


def test_kpi_history_command_reads_the_snapshots_back(
    shop: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run(capsys, "-w", str(shop), "kpi", "history", JOURNEY_ID, "--json")
    assert (code, json.loads(out)) == (0, [])
    _run(capsys, "-w", str(shop), "refresh")
    code, out, _ = _run(
        capsys, "-w", str(shop), "kpi", "history", JOURNEY_ID, "--kpi", "kpi-nps", "--json"
    )
    (row,) = json.loads(out)
    assert row["kpi_id"] == "kpi-nps" and row["n"] > 0
    code, _, err = _run(capsys, "-w", str(shop), "kpi", "history", JOURNEY_ID, "--kpi", "kpi-np")
    assert code == 1 and "did you mean 'kpi-nps'?" in err


def test_history_of_an_unknown_journey_is_not_found(shop: Path) -> None:
    with Workspace.open(shop) as ws, pytest.raises(NotFoundError):
        kpi_history(ws, "shp")


@pytest.fixture
def import_running(shop: Path) -> Iterator[None]:
    """Another process holding the workspace's write lock, as an import does."""
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time\nfrom filelock import FileLock\n"
            "lock = FileLock(sys.argv[1])\nlock.acquire()\n"
            "print('held', flush=True)\ntime.sleep(60)",
            str(shop / LOCK_FILE),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        yield
    finally:
        holder.kill()
        holder.wait()


@pytest.mark.usefixtures("import_running")
def test_a_refresh_while_an_import_runs_says_so_and_stores_nothing(
    shop: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(LOCK_TIMEOUT_ENV, "0.2")
    with Workspace.open(shop) as ws:
        with pytest.raises(RefreshBusy) as raised:
            refresh(ws)
        assert "an import (or another write) is running" in raised.value.message
        assert raised.value.code == "refresh_busy"
        assert kpi_history(ws, JOURNEY_ID) == []


def test_a_refresh_without_any_data_explains_every_kpi_instead_of_a_number(
    tmp_path: Path,
) -> None:
    with Workspace.create(tmp_path / "empty") as ws:
        ws.journeys().save(shop_document(), author="test", message="map", base_revision=None)
        done = refresh(ws)
        (journey,) = done.journeys
        values = {v.kpi_id: v for v in journey.values}
        assert all(v.value is None for v in values.values())
        assert "has no event log yet" in (values["kpi-drop"].note or "")
        assert "has no feedback" in (values["kpi-nps"].note or "")
        assert values["kpi-custom"].status == "skipped"
        assert done.alerts() == [] and len(kpi_history(ws, JOURNEY_ID)) == 7
