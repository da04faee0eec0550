"""Share links: read-only presentations of one journey for people without an account.

A link is ``/s/{token}`` with 256 random bits; the store keeps only the token's SHA-256, so a
copy of the database opens no link. A link may have an argon2id-hashed password, an expiry,
and a choice of lanes and items it leaves out; it can be revoked at any time. Wrong passwords
are counted per link: after :data:`MAX_FAILED_ATTEMPTS` in a row the link refuses passwords for
:data:`LOCKOUT`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import secrets
from dataclasses import dataclass
from typing import Literal

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select

from journeykit.model.document import JourneyDocument
from journeykit.model.errors import JourneykitError, NotFoundError, did_you_mean
from journeykit.model.lanes import TEXT_LANES
from journeykit.store import Workspace
from journeykit.store.revisions import find_journey
from journeykit.store.tables import ShareLinkRow
from journeykit.web.mapview import LANE_ORDER
from journeykit.web.services.actor import Actor
from journeykit.web.services.documents import get_journey
from journeykit.web.services.errors import FieldInvalid
from journeykit.web.services.presentation import visible_document

#: Wrong passwords in a row before a link stops taking passwords for a while.
MAX_FAILED_ATTEMPTS = 5

#: How long a link refuses passwords after too many wrong ones.
LOCKOUT = dt.timedelta(minutes=5)

#: Shortest and longest password a link accepts.
PASSWORD_LENGTH = (8, 200)

#: How exactly "last opened" is kept: a visitor walking through the slides writes no more
#: than once a minute.
OPENED_PRECISION = dt.timedelta(minutes=1)

#: How many characters of the token the list shows to tell links apart.
HINT_LENGTH = 6

LinkStatus = Literal["active", "expired", "revoked"]

_HASHER = PasswordHasher()


class ShareLinkGone(NotFoundError):
    """No link has this token, or it was revoked (both answer 404: a revoked link tells a
    stranger nothing more than an unknown one)."""

    code = "share_link_not_found"
    status = 404


class ShareLinkExpired(JourneykitError):
    """The link's expiry has passed."""

    code = "share_link_expired"
    status = 410


class SharePasswordNeeded(JourneykitError):
    """The link has a password and the visitor has not given it (or gave a wrong one)."""

    code = "share_password_required"
    status = 401

    def __init__(self, message: str, *, wrong: bool = False) -> None:
        super().__init__(message, hint="ask whoever sent you the link for its password")
        self.wrong = wrong


class SharePasswordLocked(JourneykitError):
    """Too many wrong passwords in a row: the link refuses passwords for a while."""

    code = "share_password_locked"
    status = 429

    def __init__(self, until: dt.datetime) -> None:
        seconds = max(1, int((until - _now()).total_seconds()))
        super().__init__(
            f"too many wrong passwords for this link; try again in {seconds} seconds",
            hint="ask whoever sent you the link for its password",
        )
        self.retry_after = seconds


@dataclass(frozen=True)
class ShareLink:
    """A share link as its management page lists it (never the token itself)."""

    id: int
    journey_id: str
    label: str
    token_hint: str
    has_password: bool
    expires_at: dt.datetime | None
    revoked_at: dt.datetime | None
    revoked_by: str | None
    hidden_lanes: tuple[str, ...]
    hidden_items: tuple[str, ...]
    created_by: str
    created_at: dt.datetime
    last_opened_at: dt.datetime | None

    def status(self, now: dt.datetime | None = None) -> LinkStatus:
        """Whether the link opens: active, expired or revoked."""
        if self.revoked_at is not None:
            return "revoked"
        if self.expires_at is not None and self.expires_at <= (now or _now()):
            return "expired"
        return "active"


@dataclass(frozen=True)
class NewShareLink:
    """A link just made: the only moment its token is known."""

    link: ShareLink
    token: str

    @property
    def path(self) -> str:
        """The link's path on this server."""
        return f"/s/{self.token}"


