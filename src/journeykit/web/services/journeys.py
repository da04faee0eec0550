"""Reading and editing journeys: every write names the revision it is based on."""

from __future__ import annotations

import re
import threading
import unicodedata
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from journeykit.model.document import FORMAT_VERSION, JourneyDocument
from journeykit.model.journey import Journey, default_phases
from journeykit.model.persona import Persona
from journeykit.store import ConflictError, JourneySummary, RevisionInfo, Workspace
from journeykit.web.i18n import translate
from journeykit.web.services import edits
from journeykit.web.services.actor import Actor
from journeykit.web.services.edits import Rating


class StaleEdit(ConflictError):
    """An edit was based on a revision that is no longer the head; ``head`` is the current
    document, so a page can show both versions side by side."""

    def __init__(self, journey_id: str, base: int, head: JourneyDocument) -> None:
        super().__init__(
            f"journey {journey_id!r} has changed since revision {base}: its head is now "
            f"revision {head.revision}; nothing was saved",
            hint="look at the current version and apply your change again",
            journey_id=journey_id,
            base_revision=base,
            head_revision=head.revision,
        )
        self.head = head


@dataclass(frozen=True)
class Saved:
    """The outcome of an edit: the revision it made and the id of a record it created."""

    revision: RevisionInfo
    created_id: str | None = None


class DocumentCache:
    """Parsed journey documents by workspace, journey and revision.

    A revision never changes once saved, so a parsed document can be reused until it falls out
    of the cache; only the head's number is read from the store on each request. Callers never
    mutate what they get (the edits copy first).
    """

    def __init__(self, size: int = 32) -> None:
        self._size = size
        self._documents: OrderedDict[tuple[str, str, int], JourneyDocument] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple[str, str, int]) -> JourneyDocument | None:
        """The cached document, if any."""
        with self._lock:
            doc = self._documents.get(key)
            if doc is not None:
                self._documents.move_to_end(key)
            return doc

    def clear(self) -> None:
        """Forget every document."""
        with self._lock:
            self._documents.clear()

    def put(self, key: tuple[str, str, int], doc: JourneyDocument) -> None:
        """Remember ``doc``, forgetting the least recently used one beyond the size."""
        with self._lock:
            self._documents[key] = doc
            self._documents.move_to_end(key)
            while len(self._documents) > self._size:
                self._documents.popitem(last=False)


DOCUMENTS = DocumentCache()


def list_journeys(ws: Workspace) -> list[JourneySummary]:
    """Every journey of the workspace, ordered by title."""
    return ws.journeys().list()


def head_revision(ws: Workspace, journey_id: str) -> int:
    """The journey's head revision; not found names the nearest journey id."""
    for summary in ws.journeys().list():
        if summary.id == journey_id:
            return summary.revision
    ws.journeys().get(journey_id)  # raises the not-found error with its suggestion
    raise AssertionError("unreachable")  # pragma: no cover


def get_journey(ws: Workspace, journey_id: str, revision: int | None = None) -> JourneyDocument:
    """The journey document at ``revision`` (default: the head)."""
    number = revision if revision is not None else head_revision(ws, journey_id)
    key = (str(ws.path), journey_id, number)
    doc = DOCUMENTS.get(key)
    if doc is None:
        doc = ws.journeys().get(journey_id, number)
        DOCUMENTS.put(key, doc)
    return doc


def edit_journey(
    ws: Workspace,
    journey_id: str,
    *,
    base_revision: int,
    actor: Actor,
    message: str,
    change: Callable[[JourneyDocument], JourneyDocument],
) -> RevisionInfo:
    """Apply ``change`` to the head and save it, if the head still is ``base_revision``.

    A stale base raises :class:`StaleEdit` carrying the current document; the store checks
    the base again inside its transaction, so two edits racing cannot both win.
    """
    head = get_journey(ws, journey_id)
    if head.revision != base_revision:
        raise StaleEdit(journey_id, base_revision, head)
    changed = change(head)
    info = ws.journeys().save(
        changed, author=actor.name, message=message, base_revision=base_revision
    )
    if not info.unchanged:
        # What was just saved is what the next page shows: no need to parse it back.
        saved = changed.model_copy(update={"revision": info.number})
        DOCUMENTS.put((str(ws.path), journey_id, info.number), saved)
    return info


def _t(actor: Actor, key: str, **params: object) -> str:
    return translate(key, actor.language, **params)


def _created(
    ws: Workspace,
    journey_id: str,
    base_revision: int,
    actor: Actor,
    message: str,
    change: Callable[[JourneyDocument], tuple[JourneyDocument, str]],
) -> Saved:
    made: list[str] = []

    def apply(doc: JourneyDocument) -> JourneyDocument:
        result, new_id = change(doc)
        made.append(new_id)
        return result

    info = edit_journey(
        ws, journey_id, base_revision=base_revision, actor=actor, message=message, change=apply
    )
    return Saved(info, made[0] if made else None)


