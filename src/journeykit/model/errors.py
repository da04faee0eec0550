"""Errors of the domain: one base class, stable codes, and "did you mean" suggestions.

Every error journeykit raises on purpose descends from :class:`JourneykitError`. It carries a
stable machine ``code`` (scripts and the API match on it), an HTTP ``status`` for the web layer,
and a message that says what is wrong and where.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import ClassVar


def did_you_mean(word: str, candidates: Iterable[str]) -> str | None:
    """Return the candidate closest to ``word``, or ``None`` if nothing is close.

    >>> did_you_mean("titel", ["title", "description"])
    'title'
    """
    pool = sorted({c for c in candidates if c != word})
    matches = difflib.get_close_matches(word, pool, n=1, cutoff=0.6)
    if not matches:
        lowered = {c.lower(): c for c in pool}
        matches = [lowered[m] for m in difflib.get_close_matches(word.lower(), lowered, n=1)]
    return matches[0] if matches else None


class JourneykitError(Exception):
    """Base of all errors journeykit raises on purpose."""

    code: ClassVar[str] = "error"
    status: ClassVar[int] = 400

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def one_line(self) -> str:
        """The message and hint as one line, as the CLI prints it."""
        return f"{self.message} ({self.hint})" if self.hint else self.message


class NotFoundError(JourneykitError):
    """A journey, revision, project or other record does not exist."""

    code = "not_found"
    status = 404


@dataclass(frozen=True)
class Issue:
    """One problem found in a document: where it is, what is wrong, and what might fix it."""

    code: str
    message: str
    path: str = ""
    line: int | None = None
    file: str | None = None
    suggestion: str | None = None

    def location(self) -> str:
        """``file:line`` (as far as known) followed by the path inside the document."""
        where = self.file or "<document>"
        if self.line is not None:
            where = f"{where}:{self.line}"
        return f"{where}: {self.path}" if self.path else where

    def one_line(self) -> str:
        """The issue as one line: location, message, code and suggestion."""
        text = f"{self.location()}: {self.message} [{self.code}]"
        if self.suggestion:
            text += f" (did you mean {self.suggestion!r}?)"
        return text


class DocumentInvalid(JourneykitError):
    """A journey document failed to parse or validate; ``issues`` lists every problem found."""

    code = "invalid_document"
    status = 422

    def __init__(self, issues: Sequence[Issue]) -> None:
        self.issues = list(issues)
        first = self.issues[0].one_line() if self.issues else "invalid document"
        more = len(self.issues) - 1
        suffix = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
        super().__init__(first + suffix)
