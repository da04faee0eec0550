"""Projects and personas: records that journey documents carry, edited in all of them at once.

A project (and a persona) lives inside every journey document that belongs to it; changing it
saves a new revision of each of those journeys in one transaction, so they never disagree.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from journeykit.model.document import JourneyDocument
from journeykit.model.errors import NotFoundError, did_you_mean
from journeykit.model.fileformat import validate_document
from journeykit.model.kpi import Kpi
from journeykit.model.persona import Persona
from journeykit.model.project import Project, Scope
from journeykit.store import RevisionInfo, Workspace
from journeykit.store.revisions import write_revision
from journeykit.web.i18n import translate
from journeykit.web.services.actor import Actor
from journeykit.web.services.edits import clean_text
from journeykit.web.services.journeys import StaleEdit


@dataclass
class ProjectView:
    """A project with the journeys, personas and KPIs of its documents."""

    project: Project
    journeys: list[JourneyDocument] = field(default_factory=list)

    @property
    def personas(self) -> list[Persona]:
        """Every persona of the project's journeys, once each."""
        seen: dict[str, Persona] = {}
        for doc in self.journeys:
            for persona in doc.personas:
                seen.setdefault(persona.id, persona)
        return list(seen.values())

    @property
    def kpis(self) -> list[tuple[JourneyDocument, Kpi]]:
        """Every KPI with the journey it belongs to."""
        return [(doc, kpi) for doc in self.journeys for kpi in doc.kpis]

    def bases(self) -> dict[str, int]:
        """The head revision of each journey, which an edit of the project is based on."""
        return {doc.journey.id: doc.revision or 0 for doc in self.journeys}


def _documents(ws: Workspace) -> list[JourneyDocument]:
    store = ws.journeys()
    return [store.get(summary.id) for summary in store.list()]


def list_projects(ws: Workspace) -> tuple[list[ProjectView], list[JourneyDocument]]:
    """Every project with its journeys, and the journeys that belong to no project."""
    projects: dict[str, ProjectView] = {}
    loose: list[JourneyDocument] = []
    for doc in _documents(ws):
        if doc.project is None:
            loose.append(doc)
            continue
        view = projects.setdefault(doc.project.id, ProjectView(doc.project))
        view.journeys.append(doc)
    return sorted(projects.values(), key=lambda v: v.project.name.casefold()), loose


def get_project(ws: Workspace, project_id: str) -> ProjectView:
    """The project ``project_id``; not found names the nearest project id."""
    projects, _loose = list_projects(ws)
    for view in projects:
        if view.project.id == project_id:
            return view
    known = [v.project.id for v in projects]
    suggestion = did_you_mean(project_id, known)
    if suggestion:
        hint: str | None = f"did you mean {suggestion!r}?"
    else:
        hint = f"the projects are {', '.join(known)}" if known else "there are no projects yet"
    raise NotFoundError(f"there is no project {project_id!r} in this workspace", hint=hint)


def save_documents(
    ws: Workspace,
    changed: list[JourneyDocument],
    bases: Mapping[str, int],
    *,
    actor: Actor,
    message: str,
) -> list[RevisionInfo]:
    """Save several journeys as one transaction: all of them or none."""
    store = ws.journeys()
    for doc in changed:
        validate_document(doc)
        base = bases.get(doc.journey.id)
        if base is None or doc.revision != base:
            raise StaleEdit(doc.journey.id, base or 0, store.get(doc.journey.id))
    with ws.lock(), ws.database.writing() as session:
        return [
            write_revision(
                session, doc, author=actor.name, message=message, base=bases[doc.journey.id]
            )
            for doc in changed
        ]


def _lines(value: str | None) -> list[str]:
    return [line.strip() for line in (value or "").splitlines() if line.strip()]


