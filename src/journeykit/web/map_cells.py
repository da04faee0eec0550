"""The map page's repeated cells as HTML, built in Python.

A map of 100 steps has about 2,000 lane items; a template pays for every interpolation, so the
cells that repeat per step and lane are built here with :func:`html.escape` (the template keeps
the page's structure). Ids are not escaped: the model allows only ``A-Z a-z 0-9 _ . : -`` in
them. The markup matches what ``static/js/map.js`` expects.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from html import escape
from typing import Protocol

from markupsafe import Markup

from journeykit.model.journey import Step
from journeykit.model.lanes import Emotion
from journeykit.render.emotion_curve import CurvePersona
from journeykit.web.templating import CHANNEL_ICONS, icon


def text_lane_cell(step: Step, lane: str, labels: Mapping[str, str], add_label: str) -> Markup:
    """A text lane of a step: its items (editable, draggable) and the button that adds one."""
    step_id = step.id
    delete = escape(labels["delete_item"])
    items = "".join(
        f'<li class="item" tabindex="0" data-item-id="{item.id}">'
        f'<span class="editable item-text" data-field="text">{escape(item.text, quote=False)}'
        f'</span><button type="button" class="item-delete" tabindex="-1" aria-label="{delete}">'
        "×</button></li>"
        for item in step.lanes.text_lane(lane)
    )
    return Markup(
        f'<div class="cell cell-lane lane-{lane}">'
        f'<ul class="items" data-step-id="{step_id}" data-lane="{lane}">{items}</ul>'
        f'<button type="button" class="add-item" aria-label="{escape(add_label)} · '
        f'{escape(step.title)}">+ {escape(labels["add"])}</button></div>'
    )


def touchpoint_cell(step: Step, labels: Mapping[str, str], journey_url: str) -> Markup:
    """The touchpoints of a step with channel icon and digital/personal, direct/indirect;
    names edit in place, and a button adds one."""
    delete = escape(labels["delete_touchpoint"])
    cards = "".join(
        f'<div class="touchpoint" tabindex="0" data-touchpoint-id="{tp.id}">'
        f'<span class="channel" title="{escape(labels.get(f"channel.{tp.channel}", tp.channel))}">'
        f"{icon(CHANNEL_ICONS.get(tp.channel, 'globe'))}</span>"
        f'<span class="tp-name editable" data-field="name" '
        f'data-edit-url="{journey_url}/touchpoints/{tp.id}">{escape(tp.name, quote=False)}</span>'
        f'<span class="tp-marks"><span class="mark mark-{tp.mode}">{escape(labels[tp.mode])}'
        f'</span><span class="mark mark-{tp.ownership}">{escape(labels[tp.ownership])}</span>'
        "</span>"
        f'<button type="button" class="item-delete tp-delete" tabindex="-1" aria-label="{delete}"'
        f' data-delete-url="{journey_url}/touchpoints/{tp.id}/delete">×</button></div>'
        for tp in step.touchpoints
    )
    return Markup(
        f'<div class="cell cell-touchpoints">{cards}<button type="button" '
        f'class="add-item add-touchpoint" data-add-url="{journey_url}/steps/{step.id}/touchpoints"'
        f' aria-label="{escape(labels["add_touchpoint"])} · {escape(step.title)}">+ '
        f"{escape(labels['add_touchpoint'])}</button></div>"
    )


def scores_cell(
    step: Step,
    personas: Sequence[CurvePersona],
    emotions: Mapping[str, Emotion],
    journey_url: str,
    ratings: Mapping[str, str],
    rating_name: str,
) -> Markup:
    """Per persona a number field for the score (-2 to +2) and a choice of the rating.

    ``ratings`` maps "none" (no rating) and each rating to its label in the user's language;
    ``rating_name`` names the choice for screen readers.
    """
    rows = []
    for persona in personas:
        emotion = emotions.get(persona.id)
        value = "" if emotion is None else str(emotion.score)
        current = (emotion.rating or "none") if emotion is not None else "none"
        name = escape(persona.name)
        url = f"{journey_url}/steps/{step.id}/emotions/{persona.id}"
        choices = "".join(
            f'<option value="{key}"{" selected" if key == current else ""}>{escape(text)}</option>'
            for key, text in ratings.items()
        )
        disabled = "" if emotion is not None else " disabled"
        rows.append(
            f'<div class="score" title="{name}" style="--persona: {escape(persona.colour)}">'
            f'<span class="persona-dot"></span><span class="persona-name">{name}</span>'
            '<input type="number" min="-2" max="2" step="1" inputmode="numeric" '
            f'class="score-input" data-url="{escape(url)}" value="{value}" placeholder="–" '
            f'aria-label="{name}: {escape(step.title)}">'
            f'<select class="rating-input" data-url="{escape(url)}" '
            f'aria-label="{name}: {escape(step.title)} ({escape(rating_name)})"{disabled}>'
            f"{choices}</select></div>"
        )
    return Markup(f'<div class="cell cell-scores">{"".join(rows)}</div>')


#: The fact badges of a step: which list of StepFacts, its CSS class, icon and page anchor.
FACT_BADGES = (
    ("evidence", "badge-evidence", "quote", "evidence"),
    ("hypotheses", "badge-hypothesis", "flask-conical", "hypotheses"),
    ("measures", "badge-measure", "target", "measures"),
    ("kpis", "badge-kpi", "gauge", "kpis"),
)


def evidence_cell(
    step: Step, facts: StepFactsLike, labels: Mapping[str, str], journey_url: str
) -> str:
    """The step's evidence, hypotheses, measures and KPIs as badges linking to the facts
    page for this step; a step with none links there to add the first."""
    url = f"{journey_url}/facts?step={step.id}"
    badges = [
        f'<a class="badge {css}" href="{url}#{anchor}">{icon(icon_name)}{len(ids)} '
        f"{escape(labels[kind])}</a>"
        for kind, css, icon_name, anchor in FACT_BADGES
        if (ids := getattr(facts, kind))
    ]
    if not badges:
        badges.append(
            f'<a class="no-evidence" href="{url}#new-evidence" '
            f'title="{escape(labels["none_help"])}">'
            f"{icon('alert-triangle')}{escape(labels['none'])}</a>"
        )
    return f'<div class="cell cell-evidence">{"".join(badges)}</div>'


class StepFactsLike(Protocol):
    """What :func:`evidence_cell` reads of a step's facts (``mapview.StepFacts``)."""

    evidence: list[str]
    hypotheses: list[str]
    measures: list[str]
    kpis: list[str]


