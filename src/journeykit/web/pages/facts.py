"""The facts page: evidence, hypotheses, measures and KPIs, listed, filtered by step, edited.

Each form posts to a route here that calls the same service function as its API twin
(``web/api/facts.py``); a wrong field answers the page again with the message beside the
field, a stale base with the conflict notice and the user's input still in the form.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Query
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import FormData

from journeykit.model.document import JourneyDocument
from journeykit.model.errors import JourneykitError
from journeykit.web.gate import Visit, VisitDep
from journeykit.web.pages.fact_view import alert_banner, facts_context
from journeykit.web.pages.render import field_message, page
from journeykit.web.services import documents, insight
from journeykit.web.services import facts as service
from journeykit.web.services.fact_fields import FactInvalid, FactKind, fact_kind
from journeykit.web.services.journeys import StaleEdit

router = APIRouter(prefix="/journeys", include_in_schema=False)

Base = Annotated[int, Form(ge=1)]
StepFocus = Annotated[str | None, Query()]


def _entered(kind: FactKind, form: FormData) -> dict[str, object]:
    """What the form holds for each field of ``kind`` (a list for the id fields)."""
    values: dict[str, object] = {}
    for spec in kind.fields:
        if spec.is_list:
            values[spec.name] = [str(v) for v in form.getlist(spec.name)]
        else:
            value = form.get(spec.name)
            values[spec.name] = value if isinstance(value, str) else None
    return values


def _back(journey_id: str, focus: str | None, anchor: str, **params: str) -> str:
    query = "&".join(f"{k}={v}" for k, v in ({"step": focus, **params}).items() if v)
    return f"/journeys/{journey_id}/facts{'?' + query if query else ''}#{anchor}"


def _show(
    visit: Visit,
    doc: JourneyDocument,
    *,
    focus: str | None,
    status: int = 200,
    **extra: Any,
) -> HTMLResponse:
    # The statistics are computed here, when the facts page is opened, never for the map.
    found = insight.journey_insight(visit.ws, doc, visit.language)
    alerts = insight.journey_alerts(visit.ws, doc.journey.id, visit.language)
    context = facts_context(
        doc,
        focus=focus,
        language=visit.language,
        insight=found,
        kpi_alerts=alert_banner(alerts, visit.language, None),
        **extra,
    )
    return page(visit, "facts.html", context, status=status)


@router.get("/{journey_id}/facts", response_class=HTMLResponse)
def facts(
    visit: VisitDep,
    journey_id: str,
    step: StepFocus = None,
    edit: Annotated[str | None, Query()] = None,
) -> HTMLResponse:
    """Evidence, hypotheses, measures (with the impact/effort matrix) and KPIs, each linked to
    the steps it touches; ``step`` shows only those of one step, ``edit`` opens a record's
    form."""
    doc = documents.get_journey(visit.ws, journey_id)
    return _show(visit, doc, focus=step, editing=edit)


async def _answer(
    visit: Visit,
    journey_id: str,
    kind_key: str,
    *,
    fact_id: str | None,
    base: int,
    deleting: bool = False,
) -> Response:
    """Run one edit of a fact from the posted form and answer it as a page."""
    form = await visit.request.form()
    kind = fact_kind(kind_key)
    step = form.get("step")
    focus = step if isinstance(step, str) and step else None
    entered = {} if deleting else _entered(kind, form)
    open_form = {"editing": fact_id} if fact_id else {"adding": kind.key}
    try:
        if deleting:
            assert fact_id is not None
            service.delete_fact(
                visit.ws, journey_id, kind.key, fact_id, base_revision=base, actor=visit.actor
            )
            return RedirectResponse(
                _back(journey_id, focus, kind.key, deleted=kind.key), status_code=303
            )
        if fact_id is None:
            done = service.add_fact(
                visit.ws,
                journey_id,
                kind.key,
                base_revision=base,
                actor=visit.actor,
                values=entered,
            )
        else:
            done = service.change_fact(
                visit.ws,
                journey_id,
                kind.key,
                fact_id,
                base_revision=base,
                actor=visit.actor,
                values=entered,
            )
    except FactInvalid as exc:
        errors = {p.field: field_message(p, visit.language) for p in exc.problems}
        doc = documents.get_journey(visit.ws, journey_id)
        return _show(
            visit, doc, focus=focus, status=422, errors=errors, entered=entered, **open_form
        )
    except StaleEdit as exc:
        head_info = visit.ws.journeys().revision(journey_id, exc.head.revision or 1)
        theirs = None
        if fact_id is not None:
            theirs = next((r for r in kind.records(exc.head) if r.id == fact_id), None)
        conflict = {"kind": kind.key, "exc": exc, "head_info": head_info, "theirs": theirs}
        if deleting:
            return _show(visit, exc.head, focus=focus, status=409, conflict=conflict)
        return _show(
            visit,
            exc.head,
            focus=focus,
            status=409,
            conflict=conflict,
            entered=entered,
            **(open_form if fact_id is None or theirs is not None else {"adding": kind.key}),
        )
    except JourneykitError as exc:
        doc = documents.get_journey(visit.ws, journey_id)
        return _show(visit, doc, focus=focus, status=exc.status, refused=exc)
    return RedirectResponse(
        _back(journey_id, focus, done.fact_id, saved=done.fact_id), status_code=303
    )


@router.post("/{journey_id}/facts/{kind}")
async def add_fact(visit: VisitDep, journey_id: str, kind: str, base_revision: Base) -> Response:
    """Add evidence, a hypothesis, a measure or a KPI from the facts page."""
    return await _answer(visit, journey_id, kind, fact_id=None, base=base_revision)


@router.post("/{journey_id}/facts/{kind}/{fact_id}")
async def change_fact(
    visit: VisitDep, journey_id: str, kind: str, fact_id: str, base_revision: Base
) -> Response:
    """Save a fact's form."""
    return await _answer(visit, journey_id, kind, fact_id=fact_id, base=base_revision)


@router.post("/{journey_id}/facts/{kind}/{fact_id}/delete")
async def delete_fact(
    visit: VisitDep, journey_id: str, kind: str, fact_id: str, base_revision: Base
) -> Response:
    """Delete a fact."""
    return await _answer(
        visit, journey_id, kind, fact_id=fact_id, base=base_revision, deleting=True
    )


@router.get("/{journey_id}/kpi-alerts", response_class=HTMLResponse)
def kpi_alerts_fragment(visit: VisitDep, journey_id: str) -> HTMLResponse:
    """The map page's alert banner: the KPIs past their alert threshold in the stored
    snapshots (nothing is computed; empty when none is)."""
    alerts = insight.journey_alerts(visit.ws, journey_id, visit.language)
    return HTMLResponse(
        alert_banner(alerts, visit.language, f"/journeys/{journey_id}/facts#insight")
    )


@router.post("/{journey_id}/hypotheses/test", response_class=HTMLResponse)
def test_hypotheses_page(visit: VisitDep, journey_id: str, base_revision: Base) -> Response:
    """Test the journey's hypotheses (the button on the facts page) and show the verdicts."""
    try:
        tested = insight.run_hypothesis_tests(
            visit.ws, journey_id, base_revision=base_revision, actor=visit.actor
        )
    except StaleEdit as exc:
        head_info = visit.ws.journeys().revision(journey_id, exc.head.revision or 1)
        conflict = {"kind": "hypotheses", "exc": exc, "head_info": head_info, "theirs": None}
        return _show(visit, exc.head, focus=None, status=409, conflict=conflict)
    doc = documents.get_journey(visit.ws, journey_id)
    return _show(visit, doc, focus=None, tested=tested)
