"""Errors of attribution: path files that cannot be read and models that cannot run.

Each error has a stable ``code``; errors about a place in a file carry ``file``, ``line`` and
``column`` so the CLI and the API can point at it.
"""

from __future__ import annotations

from pathlib import Path

from journeykit.model.errors import JourneykitError


class AttributionError(JourneykitError):
    """Base of the errors this package raises."""

    code = "attribution_error"
    status = 422


class PathFileError(AttributionError):
    """A path file problem at a known place: ``file``, and where known ``line`` and ``column``."""

    code = "bad_path_file"

    def __init__(
        self,
        file: Path,
        problem: str,
        *,
        line: int | None = None,
        column: str | None = None,
        hint: str | None = None,
    ) -> None:
        where = str(file)
        if line is not None:
            where += f", line {line}"
        if column is not None:
            where += f", column {column!r}"
        super().__init__(f"{where}: {problem}", hint=hint)
        self.file = file
        self.line = line
        self.column = column


class PathFileMissing(PathFileError):
    """The path file does not exist or cannot be opened."""

    code = "file_not_found"
    status = 404


class EmptyFile(PathFileError):
    """The path file has no header or no rows."""

    code = "empty_file"


class MissingColumn(PathFileError):
    """A column the path file needs is not in its header; ``suggestion`` is the nearest one."""

    code = "missing_column"

    def __init__(self, file: Path, column: str, headers: list[str], suggestion: str | None) -> None:
        hint = f"did you mean {suggestion!r}?" if suggestion else None
        super().__init__(
            file,
            f"no column {column!r} (the header has: {', '.join(headers) or 'nothing'})",
            line=1,
            hint=hint,
        )
        self.suggestion = suggestion


class BadNumber(PathFileError):
    """A cell that should hold a non-negative number does not."""

    code = "bad_number"


class BadRow(PathFileError):
    """A row with fewer cells than the header, or a path with an empty channel name."""

    code = "bad_row"


class InvalidPath(AttributionError):
    """A path that attribution cannot use: an empty converting path or a reserved channel name."""

    code = "invalid_path"


class NeedsTimestamps(AttributionError):
    """Time decay weighs each touch by its time before the conversion, which paths lack."""

    code = "needs_timestamps"

    def __init__(self) -> None:
        super().__init__(
            "the time_decay model needs the time of every touch, which a path table does not have",
            hint="run it on an event log, or choose first, last, linear, position, markov "
            "or shapley",
        )


class NoConversions(AttributionError):
    """There is nothing to attribute: the paths hold no conversions."""

    code = "no_conversions"

    def __init__(self, model: str) -> None:
        super().__init__(
            f"the {model} model has nothing to attribute: the paths hold no conversions",
            hint="check the conversion event and the time range",
        )


class UnknownModel(AttributionError):
    """An attribution model name that journeykit does not know."""

    code = "unknown_model"

    def __init__(self, name: str, known: tuple[str, ...], suggestion: str | None) -> None:
        hint = f"did you mean {suggestion!r}?" if suggestion else f"choose {', '.join(known)}"
        super().__init__(f"unknown attribution model {name!r}", hint=hint)
        self.suggestion = suggestion


class InvalidSetting(AttributionError):
    """A model setting out of range, such as a half-life that is not positive."""

    code = "invalid_setting"
