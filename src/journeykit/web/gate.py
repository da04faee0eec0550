"""The one place every request passes: who asks, in which language, on which workspace.

:class:`journeykit.web.auth.guard.Guard` checks, before any route runs, that the caller holds
the role :mod:`journeykit.web.policy` asks for; routes then take a :class:`Visit` through
:func:`visit` to learn who acts (the logged-in account, whose name is recorded on revisions).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated

from fastapi import Depends, Request

from journeykit.store import Workspace
from journeykit.web.i18n import LANGUAGE_COOKIE, LANGUAGES, negotiate_language, translate
from journeykit.web.services.actor import Actor

if TYPE_CHECKING:
    from journeykit.web.auth.callers import Caller


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

    def may_see(self, project_id: str | None) -> bool:
        """Whether the visit's account may see what belongs to the project (lists use it)."""
        return self.actor.may("viewer", project_id)


def request_caller(request: Request) -> Caller | None:
    """The account behind ``request`` as the gate found it (``None``: nobody logged in)."""
    caller: Caller | None = getattr(request.state, "caller", None)
    return caller


def request_language(request: Request) -> str:
    """The language of ``request``: ``?lang=``, the account's setting, the cookie,
    Accept-Language, else German."""
    query = request.query_params.get("lang")
    caller = request_caller(request)
    if query not in LANGUAGES and caller is not None and caller.account.language in LANGUAGES:
        return str(caller.account.language)
    return negotiate_language(
        query,
        request.cookies.get(LANGUAGE_COOKIE),
        request.headers.get("accept-language"),
    )


def visit(request: Request) -> Visit:
    """The visit of ``request`` (a FastAPI dependency)."""
    state = request.app.state
    caller = request_caller(request)
    language = request_language(request)
    if caller is None:
        # Public routes (share links) and callers outside the web, e.g. tests of services:
        # the configured author, with no role anywhere.
        actor = Actor(state.author, language)
    else:
        account = caller.account
        actor = Actor(account.name, language, account.is_admin, dict(caller.roles))
    return Visit(state.workspace, actor, request)


VisitDep = Annotated[Visit, Depends(visit)]
