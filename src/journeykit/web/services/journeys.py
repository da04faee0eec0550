"""Reading and editing journeys: every write names the revision it is based on."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from journeykit.model.document import JourneyDocument
from journeykit.store import ConflictError, RevisionInfo, Workspace
from journeykit.web.i18n import translate
from journeykit.web.services import edits
from journeykit.web.services.actor import Actor
from journeykit.web.services.documents import DOCUMENTS, get_journey
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


def edit_journey(
    ws: Workspace,
    journey_id: str,
    *,
    base_revision: int,
    actor: Actor,
    message: str,
    change: Callable[[JourneyDocument], JourneyDocument],
    describe: Callable[[], str] | None = None,
) -> RevisionInfo:
    """Apply ``change`` to the head and save it, if the head still is ``base_revision``.

    A stale base raises :class:`StaleEdit` carrying the current document; the store checks
    the base again inside its transaction, so two edits racing cannot both win. ``describe``,
    if given, writes the revision's message once ``change`` has run (when the message names
    something only the change finds out).
    """
    head = get_journey(ws, journey_id)
    if head.revision != base_revision:
        raise StaleEdit(journey_id, base_revision, head)
    changed = change(head)
    if describe is not None:
        message = describe()
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


def describe_step(
    ws: Workspace,
    journey_id: str,
    step_id: str,
    *,
    base_revision: int,
    actor: Actor,
    description: str | None,
) -> Saved:
    """Give a step a new description, or remove it."""
    return _saved(
        ws,
        journey_id,
        base_revision,
        actor,
        _t(actor, "rev.describe_step", id=step_id),
        lambda d: edits.describe_step(d, step_id, description=description),
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


def move_touchpoint(
    ws: Workspace,
    journey_id: str,
    touchpoint_id: str,
    *,
    base_revision: int,
    actor: Actor,
    position: int,
) -> Saved:
    """Move a touchpoint to another place within its step."""
    return _saved(
        ws,
        journey_id,
        base_revision,
        actor,
        _t(actor, "rev.move_touchpoint", id=touchpoint_id),
        lambda d: edits.move_touchpoint(d, touchpoint_id, position=position),
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
