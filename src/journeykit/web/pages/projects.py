"""Projects, a project's page and the persona cards with their editor."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from journeykit.web.gate import Visit, VisitDep
from journeykit.web.pages.render import field_message, page
from journeykit.web.services import lifecycle
from journeykit.web.services import projects as service
from journeykit.web.services.errors import FieldInvalid
from journeykit.web.services.journeys import StaleEdit

router = APIRouter(include_in_schema=False)

OptionalText = Annotated[str | None, Form()]


async def _bases(request: Request) -> dict[str, int]:
    """The ``base.<journey id>`` fields of a form: the revisions the edit was made on."""
    form = await request.form()
    bases: dict[str, int] = {}
    for key, value in form.multi_items():
        if key.startswith("base.") and isinstance(value, str) and value.isdigit():
            bases[key[5:]] = int(value)
    return bases


@router.get("/", response_class=HTMLResponse)
def projects(visit: VisitDep) -> HTMLResponse:
    """Every project the account may see, with its journeys; journeys without a project
    below (admins only)."""
    listed, loose = service.list_projects(visit.ws)
    listed = [view for view in listed if visit.may_see(view.project.id)]
    loose = [doc for doc in loose if visit.may_see(doc.journey.project_id)]
    return page(visit, "projects.html", {"projects": listed, "loose": loose, "errors": {}})


@router.get("/projects/{project_id}", response_class=HTMLResponse)
def project(visit: VisitDep, project_id: str) -> HTMLResponse:
    """A project: goal, scope, personas, journeys and KPIs."""
    view = service.get_project(visit.ws, project_id)
    return page(visit, "project.html", {"view": view, "project": view.project, "errors": {}})


@router.post("/projects/{project_id}")
async def update_project(
    visit: VisitDep,
    project_id: str,
    name: OptionalText = None,
    goal: OptionalText = None,
    owner: OptionalText = None,
    who: OptionalText = None,
    what: OptionalText = None,
    where: OptionalText = None,
    when: OptionalText = None,
) -> Response:
    """Save a project's goal, scope and owner in all its journeys."""
    bases = await _bases(visit.request)
    entered = {
        "name": name,
        "goal": goal,
        "owner": owner,
        "who": who,
        "what": what,
        "where": where,
        "when": when,
    }
    try:
        service.update_project(visit.ws, project_id, bases=bases, actor=visit.actor, **entered)
    except (FieldInvalid, StaleEdit) as exc:
        view = service.get_project(visit.ws, project_id)
        errors = (
            {exc.field: field_message(exc, visit.language)}
            if isinstance(exc, FieldInvalid)
            else {"_conflict": visit.t("conflict.project")}
        )
        return page(
            visit,
            "project.html",
            {
                "view": view,
                "project": view.project,
                "errors": errors,
                "entered": entered,
                "editing": True,
            },
            status=exc.status,
        )
    return RedirectResponse(f"/projects/{project_id}?saved=1", status_code=303)


@router.post("/journeys")
def create_journey(
    visit: VisitDep,
    title: OptionalText = None,
    project_id: OptionalText = None,
    include_optional_phases: Annotated[bool, Form()] = False,
) -> Response:
    """Create a journey (from the projects page, or inside a project) and open its map."""
    try:
        info = lifecycle.create_journey(
            visit.ws,
            actor=visit.actor,
            title=title,
            project_id=project_id or None,
            include_optional_phases=include_optional_phases,
        )
    except FieldInvalid as exc:
        errors = {exc.field: field_message(exc, visit.language)}
        entered = {"title": title, "project_id": project_id}
        if project_id:
            view = service.get_project(visit.ws, project_id)
            context = {"view": view, "project": view.project, "errors": errors}
            return page(
                visit, "project.html", {**context, "new_journey": entered}, status=exc.status
            )
        listed, loose = service.list_projects(visit.ws)
        return page(
            visit,
            "projects.html",
            {"projects": listed, "loose": loose, "errors": errors, "entered": entered},
            status=exc.status,
        )
    return RedirectResponse(f"/journeys/{info.journey_id}", status_code=303)


