"""Reading path files: ChannelAttribution and Google Analytics layouts, encodings, numbers."""

from __future__ import annotations

from pathlib import Path

import pytest

from journeykit.events.attribution import (
    BadNumber,
    BadRow,
    EmptyFile,
    MissingColumn,
    NeedsTimestamps,
    PathFileMissing,
    PathRow,
    PathTable,
    attribute,
    read_path_table,
)
from journeykit.events.attribution.textnumbers import decimal_mark_of, parse_number


def write(tmp_path: Path, content: str | bytes, name: str = "paths.csv") -> Path:
    file = tmp_path / name
    if isinstance(content, str):
        file.write_text(content, encoding="utf-8", newline="")
    else:
        file.write_bytes(content)
    return file


def test_channel_attribution_layout(tmp_path: Path) -> None:
    file = write(
        tmp_path,
        "path,total_conversions,total_conversion_value,total_null\n"
        "c1 > c2 > c3,2,20.5,3\n"
        "c2,1,5,0\n",
    )
    assert read_path_table(file) == PathTable(
        [PathRow(("c1", "c2", "c3"), 2, 3, 20.5), PathRow(("c2",), 1, 0, 5.0)]
    )


def test_value_column_is_optional(tmp_path: Path) -> None:
    table = read_path_table(write(tmp_path, "path,total_conversions,total_null\nA > B,1,2\n"))
    assert table.rows == (PathRow(("A", "B"), 1.0, 2.0),)
    assert not table.has_values


def test_a_bom_is_not_part_of_the_first_header(tmp_path: Path) -> None:
    file = write(tmp_path, "\ufeffpath,total_conversions,total_null\nA,1,0\n".encode())
    assert read_path_table(file).rows == (PathRow(("A",), 1.0, 0.0),)


def test_semicolons_and_german_decimal_commas(tmp_path: Path) -> None:
    file = write(
        tmp_path,
        "Pfad;Konversionen;total_null;Umsatz\n"
        "Preisvergleich > Shop;1,5;2;1.234,50\n"
        "Shop;3;0;99,9\n",
    )
    assert read_path_table(file).rows == (
        PathRow(("Preisvergleich", "Shop"), 1.5, 2.0, 1234.5),
        PathRow(("Shop",), 3.0, 0.0, 99.9),
    )


def test_tabs_and_utf16_from_excel_unicode_text(tmp_path: Path) -> None:
    text = "path\ttotal_conversions\ttotal_null\r\nA > Ü\t2\t1\r\n"
    table = read_path_table(write(tmp_path, text.encode("utf-16")))
    assert table.rows == (PathRow(("A", "Ü"), 2.0, 1.0),)


def test_quoted_cells_may_hold_delimiters_and_quotes(tmp_path: Path) -> None:
    file = write(
        tmp_path,
        'path,total_conversions,total_null\n"Search, paid > ""Deals"" mail","1,234.5",0\n',
    )
    assert read_path_table(file).rows == (PathRow(("Search, paid", '"Deals" mail'), 1234.5, 0),)


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_windows_and_latin1_files(tmp_path: Path, encoding: str) -> None:
    text = "path;total_conversions;total_null\nPreisvergleich > Bäckerei Müller;2;1\n"
    table = read_path_table(write(tmp_path, text.encode(encoding)))
    assert table.channels == ("Bäckerei Müller", "Preisvergleich")


def test_bytes_only_latin1_can_decode_fall_back_to_it(tmp_path: Path) -> None:
    # 0x81 is undefined in Windows-1252, so only Latin-1 reads this file.
    table = read_path_table(write(tmp_path, b"path,total_conversions\nA\x81 > \xe9,1\n"))
    assert table.channels == ("A\x81", "é")


def test_google_analytics_conversion_paths_export(tmp_path: Path) -> None:
    file = write(
        tmp_path,
        "# ----------------------------------------\n"
        "# Top Conversion Paths\n"
        "# 20240101-20240131\n"
        "# ----------------------------------------\n"
        "\n"
        "MCF Channel Grouping Path,Conversions,Conversion Value\n"
        'Direct > Direct > Organic Search,"1,234","$12,345.60"\n'
        "Organic Search,7,$70.00\n"
        "\n"
        "# ----------------------------------------\n"
        "Day Index,Conversions\n"
        "1/1/24,5\n",
    )
    table = read_path_table(file)
    assert table.rows == (
        PathRow(("Direct", "Organic Search"), 1234.0, 0.0, 12345.6),
        PathRow(("Organic Search",), 7.0, 0.0, 70.0),
    )


@pytest.mark.parametrize(
    "header",
    [
        "Conversion Path,Total Conversions,Total Null",
        "PATH,conversions,nulls",
        "channel_path,total-conversions,non_conversions",
        "Channel Path,Key events,total nulls",
    ],
)
def test_common_header_synonyms(tmp_path: Path, header: str) -> None:
    table = read_path_table(write(tmp_path, f"{header}\nA > B,3,1\n"))
    assert table.rows == (PathRow(("A", "B"), 3.0, 1.0),)


def test_columns_can_be_named(tmp_path: Path) -> None:
    file = write(tmp_path, "route|conv|lost|rev\n".replace("|", ",") + "a/b,2,1,8\n")
    table = read_path_table(
        file,
        path_column="route",
        conversions_column="conv",
        nulls_column="lost",
        value_column="rev",
        separator="/",
    )
    assert table.rows == (PathRow(("a", "b"), 2.0, 1.0, 8.0),)


