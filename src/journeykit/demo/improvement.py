"""The demo's KPIs and measures: how success is measured, and what the team does about it.

Quick wins come first: the total price in the PreisRadar feed and the shipping cost calculator
on the product page. The delivery notice takes a quarter of work with the freight forwarder.
"""

from __future__ import annotations

import datetime as dt

from journeykit.model import Kpi, Measure
from journeykit.model.measure import MeasureControl

#: The measure that only the interviews after the workshop brought up.
RESEARCHED_MEASURE_ID = "me-retoure-ohne-drucker"


def demo_kpis() -> list[Kpi]:
    """KPIs for the journey, a phase, steps and a touchpoint, each with target and direction."""
    return [
        Kpi(
            id="kpi-nps",
            name="Net Promoter Score der Journey",
            kind="nps",
            target=30.0,
            better="higher",
            unit="Punkte",
            alert_threshold=-30.0,
            description="Weiterempfehlung auf der Skala 0 bis 10, acht Wochen nach dem Erstkauf.",
        ),
        Kpi(
            id="kpi-csat-zustellung",
            name="Zufriedenheit mit der Zustellung (CSAT)",
            kind="csat",
            scope="touchpoint",
            scope_id="tp-paketzustellung",
            target=80.0,
            better="higher",
            unit="%",
            description="Anteil der Antworten 4 oder 5 auf der Skala 1 bis 5.",
            alert_threshold=35.0,
        ),
        Kpi(
            id="kpi-ces-ruecksendung",
            name="Aufwand der Rücksendung (CES)",
            kind="ces",
            scope="step",
            scope_id="st-ruecksendung",
            target=2.5,
            better="lower",
            unit="Punkte (1–7)",
            description="Mittlerer Aufwand auf der Skala 1 (sehr leicht) bis 7 (sehr schwer).",
        ),
        Kpi(
            id="kpi-conversion-kauf",
            name="Conversion in der Kaufphase",
            kind="conversion",
            scope="phase",
            scope_id="acquisition",
            target=70.0,
            better="higher",
            unit="%",
            description="Anteil der gefüllten Warenkörbe, die zu einer Bestellung führen.",
        ),
        Kpi(
            id="kpi-abbruch-versandkosten",
            name="Abbruch nach der Versandkostenanzeige",
            kind="drop_off",
            scope="step",
            scope_id="st-versandkosten-entdecken",
            target=30.0,
            better="lower",
            unit="%",
            description="Anteil der Checkouts, die nach der Versandkostenanzeige enden.",
        ),
        Kpi(
            id="kpi-lieferzeit",
            name="Zeit von der Bestellung bis zur Zustellung",
            kind="time",
            scope="step",
            scope_id="st-lieferung-annehmen",
            target=3.0,
            better="lower",
            unit="Tage",
            alert_threshold=5.0,
            from_id="st-bezahlen",
            to_id="st-lieferung-annehmen",
        ),
        Kpi(
            id="kpi-abwanderung",
            name="Abwanderung nach dem Erstkauf",
            kind="churn",
            scope="phase",
            scope_id="non_retention",
            target=75.0,
            better="lower",
            unit="%",
            description="Anteil der Erstkunden, die nicht über ihr Kundenkonto nachbestellen.",
            from_id="st-bezahlen",
            to_id="st-direkt-wiederkaufen",
        ),
    ]


def demo_measures() -> list[Measure]:
    """Five measures with impact, effort, owner, status and dates; two of them quick wins."""
    return [
        Measure(
            id="me-gesamtpreis-im-feed",
            title="Gesamtpreis mit Speditionszuschlag im PreisRadar-Feed",
            description="Der Feed übermittelt Versandkosten je Artikel statt einer Pauschale.",
            step_ids=["st-bestpreis-finden", "st-versandkosten-entdecken"],
            kpi_id="kpi-abbruch-versandkosten",
            impact=5,
            effort=2,
            owner="Jonas Weber, Marketing Preisportale",
            status="in_progress",
            start_date=dt.date(2024, 5, 6),
            due_date=dt.date(2024, 5, 31),
        ),
        Measure(
            id="me-versandkostenrechner",
            title="Versandkostenrechner auf der Produktseite",
            description="Nach Eingabe der Postleitzahl zeigt die Produktseite den Endpreis.",
            step_ids=["st-produktseite-pruefen", "st-versandkosten-entdecken"],
            kpi_id="kpi-conversion-kauf",
            impact=4,
            effort=2,
            owner="Mira Schulz, E-Commerce",
            status="done",
            start_date=dt.date(2024, 4, 2),
            due_date=dt.date(2024, 5, 3),
            go_live_date=dt.date(2024, 5, 2),
            # Parcel baskets under 120 euros have no freight surcharge to be surprised by.
            control=MeasureControl(segment="basket_value < 120"),
        ),
        Measure(
            id="me-liefertermin-avis",
            title="Liefertermin-Avis der Spedition per SMS und E-Mail",
            description="Die Spedition kündigt den Termin zwei Tage vorher an; Umbuchung online.",
            step_ids=["st-bestaetigung-erhalten", "st-lieferung-verfolgen"],
            kpi_id="kpi-csat-zustellung",
            impact=4,
            effort=4,
            owner="Frank Oswald, Logistik",
            status="planned",
            start_date=dt.date(2024, 6, 3),
            due_date=dt.date(2024, 8, 30),
        ),
        Measure(
            id=RESEARCHED_MEASURE_ID,
            title="Retoure ohne Drucker per QR-Code",
            description="Das Retourenportal erzeugt einen QR-Code für die Paketannahmestelle.",
            step_ids=["st-ruecksendung"],
            kpi_id="kpi-ces-ruecksendung",
            impact=3,
            effort=3,
            owner="Aylin Demir, Kundenservice",
            status="idea",
            due_date=dt.date(2024, 9, 30),
        ),
        Measure(
            id="me-nachbestell-erinnerung",
            title="Erinnerung zum Nachbestellen von Erde und Dünger",
            description="Eine E-Mail zur passenden Zeit mit Link zur Bestellhistorie.",
            step_ids=["st-direkt-wiederkaufen", "st-erneut-vergleichen"],
            kpi_id="kpi-abwanderung",
            impact=3,
            effort=2,
            owner="Kai Neumann, CRM",
            status="planned",
            start_date=dt.date(2024, 7, 1),
            due_date=dt.date(2024, 7, 31),
        ),
    ]
