"""The one place every request passes: who asks, in which language, on which workspace.

Routes take a :class:`Visit` through :func:`visit`; the roles of issue 5 will be checked here
and nowhere else.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request

from journeykit.store import Workspace
from journeykit.web.i18n import LANGUAGE_COOKIE, negotiate_language, translate
from journeykit.web.services.actor import Actor


@dataclass(frozen=True)
class Visit:
    """A request's workspace, actor and language."""

    ws: Workspace
    actor: Actor
    request: Request

    @property
    def language(self) -> str:
        """The language the answer is written in."""
        return self.actor.language

    def t(self, key: str, **params: object) -> str:
        """``key`` translated into the visit's language."""
        return translate(key, self.language, **params)


def request_language(request: Request) -> str:
    """The language of ``request``: ``?lang=``, the cookie, Accept-Language, else German."""
    return negotiate_language(
        request.query_params.get("lang"),
        request.cookies.get(LANGUAGE_COOKIE),
        request.headers.get("accept-language"),
    )


def visit(request: Request) -> Visit:
    """The visit of ``request`` (a FastAPI dependency)."""
    state = request.app.state
    return Visit(state.workspace, Actor(state.author, request_language(request)), request)


VisitDep = Annotated[Visit, Depends(visit)]
