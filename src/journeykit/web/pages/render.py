"""Rendering pages and fragments, and answering an edit the way htmx or a plain form expects."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from journeykit.model.errors import JourneykitError
from journeykit.web.gate import Visit
from journeykit.web.i18n import LANGUAGE_COOKIE, translate
from journeykit.web.services.errors import FieldInvalid
from journeykit.web.services.journeys import Saved, StaleEdit


def is_htmx(request: Request) -> bool:
    """Whether the request came from htmx or the map's script (they want a fragment)."""
    return request.headers.get("hx-request") == "true"


def page(visit: Visit, template: str, context: dict[str, Any], status: int = 200) -> HTMLResponse:
    """A whole page (or fragment) rendered in the visit's language."""
    templates = visit.request.app.state.templates
    response: HTMLResponse = templates.TemplateResponse(
        visit.request,
        template,
        {"lang": visit.language, "t": visit.t, **context},
        status_code=status,
    )
    if visit.request.query_params.get("lang") == visit.language:
        # Choosing a language once keeps it for the next pages.
        response.set_cookie(LANGUAGE_COOKIE, visit.language, samesite="lax", max_age=31536000)
    return response


def field_message(error: FieldInvalid, language: str) -> str:
    """A field error in ``language``."""
    return translate(error.key, language, **error.params)


def answer_edit(
    visit: Visit,
    *,
    action: Callable[[], Saved],
    success: Callable[[], HTMLResponse],
    redirect_to: str,
    conflict: Callable[[StaleEdit], HTMLResponse],
) -> Response:
    """Run an edit and answer it: the re-rendered fragment for htmx, a redirect for a plain
    form; a field error next to the field (422), a conflict notice with both versions (409),
    any other refusal as a notice."""
    request = visit.request
    trigger = request.headers.get("hx-trigger")
    try:
        action()
    except StaleEdit as exc:
        response = conflict(exc)
        response.headers["HX-Retarget"] = "#notice"
        response.headers["HX-Reswap"] = "innerHTML"
        return response
    except FieldInvalid as exc:
        if not is_htmx(request):
            raise
        text = field_message(exc, visit.language)
        response = HTMLResponse(
            f'<span class="field-error" data-field="{exc.field}">{_escape(text)}</span>',
            status_code=422,
        )
        if trigger:
            response.headers["HX-Retarget"] = f"#{trigger}-error"
            response.headers["HX-Reswap"] = "innerHTML"
        return response
    except JourneykitError as exc:
        if not is_htmx(request):
            raise
        hint = f" <span class='hint'>{_escape(exc.hint)}</span>" if exc.hint else ""
        response = HTMLResponse(
            f'<div class="notice notice-error" role="alert">{_escape(exc.message)}{hint}</div>',
            status_code=exc.status,
        )
        response.headers["HX-Retarget"] = "#notice"
        response.headers["HX-Reswap"] = "innerHTML"
        return response
    if is_htmx(request):
        return success()
    return RedirectResponse(redirect_to, status_code=303)


def _escape(text: str) -> str:
    from markupsafe import escape

    return str(escape(text))
