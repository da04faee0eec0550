"""Comments on a journey's steps and lane items: threads, @mentions, resolve and reopen.

Comments live beside the revisions, not in them (``docs/adr/0010-comments-and-share-links.md``):
writing one makes no revision, and a comment on a step or item deleted later stays, shown as
"on a removed item" with the text it was about.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import select, union
from sqlalchemy.orm import Session

from journeykit.model.comment_annex import MAX_COMMENT_CHARS, ExportedComment
from journeykit.model.document import JourneyDocument
from journeykit.model.errors import JourneykitError, NotFoundError
from journeykit.store import Workspace
from journeykit.store.revisions import find_journey
from journeykit.store.tables import CommentRow, JourneyRow, MentionRow, RevisionRow
from journeykit.web.services.actor import Actor
from journeykit.web.services.documents import get_journey
from journeykit.web.services.edits import find_item, find_step
from journeykit.web.services.errors import FieldInvalid

__all__ = [
    "MAX_COMMENT_CHARS",
    "Comment",
    "CommentTooLong",
    "Mention",
    "Thread",
    "add_comment",
    "comment_counts",
    "exported_comments",
    "find_mentions",
    "known_people",
    "mentions_of",
    "reopen_thread",
    "reply",
    "resolve_thread",
    "threads",
]

# A mention starts at "@" that does not follow a letter or digit (so e-mail addresses are
# not mentions) and ends where the name ends and no further name character follows.
_MENTION_START = re.compile(r"(?<![\w@])@")
_NAME_CHAR = re.compile(r"[\w.-]")


class CommentNotYours(JourneykitError):
    """Only a comment's author may delete it."""

    code = "comment_not_yours"
    status = 403


class CommentHasReplies(JourneykitError):
    """A thread's first comment cannot be deleted once someone answered it."""

    code = "comment_has_replies"
    status = 409


class CommentTooLong(FieldInvalid):
    """A comment longer than :data:`MAX_COMMENT_CHARS` characters."""

    code = "comment_too_long"
    status = 422


@dataclass(frozen=True)
class Comment:
    """One comment; ``thread_id`` is ``None`` on the first comment of a thread."""

    id: int
    journey_id: str
    thread_id: int | None
    step_id: str
    item_id: str | None
    target_text: str
    author: str
    body: str
    created_at: dt.datetime
    resolved_at: dt.datetime | None
    resolved_by: str | None
    mentions: tuple[str, ...] = ()

    @property
    def thread(self) -> int:
        """The id of the thread this comment belongs to."""
        return self.thread_id if self.thread_id is not None else self.id


@dataclass(frozen=True)
class Thread:
    """A comment and its replies, on a step (``item_id`` ``None``) or a lane item.

    ``removed`` is true when the step or item is no longer in the journey's head; ``lane`` is
    the item's lane while it exists.
    """

    first: Comment
    replies: list[Comment] = field(default_factory=list)
    removed: bool = False
    lane: str | None = None

    @property
    def id(self) -> int:
        """The thread's id: its first comment's."""
        return self.first.id

    @property
    def resolved(self) -> bool:
        """Whether someone marked the discussion as done."""
        return self.first.resolved_at is not None

    @property
    def comments(self) -> list[Comment]:
        """Every comment of the thread, oldest first."""
        return [self.first, *self.replies]

    @property
    def target_key(self) -> str:
        """``item:ID`` or ``step:ID``: what the map's badge for this thread is keyed by."""
        return f"item:{self.first.item_id}" if self.first.item_id else f"step:{self.first.step_id}"


@dataclass(frozen=True)
class Mention:
    """A comment naming someone, with the journey it was written on."""

    comment: Comment
    journey_title: str
    resolved: bool


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


# People and mentions


def known_people(ws: Workspace) -> list[str]:
    """Who can be mentioned: the workspace's accounts.

    A workspace without accounts (its history written from the command line only) falls back
    to everyone who saved a revision or wrote a comment.
    """
    accounts = [account.name for account in ws.accounts().list()]
    if accounts:
        return sorted(accounts, key=str.casefold)
    with ws.database.reading() as session:
        names = session.scalars(union(select(RevisionRow.author), select(CommentRow.author))).all()
    return sorted({name.strip() for name in names if name and name.strip()}, key=str.casefold)


