"""Which source column feeds which event field, and how to read the file's text.

A :class:`ColumnMapping` comes from command-line flags or from a mapping file (YAML or JSON with
the same keys). Every field is optional: what is not named is detected from the headers.

>>> ColumnMapping(customer_id="Kundennummer", delimiter=";").decimal is None
True
"""

from __future__ import annotations

import codecs
import json
import zoneinfo
from dataclasses import dataclass, fields
from functools import cache
from pathlib import Path
from typing import Any, Literal

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from journeykit.events.importers.errors import FileUnreadable, MappingInvalid
from journeykit.model.errors import did_you_mean

EventFormat = Literal["csv", "parquet", "jsonl", "ga4"]
EVENT_FORMATS: tuple[EventFormat, ...] = ("csv", "parquet", "jsonl", "ga4")

# Spelled-out delimiters a shell user can type without quoting a tab or a pipe.
_DELIMITER_NAMES = {"tab": "\t", "\\t": "\t", "semicolon": ";", "comma": ",", "pipe": "|"}


@dataclass(frozen=True)
class ColumnMapping:
    """Source column names for the event fields and how to read the file.

    ``None`` everywhere means "detect": columns from well-known header names (English and
    German), the delimiter by sniffing, the encoding as UTF-8 falling back to cp1252, the
    decimal separator from the numbers in the file, naive times as UTC.
    """

    customer_id: str | None = None
    ts: str | None = None
    event: str | None = None
    channel: str | None = None
    source: str | None = None
    #: Extra columns kept as properties; ``None`` keeps every unmapped column.
    properties: tuple[str, ...] | None = None
    #: A ``strptime`` format; else ISO 8601, ``dd.mm.yyyy HH:MM[:SS]`` or epoch s/ms/µs.
    timestamp_format: str | None = None
    #: IANA zone for times without one (default UTC).
    timezone: str | None = None
    delimiter: str | None = None
    encoding: str | None = None
    decimal: str | None = None

    def __post_init__(self) -> None:
        for name in ("customer_id", "ts", "event", "channel", "source", "timestamp_format"):
            value = getattr(self, name)
            if value is not None and (not isinstance(value, str) or not value.strip()):
                raise MappingInvalid(f"{name} must be a non-empty column name, not {value!r}")
        if self.properties is not None and not all(
            isinstance(p, str) and p for p in self.properties
        ):
            raise MappingInvalid(f"properties must be column names, not {self.properties!r}")
        if self.delimiter is not None:
            delimiter = _DELIMITER_NAMES.get(self.delimiter.lower(), self.delimiter)
            if len(delimiter) != 1 or delimiter in {'"', "\n", "\r"}:
                raise MappingInvalid(
                    f"delimiter must be one character, not {self.delimiter!r}",
                    hint="use ',', ';', '|' or tab",
                )
            # Frozen: normalising the spelled-out name is the one write __post_init__ makes.
            object.__setattr__(self, "delimiter", delimiter)
        if self.decimal is not None and self.decimal not in {",", "."}:
            raise MappingInvalid(f"decimal must be ',' or '.', not {self.decimal!r}")
        if self.encoding is not None:
            try:
                codecs.lookup(self.encoding)
            except LookupError:
                raise MappingInvalid(
                    f"unknown encoding {self.encoding!r}", hint="for example utf-8, cp1252, latin-1"
                ) from None
        if self.timezone is not None and self.timezone not in _zones():
            suggestion = did_you_mean(self.timezone, _zones())
            raise MappingInvalid(
                f"unknown time zone {self.timezone!r}"
                + (f"; did you mean {suggestion!r}?" if suggestion else ""),
                hint="use an IANA name such as Europe/Berlin or UTC",
            )
        if self.timestamp_format is not None and "%" not in self.timestamp_format:
            raise MappingInvalid(
                f"timestamp_format {self.timestamp_format!r} has no % directive",
                hint="for example '%d.%m.%Y %H:%M'",
            )


@cache
def _zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones() | {"UTC"})


MAPPING_KEYS = tuple(f.name for f in fields(ColumnMapping))


def mapping_from_dict(data: Any, *, where: str = "column mapping") -> ColumnMapping:
    """Build a :class:`ColumnMapping` from plain data; unknown keys fail with "did you mean"."""
    values: dict[str, Any] = {}
    for key, value in known_keys(data, MAPPING_KEYS, where=where).items():
        if key == "properties" and value is not None:
            items = [value] if isinstance(value, str) else value
            if not isinstance(items, list):
                raise MappingInvalid(f"{where}: properties must be a list of column names")
            value = tuple(str(item) for item in items)
        elif value is not None and not isinstance(value, str):
            raise MappingInvalid(f"{where}: {key} must be text, not {value!r}")
        values[str(key)] = value
    try:
        return ColumnMapping(**values)
    except MappingInvalid as exc:
        raise MappingInvalid(f"{where}: {exc.message}", hint=exc.hint) from None


def read_mapping_file(path: Path) -> ColumnMapping:
    """Read a mapping file (YAML or JSON) with the keys of :class:`ColumnMapping`.

    Unknown keys are an error naming the closest known key.
    """
    return mapping_from_dict(read_mapping_data(path), where=str(path))


def known_keys(data: Any, keys: tuple[str, ...], *, where: str) -> dict[str, Any]:
    """``data`` as a dict whose keys are all in ``keys``; an unknown key fails with the
    nearest known one (shared by every importer's mapping file)."""
    if not isinstance(data, dict):
        raise MappingInvalid(f"{where}: expected a mapping of keys to values")
    for key in data:
        if key not in keys:
            suggestion = did_you_mean(str(key), keys)
            raise MappingInvalid(
                f"{where}: unknown key {key!r}"
                + (f"; did you mean {suggestion!r}?" if suggestion else ""),
                hint="known keys: " + ", ".join(keys),
            )
    return data


def read_mapping_data(path: Path) -> Any:
    """The plain data of a mapping file, YAML or JSON (by its suffix)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise FileUnreadable(f"cannot read the mapping file: {exc}", file=str(path)) from exc
    try:
        return json.loads(text) if path.suffix.lower() == ".json" else YAML(typ="safe").load(text)
    except (json.JSONDecodeError, YAMLError) as exc:
        raise MappingInvalid(f"{path}: not valid YAML or JSON: {exc}") from exc
