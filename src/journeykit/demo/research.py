"""The demo's evidence and hypotheses: what the team found out, and what it set out to test.

The workshop on 15 March 2024 had four pieces of evidence; interviews, a usability test, two
surveys and an A/B test added the rest by the end of April (:data:`WORKSHOP_EVIDENCE_IDS`).
"""

from __future__ import annotations

import datetime as dt

from journeykit.demo.event_clock import CALCULATOR_LIVE
from journeykit.model import Evidence, Hypothesis
from journeykit.model.hypothesis import Comparison, HypothesisMetric, HypothesisTest

#: The evidence the team already had in the workshop that produced the draft map.
WORKSHOP_EVIDENCE_IDS: tuple[str, ...] = (
    "ev-zitat-versandkosten",
    "ev-beobachtung-hotline",
    "ev-analytics-checkout-abbruch",
    "ev-bewertung-retoure",
)

HYPOTHESIS_TOTAL_PRICE = "hy-gesamtpreis-frueh"
HYPOTHESIS_DELIVERY_NOTICE = "hy-liefertermin-avis"


def demo_evidence() -> list[Evidence]:
    """Nine pieces of evidence of six kinds, each tied to the steps it backs."""
    return [
        Evidence(
            id="ev-zitat-versandkosten",
            kind="quote",
            text=(
                "„Auf PreisRadar war Beetwerk am günstigsten. Im Checkout kamen dann 39 Euro "
                "für die Spedition dazu – da habe ich abgebrochen.“"
            ),
            source="Kundeninterview 4, Segment Sparfuchs",
            date=dt.date(2024, 3, 12),
            step_ids=["st-bestpreis-finden", "st-versandkosten-entdecken"],
        ),
        Evidence(
            id="ev-beobachtung-hotline",
            kind="observation",
            text=(
                "Bei der Hospitation im Kundenservice ging es in 14 von 23 Anrufen um den "
                "Liefertermin von Speditionsware; das Team konnte ihn in keinem Fall nennen."
            ),
            source="Hospitation im Kundenservice, zwei Vormittage",
            date=dt.date(2024, 3, 5),
            step_ids=["st-lieferung-verfolgen"],
        ),
        Evidence(
            id="ev-analytics-checkout-abbruch",
            kind="analytics",
            text=(
                "58 % der Sitzungen mit Sperrgut im Warenkorb enden nach der Anzeige der "
                "Versandkosten; bei Paketware sind es 21 %."
            ),
            source="Web-Analyse, Checkout-Trichter Januar bis Februar 2024",
            date=dt.date(2024, 3, 11),
            step_ids=["st-warenkorb-fuellen", "st-versandkosten-entdecken"],
        ),
        Evidence(
            id="ev-bewertung-retoure",
            kind="review",
            text=(
                "2 von 5 Sternen: „Ware schnell da, aber für die Rücksendung des Hochbeets "
                "musste ich dreimal anrufen, bis die Abholung geklappt hat.“"
            ),
            source="ShopUrteil, Händlerbewertung",
            date=dt.date(2024, 2, 20),
            step_ids=["st-ruecksendung"],
        ),
        Evidence(
            id="ev-interview-beratung",
            kind="interview",
            text=(
                "Fünf von sechs Befragten über 60 haben vor dem ersten Kauf angerufen; vier "
                "besitzen keinen Drucker und können das Retourenetikett nicht ausdrucken."
            ),
            source="Tiefeninterviews mit sechs Kundinnen und Kunden ab 60 Jahren",
            date=dt.date(2024, 3, 27),
            step_ids=["st-hotline-fragen", "st-ruecksendung"],
        ),
        Evidence(
            id="ev-foto-checkout",
            kind="photo",
            text=(
                "Bildschirmfoto: Der Speditionszuschlag erscheint erst im zweiten Checkout-Schritt."
            ),
            link="fotos/checkout-speditionszuschlag.png",
            source="Usability-Test, Sitzung 3",
            date=dt.date(2024, 4, 4),
            step_ids=["st-versandkosten-entdecken"],
        ),
        Evidence(
            id="ev-umfrage-nps",
            kind="survey",
            text=(
                "NPS der Neukunden aus dem Preisvergleich: +12 (41 % Promotoren, 29 % "
                "Kritiker); häufigster Kritikpunkt in den Freitexten: Versandkosten."
            ),
            source="NPS-Befragung Neukunden, erstes Quartal 2024 (n = 842)",
            date=dt.date(2024, 4, 10),
            step_ids=["st-bewertung-abgeben", "st-erneut-vergleichen"],
        ),
        Evidence(
            id="ev-umfrage-zustellung",
            kind="survey",
            text=(
                "Zufriedenheit mit der Zustellung (Note 4 oder 5): 86 % bei Paketware, 41 % bei "
                "Speditionsware."
            ),
            source="Nachkauf-Befragung April 2024 (n = 1.214)",
            date=dt.date(2024, 4, 19),
            step_ids=["st-lieferung-verfolgen", "st-lieferung-annehmen"],
        ),
        Evidence(
            id="ev-abtest-gesamtpreis",
            kind="analytics",
            text=(
                "A/B-Test mit Versandkostenrechner auf der Produktseite: Die Abbruchquote nach "
                "der Versandkostenanzeige sank bei Sperrgut von 58 % auf 44 %."
            ),
            source="A/B-Test vom 8. bis 28. April 2024, 2 × 3.900 Sitzungen",
            date=dt.date(2024, 4, 29),
            step_ids=["st-produktseite-pruefen", "st-versandkosten-entdecken"],
        ),
    ]


