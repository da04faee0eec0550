"""Text columns as Arrow dictionaries, and columns that repeat one value without storing it n times.

Customer ids, event names, channels, sources and file names repeat: 20 million events have
a few hundred thousand customers, a few dozen event names and one file name. A dictionary
column stores each distinct value once plus a 4-byte index per row, so work on the values
(trimming, checking for empty ones, hashing ids) is done once per distinct value, and a whole
import fits in memory. Parquet files hand their text columns over as dictionaries already.

>>> column = text_dictionary(pa.array(["a", "b", "a", None]))
>>> column.dictionary.to_pylist(), column.indices.to_pylist()
(['a', 'b'], [0, 1, 0, None])
>>> rows_where(column, pc.equal(column.dictionary, "a")).tolist()
[True, False, True, False]
>>> repeated("x.csv", 3).to_pylist(), all_null(pa.string(), 2).to_pylist()
(['x.csv', 'x.csv', 'x.csv'], [None, None])
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

#: The type of every text column of ``RAW_EVENTS`` that repeats its values.
TEXT_DICTIONARY = pa.dictionary(pa.int32(), pa.string())

# Constant columns are chunks that all point at one buffer of this many rows.
_CHUNK_ROWS = 1 << 20
_ZEROS = pa.py_buffer(np.zeros(_CHUNK_ROWS + 1, np.int32).tobytes())
_NO_BITS = pa.py_buffer(np.zeros(_CHUNK_ROWS // 8 + 1, np.uint8).tobytes())


def text_dictionary(values: pa.Array | pa.ChunkedArray) -> pa.DictionaryArray:
    """``values`` (text, or a dictionary of text) as one ``dictionary<int32, string>`` array."""
    if isinstance(values, pa.ChunkedArray):
        if pa.types.is_dictionary(values.type) and values.num_chunks > 1:
            return _unified(values)
        values = values.combine_chunks() if values.num_chunks != 1 else values.chunk(0)
    if not pa.types.is_dictionary(values.type):
        values = pc.dictionary_encode(pc.cast(values, pa.string()))
    return _typed(values.indices, values.dictionary)


def _typed(indices: pa.Array, dictionary: pa.Array) -> pa.DictionaryArray:
    if indices.type != pa.int32():
        indices = pc.cast(indices, pa.int32())
    if dictionary.type != pa.string():
        dictionary = pc.cast(dictionary, pa.string())
    result: pa.DictionaryArray = pa.DictionaryArray.from_arrays(indices, dictionary)
    return result


def _unified(column: pa.ChunkedArray) -> pa.DictionaryArray:
    """Chunks with dictionaries of their own (one per Parquet row group) as one array.

    Each chunk's codes are translated into one output buffer; Arrow's own unify-then-combine
    would hold the codes of the whole column twice more.
    """
    chunks = column.chunks
    # A null among a dictionary's values is kept as a value, so the indices stay aligned.
    everything = pc.dictionary_encode(
        pa.concat_arrays([c.dictionary for c in chunks]), null_encoding="encode"
    )
    translate = everything.indices.to_numpy(zero_copy_only=False).astype(np.int32)
    codes = np.zeros(len(column), np.int32)
    valid = np.ones(len(column), bool) if column.null_count else None
    start = offset = 0
    for chunk in chunks:
        end = start + len(chunk)
        local = chunk.indices
        if local.null_count and valid is not None:
            valid[start:end] = local.is_valid().to_numpy(zero_copy_only=False)
            local = local.fill_null(0)
        if len(chunk.dictionary):  # else every row of the chunk is null
            codes[start:end] = translate[offset + local.to_numpy(zero_copy_only=False)]
        start, offset = end, offset + len(chunk.dictionary)
    indices = pa.array(codes, mask=None if valid is None else ~valid)
    return _typed(indices, everything.dictionary)


def map_values(
    values: pa.DictionaryArray, change: Callable[[pa.Array], pa.Array]
) -> pa.DictionaryArray:
    """``values`` with ``change`` applied to each distinct value (the indices stay as they are)."""
    result: pa.DictionaryArray = pa.DictionaryArray.from_arrays(
        values.indices, change(values.dictionary)
    )
    return result


def rows_where(values: pa.DictionaryArray, test: pa.Array | np.ndarray) -> np.ndarray:
    """Per row, ``test`` of its dictionary value (a boolean per value); False for null rows."""
    if isinstance(test, np.ndarray):
        per_value = test.astype(bool)
    else:
        per_value = test.fill_null(False).to_numpy(zero_copy_only=False).astype(bool)
    # One extra False for null rows, whose index is pointed at it.
    lookup = np.append(per_value, False)
    indices = values.indices
    if indices.null_count:
        indices = indices.fill_null(len(per_value))
    result: np.ndarray = lookup[indices.to_numpy(zero_copy_only=False)]
    return result


def fill_null_value(values: pa.DictionaryArray, value: str) -> pa.DictionaryArray:
    """``values`` with null rows holding ``value`` (added to the dictionary)."""
    if not values.null_count:
        return values
    dictionary = pa.concat_arrays([values.dictionary, pa.array([value], values.dictionary.type)])
    indices = values.indices.fill_null(len(values.dictionary))
    result: pa.DictionaryArray = pa.DictionaryArray.from_arrays(indices, dictionary)
    return result


def null_rows(values: pa.DictionaryArray, mask: np.ndarray) -> pa.DictionaryArray:
    """``values`` with the rows where ``mask`` is true set to null."""
    if not mask.any():
        return values
    indices = pc.if_else(pa.array(mask), pa.scalar(None, pa.int32()), values.indices)
    result: pa.DictionaryArray = pa.DictionaryArray.from_arrays(indices, values.dictionary)
    return result


def _chunk_lengths(n: int) -> list[int]:
    full, rest = divmod(n, _CHUNK_ROWS)
    return [_CHUNK_ROWS] * full + ([rest] if rest or not full else [])


def repeated(value: str, n: int) -> pa.ChunkedArray:
    """``value`` in each of ``n`` rows, as a text dictionary whose chunks share one index buffer."""
    dictionary = pa.array([value], pa.string())
    chunks = [
        pa.DictionaryArray.from_arrays(
            pa.Array.from_buffers(pa.int32(), length, [None, _ZEROS]), dictionary
        )
        for length in _chunk_lengths(n)
    ]
    return pa.chunked_array(chunks, TEXT_DICTIONARY)


def all_null(kind: pa.DataType, n: int) -> pa.ChunkedArray:
    """``n`` nulls of text or text-dictionary ``kind``, in chunks sharing one set of buffers."""
    chunks: list[pa.Array] = []
    for length in _chunk_lengths(n):
        if pa.types.is_dictionary(kind):
            indices = pa.Array.from_buffers(
                pa.int32(), length, [_NO_BITS, _ZEROS], null_count=length
            )
            chunks.append(pa.DictionaryArray.from_arrays(indices, pa.array([], pa.string())))
        else:
            buffers = [_NO_BITS, _ZEROS, pa.py_buffer(b"")]
            chunks.append(pa.Array.from_buffers(pa.string(), length, buffers, null_count=length))
    return pa.chunked_array(chunks, kind)
