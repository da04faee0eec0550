"""UI texts of accounts, logging in, roles and the audit pages, in German and English."""

from __future__ import annotations

MESSAGES_AUTH: dict[str, dict[str, str]] = {
    "auth.login.title": {"de": "Anmelden", "en": "Log in"},
    "auth.login.name": {"de": "Name", "en": "Name"},
    "auth.login.password": {"de": "Passwort", "en": "Password"},
    "auth.login.submit": {"de": "Anmelden", "en": "Log in"},
    "auth.login.failed": {
        "de": "Name oder Passwort ist falsch.",
        "en": "The name or the password is wrong.",
    },
    "auth.login.throttled": {
        "de": "Zu viele fehlgeschlagene Anmeldungen. Bitte in 15 Minuten erneut versuchen.",
        "en": "Too many failed logins. Please try again in 15 minutes.",
    },
    "auth.login.expired": {
        "de": "Das Anmeldeformular war abgelaufen. Bitte noch einmal anmelden.",
        "en": "The login form had expired. Please log in again.",
    },
    "auth.login.no_accounts": {
        "de": "Dieser Arbeitsbereich hat noch keine Konten. Legen Sie das erste Admin-Konto "
        "auf dem Server an:",
        "en": "This workspace has no accounts yet. Create the first admin account on the server:",
    },
    "auth.login.forgot": {
        "de": "Passwort vergessen? Ein Admin setzt es mit „journeykit user reset-password "
        "NAME“ neu.",
        "en": "Forgot your password? An admin resets it with “journeykit user reset-password "
        "NAME”.",
    },
    "auth.logout": {"de": "Abmelden", "en": "Log out"},
    "auth.account": {"de": "Mein Konto", "en": "My account"},
    "auth.role.viewer": {"de": "Betrachter", "en": "viewer"},
    "auth.role.commenter": {"de": "Kommentator", "en": "commenter"},
    "auth.role.editor": {"de": "Bearbeiter", "en": "editor"},
    "auth.role.owner": {"de": "Eigentümer", "en": "owner"},
    "auth.role.admin": {"de": "Admin", "en": "admin"},
    "auth.refused.forbidden": {
        "de": "Dafür brauchen Sie die Rolle „{role}“ in diesem Projekt.",
        "en": "This needs the role “{role}” in this project.",
    },
    "auth.refused.csrf_refused": {
        "de": "Das Formular kam nicht von einer journeykit-Seite (CSRF-Token fehlt oder ist "
        "falsch). Bitte die Seite neu laden.",
        "en": "The form was not sent by a journeykit page (its CSRF token is missing or "
        "wrong). Please reload the page.",
    },
    "auth.refused.route_not_in_policy": {
        "de": "Diese Adresse ist in keiner Rollenregel verzeichnet und deshalb gesperrt.",
        "en": "This address is listed in no role rule and is therefore closed.",
    },
    "auth.refused.not_authenticated": {
        "de": "Bitte zuerst anmelden (API: Authorization: Bearer TOKEN).",
        "en": "Please log in first (API: Authorization: Bearer TOKEN).",
    },
    "auth.refused.not_found": {
        "de": "Das gibt es nicht, oder Sie dürfen es nicht sehen.",
        "en": "This does not exist, or you may not see it.",
    },
    "account.title": {"de": "Mein Konto", "en": "My account"},
    "account.admin": {"de": "Admin des Arbeitsbereichs", "en": "Workspace admin"},
    "account.member": {"de": "Mitglied", "en": "Member"},
    "account.language": {"de": "Sprache", "en": "Language"},
    "account.language.browser": {
        "de": "Wie der Browser",
        "en": "As the browser",
    },
    "account.save": {"de": "Speichern", "en": "Save"},
    "account.saved": {"de": "Gespeichert.", "en": "Saved."},
    "account.password": {"de": "Passwort ändern", "en": "Change the password"},
    "account.password.current": {"de": "Jetziges Passwort", "en": "Current password"},
    "account.password.new": {"de": "Neues Passwort", "en": "New password"},
    "account.password.repeat": {
        "de": "Neues Passwort wiederholen",
        "en": "Repeat the new password",
    },
    "account.password.submit": {"de": "Passwort ändern", "en": "Change the password"},
    "account.password.wrong": {
        "de": "Das jetzige Passwort stimmt nicht.",
        "en": "The current password is wrong.",
    },
    "account.password.mismatch": {
        "de": "Die beiden neuen Passwörter sind verschieden.",
        "en": "The two new passwords differ.",
    },
    "account.password.too_short": {
        "de": "Das neue Passwort braucht mindestens {length} Zeichen.",
        "en": "The new password needs at least {length} characters.",
    },
    "account.roles": {"de": "Rollen in Projekten", "en": "Roles in projects"},
    "account.no_roles": {
        "de": "Noch keine Rolle in einem Projekt. Ein Projekt-Eigentümer oder Admin kann "
        "Ihnen eine geben.",
        "en": "No role in any project yet. A project owner or admin can give you one.",
    },
    "account.all_projects": {
        "de": "Als Admin haben Sie alle Rechte in allen Projekten.",
        "en": "As an admin you have every right in every project.",
    },
    "account.history": {"de": "Was ich getan habe", "en": "What I did"},
    "accounts.title": {"de": "Konten", "en": "Accounts"},
    "accounts.lede": {
        "de": "Wer sich anmelden darf, mit den Rollen in den Projekten.",
        "en": "Who may log in, with their roles in the projects.",
    },
    "accounts.manage": {
        "de": "Konten und Rollen verwalten Sie auf dem Server: journeykit user create NAME, "
        "journeykit project grant PROJEKT NAME ROLLE.",
        "en": "Manage accounts and roles on the server: journeykit user create NAME, "
        "journeykit project grant PROJECT NAME ROLE.",
    },
    "audit.journey_title": {"de": "Protokoll: {title}", "en": "Audit log: {title}"},
    "audit.account_title": {"de": "Protokoll von {name}", "en": "Audit log of {name}"},
    "audit.lede": {
        "de": "Wer wann was geändert hat: gespeicherte Revisionen und weitere Aktionen, "
        "neueste zuerst.",
        "en": "Who changed what and when: saved revisions and other actions, newest first.",
    },
    "audit.back_to_map": {"de": "Zur Karte", "en": "Back to the map"},
    "audit.when": {"de": "Wann", "en": "When"},
    "audit.who": {"de": "Wer", "en": "Who"},
    "audit.what": {"de": "Was", "en": "What"},
    "audit.detail": {"de": "Einzelheiten", "en": "Details"},
    "audit.nobody": {"de": "niemand (nicht angemeldet)", "en": "nobody (not logged in)"},
    "audit.empty": {"de": "Noch nichts verzeichnet.", "en": "Nothing recorded yet."},
    "audit.link": {"de": "Protokoll", "en": "Audit log"},
    "audit.action.revision": {"de": "Revision gespeichert", "en": "Saved a revision"},
    "audit.action.login": {"de": "Angemeldet", "en": "Logged in"},
    "audit.action.login_failed": {"de": "Anmeldung fehlgeschlagen", "en": "Failed login"},
    "audit.action.login_throttled": {
        "de": "Anmeldung gesperrt (zu viele Fehlversuche)",
        "en": "Login blocked (too many failures)",
    },
    "audit.action.logout": {"de": "Abgemeldet", "en": "Logged out"},
    "audit.action.account_created": {"de": "Konto angelegt", "en": "Account created"},
    "audit.action.account_deleted": {"de": "Konto gelöscht", "en": "Account deleted"},
    "audit.action.admin_granted": {"de": "Zum Admin gemacht", "en": "Made an admin"},
    "audit.action.admin_revoked": {"de": "Admin-Recht entzogen", "en": "Admin right removed"},
    "audit.action.password_changed": {"de": "Passwort geändert", "en": "Password changed"},
    "audit.action.password_reset": {"de": "Passwort neu gesetzt", "en": "Password reset"},
    "audit.action.grant": {"de": "Rolle vergeben", "en": "Role granted"},
    "audit.action.revoke": {"de": "Rolle entzogen", "en": "Role revoked"},
    "audit.action.token_created": {"de": "API-Token erstellt", "en": "API token created"},
    "audit.action.token_revoked": {"de": "API-Token widerrufen", "en": "API token revoked"},
}
