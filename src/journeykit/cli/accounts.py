"""``journeykit user | project | token``: accounts, their roles in projects, and API tokens.

Secrets are handled so they end up nowhere but where they are needed: a password is read
from the terminal (asked twice) or one line of standard input, never from an argument that
would stay in the shell history; a new token is printed alone on standard output, once.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click
from rich.table import Table

from journeykit.cli.console import console, error_console, write_raw
from journeykit.cli.options import opened_workspace, resolve_author, workspace_option
from journeykit.model.errors import JourneykitError, did_you_mean
from journeykit.store import Workspace

if TYPE_CHECKING:
    from journeykit.demo.accounts import DemoAccount


class PasswordMissing(JourneykitError):
    """No password could be read: standard input is no terminal and --password-stdin is off."""

    code = "password_missing"


class ProjectMissing(JourneykitError):
    """A grant names a project no journey belongs to."""

    code = "unknown_project"
    status = 404


def _say(text: str) -> None:
    error_console().print(text, markup=False, highlight=False)


def read_password(from_stdin: bool) -> str:
    """The new password: one line of standard input, or typed twice on the terminal."""
    if from_stdin:
        line = sys.stdin.readline()
        return line.removesuffix("\n").removesuffix("\r")
    if not sys.stdin.isatty():
        raise PasswordMissing(
            "no terminal to ask for the password on",
            hint="pipe it in with --password-stdin, e.g. `printf '%s\\n' \"$PW\" | journeykit "
            "user create NAME --password-stdin`",
        )
    password: str = click.prompt(
        "Password", hide_input=True, confirmation_prompt="Repeat the password", err=True
    )
    return password


def _known_projects(ws: Workspace) -> set[str]:
    return {s.project_id for s in ws.journeys().list() if s.project_id is not None}


def _check_project(ws: Workspace, project_id: str) -> None:
    known = _known_projects(ws)
    if project_id not in known:
        suggestion = did_you_mean(project_id, known)
        raise ProjectMissing(
            f"no journey belongs to a project {project_id!r}",
            hint=f"did you mean {suggestion!r}?"
            if suggestion
            else f"known projects: {', '.join(sorted(known)) or 'none yet'}",
        )


def demo_accounts_table(accounts: list[DemoAccount], url: str) -> Table:
    """The demo's accounts with their passwords, to log in at ``url`` (shown once)."""
    table = Table(title=f"Log in at {url}login", title_justify="left")
    for column in ("Name", "Role in the demo project", "Password"):
        table.add_column(column)
    for account in accounts:
        table.add_row(account.name, account.role, account.password)
    return table


# Accounts


@click.group()
def user() -> None:
    """Manage the accounts that may log in to the browser workspace."""


@user.command("create")
@workspace_option
@click.argument("name")
@click.option("--admin", is_flag=True, help="A workspace admin: every right in every project.")
@click.option(
    "--language",
    type=click.Choice(["de", "en"]),
    default=None,
    help="The account's language (default: the browser's).",
)
@click.option(
    "--password-stdin",
    is_flag=True,
    help="Read the password from one line of standard input instead of asking twice.",
)
def create_user(
    workspace: str | None, name: str, admin: bool, language: str | None, password_stdin: bool
) -> None:
    """Create the account NAME (at least 10 characters of password)."""
    with opened_workspace(workspace) as ws:
        password = read_password(password_stdin)
        account = ws.accounts().create(name, password, admin=admin, language=language)
        ws.audit().record(
            "account_created",
            actor=resolve_author(None),
            subject=account.name,
            detail="admin" if admin else "",
        )
    kind = "admin account" if admin else "account"
    _say(f"Created the {kind} {account.name!r}.")
    if not admin:
        _say(f"Give it a role: journeykit project grant PROJECT {account.name} editor")


@user.command("list")
@workspace_option
def list_users(workspace: str | None) -> None:
    """List the accounts with their roles."""
    with opened_workspace(workspace) as ws:
        accounts = ws.accounts().list()
        grants = ws.accounts().grants()
    table = Table(title="Accounts", title_justify="left")
    for column in ("Name", "Admin", "Language", "Roles", "Created"):
        table.add_column(column)
    for account in accounts:
        roles = ", ".join(f"{g.project_id}: {g.role}" for g in grants if g.account == account.name)
        table.add_row(
            account.name,
            "yes" if account.is_admin else "",
            account.language or "browser",
            roles or ("every project" if account.is_admin else "none"),
            account.created_at.strftime("%Y-%m-%d %H:%M"),
        )
    console().print(table)


@user.command("reset-password")
@workspace_option
@click.argument("name")
@click.option(
    "--password-stdin", is_flag=True, help="Read the new password from one line of standard input."
)
def reset_password(workspace: str | None, name: str, password_stdin: bool) -> None:
    """Give the account NAME a new password and log it out everywhere."""
    with opened_workspace(workspace) as ws:
        ws.accounts().get(name)  # an unknown name is refused before a password is asked
        account = ws.accounts().set_password(name, read_password(password_stdin))
        ws.audit().record("password_reset", actor=resolve_author(None), subject=account.name)
    _say(f"Set a new password for {account.name!r}; its browser sessions have ended.")


@user.command("admin")
@workspace_option
@click.argument("name")
@click.option(
    "--off", is_flag=True, help="Take the admin right away instead of giving it (never the last)."
)
def make_admin(workspace: str | None, name: str, off: bool) -> None:
    """Make the account NAME a workspace admin (or, with --off, no longer one)."""
    with opened_workspace(workspace) as ws:
        account = ws.accounts().set_admin(name, not off)
        ws.audit().record(
            "admin_revoked" if off else "admin_granted",
            actor=resolve_author(None),
            subject=account.name,
        )
    _say(f"{account.name} is {'no longer' if off else 'now'} a workspace admin.")


