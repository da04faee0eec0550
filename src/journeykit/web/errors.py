"""One error path for two audiences: the API's fixed JSON shape, a friendly page for people.

The API answers ``{"ok": false, "error": ..., "code": ..., "status": ...}`` (plus ``hint``,
``field`` or ``issues`` where they help); the status comes from the error class.
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
    message = exc.message
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


def _page(request: Request, status: int, title: str, message: str, hint: str | None) -> Response:
    templates = request.app.state.templates
    language = request_language(request)
    response: Response = templates.TemplateResponse(
        request,
        "error.html",
        {
            "status": status,
            "title": title,
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
        return _page(
            request, exc.status, translate("error.title", language), body["error"], exc.hint
        )

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> Response:
        problems = exc.errors()
        first = problems[0] if problems else {"loc": (), "msg": "invalid request"}
        where = ".".join(str(p) for p in first.get("loc", ()) if p not in ("body", "query"))
        message = f"{where}: {first.get('msg', 'invalid')}" if where else str(first.get("msg"))
        if wants_json(request):
            fields = [
                {"field": ".".join(str(p) for p in e.get("loc", ())), "message": e.get("msg")}
                for e in problems
            ]
            return JSONResponse(
                error_body(message, "invalid_request", 422, fields=fields), status_code=422
            )
        language = request_language(request)
        return _page(request, 422, translate("error.title", language), message, None)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        language = request_language(request)
        code = "not_found" if exc.status_code == 404 else "http_error"
        message = (
            translate("error.no_page", language, path=request.url.path)
            if exc.status_code == 404
            else str(exc.detail)
        )
        if wants_json(request):
            return JSONResponse(
                error_body(message, code, exc.status_code), status_code=exc.status_code
            )
        return _page(request, exc.status_code, translate("error.title", language), message, None)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        language = request_language(request)
        message = translate("error.internal", language)
        if wants_json(request):
            return JSONResponse(error_body(message, "internal", 500), status_code=500)
        return _page(request, 500, translate("error.title", language), message, None)


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
            return _page(request, 413, translate("error.title", language), message, None)
        return await call_next(request)
