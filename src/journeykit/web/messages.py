"""Every text of the browser workspace in German and English, by key.

One table, so a test can prove no text lacks a language; issue 5 turns it into Babel catalogs.
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # navigation and frame
    "nav.skip": {"de": "Zum Inhalt springen", "en": "Skip to content"},
    "nav.label": {"de": "Hauptnavigation", "en": "Main navigation"},
    "nav.projects": {"de": "Projekte", "en": "Projects"},
    "nav.import": {"de": "Importieren", "en": "Import"},
    "nav.api": {"de": "API", "en": "API"},
    "nav.language": {"de": "Sprache", "en": "Language"},
    "footer.local": {
        "de": "läuft auf Ihrem Rechner, ohne Internet",
        "en": "runs on your machine, no internet needed",
    },
    "action.save": {"de": "Speichern", "en": "Save"},
    "form.one_per_line": {"de": "Ein Eintrag pro Zeile", "en": "One entry per line"},
    # projects
    "projects.title": {"de": "Projekte", "en": "Projects"},
    "projects.lede": {
        "de": "Journey-Mapping-Projekte mit Ziel, Umfang, Personas, Journeys und KPIs.",
        "en": "Journey mapping projects with goal, scope, personas, journeys and KPIs.",
    },
    "projects.import": {"de": "Journey importieren", "en": "Import a journey"},
    "projects.empty_title": {"de": "Noch keine Journeys", "en": "No journeys yet"},
    "projects.empty_text": {
        "de": "Importieren Sie eine Journey als YAML, JSON, CSV oder Excel-Datei.",
        "en": "Import a journey as a YAML, JSON, CSV or Excel file.",
    },
    "projects.loose": {"de": "Journeys ohne Projekt", "en": "Journeys without a project"},
    "project.journeys": {"de": "Journeys", "en": "Journeys"},
    "project.personas": {"de": "Personas", "en": "Personas"},
    "project.kpis": {"de": "KPIs", "en": "KPIs"},
    "project.goal": {"de": "Ziel", "en": "Goal"},
    "project.no_goal": {"de": "Noch kein Ziel festgelegt.", "en": "No goal set yet."},
    "project.scope": {"de": "Projektumfang", "en": "Scope"},
    "project.owner": {"de": "Verantwortlich", "en": "Owner"},
    "project.name": {"de": "Name", "en": "Name"},
    "project.edit": {"de": "Projekt bearbeiten", "en": "Edit project"},
    "project.saved": {
        "de": "Projekt gespeichert, in allen Journeys des Projekts.",
        "en": "Project saved, in every journey of the project.",
    },
    "scope.who": {"de": "Wer?", "en": "Who?"},
    "scope.what": {"de": "Was?", "en": "What?"},
    "scope.where": {"de": "Wo?", "en": "Where?"},
    "scope.when": {"de": "Wann?", "en": "When?"},
    "status.draft": {"de": "Entwurf", "en": "draft"},
    "status.active": {"de": "aktiv", "en": "active"},
    "status.paused": {"de": "pausiert", "en": "paused"},
    "status.completed": {"de": "abgeschlossen", "en": "completed"},
    "status.archived": {"de": "archiviert", "en": "archived"},
    "state.as_is": {"de": "Ist", "en": "As-is"},
    "state.to_be": {"de": "Soll", "en": "To-be"},
    "journey.steps_count": {"de": "{count} Schritte", "en": "{count} steps"},
    "kpi.name": {"de": "KPI", "en": "KPI"},
    "kpi.kind": {"de": "Art", "en": "Kind"},
    "kpi.scope": {"de": "Gemessen an", "en": "Measured on"},
    "kpi.target": {"de": "Ziel", "en": "Target"},
    "kpi.description": {"de": "Beschreibung", "en": "Description"},
    "kpi.kind.nps": {"de": "NPS", "en": "NPS"},
    "kpi.kind.csat": {"de": "CSAT", "en": "CSAT"},
    "kpi.kind.ces": {"de": "CES", "en": "CES"},
    "kpi.kind.conversion": {"de": "Konversion", "en": "Conversion"},
    "kpi.kind.drop_off": {"de": "Abbruch", "en": "Drop-off"},
    "kpi.kind.time": {"de": "Dauer", "en": "Time"},
    "kpi.kind.churn": {"de": "Abwanderung", "en": "Churn"},
    "kpi.kind.custom": {"de": "Eigene", "en": "Custom"},
    "kpi.scope.journey": {"de": "ganze Journey", "en": "whole journey"},
    "kpi.scope.phase": {"de": "Phase", "en": "phase"},
    "kpi.scope.step": {"de": "Schritt", "en": "step"},
    "kpi.scope.touchpoint": {"de": "Touchpoint", "en": "touchpoint"},
    # personas
    "persona.name": {"de": "Name", "en": "Name"},
    "persona.scenario": {"de": "Szenario", "en": "Scenario"},
    "persona.quote": {"de": "Zitat", "en": "Quote"},
    "persona.goals": {"de": "Ziele", "en": "Goals"},
    "persona.motivations": {"de": "Motivationen", "en": "Motivations"},
    "persona.challenges": {"de": "Herausforderungen", "en": "Challenges"},
    "persona.information_behaviour": {
        "de": "Informationsverhalten",
        "en": "Information behaviour",
    },
    "persona.segment": {"de": "Datensegment", "en": "Data segment"},
    "persona.journeys": {"de": "Reist durch", "en": "Travels"},
    "persona.edit": {"de": "Persona bearbeiten", "en": "Edit persona"},
    "persona.saved": {
        "de": "Persona gespeichert, in allen Journeys, die sie enthalten.",
        "en": "Persona saved, in every journey that holds it.",
    },
    # the map
    "map.toolbar": {"de": "Werkzeuge der Journey Map", "en": "Journey map tools"},
    "map.new_phase": {"de": "Name der neuen Phase", "en": "Name of the new phase"},
    "map.add_phase": {"de": "Phase hinzufügen", "en": "Add phase"},
    "map.lanes": {"de": "Zeilen", "en": "Lanes"},
    "map.hide_help": {
        "de": "Markierte Zeilen werden in dieser Ansicht ausgeblendet.",
        "en": "Checked lanes are hidden in this view.",
    },
    "map.apply": {"de": "Anwenden", "en": "Apply"},
    "map.export": {"de": "Exportieren", "en": "Export"},
    "map.history": {"de": "Verlauf", "en": "History"},
    "map.facts": {"de": "Belege & Maßnahmen", "en": "Evidence & measures"},
    "map.compare": {"de": "Ist & Soll", "en": "As-is & to-be"},
    "map.derive_to_be": {"de": "Soll-Journey anlegen", "en": "Create to-be journey"},
    "map.keys": {"de": "Tastatur", "en": "Keyboard"},
    "map.phases": {"de": "Phasen", "en": "Phases"},
    "map.steps": {"de": "Schritte", "en": "Steps"},
    "map.scores": {"de": "Werte (−2 … +2)", "en": "Scores (−2 … +2)"},
    "map.phase": {"de": "Phase", "en": "Phase"},
    "map.step": {"de": "Schritt", "en": "Step"},
    "map.add_step": {"de": "Schritt hinzufügen", "en": "Add step"},
    "map.delete_phase": {"de": "Phase löschen", "en": "Delete phase"},
    "map.delete_step": {"de": "Schritt löschen", "en": "Delete step"},
    "map.delete_item": {"de": "Eintrag löschen", "en": "Delete item"},
    "map.drag": {"de": "Ziehen zum Verschieben", "en": "Drag to move"},
    "map.click_to_edit": {
        "de": "Klicken oder Enter zum Bearbeiten",
        "en": "Click or press Enter to edit",
    },
    "map.add": {"de": "Eintrag", "en": "Item"},
    "map.add_to_lane": {"de": "{lane}: Eintrag hinzufügen", "en": "{lane}: add an item"},
    "map.saving": {"de": "Speichert …", "en": "Saving …"},
    "map.failed": {
        "de": "Das hat nicht geklappt. Bitte laden Sie die Seite neu.",
        "en": "That did not work. Please reload the page.",
    },
    "map.confirm_delete_step": {
        "de": "Diesen Schritt mit allen Einträgen löschen? "
        "Im Verlauf lässt er sich wiederherstellen.",
        "en": "Delete this step with all its items? The history can restore it.",
    },
    "map.confirm_delete_phase": {
        "de": "Diese Phase mit allen Schritten löschen? "
        "Im Verlauf lässt sie sich wiederherstellen.",
        "en": "Delete this phase with all its steps? The history can restore it.",
    },
    "map.new_item": {"de": "Neuer Eintrag …", "en": "New item …"},
    "map.new_step": {"de": "Titel des neuen Schritts …", "en": "Title of the new step …"},
    "keys.edit": {"de": "bearbeiten / speichern", "en": "edit / save"},
    "keys.cancel": {"de": "abbrechen", "en": "cancel"},
    "keys.move_item": {
        "de": "Eintrag in der Zeile verschieben",
        "en": "move an item within its lane",
    },
    "keys.move_side": {
        "de": "Schritt, Phase oder Eintrag nach links / rechts verschieben",
        "en": "move a step, phase or item left / right",
    },
    "keys.delete": {"de": "Eintrag löschen", "en": "delete an item"},
    "keys.score": {
        "de": "Punkt der Emotionskurve höher / tiefer",
        "en": "raise / lower a point of the emotion curve",
    },
    "export.pdf": {"de": "PDF (A3 quer)", "en": "PDF (A3 landscape)"},
    "export.png": {"de": "PNG-Bild", "en": "PNG image"},
    "export.svg": {"de": "SVG-Grafik", "en": "SVG drawing"},
    "export.xlsx": {"de": "Excel (XLSX)", "en": "Excel (XLSX)"},
    "export.csv": {"de": "CSV-Tabelle", "en": "CSV table"},
    "export.yaml": {"de": "YAML (zum Wiederimport)", "en": "YAML (re-importable)"},
    "export.json": {"de": "JSON (zum Wiederimport)", "en": "JSON (re-importable)"},
    "export.mermaid": {"de": "Mermaid", "en": "Mermaid"},
    # facts
    "facts.title": {"de": "Belege, Hypothesen, Maßnahmen", "en": "Evidence, hypotheses, measures"},
    "facts.lede": {
        "de": "Worauf die Map beruht und was sie verbessern soll, "
        "mit den Schritten, die es betrifft.",
        "en": "What the map rests on and what should improve it, with the steps each touches.",
    },
    "facts.for_step": {"de": "Zum Schritt „{step}“", "en": "For the step “{step}”"},
    "facts.all": {"de": "alle zeigen", "en": "show all"},
    "facts.evidence": {"de": "Belege", "en": "Evidence"},
    "facts.hypotheses": {"de": "Hypothesen", "en": "Hypotheses"},
    "facts.measures": {"de": "Maßnahmen", "en": "Measures"},
    "facts.kpis": {"de": "KPIs", "en": "KPIs"},
    "facts.none": {"de": "keine Belege", "en": "no evidence"},
    "facts.none_help": {
        "de": "Dieser Schritt beruht noch auf Annahmen: Fakten statt Annahmen.",
        "en": "This step still rests on assumptions: facts, not assumptions.",
    },
    "facts.empty": {"de": "Nichts erfasst.", "en": "Nothing recorded."},
    "facts.metric": {"de": "Messgröße", "en": "Metric"},
    "facts.backed_by": {"de": "Gestützt durch", "en": "Backed by"},
    "facts.steps": {"de": "Schritte", "en": "Steps"},
    "measure.title": {"de": "Maßnahme", "en": "Measure"},
    "measure.impact": {"de": "Wirkung", "en": "Impact"},
    "measure.effort": {"de": "Aufwand", "en": "Effort"},
    "measure.owner": {"de": "Verantwortlich", "en": "Owner"},
    "measure.status": {"de": "Status", "en": "Status"},
    # history and diff
    "history.title": {"de": "Verlauf", "en": "History"},
    "history.revision": {"de": "Revision {number}", "en": "Revision {number}"},
    "history.to_map": {"de": "Zur Map", "en": "To the map"},
    "history.old": {"de": "Von", "en": "From"},
    "history.new": {"de": "Bis", "en": "To"},
    "history.when": {"de": "Wann", "en": "When"},
    "history.author": {"de": "Wer", "en": "Who"},
    "history.message": {"de": "Was", "en": "What"},
    "history.head": {"de": "aktuell", "en": "current"},
    "history.restore": {"de": "Wiederherstellen", "en": "Restore"},
    "history.compare": {"de": "Vergleichen", "en": "Compare"},
    "history.diff_title": {
        "de": "Änderungen von Revision {old} zu {new}",
        "en": "Changes from revision {old} to {new}",
    },
    "history.no_changes": {"de": "Keine Unterschiede.", "en": "No differences."},
    "history.restored": {
        "de": "Revision {number} wurde als neue Revision {new} wiederhergestellt.",
        "en": "Revision {number} was restored as the new revision {new}.",
    },
    "history.imported": {
        "de": "Import gespeichert als Revision {number}.",
        "en": "Import saved as revision {number}.",
    },
    "diff.added": {"de": "neu", "en": "added"},
    "diff.removed": {"de": "entfernt", "en": "removed"},
    "diff.changed": {"de": "geändert", "en": "changed"},
    "diff.moved": {"de": "verschoben", "en": "moved"},
    "entity.journey": {"de": "Journey", "en": "Journey"},
    "entity.phase": {"de": "Phasen", "en": "Phases"},
    "entity.step": {"de": "Schritte", "en": "Steps"},
    "entity.touchpoint": {"de": "Touchpoints", "en": "Touchpoints"},
    "entity.lane_item": {"de": "Einträge", "en": "Lane items"},
    "entity.emotion": {"de": "Emotionen", "en": "Emotions"},
    "entity.project": {"de": "Projekt", "en": "Project"},
    "entity.persona": {"de": "Personas", "en": "Personas"},
    "entity.evidence": {"de": "Belege", "en": "Evidence"},
    "entity.hypothesis": {"de": "Hypothesen", "en": "Hypotheses"},
    "entity.measure": {"de": "Maßnahmen", "en": "Measures"},
    "entity.kpi": {"de": "KPIs", "en": "KPIs"},
    # as-is and to-be
    "compare.title": {"de": "Ist und Soll nebeneinander", "en": "As-is and to-be side by side"},
    "compare.lede": {
        "de": "Die Ist-Journey links, die Soll-Journey rechts, darunter was sich ändert.",
        "en": "The as-is journey on the left, the to-be on the right, and what changes below.",
    },
    "compare.no_to_be": {
        "de": "Zu dieser Journey gibt es noch keine Soll-Journey.",
        "en": "This journey has no to-be journey yet.",
    },
    "compare.changes": {"de": "Was die Soll-Journey ändert", "en": "What the to-be changes"},
    "compare.same": {
        "de": "Die Soll-Journey gleicht noch der Ist-Journey.",
        "en": "The to-be journey is still the same as the as-is.",
    },
    # conflicts
    "conflict.title": {
        "de": "Jemand anderes hat die Journey inzwischen geändert",
        "en": "Someone else has changed the journey in the meantime",
    },
    "conflict.text": {
        "de": "Ihre Änderung beruht auf Revision {base}; aktuell ist Revision {head} von {author}. "
        "Es wurde nichts gespeichert. Ihr Text bleibt hier erhalten.",
        "en": "Your change is based on revision {base}; the current one is revision {head} by "
        "{author}. Nothing was saved. Your text is kept here.",
    },
    "conflict.mine": {"de": "Ihre Fassung", "en": "Your version"},
    "conflict.theirs": {
        "de": "Aktuelle Fassung (Revision {number})",
        "en": "Current version (revision {number})",
    },
    "conflict.gone": {
        "de": "Dieser Eintrag existiert in der aktuellen Fassung nicht mehr.",
        "en": "This item no longer exists in the current version.",
    },
    "conflict.apply_mine": {
        "de": "Meine Fassung auf die aktuelle anwenden",
        "en": "Apply my version to the current one",
    },
    "conflict.keep_theirs": {"de": "Aktuelle Fassung behalten", "en": "Keep the current version"},
    "conflict.project": {
        "de": "Eine Journey des Projekts wurde inzwischen geändert; nichts wurde gespeichert. "
        "Ihre Eingaben stehen noch im Formular.",
        "en": "A journey of the project has changed in the meantime; nothing was saved. "
        "Your input is still in the form.",
    },
    "conflict.persona": {
        "de": "Eine Journey mit dieser Persona wurde inzwischen geändert; nichts wurde "
        "gespeichert. Ihre Eingaben stehen noch im Formular.",
        "en": "A journey with this persona has changed in the meantime; nothing was saved. "
        "Your input is still in the form.",
    },
    # import
    "import.title": {"de": "Journey importieren", "en": "Import a journey"},
    "import.lede": {
        "de": "YAML oder JSON aus journeykit, oder eine Tabelle (CSV/XLSX: eine Spalte je Schritt, "
        "eine Zeile je Lane). Höchstens {limit} MB; eine fehlerhafte Datei ändert nichts.",
        "en": "YAML or JSON from journeykit, or a spreadsheet (CSV/XLSX: one column per step, "
        "one row per lane). At most {limit} MB; a file with any problem changes nothing.",
    },
    "import.file": {"de": "Datei", "en": "File"},
    "import.kinds": {
        "de": ".yaml, .yml, .json, .csv oder .xlsx",
        "en": ".yaml, .yml, .json, .csv or .xlsx",
    },
    "import.force": {
        "de": "Auch dann speichern, wenn die Journey seit dem Export geändert wurde",
        "en": "Save even if the journey changed since the export",
    },
    "import.submit": {"de": "Importieren", "en": "Import"},
    "import.invalid": {"de": "{file} wurde nicht importiert", "en": "{file} was not imported"},
    "import.did_you_mean": {"de": "meinten Sie „{name}“?", "en": "did you mean “{name}”?"},
    "import.nothing_saved": {"de": "Es wurde nichts gespeichert.", "en": "Nothing was saved."},
    # errors
    "error.title": {"de": "Das ging nicht", "en": "That did not work"},
    "error.back": {"de": "Zur Übersicht", "en": "Back to the overview"},
    "error.no_page": {"de": "Die Seite {path} gibt es nicht.", "en": "There is no page {path}."},
    "error.internal": {
        "de": "Ein unerwarteter Fehler ist aufgetreten; es wurde nichts halb gespeichert.",
        "en": "An unexpected error occurred; nothing was half-saved.",
    },
    "error.blank": {"de": "darf nicht leer sein", "en": "must not be empty"},
    "error.too_long": {
        "de": "ist länger als {limit} Zeichen",
        "en": "is longer than {limit} characters",
    },
    "error.position": {
        "de": "muss zwischen {low} und {high} liegen",
        "en": "must be between {low} and {high}",
    },
    "error.name_needed": {
        "de": "ein deutscher oder englischer Name ist nötig",
        "en": "a German or English name is needed",
    },
    "error.score": {
        "de": "muss eine ganze Zahl von −2 bis +2 sein",
        "en": "must be a whole number from −2 to +2",
    },
    "error.format": {"de": "muss eines von {allowed} sein", "en": "must be one of {allowed}"},
    # revision messages
    "rev.add_phase": {"de": "Phase „{name}“ hinzugefügt", "en": "Added phase “{name}”"},
    "rev.rename_phase": {"de": "Phase umbenannt in „{name}“", "en": "Renamed phase to “{name}”"},
    "rev.move_phase": {"de": "Phase {id} verschoben", "en": "Moved phase {id}"},
    "rev.delete_phase": {"de": "Phase {id} gelöscht", "en": "Deleted phase {id}"},
    "rev.add_step": {"de": "Schritt „{title}“ hinzugefügt", "en": "Added step “{title}”"},
    "rev.rename_step": {"de": "Schritt umbenannt in „{title}“", "en": "Renamed step to “{title}”"},
    "rev.move_step": {
        "de": "Schritt {id} nach Phase {phase} verschoben",
        "en": "Moved step {id} to phase {phase}",
    },
    "rev.delete_step": {"de": "Schritt {id} gelöscht", "en": "Deleted step {id}"},
    "rev.add_item": {
        "de": "Eintrag in {lane} bei {step} hinzugefügt",
        "en": "Added an item to {lane} at {step}",
    },
    "rev.edit_item": {"de": "Eintrag geändert: „{text}“", "en": "Changed an item: “{text}”"},
    "rev.move_item": {"de": "Eintrag {id} verschoben", "en": "Moved item {id}"},
    "rev.delete_item": {"de": "Eintrag {id} gelöscht", "en": "Deleted item {id}"},
    "rev.set_emotion": {
        "de": "Emotion von {persona} bei {step} auf {score} gesetzt",
        "en": "Set the emotion of {persona} at {step} to {score}",
    },
    "rev.restore": {
        "de": "Revision {number} wiederhergestellt",
        "en": "Restored revision {number}",
    },
    "rev.import": {"de": "Importiert aus {file}", "en": "Imported from {file}"},
    "rev.update_project": {"de": "Projekt „{name}“ geändert", "en": "Changed project “{name}”"},
    "rev.update_persona": {"de": "Persona „{name}“ geändert", "en": "Changed persona “{name}”"},
}