@router.post("/projects")
def create_project(
    visit: VisitDep,
    project_name: OptionalText = None,
    project_goal: OptionalText = None,
    project_journey_title: OptionalText = None,
    include_optional_phases: Annotated[bool, Form()] = False,
) -> Response:
    """Create a project with its first journey and open the project."""
    try:
        project_id, _info = service.create_project(
            visit.ws,
            actor=visit.actor,
            name=project_name,
            goal=project_goal,
            journey_title=project_journey_title,
            include_optional_phases=include_optional_phases,
        )
    except FieldInvalid as exc:
        listed, loose = service.list_projects(visit.ws)
        return page(
            visit,
            "projects.html",
            {
                "projects": listed,
                "loose": loose,
                "project_errors": {f"project_{exc.field}": field_message(exc, visit.language)},
                "errors": {},
                "new_project": {
                    "name": project_name,
                    "goal": project_goal,
                    "journey_title": project_journey_title,
                },
            },
            status=exc.status,
        )
    return RedirectResponse(f"/projects/{project_id}?created=1", status_code=303)


@router.post("/projects/{project_id}/personas")
async def add_persona(
    visit: VisitDep,
    project_id: str,
    persona_name: OptionalText = None,
    persona_scenario: OptionalText = None,
) -> Response:
    """Add a persona to the project's journeys and open its card."""
    bases = await _bases(visit.request)
    try:
        persona_id, _infos = service.add_persona(
            visit.ws,
            project_id,
            bases=bases,
            actor=visit.actor,
            name=persona_name,
            scenario=persona_scenario,
        )
    except (FieldInvalid, StaleEdit) as exc:
        view = service.get_project(visit.ws, project_id)
        errors = (
            {f"persona_{exc.field}": field_message(exc, visit.language)}
            if isinstance(exc, FieldInvalid)
            else {"_conflict": visit.t("conflict.project")}
        )
        return page(
            visit,
            "project.html",
            {
                "view": view,
                "project": view.project,
                "errors": errors,
                "new_persona": {"name": persona_name, "scenario": persona_scenario},
            },
            status=exc.status,
        )
    return RedirectResponse(f"/personas/{persona_id}?saved=1", status_code=303)


def _persona_page(visit: Visit, persona_id: str, **extra: object) -> dict[str, object]:
    use = service.persona_use(visit.ws, persona_id)
    return {"persona": use.persona, "holders": use.journeys, "use": use, "errors": {}, **extra}


@router.get("/personas/{persona_id}", response_class=HTMLResponse)
def persona(visit: VisitDep, persona_id: str) -> HTMLResponse:
    """A persona's card and editor."""
    return page(visit, "persona.html", _persona_page(visit, persona_id))


@router.post("/personas/{persona_id}/delete")
async def delete_persona(visit: VisitDep, persona_id: str) -> Response:
    """Delete a persona and its emotion scores from every journey, after the page asked."""
    bases = await _bases(visit.request)
    try:
        use, _infos = service.delete_persona(visit.ws, persona_id, bases=bases, actor=visit.actor)
    except StaleEdit as exc:
        context = _persona_page(
            visit, persona_id, errors={"_conflict": visit.t("persona.delete_conflict")}
        )
        return page(visit, "persona.html", context, status=exc.status)
    project = use.journeys[0].project
    where = f"/projects/{project.id}" if project is not None else "/"
    return RedirectResponse(
        f"{where}?{urlencode({'persona_deleted': use.persona.name})}", status_code=303
    )


@router.post("/personas/{persona_id}")
async def update_persona(
    visit: VisitDep,
    persona_id: str,
    name: OptionalText = None,
    scenario: OptionalText = None,
    quote: OptionalText = None,
    goals: OptionalText = None,
    motivations: OptionalText = None,
    challenges: OptionalText = None,
    information_behaviour: OptionalText = None,
) -> Response:
    """Save a persona in every journey that holds it."""
    bases = await _bases(visit.request)
    entered = {
        "name": name,
        "scenario": scenario,
        "quote": quote,
        "goals": goals,
        "motivations": motivations,
        "challenges": challenges,
        "information_behaviour": information_behaviour,
    }
    try:
        service.update_persona(visit.ws, persona_id, bases=bases, actor=visit.actor, **entered)
    except (FieldInvalid, StaleEdit) as exc:
        errors = (
            {exc.field: field_message(exc, visit.language)}
            if isinstance(exc, FieldInvalid)
            else {"_conflict": visit.t("conflict.persona")}
        )
        context = _persona_page(visit, persona_id, entered=entered, editing=True)
        return page(visit, "persona.html", {**context, "errors": errors}, status=exc.status)
    return RedirectResponse(f"/personas/{persona_id}?saved=1", status_code=303)
