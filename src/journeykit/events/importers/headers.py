"""Find the event fields among a file's headers, and turn headers into identifiers.

Headers are compared case- and accent-insensitively with punctuation ignored, so
``Kunden-ID``, ``kunden_id`` and ``KundenID`` are one name.

>>> match_key("Kunden-ID") == match_key("kunden id")
True
>>> identifier("Größe in cm")
'groesse_in_cm'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from journeykit.events.importers.errors import MissingColumn
from journeykit.events.importers.mapping import ColumnMapping

#: Header names recognised per field, in order of preference.
ALIASES: dict[str, tuple[str, ...]] = {
    "customer_id": (
        "customer_id",
        "customer",
        "user_id",
        "client_id",
        "Kunden-ID",
        "Kundennummer",
        "kunde",
    ),
    "ts": (
        "timestamp",
        "ts",
        "time",
        "event_time",
        "datetime",
        "date",
        "Zeitstempel",
        "Zeitpunkt",
        "Datum",
    ),
    "event": ("event", "event_name", "action", "activity", "Ereignis", "Aktion"),
    "channel": ("channel", "Kanal", "medium"),
    "source": ("source", "Quelle"),
}

REQUIRED = ("customer_id", "ts", "event")
FIELD_LABELS = {
    "customer_id": "the customer id",
    "ts": "the time",
    "event": "the event",
    "channel": "the channel",
    "source": "the source",
}

_TRANSLITERATE = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss", "ẞ": "SS"}
)


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def match_key(header: str) -> str:
    """The form two headers are compared in: no case, accents or punctuation."""
    folded = _strip_accents(header.replace("ß", "ss")).casefold()
    return "".join(c for c in folded if c.isalnum())


def identifier(name: str) -> str:
    """A column name as an identifier: lower case, umlauts spelled out, ``_`` between words."""
    text = _strip_accents(name.strip().translate(_TRANSLITERATE)).lower()
    text = re.sub(r"[^a-z0-9]+", "_", text).strip("_")
    if not text:
        return "column"
    return f"_{text}" if text[0].isdigit() else text


def unique_identifiers(names: Sequence[str], reserved: Sequence[str] = ()) -> list[str]:
    """:func:`identifier` of each name, with ``_2``, ``_3`` appended where two would collide."""
    taken = set(reserved)
    result = []
    for name in names:
        base = identifier(name)
        candidate, n = base, 1
        while candidate in taken:
            n += 1
            candidate = f"{base}_{n}"
        taken.add(candidate)
        result.append(candidate)
    return result


def clean_headers(raw: Sequence[str]) -> list[str]:
    """Headers as usable column names: trimmed, blanks named ``column_N``, repeats numbered.

    >>> clean_headers(["\\ufeffa", " b ", "", "a"])
    ['a', 'b', 'column_3', 'a_2']
    """
    result: list[str] = []
    seen: set[str] = set()
    for position, header in enumerate(raw, start=1):
        name = header.replace("\ufeff", "").strip() or f"column_{position}"
        candidate, n = name, 1
        while candidate in seen:
            n += 1
            candidate = f"{name}_{n}"
        seen.add(candidate)
        result.append(candidate)
    return result


@dataclass(frozen=True)
class ResolvedColumns:
    """The file's column for each event field, and the columns kept as properties."""

    customer_id: str
    ts: str
    event: str
    channel: str | None
    source: str | None
    properties: tuple[str, ...]


def find_column(headers: Sequence[str], name: str) -> str | None:
    """The header ``name`` means: itself, else the one header equal to it by :func:`match_key`."""
    if name in headers:
        return name
    hits = [h for h in headers if match_key(h) == match_key(name)]
    return hits[0] if len(hits) == 1 else None


def detect_column(headers: Sequence[str], field: str, taken: set[str]) -> str | None:
    """The first header matching one of the field's aliases, skipping columns already used."""
    by_key: dict[str, str] = {}
    for header in headers:
        if header not in taken:
            by_key.setdefault(match_key(header), header)
    for alias in ALIASES[field]:
        if (hit := by_key.get(match_key(alias))) is not None:
            return hit
    return None


def resolve_columns(
    headers: Sequence[str], mapping: ColumnMapping, *, file: str
) -> ResolvedColumns:
    """Decide which column feeds which field; raise :class:`MissingColumn` if one is missing."""
    chosen: dict[str, str | None] = {}
    # Named columns first, so detection cannot hand one of them to another field.
    for field in ALIASES:
        named = getattr(mapping, field)
        if named is None:
            continue
        hit = find_column(headers, named)
        if hit is None:
            raise MissingColumn(
                file=file, field=FIELD_LABELS[field], headers=headers, wanted=[named], named=True
            )
        chosen[field] = hit
    taken = {c for c in chosen.values() if c is not None}
    for field in ALIASES:
        if field in chosen:
            continue
        hit = detect_column(headers, field, taken)
        if hit is None and field in REQUIRED:
            raise MissingColumn(
                file=file,
                field=FIELD_LABELS[field],
                headers=headers,
                wanted=ALIASES[field],
                named=False,
            )
        chosen[field] = hit
        if hit is not None:
            taken.add(hit)
    if mapping.properties is None:
        properties = tuple(h for h in headers if h not in taken)
    else:
        found = []
        for name in mapping.properties:
            hit = find_column(headers, name)
            if hit is None:
                raise MissingColumn(
                    file=file, field="a property", headers=headers, wanted=[name], named=True
                )
            found.append(hit)
        properties = tuple(dict.fromkeys(found))
    return ResolvedColumns(
        customer_id=_required(chosen["customer_id"]),
        ts=_required(chosen["ts"]),
        event=_required(chosen["event"]),
        channel=chosen["channel"],
        source=chosen["source"],
        properties=properties,
    )


def _required(column: str | None) -> str:
    assert column is not None  # resolve_columns raised MissingColumn otherwise
    return column