def test_a_missing_column_is_named_with_a_suggestion(tmp_path: Path) -> None:
    file = write(tmp_path, "path,total_conv,total_null\nA,1,0\n")
    with pytest.raises(MissingColumn) as caught:
        read_path_table(file)
    error = caught.value
    assert error.code == "missing_column"
    assert error.suggestion == "total_conv"
    assert str(file) in error.message
    assert "'total_conversions'" in error.message
    assert error.hint == "did you mean 'total_conv'?"


@pytest.mark.parametrize(
    ("options", "missing"),
    [
        ({"nulls_column": "lost"}, "lost"),
        ({"value_column": "revenue"}, "revenue"),
        ({"path_column": "route"}, "route"),
    ],
)
def test_named_columns_must_exist(tmp_path: Path, options: dict[str, str], missing: str) -> None:
    file = write(tmp_path, "path,total_conversions,total_null\nA,1,0\n")
    with pytest.raises(MissingColumn, match=f"no column '{missing}'"):
        read_path_table(file, **options)


@pytest.mark.parametrize(
    ("cell", "reason"),
    [
        ("zwei", "is not a number"),
        ("-1", "is negative"),
        ('""', "is empty"),
        ('"1,2,3"', "separators"),
    ],
)
def test_a_bad_number_names_file_line_and_column(tmp_path: Path, cell: str, reason: str) -> None:
    file = write(tmp_path, f"path,total_conversions,total_null\nA,1,0\nB,{cell},0\n")
    with pytest.raises(BadNumber) as caught:
        read_path_table(file)
    error = caught.value
    assert (error.code, error.line, error.column) == ("bad_number", 3, "total_conversions")
    assert error.message.startswith(f"{file}, line 3, column 'total_conversions': ")
    assert reason in error.message


def test_a_short_row_is_refused_with_its_line(tmp_path: Path) -> None:
    file = write(tmp_path, "path,total_conversions,total_null\nA,1,0\nB,2\n")
    with pytest.raises(BadRow) as caught:
        read_path_table(file)
    assert (caught.value.code, caught.value.line) == ("bad_row", 3)


@pytest.mark.parametrize("cell", ["A >  > B", "A >", " > B"])
def test_an_empty_channel_name_is_refused(tmp_path: Path, cell: str) -> None:
    file = write(tmp_path, f"path,total_conversions\n{cell},1\n")
    with pytest.raises(BadRow, match="empty channel name") as caught:
        read_path_table(file)
    assert caught.value.line == 2


def test_a_conversion_without_a_path_is_refused_with_its_line(tmp_path: Path) -> None:
    file = write(tmp_path, "path,total_conversions,total_null\nA,1,0\n,4,0\n")
    with pytest.raises(BadRow, match="without any touchpoint") as caught:
        read_path_table(file)
    assert caught.value.line == 3


@pytest.mark.parametrize(
    "content", ["", "\n\n", "# just a comment\n", "\ufeff", "path,total_conversions\n"]
)
def test_an_empty_file_is_refused(tmp_path: Path, content: str) -> None:
    with pytest.raises(EmptyFile) as caught:
        read_path_table(write(tmp_path, content))
    assert caught.value.code == "empty_file"


def test_a_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(PathFileMissing) as caught:
        read_path_table(tmp_path / "nope.csv")
    assert caught.value.code == "file_not_found"


def test_repeats_in_the_file_are_collapsed_and_merged(tmp_path: Path) -> None:
    file = write(
        tmp_path, "path,total_conversions,total_null\nA > A > B,1,0\nA>B,2,1\nA > B > B,0,1\n"
    )
    assert read_path_table(file).rows == (PathRow(("A", "B"), 3.0, 2.0),)


def test_both_routes_meet_in_the_same_models(tmp_path: Path) -> None:
    file = write(tmp_path, "path,total_conversions,total_null\nA > B,1,0\nA,0,1\nB,1,0\n")
    direct = PathTable.from_paths([("A > B", 1, 0), ("A", 0, 1), ("B", 1, 0)])
    for model in ("first", "last", "linear", "position", "markov", "shapley"):
        assert attribute(read_path_table(file), model) == attribute(direct, model)
    with pytest.raises(NeedsTimestamps):
        attribute(read_path_table(file), "time_decay")


@pytest.mark.parametrize(
    ("text", "mark", "number"),
    [
        ("12", ".", 12.0),
        ("12,5", ".", 12.5),
        ("0,333", ".", 0.333),
        ("1.234,5", ".", 1234.5),
        ("1,234.5", ",", 1234.5),
        ("1,234", ".", 1234.0),
        ("1,234", ",", 1.234),
        ("1.234", ",", 1234.0),
        ("1.234.567", ".", 1234567.0),
        ("1 234,5", ".", 1234.5),
        ("€ 9,99", ".", 9.99),
        ("1e+05", ".", 100000.0),
        ("+3", ".", 3.0),
    ],
)
def test_numbers_in_local_formats(text: str, mark: str, number: float) -> None:
    assert parse_number(text, mark) == number


@pytest.mark.parametrize("text", ["", "abc", "-2", "1,2,3", "1.2.3,4,5", "nan", "inf", "1..2"])
def test_not_numbers(text: str) -> None:
    with pytest.raises(ValueError):
        parse_number(text)


def test_the_decimal_mark_comes_from_clear_cells_then_the_delimiter() -> None:
    assert decimal_mark_of(["1,234", "0,5"], ",") == ","
    assert decimal_mark_of(["1,234", "2.5"], ";") == "."
    assert decimal_mark_of(["1,234"], ",") == "."
    assert decimal_mark_of(["1,234"], ";") == ","
    assert decimal_mark_of(["1,5", "2.5"], ",") == "."  # conflicting: fall back