def find_mentions(body: str, people: Iterable[str]) -> list[str]:
    """The people ``body`` mentions with ``@name`` (case-insensitive, longest name first).

    >>> find_mentions("@anna please check, cc @Jo Kim. Mail jo@example.org", ["Anna", "Jo Kim"])
    ['Anna', 'Jo Kim']
    >>> find_mentions("@Annabel", ["Anna"])
    []
    """
    by_length = sorted({p for p in people if p}, key=len, reverse=True)
    found: list[str] = []
    folded = body.casefold()
    for match in _MENTION_START.finditer(body):
        start = match.end()
        for person in by_length:
            name = person.casefold()
            end = start + len(name)
            if folded.startswith(name, start) and not (
                end < len(body) and _NAME_CHAR.match(body[end]) and body[end] != "."
            ):
                if person not in found:
                    found.append(person)
                break
    return found


def unknown_mentions(body: str, people: Iterable[str]) -> list[str]:
    """Words after ``@`` that name nobody known (a page warns about them; they stay text)."""
    known = find_mentions(body, people)
    folded = [k.casefold() for k in known]
    words = []
    for match in _MENTION_START.finditer(body):
        word = re.match(r"[\w.-]+", body[match.end() :])
        if word is None:
            continue
        text = word.group(0).rstrip(".")
        if not any(k.startswith(text.casefold()) or text.casefold().startswith(k) for k in folded):
            words.append(text)
    return words


# Reading


def _comment(row: CommentRow, mentions: Sequence[str]) -> Comment:
    return Comment(
        id=row.id,
        journey_id=row.journey_id,
        thread_id=row.thread_id,
        step_id=row.step_id,
        item_id=row.item_id,
        target_text=row.target_text,
        author=row.author,
        body=row.body,
        created_at=row.created_at,
        resolved_at=row.resolved_at,
        resolved_by=row.resolved_by,
        mentions=tuple(mentions),
    )


def _comments(session: Session, rows: Sequence[CommentRow]) -> list[Comment]:
    ids = [row.id for row in rows]
    mentions: dict[int, list[str]] = {}
    if ids:
        for mention in session.scalars(select(MentionRow).where(MentionRow.comment_id.in_(ids))):
            mentions.setdefault(mention.comment_id, []).append(mention.person)
    return [_comment(row, sorted(mentions.get(row.id, []), key=str.casefold)) for row in rows]


def _journey_comments(ws: Workspace, journey_id: str) -> list[Comment]:
    with ws.database.reading() as session:
        find_journey(session, journey_id)
        rows = session.scalars(
            select(CommentRow)
            .where(CommentRow.journey_id == journey_id)
            .order_by(CommentRow.created_at, CommentRow.id)
        ).all()
        return _comments(session, rows)


def _place(doc: JourneyDocument, comment: Comment) -> tuple[bool, str | None]:
    """Whether the comment's step or item is gone from ``doc``, and the item's lane."""
    try:
        if comment.item_id is None:
            find_step(doc, comment.step_id)
            return False, None
        _step, lane, _items, _item = find_item(doc, comment.item_id)
        return False, lane
    except NotFoundError:
        return True, None


def threads(
    ws: Workspace,
    journey_id: str,
    *,
    target: str | None = None,
    include_resolved: bool = True,
) -> list[Thread]:
    """The journey's threads, oldest first; ``target`` (``step:ID`` or ``item:ID``) keeps
    only the threads on that step or item."""
    comments = _journey_comments(ws, journey_id)
    doc = get_journey(ws, journey_id)
    found: dict[int, Thread] = {}
    for comment in comments:
        if comment.thread_id is None:
            removed, lane = _place(doc, comment)
            found[comment.id] = Thread(comment, [], removed, lane)
    for comment in comments:
        if comment.thread_id is not None and comment.thread_id in found:
            found[comment.thread_id].replies.append(comment)
    result = list(found.values())
    if target is not None:
        result = [t for t in result if t.target_key == target]
    if not include_resolved:
        result = [t for t in result if not t.resolved]
    return result


