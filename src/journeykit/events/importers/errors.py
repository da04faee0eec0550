"""Errors that make a whole file unusable: each names the file and says what to do next.

Row-level problems never raise; they become :class:`~journeykit.events.importers.rejects.Reject`
records. Everything here is a :class:`~journeykit.model.errors.JourneykitError` with a stable
``code``, so the CLI prints one line and the API returns the usual error shape.
"""

from __future__ import annotations

from collections.abc import Sequence

from journeykit.model.errors import JourneykitError, did_you_mean


class ImportFailed(JourneykitError):
    """A file (or the column mapping) cannot be imported at all; nothing was imported."""

    code = "import_failed"
    status = 422

    def __init__(self, message: str, *, file: str | None = None, hint: str | None = None) -> None:
        super().__init__(f"{file}: {message}" if file else message, hint=hint)
        self.file = file


class UnknownFormat(ImportFailed):
    """The file's format is neither given nor recognisable from its name."""

    code = "unknown_format"
    status = 400


class FileUnreadable(ImportFailed):
    """The file does not exist, is a folder, cannot be opened or is not what its name says."""

    code = "file_unreadable"
    status = 400


class EmptyFile(ImportFailed):
    """The file holds no data rows (it is empty, blank, or has a header only)."""

    code = "empty_file"


class Undecodable(ImportFailed):
    """The file's bytes are not text in the given (or any guessed) encoding."""

    code = "undecodable"


class MalformedFile(ImportFailed):
    """The file cannot be parsed as a whole (an unterminated quote, a corrupt Parquet footer)."""

    code = "malformed_file"


class WrongType(ImportFailed):
    """A mapped column holds values of a type that can never serve its purpose."""

    code = "wrong_type"


class MixedTimezones(ImportFailed):
    """A time column mixes times with and without a zone, and no zone for the naive ones is set."""

    code = "mixed_timezones"


class MappingInvalid(ImportFailed):
    """The column mapping (flags or mapping file) names an unknown key or an impossible value."""

    code = "invalid_mapping"
    status = 400


class MissingColumn(ImportFailed):
    """A column the import needs is not in the file; ``suggestion`` is the closest header."""

    code = "missing_column"

    def __init__(
        self,
        *,
        file: str,
        field: str,
        headers: Sequence[str],
        wanted: Sequence[str],
        named: bool,
    ) -> None:
        # Compare each wanted name with the headers and keep the first close match: a header
        # "Kunden_Nr" is closer to "Kundennummer" than to "customer_id".
        suggestion = next(
            (hit for name in wanted if (hit := did_you_mean(name, headers)) is not None), None
        )
        listed = ", ".join(repr(h) for h in headers) or "none"
        if named:
            message = f"column {wanted[0]!r} (for {field}) is not in the file; it has {listed}"
        else:
            looked = ", ".join(repr(w) for w in wanted)
            message = f"no column for {field} (looked for {looked}); the file has {listed}"
        if suggestion is not None:
            message += f"; did you mean {suggestion!r}?"
        super().__init__(
            message, file=file, hint=f"name the column for {field} in the column mapping"
        )
        self.field = field
        self.headers = list(headers)
        self.suggestion = suggestion
