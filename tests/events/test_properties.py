"""Laws every event log obeys, on generated logs (DuckDB; the parity suite covers Spark)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from journeykit.events.engine import Engine
from journeykit.events.log import EventLog
from journeykit.events.metrics.funnel import funnel
from journeykit.events.metrics.transitions import transitions
from journeykit.events.metrics.variants import variants
from tests.events.journeys import Journey, event_store

EVENTS = ["view", "cart", "buy", "mail", "call"]
journeys = st.dictionaries(
    st.sampled_from([f"c{i}" for i in range(12)]),
    st.lists(
        st.tuples(
            st.integers(0, 300).map(float), st.sampled_from(EVENTS), st.none() | st.just("web")
        ),
        min_size=1,
        max_size=8,
    ),
    min_size=1,
    max_size=8,
)


def open_log(data: dict[str, Journey]) -> EventLog:
    folder = Path(tempfile.mkdtemp(prefix="jk-prop-"))
    event_store(folder, data)
    return EventLog.of(Engine.for_workspace(folder))


@settings(max_examples=40, deadline=None)
@given(journeys, st.lists(st.sampled_from(EVENTS), min_size=1, max_size=4))
def test_laws(data: dict[str, Journey], steps: list[str]) -> None:
    log = open_log(data)
    events = sum(len(v) for v in data.values())
    # every event but each customer's last starts exactly one transition
    assert sum(r["count"] for r in transitions(log)) == events - len(data)
    # variants partition the customers
    assert sum(r["customers"] for r in variants(log, top=0)) == len(data)
    occurring = [s for s in steps if any(e == s for v in data.values() for _, e, _ in v)]
    if len(occurring) == len(steps):
        counts = [r["customers"] for r in funnel(log, steps)]
        assert counts == sorted(counts, reverse=True)  # a funnel never widens
        assert counts[0] == sum(1 for v in data.values() if any(e == steps[0] for _, e, _ in v))
    log.engine.close()
