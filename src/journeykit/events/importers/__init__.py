"""Importers: event files (CSV, Parquet, JSON Lines, GA4 exports) and customer attributes.

An import is all or nothing: a file that cannot be used raises a
:class:`~journeykit.model.errors.JourneykitError` naming the file (and the column, with a "did
you mean"); rows that cannot be used are returned as :class:`Reject` records with the reason.
Parsing is column-wise (Arrow, DuckDB); Python touches rows only to explain rejects.
"""

from __future__ import annotations

from journeykit.events.importers.attributes import read_attributes
from journeykit.events.importers.batch import AttributeBatch, EventBatch
from journeykit.events.importers.channels import default_channel_group
from journeykit.events.importers.errors import (
    EmptyFile,
    FileUnreadable,
    ImportFailed,
    MalformedFile,
    MappingInvalid,
    MissingColumn,
    MixedTimezones,
    Undecodable,
    UnknownFormat,
    WrongType,
)
from journeykit.events.importers.mapping import (
    EVENT_FORMATS,
    ColumnMapping,
    EventFormat,
    mapping_from_dict,
    read_mapping_file,
)
from journeykit.events.importers.pseudonym import pseudonymise
from journeykit.events.importers.reader import format_of, read_events
from journeykit.events.importers.rejects import Reject, write_rejects

__all__ = [
    "EVENT_FORMATS",
    "AttributeBatch",
    "ColumnMapping",
    "EmptyFile",
    "EventBatch",
    "EventFormat",
    "FileUnreadable",
    "ImportFailed",
    "MalformedFile",
    "MappingInvalid",
    "MissingColumn",
    "MixedTimezones",
    "Reject",
    "Undecodable",
    "UnknownFormat",
    "WrongType",
    "default_channel_group",
    "format_of",
    "mapping_from_dict",
    "pseudonymise",
    "read_attributes",
    "read_events",
    "read_mapping_file",
    "write_rejects",
]
