"""Attribution from the event log agrees with the path-table math and with hand counts."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journeykit.events.attribution import PathRow, PathTable, attribute, collapse_repeats
from journeykit.events.engine import Engine
from journeykit.events.log import EventLog
from journeykit.events.metrics.attribution import NO_TOUCH, attribution
from tests.events.conftest import LogFactory
from tests.events.journeys import Journey, event_store

PATH_MODELS = ("first", "last", "linear", "position", "markov", "shapley")

SHOP: dict[str, Journey] = {
    # paths before the first "buy": A: search > mail; B: search (then buys twice); C: mail, no buy
    "a": [(0, "visit", "search"), (1, "visit", "search"), (5, "open", "mail"), (9, "buy", "web")],
    "b": [(0, "visit", "search"), (3, "buy", "web"), (8, "open", "mail"), (9, "buy", "web")],
    "c": [(0, "open", "mail"), (4, "visit", None)],
    "d": [(0, "buy", "web")],  # converts with no touch before: credited to (none)
}


def paths_of(journeys: dict[str, Journey], conversion: str) -> PathTable:
    """The path table of the issue's definition, computed plainly in Python."""
    rows = []
    for events in journeys.values():
        ordered = sorted(enumerate(events), key=lambda item: (item[1][0], item[0]))
        channels: list[str] = []
        converted = False
        for _index, (_minutes, event, channel) in ordered:
            if event == conversion:
                converted = True
                break
            if channel is not None:
                channels.append(channel)
        path = collapse_repeats(channels)
        if converted:
            rows.append(PathRow(path or (NO_TOUCH,), 1.0, 0.0))
        elif path:
            rows.append(PathRow(path, 0.0, 1.0))
    return PathTable(rows)


def credits(rows: list[dict[str, str | float]]) -> dict[str, float]:
    return {str(r["touchpoint"]): float(r["conversions"]) for r in rows}


def test_linear_by_hand(make_log: LogFactory) -> None:
    rows = attribution(make_log(SHOP), "buy", "linear").to_rows()
    # a: search ½ + mail ½; b: search 1; d: (none) 1 → 3 conversions
    assert credits(rows) == pytest.approx({"search": 1.5, "mail": 0.5, NO_TOUCH: 1.0})
    assert sum(float(r["share"]) for r in rows) == pytest.approx(1.0)


def test_first_last_and_position_by_hand(make_log: LogFactory) -> None:
    log = make_log(SHOP)
    assert credits(attribution(log, "buy", "first").to_rows())["search"] == pytest.approx(2.0)
    assert credits(attribution(log, "buy", "last").to_rows())["mail"] == pytest.approx(1.0)
    # two touches share 50/50 under the position model
    position = credits(attribution(log, "buy", "position").to_rows())
    assert position == pytest.approx({"search": 1.5, "mail": 0.5, NO_TOUCH: 1.0})


def test_time_decay_halves_per_half_life(make_log: LogFactory) -> None:
    journeys: dict[str, Journey] = {
        # search 2 half-lives before buying, mail 1: weights ¼ and ½ → ⅓ and ⅔
        "x": [(0, "visit", "search"), (60, "open", "mail"), (120, "buy", None)]
    }
    rows = attribution(make_log(journeys), "buy", "time_decay", half_life_seconds=3600).to_rows()
    assert credits(rows) == pytest.approx({"mail": 2 / 3, "search": 1 / 3})


@pytest.mark.parametrize("model", PATH_MODELS)
def test_every_model_matches_the_path_table_route(make_log: LogFactory, model: str) -> None:
    from_log = credits(attribution(make_log(SHOP), "buy", model).to_rows())
    from_paths = credits(attribute(paths_of(SHOP, "buy"), model).to_rows())
    assert from_log == pytest.approx(from_paths, abs=1e-9)


channel = st.none() | st.sampled_from(["search", "mail", "social", "web"])
generated = st.dictionaries(
    st.sampled_from([f"c{i}" for i in range(10)]),
    st.lists(
        st.tuples(st.integers(0, 50).map(float), st.sampled_from(["visit", "buy"]), channel),
        min_size=1,
        max_size=7,
    ),
    min_size=1,
    max_size=10,
).filter(lambda j: any(e == "buy" for events in j.values() for _, e, _ in events))


@settings(max_examples=30, deadline=None)
@given(generated, st.sampled_from(PATH_MODELS))
def test_generated_logs_match_the_path_table_route(
    journeys: dict[str, Journey], model: str
) -> None:
    folder = Path(tempfile.mkdtemp(prefix="jk-attr-"))
    event_store(folder, journeys)
    engine = Engine.for_workspace(folder)
    try:
        result = attribution(EventLog.of(engine), "buy", model)
        expected = attribute(paths_of(journeys, "buy"), model)
        assert credits(result.to_rows()) == pytest.approx(credits(expected.to_rows()), abs=1e-9)
        total = sum(1 for events in journeys.values() if any(e == "buy" for _, e, _ in events))
        assert result.credited_total() == pytest.approx(total)
    finally:
        engine.close()
