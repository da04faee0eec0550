"""Comment pages: a journey's threads, the map's side panel (htmx), and "mentions me"."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Annotated, Any

from fastapi import APIRouter, Form, Query
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from markupsafe import Markup, escape

from journeykit.model.errors import NotFoundError
from journeykit.render.formats import format_datetime
from journeykit.web.gate import Visit, VisitDep
from journeykit.web.pages.render import field_message, is_htmx, page
from journeykit.web.services import comments as service
from journeykit.web.services import documents
from journeykit.web.services.documents import readable_journeys
from journeykit.web.services.edits import find_item, find_step
from journeykit.web.services.errors import FieldInvalid

router = APIRouter(include_in_schema=False)

#: The header that tells the map's script to fetch the badges again.
CHANGED_EVENT = "journeykit:comments-changed"

_TARGET = re.compile(r"^(step|item):([A-Za-z0-9][A-Za-z0-9_.:-]{0,79})$")


def when(moment: dt.datetime, language: str) -> str:
    """A comment's time as people of ``language`` write it."""
    return format_datetime(moment, language)


def comment_html(body: str, mentions: Sequence[str]) -> Markup:
    """A comment's text as HTML: everything escaped (script stays text), line breaks kept,
    and each ``@name`` of a mentioned person marked.

    >>> str(comment_html("<b>hi</b> @Anna", ["Anna"]))
    '&lt;b&gt;hi&lt;/b&gt; <span class="mention">@Anna</span>'
    """
    if mentions:
        names = "|".join(re.escape(m) for m in sorted(mentions, key=len, reverse=True))
        pattern = re.compile(rf"(?<![\w@])@({names})(?![\w-])", re.IGNORECASE)
    else:
        pattern = None
    parts: list[str] = []
    last = 0
    for match in pattern.finditer(body) if pattern else ():
        parts.append(str(escape(body[last : match.start()])))
        parts.append(f'<span class="mention">{escape(match.group(0))}</span>')
        last = match.end()
    parts.append(str(escape(body[last:])))
    return Markup("".join(parts).replace("\n", "<br>"))


def parse_target(target: str) -> tuple[str, str]:
    """``step:ID`` or ``item:ID`` as (kind, id); anything else is a field error."""
    match = _TARGET.match(target)
    if match is None:
        raise FieldInvalid(
            "target", "error.format", "must be step:ID or item:ID", allowed="step:ID, item:ID"
        )
    return match.group(1), match.group(2)


def target_info(visit: Visit, journey_id: str, target: str) -> dict[str, Any]:
    """What the panel says it is about: the step or item, whether still on the map."""
    kind, target_id = parse_target(target)
    doc = documents.get_journey(visit.ws, journey_id)
    try:
        if kind == "item":
            step, _lane, _items, item = find_item(doc, target_id)
            label = visit.t("comments.on_item", text=item.text)
            return {"kind": kind, "id": target_id, "step_id": step.id, "label": label}
        _phase, found = find_step(doc, target_id)
        label = visit.t("comments.on_step", title=found.title)
        return {"kind": kind, "id": target_id, "step_id": found.id, "label": label}
    except NotFoundError:
        return {"kind": kind, "id": target_id, "step_id": None, "label": None}


def _context(visit: Visit, journey_id: str, **extra: Any) -> dict[str, Any]:
    return {
        "journey_id": journey_id,
        "comment_html": comment_html,
        "when": lambda moment: when(moment, visit.language),
        "people": service.known_people(visit.ws),
        "me": visit.actor.name,
        **extra,
    }


def _panel(
    visit: Visit, journey_id: str, target: str, *, status: int = 200, **extra: Any
) -> HTMLResponse:
    threads = service.threads(visit.ws, journey_id, target=target)
    info = target_info(visit, journey_id, target)
    if info["label"] is None and threads:
        info["label"] = visit.t("comments.on_removed", text=threads[0].first.target_text)
    context = _context(visit, journey_id, threads=threads, target=target, info=info, **extra)
    response = page(visit, "comments_panel.html", context, status=status)
    if status < 400:
        response.headers["HX-Trigger"] = CHANGED_EVENT
    return response


@router.get("/journeys/{journey_id}/comments", response_class=HTMLResponse)
def journey_comments_page(
    visit: VisitDep, journey_id: str, target: Annotated[str | None, Query()] = None
) -> HTMLResponse:
    """Every thread of the journey (open first); ``?target=`` the map's panel for one step
    or item (a fragment for htmx, else the page filtered to it)."""
    if target is not None and is_htmx(visit.request):
        return _panel(visit, journey_id, target)
    doc = documents.get_journey(visit.ws, journey_id)
    threads = service.threads(visit.ws, journey_id, target=target)
    threads.sort(key=lambda t: t.resolved)
    return page(
        visit,
        "comments.html",
        _context(visit, journey_id, doc=doc, journey=doc.journey, threads=threads, target=target),
    )