@dataclass(frozen=True)
class StepLanes:
    """Every lane cell of one step column, built in one call per step.

    The map has a dozen lanes a step; calling one template helper per lane and step costs
    more than the cells themselves, so the page's template calls this once per step.
    """

    lanes: Sequence[str]
    labels: Mapping[str, str]
    lane_add: Mapping[str, str]
    journey_url: str
    personas: Sequence[CurvePersona]
    emotions_of: Mapping[str, Mapping[str, Emotion]]
    ratings: Mapping[str, str]
    rating_name: str
    facts: Mapping[str, StepFactsLike]

    def __call__(self, step: Step) -> Markup:
        """The cells of ``step``, top to bottom."""
        cells: list[str] = []
        for lane in self.lanes:
            if lane == "touchpoints":
                cells.append(touchpoint_cell(step, self.labels, self.journey_url))
            elif lane == "emotions":
                cells.append('<div class="cell cell-curve" aria-hidden="true"></div>')
                cells.append(
                    scores_cell(
                        step,
                        self.personas,
                        self.emotions_of[step.id],
                        self.journey_url,
                        self.ratings,
                        self.rating_name,
                    )
                )
            elif lane == "evidence":
                cells.append(
                    evidence_cell(step, self.facts[step.id], self.labels, self.journey_url)
                )
            else:
                cells.append(text_lane_cell(step, lane, self.labels, self.lane_add[lane]))
        return Markup("\n".join(cells))
