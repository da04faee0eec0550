"""Segment filters: the parser, every operator on DuckDB, refused SQL, personas, and Spark."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import ibis
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journeykit.events.filters import (
    And,
    Compare,
    Contains,
    FilterExpr,
    FilterTypeMismatch,
    InList,
    InvalidFilter,
    IsNull,
    Not,
    Or,
    UnknownAttribute,
    attributes,
    from_segment,
    parse_filter,
    to_ibis,
    to_text,
)
from journeykit.events.filters.parser import KEYWORDS
from journeykit.model.persona import Condition, Segment

UTC = dt.UTC

# Six customers; c3 has no attributes at all, c6's region is lower case on purpose.
CUSTOMERS = pa.table(
    {
        "customer_id": ["c1", "c2", "c3", "c4", "c5", "c6"],
        "age": pa.array([25, 41, None, 33, 58, 30], pa.int64()),
        "region": ["BY", "BW", None, "BY", "NW", "by"],
        "city": ["München", "Stuttgart", None, "Nürnberg", "Köln", "Bad Tölz"],
        "vip": [True, False, None, False, True, False],
        "revenue": [120.5, 0.0, None, 45.0, 300.0, 12.25],
        "signup": pa.array(
            [
                dt.date(2024, 1, 15),
                dt.date(2024, 3, 1),
                None,
                dt.date(2024, 6, 30),
                dt.date(2023, 12, 31),
                dt.date(2024, 3, 1),
            ]
        ),
        "last_seen": pa.array(
            [
                dt.datetime(2024, 3, 1, 10, 0, tzinfo=UTC),
                dt.datetime(2024, 2, 29, 23, 59, tzinfo=UTC),
                None,
                dt.datetime(2024, 3, 2, 0, 0, tzinfo=UTC),
                dt.datetime(2024, 1, 1, 0, 0, tzinfo=UTC),
                dt.datetime(2024, 3, 1, 23, 59, 59, tzinfo=UTC),
            ],
            pa.timestamp("us", tz="UTC"),
        ),
    }
)


@pytest.fixture(scope="module")
def customers() -> Iterator[ibis.Table]:
    con = ibis.duckdb.connect()
    yield con.create_table("customers", CUSTOMERS)
    con.disconnect()


def matching(table: ibis.Table, text: str) -> set[str]:
    rows = table.filter(to_ibis(parse_filter(text), table)).customer_id.to_pyarrow()
    return set(rows.to_pylist())


# --- parsing


def cmp(attribute: str, value: Any, op: str = "==") -> Compare:
    return Compare(attribute, op, value)  # type: ignore[arg-type]


def test_not_binds_tighter_than_and_and_and_tighter_than_or() -> None:
    assert parse_filter("a == 1 or b == 2 and not c == 3") == Or(
        (cmp("a", 1), And((cmp("b", 2), Not(cmp("c", 3)))))
    )
    assert parse_filter("not a == 1 and b == 2") == And((Not(cmp("a", 1)), cmp("b", 2)))


def test_parentheses_override_precedence() -> None:
    assert parse_filter("(a == 1 or b == 2) and c == 3") == And(
        (Or((cmp("a", 1), cmp("b", 2))), cmp("c", 3))
    )
    assert parse_filter("not (a == 1 and b == 2)") == Not(And((cmp("a", 1), cmp("b", 2))))
    assert parse_filter("((a is null))") == IsNull("a")


def test_chains_of_one_operator_are_one_node() -> None:
    assert parse_filter("a == 1 and b == 2 and c == 3") == And(
        (cmp("a", 1), cmp("b", 2), cmp("c", 3))
    )
    assert parse_filter("not not a == 1") == Not(Not(cmp("a", 1)))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("age >= 30", cmp("age", 30, ">=")),
        ("x < -2.5", cmp("x", -2.5, "<")),
        ("x > 1e3", cmp("x", 1000.0, ">")),
        ("x <= 0", cmp("x", 0, "<=")),
        ("x != 'it''s'", None),  # doubled quotes are not an escape: two strings in a row
        ("name == 'O\\'Brien'", cmp("name", "O'Brien")),
        ('name == "say \\"hi\\" \\\\ bye"', cmp("name", 'say "hi" \\ bye')),
        ("vip == TRUE", cmp("vip", True)),
        ("vip != false", cmp("vip", False, "!=")),
        ("signup >= 2024-03-01", cmp("signup", "2024-03-01", ">=")),
        ("signup >= '2024-03-01'", cmp("signup", "2024-03-01", ">=")),
        ("region IN ['BY', \"BW\",]", InList("region", ("BY", "BW"))),
        ("region not in []", InList("region", (), negated=True)),
        ("age in [1, 2.5, true, 2024-01-01]", InList("age", (1, 2.5, True, "2024-01-01"))),
        ("city contains 'Mün'", Contains("city", "Mün")),
        ("city is null", IsNull("city")),
        ("city IS NOT NULL", IsNull("city", negated=True)),
        ("Region == 'x'", cmp("Region", "x")),
    ],
)
def test_conditions_and_values(text: str, expected: FilterExpr | None) -> None:
    if expected is None:
        with pytest.raises(InvalidFilter):
            parse_filter(text)
    else:
        assert parse_filter(text) == expected


@pytest.mark.parametrize(
    ("text", "column", "says"),
    [
        ("age == ", 8, "expected a value after '=='"),
        ("age >= 30 and", 14, "expected an attribute name"),
        ("age 30", 5, "expected an operator after 'age'"),
        ("age == 1,5", 9, "expected 'and', 'or' or the end"),
        ("region == BY", 11, "expected a value after '=='"),
        ("region == null", 11, "expected a value after '=='"),
        ("(age == 1", 10, "expected ')' to close the '(' at column 1"),
        ("age == 1)", 9, "expected 'and', 'or' or the end"),
        ("region in 'BY'", 11, "expected '[' after 'in'"),
        ("region in ['BY' 'BW']", 17, "expected ',' or ']'"),
        ("region not 'BY'", 12, "expected 'in' after 'region not'"),
        ("city contains 3", 15, "expected a quoted text after 'contains'"),
        ("city is empty", 9, "expected 'null' after 'is'"),
        ("name == 'open", 9, "is not closed"),
        ("name == 'a\\nb'", 11, "unknown escape"),
        ("signup == 2024-02-30", 11, "is not a date"),
        ("age == 30years", 8, "is not a number"),
        ("straße == 1", 5, "unexpected character 'ß'"),
        ("", 1, "the filter is empty"),
        ("   ", 1, "the filter is empty"),
    ],
)
def test_errors_say_what_was_expected_and_where(text: str, column: int, says: str) -> None:
    with pytest.raises(InvalidFilter) as caught:
        parse_filter(text)
    assert caught.value.code == "invalid_filter"
    assert caught.value.column == column
    assert says in caught.value.message
    assert f"at column {column}" in caught.value.message


def test_decimal_commas_get_a_hint() -> None:
    with pytest.raises(InvalidFilter) as caught:
        parse_filter("revenue > 1,5")
    assert caught.value.hint is not None and "'.' as decimal mark" in caught.value.hint


@pytest.mark.parametrize(
    "text",
    [
        "age == 1; DROP TABLE customers",
        "age == 1 -- comment",
        "age == 1 /* x */",
        "`age` == 1",
        "age = 1",
        "age <> 1",
        "age == 1 || 1 == 1",
        "age == 1 && region == 'BY'",
        "region == 'BY' or 1 == 1",
        "SELECT * FROM customers",
        "age == 1 union select password from users",
        "region like 'B%'",
        "age between 1 and 3",
        "cast(age as varchar) == '1'",
        "age == (select max(age) from customers)",
        "region == 'BY'' OR ''1''=''1'",
        "age == 0x1F",
        "age == 1 ! region",
    ],
)
def test_sql_is_refused(text: str) -> None:
    with pytest.raises(InvalidFilter) as caught:
        parse_filter(text)
    assert caught.value.code == "invalid_filter"


def test_sql_inside_a_quoted_value_is_just_text(customers: ibis.Table) -> None:
    text = "region == \"BY'; DROP TABLE customers; --\" or city contains \"' OR '1'='1\""
    assert matching(customers, text) == set()
    assert customers.count().to_pyarrow().as_py() == 6  # the table is still there


def test_deep_nesting_is_refused_not_a_crash() -> None:
    with pytest.raises(InvalidFilter, match="nests deeper"):
        parse_filter("(" * 200 + "a == 1" + ")" * 200)
    with pytest.raises(InvalidFilter, match="nests deeper"):
        parse_filter("not " * 200 + "a == 1")


def test_attributes_lists_every_name() -> None:
    assert attributes(parse_filter("a == 1 or not (b is null and c in [1])")) == {"a", "b", "c"}


names = st.from_regex(r"[A-Za-z_][A-Za-z0-9_]{0,8}", fullmatch=True).filter(
    lambda n: n.lower() not in KEYWORDS and n.lower() not in {"select", "from", "like", "in"}
)
values = st.one_of(
    st.booleans(),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=12),
)
leaves = st.one_of(
    st.builds(Compare, names, st.sampled_from(["==", "!=", "<", "<=", ">", ">="]), values),
    st.builds(InList, names, st.lists(values, max_size=3).map(tuple), st.booleans()),
    st.builds(Contains, names, st.text(max_size=12)),
    st.builds(IsNull, names, st.booleans()),
)
trees = st.recursive(
    leaves,
    lambda inner: st.one_of(
        st.builds(Not, inner),
        st.lists(inner, min_size=2, max_size=3).map(lambda xs: And(tuple(xs))),
        st.lists(inner, min_size=2, max_size=3).map(lambda xs: Or(tuple(xs))),
    ),
    max_leaves=8,
)


@settings(max_examples=300, deadline=None)
@given(trees)
def test_text_of_any_filter_parses_back_to_it(expr: FilterExpr) -> None:
    assert parse_filter(to_text(expr)) == expr


# --- compiling to Ibis on DuckDB: hand-checked customer sets


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("age == 33", {"c4"}),
        ("age != 33", {"c1", "c2", "c3", "c5", "c6"}),  # c3 has no age: it differs from 33
        ("age < 30", {"c1"}),
        ("age <= 30", {"c1", "c6"}),
        ("age > 41", {"c5"}),
        ("age >= 41", {"c2", "c5"}),
        ("revenue > 100.0", {"c1", "c5"}),
        ("revenue <= 12.25", {"c2", "c6"}),
        ("region == 'BY'", {"c1", "c4"}),
        ("region in ['BY', 'NW']", {"c1", "c4", "c5"}),
        ("region not in ['BY', 'NW']", {"c2", "c3", "c6"}),
        ("region in []", set()),
        ("region not in []", {"c1", "c2", "c3", "c4", "c5", "c6"}),
        ("age in [25, 58]", {"c1", "c5"}),
        ("city contains 'ü'", {"c1", "c4"}),
        ("city contains 'bad'", set()),  # case matters: "Bad Tölz" has a capital B
        ("city contains 'Bad'", {"c6"}),
        ("city contains '%'", set()),  # no LIKE wildcards
        ("region is null", {"c3"}),
        ("region is not null", {"c1", "c2", "c4", "c5", "c6"}),
        ("vip == true", {"c1", "c5"}),
        ("vip != true", {"c2", "c3", "c4", "c6"}),
        ("signup == 2024-03-01", {"c2", "c6"}),
        ("signup < '2024-01-01'", {"c5"}),
        ("signup in [2024-01-15, 2024-06-30]", {"c1", "c4"}),
        ("last_seen == 2024-03-01", {"c1", "c6"}),  # compared by UTC day
        ("last_seen >= 2024-03-01", {"c1", "c4", "c6"}),
        ("region > 'BY'", {"c5", "c6"}),  # text orders by code point: "NW" and "by"
    ],
)
def test_every_operator_picks_the_right_customers(
    customers: ibis.Table, text: str, expected: set[str]
) -> None:
    assert matching(customers, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("age >= 30 and region == 'BY'", {"c4"}),
        ("age >= 30 or region == 'BY'", {"c1", "c2", "c4", "c5", "c6"}),
        ("not region == 'BY'", {"c2", "c3", "c5", "c6"}),
        ("not (age < 30)", {"c2", "c3", "c4", "c5", "c6"}),
        ("region is not null and region != 'BY'", {"c2", "c5", "c6"}),
        ("vip == false and (region == 'BY' or city contains 'Tölz')", {"c4", "c6"}),
        ("not vip == true and not age > 40", {"c3", "c4", "c6"}),
    ],
)
def test_combinations_use_two_valued_logic(
    customers: ibis.Table, text: str, expected: set[str]
) -> None:
    assert matching(customers, text) == expected


def test_not_equal_and_not_equals_agree_for_missing_values(customers: ibis.Table) -> None:
    assert matching(customers, "region != 'BY'") == matching(customers, "not region == 'BY'")
    assert matching(customers, "age not in [25]") == matching(customers, "not age in [25]")


def test_an_unknown_attribute_suggests_the_nearest(customers: ibis.Table) -> None:
    with pytest.raises(UnknownAttribute) as caught:
        to_ibis(parse_filter("age > 3 and regon == 'BY'"), customers)
    assert caught.value.code == "unknown_attribute"
    assert caught.value.suggestion == "region"
    assert caught.value.hint == "did you mean 'region'?"
    with pytest.raises(UnknownAttribute) as caught:
        to_ibis(parse_filter("zzz is null"), customers)
    assert caught.value.suggestion is None
    assert caught.value.hint is not None and "customer_id" in caught.value.hint


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("age == '30'", "'age' holds numbers, but \"30\" is text"),
        ("age in [30, 'x']", "'age' holds numbers"),
        ("region == 3", "'region' holds text, but 3 is a number"),
        ("region == true", "is true or false"),
        ("vip == 1", "'vip' holds true or false"),
        ("vip < true", "'<' does not apply"),
        ("age contains '3'", "'contains' needs a text attribute"),
        ("signup == 'March'", "is not a date"),
        ("signup > 2024", "'signup' holds dates"),
        ("last_seen == 5", "'last_seen' holds dates"),
    ],
)
def test_a_value_of_the_wrong_kind_is_refused(customers: ibis.Table, text: str, says: str) -> None:
    with pytest.raises(FilterTypeMismatch) as caught:
        to_ibis(parse_filter(text), customers)
    assert caught.value.code == "filter_type_mismatch"
    assert says in caught.value.message


# --- personas


def test_a_persona_segment_filters_like_its_text(customers: ibis.Table) -> None:
    segment = Segment(
        all=[
            Condition(attribute="age", op="ge", value=30),
            Condition(attribute="age", op="lt", value=59),
            Condition(attribute="region", op="not_in", value=["NW"]),
            Condition(attribute="city", op="contains", value="a"),
            Condition(attribute="vip", op="ne", value=True),
        ]
    )
    expr = from_segment(segment)
    assert expr == parse_filter(
        "age >= 30 and age < 59 and region not in ['NW'] and city contains 'a' and vip != true"
    )
    selected = customers.filter(to_ibis(expr, customers)).customer_id.to_pyarrow().to_pylist()
    assert set(selected) == {"c2", "c6"}  # Stuttgart and Bad Tölz


@pytest.mark.parametrize(
    ("op", "value", "expected"),
    [
        ("eq", "BY", cmp("region", "BY")),
        ("ne", "BY", cmp("region", "BY", "!=")),
        ("le", 3, cmp("region", 3, "<=")),
        ("gt", 2.5, cmp("region", 2.5, ">")),
        ("in", ["BY", "BW"], InList("region", ("BY", "BW"))),
        ("not_in", [1], InList("region", (1,), negated=True)),
    ],
)
def test_every_condition_operator_converts(op: str, value: Any, expected: FilterExpr) -> None:
    segment = Segment(all=[Condition(attribute="region", op=op, value=value)])
    assert from_segment(segment) == expected


def test_contains_with_a_number_in_a_segment_is_refused() -> None:
    segment = Segment(all=[Condition(attribute="city", op="contains", value=3)])
    with pytest.raises(FilterTypeMismatch):
        from_segment(segment)


# --- the same filters on Spark (the session fixture lives in tests/events/conftest.py)

SPARK_FILTERS = [
    "age != 33",
    "region not in ['BY', 'NW']",
    "city contains 'ü' or vip == true",
    "not (age < 30) and region is not null",
    "signup >= 2024-03-01",
    "last_seen == 2024-03-01",
    "revenue <= 12.25 or region in []",
]


def test_spark_selects_the_same_customers(spark_session: Any, customers: ibis.Table) -> None:
    # Spark 4 reads Arrow itself; Ibis's loader goes through pandas and loses nulls.
    spark_session.createDataFrame(CUSTOMERS).createOrReplaceTempView("filter_customers")
    spark = ibis.pyspark.connect(spark_session)
    table = spark.table("filter_customers")
    for text in SPARK_FILTERS:
        rows = spark.to_pyarrow(table.filter(to_ibis(parse_filter(text), table)).customer_id)
        assert set(rows.to_pylist()) == matching(customers, text), text