def comment_counts(ws: Workspace, journey_id: str) -> dict[str, dict[str, int]]:
    """Per step and item (``step:ID``/``item:ID``) how many comments its threads have, and
    how many of those threads are still open: what the map's badges show."""
    counts: dict[str, dict[str, int]] = {}
    for thread in threads(ws, journey_id):
        entry = counts.setdefault(thread.target_key, {"comments": 0, "open": 0})
        entry["comments"] += len(thread.comments)
        entry["open"] += 0 if thread.resolved else 1
    return counts


def mentions_of(
    ws: Workspace, person: str, *, journeys: Collection[str] | None = None
) -> list[Mention]:
    """Every comment that mentions ``person``, newest first, with its journey's title.

    ``journeys`` keeps only comments on those journeys: the ones the person may read, once
    roles decide that (``None``: every journey of the workspace).
    """
    query = (
        select(CommentRow, JourneyRow.title)
        .join(MentionRow, MentionRow.comment_id == CommentRow.id)
        .join(JourneyRow, JourneyRow.id == CommentRow.journey_id)
        .where(MentionRow.person == person)
        .order_by(CommentRow.created_at.desc(), CommentRow.id.desc())
    )
    if journeys is not None:
        query = query.where(CommentRow.journey_id.in_(list(journeys)))
    with ws.database.reading() as session:
        rows = session.execute(query).all()
        comments = _comments(session, [row[0] for row in rows])
        thread_ids = {c.thread for c in comments}
        resolved = set(
            session.scalars(
                select(CommentRow.id).where(
                    CommentRow.id.in_(thread_ids), CommentRow.resolved_at.is_not(None)
                )
            ).all()
        )
    return [
        Mention(comment, title, comment.thread in resolved)
        for comment, (_row, title) in zip(comments, rows, strict=True)
    ]


def exported_comments(ws: Workspace, journey_id: str) -> list[ExportedComment]:
    """The journey's comments as a journey file carries them (threads in order)."""
    result: list[ExportedComment] = []
    for thread in threads(ws, journey_id):
        for comment in thread.comments:
            result.append(
                ExportedComment(
                    id=comment.id,
                    thread=comment.thread_id,
                    step_id=comment.step_id,
                    item_id=comment.item_id,
                    on=comment.target_text,
                    author=comment.author,
                    body=comment.body,
                    created_at=comment.created_at,
                    resolved_at=comment.resolved_at if comment.thread_id is None else None,
                    resolved_by=comment.resolved_by if comment.thread_id is None else None,
                    mentions=list(comment.mentions),
                )
            )
    return result


# Writing


def clean_body(body: str | None) -> str:
    """The comment's text, or :class:`FieldInvalid` if empty or too long."""
    text = (body or "").strip()
    if not text:
        raise FieldInvalid("body", "comments.empty", "must not be empty")
    if len(text) > MAX_COMMENT_CHARS:
        raise CommentTooLong(
            "body",
            "comments.too_long",
            f"has {len(text):,} characters; at most {MAX_COMMENT_CHARS:,} are accepted",
            count=len(text),
            limit=MAX_COMMENT_CHARS,
        )
    return text


def _target(doc: JourneyDocument, step_id: str, item_id: str | None) -> tuple[str, str]:
    """The step id and the text of what a new comment is about (not found: did you mean)."""
    if item_id:
        step, _lane, _items, item = find_item(doc, item_id)
        if step_id and step.id != step_id:
            raise NotFoundError(
                f"lane item {item_id!r} is not on step {step_id!r}", hint=f"it is on {step.id!r}"
            )
        return step.id, item.text
    _phase, found = find_step(doc, step_id)
    return found.id, found.title


def _insert(
    ws: Workspace,
    session: Session,
    *,
    journey_id: str,
    thread_id: int | None,
    step_id: str,
    item_id: str | None,
    target_text: str,
    author: str,
    body: str,
) -> Comment:
    row = CommentRow(
        journey_id=journey_id,
        thread_id=thread_id,
        step_id=step_id,
        item_id=item_id,
        target_text=target_text,
        author=author,
        body=body,
        created_at=_now(),
    )
    session.add(row)
    session.flush()
    people = set(known_people(ws)) | {author}
    mentioned = find_mentions(body, people)
    session.add_all(MentionRow(comment_id=row.id, person=person) for person in mentioned)
    session.flush()
    return _comment(row, sorted(mentioned, key=str.casefold))


