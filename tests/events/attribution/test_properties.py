"""Every model on random path tables: credits sum to the conversions, shares to 1, none < 0."""

from __future__ import annotations

import math
import random

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from journeykit.events.attribution import MODELS, PathRow, PathTable, attribute

MODELS_ON_PATHS = [model for model in MODELS if model != "time_decay"]

amounts = st.one_of(st.just(0.0), st.integers(1, 50).map(float), st.floats(0.01, 50))


@st.composite
def path_tables(draw: st.DrawFn, with_values: bool = False) -> PathTable:
    rows = draw(
        st.lists(
            st.tuples(
                st.lists(st.sampled_from("ABCDEF"), min_size=1, max_size=6),
                amounts,
                amounts,
                amounts,
            ),
            min_size=1,
            max_size=10,
        )
    )
    return PathTable(
        PathRow(tuple(channels), conversions, nulls, value if with_values else None)
        for channels, conversions, nulls, value in rows
    )


@settings(max_examples=100, deadline=None)
@given(path_tables())
@pytest.mark.parametrize("model", MODELS_ON_PATHS)
def test_credits_sum_to_the_conversions(model: str, table: PathTable) -> None:
    assume(table.total_conversions > 0)
    result = attribute(table, model)
    credits = result.credits()
    assert set(credits) == set(table.channels)
    assert all(credit >= 0 for credit in credits.values())
    assert math.fsum(credits.values()) == pytest.approx(table.total_conversions, rel=1e-9)
    assert math.fsum(row.share for row in result.rows) == pytest.approx(1.0, rel=1e-9)
    ordered = [(-round(row.conversions, 9), row.touchpoint) for row in result.rows]
    assert ordered == sorted(ordered)


@settings(max_examples=50, deadline=None)
@given(path_tables(with_values=True))
@pytest.mark.parametrize("model", MODELS_ON_PATHS)
def test_value_credits_sum_to_the_value(model: str, table: PathTable) -> None:
    assume(table.total_conversions > 0)
    rows = attribute(table, model).to_rows()
    assert all(set(row) == {"touchpoint", "conversions", "share", "value"} for row in rows)
    values = [float(row["value"]) for row in rows]
    assert all(value >= 0 for value in values)
    assert math.fsum(values) == pytest.approx(table.total_value or 0.0, rel=1e-9, abs=1e-9)


@settings(max_examples=50, deadline=None)
@given(path_tables(), st.randoms(use_true_random=False))
@pytest.mark.parametrize("model", MODELS_ON_PATHS)
def test_the_order_of_the_rows_does_not_matter(
    model: str, table: PathTable, shuffler: random.Random
) -> None:
    assume(table.total_conversions > 0)
    rows = list(table.rows)
    shuffler.shuffle(rows)
    shuffled = attribute(PathTable(rows), model).credits()
    for channel, credit in attribute(table, model).credits().items():
        assert shuffled[channel] == pytest.approx(credit, rel=1e-12, abs=1e-12)
