"""``journeykit hypothesis test`` and ``journeykit measure effect`` on a shop with planted
effects: the JSON contract, the recorded verdicts, and clear words for bad input."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from journeykit.cli import main
from journeykit.events.store import EVENTS_FILE
from journeykit.insight.errors import EmptyGroup, NoData
from journeykit.insight.hypotheses import evaluate_hypothesis, evidence_id
from journeykit.insight.sources import WorkspaceData
from journeykit.model.errors import NotFoundError
from journeykit.model.hypothesis import Comparison, Hypothesis, HypothesisMetric, HypothesisTest
from journeykit.store import Workspace
from tests.insight.stats_shop import JOURNEY_ID, build_stats_shop

CONTRACT = ("id", "test", "effect", "ci_low", "ci_high", "p_value", "n", "status")


@pytest.fixture(scope="module")
def shop(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_stats_shop(tmp_path_factory.mktemp("stats") / "shop")


@pytest.fixture
def fresh_shop(tmp_path: Path) -> Path:
    return build_stats_shop(tmp_path / "shop")


@pytest.fixture
def workspace(shop: Path) -> Iterator[Workspace]:
    with Workspace.open(shop) as ws:
        yield ws


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_testing_every_hypothesis_prints_the_contract_and_records_verdicts(
    fresh_shop: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run(capsys, "-w", str(fresh_shop), "hypothesis", "test", "--all", "--json")
    assert code == 0
    rows = json.loads(out)
    for row in rows:
        assert list(row)[: len(CONTRACT)] == list(CONTRACT)
        assert row["ci_low"] <= row["effect"] <= row["ci_high"]
        assert 0 <= row["p_value"] <= 1
    verdicts = {row["id"]: (row["test"], row["status"]) for row in rows}
    assert verdicts == {
        "hy-drop-falls": ("two_proportion_z", "supported"),
        "hy-notice-pleases": ("mann_whitney_u", "supported"),
        "hy-bulky-is-faster": ("mann_whitney_u", "refuted"),
        "hy-bulky-nps": ("bootstrap_nps", "supported"),
    }
    drop = next(row for row in rows if row["id"] == "hy-drop-falls")
    assert drop["n"] == 400 and drop["effect"] < 0  # every customer reached the shipping costs

    with Workspace.open(fresh_shop) as ws:
        journeys = ws.journeys()
        head = journeys.history(JOURNEY_ID)[0]
        assert (head.number, head.author) == (2, "journeykit")
        document = journeys.get(JOURNEY_ID)
        statuses = {h.id: h.status for h in document.hypotheses}
        assert statuses["hy-bulky-is-faster"] == "refuted"
        assert statuses["hy-untested"] == "open"
        hypothesis = next(h for h in document.hypotheses if h.id == "hy-drop-falls")
        assert hypothesis.evidence_ids == [evidence_id("hy-drop-falls")]
        record = next(e for e in document.evidence if e.id == evidence_id("hy-drop-falls"))
        assert record.kind == "analytics" and "two_proportion_z" in (record.text or "")
        assert record.date == dt.datetime.now(dt.UTC).date()

    # Testing again the same day changes nothing: the evidence is replaced, not added.
    code, _, _ = _run(capsys, "-w", str(fresh_shop), "hypothesis", "test", "--all")
    assert code == 0
    with Workspace.open(fresh_shop) as ws:
        assert ws.journeys().history(JOURNEY_ID)[0].number == 2
        assert len(ws.journeys().get(JOURNEY_ID).evidence) == 4


def test_a_dry_run_of_one_hypothesis_changes_no_journey(
    shop: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run(
        capsys, "-w", str(shop), "hypothesis", "test", "hy-drop-falls", "--json", "--dry-run"
    )
    assert code == 0
    (row,) = json.loads(out)
    assert row["id"] == "hy-drop-falls" and row["group_a"]["label"] == "from 2024-03-15"
    with Workspace.open(shop) as ws:
        assert ws.journeys().history(JOURNEY_ID)[0].number == 1


def test_the_text_output_states_the_verdict_and_its_reason(
    shop: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run(
        capsys, "-w", str(shop), "hypothesis", "test", "hy-bulky-is-faster", "--dry-run"
    )
    assert code == 0
    assert "REFUTED" in out and "against the expected decrease" in out


def test_a_mistyped_hypothesis_id_gets_a_did_you_mean(
    shop: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _run(capsys, "-w", str(shop), "hypothesis", "test", "hy-drop-fall")
    assert code == 1
    assert "no journey of the workspace has a hypothesis 'hy-drop-fall'" in err
    assert "did you mean 'hy-drop-falls'?" in err


def test_a_hypothesis_without_a_test_says_what_to_add(
    shop: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _run(capsys, "-w", str(shop), "hypothesis", "test", "hy-untested")
    assert code == 1
    assert "names no test" in err and "[not_testable]" in err


def test_an_id_and_all_together_is_a_usage_error(
    shop: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _run(capsys, "-w", str(shop), "hypothesis", "test", "hy-x", "--all")
    assert code == 2 and "not both" in err


def _hypothesis(metric: HypothesisMetric, compare: Comparison) -> Hypothesis:
    return Hypothesis(
        id="hy-probe", statement="probe", test=HypothesisTest(metric=metric, compare=compare)
    )


def test_a_metric_without_data_is_explained_not_computed(workspace: Workspace) -> None:
    document = workspace.journeys().get(JOURNEY_ID)
    no_events = _hypothesis(
        HypothesisMetric(kind="conversion", from_id="st-pay", to_id="st-survey"),
        Comparison(by="before_after", date=dt.date(2024, 3, 1)),
    )
    no_answers = _hypothesis(
        HypothesisMetric(kind="ces", at="st-cart"), Comparison(by="segment", a="basket >= 250")
    )
    with WorkspaceData(workspace) as data:
        with pytest.raises(NoData) as raised:
            evaluate_hypothesis(data, document, no_events)
        assert "no event of the log belongs to step 'st-survey'" in raised.value.message
        with pytest.raises(NoData) as raised:
            evaluate_hypothesis(data, document, no_answers)
        assert "the feedback has no CES answer at step 'st-cart'" in raised.value.message


def test_an_empty_group_is_explained_not_computed(workspace: Workspace) -> None:
    document = workspace.journeys().get(JOURNEY_ID)
    metric = HypothesisMetric(kind="drop_off", from_id="st-shipping", to_id="st-pay")
    cases = {
        "group a (from 2030-01-01)": Comparison(by="before_after", date=dt.date(2030, 1, 1)),
        "group a (basket > 1000)": Comparison(by="segment", a="basket > 1000"),
    }
    with WorkspaceData(workspace) as data:
        for expected, compare in cases.items():
            with pytest.raises(EmptyGroup) as raised:
                evaluate_hypothesis(data, document, _hypothesis(metric, compare))
            assert expected in raised.value.message
            assert "nothing to compare" in raised.value.message


def test_a_mistyped_place_in_a_test_spec_is_refused_with_the_closest(
    workspace: Workspace,
) -> None:
    document = workspace.journeys().get(JOURNEY_ID)
    typo = _hypothesis(
        HypothesisMetric(kind="drop_off", from_id="st-shiping", to_id="st-pay"),
        Comparison(by="before_after", date=dt.date(2024, 3, 1)),
    )
    with WorkspaceData(workspace) as data, pytest.raises(NotFoundError) as raised:
        evaluate_hypothesis(data, document, typo)
    assert raised.value.hint == "did you mean 'st-shipping'?"


def test_measure_effects_find_the_planted_effect_and_explain_a_missing_go_live(
    shop: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run(capsys, "-w", str(shop), "measure", "effect", "--all", "--json")
    assert code == 0
    effects = {row["id"]: row for row in json.loads(out)}
    calculator = effects["me-calculator"]
    assert calculator["test"] == "two_proportion_z" and calculator["improved"] is True
    assert calculator["effect"] == pytest.approx(calculator["after"] - calculator["before"])
    did = calculator["difference_in_differences"]
    # Planted: big baskets 60 % → 30 %, small ones (the control) unchanged: −30 points.
    assert did["label"] == "basket < 250"
    assert did["ci_low"] <= -30 <= did["ci_high"] and did["p_value"] < 0.05
    feed = effects["me-feed"]
    assert feed["effect"] is None and "no go-live date" in feed["message"]


def test_without_a_planted_effect_the_measure_shows_no_clear_change(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = build_stats_shop(tmp_path / "flat", planted=False)
    code, out, _ = _run(capsys, "-w", str(path), "measure", "effect", "me-calculator", "--json")
    assert code == 0
    (row,) = json.loads(out)
    assert row["improved"] is None and row["p_value"] >= 0.05
    assert row["ci_low"] <= 0 <= row["ci_high"]


def test_a_test_while_an_import_writes_the_event_log_says_so(
    fresh_shop: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    writer = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time, duckdb\ncon = duckdb.connect(sys.argv[1])\n"
            "print('open', flush=True)\ntime.sleep(60)",
            str(fresh_shop / EVENTS_FILE),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert writer.stdout is not None and writer.stdout.readline().strip() == "open"
        code, _, err = _run(capsys, "-w", str(fresh_shop), "hypothesis", "test", "hy-drop-falls")
    finally:
        writer.kill()
        writer.wait()
    assert code == 1
    assert "being written by another process (an import is running)" in err
    assert "[event_log_busy]" in err


def test_testing_all_lists_a_hypothesis_without_data_and_still_records_the_others(
    fresh_shop: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Workspace.open(fresh_shop) as ws:
        journeys = ws.journeys()
        document = journeys.get(JOURNEY_ID)
        blind = _hypothesis(
            HypothesisMetric(kind="conversion", from_id="st-pay", to_id="st-survey"),
            Comparison(by="before_after", date=dt.date(2024, 3, 1)),
        )
        journeys.save(
            document.model_copy(update={"hypotheses": [*document.hypotheses, blind]}),
            author="test",
            message="blind spot",
            base_revision=document.revision,
        )
    code, out, err = _run(capsys, "-w", str(fresh_shop), "hypothesis", "test", "--all", "--json")
    assert code == 1 and "1 hypothesis test(s) could not run" in err
    rows = {row["id"]: row for row in json.loads(out)}
    probe = rows["hy-probe"]
    assert (probe["code"], probe["effect"], probe["p_value"]) == ("no_data", None, None)
    assert "no event of the log belongs to step 'st-survey'" in probe["error"]
    with Workspace.open(fresh_shop) as ws:
        document = ws.journeys().get(JOURNEY_ID)
        statuses = {h.id: h.status for h in document.hypotheses}
        assert statuses["hy-drop-falls"] == "supported" and statuses["hy-probe"] == "open"
