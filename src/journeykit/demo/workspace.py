"""Writing the demo into a workspace: the workshop draft first, then the researched map."""

from __future__ import annotations

import shutil
from pathlib import Path

from journeykit.demo.event_log import build_demo_attributes, build_demo_events
from journeykit.demo.feedback_data import add_demo_feedback
from journeykit.demo.shop import build_demo_document, build_demo_draft
from journeykit.events.rules import RULES_FILE, TouchpointRules, rules_from_journey, write_rules
from journeykit.events.store import EventStore
from journeykit.model.errors import JourneykitError
from journeykit.store import Workspace
from journeykit.store.config import CONFIG_FILE

DEMO_FOLDER = Path("journeykit-demo")
DEMO_AUTHOR = "journeykit demo"


class NotAWorkspaceError(JourneykitError):
    """A folder that is not a journeykit workspace is never deleted."""

    code = "not_a_workspace"


def _add_event_log(folder: Path, rules: TouchpointRules) -> None:
    # The rules file is what a user edits to map events to the map's touchpoints.
    write_rules(folder / RULES_FILE, rules)
    events = EventStore(folder)
    events.add(build_demo_events(), rules=rules)
    events.add_attributes(build_demo_attributes())


def build_demo_workspace(path: Path, *, force: bool = False) -> Workspace:
    """Create the demo workspace in ``path`` (journey map, event log with touchpoint rules,
    customer attributes, survey answers, reviews and tickets) and return it open.

    With ``force``, an existing workspace there is replaced; a folder with other content is
    refused rather than deleted.
    """
    if force and path.exists():
        if not (path / CONFIG_FILE).is_file():
            raise NotAWorkspaceError(
                f"{path} exists and is not a journeykit workspace; it was left untouched",
                hint="choose another folder",
            )
        shutil.rmtree(path)
    workspace = Workspace.create(path, name="Demo: Online-Shop via Preisvergleich")
    try:
        store = workspace.journeys()
        draft = store.save(
            build_demo_draft(),
            author=DEMO_AUTHOR,
            message="Workshop-Entwurf der Ist-Journey",
            base_revision=None,
        )
        document = build_demo_document()
        store.save(
            document,
            author=DEMO_AUTHOR,
            message="Interviews, Umfrage und Analytics eingearbeitet",
            base_revision=draft.number,
        )
        _add_event_log(workspace.path, rules_from_journey(document))
        add_demo_feedback(workspace.path)
    except BaseException:
        workspace.close()
        raise
    return workspace
