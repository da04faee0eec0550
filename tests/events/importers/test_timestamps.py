"""Time parsing on its own: calendars, zones, clock changes and the block-wise slow path."""

from __future__ import annotations

import pyarrow as pa
import pytest

from journeykit.events.importers.timestamps import (
    EMPTY,
    INVALID,
    OK,
    UNPARSEABLE,
    MixedZones,
    parse_times,
)
from tests.events.importers.helpers import at


def test_leap_days_exist_only_in_leap_years() -> None:
    parsed = parse_times(pa.array(["29.02.2024", "29.02.2023", "2024-02-29 23:59:59"]))

    assert parsed.status.tolist() == [OK, INVALID, OK]
    assert parsed.ts.to_pylist() == [at("2024-02-29 00:00"), None, at("2024-02-29 23:59:59")]


def test_german_times_with_single_digits_and_uhr() -> None:
    parsed = parse_times(pa.array(["1.3.2024 9:05 Uhr", "01.03.2024, 09:05:30"]))

    assert parsed.ts.to_pylist() == [at("2024-03-01 09:05"), at("2024-03-01 09:05:30")]


def test_times_on_clock_change_days() -> None:
    # 31 March 2024, 02:30 does not exist in Berlin; 27 October, 02:30 happens twice.
    parsed = parse_times(
        pa.array(["2024-03-31 02:30", "2024-10-27 02:30"]), timezone="Europe/Berlin"
    )

    assert parsed.ts.to_pylist() == [at("2024-03-31 01:00"), at("2024-10-27 00:30")]


def test_a_few_bad_values_among_many_good_ones() -> None:
    values = ["2024-03-01 10:00:00"] * 70_000
    values[5] = "gestern"
    values[69_999] = ""

    parsed = parse_times(pa.array(values))

    assert (parsed.status == OK).sum() == 69_998
    assert parsed.status[[5, 69_999]].tolist() == [UNPARSEABLE, EMPTY]


def test_mixed_zones_name_the_first_of_each_kind() -> None:
    with pytest.raises(MixedZones) as caught:
        parse_times(pa.array(["x", "2024-03-01T10:00Z", "2024-03-01 10:00", "2024-03-01T11:00Z"]))

    assert (caught.value.naive, caught.value.zoned) == (2, 1)


def test_epoch_numbers_too_small_to_be_times() -> None:
    parsed = parse_times(pa.array([20240301, 1709287200]))

    assert parsed.ts.to_pylist() == [None, at("2024-03-01 10:00")]
