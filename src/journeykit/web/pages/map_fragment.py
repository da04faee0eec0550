"""The map fragment: what the map page shows, rendered once per revision, language and view."""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any

from markupsafe import Markup

from journeykit.model.document import JourneyDocument
from journeykit.model.lanes import TEXT_LANES
from journeykit.model.touchpoint import KNOWN_CHANNELS
from journeykit.render.emotion_curve import curve_personas
from journeykit.render.labels import label as render_label
from journeykit.render.labels import lane_label, rating_label
from journeykit.web import map_cells, mapview
from journeykit.web.gate import Visit

HIDE_COOKIE = "journeykit_hidden_lanes"


def hidden_lanes(visit: Visit) -> tuple[str, ...]:
    """The lanes this view hides: ``?hide=`` (remembered in a cookie), else the cookie."""
    given = visit.request.query_params.getlist("hide")
    if given:
        return mapview.parse_hidden(",".join(given))
    return mapview.parse_hidden(visit.request.cookies.get(HIDE_COOKIE))


def map_labels(visit: Visit) -> dict[str, str]:
    """The map's repeated labels, translated once per render rather than once per step."""
    keys = (
        "phase",
        "step",
        "click_to_edit",
        "describe",
        "add_step",
        "delete_phase",
        "delete_step",
        "drag",
        "delete_item",
        "add",
    )
    labels = {key: visit.t(f"map.{key}") for key in keys}
    labels.update(
        {
            "evidence": visit.t("facts.evidence"),
            "hypotheses": visit.t("facts.hypotheses"),
            "measures": visit.t("facts.measures"),
            "kpis": visit.t("facts.kpis"),
            "none": visit.t("facts.none"),
            "none_help": visit.t("facts.none_help"),
        }
    )
    for mark in ("digital", "personal", "direct", "indirect"):
        labels[mark] = render_label(mark, visit.language)
    labels["add_touchpoint"] = visit.t("map.add_touchpoint")
    labels["delete_touchpoint"] = visit.t("map.delete_touchpoint")
    return labels


def map_context(visit: Visit, doc: JourneyDocument) -> dict[str, Any]:
    """Everything the map templates need."""
    hidden = hidden_lanes(visit)
    return {
        "labels": map_labels(visit),
        "channels": KNOWN_CHANNELS,
        "ratings": {
            "none": "—",
            **{r: rating_label(r, visit.language) for r in ("delighting", "okay", "disappointing")},
        },
        "rating_name": visit.t("map.rating"),
        "text_lane_cell": map_cells.text_lane_cell,
        "touchpoint_cell": map_cells.touchpoint_cell,
        "scores_cell": map_cells.scores_cell,
        "lane_add": {
            lane: visit.t("map.add_to_lane", lane=lane_label(lane, visit.language))
            for lane in TEXT_LANES
        },
        "emotions_of": {
            step.id: {emotion.persona_id: emotion for emotion in step.lanes.emotions}
            for _phase, step in doc.journey.steps()
        },
        "doc": doc,
        "journey": doc.journey,
        "facts": mapview.step_facts(doc),
        "lanes": [lane for lane in mapview.LANE_ORDER if lane not in hidden],
        "all_lanes": mapview.LANE_ORDER,
        "hidden": hidden,
        "curve": mapview.emotion_curve(doc, visit.language) if "emotions" not in hidden else "",
        "column_width": mapview.COLUMN_WIDTH,
        "columns": mapview.column_count(doc),
        "curve_personas": curve_personas(doc),
        "scale": mapview.score_scale(),
    }


class RenderedMaps:
    """Rendered map fragments by workspace, journey, revision, language and hidden lanes.

    The fragment is a function of exactly those (a revision never changes), so a second
    visitor, a reload or switching back to a view costs no rendering.
    """

    def __init__(self, size: int = 16) -> None:
        self._size = size
        self._maps: OrderedDict[tuple[object, ...], Markup] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple[object, ...]) -> Markup | None:
        """The cached fragment, if any."""
        with self._lock:
            found = self._maps.get(key)
            if found is not None:
                self._maps.move_to_end(key)
            return found

    def clear(self) -> None:
        """Forget every fragment (the benchmark measures rendering from scratch)."""
        with self._lock:
            self._maps.clear()

    def put(self, key: tuple[object, ...], html: Markup) -> None:
        """Remember a fragment, forgetting the least recently used beyond the size."""
        with self._lock:
            self._maps[key] = html
            while len(self._maps) > self._size:
                self._maps.popitem(last=False)


RENDERED = RenderedMaps()


def map_html(visit: Visit, doc: JourneyDocument) -> Markup:
    """The map fragment of ``doc`` for this visit's language and hidden lanes."""
    key = (str(visit.ws.path), doc.journey.id, doc.revision, visit.language, hidden_lanes(visit))
    cached = RENDERED.get(key)
    if cached is not None:
        return cached
    templates = visit.request.app.state.templates
    template = templates.env.get_template("_map.html")
    html = Markup(
        template.render({"lang": visit.language, "t": visit.t, **map_context(visit, doc)})
    )
    RENDERED.put(key, html)
    return html
