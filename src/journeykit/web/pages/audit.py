"""The audit pages: who changed what and when, per journey and per account."""

from __future__ import annotations

from collections.abc import Callable

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

from journeykit.web.gate import Visit, VisitDep
from journeykit.web.i18n import has_text
from journeykit.web.pages.render import page
from journeykit.web.services import audit as service

router = APIRouter(include_in_schema=False)


def action_label(visit: Visit) -> Callable[[str], str]:
    """The name of an audit action in the visit's language (an action of a newer feature
    without a text yet shows its code)."""

    def label(action: str) -> str:
        key = f"audit.action.{action}"
        return visit.t(key) if has_text(key) else action

    return label


@router.get("/journeys/{journey_id}/audit", response_class=HTMLResponse)
def journey_audit(visit: VisitDep, journey_id: str) -> HTMLResponse:
    """Every revision of the journey and every action on it, newest first."""
    doc = visit.ws.journeys().get(journey_id)
    return page(
        visit,
        "audit.html",
        {
            "heading": visit.t("audit.journey_title", title=doc.journey.title),
            "entries": service.journey_history(visit.ws, journey_id),
            "journey": doc.journey,
            "action_label": action_label(visit),
        },
    )


@router.get("/accounts/{account_name}/audit", response_class=HTMLResponse)
def account_audit(visit: VisitDep, account_name: str) -> HTMLResponse:
    """Everything one account did or that concerned it (admins only)."""
    account = visit.ws.accounts().get(account_name)
    return page(
        visit,
        "audit.html",
        {
            "heading": visit.t("audit.account_title", name=account.name),
            "entries": service.account_history(visit.ws, account.name),
            "journey": None,
            "action_label": action_label(visit),
        },
    )


@router.get("/accounts", response_class=HTMLResponse)
def accounts(visit: VisitDep) -> HTMLResponse:
    """Every account with its roles, each linked to its audit log (admins only)."""
    grants = visit.ws.accounts().grants()
    return page(
        visit,
        "accounts.html",
        {
            "accounts": visit.ws.accounts().list(),
            "roles": {
                name: [g for g in grants if g.account == name]
                for name in {g.account for g in grants}
            },
        },
    )