def _answer(
    visit: Visit, journey_id: str, target: str, action: Any, draft: dict[str, str]
) -> Response:
    """Run a comment action; htmx gets the panel again (422 with the message and the typed
    text kept on a field error), a plain form is sent back to the comments page."""
    try:
        action()
    except FieldInvalid as exc:
        if not is_htmx(visit.request):
            raise
        return _panel(
            visit,
            journey_id,
            target,
            status=exc.status,
            error=field_message(exc, visit.language),
            draft=draft,
        )
    if is_htmx(visit.request):
        return _panel(visit, journey_id, target)
    return RedirectResponse(f"/journeys/{journey_id}/comments?target={target}", status_code=303)


@router.post("/journeys/{journey_id}/comments")
def post_comment_page(
    visit: VisitDep,
    journey_id: str,
    target: Annotated[str, Form()],
    body: Annotated[str | None, Form()] = None,
) -> Response:
    """Start a thread on a step or item (``target`` is ``step:ID`` or ``item:ID``)."""
    kind, target_id = parse_target(target)
    info = target_info(visit, journey_id, target)
    if info["step_id"] is None:
        raise NotFoundError(
            f"this journey has no {'lane item' if kind == 'item' else 'step'} "
            f"{target_id!r} to comment on"
        )

    def action() -> None:
        service.add_comment(
            visit.ws,
            journey_id,
            actor=visit.actor,
            body=body,
            step_id=info["step_id"],
            item_id=target_id if kind == "item" else None,
        )

    return _answer(visit, journey_id, target, action, {"new": body or ""})


@router.post("/journeys/{journey_id}/comments/{thread_id}/replies")
def post_reply_page(
    visit: VisitDep,
    journey_id: str,
    thread_id: int,
    body: Annotated[str | None, Form()] = None,
) -> Response:
    """Answer a thread."""
    target = _thread_target(visit, journey_id, thread_id)
    return _answer(
        visit,
        journey_id,
        target,
        lambda: service.reply(visit.ws, journey_id, thread_id, actor=visit.actor, body=body),
        {str(thread_id): body or ""},
    )


@router.post("/journeys/{journey_id}/comments/{thread_id}/resolve")
def resolve_thread_page(visit: VisitDep, journey_id: str, thread_id: int) -> Response:
    """Mark a thread as done."""
    target = _thread_target(visit, journey_id, thread_id)
    return _answer(
        visit,
        journey_id,
        target,
        lambda: service.resolve_thread(visit.ws, journey_id, thread_id, actor=visit.actor),
        {},
    )


@router.post("/journeys/{journey_id}/comments/{thread_id}/reopen")
def reopen_thread_page(visit: VisitDep, journey_id: str, thread_id: int) -> Response:
    """Open a resolved thread again."""
    target = _thread_target(visit, journey_id, thread_id)
    return _answer(
        visit,
        journey_id,
        target,
        lambda: service.reopen_thread(visit.ws, journey_id, thread_id, actor=visit.actor),
        {},
    )


@router.post("/journeys/{journey_id}/comments/{comment_id}/delete")
def delete_comment_page(visit: VisitDep, journey_id: str, comment_id: int) -> Response:
    """Delete one's own comment."""
    target = _thread_target(visit, journey_id, comment_id)
    return _answer(
        visit,
        journey_id,
        target,
        lambda: service.delete_comment(visit.ws, journey_id, comment_id, actor=visit.actor),
        {},
    )


def _thread_target(visit: Visit, journey_id: str, thread_id: int) -> str:
    for thread in service.threads(visit.ws, journey_id):
        if thread.id == thread_id or any(c.id == thread_id for c in thread.replies):
            return thread.target_key
    raise NotFoundError(f"journey {journey_id!r} has no comment thread {thread_id}")


@router.get("/mentions", response_class=HTMLResponse)
def my_mentions_page(visit: VisitDep) -> HTMLResponse:
    """The comments that mention the person looking."""
    found = service.mentions_of(
        visit.ws, visit.actor.name, journeys=readable_journeys(visit.ws, visit.actor)
    )
    return page(
        visit,
        "mentions.html",
        {
            "mentions": found,
            "person": visit.actor.name,
            "comment_html": comment_html,
            "when": lambda moment: when(moment, visit.language),
            "active": "mentions",
        },
    )