def add_comment(
    ws: Workspace,
    journey_id: str,
    *,
    actor: Actor,
    body: str | None,
    step_id: str,
    item_id: str | None = None,
) -> Comment:
    """Start a thread on a step, or on a lane item of it (``item_id``)."""
    text = clean_body(body)
    doc = get_journey(ws, journey_id)
    step, target_text = _target(doc, step_id, item_id or None)
    with ws.lock(), ws.database.writing() as session:
        find_journey(session, journey_id)
        return _insert(
            ws,
            session,
            journey_id=journey_id,
            thread_id=None,
            step_id=step,
            item_id=item_id or None,
            target_text=target_text,
            author=actor.name,
            body=text,
        )


def _thread_row(session: Session, journey_id: str, thread_id: int) -> CommentRow:
    """The first comment of thread ``thread_id`` of this journey (a reply's id leads to its
    thread); another journey's comment is not found."""
    row = session.get(CommentRow, thread_id)
    if row is not None and row.thread_id is not None:
        row = session.get(CommentRow, row.thread_id)
    if row is None or row.journey_id != journey_id:
        raise NotFoundError(
            f"journey {journey_id!r} has no comment thread {thread_id}",
            hint="the page lists the journey's threads",
        )
    return row


def reply(
    ws: Workspace, journey_id: str, thread_id: int, *, actor: Actor, body: str | None
) -> Comment:
    """Answer a thread; answering a resolved thread reopens it (the discussion goes on)."""
    text = clean_body(body)
    with ws.lock(), ws.database.writing() as session:
        first = _thread_row(session, journey_id, thread_id)
        first.resolved_at = None
        first.resolved_by = None
        return _insert(
            ws,
            session,
            journey_id=journey_id,
            thread_id=first.id,
            step_id=first.step_id,
            item_id=first.item_id,
            target_text=first.target_text,
            author=actor.name,
            body=text,
        )


def _set_resolved(ws: Workspace, journey_id: str, thread_id: int, by: str | None) -> Comment:
    with ws.lock(), ws.database.writing() as session:
        first = _thread_row(session, journey_id, thread_id)
        first.resolved_at = _now() if by is not None else None
        first.resolved_by = by
        session.flush()
        return _comments(session, [first])[0]


def resolve_thread(ws: Workspace, journey_id: str, thread_id: int, *, actor: Actor) -> Comment:
    """Mark a thread as done (it stays readable, and can be reopened)."""
    return _set_resolved(ws, journey_id, thread_id, actor.name)


def reopen_thread(ws: Workspace, journey_id: str, thread_id: int, *, actor: Actor) -> Comment:
    """Open a resolved thread again (``actor`` is who asks; the gate checks their role)."""
    return _set_resolved(ws, journey_id, thread_id, None)


def delete_comment(ws: Workspace, journey_id: str, comment_id: int, *, actor: Actor) -> None:
    """Delete one's own comment: a reply, or a thread's first comment while it has none.

    Someone else's comment is refused (:class:`CommentNotYours`, 403); a first comment with
    replies too (:class:`CommentHasReplies`, 409): the answers would lose their question, so
    the thread is resolved instead.
    """
    with ws.lock(), ws.database.writing() as session:
        row = session.get(CommentRow, comment_id)
        if row is None or row.journey_id != journey_id:
            raise NotFoundError(f"journey {journey_id!r} has no comment {comment_id}")
        if row.author != actor.name:
            raise CommentNotYours(
                f"comment {comment_id} was written by {row.author}; only they can delete it",
                hint="reply to it, or resolve the thread",
            )
        if row.thread_id is None:
            answered = session.scalar(
                select(CommentRow.id).where(CommentRow.thread_id == row.id).limit(1)
            )
            if answered is not None:
                raise CommentHasReplies(
                    f"comment {comment_id} has replies and cannot be deleted",
                    hint="resolve the thread instead",
                )
        session.delete(row)
