"""German and English texts of the facts editor, persona deletion, new projects and
touchpoint moves (helper A's area); added to ``MESSAGES`` by one line in ``messages.py``."""

from __future__ import annotations

MESSAGES_EDIT: dict[str, dict[str, str]] = {
    # The facts page
    "facts.edit": {"de": "Bearbeiten", "en": "Edit"},
    "facts.cancel": {"de": "Abbrechen", "en": "Cancel"},
    "facts.to_step": {"de": "zum Schritt in der Karte", "en": "to the step on the map"},
    "facts.filter": {"de": "Schritt", "en": "Step"},
    "facts.all_steps": {"de": "alle Schritte", "en": "all steps"},
    "facts.show": {"de": "Zeigen", "en": "Show"},
    "facts.saved": {
        "de": "Gespeichert als Revision {revision}.",
        "en": "Saved as revision {revision}.",
    },
    "facts.deleted": {
        "de": "Gelöscht; Revision {revision}. Die Historie kann es wiederherstellen.",
        "en": "Deleted; revision {revision}. The history can restore it.",
    },
    "facts.fix_fields": {
        "de": "Nichts gespeichert: Bitte die markierten Felder prüfen.",
        "en": "Nothing was saved: please check the marked fields.",
    },
    "facts.conflict_mine": {
        "de": "Ihre Eingaben stehen weiter im Formular unten, jetzt auf der aktuellen "
        "Revision: prüfen und erneut speichern.",
        "en": "Your input is still in the form below, now on the current revision: check it "
        "and save again.",
    },
    "facts.conflict_delete": {
        "de": "Gelöscht wurde nichts. Prüfen Sie die aktuelle Fassung und löschen Sie erneut.",
        "en": "Nothing was deleted. Look at the current version and delete again.",
    },
    "facts.confirm_delete": {
        "de": "Wirklich löschen? Die Historie behält die alte Fassung.",
        "en": "Delete this? The history keeps the old version.",
    },
    "facts.no_evidence_yet": {
        "de": "Noch keine Belege erfasst.",
        "en": "No evidence recorded yet.",
    },
    "facts.add.evidence": {"de": "Beleg hinzufügen", "en": "Add evidence"},
    "facts.add.hypotheses": {"de": "Hypothese hinzufügen", "en": "Add hypothesis"},
    "facts.add.measures": {"de": "Maßnahme hinzufügen", "en": "Add measure"},
    "facts.add.kpis": {"de": "KPI hinzufügen", "en": "Add KPI"},
    "facts.delete.evidence": {"de": "Beleg löschen", "en": "Delete evidence"},
    "facts.delete.hypotheses": {"de": "Hypothese löschen", "en": "Delete hypothesis"},
    "facts.delete.measures": {"de": "Maßnahme löschen", "en": "Delete measure"},
    "facts.delete.kpis": {"de": "KPI löschen", "en": "Delete KPI"},
    "facts.kind.evidence": {"de": "Beleg", "en": "Evidence"},
    "facts.kind.hypotheses": {"de": "Hypothese", "en": "Hypothesis"},
    "facts.kind.measures": {"de": "Maßnahme", "en": "Measure"},
    "facts.kind.kpis": {"de": "KPI", "en": "KPI"},
    "facts.rev.add": {"de": "{kind} „{title}“ hinzugefügt", "en": "Added {kind} “{title}”"},
    "facts.rev.change": {"de": "{kind} „{title}“ geändert", "en": "Changed {kind} “{title}”"},
    "facts.rev.delete": {"de": "{kind} „{title}“ gelöscht", "en": "Deleted {kind} “{title}”"},
    "facts.matrix": {"de": "Wirkung-Aufwand-Matrix", "en": "Impact/effort matrix"},
    "facts.matrix_key": {
        "de": "Quick Wins (Wirkung ab {impact}, Aufwand bis {effort}) sind hervorgehoben",
        "en": "quick wins (impact {impact} or more, effort {effort} or less) are highlighted",
    },
    "facts.rating.1": {"de": "sehr gering", "en": "very low"},
    "facts.rating.2": {"de": "gering", "en": "low"},
    "facts.rating.3": {"de": "mittel", "en": "medium"},
    "facts.rating.4": {"de": "hoch", "en": "high"},
    "facts.rating.5": {"de": "sehr hoch", "en": "very high"},
    # Field labels of the fact forms (one per field name of services/fact_fields.py)
    "facts.field.kind": {"de": "Art", "en": "Kind"},
    "facts.field.text": {"de": "Text", "en": "Text"},
    "facts.field.link": {"de": "Link", "en": "Link"},
    "facts.field.source": {"de": "Quelle", "en": "Source"},
    "facts.field.date": {"de": "Datum", "en": "Date"},
    "facts.field.step_ids": {"de": "Schritte", "en": "Steps"},
    "facts.field.statement": {"de": "Aussage", "en": "Statement"},
    "facts.field.metric": {"de": "Messgröße", "en": "Metric"},
    "facts.field.expected_direction": {"de": "Erwartete Richtung", "en": "Expected direction"},
    "facts.field.status": {"de": "Status", "en": "Status"},
    "facts.field.evidence_ids": {"de": "Gestützt durch", "en": "Backed by"},
    "facts.field.title": {"de": "Titel", "en": "Title"},
    "facts.field.description": {"de": "Beschreibung", "en": "Description"},
    "facts.field.impact": {"de": "Wirkung", "en": "Impact"},
    "facts.field.effort": {"de": "Aufwand", "en": "Effort"},
    "facts.field.owner": {"de": "Verantwortlich", "en": "Owner"},
    "facts.field.start_date": {"de": "Start", "en": "Start"},
    "facts.field.due_date": {"de": "Fällig", "en": "Due"},
    "facts.field.go_live_date": {"de": "Live seit", "en": "Live since"},
    "facts.field.kpi_id": {"de": "Ziel-KPI", "en": "Target KPI"},
    "facts.field.name": {"de": "Name", "en": "Name"},
    "facts.field.scope": {"de": "Gemessen an", "en": "Measured on"},
    "facts.field.scope_id": {
        "de": "Phase, Schritt oder Touchpoint",
        "en": "Phase, step or touchpoint",
    },
    "facts.field.target": {"de": "Zielwert", "en": "Target value"},
    "facts.field.better": {"de": "Besser ist", "en": "Better is"},
    "facts.field.unit": {"de": "Einheit", "en": "Unit"},
    "facts.choice.expected_direction.increase": {"de": "steigt", "en": "increases"},
    "facts.choice.expected_direction.decrease": {"de": "sinkt", "en": "decreases"},
    "facts.choice.expected_direction.no_change": {"de": "bleibt gleich", "en": "stays the same"},
    "facts.choice.better.higher": {"de": "höher", "en": "higher"},
    "facts.choice.better.lower": {"de": "niedriger", "en": "lower"},
    # Field errors of the fact forms
    "facts.error.rating": {
        "de": "muss eine ganze Zahl von 1 bis 5 sein",
        "en": "must be a whole number from 1 to 5",
    },
    "facts.error.number": {
        "de": "muss eine Zahl sein, etwa 12,5",
        "en": "must be a number such as 12.5",
    },
    "facts.error.date": {
        "de": "muss ein Datum sein, etwa 01.12.2026 oder 2026-12-01",
        "en": "must be a date such as 2026-12-01 or 01.12.2026",
    },
    "facts.error.unknown_ref": {
        "de": "{kind} „{id}“ gibt es in dieser Journey nicht",
        "en": "this journey has no {kind} “{id}”",
    },
    "facts.error.unknown_ref_hint": {
        "de": "{kind} „{id}“ gibt es in dieser Journey nicht; meinten Sie „{suggestion}“?",
        "en": "this journey has no {kind} “{id}”; did you mean “{suggestion}”?",
    },
    "facts.error.unknown_field": {
        "de": "ist kein Feld hiervon; die Felder sind {fields}",
        "en": "is not a field of this; the fields are {fields}",
    },
    "facts.error.text_or_link": {
        "de": "braucht einen Text oder einen Link",
        "en": "needs a text or a link",
    },
    "facts.error.scope_target": {
        "de": "Eine an „{scope}“ gemessene KPI braucht die Stelle, an der sie misst",
        "en": "a KPI measured on a {scope} needs the {scope} it is measured on",
    },
    "facts.error.due_before_start": {
        "de": "liegt vor dem Start",
        "en": "is before the start",
    },
    "facts.error.invalid": {"de": "ist ungültig: {reason}", "en": "is not valid: {reason}"},
    # Personas, projects, touchpoints
    "persona.delete": {"de": "Persona löschen", "en": "Delete persona"},
    "persona.delete_text": {
        "de": "Löscht die Persona aus {journeys} Journey(s), mit ihren {scores} Emotionswerten. "
        "Die Historie jeder Journey behält sie; eine Wiederherstellung bringt sie zurück.",
        "en": "Deletes the persona from {journeys} journey(s), with its {scores} emotion "
        "scores. Each journey's history keeps them; a restore brings them back.",
    },
    "persona.delete_button": {"de": "„{name}“ löschen", "en": "Delete “{name}”"},
    "persona.delete_confirm": {
        "de": "„{name}“ und alle ihre Emotionswerte löschen?",
        "en": "Delete “{name}” and all of its emotion scores?",
    },
    "persona.delete_conflict": {
        "de": "Nichts gelöscht: Eine Journey der Persona wurde inzwischen geändert. Oben steht "
        "die aktuelle Fassung; löschen Sie erneut, wenn Sie es weiter wollen.",
        "en": "Nothing was deleted: a journey of the persona has changed meanwhile. Above is "
        "the current version; delete again if you still want to.",
    },
    "persona.deleted": {
        "de": "Persona „{name}“ gelöscht, in jeder ihrer Journeys.",
        "en": "Deleted persona “{name}”, in every journey it travelled.",
    },
    "persona.error.base": {
        "de": "„{given}“ ist nicht journey_id:revision",
        "en": "“{given}” is not journey_id:revision",
    },
    "projects.create_project": {"de": "Neues Projekt", "en": "New project"},
    "projects.first_journey": {"de": "Erste Journey", "en": "First journey"},
    "projects.first_journey_help": {
        "de": "Leer lassen: Die Journey heißt wie das Projekt.",
        "en": "Leave empty to name the journey like the project.",
    },
    "project.created": {
        "de": "Projekt angelegt, mit seiner ersten, leeren Journey.",
        "en": "Project created, with its first, empty journey.",
    },
    "project.new_journey": {"de": "Neue Journey im Projekt", "en": "New journey in this project"},
    "rev.delete_persona": {"de": "Persona „{name}“ gelöscht", "en": "Deleted persona “{name}”"},
    "rev.create_project": {
        "de": "Projekt „{name}“ mit Journey „{title}“ angelegt",
        "en": "Created project “{name}” with journey “{title}”",
    },
    "rev.move_touchpoint": {"de": "Touchpoint {id} verschoben", "en": "Moved touchpoint {id}"},
}
