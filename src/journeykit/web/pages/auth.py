"""Logging in and out, and one's own account: language, roles and what one did."""

from __future__ import annotations

import secrets
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from journeykit.store import Workspace
from journeykit.store.account_errors import AccountInvalid, LoginFailed, LoginThrottled
from journeykit.store.accounts import MIN_PASSWORD_LENGTH
from journeykit.web.auth.callers import CSRF_FIELD
from journeykit.web.auth.cookies import (
    LOGIN_COOKIE,
    clear_session_cookie,
    set_login_cookie,
    set_session_cookie,
)
from journeykit.web.auth.throttle import log_in as check_login
from journeykit.web.gate import Visit, VisitDep, request_caller, visit
from journeykit.web.pages.audit import action_label
from journeykit.web.pages.render import page
from journeykit.web.services import audit as audit_service

router = APIRouter(include_in_schema=False)

FormText = Annotated[str, Form()]


def safe_next(target: str | None) -> str:
    """Where to go after logging in: a path on this server, never another site."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target


def _client_address(request: Request) -> str | None:
    return request.client.host if request.client else None


def _login_page(
    request: Request,
    *,
    next_path: str,
    name: str = "",
    error: str | None = None,
    status: int = 200,
) -> Response:
    current = visit(request)
    ws: Workspace = current.ws
    token = secrets.token_urlsafe(32)
    response = page(
        current,
        "login.html",
        {
            "next": next_path,
            "name": name,
            "error": error,
            "login_token": token,
            "no_accounts": ws.accounts().count() == 0,
        },
        status=status,
    )
    set_login_cookie(response, request, token)
    return response


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request, next: str | None = None) -> Response:
    """The login page (already logged in: straight on to where the visitor wanted to go)."""
    if request_caller(request) is not None:
        return RedirectResponse(safe_next(next), status_code=303)
    return _login_page(request, next_path=safe_next(next))


@router.post("/login")
def log_in(
    request: Request,
    name: FormText = "",
    password: FormText = "",
    next: FormText = "/",
    login_token: FormText = "",
) -> Response:
    """Check name and password, open a session and go on; refuse with 401 or 429 if not."""
    current = visit(request)
    target = safe_next(next)
    expected = request.cookies.get(LOGIN_COOKIE, "")
    if not expected or not secrets.compare_digest(login_token, expected):
        return _login_page(
            request, next_path=target, name=name, error=current.t("auth.login.expired"), status=403
        )
    try:
        account = check_login(current.ws, name, password, address=_client_address(request))
    except LoginThrottled:
        return _login_page(
            request,
            next_path=target,
            name=name,
            error=current.t("auth.login.throttled"),
            status=429,
        )
    except LoginFailed:
        return _login_page(
            request, next_path=target, name=name, error=current.t("auth.login.failed"), status=401
        )
    session_id, session = current.ws.credentials().open_session(account.id)
    response = RedirectResponse(target, status_code=303)
    set_session_cookie(response, request, session_id, session.expires_at)
    response.delete_cookie(LOGIN_COOKIE, path="/login")
    return response


@router.post("/logout")
async def log_out(request: Request) -> Response:
    """End the session (a forged logout without the session's CSRF token is refused)."""
    caller = request_caller(request)
    response = RedirectResponse("/login", status_code=303)
    if caller is None or caller.session_id is None:
        clear_session_cookie(response, request)
        return response
    form = await request.form()
    sent = form.get(CSRF_FIELD) or request.headers.get("x-csrf-token") or ""
    if not isinstance(sent, str) or not secrets.compare_digest(sent, caller.csrf_token or ""):
        return RedirectResponse("/", status_code=303)
    ws: Workspace = request.app.state.workspace
    ws.credentials().close_session(caller.session_id)
    ws.audit().record(
        "logout",
        actor=caller.account.name,
        subject=caller.account.name.casefold(),
        address=_client_address(request),
    )
    clear_session_cookie(response, request)
    return response


@router.get("/account", response_class=HTMLResponse)
def account_page(visit: VisitDep) -> HTMLResponse:
    """One's own account: language, password, project roles, and one's history."""
    return _account_view(visit)


def _account_view(
    visit: Visit, *, password_error: str | None = None, status: int = 200
) -> HTMLResponse:
    caller = request_caller(visit.request)
    assert caller is not None  # the gate lets no anonymous visitor here
    return page(
        visit,
        "account.html",
        {
            "account": caller.account,
            "grants": visit.ws.accounts().grants(account=caller.account.name),
            "entries": audit_service.account_history(visit.ws, caller.account.name),
            "saved": visit.request.query_params.get("saved") == "1",
            "action_label": action_label(visit),
            "password_error": password_error,
        },
        status=status,
    )


@router.post("/account/password")
def change_password(
    visit: VisitDep,
    current: FormText = "",
    new: FormText = "",
    repeat: FormText = "",
) -> Response:
    """Change one's own password: the current one first (counted like a login attempt), the
    new one twice. Every other session of the account ends; this one goes on."""
    caller = request_caller(visit.request)
    assert caller is not None
    name = caller.account.name
    address = _client_address(visit.request)
    error: str | None = None
    try:
        check_login(visit.ws, name, current, address=address, action=None)
    except LoginThrottled:
        error = visit.t("auth.login.throttled")
    except LoginFailed:
        error = visit.t("account.password.wrong")
    if error is None and new != repeat:
        error = visit.t("account.password.mismatch")
    if error is None:
        try:
            visit.ws.accounts().set_password(name, new)
        except AccountInvalid as exc:
            error = visit.t("account.password.too_short", length=MIN_PASSWORD_LENGTH)
            if exc.field != "password":
                raise
    if error is not None:
        return _account_view(visit, password_error=error, status=422)
    visit.ws.audit().record("password_changed", actor=name, subject=name, address=address)
    session_id, session = visit.ws.credentials().open_session(caller.account.id)
    response = RedirectResponse("/account?saved=1", status_code=303)
    set_session_cookie(response, visit.request, session_id, session.expires_at)
    return response


@router.post("/account/language")
def set_account_language(visit: VisitDep, language: FormText = "") -> Response:
    """Choose the language of the pages (empty: follow the browser)."""
    caller = request_caller(visit.request)
    assert caller is not None
    visit.ws.accounts().set_language(caller.account.name, language or None)
    return RedirectResponse("/account?saved=1", status_code=303)
