"""Browser sessions and API tokens: random secrets handed out once, stored only as hashes.

A session id or token is 32 random bytes, so a plain SHA-256 of it is enough to keep a leaked
database from being a list of working credentials (a slow hash protects guessable secrets
only, and would cost every request the time of a login).
"""

from __future__ import annotations

import builtins
import datetime as dt
import hashlib
import secrets
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field

from sqlalchemy import delete, select

from journeykit.store.account_errors import TokenMissing
from journeykit.store.accounts import Account, _account, _existing
from journeykit.store.database import Database
from journeykit.store.tables import AccountRow, ApiTokenRow, ProjectGrantRow, SessionRow

#: How long a login lasts: a working week and a weekend, then the password is asked again.
SESSION_LIFETIME = dt.timedelta(days=9)
#: Token prefix, so a secret scanner (and a person) recognises a leaked journeykit token.
TOKEN_PREFIX = "jk_"
# Writing "last used" on every API call would turn every read into a write.
_LAST_USED_RESOLUTION = dt.timedelta(minutes=10)


def secret_hash(secret: str) -> str:
    """The SHA-256 (hex) under which a session id or token is stored."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass(frozen=True)
class BrowserSession:
    """A logged-in browser: its account and the CSRF token its forms must carry."""

    account: Account
    csrf_token: str
    expires_at: dt.datetime
    #: The account's role per project, read with the session (one transaction a request).
    roles: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ApiToken:
    """A token as lists show it: never the secret, only its first characters."""

    id: int
    account: str
    prefix: str
    label: str
    created_at: dt.datetime
    last_used_at: dt.datetime | None
    revoked_at: dt.datetime | None

    @property
    def active(self) -> bool:
        """Whether the token still opens the API."""
        return self.revoked_at is None


class CredentialStore:
    """Sessions and tokens of one workspace. Get it from ``Workspace.credentials()``."""

    def __init__(
        self, database: Database, lock: Callable[[], AbstractContextManager[None]]
    ) -> None:
        self._database = database
        self._lock = lock

    # Sessions

    def open_session(
        self, account_id: int, *, lifetime: dt.timedelta = SESSION_LIFETIME
    ) -> tuple[str, BrowserSession]:
        """A new session for the account: the id for the cookie (shown only now) and the
        session."""
        session_id = secrets.token_urlsafe(32)
        csrf = secrets.token_urlsafe(32)
        now = _now()
        with self._lock(), self._database.writing() as session:
            row = session.get(AccountRow, account_id)
            if row is None:
                raise TokenMissing(f"there is no account number {account_id}")
            # Expired sessions are swept here, where a write happens anyway.
            session.execute(delete(SessionRow).where(SessionRow.expires_at < now))
            session.add(
                SessionRow(
                    id_hash=secret_hash(session_id),
                    account_id=account_id,
                    csrf_token=csrf,
                    created_at=now,
                    expires_at=now + lifetime,
                )
            )
            return session_id, BrowserSession(_account(row), csrf, now + lifetime)

    def session(self, session_id: str) -> BrowserSession | None:
        """The live session with this id, or ``None`` (unknown, expired or logged out)."""
        with self._database.reading() as session:
            found = session.execute(
                select(SessionRow, AccountRow)
                .join(AccountRow, AccountRow.id == SessionRow.account_id)
                .where(SessionRow.id_hash == secret_hash(session_id))
            ).first()
            if found is None or found[0].expires_at <= _now():
                return None
            row, account = found
            grants = session.scalars(
                select(ProjectGrantRow).where(ProjectGrantRow.account_id == account.id)
            ).all()
            roles = {grant.project_id: grant.role for grant in grants}
            return BrowserSession(_account(account), row.csrf_token, row.expires_at, roles)

    def close_session(self, session_id: str) -> bool:
        """End the session (log out); whether there was one."""
        with self._lock(), self._database.writing() as session:
            result = session.execute(
                delete(SessionRow).where(SessionRow.id_hash == secret_hash(session_id))
            )
            return bool(getattr(result, "rowcount", 0))

    # Tokens

    def create_token(self, account: str, label: str = "") -> tuple[str, ApiToken]:
        """A new API token for the account: the secret (shown only now) and its record."""
        secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
        with self._lock(), self._database.writing() as session:
            owner = _existing(session, account)
            row = ApiTokenRow(
                account_id=owner.id,
                token_hash=secret_hash(secret),
                prefix=secret[: len(TOKEN_PREFIX) + 6],
                label=label.strip(),
                created_at=_now(),
            )
            session.add(row)
            session.flush()
            return secret, _token(row, owner.name)

    def tokens(self, account: str | None = None) -> builtins.list[ApiToken]:
        """Every token (of one account if asked), newest first, revoked ones included."""
        with self._database.reading() as session:
            query = select(ApiTokenRow, AccountRow).join(
                AccountRow, AccountRow.id == ApiTokenRow.account_id
            )
            if account is not None:
                query = query.where(AccountRow.id == _existing(session, account).id)
            rows = session.execute(query.order_by(ApiTokenRow.id.desc())).all()
            return [_token(token, owner.name) for token, owner in rows]

    def revoke_token(self, token_id: int) -> ApiToken:
        """Revoke the token numbered ``token_id`` (revoking twice changes nothing)."""
        with self._lock(), self._database.writing() as session:
            found = session.execute(
                select(ApiTokenRow, AccountRow)
                .join(AccountRow, AccountRow.id == ApiTokenRow.account_id)
                .where(ApiTokenRow.id == token_id)
            ).first()
            if found is None:
                raise TokenMissing(
                    f"there is no API token number {token_id}",
                    hint="`journeykit token list` shows the tokens and their numbers",
                )
            row, owner = found
            if row.revoked_at is None:
                row.revoked_at = _now()
            return _token(row, owner.name)

    def token_account(self, secret: str) -> Account | None:
        """The account a live token belongs to, or ``None`` (unknown or revoked)."""
        with self._database.reading() as session:
            found = session.execute(
                select(ApiTokenRow, AccountRow)
                .join(AccountRow, AccountRow.id == ApiTokenRow.account_id)
                .where(ApiTokenRow.token_hash == secret_hash(secret))
            ).first()
            if found is None or found[0].revoked_at is not None:
                return None
            row, owner = found
            account = _account(owner)
            stale = row.last_used_at is None or _now() - row.last_used_at > _LAST_USED_RESOLUTION
            token_id = row.id
        if stale:
            with self._lock(), self._database.writing() as session:
                current = session.get(ApiTokenRow, token_id)
                if current is not None:
                    current.last_used_at = _now()
        return account


def _token(row: ApiTokenRow, account: str) -> ApiToken:
    return ApiToken(
        row.id, account, row.prefix, row.label, row.created_at, row.last_used_at, row.revoked_at
    )
