"""Accounts and their roles per project.

Passwords are kept as argon2id hashes (argon2-cffi's defaults, rehashed on login when those
defaults grow); a workspace admin has every right, everyone else has the role a project grant
gives them and nothing in other projects.

>>> import tempfile
>>> from pathlib import Path
>>> from journeykit.store import Workspace
>>> with tempfile.TemporaryDirectory() as folder:
...     with Workspace.create(Path(folder) / "ws") as ws:
...         anna = ws.accounts().create("anna", "correct horse battery", admin=True)
...         print(anna.name, anna.is_admin, ws.accounts().authenticate("anna", "wrong") is None)
anna True True
"""

from __future__ import annotations

import builtins
import datetime as dt
import re
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from journeykit.model.errors import did_you_mean
from journeykit.store.account_errors import AccountExists, AccountInvalid, AccountMissing
from journeykit.store.database import Database
from journeykit.store.tables import (
    ACCOUNT_NAME_LENGTH,
    AccountRow,
    JourneyRow,
    ProjectGrantRow,
    SessionRow,
)

#: The roles of a project, weakest first; each includes every right of the ones before it.
PROJECT_ROLES = ("viewer", "commenter", "editor", "owner")
#: The workspace admin: every right in every project, and the accounts themselves.
ADMIN = "admin"
ACCOUNT_LANGUAGES = ("de", "en")

#: Shorter passwords fall to guessing; longer ones only make hashing a denial of service.
MIN_PASSWORD_LENGTH = 10
MAX_PASSWORD_LENGTH = 1024

# Letters, digits, dot, dash and underscore, starting with a letter or digit: the name is also
# a revision's author and an @mention, so it must survive both without quoting.
_NAME = re.compile(r"[^\W_][\w.-]*")


def role_rank(role: str) -> int:
    """How strong ``role`` is: viewer 0 … owner 3, admin 4.

    >>> role_rank("editor") > role_rank("commenter")
    True
    """
    if role == ADMIN:
        return len(PROJECT_ROLES)
    return PROJECT_ROLES.index(role)


@cache
def _hasher() -> PasswordHasher:
    return PasswordHasher()


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass(frozen=True)
class Account:
    """A person who can log in. ``language`` is ``None`` when they leave it to the browser."""

    id: int
    name: str
    is_admin: bool
    language: str | None
    created_at: dt.datetime


@dataclass(frozen=True)
class Grant:
    """One account's role in one project, and who gave it when."""

    project_id: str
    account: str
    role: str
    granted_by: str
    granted_at: dt.datetime


def _account(row: AccountRow) -> Account:
    return Account(row.id, row.name, row.is_admin, row.language, row.created_at)


def check_account_name(name: str) -> str:
    """``name`` stripped, or :class:`AccountInvalid` saying what a name may hold."""
    name = name.strip()
    if not name or len(name) > ACCOUNT_NAME_LENGTH or not _NAME.fullmatch(name):
        raise AccountInvalid(
            "name",
            f"{name!r} cannot be an account name",
            hint=f"use 1 to {ACCOUNT_NAME_LENGTH} letters, digits, '.', '-' or '_', "
            "starting with a letter or digit",
        )
    return name


