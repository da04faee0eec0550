"""``journeykit user | project | token`` and the demo's accounts, through the real command."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from journeykit.demo.personas import PROJECT_ID
from journeykit.store import Workspace
from tests.cli.conftest import Run

PASSWORD = "a long enough password"


def _copy(demo_workspace: Path, tmp_path: Path) -> Path:
    target = tmp_path / "ws"
    shutil.copytree(demo_workspace, target)
    return target


def test_demo_prints_its_accounts_with_passwords_that_work(run: Run, tmp_path: Path) -> None:
    result = run("demo", "shop", "--no-serve")
    assert result.code == 0, result.err
    assert "http://127.0.0.1:8000/login" in result.out
    rows = dict(re.findall(r"(anna|ben|clara)\s*│\s*\w+\s*│\s*(\S+)", result.out))
    assert set(rows) == {"anna", "ben", "clara"}, result.out
    with Workspace.open(tmp_path / "shop") as ws:
        assert ws.accounts().authenticate("ben", rows["ben"]) is not None
        assert ws.accounts().get("anna").is_admin
        assert {g.account: g.role for g in ws.accounts().grants(project_id=PROJECT_ID)} == {
            "ben": "editor",
            "clara": "commenter",
        }


def test_create_list_grant_and_reset_an_account(
    run: Run, demo_workspace: Path, tmp_path: Path
) -> None:
    ws = str(_copy(demo_workspace, tmp_path))
    created = run("-w", ws, "user", "create", "dora", "--password-stdin", stdin=PASSWORD + "\n")
    assert created.code == 0, created.err
    assert PASSWORD not in created.out + created.err
    granted = run("-w", ws, "project", "grant", PROJECT_ID, "dora", "editor")
    assert granted.code == 0 and "dora is now editor" in granted.err
    listed = run("-w", ws, "user", "list")
    assert "dora" in listed.out and f"{PROJECT_ID}: editor" in listed.out
    reset = run(
        "-w", ws, "user", "reset-password", "dora", "--password-stdin", stdin="new pw 12345\n"
    )
    assert reset.code == 0, reset.err
    with Workspace.open(Path(ws)) as opened:
        assert opened.accounts().authenticate("dora", "new pw 12345") is not None
        assert opened.accounts().authenticate("dora", PASSWORD) is None
        actions = [e.action for e in opened.audit().events(account="dora")]
        assert actions == ["password_reset", "grant", "account_created"]
    revoked = run("-w", ws, "project", "revoke", PROJECT_ID, "dora")
    assert revoked.code == 0 and "no longer editor" in revoked.err


def test_mistakes_are_named_with_a_suggestion(
    run: Run, demo_workspace: Path, tmp_path: Path
) -> None:
    ws = str(_copy(demo_workspace, tmp_path))
    run("-w", ws, "user", "create", "dora", "--password-stdin", stdin=PASSWORD + "\n")
    role = run("-w", ws, "project", "grant", PROJECT_ID, "dora", "editr")
    assert role.code == 1 and "did you mean 'editor'?" in role.err
    name = run("-w", ws, "project", "grant", PROJECT_ID, "dorra", "editor")
    assert name.code == 1 and "did you mean 'dora'?" in name.err
    project = run("-w", ws, "project", "grant", PROJECT_ID + "x", "dora", "editor")
    assert project.code == 1 and f"did you mean {PROJECT_ID!r}?" in project.err
    short = run("-w", ws, "user", "create", "emil", "--password-stdin", stdin="short\n")
    assert short.code == 1 and "at least 10" in short.err
    no_terminal = run("-w", ws, "user", "create", "emil")
    assert no_terminal.code == 1 and "--password-stdin" in no_terminal.err


def test_a_token_is_printed_alone_once_and_can_be_revoked(
    run: Run, demo_workspace: Path, tmp_path: Path
) -> None:
    ws = str(_copy(demo_workspace, tmp_path))
    run("-w", ws, "user", "create", "dora", "--password-stdin", stdin=PASSWORD + "\n")
    made = run("-w", ws, "token", "create", "dora", "--label", "ci")
    assert made.code == 0, made.err
    secret = made.out.strip()
    assert made.out == secret + "\n" and secret.startswith("jk_")
    listed = run("-w", ws, "token", "list")
    assert secret not in listed.out and secret[:9] in listed.out and "active" in listed.out
    with Workspace.open(Path(ws)) as opened:
        assert opened.credentials().token_account(secret) is not None
    assert run("-w", ws, "token", "revoke", "1").code == 0
    assert "revoked" in run("-w", ws, "token", "list", "dora").out
    with Workspace.open(Path(ws)) as opened:
        assert opened.credentials().token_account(secret) is None


def test_admins_are_made_and_accounts_deleted_but_never_the_last_admin(
    run: Run, demo_workspace: Path, tmp_path: Path
) -> None:
    ws = str(_copy(demo_workspace, tmp_path))
    last = run("-w", ws, "user", "admin", "anna", "--off")
    assert last.code == 1 and "last workspace admin" in last.err
    assert run("-w", ws, "user", "admin", "ben").code == 0
    assert run("-w", ws, "user", "delete", "anna", "--yes").code == 0
    with Workspace.open(Path(ws)) as opened:
        assert opened.accounts().find("anna") is None
        assert opened.accounts().get("ben").is_admin
        events = opened.audit().events(account="anna")
        assert events[0].action == "account_deleted"