@dataclass(frozen=True)
class OpenedShare:
    """What a visitor of a link sees: the journey as the link shows it."""

    link: ShareLink
    document: JourneyDocument


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def token_hash(token: str) -> str:
    """The SHA-256 of a token, as the store keeps it (a token has 256 random bits, so a fast
    hash is enough: there is nothing to guess)."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _link(row: ShareLinkRow) -> ShareLink:
    return ShareLink(
        id=row.id,
        journey_id=row.journey_id,
        label=row.label,
        token_hint=row.token_hint,
        has_password=row.password_hash is not None,
        expires_at=row.expires_at,
        revoked_at=row.revoked_at,
        revoked_by=row.revoked_by,
        hidden_lanes=tuple(json.loads(row.hidden_lanes)),
        hidden_items=tuple(json.loads(row.hidden_items)),
        created_by=row.created_by,
        created_at=row.created_at,
        last_opened_at=row.last_opened_at,
    )


# Choosing what a link shows


def check_hidden_lanes(lanes: list[str]) -> tuple[str, ...]:
    """The lanes named, in map order; an unknown name is a field error with a suggestion."""
    for lane in lanes:
        if lane not in LANE_ORDER:
            suggestion = did_you_mean(lane, LANE_ORDER)
            if suggestion is None:
                raise FieldInvalid(
                    "hidden_lanes", "share.unknown_lane", f"there is no lane {lane!r}", lane=lane
                )
            raise FieldInvalid(
                "hidden_lanes",
                "share.unknown_lane_suggest",
                f"there is no lane {lane!r} (did you mean {suggestion!r}?)",
                lane=lane,
                suggestion=suggestion,
            )
    return tuple(lane for lane in LANE_ORDER if lane in lanes)


def hideable_ids(doc: JourneyDocument) -> list[str]:
    """Every id a link can leave out: lane items, touchpoints and evidence."""
    ids: list[str] = []
    for _phase, step in doc.journey.steps():
        ids += [touchpoint.id for touchpoint in step.touchpoints]
        ids += [item.id for lane in TEXT_LANES for item in step.lanes.text_lane(lane)]
    return ids + [evidence.id for evidence in doc.evidence]


def check_hidden_items(doc: JourneyDocument, items: list[str]) -> tuple[str, ...]:
    """The item ids named; one the journey does not have is a field error with a suggestion."""
    known = hideable_ids(doc)
    for item in items:
        if item not in known:
            suggestion = did_you_mean(item, known)
            if suggestion is None:
                raise FieldInvalid(
                    "hidden_items",
                    "share.unknown_item",
                    f"this journey has no item {item!r}",
                    item=item,
                )
            raise FieldInvalid(
                "hidden_items",
                "share.unknown_item_suggest",
                f"this journey has no item {item!r} (did you mean {suggestion!r}?)",
                item=item,
                suggestion=suggestion,
            )
    return tuple(dict.fromkeys(items))


def check_password(password: str | None) -> str | None:
    """A new link's password (``None``: no password), or a field error if too short/long."""
    if password is None or password == "":
        return None
    shortest, longest = PASSWORD_LENGTH
    if len(password) < shortest or len(password) > longest:
        raise FieldInvalid(
            "password",
            "share.password_length",
            f"must have {shortest} to {longest} characters",
            shortest=shortest,
            longest=longest,
        )
    return password


def check_expiry(expires_at: dt.datetime | None) -> dt.datetime | None:
    """A new link's expiry: aware and in the future."""
    if expires_at is None:
        return None
    if expires_at.tzinfo is None:
        expires_at = expires_at.replace(tzinfo=dt.UTC)
    if expires_at <= _now():
        raise FieldInvalid("expires_at", "share.expiry_past", "must lie in the future")
    return expires_at.astimezone(dt.UTC)


# Managing links


def create_share_link(
    ws: Workspace,
    journey_id: str,
    *,
    actor: Actor,
    label: str | None = None,
    password: str | None = None,
    expires_at: dt.datetime | None = None,
    hidden_lanes: list[str] | None = None,
    hidden_items: list[str] | None = None,
) -> NewShareLink:
    """Make a link to the journey's presentation; the token is returned this once only."""
    doc = get_journey(ws, journey_id)
    lanes = check_hidden_lanes(hidden_lanes or [])
    items = check_hidden_items(doc, hidden_items or [])
    secret = check_password(password)
    expiry = check_expiry(expires_at)
    name = (label or "").strip()[:200] or doc.journey.title
    token = secrets.token_urlsafe(32)
    with ws.lock(), ws.database.writing() as session:
        find_journey(session, journey_id)
        row = ShareLinkRow(
            journey_id=journey_id,
            token_hash=token_hash(token),
            token_hint=token[:HINT_LENGTH],
            label=name,
            password_hash=_HASHER.hash(secret) if secret is not None else None,
            expires_at=expiry,
            revoked_at=None,
            hidden_lanes=json.dumps(list(lanes)),
            hidden_items=json.dumps(list(items)),
            created_by=actor.name,
            created_at=_now(),
            failed_attempts=0,
        )
        session.add(row)
        session.flush()
        return NewShareLink(_link(row), token)


