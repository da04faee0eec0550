"""The demo's voice of the customer: survey answers, reviews and tickets that fit its story.

Customers of the demo event log (same ids, so persona cuts work) answer touchpoint surveys
(NPS with a comment, CSAT and CES at the touchpoint), write reviews on ShopUrteil and open
support tickets, from January to June 2024. What they talk about is drawn from
:data:`~journeykit.demo.feedback_voices.TOPICS`, weighted; complaints about the freight
surcharge fall by half once the shipping cost calculator went live on 2 May 2024, as the
demo's measure intended. Everything is drawn from one generator seeded with
:data:`~journeykit.demo.shop.DEMO_SEED`, so the same feedback is built every time.

>>> answers = build_demo_feedback()
>>> sorted({r.kind for r in answers})
['review', 'survey', 'ticket']
>>> answers == build_demo_feedback()
True
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from journeykit.demo.event_clock import CALCULATOR_LIVE, PERIOD_END, PERIOD_START
from journeykit.demo.event_log import DEMO_CUSTOMERS
from journeykit.demo.feedback_voices import (
    TICKET_CATEGORIES,
    TICKET_OPENINGS,
    TICKET_SIGNATURES,
    TOPICS,
    Topic,
)
from journeykit.demo.shop import DEMO_SEED
from journeykit.feedback.records import Response

#: How many survey respondents, reviews and tickets the demo has.
DEMO_RESPONDENTS = 900
DEMO_REVIEWS = 160
DEMO_TICKETS = 140
#: The share of survey respondents who write a comment.
COMMENT_SHARE = 0.6
DEMO_SOURCE = "demo"
#: The share of answers that do not follow the topic the customer talks about.
SCORE_NOISE = 0.2
#: CES (1–7, higher is easier) per touchpoint: (low, high) inclusive.
CES_TOUCHPOINTS = {
    "tp-checkout-zahlung": (5, 7),
    "tp-retourenportal": (1, 4),
    "tp-kundenkonto": (2, 6),
}


def _day(rng: random.Random) -> dt.date:
    days = (PERIOD_END - PERIOD_START).days
    return PERIOD_START.date() + dt.timedelta(days=rng.randrange(days))


def _topic(rng: random.Random, day: dt.date) -> Topic:
    weights = [
        t.weight * (0.5 if t.key == "speditionszuschlag" and day >= CALCULATOR_LIVE else 1.0)
        for t in TOPICS
    ]
    return rng.choices(TOPICS, weights=weights)[0]


def _says(rng: random.Random, topic: Topic) -> str:
    if topic.english and rng.random() < 0.12:
        return rng.choice(topic.english)
    return rng.choice(topic.german)


def _customer(rng: random.Random) -> str:
    return f"K-{rng.randint(1, DEMO_CUSTOMERS):06d}"


def _surveys(rng: random.Random) -> list[Response]:
    answers = []
    for number in range(1, DEMO_RESPONDENTS + 1):
        day = _day(rng)
        topic = _topic(rng, day)
        customer = _customer(rng)
        comment = _says(rng, topic) if rng.random() < COMMENT_SHARE else None
        base = Response(
            kind="survey",
            date=day,
            customer_id=customer,
            channel="email",
            source=DEMO_SOURCE,
            source_file=DEMO_SOURCE,
            source_row=number,
        )
        nps = _score(rng, topic.nps, 0, 10)
        answers.append(_at(base, topic.touchpoint, "nps", nps, comment))
        csat = _score(rng, topic.csat, 1, 5)
        answers.append(_at(base, topic.touchpoint, "csat", csat, None))
        if topic.touchpoint in CES_TOUCHPOINTS:
            low, high = CES_TOUCHPOINTS[topic.touchpoint]
            ces = _score(rng, (low, high), 1, 7)
            answers.append(_at(base, topic.touchpoint, "ces", ces, None))
    return answers


def _score(rng: random.Random, usual: tuple[int, int], low: int, high: int) -> int:
    # Most answers follow what the customer talks about; some judge the visit as a whole.
    if rng.random() < SCORE_NOISE:
        return rng.randint(low, high)
    return rng.randint(*usual)


def _at(
    base: Response, touchpoint: str, question: str, score: int, comment: str | None
) -> Response:
    from dataclasses import replace

    return replace(
        base,
        touchpoint_id=touchpoint,
        question=question,  # type: ignore[arg-type]
        score=float(score),
        comment=comment,
    )


def _reviews(rng: random.Random) -> list[Response]:
    reviews = []
    for number in range(1, DEMO_REVIEWS + 1):
        day = _day(rng)
        topic = _topic(rng, day)
        low, high = topic.csat
        reviews.append(
            Response(
                kind="review",
                date=day,
                score=float(rng.randint(low, high)),
                comment=_says(rng, topic),
                source="ShopUrteil",
                touchpoint_id="tp-bewertung-schreiben",
                source_file=DEMO_SOURCE,
                source_row=number,
            )
        )
    return reviews


def _tickets(rng: random.Random) -> list[Response]:
    negative = [t for t in TOPICS if t.nps[1] <= 8]
    tickets = []
    for number in range(1, DEMO_TICKETS + 1):
        day = _day(rng)
        topic = rng.choices(negative, weights=[t.weight for t in negative])[0]
        signature = rng.choice(TICKET_SIGNATURES).format(n=number)
        text = rng.choice(TICKET_OPENINGS) + _says(rng, topic) + signature
        tickets.append(
            Response(
                kind="ticket",
                date=day,
                customer_id=_customer(rng),
                channel="email",
                comment=text,
                category=TICKET_CATEGORIES[topic.key],
                source="Helpdesk",
                source_file=DEMO_SOURCE,
                source_row=number,
            )
        )
    return tickets


def build_demo_feedback() -> list[Response]:
    """Every demo survey answer, review and ticket, unredacted (the import redacts)."""
    rng = random.Random(DEMO_SEED + 6)
    return _surveys(rng) + _reviews(rng) + _tickets(rng)


def add_demo_feedback(folder: Path) -> int:
    """Analyse the demo feedback and store it in the workspace folder; how many were stored."""
    from journeykit.demo.shop import build_demo_document
    from journeykit.feedback.analysis import analyse
    from journeykit.feedback.places import PlaceIndex, placed
    from journeykit.feedback.service import recalibrate
    from journeykit.feedback.settings import read_settings
    from journeykit.feedback.store import FeedbackStore

    places = PlaceIndex.of([build_demo_document()])
    responses = [placed(r, places.find(r.touchpoint_id or "")) for r in build_demo_feedback()]
    settings = read_settings(folder)
    store = FeedbackStore(folder)
    result = store.add(analyse(responses, settings))
    recalibrate(store)
    return result.responses
