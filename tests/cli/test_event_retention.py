"""``journeykit events retention`` and ``events churn`` through the real entry point."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.cli.conftest import DemoCopy, Run

# K1 signs up in March and buys in April and May; K2 comes on the last day of March and is
# never seen again; K3 starts on April 1 (UTC; 02:00 in Berlin).
SHOP = (
    "customer_id,timestamp,event,channel\n"
    "K1,2024-03-04T10:00:00Z,signup,web\n"
    "K1,2024-04-02T10:00:00Z,buy,web\n"
    "K1,2024-05-20T10:00:00Z,buy,email\n"
    "K2,2024-03-31T23:30:00Z,signup,web\n"
    "K3,2024-04-01T00:00:00+00:00,view,web\n"
    "K3,2024-04-01T00:10:00+00:00,signup,web\n"
)


def rows(out: str) -> list[dict[str, Any]]:
    data = json.loads(out)
    assert isinstance(data, list)
    return data


@pytest.fixture
def shop(run: Run, tmp_path: Path) -> str:
    assert run("init", "ws").code == 0
    (tmp_path / "shop.csv").write_text(SHOP, encoding="utf-8")
    imported = run("events", "import", "shop.csv", "-w", "ws")
    assert imported.code == 0, imported.err
    return "ws"


def test_monthly_retention_rows(run: Run, shop: str) -> None:
    result = run("events", "retention", "--json", "-w", shop)
    assert result.code == 0, result.err
    assert rows(result.out) == [
        {"cohort": "2024-03-01", "customers": 2, "period": 0, "retained": 2, "rate": 1.0},
        {"cohort": "2024-03-01", "customers": 2, "period": 1, "retained": 1, "rate": 0.5},
        {"cohort": "2024-03-01", "customers": 2, "period": 2, "retained": 1, "rate": 0.5},
        {"cohort": "2024-04-01", "customers": 1, "period": 0, "retained": 1, "rate": 1.0},
        {"cohort": "2024-04-01", "customers": 1, "period": 1, "retained": 0, "rate": 0.0},
    ]


def test_weekly_retention_of_buyers_after_signing_up(run: Run, shop: str) -> None:
    args = ("--period", "week", "--periods", "4", "--start", "signup", "--return", "buy")
    result = run("events", "retention", *args, "--json", "-w", shop)
    assert result.code == 0, result.err
    weekly = rows(result.out)
    # signups in the weeks of Mon Mar 4 (K1), Mar 25 (K2, on Sunday Mar 31) and Apr 1 (K3);
    # K1 buys on Tuesday Apr 2, four weeks after signing up; the log runs into May
    assert sorted({r["cohort"] for r in weekly}) == ["2024-03-04", "2024-03-25", "2024-04-01"]
    assert len(weekly) == 3 * 5
    assert [(r["cohort"], r["period"]) for r in weekly if r["retained"]] == [("2024-03-04", 4)]


def test_churn_rows_and_the_summary(run: Run, shop: str) -> None:
    result = run("events", "churn", "--after", "30d", "--json", "-w", shop)
    assert result.code == 0, result.err
    # as of May 20: K2 quiet since March 31, K3 since April 1, K1 active today
    assert rows(result.out) == [
        {"cohort": "2024-03-01", "customers": 2, "too_new": 0, "churned": 1, "churn_rate": 0.5,
         "median_days_active": 0.0},
        {"cohort": "2024-04-01", "customers": 1, "too_new": 0, "churned": 1, "churn_rate": 1.0,
         "median_days_active": pytest.approx(10 / 1440)},
        {"cohort": "all", "customers": 3, "too_new": 0, "churned": 2,
         "churn_rate": pytest.approx(2 / 3), "median_days_active": pytest.approx(5 / 1440)},
    ]  # fmt: skip


def test_churn_as_of_a_date_leaves_out_later_events_and_counts_the_too_new(
    run: Run, shop: str
) -> None:
    result = run("events", "churn", "--after", "4w", "--as-of", "2024-04-20", "--json", "-w", shop)
    assert result.code == 0, result.err
    summary = rows(result.out)[-1]
    # K1 (first event March 4) is judged, quiet since April 2 (17.6 days): not churned;
    # K2 and K3 started within four weeks of April 20
    assert summary == {"cohort": "all", "customers": 1, "too_new": 2, "churned": 0,
                       "churn_rate": 0.0, "median_days_active": None}  # fmt: skip


def test_table_output_names_the_columns(run: Run, shop: str) -> None:
    result = run("events", "churn", "--after", "30d", "-w", shop)
    assert result.code == 0, result.err
    assert "too_new" in result.out and "median_days_active" in result.out
    assert "all" in result.out


@pytest.mark.parametrize(
    ("args", "code", "text"),
    [
        (("retention", "--return", "buyy"), "unknown_event", "'buy'"),
        (("retention", "--start", "signupp"), "unknown_event", "'signup'"),
        (("churn", "--after", "bald"), "invalid_duration", "7d"),
        (("churn", "--after", "30d", "--as-of", "gestern"), "invalid_date", "2024-07-01"),
    ],
)
def test_errors_say_what_to_write(
    run: Run, shop: str, args: tuple[str, ...], code: str, text: str
) -> None:
    result = run("events", *args, "-w", shop)
    assert result.code == 1, result.out
    assert f"[{code}]" in result.err and text in result.err
    assert result.err.count("\n") == 1


def test_churn_needs_a_duration(run: Run, shop: str) -> None:
    result = run("events", "churn", "-w", shop)
    assert result.code == 2 and "--after" in result.err


def test_retention_and_churn_run_on_the_demo(run: Run, demo: DemoCopy) -> None:
    ws = demo.ws
    customers = sum(
        int(v["customers"])
        for v in rows(run("events", "variants", "--top", "0", "--json", "-w", ws).out)
    )
    for period in ("day", "week", "month"):
        result = run("events", "retention", "--period", period, "--json", "-w", ws)
        assert result.code == 0, result.err
        retained = rows(result.out)
        assert retained and all(r["retained"] <= r["customers"] for r in retained)
        firsts = {r["cohort"]: r["customers"] for r in retained if r["period"] == 0}
        assert sum(firsts.values()) == customers
    result = run("events", "churn", "--after", "90d", "--json", "-w", ws)
    assert result.code == 0, result.err
    summary = rows(result.out)[-1]
    assert summary["cohort"] == "all"
    assert summary["customers"] + summary["too_new"] == customers
