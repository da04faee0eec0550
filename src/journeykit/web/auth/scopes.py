"""Which project's role counts for a request, and whether the caller holds it.

A route works on the project named by its ``journey_id`` (the journey's project),
``project_id`` or ``persona_id`` (the projects of the journeys holding the persona) path
parameter, in that order. Journeys without a project belong to workspace admins only (see
ADR 0009). A journey or persona that does not exist answers 404 to an admin with the usual
"did you mean" from the route, and a plain 404 to anyone else, so ids of other projects'
journeys do not leak through suggestions.
"""

from __future__ import annotations

from journeykit.model.errors import NotFoundError
from journeykit.store import Workspace
from journeykit.store.account_errors import Forbidden
from journeykit.store.accounts import ADMIN, role_rank
from journeykit.web.auth.callers import Caller
from journeykit.web.policy import SCOPE_PARAMETERS


class RoleTooWeak(Forbidden):
    """The caller's role in the route's project (or anywhere) is weaker than it needs."""

    def __init__(self, message: str, *, needed: str) -> None:
        super().__init__(
            message,
            hint="a project owner or workspace admin can grant the role "
            "(`journeykit project grant PROJECT USER ROLE`)",
        )
        self.needed = needed


def route_projects(ws: Workspace, path_params: dict[str, str]) -> list[str | None] | None:
    """The projects whose role counts for a route called with ``path_params`` (``None``
    for a journey without a project), or ``None`` if the route names no project."""
    for parameter in SCOPE_PARAMETERS:
        value = path_params.get(parameter)
        if value is None:
            continue
        if parameter == "journey_id":
            known, project_id = ws.accounts().project_of_journey(value)
            if not known:
                raise NotFoundError(f"there is no journey {value!r} you may open")
            return [project_id]
        if parameter == "project_id":
            return [value]
        from journeykit.web.services.projects import find_persona

        try:
            _persona, holders = find_persona(ws, value)
        except NotFoundError:
            raise NotFoundError(f"there is no persona {value!r} you may open") from None
        return sorted({doc.journey.project_id for doc in holders}, key=lambda p: p or "")
    return None


def check_role(ws: Workspace, caller: Caller, needed: str, path_params: dict[str, str]) -> None:
    """Refuse unless ``caller`` holds ``needed`` where the route works.

    An admin passes every check (and sees the routes' own 404s). Without a project in the
    path a viewer route is open to every account, a stronger one to an account holding that
    role in some project.
    """
    account = caller.account
    if account.is_admin:
        return
    if needed == ADMIN:
        raise RoleTooWeak(f"{account.name} is no workspace admin", needed=ADMIN)
    projects = route_projects(ws, path_params)
    if projects is None:
        if needed == "viewer":
            return
        best = max(caller.roles.values(), key=role_rank, default=None)
        if best is None or role_rank(best) < role_rank(needed):
            raise RoleTooWeak(
                f"{account.name} needs the role {needed!r} in at least one project",
                needed=needed,
            )
        return
    for project_id in projects:
        held = caller.roles.get(project_id) if project_id is not None else None
        if held is None or role_rank(held) < role_rank(needed):
            where = f"project {project_id!r}" if project_id else "journeys without a project"
            raise RoleTooWeak(
                f"{account.name} needs the role {needed!r} in {where}"
                + (f" (and has {held!r})" if held else ""),
                needed=needed,
            )