@user.command("delete")
@workspace_option
@click.argument("name")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
def delete_user(workspace: str | None, name: str, yes: bool) -> None:
    """Delete the account NAME with its sessions, tokens and roles (its revisions stay)."""
    with opened_workspace(workspace) as ws:
        account = ws.accounts().get(name)
        if not yes and sys.stdin.isatty():
            click.confirm(f"Delete the account {account.name}?", abort=True, err=True)
        ws.accounts().delete(account.name)
        ws.audit().record("account_deleted", actor=resolve_author(None), subject=account.name)
    _say(f"Deleted the account {account.name}; its revisions keep its name.")


# Roles


@click.group()
def project() -> None:
    """Manage who has which role in a project."""


@project.command("grant")
@workspace_option
@click.argument("project_id", metavar="PROJECT")
@click.argument("name", metavar="USER")
@click.argument("role")
def grant(workspace: str | None, project_id: str, name: str, role: str) -> None:
    """Give USER the ROLE in PROJECT (replacing the role they had there).

    ROLE is viewer (reads), commenter (reads and comments), editor (changes the maps) or
    owner (also shares them and manages the project).
    """
    with opened_workspace(workspace) as ws:
        _check_project(ws, project_id)
        by = resolve_author(None)
        given = ws.accounts().grant(project_id, name, role, by=by)
        ws.audit().record(
            "grant", actor=by, subject=given.account, project_id=project_id, detail=role
        )
    _say(f"{given.account} is now {role} in {project_id}.")


@project.command("revoke")
@workspace_option
@click.argument("project_id", metavar="PROJECT")
@click.argument("name", metavar="USER")
def revoke(workspace: str | None, project_id: str, name: str) -> None:
    """Take USER's role in PROJECT away."""
    with opened_workspace(workspace) as ws:
        revoked = ws.accounts().revoke(project_id, name)
        if revoked is None:
            account = ws.accounts().get(name)
            _say(f"{account.name} had no role in {project_id}; nothing changed.")
            return
        ws.audit().record(
            "revoke",
            actor=resolve_author(None),
            subject=revoked.account,
            project_id=project_id,
            detail=revoked.role,
        )
    _say(f"{revoked.account} is no longer {revoked.role} in {project_id}.")


@project.command("members")
@workspace_option
@click.argument("project_id", metavar="PROJECT")
def members(workspace: str | None, project_id: str) -> None:
    """List who has which role in PROJECT (admins have every role everywhere)."""
    with opened_workspace(workspace) as ws:
        grants = ws.accounts().grants(project_id=project_id)
        admins = [a.name for a in ws.accounts().list() if a.is_admin]
    table = Table(title=f"Roles in {project_id}", title_justify="left")
    for column in ("User", "Role", "Granted by", "Granted"):
        table.add_column(column)
    for given in grants:
        table.add_row(
            given.account, given.role, given.granted_by, given.granted_at.strftime("%Y-%m-%d")
        )
    for name in admins:
        table.add_row(name, "admin", "", "")
    console().print(table)


# Tokens


@click.group()
def token() -> None:
    """Manage API tokens (sent as `Authorization: Bearer TOKEN`)."""


@token.command("create")
@workspace_option
@click.argument("name", metavar="USER")
@click.option("--label", default="", help="What the token is for, shown by `token list`.")
def create_token(workspace: str | None, name: str, label: str) -> None:
    """Create a token for USER and print it alone on standard output; it is shown only now."""
    with opened_workspace(workspace) as ws:
        secret, made = ws.credentials().create_token(name, label)
        ws.audit().record(
            "token_created",
            actor=resolve_author(None),
            subject=made.account,
            detail=f"#{made.id} {made.prefix}… {made.label}".strip(),
        )
    write_raw(secret + "\n")
    _say(f"Token #{made.id} for {made.account}; it is not shown again, keep it safe.")


@token.command("list")
@workspace_option
@click.argument("name", metavar="USER", required=False)
def list_tokens(workspace: str | None, name: str | None) -> None:
    """List the tokens (of USER if given), never their secrets."""
    with opened_workspace(workspace) as ws:
        tokens = ws.credentials().tokens(name)
    table = Table(title="API tokens", title_justify="left")
    for column in ("#", "User", "Starts with", "Label", "Created", "Last used", "State"):
        table.add_column(column)
    for item in tokens:
        table.add_row(
            str(item.id),
            item.account,
            f"{item.prefix}…",
            item.label,
            item.created_at.strftime("%Y-%m-%d %H:%M"),
            item.last_used_at.strftime("%Y-%m-%d %H:%M") if item.last_used_at else "never",
            "active" if item.active else f"revoked {item.revoked_at:%Y-%m-%d}",
        )
    console().print(table)


@token.command("revoke")
@workspace_option
@click.argument("number", type=int)
def revoke_token(workspace: str | None, number: int) -> None:
    """Revoke the token NUMBER (see `token list`); it stops working at once."""
    with opened_workspace(workspace) as ws:
        revoked = ws.credentials().revoke_token(number)
        ws.audit().record(
            "token_revoked",
            actor=resolve_author(None),
            subject=revoked.account,
            detail=f"#{number}",
        )
    _say(f"Revoked token #{number} of {revoked.account}.")
