"""The audit history as JSON, and who the API token belongs to."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from journeykit.web.gate import VisitDep, request_caller
from journeykit.web.services import audit as service

router = APIRouter(prefix="/api/v1", tags=["accounts and audit"])


@router.get("/me")
def whoami(visit: VisitDep) -> dict[str, Any]:
    """The account behind the request: name, admin right, language and project roles."""
    caller = request_caller(visit.request)
    assert caller is not None  # the gate lets no anonymous caller here
    return {
        "name": caller.account.name,
        "admin": caller.account.is_admin,
        "language": caller.account.language,
        "roles": dict(sorted(caller.roles.items())),
    }


@router.get("/journeys/{journey_id}/audit")
def journey_audit_api(visit: VisitDep, journey_id: str) -> list[dict[str, Any]]:
    """Every revision of the journey and every recorded action on it, newest first."""
    return [entry.as_data() for entry in service.journey_history(visit.ws, journey_id)]


@router.get("/accounts/{account_name}/audit")
def account_audit_api(visit: VisitDep, account_name: str) -> list[dict[str, Any]]:
    """Every revision an account saved and every action it did or that concerned it."""
    return [entry.as_data() for entry in service.account_history(visit.ws, account_name)]
