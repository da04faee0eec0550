"""``/api/v1/projects`` and ``/api/v1/personas``: the records journeys share."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from journeykit.web.api.bodies import PersonaChange, PersonaIn, ProjectChange, ProjectIn
from journeykit.web.api.results import revision_data
from journeykit.web.gate import VisitDep
from journeykit.web.services import projects as service
from journeykit.web.services.errors import FieldInvalid

router = APIRouter(prefix="/api/v1", tags=["projects and personas"])


def _project(view: service.ProjectView) -> dict[str, Any]:
    return {
        **view.project.model_dump(mode="json", exclude_none=True),
        "journeys": [
            {
                "id": d.journey.id,
                "title": d.journey.title,
                "state": d.journey.state,
                "revision": d.revision,
            }
            for d in view.journeys
        ],
        "persona_ids": [p.id for p in view.personas],
        "kpi_ids": [k.id for _d, k in view.kpis],
    }


@router.get("/projects")
def list_projects(visit: VisitDep) -> list[dict[str, Any]]:
    """Every project the account may see, with its journeys."""
    projects, _loose = service.list_projects(visit.ws)
    return [_project(view) for view in projects if visit.may_see(view.project.id)]


@router.post("/projects", status_code=201)
def api_create_project(visit: VisitDep, body: ProjectIn) -> dict[str, Any]:
    """Create a project with its first, empty journey (a project lives in its journeys)."""
    project_id, info = service.create_project(
        visit.ws,
        actor=visit.actor,
        name=body.name,
        goal=body.goal,
        journey_title=body.journey_title,
        include_optional_phases=body.include_optional_phases,
    )
    return {"ok": True, "id": project_id, "revisions": [revision_data(info)]}


@router.get("/projects/{project_id}")
def get_project(visit: VisitDep, project_id: str) -> dict[str, Any]:
    """A project: goal, scope, owner, its journeys, personas and KPIs."""
    return _project(service.get_project(visit.ws, project_id))


@router.patch("/projects/{project_id}")
def update_project(visit: VisitDep, project_id: str, body: ProjectChange) -> dict[str, Any]:
    """Change a project in every journey that carries it, all at once."""
    infos = service.update_project(
        visit.ws,
        project_id,
        bases=body.bases,
        actor=visit.actor,
        name=body.name,
        goal=body.goal,
        owner=body.owner,
        who=body.who,
        what=body.what,
        where=body.where,
        when=body.when,
    )
    return {"ok": True, "revisions": [revision_data(i) for i in infos]}


@router.post("/projects/{project_id}/personas", status_code=201)
def add_persona(visit: VisitDep, project_id: str, body: PersonaIn) -> dict[str, Any]:
    """Add a persona to every journey of a project, all at once."""
    persona_id, infos = service.add_persona(
        visit.ws,
        project_id,
        bases=body.bases,
        actor=visit.actor,
        name=body.name,
        scenario=body.scenario,
    )
    return {"ok": True, "id": persona_id, "revisions": [revision_data(i) for i in infos]}


@router.get("/personas/{persona_id}")
def get_persona(visit: VisitDep, persona_id: str) -> dict[str, Any]:
    """A persona and the head revisions of the journeys that hold it."""
    persona, holders = service.find_persona(visit.ws, persona_id)
    return {
        **persona.model_dump(mode="json", exclude_none=True),
        "journeys": {d.journey.id: d.revision for d in holders},
    }


@router.patch("/personas/{persona_id}")
def update_persona(visit: VisitDep, persona_id: str, body: PersonaChange) -> dict[str, Any]:
    """Change a persona in every journey that holds it, all at once."""
    infos = service.update_persona(
        visit.ws,
        persona_id,
        bases=body.bases,
        actor=visit.actor,
        name=body.name,
        scenario=body.scenario,
        quote=body.quote,
        goals=body.goals,
        motivations=body.motivations,
        challenges=body.challenges,
        information_behaviour=body.information_behaviour,
    )
    return {"ok": True, "revisions": [revision_data(i) for i in infos]}


BasesQuery = Annotated[
    list[str],
    Query(
        alias="base",
        description="journey_id:revision for each journey that holds the persona, e.g. "
        "base=kauf:7&base=service:3.",
    ),
]


def _bases(given: list[str]) -> dict[str, int]:
    bases: dict[str, int] = {}
    for entry in given:
        journey_id, _, number = entry.rpartition(":")
        if not journey_id or not number.isdigit():
            raise FieldInvalid(
                "base", "persona.error.base", f"{entry!r} is not journey_id:revision", given=entry
            )
        bases[journey_id] = int(number)
    return bases


@router.delete("/personas/{persona_id}")
def api_delete_persona(visit: VisitDep, persona_id: str, base: BasesQuery) -> dict[str, Any]:
    """Delete a persona with its emotion scores from every journey that holds it, at once."""
    use, infos = service.delete_persona(visit.ws, persona_id, bases=_bases(base), actor=visit.actor)
    return {
        "ok": True,
        "id": persona_id,
        "removed_scores": use.scores,
        "revisions": [revision_data(i) for i in infos],
    }
