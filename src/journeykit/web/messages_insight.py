"""UI texts of the insight pages (numbers on the map, discovery review, report), de and en."""
# ruff: noqa: E501  (one text per line: the catalog tool and reviewers read it that way)

from __future__ import annotations

MESSAGES_INSIGHT: dict[str, dict[str, str]] = {
    "insight.numbers": {"de": "Kennzahlen", "en": "Numbers"},
    "insight.customers": {"de": "{count} Kunden", "en": "{count} customers"},
    "insight.conversion": {"de": "{share} vom vorigen Schritt", "en": "{share} from previous step"},
    "insight.drop_off": {"de": "Absprung {share}", "en": "drop-off {share}"},
    "insight.detour": {
        "de": "Nebenweg: {share} lassen ihn aus",
        "en": "side step: {share} skip it",
    },
    "insight.detour_help": {
        "de": "Ein späterer Schritt erreicht mehr Kunden des vorigen Schritts: viele lassen diesen aus, das ist kein Verlust.",
        "en": "A later step reaches more of the previous step's customers: many skip this one, which is no loss.",
    },
    "insight.time": {"de": "Median {time} vom vorigen", "en": "median {time} from previous"},
    "insight.negative": {"de": "{share} negativ (n={count})", "en": "{share} negative (n={count})"},
    "insight.theme": {"de": "Top-Thema: {name}", "en": "Top theme: {name}"},
    "insight.evidence": {"de": "{count} Belege", "en": "{count} evidence items"},
    "insight.evidence_one": {"de": "1 Beleg", "en": "1 evidence item"},
    "insight.assumption": {"de": "Annahme", "en": "Assumption"},
    "insight.assumption_help": {
        "de": "Keine Ereignisse, keine Antworten, keine Kommentare und keine Belege stützen diesen Schritt.",
        "en": "No events, no answers, no comments and no evidence back this step.",
    },
    "insight.small_sample": {"de": "kleine Stichprobe", "en": "small sample"},
    "insight.phase_customers": {
        "de": "{count} Kunden · Absprung {share}",
        "en": "{count} customers · drop-off {share}",
    },
    "insight.phase_entered": {"de": "{count} Kunden", "en": "{count} customers"},
    "insight.report": {"de": "Bericht", "en": "Report"},
    "insight.report_html": {"de": "Bericht ansehen (HTML)", "en": "View report (HTML)"},
    "insight.report_pdf": {"de": "Bericht als PDF", "en": "Report as PDF"},
    "insight.discover": {"de": "Entdecken", "en": "Discover"},
    "insight.discover_title": {
        "de": "Journey aus den Daten entdecken",
        "en": "Discover the journey from the data",
    },
    "insight.discover_lede": {
        "de": "Vorschlag aus dem Ereignisprotokoll von {customers} Kunden: Schritte in der Reihenfolge, in der Kunden sie typischerweise gehen, Absprung-Hotspots, Kanalwechsel und negative Feedback-Themen. Übernehmen Sie, was stimmt; es wird eine neue Revision Ihrer Karte.",
        "en": "Proposed from the event log of {customers} customers: steps in the order customers typically take them, drop-off hotspots, channel switches and negative feedback themes. Accept what is right; it becomes a new revision of your map.",
    },
    "insight.draft": {"de": "Entdeckter Entwurf", "en": "Discovered draft"},
    "insight.drawn": {"de": "Ihre Karte", "en": "Your map"},
    "insight.on_map": {"de": "schon auf der Karte: {step}", "en": "on the map already: {step}"},
    "insight.new_step": {"de": "neuer Schritt", "en": "new step"},
    "insight.accept": {"de": "Übernehmen", "en": "Accept"},
    "insight.accept_selected": {
        "de": "Auswahl in die Karte übernehmen",
        "en": "Add the selection to the map",
    },
    "insight.nothing_selected": {
        "de": "Nichts ausgewählt: die Karte bleibt, wie sie ist.",
        "en": "Nothing selected: the map stays as it is.",
    },
    "insight.accepted": {
        "de": "{count} Einträge übernommen: Revision {number}",
        "en": "{count} items accepted: revision {number}",
    },
    "insight.kind.step": {"de": "Schritt", "en": "Step"},
    "insight.kind.drop_off": {"de": "Absprung-Hotspot", "en": "Drop-off hotspot"},
    "insight.kind.theme": {"de": "Negatives Feedback-Thema", "en": "Negative feedback theme"},
    "insight.kind.switch": {"de": "Kanalwechsel", "en": "Channel switch"},
    "insight.share": {"de": "{count} Kunden ({share})", "en": "{count} customers ({share})"},
    "insight.position": {"de": "typische Position {position}", "en": "typical position {position}"},
    "insight.no_events": {
        "de": "Dieser Arbeitsbereich hat noch kein Ereignisprotokoll.",
        "en": "This workspace has no event log yet.",
    },
    "insight.cannot_discover": {"de": "Keine Journey zu entdecken", "en": "No journey to discover"},
    "rev.discovery": {
        "de": "{count} Einträge aus der entdeckten Journey übernommen",
        "en": "Accepted {count} items from the discovered journey",
    },
}
