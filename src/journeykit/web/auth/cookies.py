"""The session cookie: HttpOnly, SameSite=Lax, and Secure whenever the request came over TLS
(directly, or through a proxy uvicorn trusts with ``--proxy-headers``)."""

from __future__ import annotations

import datetime as dt

from fastapi import Request, Response

from journeykit.web.auth.callers import SESSION_COOKIE

#: The login form's own CSRF token, before any session exists (double-submit cookie).
LOGIN_COOKIE = "journeykit_login"


def over_tls(request: Request) -> bool:
    """Whether the request came over HTTPS."""
    return request.url.scheme == "https"


def set_session_cookie(
    response: Response, request: Request, session_id: str, expires_at: dt.datetime
) -> None:
    """Hand the browser its session id."""
    lifetime = int((expires_at - dt.datetime.now(dt.UTC)).total_seconds())
    response.set_cookie(
        SESSION_COOKIE,
        session_id,
        max_age=max(lifetime, 0),
        path="/",
        httponly=True,
        samesite="lax",
        secure=over_tls(request),
    )


def clear_session_cookie(response: Response, request: Request) -> None:
    """Make the browser forget its session id."""
    response.delete_cookie(
        SESSION_COOKIE, path="/", httponly=True, samesite="lax", secure=over_tls(request)
    )


def set_login_cookie(response: Response, request: Request, token: str) -> None:
    """The login form's CSRF token, for the form's POST to match."""
    response.set_cookie(
        LOGIN_COOKIE,
        token,
        max_age=3600,
        path="/login",
        httponly=True,
        samesite="lax",
        secure=over_tls(request),
    )
