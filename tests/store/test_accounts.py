"""Accounts, roles, sessions, tokens and the audit log in the store."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from journeykit.store import Workspace
from journeykit.store.account_errors import (
    AccountExists,
    AccountInvalid,
    AccountMissing,
    TokenMissing,
)
from journeykit.store.credentials import secret_hash
from journeykit.store.tables import AccountRow, ApiTokenRow, SessionRow

PASSWORD = "correct horse battery"


def test_a_password_is_stored_as_an_argon2id_hash_and_checked(workspace: Workspace) -> None:
    accounts = workspace.accounts()
    anna = accounts.create("Anna", PASSWORD, admin=True, language="en")
    with workspace.database.reading() as session:
        stored = session.scalars(select(AccountRow.password_hash)).one()
    assert stored.startswith("$argon2id$") and PASSWORD not in stored
    assert accounts.authenticate("anna", PASSWORD) == anna
    assert accounts.authenticate("Anna", PASSWORD + "x") is None
    assert accounts.authenticate("nobody", PASSWORD) is None
    assert anna.is_admin and anna.language == "en"


def test_names_ignore_case_and_bad_names_and_short_passwords_are_refused(
    workspace: Workspace,
) -> None:
    accounts = workspace.accounts()
    accounts.create("anna", PASSWORD)
    with pytest.raises(AccountExists, match="'anna'"):
        accounts.create("ANNA", PASSWORD)
    with pytest.raises(AccountInvalid, match="name"):
        accounts.create("anna <script>", PASSWORD)
    with pytest.raises(AccountInvalid, match="at least 10"):
        accounts.create("ben", "short")
    assert [a.name for a in accounts.list()] == ["anna"]


def test_an_unknown_name_suggests_the_nearest(workspace: Workspace) -> None:
    workspace.accounts().create("clara", PASSWORD)
    with pytest.raises(AccountMissing) as caught:
        workspace.accounts().get("klara")
    assert caught.value.suggestion == "clara"


def test_grants_replace_each_other_and_revoke(workspace: Workspace) -> None:
    accounts = workspace.accounts()
    ben = accounts.create("ben", PASSWORD)
    accounts.grant("shop", "ben", "viewer", by="anna")
    accounts.grant("shop", "ben", "editor", by="anna")
    accounts.grant("blog", "ben", "owner", by="anna")
    assert accounts.roles_of(ben.id) == {"shop": "editor", "blog": "owner"}
    with pytest.raises(AccountInvalid) as caught:
        accounts.grant("shop", "ben", "editr", by="anna")
    assert caught.value.hint == "did you mean 'editor'?"
    revoked = accounts.revoke("shop", "ben")
    assert revoked is not None and revoked.role == "editor"
    assert accounts.revoke("shop", "ben") is None
    assert [(g.project_id, g.role) for g in accounts.grants(account="ben")] == [("blog", "owner")]


def test_a_session_is_stored_as_a_hash_and_ends_on_logout_and_password_reset(
    workspace: Workspace,
) -> None:
    anna = workspace.accounts().create("anna", PASSWORD)
    workspace.accounts().grant("shop", "anna", "owner", by="ben")
    credentials = workspace.credentials()
    session_id, opened = credentials.open_session(anna.id)
    with workspace.database.reading() as session:
        assert session.scalars(select(SessionRow.id_hash)).all() == [secret_hash(session_id)]
    found = credentials.session(session_id)
    assert found is not None and found.account.name == "anna"
    assert found.csrf_token == opened.csrf_token
    assert found.roles == {"shop": "owner"}
    assert credentials.close_session(session_id)
    assert credentials.session(session_id) is None
    second, _ = credentials.open_session(anna.id)
    workspace.accounts().set_password("anna", PASSWORD + " again")
    assert credentials.session(second) is None


def test_an_expired_session_does_not_open(workspace: Workspace) -> None:
    anna = workspace.accounts().create("anna", PASSWORD)
    session_id, _ = workspace.credentials().open_session(anna.id, lifetime=-dt.timedelta(1))
    assert workspace.credentials().session(session_id) is None


def test_a_token_is_shown_once_stored_hashed_and_revocable(workspace: Workspace) -> None:
    workspace.accounts().create("anna", PASSWORD)
    credentials = workspace.credentials()
    secret, token = credentials.create_token("anna", "ci")
    assert secret.startswith("jk_") and len(secret) > 40
    with workspace.database.reading() as session:
        assert session.scalars(select(ApiTokenRow.token_hash)).all() == [secret_hash(secret)]
    owner = credentials.token_account(secret)
    assert owner is not None and owner.name == "anna"
    assert credentials.tokens("anna")[0].last_used_at is not None
    assert credentials.revoke_token(token.id).revoked_at is not None
    assert credentials.token_account(secret) is None
    with pytest.raises(TokenMissing):
        credentials.revoke_token(token.id + 1)


def test_the_audit_log_counts_recent_events(workspace: Workspace) -> None:
    audit = workspace.audit()
    audit.record("login_failed", actor=None, subject="anna", address="10.0.0.1")
    audit.record("login_failed", actor=None, subject="ben", address="10.0.0.1")
    audit.record("grant", actor="anna", subject="ben", project_id="shop", detail="editor")
    hour_ago = dt.datetime.now(dt.UTC) - dt.timedelta(hours=1)
    assert audit.count_since("login_failed", hour_ago, address="10.0.0.1") == 2
    assert audit.count_since("login_failed", hour_ago, subject="anna") == 1
    assert [e.action for e in audit.events(account="ben")] == ["grant", "login_failed"]


def test_deleting_an_account_takes_its_sessions_tokens_and_grants_but_keeps_the_last_admin(
    workspace: Workspace,
) -> None:
    accounts = workspace.accounts()
    accounts.create("anna", PASSWORD, admin=True)
    ben = accounts.create("ben", PASSWORD)
    accounts.grant("shop", "ben", "editor", by="anna")
    session_id, _ = workspace.credentials().open_session(ben.id)
    secret, _ = workspace.credentials().create_token("ben")
    accounts.delete("ben")
    assert workspace.credentials().session(session_id) is None
    assert workspace.credentials().token_account(secret) is None
    assert accounts.grants() == []
    with pytest.raises(AccountInvalid, match="last workspace admin"):
        accounts.delete("anna")
    with pytest.raises(AccountInvalid, match="last workspace admin"):
        accounts.set_admin("anna", False)
    accounts.create("clara", PASSWORD, admin=True)
    assert not accounts.set_admin("anna", False).is_admin
