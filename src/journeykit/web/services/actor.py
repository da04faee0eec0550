"""Who acts on the workspace: the author recorded on revisions and the language they read."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Actor:
    """The person behind a request; roles (issue 5) will be checked against it."""

    name: str
    language: str = "de"
