"""Share links: the journey's page to make and revoke them, and what a visitor of one sees."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Form
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from journeykit.model.lanes import TEXT_LANES
from journeykit.web.gate import Visit, VisitDep
from journeykit.web.mapview import LANE_ORDER
from journeykit.web.pages.comments import when
from journeykit.web.pages.present import presentation
from journeykit.web.pages.render import field_message, page
from journeykit.web.services import documents
from journeykit.web.services import shares as service
from journeykit.web.services.errors import FieldInvalid
from journeykit.web.services.shares import NewShareLink

router = APIRouter(include_in_schema=False)

#: Lanes a new link hides unless the form says otherwise: the company's backstage.
DEFAULT_HIDDEN = ("backstage", "support_processes")

#: How long a visitor's password stays accepted in their browser.
GRANT_SECONDS = 12 * 3600


def expiry_of(value: str | None) -> dt.datetime | None:
    """A form's ``YYYY-MM-DD`` as the end of that day in UTC (empty: no expiry)."""
    if not value:
        return None
    try:
        day = dt.date.fromisoformat(value)
    except ValueError as exc:
        raise FieldInvalid("expires_on", "share.bad_date", "is not a date (YYYY-MM-DD)") from exc
    return dt.datetime.combine(day, dt.time(23, 59, 59), tzinfo=dt.UTC)


def _manage(
    visit: Visit,
    journey_id: str,
    *,
    created: NewShareLink | None = None,
    error: str | None = None,
    form: dict[str, Any] | None = None,
    status: int = 200,
) -> HTMLResponse:
    doc = documents.get_journey(visit.ws, journey_id)
    items = [
        {"id": item.id, "lane": lane, "text": item.text, "step": step.title}
        for _phase, step in doc.journey.steps()
        for lane in TEXT_LANES
        for item in step.lanes.text_lane(lane)
    ]
    base_url = str(visit.request.base_url).rstrip("/")
    return page(
        visit,
        "share.html",
        {
            "doc": doc,
            "journey": doc.journey,
            "links": service.share_links(visit.ws, journey_id),
            "all_lanes": LANE_ORDER,
            "items": items,
            "created": created,
            "created_url": f"{base_url}{created.path}" if created else None,
            "error": error,
            "form": form or {"hidden_lanes": list(DEFAULT_HIDDEN), "hidden_items": []},
            "when": lambda moment: when(moment, visit.language),
            "today": dt.datetime.now(dt.UTC).date().isoformat(),
        },
        status=status,
    )


@router.get("/journeys/{journey_id}/share", response_class=HTMLResponse)
def journey_shares_page(visit: VisitDep, journey_id: str) -> HTMLResponse:
    """The journey's share links: make one, see them all, revoke one."""
    return _manage(visit, journey_id)


@router.post("/journeys/{journey_id}/share", response_class=HTMLResponse)
def create_share_page(
    visit: VisitDep,
    journey_id: str,
    label: Annotated[str | None, Form()] = None,
    password: Annotated[str | None, Form()] = None,
    expires_on: Annotated[str | None, Form()] = None,
    hidden_lanes: Annotated[list[str] | None, Form()] = None,
    hidden_items: Annotated[list[str] | None, Form()] = None,
) -> HTMLResponse:
    """Make a link and show it this one time."""
    form = {
        "label": label or "",
        "expires_on": expires_on or "",
        "hidden_lanes": hidden_lanes or [],
        "hidden_items": hidden_items or [],
    }
    try:
        created = service.create_share_link(
            visit.ws,
            journey_id,
            actor=visit.actor,
            label=label,
            password=password,
            expires_at=expiry_of(expires_on),
            hidden_lanes=hidden_lanes or [],
            hidden_items=hidden_items or [],
        )
    except FieldInvalid as exc:
        message = f"{visit.t(_field_label(exc.field))}: {field_message(exc, visit.language)}"
        return _manage(visit, journey_id, error=message, form=form, status=exc.status)
    return _manage(visit, journey_id, created=created, status=201)


def _field_label(field: str) -> str:
    """The catalog key of the form label that names ``field``."""
    return {
        "password": "share.password",
        "expires_on": "share.expires",
        "expires_at": "share.expires",
        "hidden_lanes": "share.hide_lanes",
        "hidden_items": "share.hide_items",
    }.get(field, "share.label")


@router.post("/journeys/{journey_id}/share/{link_id}/revoke")
def revoke_share_page(visit: VisitDep, journey_id: str, link_id: int) -> RedirectResponse:
    """Withdraw a link; it answers 404 from now on."""
    service.revoke_share_link(visit.ws, journey_id, link_id, actor=visit.actor)
    return RedirectResponse(f"/journeys/{journey_id}/share", status_code=303)


# The visitor's side


def _grant_cookie(link_id: int) -> str:
    return f"journeykit_share_{link_id}"


def _refusal(visit: Visit, exc: Exception) -> HTMLResponse:
    """The friendly page for a link that does not open, with the right status."""
    if isinstance(exc, service.ShareLinkExpired):
        context = {"title": visit.t("share.expired_title"), "text": visit.t("share.expired_text")}
        status = exc.status
    else:
        context = {"title": visit.t("share.gone_title"), "text": visit.t("share.gone_text")}
        status = 404
    response = page(visit, "share_gone.html", context, status=status)
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["Cache-Control"] = "no-store"
    return response


def _password_page(
    visit: Visit, token: str, *, message: str | None, status: int, retry_after: int | None = None
) -> HTMLResponse:
    response = page(
        visit,
        "share_password.html",
        {"token": token, "message": message, "shared": True},
        status=status,
    )
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["Cache-Control"] = "no-store"
    if retry_after is not None:
        response.headers["Retry-After"] = str(retry_after)
    return response


@router.get("/s/{token}", response_class=HTMLResponse)
def shared_journey(visit: VisitDep, token: str) -> HTMLResponse:
    """A share link: the journey's presentation, read-only, with only what the link shows."""
    try:
        link = service.link_for_token(visit.ws, token)
        cookie = visit.request.cookies.get(_grant_cookie(link.id))
        opened = service.open_share(visit.ws, token, cookie=cookie)
    except (service.ShareLinkGone, service.ShareLinkExpired) as exc:
        return _refusal(visit, exc)
    except service.SharePasswordNeeded:
        return _password_page(visit, token, message=None, status=401)
    return presentation(visit, opened.document, exit_url=None, shared=True)


@router.post("/s/{token}")
def unlock_shared_journey(
    visit: VisitDep, token: str, password: Annotated[str, Form()] = ""
) -> Response:
    """Check the password of a share link; right: remember it in this browser and show it."""
    try:
        link = service.link_for_token(visit.ws, token)
        granted = service.try_password(visit.ws, token, password)
    except (service.ShareLinkGone, service.ShareLinkExpired) as exc:
        return _refusal(visit, exc)
    except service.SharePasswordLocked as exc:
        message = visit.t("share.locked", seconds=exc.retry_after)
        return _password_page(
            visit, token, message=message, status=429, retry_after=exc.retry_after
        )
    except service.SharePasswordNeeded:
        message = visit.t("share.wrong_password")
        return _password_page(visit, token, message=message, status=401)
    response = RedirectResponse(f"/s/{token}", status_code=303)
    response.headers["Referrer-Policy"] = "no-referrer"
    if granted:
        response.set_cookie(
            _grant_cookie(link.id),
            granted,
            max_age=GRANT_SECONDS,
            path=f"/s/{token}",
            httponly=True,
            samesite="lax",
            secure=visit.request.url.scheme == "https",
        )
    return response
