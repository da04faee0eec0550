"""``/api/v1/journeys/{journey_id}/shares``: make, list and revoke a journey's share links."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field

from journeykit.web.gate import VisitDep
from journeykit.web.services import shares as service
from journeykit.web.services.shares import ShareLink

router = APIRouter(prefix="/api/v1/journeys", tags=["share links"])


class ShareLinkIn(BaseModel):
    """A new share link: all optional."""

    model_config = ConfigDict(extra="forbid")

    label: str | None = Field(default=None, description="Who or what it is for.")
    password: str | None = Field(default=None, description="8 to 200 characters, or none.")
    expires_at: dt.datetime | None = Field(default=None, description="When it stops opening.")
    hidden_lanes: list[str] = Field(default_factory=list, description="Lanes it leaves out.")
    hidden_items: list[str] = Field(
        default_factory=list, description="Lane items, touchpoints or evidence it leaves out."
    )


def link_data(link: ShareLink) -> dict[str, Any]:
    """A link as JSON (never its token or password)."""
    return {
        "id": link.id,
        "journey_id": link.journey_id,
        "label": link.label,
        "token_hint": link.token_hint,
        "status": link.status(),
        "has_password": link.has_password,
        "expires_at": link.expires_at.isoformat() if link.expires_at else None,
        "revoked_at": link.revoked_at.isoformat() if link.revoked_at else None,
        "revoked_by": link.revoked_by,
        "hidden_lanes": list(link.hidden_lanes),
        "hidden_items": list(link.hidden_items),
        "created_by": link.created_by,
        "created_at": link.created_at.isoformat(),
        "last_opened_at": link.last_opened_at.isoformat() if link.last_opened_at else None,
    }


@router.get("/{journey_id}/shares")
def list_journey_share_links(visit: VisitDep, journey_id: str) -> list[dict[str, Any]]:
    """The journey's share links, newest first."""
    return [link_data(link) for link in service.share_links(visit.ws, journey_id)]


@router.post("/{journey_id}/shares", status_code=201)
def create_journey_share_link(
    visit: VisitDep, journey_id: str, body: ShareLinkIn
) -> dict[str, Any]:
    """Make a share link. The answer holds its token and URL: the only time they are shown."""
    created = service.create_share_link(
        visit.ws,
        journey_id,
        actor=visit.actor,
        label=body.label,
        password=body.password,
        expires_at=body.expires_at,
        hidden_lanes=body.hidden_lanes,
        hidden_items=body.hidden_items,
    )
    base_url = str(visit.request.base_url).rstrip("/")
    return {
        "ok": True,
        **link_data(created.link),
        "token": created.token,
        "url": f"{base_url}{created.path}",
    }


@router.delete("/{journey_id}/shares/{link_id}")
def revoke_journey_share_link(visit: VisitDep, journey_id: str, link_id: int) -> dict[str, Any]:
    """Revoke a share link: it answers 404 from now on."""
    link = service.revoke_share_link(visit.ws, journey_id, link_id, actor=visit.actor)
    return {"ok": True, **link_data(link)}