def _saved(
    ws: Workspace,
    journey_id: str,
    base_revision: int,
    actor: Actor,
    message: str,
    change: Callable[[JourneyDocument], JourneyDocument],
) -> Saved:
    info = edit_journey(
        ws, journey_id, base_revision=base_revision, actor=actor, message=message, change=change
    )
    return Saved(info)


# Phases


def add_phase(
    ws: Workspace,
    journey_id: str,
    *,
    base_revision: int,
    actor: Actor,
    name_de: str | None,
    name_en: str | None,
    position: int | None = None,
) -> Saved:
    """Add an empty phase."""
    label = (name_de if actor.language == "de" else name_en) or name_de or name_en or ""
    return _created(
        ws,
        journey_id,
        base_revision,
        actor,
        _t(actor, "rev.add_phase", name=label.strip()),
        lambda d: edits.add_phase(d, name_de=name_de, name_en=name_en, position=position),
    )


def rename_phase(
    ws: Workspace,
    journey_id: str,
    phase_id: str,
    *,
    base_revision: int,
    actor: Actor,
    name_de: str | None,
    name_en: str | None,
) -> Saved:
    """Rename a phase in German and English."""
    label = (name_de if actor.language == "de" else name_en) or name_de or name_en or ""
    return _saved(
        ws,
        journey_id,
        base_revision,
        actor,
        _t(actor, "rev.rename_phase", name=label.strip()),
        lambda d: edits.rename_phase(d, phase_id, name_de=name_de, name_en=name_en),
    )


def move_phase(
    ws: Workspace,
    journey_id: str,
    phase_id: str,
    *,
    base_revision: int,
    actor: Actor,
    position: int,
) -> Saved:
    """Move a phase to ``position``."""
    return _saved(
        ws,
        journey_id,
        base_revision,
        actor,
        _t(actor, "rev.move_phase", id=phase_id),
        lambda d: edits.move_phase(d, phase_id, position=position),
    )


def delete_phase(
    ws: Workspace, journey_id: str, phase_id: str, *, base_revision: int, actor: Actor
) -> Saved:
    """Delete a phase with its steps."""
    return _saved(
        ws,
        journey_id,
        base_revision,
        actor,
        _t(actor, "rev.delete_phase", id=phase_id),
        lambda d: edits.delete_phase(d, phase_id),
    )


# Steps


def add_step(
    ws: Workspace,
    journey_id: str,
    *,
    base_revision: int,
    actor: Actor,
    phase_id: str,
    title: str | None,
    position: int | None = None,
) -> Saved:
    """Add a step to a phase."""
    return _created(
        ws,
        journey_id,
        base_revision,
        actor,
        _t(actor, "rev.add_step", title=(title or "").strip()),
        lambda d: edits.add_step(d, phase_id=phase_id, title=title, position=position),
    )


def rename_step(
    ws: Workspace,
    journey_id: str,
    step_id: str,
    *,
    base_revision: int,
    actor: Actor,
    title: str | None,
    description: str | None = None,
) -> Saved:
    """Give a step a new title (and description)."""
    return _saved(
        ws,
        journey_id,
        base_revision,
        actor,
        _t(actor, "rev.rename_step", title=(title or "").strip()),
        lambda d: edits.rename_step(d, step_id, title=title, description=description),
    )


def move_step(
    ws: Workspace,
    journey_id: str,
    step_id: str,
    *,
    base_revision: int,
    actor: Actor,
    phase_id: str,
    position: int,
) -> Saved:
    """Move a step within its phase or to another phase."""
    return _saved(
        ws,
        journey_id,
        base_revision,
        actor,
        _t(actor, "rev.move_step", id=step_id, phase=phase_id),
        lambda d: edits.move_step(d, step_id, phase_id=phase_id, position=position),
    )


def delete_step(
    ws: Workspace, journey_id: str, step_id: str, *, base_revision: int, actor: Actor
) -> Saved:
    """Delete a step."""
    return _saved(
        ws,
        journey_id,
        base_revision,
        actor,
        _t(actor, "rev.delete_step", id=step_id),
        lambda d: edits.delete_step(d, step_id),
    )


# Lane items


def add_item(
    ws: Workspace,
    journey_id: str,
    *,
    base_revision: int,
    actor: Actor,
    step_id: str,
    lane: str,
    text: str | None,
    position: int | None = None,
) -> Saved:
    """Add an item to a text lane of a step."""
    return _created(
        ws,
        journey_id,
        base_revision,
        actor,
        _t(actor, "rev.add_item", lane=lane, step=step_id),
        lambda d: edits.add_item(d, step_id=step_id, lane=lane, text=text, position=position),
    )


