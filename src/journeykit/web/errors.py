"""One error path for two audiences: the API's fixed JSON shape, a friendly page for people.

The API answers ``{"ok": false, "error": ..., "code": ..., "status": ...}`` (plus ``hint``,
``field`` or ``issues`` where they help); the status comes from the error class. Both speak the
request's language: ``error`` and the page are translated (:mod:`journeykit.web.error_texts`),
while ``code`` stays stable and the API's ``hint`` and ``issues`` stay as the domain wrote them,
for scripts (ADR 0011).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from journeykit.model.errors import DocumentInvalid, JourneykitError
from journeykit.store import ConflictError
from journeykit.web.error_texts import (
    domain_hint,
    domain_message,
    http_message,
    request_problem,
    status_name,
)
from journeykit.web.gate import request_language
from journeykit.web.i18n import translate
from journeykit.web.services.errors import FieldInvalid

API_PREFIX = "/api/"


def wants_json(request: Request) -> bool:
    """API paths answer JSON; pages answer HTML."""
    return request.url.path.startswith(API_PREFIX) or request.url.path == "/healthz"


def error_body(message: str, code: str, status: int, **extra: Any) -> dict[str, Any]:
    """The API's error shape."""
    body: dict[str, Any] = {"ok": False, "error": message, "code": code, "status": status}
    body.update({k: v for k, v in extra.items() if v is not None})
    return body


def _journeykit_body(exc: JourneykitError, language: str) -> dict[str, Any]:
    extra: dict[str, Any] = {"hint": exc.hint}
    message = domain_message(exc, language)
    if isinstance(exc, FieldInvalid):
        extra["field"] = exc.field
        message = f"{exc.field}: {translate(exc.key, language, **exc.params)}"
    if isinstance(exc, DocumentInvalid):
        extra["issues"] = [
            {
                "file": i.file,
                "line": i.line,
                "path": i.path,
                "code": i.code,
                "message": i.message,
                "suggestion": i.suggestion,
            }
            for i in exc.issues
        ]
    if isinstance(exc, ConflictError):
        extra["head_revision"] = exc.head_revision
        extra["base_revision"] = exc.base_revision
    return error_body(message, exc.code, exc.status, **extra)


def _page(request: Request, status: int, message: str, hint: str | None = None) -> Response:
    templates = request.app.state.templates
    language = request_language(request)
    response: Response = templates.TemplateResponse(
        request,
        "error.html",
        {
            "status": status,
            "title": translate("error.title", language),
            "status_name": status_name(status, language),
            "message": message,
            "hint": hint,
            "lang": language,
            "t": lambda key, **params: translate(key, language, **params),
        },
        status_code=status,
    )
    return response


def install_error_handlers(app: FastAPI) -> None:
    """Route every error through the one shape (API) or the friendly page (HTML)."""

    @app.exception_handler(JourneykitError)
    async def journeykit_error(request: Request, exc: JourneykitError) -> Response:
        language = request_language(request)
        body = _journeykit_body(exc, language)
        if wants_json(request):
            return JSONResponse(body, status_code=exc.status)
        return _page(request, exc.status, body["error"], domain_hint(exc.hint, language))

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> Response:
        language = request_language(request)
        problems = exc.errors()
        first = problems[0] if problems else {"loc": (), "type": "invalid"}
        where = ".".join(str(p) for p in first.get("loc", ()) if p not in ("body", "query"))
        said = request_problem(first, language)
        message = f"{where}: {said}" if where else said
        if wants_json(request):
            fields = [
                {
                    "field": ".".join(str(p) for p in e.get("loc", ())),
                    "message": request_problem(e, language),
                    "type": e.get("type"),
                }
                for e in problems
            ]
            return JSONResponse(
                error_body(message, "invalid_request", 422, fields=fields), status_code=422
            )
        return _page(request, 422, message)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        language = request_language(request)
        status = exc.status_code
        code = {404: "not_found", 405: "method_not_allowed"}.get(status, "http_error")
        message = http_message(status, exc.detail, request.url.path, request.method, language)
        if wants_json(request):
            # A 405 must say which methods would do (RFC 9110); Starlette puts it in headers.
            return JSONResponse(
                error_body(message, code, status), status_code=status, headers=exc.headers
            )
        page = _page(request, status, message)
        page.headers.update(exc.headers or {})
        return page

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        language = request_language(request)
        message = translate("error.internal", language)
        if wants_json(request):
            return JSONResponse(error_body(message, "internal", 500), status_code=500)
        return _page(request, 500, message)


def refuse_large_bodies(app: FastAPI, *, limit: int) -> None:
    """Answer 413 before reading a request whose declared body is larger than ``limit``."""

    @app.middleware("http")
    async def body_limit(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        declared = request.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            language = request_language(request)
            message = translate("error.too_large", language, limit=limit // (1024 * 1024))
            if wants_json(request):
                return JSONResponse(error_body(message, "upload_too_large", 413), status_code=413)
            return _page(request, 413, message)
        return await call_next(request)
