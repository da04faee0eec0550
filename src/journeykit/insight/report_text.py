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
    "effects": ("Measures and their effect", "Maßnahmen und ihre Wirkung"),
    "effects_note": (
        "Each measure's KPI before and after its go-live, the change with its 95 % interval and p-value; with a control, the difference-in-differences takes out what changed for everyone.",
        "Die KPI jeder Maßnahme vor und nach ihrem Go-live, die Veränderung mit 95-%-Intervall und p-Wert; mit einer Kontrollgruppe rechnet die Differenz der Differenzen heraus, was sich für alle geändert hat.",
    ),
    "effect_no_kpi": (
        "Not measurable: the measure names no KPI it should move.",
        "Nicht messbar: Die Maßnahme nennt keine KPI, die sie bewegen soll.",
    ),
    "effect_no_go_live": (
        "Not measurable yet: the measure has no go-live date, so there is no before and after.",
        "Noch nicht messbar: Die Maßnahme hat kein Go-live-Datum, also kein Vorher und Nachher.",
    ),
    "effect_not_measured": ("Not measurable: {why}", "Nicht messbar: {why}"),
    "effect_too_small": ("sample too small", "Stichprobe zu klein"),
    "effect_better": ("significantly better", "signifikant besser"),
    "effect_worse": ("significantly worse", "signifikant schlechter"),
    "effect_unclear": ("no clear change", "keine klare Veränderung"),
    "did": ("Difference-in-differences", "Differenz der Differenzen"),
    "control": ("control", "Kontrollgruppe"),
    "did_text": (
        "treated {treated}, control {control}",
        "behandelt {treated}, Kontrolle {control}",
    ),
    "ci95": ("95 % CI", "95-%-KI"),
    "before": ("Before", "Vorher"),
    "after": ("After", "Nachher"),
    "change": ("Change", "Veränderung"),
    "verdict": ("Verdict", "Ergebnis"),
    "trends": ("KPI trends", "KPI-Verlauf"),
    "trends_no_kpis": (
        "The journey has no KPIs, so there is no trend to show.",
        "Die Journey hat keine KPIs, also gibt es keinen Verlauf.",
    ),
    "trends_never": (
        "No KPI snapshot has been stored yet: run `journeykit refresh` (by hand or daily from cron) and every refresh adds one dated value per KPI.",
        "Es wurde noch kein KPI-Stand gespeichert: Führen Sie `journeykit refresh` aus (von Hand oder täglich per cron); jeder Lauf speichert einen datierten Wert je KPI.",
    ),
    "trends_missing": (
        "No snapshot yet (added since the last refresh): {names}.",
        "Noch kein Stand (seit dem letzten Refresh hinzugekommen): {names}.",
    ),
    "kpi_on_track": ("on track", "im Plan"),
    "kpi_off_track": ("off track", "nicht im Plan"),
    "kpi_no_target": ("no target", "kein Ziel"),
    "kpi_no_data": ("no data", "keine Daten"),
    "kpi_skipped": ("not computed", "nicht berechnet"),
    "kpi_alert": ("alert: past {threshold}", "Alarm: jenseits von {threshold}"),
    "trend_of": ("Trend of {name}", "Verlauf von {name}"),
    "trend": ("Trend", "Verlauf"),
    "latest": ("Latest", "Aktuell"),
    "target": ("Target", "Ziel"),
    "snapshots": ("Snapshots", "Stände"),
}


def report_text(key: str, language: str, **values: object) -> str:
    """The report's text ``key`` in ``language`` with ``{name}`` placeholders filled."""
    en, de = REPORT_TEXTS[key]
    text = de if language == "de" else en
    return text.format(**values) if values else text