def edit_item(
    ws: Workspace,
    journey_id: str,
    item_id: str,
    *,
    base_revision: int,
    actor: Actor,
    text: str | None,
) -> Saved:
    """Change the text of a lane item."""
    return _saved(
        ws,
        journey_id,
        base_revision,
        actor,
        _t(actor, "rev.edit_item", text=(text or "").strip()[:60]),
        lambda d: edits.edit_item(d, item_id, text=text),
    )


def move_item(
    ws: Workspace,
    journey_id: str,
    item_id: str,
    *,
    base_revision: int,
    actor: Actor,
    step_id: str,
    lane: str,
    position: int,
) -> Saved:
    """Move a lane item to another place, lane or step."""
    return _saved(
        ws,
        journey_id,
        base_revision,
        actor,
        _t(actor, "rev.move_item", id=item_id),
        lambda d: edits.move_item(d, item_id, step_id=step_id, lane=lane, position=position),
    )


def delete_item(
    ws: Workspace, journey_id: str, item_id: str, *, base_revision: int, actor: Actor
) -> Saved:
    """Delete a lane item."""
    return _saved(
        ws,
        journey_id,
        base_revision,
        actor,
        _t(actor, "rev.delete_item", id=item_id),
        lambda d: edits.delete_item(d, item_id),
    )


def set_emotion(
    ws: Workspace,
    journey_id: str,
    *,
    base_revision: int,
    actor: Actor,
    step_id: str,
    persona_id: str,
    score: int,
    rating: Rating | None = None,
    clear_rating: bool = False,
) -> Saved:
    """Set how a persona feels at a step; the rating stays unless one is given or cleared."""
    return _saved(
        ws,
        journey_id,
        base_revision,
        actor,
        _t(actor, "rev.set_emotion", step=step_id, persona=persona_id, score=f"{score:+d}"),
        lambda d: edits.set_emotion(
            d,
            step_id=step_id,
            persona_id=persona_id,
            score=score,
            rating=rating,
            keep_rating=not clear_rating,
        ),
    )


# Touchpoints


def add_touchpoint(
    ws: Workspace,
    journey_id: str,
    *,
    base_revision: int,
    actor: Actor,
    step_id: str,
    name: str | None,
    channel: str | None,
    mode: str | None,
    ownership: str | None,
) -> Saved:
    """Add a touchpoint to a step."""
    return _created(
        ws,
        journey_id,
        base_revision,
        actor,
        _t(actor, "rev.add_touchpoint", name=(name or "").strip(), step=step_id),
        lambda d: edits.add_touchpoint(
            d, step_id=step_id, name=name, channel=channel, mode=mode, ownership=ownership
        ),
    )


def rename_touchpoint(
    ws: Workspace,
    journey_id: str,
    touchpoint_id: str,
    *,
    base_revision: int,
    actor: Actor,
    name: str | None,
) -> Saved:
    """Give a touchpoint a new name."""
    return _saved(
        ws,
        journey_id,
        base_revision,
        actor,
        _t(actor, "rev.rename_touchpoint", name=(name or "").strip()),
        lambda d: edits.rename_touchpoint(d, touchpoint_id, name=name),
    )


def delete_touchpoint(
    ws: Workspace, journey_id: str, touchpoint_id: str, *, base_revision: int, actor: Actor
) -> Saved:
    """Delete a touchpoint."""
    return _saved(
        ws,
        journey_id,
        base_revision,
        actor,
        _t(actor, "rev.delete_touchpoint", id=touchpoint_id),
        lambda d: edits.delete_touchpoint(d, touchpoint_id),
    )


# New journeys


def _slug(title: str) -> str:
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
    taken = {summary.id for summary in list_journeys(ws)}
    base = _slug(text)
    journey_id, number = base, 2
    while journey_id in taken:
        journey_id, number = f"{base}-{number}", number + 1
    project = None
    personas: list[Persona] = []
    if project_id:
        from journeykit.web.services.projects import get_project

        view = get_project(ws, project_id)
        project, personas = view.project, view.personas
    doc = JourneyDocument(
        format_version=FORMAT_VERSION,
        project=project,
        personas=personas,
        journey=Journey(
            id=journey_id,
            title=text,
            state="as_is",
            project_id=project.id if project else None,
            persona_ids=[p.id for p in personas],
            phases=default_phases(include_optional=include_optional_phases),
        ),
    )
    return ws.journeys().save(
        doc, author=actor.name, message=_t(actor, "rev.create", title=text), base_revision=None
    )


# History


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
