"""A journey's life around its edits: created, derived to-be, its history and restore."""

from __future__ import annotations

import re
import unicodedata

from journeykit.model.document import FORMAT_VERSION, JourneyDocument
from journeykit.model.journey import Journey, default_phases
from journeykit.model.persona import Persona
from journeykit.model.project import Project
from journeykit.store import JourneySummary, RevisionInfo, Workspace
from journeykit.web.i18n import translate
from journeykit.web.services import edits
from journeykit.web.services.actor import Actor
from journeykit.web.services.documents import list_journeys


def _t(actor: Actor, key: str, **params: object) -> str:
    return translate(key, actor.language, **params)


def slug(title: str) -> str:
    """An id from a title: ``Kauf über PreisRadar`` → ``kauf-ueber-preisradar``."""
    text = title.casefold()
    for umlaut, plain in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(umlaut, plain)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:60]
    return slug or "journey"


def create_journey(
    ws: Workspace,
    *,
    actor: Actor,
    title: str | None,
    project_id: str | None = None,
    include_optional_phases: bool = True,
) -> RevisionInfo:
    """A new, empty as-is journey with the default phases, in a project if one is named.

    The project's record and personas come from a journey that already belongs to it.
    """
    text = edits.clean_text("title", title)
    assert text is not None
    actor.require("editor", project_id or None)
    project = None
    personas: list[Persona] = []
    if project_id:
        from journeykit.web.services.projects import get_project

        view = get_project(ws, project_id)
        project, personas = view.project, view.personas
    return create_journey_document(
        ws,
        actor=actor,
        title=text,
        project=project,
        personas=personas,
        include_optional_phases=include_optional_phases,
        message=_t(actor, "rev.create", title=text),
    )


def create_journey_document(
    ws: Workspace,
    *,
    actor: Actor,
    title: str,
    project: Project | None,
    personas: list[Persona],
    include_optional_phases: bool,
    message: str,
) -> RevisionInfo:
    """Save a new, empty as-is journey with the default phases, an id made from its title."""
    taken = {summary.id for summary in list_journeys(ws)}
    base = slug(title)
    journey_id, number = base, 2
    while journey_id in taken:
        journey_id, number = f"{base}-{number}", number + 1
    doc = JourneyDocument(
        format_version=FORMAT_VERSION,
        project=project,
        personas=personas,
        journey=Journey(
            id=journey_id,
            title=title,
            state="as_is",
            project_id=project.id if project else None,
            persona_ids=[p.id for p in personas],
            phases=default_phases(include_optional=include_optional_phases),
        ),
    )
    return ws.journeys().save(doc, author=actor.name, message=message, base_revision=None)


def history(ws: Workspace, journey_id: str) -> list[RevisionInfo]:
    """Every revision of the journey, newest first."""
    return ws.journeys().history(journey_id)


def restore(ws: Workspace, journey_id: str, *, revision: int, actor: Actor) -> RevisionInfo:
    """Make revision ``revision``'s content the head again, as a new revision."""
    return ws.journeys().restore(
        journey_id,
        revision,
        author=actor.name,
        message=_t(actor, "rev.restore", number=revision),
    )


def derive_to_be(ws: Workspace, journey_id: str, *, actor: Actor) -> RevisionInfo:
    """Create the to-be journey of an as-is journey."""
    return ws.journeys().derive_to_be(journey_id, author=actor.name)


def to_be_of(ws: Workspace, journey_id: str) -> JourneySummary | None:
    """The to-be journey derived from ``journey_id``, if there is one."""
    return next((s for s in list_journeys(ws) if s.derived_from == journey_id), None)
