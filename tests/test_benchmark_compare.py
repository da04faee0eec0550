"""The comparison benchmark's equality checks and stage supervision, without the competitors.

The checks are what make the benchmark's "equal" trustworthy, so they are tested both ways:
journeykit's own metrics on a small generated log agree with a plain-Python count of the raw
rows, and a single changed number is reported by name with both values.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from benchmarks.compare.results import (
    compare_funnel,
    compare_transitions,
    compare_variants,
    top_variants,
)
from benchmarks.compare.supervise import StageRun, run_stage
from benchmarks.compare.tables import render
from benchmarks.generate_events import generate, write

from journeykit.events.engine import Engine
from journeykit.events.importers import read_events
from journeykit.events.log import EventLog
from journeykit.events.metrics.funnel import funnel
from journeykit.events.metrics.transitions import transitions
from journeykit.events.metrics.variants import variants
from journeykit.events.rules import TouchpointRules
from journeykit.events.store import EventStore

STEPS = ["page_view", "product_view", "add_to_cart", "order_placed"]


def _journeys(events: int, customers: int) -> dict[str, list[str]]:
    """Each customer's events in time order, counted the naive way from the raw rows."""
    rows = generate(events, customers).to_pydict()
    ordered = sorted(zip(rows["customer_id"], rows["ts"], rows["event"], strict=True))
    journeys: dict[str, list[str]] = {}
    for customer, _ts, event in ordered:
        journeys.setdefault(customer, []).append(event)
    return journeys


def _naive_funnel(journeys: dict[str, list[str]]) -> list[int]:
    reached = [0] * len(STEPS)
    for journey in journeys.values():
        step = 0
        for event in journey:
            if step < len(STEPS) and event == STEPS[step]:
                reached[step] += 1
                step += 1
    return reached


@pytest.fixture(scope="module")
def log(tmp_path_factory: pytest.TempPathFactory) -> EventLog:
    folder = tmp_path_factory.mktemp("workspace")
    data = folder / "events.parquet"
    write(generate(3000, 120), data)  # through the same Parquet import as the benchmark
    EventStore(folder).add(read_events([data]).table, rules=TouchpointRules())
    return EventLog.of(Engine.for_workspace(folder))


def test_journeykit_agrees_with_a_naive_count_of_the_raw_rows(log: EventLog) -> None:
    journeys = _journeys(3000, 120)
    pairs = Counter((a, b) for j in journeys.values() for a, b in pairwise(j))
    naive_transitions = [[a, b, n] for (a, b), n in pairs.items()]
    mine = [[r["source"], r["target"], r["count"]] for r in transitions(log)]
    assert compare_transitions("naive", mine, naive_transitions).equal

    ranked = top_variants(Counter(tuple(j) for j in journeys.values()).items(), 50)
    naive_variants = [[list(v), n] for v, n in ranked]
    mine_variants = [[r["variant"], r["customers"]] for r in variants(log, 10)]
    assert compare_variants("naive", mine_variants, naive_variants, 10).equal

    mine_funnel = [r["customers"] for r in funnel(log, STEPS)]
    assert compare_funnel("naive", STEPS, mine_funnel, _naive_funnel(journeys)).equal
    assert mine_funnel[0] > mine_funnel[-1] > 0  # the log really goes through the funnel


def test_a_changed_transition_count_is_named_with_both_numbers() -> None:
    mine = [["a", "b", 3], ["b", "c", 2]]
    theirs = [["b", "c", 2], ["a", "b", 4], ["c", "a", 1]]
    result = compare_transitions("pm4py", mine, theirs)
    assert not result.equal
    assert result.compared == 3
    assert result.differences == [
        "a → b: journeykit 3, pm4py 4",
        "c → a: journeykit 0, pm4py 1",
    ]
    assert result.summary().startswith("**differs** (2 differences, 3 compared): a → b")


def test_a_pair_listed_twice_is_an_error_not_a_silent_sum() -> None:
    with pytest.raises(ValueError, match="a → b is listed twice"):
        compare_transitions("x", [["a", "b", 1], ["a", "b", 2]], [])


def test_variants_differ_by_count_by_rank_and_by_a_journey_missing_from_the_top() -> None:
    mine = [[["a", "b"], 5], [["a"], 3], [["b"], 3]]
    assert compare_variants("t", mine, [[["b"], 3], [["a"], 3], [["a", "b"], 5]], 3).equal
    counted_wrong = compare_variants("t", mine, [[["a", "b"], 4], [["a"], 3], [["b"], 3]], 3)
    assert counted_wrong.differences[0] == "#1 [a → b] (2 events): journeykit 5, t 4"
    extra = compare_variants("t", mine[:2], [[["a", "b"], 5], [["c"], 4], [["a"], 3]], 2)
    assert extra.differences == ["t's #2 [c] (1 event) with 4 customers is not in journeykit's top"]


def test_a_funnel_step_that_differs_is_named() -> None:
    result = compare_funnel("retentioneering", ["x", "y"], [10, 4], [10, 5])
    assert result.differences == ["step 2 y: journeykit 4, retentioneering 5"]
    with pytest.raises(ValueError, match="2 counts on each side"):
        compare_funnel("r", ["x", "y"], [1, 2], [1])


def test_top_variants_rank_ties_by_the_variant_whatever_order_they_come_in() -> None:
    counts = [(("b",), 2), (("a", "c"), 2), (("a",), 2), (("z",), 7)]
    assert top_variants(counts, 3) == [(("z",), 7), (("a",), 2), (("a", "c"), 2)]
    assert top_variants(reversed(counts), 3) == top_variants(counts, 3)


def _python(code: str) -> list[str]:
    return [sys.executable, "-c", code]


