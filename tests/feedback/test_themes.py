"""Themes found in real comments: the clusters, their keywords, quotes and places, and the
pain-point candidates with their match on the map."""

from __future__ import annotations

import numpy as np

from journeykit.demo.shop import build_demo_document
from journeykit.feedback.places import PlaceIndex
from journeykit.feedback.sentiment import load_model
from journeykit.feedback.sentiment.classifier import features
from journeykit.feedback.sentiment.embedding import embed
from journeykit.feedback.text.keywords import c_tf_idf, tokens
from journeykit.feedback.themes import Comment, MapPain, choose_clusters, find_themes, pain_points

PLACES = PlaceIndex.of([build_demo_document()])

DELIVERY = [
    "Die Spedition hat den Liefertermin dreimal verschoben.",
    "Spedition kam nicht zum vereinbarten Liefertermin.",
    "Liefertermin der Spedition erst am Vortag erfahren.",
    "Die Spedition ist nie pünktlich, Liefertermin wieder verschoben.",
    "Warte seit zwei Wochen auf die Spedition, kein Liefertermin.",
    "Spedition verschiebt den Liefertermin ohne Nachricht.",
    "The freight company moved the delivery date again.",
    "Liefertermin geplatzt, die Spedition meldet sich nicht.",
]
PRAISE = [
    "Das Hochbeet ist stabil und wunderschön verarbeitet.",
    "Tolle Qualität, das Holz ist stabil und schön.",
    "Super stabiles Hochbeet, sehr schön verarbeitet.",
    "Sehr hochwertig, stabil und schön, gerne wieder.",
    "Great quality, sturdy and beautifully made.",
    "Wunderschönes Hochbeet, stabil und gut verarbeitet.",
    "Stabil, schön, genau wie beschrieben.",
    "Qualität top, das Hochbeet steht stabil.",
]


def _comments(texts: list[str], touchpoint: str) -> list[Comment]:
    vectors = embed(texts)
    judged = load_model().judge(features(texts, ["de"] * len(texts), vectors))
    place = PLACES.find(touchpoint)
    assert place is not None
    return [
        Comment(t, s.label, s.score, v, place.step_id, place.touchpoint_id)
        for t, s, v in zip(texts, judged, vectors, strict=True)
    ]


def test_two_topics_become_two_themes_with_their_keywords_and_places() -> None:
    comments = _comments(DELIVERY, "tp-versandbenachrichtigung") + _comments(
        PRAISE, "tp-paketzustellung"
    )
    themes = find_themes(comments, PLACES)
    assert len(themes) == 2
    by_keyword = {t.keywords[0]: t for t in themes}
    delivery = next(t for t in themes if "spedition" in t.keywords[:3])
    praise = next(t for t in themes if "stabil" in t.keywords[:3])
    assert (delivery.comments, praise.comments) == (8, 8), by_keyword
    assert delivery.sentiment == "negative" and praise.sentiment == "positive"
    assert delivery.touchpoints == ["Versandbenachrichtigung mit Sendungsverfolgung"]
    assert praise.steps == ["Lieferung annehmen und auspacken"]
    assert len(delivery.examples) == 3 and set(delivery.examples) <= set(DELIVERY)
    assert list(delivery.as_dict()) == [
        "theme", "keywords", "comments", "sentiment", "examples", "touchpoints",
    ]  # fmt: skip


def test_pain_points_are_ranked_and_matched_to_the_map() -> None:
    missing = [
        "Im Bausatz fehlten die Schrauben.",
        "Schrauben fehlen, Aufbau unmöglich.",
        "Es fehlten Kleinteile und Schrauben im Paket.",
        "Wieder fehlen Schrauben im Bausatz, ärgerlich.",
        "Bausatz unvollständig, Schrauben fehlten.",
        "Schrauben und Winkel fehlten, Ersatzteile dauern Wochen.",
    ]
    comments = (
        _comments(DELIVERY, "tp-versandbenachrichtigung")
        + _comments(PRAISE, "tp-paketzustellung")
        + _comments(missing, "tp-paketzustellung")
    )
    themes = find_themes(comments, PLACES)
    map_pains = [
        MapPain("Die Spedition nennt den Termin erst am Vortag", "Lieferung verfolgen"),
        MapPain("Die Hotline ist nur werktags bis 16 Uhr erreichbar", "Bei der Hotline nachfragen"),
    ]
    pains = pain_points(themes, map_pains)
    # Volume × negativity: 6 all-negative comments outweigh 8 mostly negative ones; the
    # praise is no pain at all.
    assert [p.theme.comments for p in pains] == [6, 8]
    assert [p.weight for p in pains] == [6 * 1.0, 8 * pains[1].theme.negative_share]
    assert pains[0].weight > pains[1].weight
    assert pains[0].on_map is None  # missing screws: news to the map
    assert pains[1].on_map == "Die Spedition nennt den Termin erst am Vortag"


def test_a_few_comments_form_one_theme() -> None:
    x = np.eye(5, 8, dtype=np.float32)
    assert set(choose_clusters(x).tolist()) == {0}


def test_keywords_skip_stop_words_and_placeholders() -> None:
    assert tokens("Die Lieferung kam nicht, ruf mich an: [phone]") == ["lieferung", "ruf"]
    assert c_tf_idf([[]]) == [[]]
