"""GA4 ``event_params`` (a list of ``{key, value{string_value, int_value, ...}}`` per event) as
one JSON object per event, keys sorted, built column-wise over all parameters at once.

The parameters of all events are one flat array; numpy sorts them by (event, key) and the
sorted fragments are joined per event through a list array. Each fragment brings its own
comma, and braces are extra list items, so the text is joined once and one comma cut.

>>> import pyarrow as pa
>>> value = {"string_value": None, "int_value": None, "double_value": None, "float_value": None}
>>> params = pa.array([[{"key": "b", "value": value | {"int_value": 2}},
...                     {"key": "a", "value": value | {"string_value": "x"}}], [], None])
>>> param_properties(params, 3).to_pylist()
['{"a":"x","b":2}', None, None]
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from journeykit.events.importers.jsontext import json_strings, json_values

#: The value fields in the order their first non-null one is taken.
VALUE_FIELDS = ("string_value", "int_value", "double_value", "float_value")
_NO_TEXT = pa.scalar(None, pa.string())


def param_properties(params: pa.Array | pa.ChunkedArray | None, n: int) -> pa.Array:
    """``event_params`` as JSON objects (null for an event without parameters)."""
    if params is None:
        return pa.nulls(n, pa.string())
    lists = params.combine_chunks() if isinstance(params, pa.ChunkedArray) else params
    if not (pa.types.is_list(lists.type) or pa.types.is_large_list(lists.type)):
        return pa.nulls(n, pa.string())
    items = pc.list_flatten(lists)
    kind = items.type
    if len(items) == 0 or not pa.types.is_struct(kind) or kind.get_field_index("key") < 0:
        return pa.nulls(n, pa.string())
    parents = pc.list_parent_indices(lists).to_numpy(zero_copy_only=False)
    keys = pc.dictionary_encode(pc.cast(pc.struct_field(items, "key"), pa.string()))
    codes = keys.indices
    # ',"key":' per distinct key, then looked up: the keys repeat on every event.
    prefixes = pc.binary_join_element_wise(json_strings(keys.dictionary, ","), ":", "")
    fragments, present = _fragments(items, pc.take(prefixes, codes))
    present &= codes.is_valid().to_numpy(zero_copy_only=False)
    return _objects(fragments, present, parents, keys.dictionary, codes, n)


def _fragments(items: pa.Array, prefixes: pa.Array) -> tuple[pa.Array, np.ndarray]:
    """``,"key":value`` per parameter, and which parameters have a value at all."""
    value = pc.struct_field(items, "value") if items.type.get_field_index("value") >= 0 else None
    if value is None or not pa.types.is_struct(value.type):
        return pa.nulls(len(items), pa.string()), np.zeros(len(items), bool)
    texts = [
        json_values(pc.struct_field(value, name), text_cells=name == "int_value")
        for name in VALUE_FIELDS
        if value.type.get_field_index(name) >= 0
    ]
    if not texts:
        return pa.nulls(len(items), pa.string()), np.zeros(len(items), bool)
    valid = np.stack([t.is_valid().to_numpy(zero_copy_only=False) for t in texts])
    if (valid.sum(axis=0) > 1).any():
        # Two values for one parameter (not seen in real exports): take the first.
        texts = [pc.coalesce(*texts)]
    # With at most one value per parameter, a "skip" join appends exactly that one.
    joined = pc.binary_join_element_wise(prefixes, *texts, "", null_handling="skip")
    present: np.ndarray = np.any(valid, axis=0)
    return joined, present


def _objects(
    fragments: pa.Array,
    present: np.ndarray,
    parents: np.ndarray,
    dictionary: pa.Array,
    codes: pa.Array,
    n: int,
) -> pa.Array:
    # Sort the present parameters by (event, key); the stable sort keeps a repeated key's
    # first value first, and only that one is kept.
    rank = pc.rank(dictionary, sort_keys="ascending").to_numpy(zero_copy_only=False)
    kept = np.flatnonzero(present)
    key_rank = rank[codes.fill_null(0).to_numpy(zero_copy_only=False)[kept]]
    order_key = parents[kept].astype(np.int64) * (len(rank) + 1) + key_rank
    order = np.argsort(order_key, kind="stable")
    sorted_key = order_key[order]
    first = np.ones(len(order), bool)
    first[1:] = sorted_key[1:] != sorted_key[:-1]
    chosen = kept[order[first]]
    counts = np.bincount(parents[chosen], minlength=n)
    # Each event's list: "{", its fragments, "}"; an event without any is a null list.
    sizes = np.where(counts > 0, counts + 2, 0)
    offsets = np.zeros(n + 1, np.int64)
    np.cumsum(sizes, out=offsets[1:])
    starts, ends = offsets[:-1][counts > 0], offsets[1:][counts > 0]
    take = np.empty(offsets[-1], np.int64)
    opening, closing = len(fragments), len(fragments) + 1
    take[starts] = opening
    take[ends - 1] = closing
    inner = np.ones(offsets[-1], bool)
    inner[starts] = False
    inner[ends - 1] = False
    take[inner] = chosen
    items = pa.concat_arrays([fragments, pa.array(["{", "}"], pa.string())])
    lists = pa.LargeListArray.from_arrays(
        pa.array(offsets), items.take(pa.array(take)), mask=pa.array(counts == 0)
    )
    joined = pc.binary_join(lists, "")
    result: pa.Array = pc.binary_replace_slice(joined, 1, 2, "")  # the comma after "{"
    return result
