"""Reviewing the discovered journey against a drawn map, and accepting items into it.

The review page and its ``/api/v1`` twin both call :func:`discovery_review` to show the draft
and :func:`accept_discovered` to save what a person accepted as a new revision (through
:func:`journeykit.web.services.journeys.edit_journey`, so a stale base is refused like any
other edit).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from journeykit.insight.discovery import DiscoveredStep, Discovery
from journeykit.insight.discovery_document import accept_items, stands_for, step_key
from journeykit.insight.discovery_workspace import workspace_discovery
from journeykit.model.document import JourneyDocument
from journeykit.store import Workspace
from journeykit.web.i18n import translate
from journeykit.web.services.actor import Actor
from journeykit.web.services.documents import get_journey
from journeykit.web.services.errors import FieldInvalid
from journeykit.web.services.journeys import Saved, edit_journey


@dataclass(frozen=True)
class ReviewStep:
    """A draft step as the review shows it: its key and the drawn step it stands for."""

    step: DiscoveredStep
    key: str
    on_map: str | None
    on_map_title: str | None


@dataclass(frozen=True)
class Review:
    """The draft beside the drawn map."""

    discovery: Discovery
    document: JourneyDocument
    steps: tuple[ReviewStep, ...]


def discovery_review(ws: Workspace, journey_id: str) -> Review:
    """The workspace's discovered journey, each step marked with the drawn step it matches."""
    document = get_journey(ws, journey_id)
    discovery = workspace_discovery(ws)
    titles = {step.id: step.title for _p, step in document.journey.steps()}
    steps = []
    for step in discovery.steps:
        drawn = stands_for(document, step)
        steps.append(ReviewStep(step, step_key(step.id), drawn, titles.get(drawn or "")))
    return Review(discovery, document, tuple(steps))


def accept_discovered(
    ws: Workspace,
    journey_id: str,
    *,
    base_revision: int,
    actor: Actor,
    accepted: Sequence[str],
) -> Saved:
    """Add the accepted draft steps, pain points and opportunities to the map."""
    chosen = list(dict.fromkeys(accepted))
    if not chosen:
        raise FieldInvalid("accepted", "insight.nothing_selected", "select at least one item")
    discovery = workspace_discovery(ws)
    info = edit_journey(
        ws,
        journey_id,
        base_revision=base_revision,
        actor=actor,
        message=translate("rev.discovery", actor.language, count=len(chosen)),
        change=lambda doc: accept_items(doc, discovery, chosen, language=actor.language),
    )
    return Saved(info)
