"""Errors of the render room: an unknown lane, an unknown format, the wrong journey."""

from __future__ import annotations

from collections.abc import Iterable

from journeykit.model.errors import JourneykitError, NotFoundError, did_you_mean


def _suggestion(word: str, known: Iterable[str]) -> str | None:
    guess = did_you_mean(word, known)
    return f"did you mean {guess!r}?" if guess else None


class UnknownLane(JourneykitError):
    """A lane name (to hide, or in a spreadsheet) that the map does not have."""

    code = "unknown_lane"

    def __init__(self, name: str, known: Iterable[str]) -> None:
        known = list(known)
        super().__init__(
            f"unknown lane {name!r}; lanes are {', '.join(known)}",
            hint=_suggestion(name, known),
        )
        self.name = name


class UnknownFormat(JourneykitError):
    """An export format journeykit does not write."""

    code = "unknown_format"

    def __init__(self, fmt: str, known: Iterable[str]) -> None:
        known = list(known)
        super().__init__(
            f"unknown export format {fmt!r}; choose one of {', '.join(known)}",
            hint=_suggestion(fmt, known),
        )
        self.format = fmt


class JourneyNotInDocument(NotFoundError):
    """The document given to a renderer holds another journey than the one asked for."""

    code = "not_found"

    def __init__(self, journey_id: str, found: str) -> None:
        super().__init__(
            f"journey {journey_id!r} is not in this document (it holds {found!r})",
            hint=_suggestion(journey_id, [found]),
        )


class RenderFailed(JourneykitError):
    """A converter (PNG, PDF) could not turn the drawing into its format."""

    code = "render_failed"
    status = 500
