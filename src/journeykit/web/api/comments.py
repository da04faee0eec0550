"""``/api/v1/journeys/{journey_id}/comments`` and ``/api/v1/mentions``: comment threads as JSON."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query
from pydantic import BaseModel, ConfigDict, Field

from journeykit.web.gate import VisitDep
from journeykit.web.services import comments as service
from journeykit.web.services.comments import Comment, Thread
from journeykit.web.services.documents import readable_journeys

router = APIRouter(prefix="/api/v1", tags=["comments"])


class CommentIn(BaseModel):
    """A new thread on a step, or on one of its lane items."""

    model_config = ConfigDict(extra="forbid")

    step_id: str = Field(description="The step the comment is on (for an item: its step).")
    item_id: str | None = Field(default=None, description="The lane item, if not the step.")
    body: str = Field(description="The text; `@name` mentions a person. At most 10,000 chars.")


class ReplyIn(BaseModel):
    """An answer in a thread."""

    model_config = ConfigDict(extra="forbid")

    body: str


def comment_data(comment: Comment) -> dict[str, Any]:
    """A comment as JSON."""
    return {
        "id": comment.id,
        "thread": comment.thread,
        "journey_id": comment.journey_id,
        "step_id": comment.step_id,
        "item_id": comment.item_id,
        "on": comment.target_text,
        "author": comment.author,
        "body": comment.body,
        "created_at": comment.created_at.isoformat(),
        "mentions": list(comment.mentions),
    }


def thread_data(thread: Thread) -> dict[str, Any]:
    """A thread as JSON: its state, what it is on, and its comments oldest first."""
    first = thread.first
    return {
        "id": thread.id,
        "target": thread.target_key,
        "step_id": first.step_id,
        "item_id": first.item_id,
        "lane": thread.lane,
        "on": first.target_text,
        "removed": thread.removed,
        "resolved": thread.resolved,
        "resolved_at": first.resolved_at.isoformat() if first.resolved_at else None,
        "resolved_by": first.resolved_by,
        "comments": [comment_data(c) for c in thread.comments],
    }


@router.get("/journeys/{journey_id}/comments")
def list_comment_threads(
    visit: VisitDep,
    journey_id: str,
    target: Annotated[str | None, Query(description="`step:ID` or `item:ID`")] = None,
    open_only: bool = False,
) -> list[dict[str, Any]]:
    """The journey's comment threads, oldest first."""
    found = service.threads(visit.ws, journey_id, target=target, include_resolved=not open_only)
    return [thread_data(t) for t in found]


@router.get("/journeys/{journey_id}/comments/counts")
def comment_badge_counts(visit: VisitDep, journey_id: str) -> dict[str, dict[str, int]]:
    """Per `step:ID` / `item:ID`: how many comments, and how many open threads."""
    return service.comment_counts(visit.ws, journey_id)


@router.post("/journeys/{journey_id}/comments", status_code=201)
def create_comment(visit: VisitDep, journey_id: str, body: CommentIn) -> dict[str, Any]:
    """Start a thread; the answer names who the text mentions and `@words` naming nobody."""
    comment = service.add_comment(
        visit.ws,
        journey_id,
        actor=visit.actor,
        body=body.body,
        step_id=body.step_id,
        item_id=body.item_id,
    )
    unknown = service.unknown_mentions(comment.body, service.known_people(visit.ws))
    return {"ok": True, **comment_data(comment), "unknown_mentions": unknown}


@router.post("/journeys/{journey_id}/comments/{thread_id}/replies", status_code=201)
def reply_to_comment(
    visit: VisitDep, journey_id: str, thread_id: int, body: ReplyIn
) -> dict[str, Any]:
    """Answer a thread (a resolved one opens again)."""
    comment = service.reply(visit.ws, journey_id, thread_id, actor=visit.actor, body=body.body)
    unknown = service.unknown_mentions(comment.body, service.known_people(visit.ws))
    return {"ok": True, **comment_data(comment), "unknown_mentions": unknown}


@router.post("/journeys/{journey_id}/comments/{thread_id}/resolve")
def resolve_comment(visit: VisitDep, journey_id: str, thread_id: int) -> dict[str, Any]:
    """Mark a thread as done."""
    first = service.resolve_thread(visit.ws, journey_id, thread_id, actor=visit.actor)
    return {"ok": True, "id": first.id, "resolved": True, "resolved_by": first.resolved_by}


@router.post("/journeys/{journey_id}/comments/{thread_id}/reopen")
def reopen_comment(visit: VisitDep, journey_id: str, thread_id: int) -> dict[str, Any]:
    """Open a resolved thread again."""
    first = service.reopen_thread(visit.ws, journey_id, thread_id, actor=visit.actor)
    return {"ok": True, "id": first.id, "resolved": False}


@router.delete("/journeys/{journey_id}/comments/{comment_id}")
def delete_comment(visit: VisitDep, journey_id: str, comment_id: int) -> dict[str, Any]:
    """Delete one's own comment (a first comment only while it has no replies)."""
    service.delete_comment(visit.ws, journey_id, comment_id, actor=visit.actor)
    return {"ok": True, "id": comment_id, "deleted": True}


@router.get("/mentions")
def list_my_mentions(visit: VisitDep) -> list[dict[str, Any]]:
    """The comments that mention the person asking, newest first."""
    return [
        {
            **comment_data(m.comment),
            "journey_title": m.journey_title,
            "thread_resolved": m.resolved,
        }
        for m in service.mentions_of(
            visit.ws, visit.actor.name, journeys=readable_journeys(visit.ws, visit.actor)
        )
    ]
