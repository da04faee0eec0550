"""``journeykit events sankey|phases|timing|channel-switches`` through the real entry point."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.cli.conftest import DemoCopy, Run

# A: view, cart, buy (web, web, shop); B: view by email, then web; C: one view; D: a view
# without channel; E: two mails, by email, then web. Phases from the rules below: view
# awareness, cart consideration, buy acquisition; mails have none.
EXPORT = (
    "customer_id,timestamp,event,channel\n"
    "A,2024-03-01T09:00:00Z,view,web\n"
    "A,2024-03-01T09:05:00Z,cart,web\n"
    "A,2024-03-01T09:10:00Z,buy,shop\n"
    "B,2024-03-01T10:00:00Z,view,email\n"
    "B,2024-03-01T11:00:00Z,view,web\n"
    "B,2024-03-01T11:30:00Z,buy,web\n"
    "C,2024-03-01T12:00:00Z,view,web\n"
    "D,2024-03-01T13:00:00Z,view,\n"
    "E,2024-03-01T14:00:00Z,mail,email\n"
    "E,2024-03-01T14:30:00Z,mail,web\n"
)
RULES = """\
rules:
  - match: {events: [view]}
    touchpoint: tp-view
    phase: awareness
  - match: {events: [cart]}
    phase: consideration
  - match: {events: [buy]}
    phase: acquisition