def share_links(ws: Workspace, journey_id: str) -> list[ShareLink]:
    """The journey's links, newest first, revoked and expired ones included."""
    with ws.database.reading() as session:
        find_journey(session, journey_id)
        rows = session.scalars(
            select(ShareLinkRow)
            .where(ShareLinkRow.journey_id == journey_id)
            .order_by(ShareLinkRow.created_at.desc(), ShareLinkRow.id.desc())
        ).all()
        return [_link(row) for row in rows]


def revoke_share_link(ws: Workspace, journey_id: str, link_id: int, *, actor: Actor) -> ShareLink:
    """Withdraw a link: from now on it answers 404. Revoking twice changes nothing."""
    with ws.lock(), ws.database.writing() as session:
        row = session.get(ShareLinkRow, link_id)
        if row is None or row.journey_id != journey_id:
            raise NotFoundError(
                f"journey {journey_id!r} has no share link {link_id}",
                hint="the journey's share page lists its links",
            )
        if row.revoked_at is None:
            row.revoked_at = _now()
            row.revoked_by = actor.name
        session.flush()
        return _link(row)


# Opening a link


def grant(link_password_hash: str, token: str) -> str:
    """What the visitor's cookie holds once they gave the right password.

    It is derived from the password's hash (secret, salted) and the token, so it cannot be
    made without the right password, and changes no matter how the link is re-made.
    """
    return hmac.new(link_password_hash.encode(), token.encode(), hashlib.sha256).hexdigest()


def _active_row(ws: Workspace, token: str) -> ShareLinkRow:
    with ws.database.reading() as session:
        row = session.scalar(
            select(ShareLinkRow).where(ShareLinkRow.token_hash == token_hash(token))
        )
    if row is None or row.revoked_at is not None:
        raise ShareLinkGone(
            "this share link does not exist or was withdrawn",
            hint="ask whoever sent you the link for a new one",
        )
    if row.expires_at is not None and row.expires_at <= _now():
        raise ShareLinkExpired(
            "this share link has expired", hint="ask whoever sent you the link for a new one"
        )
    return row


def link_for_token(ws: Workspace, token: str) -> ShareLink:
    """The active link with this token (404 unknown or revoked, 410 expired)."""
    return _link(_active_row(ws, token))


def open_share(ws: Workspace, token: str, *, cookie: str | None) -> OpenedShare:
    """The journey as the link shows it, if the link is active and (for a link with a
    password) ``cookie`` holds the grant :func:`try_password` gave."""
    row = _active_row(ws, token)
    if row.password_hash is not None and not (
        cookie and hmac.compare_digest(cookie, grant(row.password_hash, token))
    ):
        raise SharePasswordNeeded("this share link is protected by a password")
    now = _now()
    if row.last_opened_at is None or now - row.last_opened_at > OPENED_PRECISION:
        with ws.lock(), ws.database.writing() as session:
            stored = session.get(ShareLinkRow, row.id)
            if stored is not None:
                stored.last_opened_at = now
    link = _link(row)
    doc = visible_document(
        get_journey(ws, row.journey_id),
        hidden_lanes=link.hidden_lanes,
        hidden_items=link.hidden_items,
    )
    return OpenedShare(link, doc)


def try_password(ws: Workspace, token: str, password: str) -> str:
    """Check a visitor's password for the link; the grant for their cookie if right.

    A wrong password raises :class:`SharePasswordNeeded` (``wrong``); the
    :data:`MAX_FAILED_ATTEMPTS`-th wrong one in a row locks the link's password for
    :data:`LOCKOUT` (:class:`SharePasswordLocked`, also while locked, right password or not).
    """
    row = _active_row(ws, token)
    if row.password_hash is None:
        return ""
    with ws.lock(), ws.database.writing() as session:
        stored = session.get(ShareLinkRow, row.id)
        assert stored is not None and stored.password_hash is not None
        now = _now()
        if stored.locked_until is not None and stored.locked_until > now:
            raise SharePasswordLocked(stored.locked_until)
        try:
            _HASHER.verify(stored.password_hash, password[: PASSWORD_LENGTH[1] + 1])
        except (VerificationError, InvalidHashError):
            stored.failed_attempts += 1
            if stored.failed_attempts >= MAX_FAILED_ATTEMPTS:
                stored.failed_attempts = 0
                stored.locked_until = now + LOCKOUT
            wrong = True
        else:
            stored.failed_attempts = 0
            stored.locked_until = None
            wrong = False
        password_hash = stored.password_hash
    if wrong:
        # Raised after the transaction so the count is stored.
        raise SharePasswordNeeded("the password is not right", wrong=True)
    return grant(password_hash, token)
