"""The database tables of a workspace, as typed SQLAlchemy mappings.

These classes describe the schema the latest migration creates; the migrations in
``migrations/versions`` are what actually creates and changes it (a test checks that the two
agree). Rows are storage records only: the store turns them into model objects and back.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, DateTime, ForeignKey, Integer, MetaData, String, Text
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

#: Longest id the model allows (``journeykit.model.base.ID_PATTERN``).
ID_LENGTH = 80

# Named constraints, so a later migration can alter them by name on every backend.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UtcDateTime(TypeDecorator[dt.datetime]):
    """A point in time, stored in UTC and always read back as an aware UTC datetime.

    SQLite keeps no time zone; without this the same column would read back aware on
    PostgreSQL and naive on SQLite.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetimes are ambiguous; store aware UTC times")
        value = value.astimezone(dt.UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(
        self, value: dt.datetime | None, dialect: Dialect
    ) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC)


class Base(DeclarativeBase):
    """Base of every table; its metadata is what Alembic compares migrations with."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class ProjectRow(Base):
    """A project, as last carried by a saved journey document (the whole record in ``data``)."""

    __tablename__ = "projects"

    id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20))
    data: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)


class JourneyRow(Base):
    """A journey: what lists need to show it, and which revision is its current content."""

    __tablename__ = "journeys"

    id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True)
    # No foreign key: a document may name a project without carrying its record.
    project_id: Mapped[str | None] = mapped_column(String(ID_LENGTH), index=True)
    title: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(10))
    derived_from: Mapped[str | None] = mapped_column(String(ID_LENGTH))
    head_revision: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)


class RevisionRow(Base):
    """One saved state of a journey: the whole canonical document, and who saved it why."""

    __tablename__ = "journey_revisions"

    # The primary key is the unique (journey_id, number): a second writer that got past the
    # head check still cannot store the same revision number twice.
    journey_id: Mapped[str] = mapped_column(
        String(ID_LENGTH), ForeignKey("journeys.id", ondelete="CASCADE"), primary_key=True
    )
    number: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    author: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    message: Mapped[str] = mapped_column(Text)
    based_on: Mapped[int | None] = mapped_column(Integer)
    document: Mapped[str] = mapped_column(Text)


# Accounts, sessions, API tokens, project roles and the audit log (issue 5).

#: Longest account name; names are also revision authors and @mentions.
ACCOUNT_NAME_LENGTH = 80


class AccountRow(Base):
    """A person who can log in: an argon2 password hash, whether they administer the
    workspace, and the language they chose (none: the browser's)."""

    __tablename__ = "accounts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(ACCOUNT_NAME_LENGTH), unique=True)
    # The casefolded name, unique too: "Anna" and "anna" are one person to a reader.
    name_key: Mapped[str] = mapped_column(String(ACCOUNT_NAME_LENGTH), unique=True)
    password_hash: Mapped[str] = mapped_column(Text)
    is_admin: Mapped[bool] = mapped_column(Boolean)
    language: Mapped[str | None] = mapped_column(String(5))
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    password_changed_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)


class SessionRow(Base):
    """A browser session: the cookie holds a random id, the table only its SHA-256."""

    __tablename__ = "account_sessions"

    id_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    account_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("accounts.id", ondelete="CASCADE"), index=True
    )
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    expires_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)


class ApiTokenRow(Base):
    """A Bearer token for the API, stored as its SHA-256; ``prefix`` names it in lists."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("accounts.id", ondelete="CASCADE"), index=True
    )
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    prefix: Mapped[str] = mapped_column(String(16))
    label: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    last_used_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)


class ProjectGrantRow(Base):
    """An account's role in one project (owner, editor, commenter or viewer)."""

    __tablename__ = "project_grants"

    # No foreign key to projects: a grant may be made before the project's first journey.
    project_id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True)
    account_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True
    )
    role: Mapped[str] = mapped_column(String(20))
    granted_by: Mapped[str] = mapped_column(Text)
    granted_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)


class AuditEventRow(Base):
    """Something done that is no journey revision: a login, a failed login, a grant, a token.

    ``actor`` is the account name as written (kept when the account is deleted), ``subject``
    what the action was about (the account a grant went to, the name a failed login tried).
    """

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(UtcDateTime, index=True)
    action: Mapped[str] = mapped_column(String(40), index=True)
    actor: Mapped[str | None] = mapped_column(Text, index=True)
    subject: Mapped[str | None] = mapped_column(Text, index=True)
    project_id: Mapped[str | None] = mapped_column(String(ID_LENGTH))
    journey_id: Mapped[str | None] = mapped_column(String(ID_LENGTH), index=True)
    address: Mapped[str | None] = mapped_column(String(64), index=True)
    detail: Mapped[str] = mapped_column(Text)