def update_project(
    ws: Workspace,
    project_id: str,
    *,
    bases: Mapping[str, int],
    actor: Actor,
    name: str | None,
    goal: str | None,
    owner: str | None,
    who: str | None,
    what: str | None,
    where: str | None,
    when: str | None,
) -> list[RevisionInfo]:
    """Change a project's name, goal, owner and scope in every journey that carries it."""
    view = get_project(ws, project_id)
    title = clean_text("name", name)
    assert title is not None
    project = view.project.model_copy(
        update={
            "name": title,
            "goal": clean_text("goal", goal, required=False),
            "owner": clean_text("owner", owner, required=False),
            "scope": Scope(
                who=clean_text("who", who, required=False),
                what=clean_text("what", what, required=False),
                where=clean_text("where", where, required=False),
                when=clean_text("when", when, required=False),
            ),
        }
    )
    project = Project.model_validate(project.model_dump())
    changed = [doc.model_copy(update={"project": project}) for doc in view.journeys]
    message = translate("rev.update_project", actor.language, name=title)
    return save_documents(ws, changed, bases, actor=actor, message=message)


def find_persona(ws: Workspace, persona_id: str) -> tuple[Persona, list[JourneyDocument]]:
    """The persona and every journey document that holds it."""
    holders = [doc for doc in _documents(ws) if doc.persona(persona_id) is not None]
    if not holders:
        known = {p.id for doc in _documents(ws) for p in doc.personas}
        suggestion = did_you_mean(persona_id, known)
        raise NotFoundError(
            f"there is no persona {persona_id!r} in this workspace",
            hint=f"did you mean {suggestion!r}?" if suggestion else None,
        )
    persona = holders[0].persona(persona_id)
    assert persona is not None
    return persona, holders


def update_persona(
    ws: Workspace,
    persona_id: str,
    *,
    bases: Mapping[str, int],
    actor: Actor,
    name: str | None,
    scenario: str | None = None,
    quote: str | None = None,
    goals: str | None = None,
    motivations: str | None = None,
    challenges: str | None = None,
    information_behaviour: str | None = None,
) -> list[RevisionInfo]:
    """Change a persona in every journey that holds it; list fields take one entry a line."""
    persona, holders = find_persona(ws, persona_id)
    title = clean_text("name", name)
    changes: dict[str, object] = {
        "name": title,
        "scenario": clean_text("scenario", scenario, required=False),
        "quote": clean_text("quote", quote, required=False),
        "goals": _lines(goals),
        "motivations": _lines(motivations),
        "challenges": _lines(challenges),
        "information_behaviour": _lines(information_behaviour),
    }
    updated = Persona.model_validate({**persona.model_dump(), **changes})

    def replace(doc: JourneyDocument) -> JourneyDocument:
        personas = [updated if p.id == persona_id else p for p in doc.personas]
        return doc.model_copy(update={"personas": personas})

    message = translate("rev.update_persona", actor.language, name=updated.name)
    return save_documents(ws, [replace(d) for d in holders], bases, actor=actor, message=message)


def journeys_of_persona(ws: Workspace, persona_id: str) -> list[JourneyDocument]:
    """The journeys a persona travels."""
    return find_persona(ws, persona_id)[1]


def add_persona(
    ws: Workspace,
    project_id: str,
    *,
    bases: Mapping[str, int],
    actor: Actor,
    name: str | None,
    scenario: str | None = None,
) -> tuple[str, list[RevisionInfo]]:
    """A new persona in every journey of the project; returns its id and the revisions."""
    view = get_project(ws, project_id)
    title = clean_text("name", name)
    assert title is not None
    taken = {p.id for p in view.personas}
    persona = Persona(name=title, scenario=clean_text("scenario", scenario, required=False))
    while persona.id in taken:  # pragma: no cover - 40 random bits
        persona = persona.model_copy(update={"id": Persona(name=title).id})

    def add(doc: JourneyDocument) -> JourneyDocument:
        journey = doc.journey.model_copy(
            update={"persona_ids": [*doc.journey.persona_ids, persona.id]}
        )
        return doc.model_copy(update={"personas": [*doc.personas, persona], "journey": journey})

    message = translate("rev.add_persona", actor.language, name=title)
    changed = [add(doc) for doc in view.journeys]
    return persona.id, save_documents(ws, changed, bases, actor=actor, message=message)


