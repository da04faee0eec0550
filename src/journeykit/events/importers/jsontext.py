"""Properties as JSON object text, built column-wise: one ``"key":value`` fragment per cell,
joined per row with the empty ones skipped.

Keys are sorted, so the same row always gives the same text (the store deduplicates on it).

>>> import pyarrow as pa
>>> objects([json_field("a", pa.array(["1,5", None]), text_cells=True, decimal=","),
...          json_field("b", pa.array(["x", ""]), text_cells=True)], 2).to_pylist()
['{"a":1.5,"b":"x"}', None]
"""

from __future__ import annotations

import json
from collections.abc import Sequence

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from journeykit.events.importers.cells import empty_as_null, null_where, raw_bytes, trim
from journeykit.events.importers.numeric import number_text

_RARE_CONTROL = r"[\x00-\x07\x0b\x0e-\x1f]"
# The short escapes JSON has, backslash first; other control characters become \u00XX.
_ESCAPES = (
    ("\\", "\\\\"),
    ('"', '\\"'),
    ("\n", "\\n"),
    ("\r", "\\r"),
    ("\t", "\\t"),
    ("\b", "\\b"),
    ("\f", "\\f"),
)
_SHORT = frozenset(ord(plain) for plain, _ in _ESCAPES)
#: Rows sampled to decide whether rendering distinct values once pays.
_SAMPLE = 100_000
_NO_TEXT = pa.scalar(None, pa.string())


def json_strings(values: pa.Array, prefix: str = "") -> pa.Array:
    """Each string as a JSON string literal (quotes included), after ``prefix``; nulls stay null.

    Which escapes are needed is decided on the raw bytes with numpy (one fast pass), so clean
    text, the usual case, costs a single join.
    """
    present = _specials(raw_bytes(values))
    if present:
        for plain, escaped in _ESCAPES:
            if ord(plain) in present:
                values = pc.replace_substring(values, plain, escaped)
        if present - _SHORT:
            # Other control characters are rare enough to escape value by value.
            mask = pc.match_substring_regex(values, _RARE_CONTROL).fill_null(False)
            fixed = [
                json.dumps(v, ensure_ascii=False)[1:-1] for v in values.filter(mask).to_pylist()
            ]
            values = pc.replace_with_mask(values, mask, pa.array(fixed, values.type))
    return pc.binary_join_element_wise(prefix + '"', values, '"', "")


def _specials(raw: np.ndarray) -> set[int]:
    """The bytes among ``raw`` that JSON must escape: control characters, quote, backslash."""
    found = {byte for byte in (0x22, 0x5C) if (raw == byte).any()}
    if len(raw) and raw.min() < 0x20:
        found |= set(np.unique(raw[raw < 0x20]).tolist())
    return found


def json_values(column: pa.Array, *, text_cells: bool = False, decimal: str = ".") -> pa.Array:
    """Each cell as JSON value text, null where the cell has no value (and is left out).

    ``text_cells`` is for CSV: cells are trimmed, empty ones left out, and numbers written as
    text (with ``decimal`` as separator) become JSON numbers.
    """
    return json_field(None, column, text_cells=text_cells, decimal=decimal)


def json_field(
    key: str | None, column: pa.Array, *, text_cells: bool = False, decimal: str = "."
) -> pa.Array:
    """Each cell as ``,"key":value`` (the comma leads, for :func:`objects`), null if no value.

    With ``key`` None, just the value text.
    """
    prefix = "" if key is None else "," + json.dumps(key, ensure_ascii=False) + ":"
    kind = column.type
    if pa.types.is_dictionary(kind):
        return json_field(key, column.dictionary_decode(), text_cells=text_cells, decimal=decimal)
    if pa.types.is_null(kind):
        return pa.nulls(len(column), pa.string())
    if pa.types.is_string(kind) or pa.types.is_large_string(kind) or pa.types.is_string_view(kind):
        values = pc.cast(column, pa.string())
        if _repetitive(values):
            # Categories, pages, prices: render each distinct value once, then look it up.
            encoded = pc.dictionary_encode(values)
            rendered = _string_field(encoded.dictionary, prefix, text_cells, decimal)
            return pc.take(rendered, encoded.indices)
        return _string_field(values, prefix, text_cells, decimal)
    if pa.types.is_boolean(kind):
        text = pc.if_else(column, "true", "false")
    elif pa.types.is_integer(kind) or pa.types.is_decimal(kind):
        text = pc.cast(column, pa.string())
    elif pa.types.is_floating(kind):
        # JSON has no NaN or infinity: such cells are left out like empty ones.
        text = pc.if_else(pc.is_finite(column), pc.cast(column, pa.string()), _NO_TEXT)
    elif pa.types.is_temporal(kind):
        return json_strings(pc.cast(column, pa.string()), prefix)
    elif pa.types.is_binary(kind) or pa.types.is_large_binary(kind):
        texts = pa.array([_text(v) for v in column.to_pylist()], pa.string())
        return json_strings(texts, prefix)
    else:
        text = nested_json(column)
    return pc.binary_join_element_wise(prefix, text, "") if prefix else text


def _repetitive(values: pa.Array) -> bool:
    """Whether the column repeats enough (judged on a sample) for rendering distinct values."""
    sample = values.slice(0, _SAMPLE)
    return len(values) > 1000 and pc.count_distinct(sample).as_py() < len(sample) // 2


def _string_field(values: pa.Array, prefix: str, text_cells: bool, decimal: str) -> pa.Array:
    if not text_cells:
        return json_strings(values, prefix)
    values = empty_as_null(trim(values))
    is_number, text = number_text(values, decimal)
    if not pc.any(is_number).as_py():
        return json_strings(values, prefix)
    numbers = pc.binary_join_element_wise(prefix, text, "") if prefix else text
    if pc.all(is_number).as_py():
        return numbers
    return pc.if_else(is_number, numbers, json_strings(values, prefix))


def _text(value: bytes | None) -> str | None:
    return None if value is None else value.decode("utf-8", errors="replace")


def nested_json(column: pa.Array) -> pa.Array:
    """Structs, lists and maps as JSON text, rendered by DuckDB (vectorised, nested any depth)."""
    table = pa.table({"v": column})
    with duckdb.connect() as con:
        con.register("cells", table)
        result = con.sql("SELECT CAST(to_json(v) AS VARCHAR) AS j FROM cells").to_arrow_table()
    return pc.cast(result.column("j").combine_chunks(), pa.string())


def objects(fields: Sequence[pa.Array], length: int) -> pa.Array:
    """Per row, the JSON object of the non-null ``fields`` from :func:`json_field`.

    The caller passes the fields sorted by key. A row with no field gets null rather than
    ``{}``: "no properties" is one thing.
    """
    if not fields:
        return pa.nulls(length, pa.string())
    # Every field brings its own leading comma; the one after "{" is cut below. The non-null
    # braces also keep every row in the result: pyarrow 26 drops rows whose values are all
    # null from a "skip" join (the result comes out shorter).
    joined = pc.binary_join_element_wise("{", *fields, "}", "", null_handling="skip")
    # Byte-wise is safe: byte 1 is always the ASCII comma (or the closing brace).
    cut = pc.binary_replace_slice(joined, 1, 2, "")
    if any(field.null_count == 0 for field in fields):
        return cut  # no row can be empty
    return null_where(cut, pc.equal(joined, "{}"))
