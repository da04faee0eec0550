"""The demo's accounts: an admin, an editor and a commenter of the demo project, each with a
freshly generated password (printed once by ``journeykit demo``)."""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from journeykit.demo.personas import PROJECT_ID
from journeykit.store import Workspace

#: Who the demo lets in: name, role in the demo project (``None``: workspace admin).
DEMO_ACCOUNTS: tuple[tuple[str, str | None], ...] = (
    ("anna", None),
    ("ben", "editor"),
    ("clara", "commenter"),
)


@dataclass(frozen=True)
class DemoAccount:
    """A demo account as ``journeykit demo`` shows it."""

    name: str
    role: str
    password: str


def add_demo_accounts(ws: Workspace) -> list[DemoAccount]:
    """Create the demo's accounts with new random passwords and return them."""
    made = []
    for name, role in DEMO_ACCOUNTS:
        password = secrets.token_urlsafe(12)
        ws.accounts().create(name, password, admin=role is None)
        if role is not None:
            ws.accounts().grant(PROJECT_ID, name, role, by="journeykit demo")
        made.append(DemoAccount(name, role or "admin", password))
    return made
