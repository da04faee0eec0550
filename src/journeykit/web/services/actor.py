"""Who acts on the workspace: the author recorded on revisions, the language they read, and
the roles they hold (checked by :mod:`journeykit.web.gate` before a route runs, and by the few
services that create journeys in a project named in the request's body)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from journeykit.store.account_errors import Forbidden
from journeykit.store.accounts import ADMIN, role_rank


@dataclass(frozen=True)
class Actor:
    """The person behind a request.

    ``roles`` maps project ids to the account's role there; an admin has every role everywhere.
    """

    name: str
    language: str = "de"
    is_admin: bool = False
    roles: Mapping[str, str] = field(default_factory=dict)

    def role_in(self, project_id: str | None) -> str | None:
        """The actor's role in the project (``admin`` for admins; journeys without a project
        belong to admins only)."""
        if self.is_admin:
            return ADMIN
        if project_id is None:
            return None
        return self.roles.get(project_id)

    def may(self, role: str, project_id: str | None) -> bool:
        """Whether the actor holds at least ``role`` in the project."""
        held = self.role_in(project_id)
        return held is not None and role_rank(held) >= role_rank(role)

    def best_role(self) -> str | None:
        """The strongest role the actor holds anywhere (what a route without a project needs)."""
        if self.is_admin:
            return ADMIN
        return max(self.roles.values(), key=role_rank, default=None)

    def require(self, role: str, project_id: str | None) -> None:
        """Refuse with :class:`Forbidden` unless the actor holds ``role`` in the project."""
        if not self.may(role, project_id):
            where = f"project {project_id!r}" if project_id else "journeys without a project"
            raise Forbidden(
                f"{self.name} needs the role {role!r} in {where}",
                hint="a project owner or workspace admin can grant it "
                "(`journeykit project grant PROJECT USER ROLE`)",
            )
