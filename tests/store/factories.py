"""Small journey documents built inline, and helpers to look at a store's tables directly."""

from __future__ import annotations

from sqlalchemy import func, select

from journeykit.model import Journey, JourneyDocument, Project, Step, default_phases
from journeykit.model.journey import JourneyState
from journeykit.store import Workspace
from journeykit.store.tables import RevisionRow


def journey_doc(
    journey_id: str = "checkout",
    title: str = "Checkout",
    *,
    steps: tuple[str, ...] = ("Compare prices", "Pay"),
    state: JourneyState = "as_is",
    project: Project | None = None,
) -> JourneyDocument:
    """A journey with the default phases and ``steps`` in its consideration phase."""
    phases = default_phases()
    consideration = next(p for p in phases if p.id == "consideration")
    consideration.steps = [Step(id=f"st-{i}", title=text) for i, text in enumerate(steps)]
    journey = Journey(
        id=journey_id,
        title=title,
        state=state,
        project_id=project.id if project else None,
        phases=phases,
    )
    return JourneyDocument(format_version=1, project=project, journey=journey)


def retitled(doc: JourneyDocument, title: str) -> JourneyDocument:
    """``doc`` with another journey title (and no revision: as a caller edits it)."""
    journey = doc.journey.model_copy(update={"title": title})
    return doc.model_copy(update={"journey": journey, "revision": None})


def revision_count(workspace: Workspace) -> int:
    """How many revisions the workspace's database holds, over all journeys."""
    with workspace.database.engine.connect() as connection:
        count = connection.scalar(select(func.count()).select_from(RevisionRow))
    return int(count or 0)