"""


def as_json(result_out: str) -> Any:
    return json.loads(result_out)


@pytest.fixture
def shop(run: Run, tmp_path: Path) -> str:
    assert run("init", "ws").code == 0
    (tmp_path / "ws" / "touchpoint-rules.yaml").write_text(RULES, encoding="utf-8")
    (tmp_path / "export.csv").write_text(EXPORT, encoding="utf-8")
    imported = run("events", "import", "export.csv", "-w", "ws")
    assert imported.code == 0, imported.err
    return "ws"


def test_sankey_prints_nodes_and_links_as_one_json_object(run: Run, shop: str) -> None:
    result = run("events", "sankey", "--steps", "2", "--json", "-w", shop)
    assert result.code == 0, result.err
    assert as_json(result.out) == {
        "nodes": [
            {"id": "1:view", "step": 1, "label": "view", "customers": 4},
            {"id": "1:mail", "step": 1, "label": "mail", "customers": 1},
            {"id": "2:cart", "step": 2, "label": "cart", "customers": 1},
            {"id": "2:mail", "step": 2, "label": "mail", "customers": 1},
            {"id": "2:view", "step": 2, "label": "view", "customers": 1},
        ],
        "links": [  # C and D end after one step
            {"source": "1:mail", "target": "2:mail", "customers": 1},
            {"source": "1:view", "target": "2:cart", "customers": 1},
            {"source": "1:view", "target": "2:view", "customers": 1},
        ],
    }
    by_channel = as_json(run("events", "sankey", "--by", "channel", "--json", "-w", shop).out)
    assert [(n["id"], n["customers"]) for n in by_channel["nodes"]][:3] == [
        ("1:email", 2),
        ("1:web", 2),
        ("1:(none)", 1),  # D's view has no channel
    ]


def test_phases_print_the_phase_funnel(run: Run, shop: str) -> None:
    result = run("events", "phases", "--json", "-w", shop)
    assert result.code == 0, result.err
    rows = as_json(result.out)
    assert [tuple(r.values()) for r in rows] == [
        # optional phases are measured against everyone who entered (all four)
        ("unawareness", 0, 0.0, 0.0, 1.0, None),
        # B stays an hour between his two views; A, C and D have one view each
        ("awareness", 4, 1.0, 1.0, 0.0, 0.0),
        ("consideration", 1, 0.25, 0.25, 0.75, 0.0),
        # B buys without a cart: more customers than the phase before
        ("acquisition", 2, 0.5, 2.0, -1.0, 0.0),
        ("service", 0, 0.0, 0.0, 1.0, None),
        # after a main phase nobody reached, there is no step conversion
        ("loyalty", 0, 0.0, None, None, None),
        ("non_retention", 0, 0.0, 0.0, 1.0, None),
    ]
    assert list(rows[0]) == [
        "phase", "customers", "conversion", "step_conversion", "drop_off",
        "median_seconds_in_phase",
    ]  # fmt: skip


def test_timing_prints_one_summary_row(run: Run, shop: str) -> None:
    result = run("events", "timing", "view", "buy", "--json", "-w", shop)
    assert result.code == 0, result.err
    # A 10 minutes, B 90 minutes (from his first view); C and D never buy
    assert as_json(result.out) == [
        {"from": "view", "to": "buy", "customers": 2, "mean_seconds": 3000.0,
         "median_seconds": 3000.0, "p90_seconds": 4920.0, "min_seconds": 600.0,
         "max_seconds": 5400.0}
    ]  # fmt: skip


def test_channel_switches_table_is_sorted_by_switches_then_names(run: Run, shop: str) -> None:
    rows = as_json(run("events", "channel-switches", "--json", "-w", shop).out)
    assert rows == [
        # B after an hour, E after half an hour
        {"from_channel": "email", "to_channel": "web", "switches": 2, "customers": 2,
         "median_seconds": 2700.0},
        {"from_channel": "web", "to_channel": "shop", "switches": 1, "customers": 1,
         "median_seconds": 300.0},
    ]  # fmt: skip
    table = run("events", "channel-switches", "-w", shop)
    assert table.code == 0, table.err
    lines = [line for line in table.out.splitlines() if "│" in line]
    assert [[cell.strip() for cell in line.split("│")[1:4]] for line in lines] == [
        ["email", "web", "2"],
        ["web", "shop", "1"],
    ]


@pytest.mark.parametrize(
    ("args", "code", "text"),
    [
        (("events", "timing", "view", "buys"), "[unknown_event]", "did you mean 'buy'?"),
        (("events", "timing", "vieww", "buy"), "[unknown_event]", "did you mean 'view'?"),
        (("events", "sankey", "--by", "phases"), "Invalid value for '--by'", "'phase'"),
        (("events", "sankey", "--steps", "0"), "Invalid value for '--steps'", "0"),
    ],
)
def test_flow_errors_say_what_to_do(
    run: Run, shop: str, args: tuple[str, ...], code: str, text: str
) -> None:
    result = run(*args, "-w", shop)
    assert result.code != 0
    assert code in result.err and text in result.err
    assert "Traceback" not in result.err


def test_flows_on_the_demo_keep_their_laws_and_cut_by_persona(run: Run, demo: DemoCopy) -> None:
    def flows(*args: str) -> Any:
        result = run("events", *args, "--json", "-w", demo.ws)
        assert result.code == 0, (args, result.err)
        return as_json(result.out)

    phase_rows = flows("phases")
    # the demo's events map to all seven default phases, in journey order
    assert [r["phase"] for r in phase_rows] == [
        "unawareness", "awareness", "consideration", "acquisition", "service", "loyalty",
        "non_retention",
    ]  # fmt: skip
    assert all(r["customers"] > 0 for r in phase_rows)
    tobias = flows("phases", "--persona", "pe-tobias-heimwerker")
    assert 0 < tobias[1]["customers"] < phase_rows[1]["customers"]

    sankey = flows("sankey", "--by", "phase", "--steps", "4")
    at_step: dict[int, int] = {}
    for node in sankey["nodes"]:
        at_step[node["step"]] = at_step.get(node["step"], 0) + node["customers"]
    for step in range(1, 4):
        out_of_step = sum(
            link["customers"] for link in sankey["links"] if link["source"].startswith(f"{step}:")
        )
        assert out_of_step == at_step[step + 1] <= at_step[step]

    (timed,) = flows("timing", "product_view", "order_placed", "--segment", "age >= 60")
    assert timed["customers"] > 0 and timed["min_seconds"] <= timed["median_seconds"]
    switches = flows("channel-switches")
    assert switches and all(r["from_channel"] != r["to_channel"] for r in switches)
    assert [r["switches"] for r in switches] == sorted(
        (r["switches"] for r in switches), reverse=True
    )
