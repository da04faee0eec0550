"""Path tables: collapsed repeats, merged duplicates, refused rows; the result's JSON rows."""

from __future__ import annotations

import math

import pytest

from journeykit.events.attribution import (
    AttributionResult,
    InvalidPath,
    PathRow,
    PathTable,
    collapse_repeats,
)


def test_consecutive_repeats_collapse_but_returns_stay() -> None:
    assert collapse_repeats(["A", "A", "B", "B", "A"]) == ("A", "B", "A")
    assert collapse_repeats([]) == ()


def test_paths_equal_after_collapsing_are_merged() -> None:
    table = PathTable(
        [
            PathRow(("A", "A", "B"), 1, 2, 10.0),
            PathRow(("A", "B", "B"), 2, 0, 5.0),
            PathRow(("B",), 1, 0, 3.0),
        ]
    )
    assert table.rows == (
        PathRow(("A", "B"), 3.0, 2.0, 15.0),
        PathRow(("B",), 1.0, 0.0, 3.0),
    )
    assert (table.total_conversions, table.total_nulls, table.total_value) == (4.0, 2.0, 18.0)


def test_rows_with_nothing_in_them_are_dropped() -> None:
    assert PathTable([PathRow(("A",), 0, 0)]).rows == ()


def test_null_journeys_without_touches_are_kept_harmlessly() -> None:
    table = PathTable([PathRow((), 0, 5), PathRow(("A",), 1, 0)])
    assert table.channels == ("A",)
    assert table.total_nulls == 5


@pytest.mark.parametrize(
    "row",
    [
        PathRow((), 1, 0),
        PathRow(("A", "(null)"), 1, 0),
        PathRow(("(start)",), 1, 0),
        PathRow(("A", ""), 1, 0),
        PathRow(("A",), -1, 0),
        PathRow(("A",), 1, math.nan),
        PathRow(("A",), 1, 0, math.inf),
    ],
)
def test_rows_no_model_can_use_are_refused(row: PathRow) -> None:
    with pytest.raises(InvalidPath) as caught:
        PathTable([row])
    assert caught.value.code == "invalid_path"


def test_values_on_some_rows_only_are_refused() -> None:
    with pytest.raises(InvalidPath, match="value"):
        PathTable([PathRow(("A",), 1, 0, 5.0), PathRow(("B",), 1, 0)])


def test_result_rows_are_ordered_by_credit_then_name() -> None:
    # 0.1 + 0.2 != 0.3 in floats; the tie still falls back to the name.
    result = AttributionResult.from_credits("x", {"C": 0.3, "B": 0.1 + 0.2, "A": 1.4}, 2.0)
    assert [row.touchpoint for row in result.rows] == ["A", "B", "C"]


def test_result_rows_have_exactly_the_json_keys() -> None:
    result = AttributionResult.from_credits("x", {"A": 1.0, "B": 3.0}, 4.0)
    assert result.to_rows() == [
        {"touchpoint": "B", "conversions": 3.0, "share": 0.75},
        {"touchpoint": "A", "conversions": 1.0, "share": 0.25},
    ]
    assert not result.has_values
    valued = AttributionResult.from_credits(
        "x", {"A": 1.0}, 1.0, value_credits={"A": 9.5}, total_value=9.5
    )
    assert valued.to_rows() == [{"touchpoint": "A", "conversions": 1.0, "share": 1.0, "value": 9.5}]