@dataclass(frozen=True)
class PersonaUse:
    """What deleting a persona removes: the journeys it travels and its emotion scores there."""

    persona: Persona
    journeys: list[JourneyDocument]
    scores: int


def persona_use(ws: Workspace, persona_id: str) -> PersonaUse:
    """The persona, the journeys that hold it and how many emotion scores it has in them."""
    persona, holders = find_persona(ws, persona_id)
    scores = sum(
        1
        for doc in holders
        for _phase, step in doc.journey.steps()
        for emotion in step.lanes.emotions
        if emotion.persona_id == persona_id
    )
    return PersonaUse(persona, holders, scores)


def _without_persona(doc: JourneyDocument, persona_id: str) -> JourneyDocument:
    phases = [
        phase.model_copy(
            update={
                "steps": [
                    step.model_copy(
                        update={
                            "lanes": step.lanes.model_copy(
                                update={
                                    "emotions": [
                                        e for e in step.lanes.emotions if e.persona_id != persona_id
                                    ]
                                }
                            )
                        }
                    )
                    for step in phase.steps
                ]
            }
        )
        for phase in doc.journey.phases
    ]
    journey = doc.journey.model_copy(
        update={
            "persona_ids": [p for p in doc.journey.persona_ids if p != persona_id],
            "phases": phases,
        }
    )
    personas = [p for p in doc.personas if p.id != persona_id]
    return doc.model_copy(update={"personas": personas, "journey": journey})


def delete_persona(
    ws: Workspace, persona_id: str, *, bases: Mapping[str, int], actor: Actor
) -> tuple[PersonaUse, list[RevisionInfo]]:
    """Delete a persona from every journey that holds it, with its emotion scores.

    Refusing while scores exist would leave a person no way out: scores are removed one
    curve point at a time, and a persona travels many steps of several journeys. Someone who
    deletes a persona means it and its feelings to go, so the page asks first, naming how many
    scores in how many journeys go with it; one transaction removes them all, and each
    journey's history keeps them for a restore.
    """
    use = persona_use(ws, persona_id)
    message = translate("rev.delete_persona", actor.language, name=use.persona.name)
    changed = [_without_persona(doc, persona_id) for doc in use.journeys]
    return use, save_documents(ws, changed, bases, actor=actor, message=message)


def create_project(
    ws: Workspace,
    *,
    actor: Actor,
    name: str | None,
    goal: str | None = None,
    journey_title: str | None = None,
    include_optional_phases: bool = True,
) -> tuple[str, RevisionInfo]:
    """A new project with its first, empty as-is journey; returns the project's id.

    A project lives inside the journey documents that belong to it (see ADR 0007), so a
    project without a journey would have nowhere to be kept: it is born with one, titled
    like the project unless another title is given.
    """
    from journeykit.web.services import lifecycle

    title = clean_text("name", name)
    assert title is not None
    first = clean_text("journey_title", journey_title, required=False) or title
    projects, _loose = list_projects(ws)
    taken = {view.project.id for view in projects}
    base = f"pr-{lifecycle.slug(title)}"[:80]
    project_id, number = base, 2
    while project_id in taken:
        project_id, number = f"{base}-{number}", number + 1
    project = Project(
        id=project_id,
        name=title,
        goal=clean_text("goal", goal, required=False),
        owner=actor.name,
    )
    info = lifecycle.create_journey_document(
        ws,
        actor=actor,
        title=first,
        project=project,
        personas=[],
        include_optional_phases=include_optional_phases,
        message=translate("rev.create_project", actor.language, name=title, title=first),
    )
    # Whoever founds a project owns it; otherwise a non-admin could not even see it.
    if ws.accounts().find(actor.name) is not None:
        ws.accounts().grant(project_id, actor.name, "owner", by=actor.name)
    return project_id, info