def test_a_stage_reports_its_timings_and_result(tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    code = (
        f"import json, pathlib; pathlib.Path({str(out)!r}).write_text('[1]'); "
        "print(json.dumps({'seconds': 1.5, 'parts': {'metric': 1.0}, 'peak_mib': 20}))"
    )
    run = run_stage("t", "s", _python(code), out, timeout_seconds=30, memory_limit_mib=4096)
    assert run.ok
    assert (run.seconds, run.part("metric"), run.peak_mib) == (1.5, 1.0, 20.0)
    assert run.result == out


def test_a_stage_that_runs_too_long_or_fails_is_stopped_and_reported(tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    slow = run_stage(
        "t",
        "s",
        _python("import time; time.sleep(30)"),
        out,
        timeout_seconds=1.0,
        memory_limit_mib=4096,
    )
    assert slow.status == "timeout"
    assert slow.part("metric") is None
    broken = run_stage(
        "t",
        "s",
        _python("raise SystemExit('no such column: ts')"),
        out,
        timeout_seconds=30,
        memory_limit_mib=4096,
    )
    assert broken.status == "failed"
    assert "exit code 1" in broken.detail
    assert "no such column: ts" in broken.detail


def test_a_stage_over_the_memory_limit_is_stopped(tmp_path: Path) -> None:
    # 300 MiB of real (touched) memory against a 150 MiB limit.
    code = "import time; b = bytearray(300 * 1024 * 1024); time.sleep(30)"
    run = run_stage(
        "t", "s", _python(code), tmp_path / "r.json", timeout_seconds=20, memory_limit_mib=150
    )
    assert run.status == "memory"
    assert run.peak_mib is not None
    assert run.peak_mib > 150


def test_a_run_survives_the_summary_file_unchanged(tmp_path: Path) -> None:
    # The tables of a long run are rendered again from its summary, so nothing may be lost.
    run = StageRun(
        "pm4py",
        "funnel",
        "memory",
        peak_mib=12_300.5,
        load_before=(4.1, 3.5, 2.0),
        detail="stopped at 12.0 GiB resident after 205 s",
    )
    done = StageRun("journeykit", "import", "ok", 31.9, {"read": 3.2}, 2708.4, tmp_path / "r.json")
    for original in (run, done):
        assert StageRun.from_json(json.loads(json.dumps(original.to_json()))) == original


def _summary(runs: list[StageRun]) -> dict[str, Any]:
    return {
        "started": "2026-12-01T09:02:43+00:00",
        "events": 20_000_000,
        "customers": 800_000,
        "machine": "2 cores",
        "competitors": "pm4py 2.7.23.11",
        "top": 10,
        "timeout": 900.0,
        "memory_limit_gib": 12.0,
        "runs": [run.to_json() for run in runs],
        "results": [["transitions", "pm4py", "equal (900 compared)"]],
    }


def _ok(tool: str, stage: str, seconds: float, metric: float | None = None) -> StageRun:
    parts = {} if metric is None else {"metric": metric}
    return StageRun(tool, stage, "ok", seconds, parts, 100.0, load_before=(2.5, 2.0, 1.0))


def _row(table: str, label: str) -> list[str]:
    line = next(x for x in table.splitlines() if x.startswith(f"| {label} |"))
    return [cell.strip() for cell in line.strip("|").split("|")]


def test_the_tables_add_import_and_metric_and_show_stopped_stages_as_such() -> None:
    runs = [
        _ok("journeykit", "import", 20.0),
        _ok("journeykit", "transitions", 2.0),
        _ok("journeykit", "variants", 1.0),
        _ok("journeykit", "funnel", 2.0),
        _ok("pm4py", "prepare", 10.0),
        _ok("pm4py", "transitions", 44.0, metric=33.0),
        _ok("pm4py", "variants", 15.0, metric=4.0),
        StageRun("pm4py", "funnel", "timeout", peak_mib=900.0, load_before=(6.0, 5.0, 4.0)),
        _ok("retentioneering", "prepare", 12.0),
        _ok("retentioneering", "transitions", 30.0, metric=16.0),
        StageRun(
            "retentioneering", "variants", "memory", peak_mib=12_500.0, load_before=(3.0, 3.0, 3.0)
        ),
        StageRun("retentioneering", "funnel", "skipped", detail="--skip"),
    ]
    text = render(_summary(runs))
    assert "2026-12-01 09:02 UTC" in text
    assert "Load average (1 min) before the stages: 2.5 to 6.0." in text  # skipped: no load
    end_to_end, after = text.split("After import or preparation")
    # journeykit's import + metric against the competitors' end-to-end seconds
    assert _row(end_to_end, "transitions") == [
        "transitions",
        "22.00",
        "44.00",
        "30.00",
        "2.0×",
        "1.4×",
    ]
    # a stage stopped at the time limit gives a lower bound: 900 s / 22 s
    assert _row(end_to_end, "funnel (4 steps)") == [
        "funnel (4 steps)",
        "22.00",
        "> 15 min",
        "not run",
        "> 41×",
        "—",
    ]
    assert _row(end_to_end, "variants (top 10)")[3] == "> 12 GiB RAM"
    assert _row(end_to_end, "attribution markov")[2] == "no such function"
    # prepared once: 20 + 2 + 1 + 2 for journeykit; pm4py's funnel did not finish
    once = _row(end_to_end, "transitions + variants + funnel, prepared once")
    assert once[1:3] == ["25.00", "funnel > 15 min"]
    # after preparation: the metric parts alone
    assert _row(after, "transitions") == ["transitions", "2.00", "33.00", "16.00", "16.5×", "8.0×"]
    assert _row(after, "read + import / prepare")[1:4] == ["20.00", "10.00", "12.00"]
