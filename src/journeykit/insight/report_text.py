"""The journey report's words in German and English."""
# ruff: noqa: E501  (a table of sentences: one per line reads and diffs best)

from __future__ import annotations

REPORT_TEXTS: dict[str, tuple[str, str]] = {
    "title": ("Journey report", "Journey-Bericht"),
    "generated": (
        "Generated on {date} from revision {revision}",
        "Erstellt am {date} aus Revision {revision}",
    ),
    "basis": (
        "Data: {customers} customers in the event log, {answers} survey answers, {comments} comments",
        "Daten: {customers} Kunden im Ereignisprotokoll, {answers} Umfrageantworten, {comments} Kommentare",
    ),
    "no_events": (
        "No event log: conversion and drop-off are not measured.",
        "Kein Ereignisprotokoll: Konversion und Absprung sind nicht gemessen.",
    ),
    "no_feedback": (
        "No feedback: scores, sentiment and quotes are missing.",
        "Kein Feedback: Werte, Stimmung und Zitate fehlen.",
    ),
    "glance": ("At a glance", "Auf einen Blick"),
    "glance_drop": (
        "Largest drop-off: {share} of customers do not get from “{previous}” to “{step}”.",
        "Größter Absprung: {share} der Kunden kommen nicht von „{previous}“ zu „{step}“.",
    ),
    "glance_score": (
        "Lowest NPS: {score} at “{step}” ({n} answers).",
        "Niedrigster NPS: {score} bei „{step}“ ({n} Antworten).",
    ),
    "glance_assumptions": (
        "Resting on assumptions only, with nothing to back them yet: {count} of {total} steps.",
        "Nur auf Annahmen beruhen, ohne jeden Beleg: {count} von {total} Schritten.",
    ),
    "glance_none": (
        "Every step is backed by data or evidence.",
        "Jeder Schritt ist durch Daten oder Belege gestützt.",
    ),
    "map": ("The map with its numbers", "Die Karte mit ihren Kennzahlen"),
    "map_note": (
        "Each step shows customers, conversion from the previous step, median time, scores with 95 % intervals (* = small sample), the share of negative comments, the top theme and the evidence. Amber, dashed: an assumption.",
        "Jeder Schritt zeigt Kunden, Konversion vom vorigen Schritt, Median-Zeit, Werte mit 95-%-Intervall (* = kleine Stichprobe), den Anteil negativer Kommentare, das Top-Thema und die Belege. Bernstein, gestrichelt: eine Annahme.",
    ),
    "curve": ("Emotion curve", "Emotionskurve"),
    "curve_empty": (
        "No persona has emotions on this map yet.",
        "Für diese Karte sind noch keine Emotionen erfasst.",
    ),
    "drops": ("Where customers drop off", "Wo Kunden abspringen"),
    "drops_empty": (
        "The event log shows no drop-off between the map's steps.",
        "Das Ereignisprotokoll zeigt keinen Absprung zwischen den Schritten.",
    ),
    "step": ("Step", "Schritt"),
    "from": ("From", "Von"),
    "customers": ("Customers", "Kunden"),
    "conversion": ("Conversion", "Konversion"),
    "drop_off": ("Drop-off", "Absprung"),
    "median_time": ("Median time", "Median-Zeit"),
    "phase_funnel": ("Phase funnel", "Phasen-Trichter"),
    "phase": ("Phase", "Phase"),
    "of_entered": ("Of entered", "Von allen"),
    "pains": ("Pains, in customers' words", "Schmerzpunkte, in den Worten der Kunden"),
    "pains_empty": (
        "No negative theme in the feedback and no pain point on the map.",
        "Kein negatives Thema im Feedback und kein Painpoint auf der Karte.",
    ),
    "pain_theme": (
        "{comments} comments, {share} negative",
        "{comments} Kommentare, {share} negativ",
    ),
    "pain_map": ("On the map", "Auf der Karte"),
    "pain_new": ("Not on the map yet", "Noch nicht auf der Karte"),
    "pain_steps": ("Said at", "Geäußert bei"),
    "hypotheses": ("Hypotheses", "Hypothesen"),
    "hypotheses_empty": ("No hypotheses yet.", "Noch keine Hypothesen."),
    "statement": ("Statement", "Aussage"),
    "status": ("Status", "Status"),
    "metric": ("Metric", "Metrik"),
    "latest_evidence": ("Latest evidence", "Neuester Beleg"),
    "no_evidence": ("none yet", "noch keiner"),
    "measures": ("Measures", "Maßnahmen"),
    "measures_empty": ("No measures yet.", "Noch keine Maßnahmen."),
    "measure": ("Measure", "Maßnahme"),
    "impact_effort": ("Impact / effort", "Wirkung / Aufwand"),
    "owner": ("Owner", "Verantwortlich"),
    "due": ("Due", "Fällig"),
    "go_live": ("Go-live", "Go-live"),
    "kpi": ("KPI", "KPI"),
    "quick_win": ("quick win", "Quick Win"),
    "page": ("Page", "Seite"),
}


def report_text(key: str, language: str, **values: object) -> str:
    """The report's text ``key`` in ``language`` with ``{name}`` placeholders filled."""
    en, de = REPORT_TEXTS[key]
    text = de if language == "de" else en
    return text.format(**values) if values else text
