"""Who sends a request: the account behind its Bearer token or its session cookie.

The cookie holds a random session id (the store keeps only its hash); a browser session must
also send its CSRF token on every state-changing request, a Bearer token needs none (a browser
never adds one by itself, so no other site can make it send one).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Literal

from fastapi import Request

from journeykit.store import Workspace
from journeykit.store.account_errors import NotAuthenticated
from journeykit.store.accounts import Account

SESSION_COOKIE = "journeykit_session"
CSRF_HEADER = "X-CSRF-Token"
CSRF_FIELD = "csrf_token"


@dataclass(frozen=True)
class Caller:
    """A request's account, its project roles, and how it proved who it is."""

    account: Account
    roles: dict[str, str]
    via: Literal["session", "token"]
    csrf_token: str | None = None
    session_id: str | None = None

    def with_language(self, language: str | None) -> Caller:
        """The same caller after choosing ``language``."""
        return dataclasses.replace(
            self, account=dataclasses.replace(self.account, language=language)
        )


def bearer_token(request: Request) -> str | None:
    """The token of an ``Authorization: Bearer …`` header, if the request has one."""
    header = request.headers.get("authorization")
    if header is None:
        return None
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise NotAuthenticated(
            "the Authorization header must be `Bearer TOKEN`",
            hint="create a token with `journeykit token create USER`",
        )
    return token.strip()


def authenticate(ws: Workspace, request: Request) -> Caller | None:
    """The caller of ``request``, ``None`` if it carries no credentials.

    A Bearer token that is unknown or revoked is refused with :class:`NotAuthenticated` (a
    client that sends one expects it to count); a stale session cookie is simply ignored.
    """
    token = bearer_token(request)
    if token is not None:
        account = ws.credentials().token_account(token)
        if account is None:
            raise NotAuthenticated(
                "the API token is unknown or was revoked",
                hint="`journeykit token list` shows the live tokens",
            )
        return Caller(account, ws.accounts().roles_of(account.id), "token")
    session_id = request.cookies.get(SESSION_COOKIE)
    if not session_id:
        return None
    session = ws.credentials().session(session_id)
    if session is None:
        return None
    return Caller(session.account, session.roles, "session", session.csrf_token, session_id)
