"""The demo's feedback agrees with its map: the map's pains show up, and one it misses."""

from __future__ import annotations

from collections import Counter

from journeykit.demo.feedback_data import add_demo_feedback, build_demo_feedback
from journeykit.demo.feedback_voices import TOPICS
from journeykit.demo.shop import build_demo_document
from journeykit.feedback.kpis import kpis
from journeykit.feedback.queries import map_pain_points, stored_answers, stored_comments
from journeykit.feedback.service import workspace_places
from journeykit.feedback.settings import FeedbackSettings
from journeykit.feedback.store import FeedbackStore
from journeykit.feedback.themes import find_themes, pain_points
from journeykit.store import Workspace


def test_the_demo_feedback_is_deterministic_and_has_all_three_kinds() -> None:
    first, second = build_demo_feedback(), build_demo_feedback()
    assert first == second
    kinds = Counter(r.kind for r in first)
    assert kinds["review"] == 160 and kinds["ticket"] == 140 and kinds["survey"] > 1800


def test_every_demo_topic_sits_on_a_touchpoint_of_the_map() -> None:
    touchpoints = {
        tp.id for _, step in build_demo_document().journey.steps() for tp in step.touchpoints
    }
    assert {t.touchpoint for t in TOPICS} <= touchpoints


def test_the_demo_themes_confirm_the_map_and_find_what_it_misses(shop: Workspace) -> None:
    add_demo_feedback(shop.path)
    store = FeedbackStore(shop.path)
    places = workspace_places(shop)
    pains = pain_points(find_themes(stored_comments(store), places), map_pain_points(shop))
    matched = {p.on_map for p in pains if p.on_map is not None}
    # The map's own pains come back from the customers' words ...
    assert "Speditionszuschlag von 39 € erscheint erst im Checkout" in matched
    assert "Die Hotline ist nur werktags bis 16 Uhr erreichbar" in matched
    assert "Das Retourenetikett gibt es nur als PDF zum Selbstausdrucken" in matched
    # ... and exactly one candidate is news to the map: missing screws and spare parts.
    (new,) = [p for p in pains if p.on_map is None]
    assert {"schrauben", "ersatzteile"} & set(new.theme.keywords[:4])
    assert "Lieferung annehmen und auspacken" in new.theme.steps
    # The freight surcharge hurts the checkout's scores.
    rows = kpis(stored_answers(store), by="touchpoint", settings=FeedbackSettings(), places=places)
    nps = {r.group: r.score.score or 0.0 for r in rows if r.score.kind == "nps"}
    assert nps["Checkout: Versandart und Versandkosten"] < -50 < nps["PreisRadar-Angebotsliste"]
    assert store.calibration() is not None  # the demo reviews calibrated the sentiment