def demo_hypotheses() -> list[Hypothesis]:
    """The two hypotheses: one decided by the A/B test, one still waiting for its test.

    Both name a test that runs on the demo's data (``journeykit hypothesis test --all``):
    the drop-off after the shipping costs for bulky baskets before and after the shipping
    cost calculator went live, and the delivery CSAT of customers who opened the shipping
    notification against those who did not.
    """
    return [
        Hypothesis(
            id=HYPOTHESIS_TOTAL_PRICE,
            statement=(
                "Wenn der Gesamtpreis einschließlich Speditionszuschlag schon auf der "
                "Produktseite steht, brechen weniger Kundinnen und Kunden mit Sperrgut den "
                "Checkout ab."
            ),
            metric="Abbruchquote nach der Versandkostenanzeige (Warenkörbe mit Sperrgut)",
            expected_direction="decrease",
            status="supported",
            step_ids=["st-produktseite-pruefen", "st-versandkosten-entdecken"],
            evidence_ids=[
                "ev-zitat-versandkosten",
                "ev-analytics-checkout-abbruch",
                "ev-abtest-gesamtpreis",
            ],
            test=HypothesisTest(
                metric=HypothesisMetric(
                    kind="drop_off", from_id="st-versandkosten-entdecken", to_id="st-bezahlen"
                ),
                compare=Comparison(by="before_after", date=CALCULATOR_LIVE),
                # Bulky goods (Sperrgut) are what baskets of 250 euros and more mostly hold.
                population="basket_value >= 250",
            ),
        ),
        Hypothesis(
            id=HYPOTHESIS_DELIVERY_NOTICE,
            statement=(
                "Ein proaktives Liefertermin-Avis für Speditionsware erhöht die Zufriedenheit "
                "mit der Zustellung und senkt die Anrufe zum Lieferstatus."
            ),
            metric="CSAT der Zustellung bei Speditionsware",
            expected_direction="increase",
            status="open",
            step_ids=["st-lieferung-verfolgen", "st-lieferung-annehmen"],
            # Until the notice is live, the customers who read the shipping notification are
            # the closest thing to informed customers the data has.
            test=HypothesisTest(
                metric=HypothesisMetric(kind="csat", at="tp-paketzustellung"),
                compare=Comparison(by="touchpoint_use", touchpoint_id="tp-versandbenachrichtigung"),
            ),
        ),
    ]
