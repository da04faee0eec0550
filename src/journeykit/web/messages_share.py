"""UI texts of comments, mentions, share links and the presentation, in German and English."""

from __future__ import annotations

MESSAGES_SHARE: dict[str, dict[str, str]] = {
    # comments
    "comments.title": {"de": "Kommentare", "en": "Comments"},
    "comments.key": {
        "de": "Kommentare zum Schritt oder Eintrag",
        "en": "Comments on the step or item",
    },
    "comments.open_threads": {"de": "offene Diskussionen", "en": "open threads"},
    "comments.open_panel": {"de": "Kommentare anzeigen", "en": "Show comments"},
    "comments.close": {"de": "Schließen", "en": "Close"},
    "comments.badge": {
        "de": "{count} Kommentare, {open} offen",
        "en": "{count} comments, {open} open",
    },
    "comments.add": {"de": "Kommentieren", "en": "Comment"},
    "comments.on_step": {"de": "Zum Schritt „{title}“", "en": "On step “{title}”"},
    "comments.on_item": {"de": "Zum Eintrag „{text}“", "en": "On item “{text}”"},
    "comments.on_removed": {
        "de": "zu einem entfernten Eintrag: „{text}“",
        "en": "on a removed item: “{text}”",
    },
    "comments.new": {"de": "Neuer Kommentar", "en": "New comment"},
    "comments.placeholder": {
        "de": "Kommentar schreiben … @Name erwähnt jemanden",
        "en": "Write a comment … @name mentions someone",
    },
    "comments.reply": {"de": "Antworten", "en": "Reply"},
    "comments.reply_placeholder": {"de": "Antwort schreiben …", "en": "Write a reply …"},
    "comments.resolve": {"de": "Erledigt", "en": "Resolve"},
    "comments.reopen": {"de": "Wieder öffnen", "en": "Reopen"},
    "comments.resolved_by": {
        "de": "Erledigt von {name} am {date}",
        "en": "Resolved by {name} on {date}",
    },
    "comments.delete": {"de": "Löschen", "en": "Delete"},
    "comments.confirm_delete": {
        "de": "Diesen Kommentar löschen?",
        "en": "Delete this comment?",
    },
    "comments.none": {"de": "Noch keine Kommentare.", "en": "No comments yet."},
    "comments.show_resolved": {"de": "Erledigte anzeigen", "en": "Show resolved"},
    "comments.people": {"de": "Erwähnbar: {names}", "en": "Can be mentioned: {names}"},
    "comments.unknown_mention": {
        "de": "Niemand heißt „{name}“: die Erwähnung bleibt Text.",
        "en": "Nobody is called “{name}”: the mention stays plain text.",
    },
    "comments.empty": {"de": "darf nicht leer sein", "en": "must not be empty"},
    "comments.too_long": {
        "de": "hat {count} Zeichen; höchstens {limit} sind erlaubt",
        "en": "has {count} characters; at most {limit} are accepted",
    },
    "comments.count_label": {"de": "Kommentare", "en": "Comments"},
    "comments.all": {"de": "Alle Kommentare", "en": "All comments"},
    "comments.journey_lede": {
        "de": "Alle Diskussionen zu dieser Journey, offene zuerst.",
        "en": "Every discussion on this journey, open ones first.",
    },
    "comments.go_to_map": {"de": "Auf der Karte zeigen", "en": "Show on the map"},
    # mentions
    "mentions.title": {"de": "Erwähnungen", "en": "Mentions"},
    "mentions.nav": {"de": "Erwähnungen", "en": "Mentions"},
    "mentions.lede": {
        "de": "Kommentare, in denen {name} mit @ erwähnt wird, neueste zuerst.",
        "en": "Comments that mention {name} with @, newest first.",
    },
    "mentions.none": {"de": "Niemand hat Sie bisher erwähnt.", "en": "Nobody mentioned you yet."},
    "mentions.by": {"de": "{author} am {date}", "en": "{author} on {date}"},
    "mentions.resolved": {"de": "erledigt", "en": "resolved"},
    "mentions.open": {"de": "offen", "en": "open"},
    # share links
    "share.title": {"de": "Teilen", "en": "Share"},
    "share.button": {"de": "Teilen", "en": "Share"},
    "share.lede": {
        "de": "Links zum Anschauen ohne Konto: nur lesen, als Präsentation, mit den Lanes und "
        "Einträgen, die Sie freigeben.",
        "en": "Links to look without an account: read-only, as a presentation, with the lanes "
        "and items you choose.",
    },
    "share.new": {"de": "Neuer Link", "en": "New link"},
    "share.label": {"de": "Bezeichnung", "en": "Label"},
    "share.label_help": {
        "de": "Für wen oder wozu, z. B. „Vertrieb, Workshop März“",
        "en": "Who or what it is for, e.g. “Sales, March workshop”",
    },
    "share.password": {"de": "Passwort (optional)", "en": "Password (optional)"},
    "share.password_help": {
        "de": "Mindestens 8 Zeichen. Teilen Sie es auf anderem Weg als den Link.",
        "en": "At least 8 characters. Send it another way than the link.",
    },
    "share.expires": {"de": "Gültig bis (optional)", "en": "Valid until (optional)"},
    "share.expires_help": {
        "de": "Der Link gilt bis zum Ende dieses Tages (UTC).",
        "en": "The link works until the end of that day (UTC).",
    },
    "share.hide_lanes": {"de": "Diese Lanes ausblenden", "en": "Hide these lanes"},
    "share.hide_items": {"de": "Diese Einträge ausblenden", "en": "Hide these items"},
    "share.hide_items_help": {
        "de": "Z. B. interne Notizen. Ausgeblendetes ist im geteilten Link gar nicht enthalten.",
        "en": "Internal notes, say. What is hidden is not in the shared page at all.",
    },
    "share.create": {"de": "Link erstellen", "en": "Create link"},
    "share.created": {
        "de": "Link erstellt. Kopieren Sie ihn jetzt: er wird nur dieses eine Mal angezeigt.",
        "en": "Link created. Copy it now: it is shown this one time only.",
    },
    "share.copy": {"de": "Kopieren", "en": "Copy"},
    "share.copied": {"de": "Kopiert", "en": "Copied"},
    "share.links": {"de": "Links", "en": "Links"},
    "share.no_links": {"de": "Noch keine Links.", "en": "No links yet."},
    "share.col_label": {"de": "Bezeichnung", "en": "Label"},
    "share.col_status": {"de": "Status", "en": "Status"},
    "share.col_shows": {"de": "Ausgeblendet", "en": "Hidden"},
    "share.col_created": {"de": "Erstellt", "en": "Created"},
    "share.col_opened": {"de": "Zuletzt geöffnet", "en": "Last opened"},
    "share.status_active": {"de": "aktiv", "en": "active"},
    "share.status_expired": {"de": "abgelaufen", "en": "expired"},
    "share.status_revoked": {"de": "widerrufen", "en": "revoked"},
    "share.until": {"de": "bis {date}", "en": "until {date}"},
    "share.with_password": {"de": "mit Passwort", "en": "with password"},
    "share.nothing_hidden": {"de": "nichts", "en": "nothing"},
    "share.items_hidden": {"de": "{count} Einträge", "en": "{count} items"},
    "share.revoke": {"de": "Widerrufen", "en": "Revoke"},
    "share.confirm_revoke": {
        "de": "Link widerrufen? Wer ihn hat, kann die Journey dann nicht mehr öffnen.",
        "en": "Revoke the link? Whoever has it can no longer open the journey.",
    },
    "share.never": {"de": "nie", "en": "never"},
    "share.by": {"de": "von {name}", "en": "by {name}"},
    "share.unknown_lane": {
        "de": "es gibt keine Lane „{lane}“",
        "en": "there is no lane “{lane}”",
    },
    "share.unknown_lane_suggest": {
        "de": "es gibt keine Lane „{lane}“ (meinten Sie „{suggestion}“?)",
        "en": "there is no lane “{lane}” (did you mean “{suggestion}”?)",
    },
    "share.unknown_item_suggest": {
        "de": "diese Journey hat keinen Eintrag „{item}“ (meinten Sie „{suggestion}“?)",
        "en": "this journey has no item “{item}” (did you mean “{suggestion}”?)",
    },
    "share.unknown_item": {
        "de": "diese Journey hat keinen Eintrag „{item}“",
        "en": "this journey has no item “{item}”",
    },
    "share.password_length": {
        "de": "muss {shortest} bis {longest} Zeichen haben",
        "en": "must have {shortest} to {longest} characters",
    },
    "share.expiry_past": {"de": "muss in der Zukunft liegen", "en": "must lie in the future"},
    "share.bad_date": {
        "de": "ist kein Datum (erwartet: JJJJ-MM-TT)",
        "en": "is not a date (expected: YYYY-MM-DD)",
    },
    # the visitor's side of a link
    "share.protected_title": {"de": "Geschützte Journey", "en": "Protected journey"},
    "share.protected_text": {
        "de": "Diese geteilte Journey ist durch ein Passwort geschützt.",
        "en": "This shared journey is protected by a password.",
    },
    "share.enter_password": {"de": "Passwort", "en": "Password"},
    "share.open": {"de": "Öffnen", "en": "Open"},
    "share.wrong_password": {
        "de": "Das Passwort stimmt nicht.",
        "en": "The password is not right.",
    },
    "share.locked": {
        "de": "Zu viele falsche Passwörter. Versuchen Sie es in {seconds} Sekunden wieder.",
        "en": "Too many wrong passwords. Try again in {seconds} seconds.",
    },
    "share.gone_title": {"de": "Link nicht gefunden", "en": "Link not found"},
    "share.gone_text": {
        "de": "Diesen geteilten Link gibt es nicht, oder er wurde widerrufen.",
        "en": "This shared link does not exist, or it was revoked.",
    },
    "share.expired_title": {"de": "Link abgelaufen", "en": "Link expired"},
    "share.expired_text": {
        "de": "Dieser geteilte Link ist abgelaufen.",
        "en": "This shared link has expired.",
    },
    "share.ask_sender": {
        "de": "Bitten Sie die Person, die Ihnen den Link geschickt hat, um einen neuen.",
        "en": "Ask whoever sent you the link for a new one.",
    },
    "share.ask_password": {
        "de": "Das Passwort erhalten Sie von der Person, die Ihnen den Link geschickt hat.",
        "en": "Whoever sent you the link can give you the password.",
    },
    "share.shared_by": {
        "de": "Geteilt über journeykit · nur lesen",
        "en": "Shared with journeykit · read-only",
    },
    # presentation
    "present.button": {"de": "Präsentieren", "en": "Present"},
    "present.title": {"de": "Präsentation", "en": "Presentation"},
    "present.fullscreen": {"de": "Vollbild", "en": "Full screen"},
    "present.exit_fullscreen": {"de": "Vollbild beenden", "en": "Exit full screen"},
    "present.previous": {"de": "Zurück", "en": "Previous"},
    "present.next": {"de": "Weiter", "en": "Next"},
    "present.back_to_map": {"de": "Zur Karte", "en": "Back to the map"},
    "present.step_of": {"de": "Schritt {number} von {total}", "en": "Step {number} of {total}"},
    "present.phase_of": {"de": "Phase {number} von {total}", "en": "Phase {number} of {total}"},
    "present.keys": {
        "de": "← → Schritt · ↑ ↓ Phase · Pos1/Ende erster/letzter · Esc beenden",
        "en": "← → step · ↑ ↓ phase · Home/End first/last · Esc exit",
    },
    "present.touchpoints": {"de": "Touchpoints", "en": "Touchpoints"},
    "present.evidence": {"de": "Belege", "en": "Evidence"},
    "present.feels": {"de": "So fühlt es sich an", "en": "How it feels"},
    "present.no_steps": {
        "de": "Diese Journey hat noch keine Schritte.",
        "en": "This journey has no steps yet.",
    },
    "present.nothing_here": {"de": "Nichts eingetragen.", "en": "Nothing noted."},
    "present.source": {"de": "Quelle: {source}", "en": "Source: {source}"},
    "present.progress": {"de": "Fortschritt", "en": "Progress"},
}
