"""The gate every request passes before any route runs: who calls, may they, and did their
browser send the CSRF token.

One ASGI middleware, so no route can forget a check: it finds the route the request will
reach, looks up the least role the route needs in :mod:`journeykit.web.policy`, and refuses
with 401 (no account), 403 (role too weak, forged form) or a redirect to the login page
before the route sees the request. A route missing from the policy is refused too.
"""

from __future__ import annotations

import secrets
from urllib.parse import quote

from fastapi import Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from journeykit.model.errors import JourneykitError, NotFoundError
from journeykit.store import Workspace
from journeykit.store.account_errors import CsrfRefused, NotAuthenticated
from journeykit.web.auth.callers import CSRF_FIELD, CSRF_HEADER, Caller, authenticate
from journeykit.web.auth.routes import find_route
from journeykit.web.auth.scopes import RoleTooWeak, check_role
from journeykit.web.errors import error_body, wants_json
from journeykit.web.gate import request_language
from journeykit.web.i18n import LANGUAGES, translate
from journeykit.web.policy import PUBLIC, least_role

#: Routes passed through without even looking at the caller (they are public in the policy).
UNCHECKED = frozenset({"static"})
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


class RouteNotInPolicy(JourneykitError):
    """A route the policy table does not list: refused, whoever asks."""

    code = "route_not_in_policy"
    status = 403


class Guard:
    """The ASGI middleware of the gate. ``unknown_route_status`` is what a route missing from
    the policy answers: 403 in production, 500 in tests (so a forgotten entry is loud)."""

    def __init__(self, app: ASGIApp, *, unknown_route_status: int = 403) -> None:
        self.app = app
        self.unknown_route_status = unknown_route_status

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        matched = find_route(scope["app"], scope)
        if matched is None or matched.name in UNCHECKED:
            # No route: the router answers 404 or 405 and runs nothing. Static files: public,
            # and a page loads several, so they skip the session lookup.
            await self.app(scope, receive, send)
            return
        request = Request(scope, receive)
        ws: Workspace = scope["app"].state.workspace
        try:
            caller = await run_in_threadpool(authenticate, ws, request)
        except NotAuthenticated as exc:
            await _refusal(request, exc, exc.status)(scope, receive, send)
            return
        request.state.caller = caller
        needed = least_role(matched.name)
        if needed is None:
            refused = RouteNotInPolicy(
                f"the route {matched.name!r} is not in the role policy",
                hint="add it to journeykit.web.policy.ROUTE_ROLES",
            )
            await _refusal(request, refused, self.unknown_route_status)(scope, receive, send)
            return
        if needed != PUBLIC:
            if caller is None:
                await _anonymous(request)(scope, receive, send)
                return
            try:
                await run_in_threadpool(check_role, ws, caller, needed, matched.path_params)
            except JourneykitError as exc:
                await _refusal(request, exc, exc.status)(scope, receive, send)
                return
            if request.method not in SAFE_METHODS and caller.via == "session":
                receive = await _replayable(scope, receive)
                request = Request(scope, receive)
                if not await _csrf_ok(request, caller):
                    refused_csrf = CsrfRefused(
                        "the form was not sent by a journeykit page (its CSRF token is "
                        "missing or wrong)",
                        hint="reload the page and try again",
                    )
                    await _refusal(request, refused_csrf, 403)(scope, receive, send)
                    return
            await run_in_threadpool(_keep_language_choice, ws, request, caller)
        await self.app(scope, receive, send)


def _keep_language_choice(ws: Workspace, request: Request, caller: Caller) -> None:
    # Choosing a language with the switch (a link, so a GET) is the account's setting from
    # then on.
    if request.method != "GET":
        return
    chosen = request.query_params.get("lang")
    if chosen in LANGUAGES and chosen != caller.account.language:
        ws.accounts().set_language(caller.account.name, chosen)
        request.state.caller = caller.with_language(chosen)


async def _replayable(scope: Scope, receive: Receive) -> Receive:
    """Read the whole body now and hand it on again (the CSRF check reads the form first).

    The body limit in front of the gate has refused anything larger than an upload already.
    """
    chunks: list[bytes] = []
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            break
    body = b"".join(chunks)
    scope["journeykit.body"] = body
    return _replay(body, receive)


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


async def _csrf_ok(request: Request, caller: Caller) -> bool:
    expected = caller.csrf_token or ""
    sent = request.headers.get(CSRF_HEADER) or None
    if sent is None and request.headers.get("content-type", "").startswith(FORM_TYPES):
        body: bytes = request.scope["journeykit.body"]
        probe = Request(request.scope, _replay(body, request.receive))
        form = await probe.form()
        try:
            field = form.get(CSRF_FIELD)
            sent = field if isinstance(field, str) else None
        finally:
            await form.close()
    return bool(sent) and bool(expected) and secrets.compare_digest(str(sent), expected)


def _anonymous(request: Request) -> Response:
    """No account: the API says 401, htmx is sent to the login page, a page redirects there."""
    if wants_json(request):
        exc = NotAuthenticated(
            "log in first: send `Authorization: Bearer TOKEN`",
            hint="create a token with `journeykit token create USER`",
        )
        return JSONResponse(error_body(exc.message, exc.code, 401, hint=exc.hint), 401)
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    login = f"/login?next={quote(target, safe='')}"
    if request.headers.get("hx-request") == "true":
        return Response(status_code=401, headers={"HX-Redirect": login})
    return RedirectResponse(login, status_code=303)


def _refusal(request: Request, exc: JourneykitError, status: int) -> Response:
    """A refusal in the API's error shape, or the error page in the visitor's language."""
    language = request_language(request)
    message = exc.message
    if isinstance(exc, RoleTooWeak):
        message = translate(
            "auth.refused.forbidden", language, role=translate(f"auth.role.{exc.needed}", language)
        )
    elif isinstance(exc, CsrfRefused | RouteNotInPolicy | NotAuthenticated | NotFoundError):
        message = translate(f"auth.refused.{exc.code}", language)
    if wants_json(request):
        return JSONResponse(error_body(message, exc.code, status, hint=exc.hint), status)
    templates = request.app.state.templates
    page: Response = templates.TemplateResponse(
        request,
        "error.html",
        {
            "status": status,
            "title": translate("error.title", language),
            "message": message,
            "hint": None,
            "lang": language,
            "t": lambda key, **params: translate(key, language, **params),
        },
        status_code=status,
    )
    return page
