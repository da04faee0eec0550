"""Pseudonymous customer ids: a keyed hash, so ids join across files but cannot be reversed
without the workspace's key (and cannot be guessed by hashing candidate ids without it).

>>> import pyarrow as pa
>>> pseudonymise(pa.array(["C1", "C1", None]), b"key").to_pylist()
['2ce4e93535a853235015a9367748cd50', '2ce4e93535a853235015a9367748cd50', None]
>>> pseudonymise(pa.array(["C1", None]).dictionary_encode(), b"key").type
DictionaryType(dictionary<values=string, indices=int32, ordered=0>)
"""

from __future__ import annotations

import hmac

import pyarrow as pa
import pyarrow.compute as pc

from journeykit.events.importers.dictionary import map_values, text_dictionary

#: Hex characters kept of the HMAC-SHA256: 128 bits, collision-free for any realistic log.
DIGEST_CHARS = 32


def pseudonymise(ids: pa.Array | pa.ChunkedArray, key: bytes) -> pa.Array:
    """HMAC-SHA256 of each id under ``key``, as 32 hex characters; nulls stay null.

    Customers repeat across events, so each distinct id is hashed once and mapped back. A
    dictionary column stays one (with the digests as its values).
    """
    if not key:
        raise ValueError("the pseudonymisation key must not be empty")
    if pa.types.is_dictionary(ids.type):
        return map_values(text_dictionary(ids), lambda values: _digests(values, key))
    values = ids.combine_chunks() if isinstance(ids, pa.ChunkedArray) else ids
    if not pa.types.is_string(values.type):
        values = pc.cast(values, pa.string())
    encoded = pc.dictionary_encode(values)
    result: pa.Array = pc.take(_digests(encoded.dictionary, key), encoded.indices)
    return result


def _digests(values: pa.Array, key: bytes) -> pa.Array:
    return pa.array(
        [
            None
            if value is None
            else hmac.digest(key, value.encode("utf-8"), "sha256").hex()[:DIGEST_CHARS]
            for value in values.to_pylist()
        ],
        pa.string(),
    )
