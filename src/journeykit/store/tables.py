"""The database tables of a workspace, as typed SQLAlchemy mappings.

These classes describe the schema the latest migration creates; the migrations in
``migrations/versions`` are what actually creates and changes it (a test checks that the two
agree). Rows are storage records only: the store turns them into model objects and back.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, DateTime, Float, ForeignKey, Integer, MetaData, String, Text
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


# Comments and share links (issue 5, migration 0003). Neither is part of a journey's
# revisions: a conversation about a map, and who may look at it, are not its content.


class CommentRow(Base):
    """A comment on a step or a lane item; a reply names its thread's first comment.

    ``step_id``/``item_id`` point into the journey document by id, without a foreign key: a
    step or item deleted later leaves the comment standing "on a removed item", and
    ``target_text`` keeps what it was about.
    """

    __tablename__ = "comments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    journey_id: Mapped[str] = mapped_column(
        String(ID_LENGTH), ForeignKey("journeys.id", ondelete="CASCADE"), index=True
    )
    thread_id: Mapped[int | None] = mapped_column(
        Integer, ForeignKey("comments.id", ondelete="CASCADE"), index=True
    )
    step_id: Mapped[str] = mapped_column(String(ID_LENGTH))
    item_id: Mapped[str | None] = mapped_column(String(ID_LENGTH))
    target_text: Mapped[str] = mapped_column(Text)
    author: Mapped[str] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    resolved_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    resolved_by: Mapped[str | None] = mapped_column(Text)


class MentionRow(Base):
    """A person named with ``@`` in a comment (what "mentions me" lists)."""

    __tablename__ = "comment_mentions"

    comment_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("comments.id", ondelete="CASCADE"), primary_key=True
    )
    person: Mapped[str] = mapped_column(String(200), primary_key=True, index=True)


class ShareLinkRow(Base):
    """A read-only link to a journey's presentation; only the token's SHA-256 is kept.

    ``hidden_lanes`` and ``hidden_items`` are JSON lists of what the link leaves out.
    ``failed_attempts`` and ``locked_until`` rate-limit password guesses per link.
    """

    __tablename__ = "share_links"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    journey_id: Mapped[str] = mapped_column(
        String(ID_LENGTH), ForeignKey("journeys.id", ondelete="CASCADE"), index=True
    )
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    token_hint: Mapped[str] = mapped_column(String(12))
    label: Mapped[str] = mapped_column(Text)
    password_hash: Mapped[str | None] = mapped_column(Text)
    expires_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    revoked_by: Mapped[str | None] = mapped_column(Text)
    hidden_lanes: Mapped[str] = mapped_column(Text)
    hidden_items: Mapped[str] = mapped_column(Text)
    created_by: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    last_opened_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)


class KpiSnapshotRow(Base):
    """One KPI's value at one refresh: what ``journeykit refresh`` stores, so KPIs have a
    history. ``value`` is null when the data gave none (``note`` says why)."""

    __tablename__ = "kpi_snapshots"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    journey_id: Mapped[str] = mapped_column(
        String(ID_LENGTH), ForeignKey("journeys.id", ondelete="CASCADE"), index=True
    )
    kpi_id: Mapped[str] = mapped_column(String(ID_LENGTH))
    taken_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, index=True)
    #: The journey revision whose KPI definitions were computed.
    revision: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20))
    value: Mapped[float | None] = mapped_column(Float)
    ci_low: Mapped[float | None] = mapped_column(Float)
    ci_high: Mapped[float | None] = mapped_column(Float)
    n: Mapped[int] = mapped_column(Integer)
    target: Mapped[float | None] = mapped_column(Float)
    status: Mapped[str] = mapped_column(String(20))
    alert: Mapped[bool] = mapped_column(Boolean)
    note: Mapped[str | None] = mapped_column(Text)
