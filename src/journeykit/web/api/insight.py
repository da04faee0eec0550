"""``/api/v1/journeys/{journey_id}/hypotheses/test``: test the journey's hypotheses and save
the verdicts, the API twin of the facts page's button (and of
``journeykit hypothesis test --all``)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, Field

from journeykit.web.gate import VisitDep
from journeykit.web.services import insight as service

router = APIRouter(prefix="/api/v1/journeys", tags=["insight"])


class TestIn(BaseModel):
    """The revision the hypotheses are tested on."""

    base_revision: int = Field(ge=1, description="The head revision the test runs on.")


@router.post("/{journey_id}/hypotheses/test")
def test_hypotheses_api(visit: VisitDep, journey_id: str, body: TestIn) -> dict[str, Any]:
    """Test every hypothesis that names a test; the verdicts (the CLI's JSON shape), the
    hypotheses that could not be tested and why, and the revision they were saved in (409
    on a stale base)."""
    tested = service.run_hypothesis_tests(
        visit.ws, journey_id, base_revision=body.base_revision, actor=visit.actor
    )
    return tested.as_dict()