def check_password(password: str) -> str:
    """``password`` if it is long enough and not absurdly long, else :class:`AccountInvalid`."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountInvalid(
            "password",
            f"is {len(password)} characters long; at least {MIN_PASSWORD_LENGTH} are needed",
            hint="a few unrelated words make a long password that is easy to remember",
        )
    if len(password) > MAX_PASSWORD_LENGTH:
        raise AccountInvalid(
            "password", f"is longer than {MAX_PASSWORD_LENGTH} characters, the most accepted"
        )
    return password


def check_role(role: str) -> str:
    """``role`` if it is a project role, else :class:`AccountInvalid` with a "did you mean"."""
    if role not in PROJECT_ROLES:
        suggestion = did_you_mean(role, PROJECT_ROLES)
        raise AccountInvalid(
            "role",
            f"{role!r} is not a project role; expected one of {', '.join(PROJECT_ROLES)}",
            hint=f"did you mean {suggestion!r}?" if suggestion else None,
        )
    return role


def check_language(language: str | None) -> str | None:
    """``language`` if it is ``de``, ``en`` or ``None``, else :class:`AccountInvalid`."""
    if language is not None and language not in ACCOUNT_LANGUAGES:
        raise AccountInvalid(
            "language", f"{language!r} is not offered; expected one of de, en (or none)"
        )
    return language


class AccountStore:
    """The accounts of one workspace and their project roles. Get it from
    ``Workspace.accounts()``."""

    def __init__(
        self, database: Database, lock: Callable[[], AbstractContextManager[None]]
    ) -> None:
        self._database = database
        self._lock = lock

    # Accounts

    def create(
        self, name: str, password: str, *, admin: bool = False, language: str | None = None
    ) -> Account:
        """A new account; :class:`AccountExists` if the name (ignoring case) is taken."""
        name = check_account_name(name)
        password_hash = _hasher().hash(check_password(password))
        language = check_language(language)
        now = _now()
        with self._lock(), self._database.writing() as session:
            taken = session.scalar(select(AccountRow).where(AccountRow.name_key == name.casefold()))
            if taken is not None:
                raise AccountExists(name, taken.name)
            row = AccountRow(
                name=name,
                name_key=name.casefold(),
                password_hash=password_hash,
                is_admin=admin,
                language=language,
                created_at=now,
                password_changed_at=now,
            )
            session.add(row)
            session.flush()
            return _account(row)

    def list(self) -> builtins.list[Account]:
        """Every account, by name (ignoring case)."""
        with self._database.reading() as session:
            rows = session.scalars(select(AccountRow).order_by(AccountRow.name_key)).all()
            return [_account(row) for row in rows]

    def count(self) -> int:
        """How many accounts there are (none: the workspace has not been set up for teams)."""
        return len(self.list())

    def find(self, name: str) -> Account | None:
        """The account called ``name`` (ignoring case), or ``None``."""
        with self._database.reading() as session:
            row = _row_named(session, name)
            return _account(row) if row is not None else None

    def get(self, name: str) -> Account:
        """The account called ``name``; :class:`AccountMissing` with a "did you mean" if none."""
        with self._database.reading() as session:
            return _account(_existing(session, name))

    def by_id(self, account_id: int) -> Account | None:
        """The account with this id, or ``None`` (it was deleted)."""
        with self._database.reading() as session:
            row = session.get(AccountRow, account_id)
            return _account(row) if row is not None else None

    def authenticate(self, name: str, password: str) -> Account | None:
        """The account if ``password`` is its password, else ``None``.

        An unknown name costs the same hashing time as a wrong password, so the answer's
        timing does not tell which names exist.
        """
        with self._database.reading() as session:
            row = _row_named(session, name)
            stored = row.password_hash if row is not None else _dummy_hash()
        try:
            _hasher().verify(stored, password)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return None
        if row is None:
            return None
        if _hasher().check_needs_rehash(stored):
            with self._lock(), self._database.writing() as session:
                current = session.get(AccountRow, row.id)
                if current is not None and current.password_hash == stored:
                    current.password_hash = _hasher().hash(password)
        return _account(row)

    def set_password(self, name: str, password: str) -> Account:
        """Give the account a new password and end all its browser sessions."""
        password_hash = _hasher().hash(check_password(password))
        with self._lock(), self._database.writing() as session:
            row = _existing(session, name)
            row.password_hash = password_hash
            row.password_changed_at = _now()
            session.execute(delete(SessionRow).where(SessionRow.account_id == row.id))
            return _account(row)

    def set_language(self, name: str, language: str | None) -> Account:
        """The account's language (``None``: follow the browser)."""
        language = check_language(language)
        with self._lock(), self._database.writing() as session:
            row = _existing(session, name)
            row.language = language
            return _account(row)

    def set_admin(self, name: str, admin: bool) -> Account:
        """Make the account a workspace admin, or take that right away (never from the last
        admin: nobody could manage the accounts in the browser any more)."""
        with self._lock(), self._database.writing() as session:
            row = _existing(session, name)
            if not admin:
                _keep_an_admin(session, row)
            row.is_admin = admin
            return _account(row)

    def delete(self, name: str) -> Account:
        """Delete the account with its sessions, tokens and grants. Its name stays on the
        revisions and audit entries it made. The last admin cannot be deleted."""
        with self._lock(), self._database.writing() as session:
            row = _existing(session, name)
            _keep_an_admin(session, row)
            gone = _account(row)
            session.delete(row)
            return gone

    # Roles

    def grant(self, project_id: str, name: str, role: str, *, by: str) -> Grant:
        """Give the account ``role`` in the project, replacing any role it had there."""
        role = check_role(role)
        with self._lock(), self._database.writing() as session:
            row = _existing(session, name)
            grant = session.get(ProjectGrantRow, (project_id, row.id))
            if grant is None:
                grant = ProjectGrantRow(project_id=project_id, account_id=row.id)
                session.add(grant)
            grant.role = role
            grant.granted_by = by
            grant.granted_at = _now()
            return Grant(project_id, row.name, role, by, grant.granted_at)

    def revoke(self, project_id: str, name: str) -> Grant | None:
        """Take the account's role in the project away; the grant it had, or ``None``."""
        with self._lock(), self._database.writing() as session:
            row = _existing(session, name)
            grant = session.get(ProjectGrantRow, (project_id, row.id))
            if grant is None:
                return None
            revoked = Grant(project_id, row.name, grant.role, grant.granted_by, grant.granted_at)
            session.delete(grant)
            return revoked

    def grants(
        self, *, account: str | None = None, project_id: str | None = None
    ) -> builtins.list[Grant]:
        """The grants, of one account or one project if asked, by project then name."""
        with self._database.reading() as session:
            query = select(ProjectGrantRow, AccountRow).join(
                AccountRow, AccountRow.id == ProjectGrantRow.account_id
            )
            if account is not None:
                query = query.where(AccountRow.id == _existing(session, account).id)
            if project_id is not None:
                query = query.where(ProjectGrantRow.project_id == project_id)
            rows = session.execute(query).all()
            grants = [
                Grant(g.project_id, a.name, g.role, g.granted_by, g.granted_at) for g, a in rows
            ]
        return sorted(grants, key=lambda g: (g.project_id, g.account.casefold()))

    def roles_of(self, account_id: int) -> dict[str, str]:
        """The account's role in each project it was granted one in."""
        with self._database.reading() as session:
            rows = session.scalars(
                select(ProjectGrantRow).where(ProjectGrantRow.account_id == account_id)
            ).all()
            return {row.project_id: row.role for row in rows}

    def project_of_journey(self, journey_id: str) -> tuple[bool, str | None]:
        """Whether the journey exists, and the project it belongs to (whose roles count)."""
        with self._database.reading() as session:
            row = session.get(JourneyRow, journey_id)
            return (row is not None, row.project_id if row is not None else None)


@cache
def _dummy_hash() -> str:
    return _hasher().hash("no account has this password, it only costs the same time")


def _keep_an_admin(session: Session, row: AccountRow) -> None:
    if not row.is_admin:
        return
    admins = session.scalars(select(AccountRow.id).where(AccountRow.is_admin.is_(True))).all()
    if list(admins) == [row.id]:
        raise AccountInvalid(
            "admin",
            f"{row.name} is the last workspace admin",
            hint="make another account an admin first (`journeykit user admin NAME`)",
        )


def _row_named(session: Session, name: str) -> AccountRow | None:
    return session.scalar(select(AccountRow).where(AccountRow.name_key == name.strip().casefold()))


def _existing(session: Session, name: str) -> AccountRow:
    row = _row_named(session, name)
    if row is None:
        raise AccountMissing(name, session.scalars(select(AccountRow.name)).all())
    return row
