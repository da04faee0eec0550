"""Who may call which route: the one table the gate checks every request against.

Each route is named by its route ``name`` (the function name unless ``name=`` was given) and
mapped to the least role it needs:

- ``public``: anyone, logged in or not (the login page, ``/healthz``, static files, share
  links);
- ``viewer``, ``commenter``, ``editor``, ``owner``: that role (or a stronger one) in the project
  the route works on, found from its ``journey_id``, ``project_id`` or ``persona_id`` path
  parameter. A route without one of those needs the role in at least one project; for
  ``viewer`` that means any account, and lists show only what the account may see;
- ``admin``: a workspace admin.

A route missing from the table is refused (fail closed), and ``tests/web/test_roles.py``
fails for it: add every new route here with the least role it needs.
"""

from __future__ import annotations

from typing import Final

from journeykit.store.accounts import ADMIN, PROJECT_ROLES

PUBLIC: Final = "public"
#: Every level the table may name, weakest first.
LEVELS: Final = (PUBLIC, *PROJECT_ROLES, ADMIN)

#: Path parameters that name what a route works on, strongest first: a journey's project
#: counts before a persona named in the same path.
SCOPE_PARAMETERS: Final = ("journey_id", "project_id", "persona_id")

ROUTE_ROLES: Final[dict[str, str]] = {
    # The service itself and logging in
    "healthz": PUBLIC,
    "static": PUBLIC,
    "login_form": PUBLIC,
    "log_in": PUBLIC,
    "log_out": PUBLIC,
    "openapi": "viewer",
    "docs": "viewer",
    # One's own account
    "whoami": "viewer",
    "account_page": "viewer",
    "set_account_language": "viewer",
    "change_password": "viewer",
    # Lists (filtered to what the account may see) and creating journeys in a project
    # (the service checks the role in the project named by the body or the file)
    "projects": "viewer",
    "list_projects": "viewer",
    "list_journeys": "viewer",
    "create_journey": "editor",
    "import_form": "editor",
    "import_journey": "editor",
    "import_upload": "editor",
    # Reading a project, a persona or a journey
    "project": "viewer",
    "get_project": "viewer",
    "persona": "viewer",
    "get_persona": "viewer",
    "journey_map": "viewer",
    "get_journey": "viewer",
    "export_journey": "viewer",
    "history": "viewer",
    "diff": "viewer",
    "compare": "viewer",
    "facts": "viewer",
    "journey_audit": "viewer",
    "journey_audit_api": "viewer",
    # Changing a project, its personas and journeys
    "update_project": "editor",
    "add_persona": "editor",
    "update_persona": "editor",
    "restore": "editor",
    "derive_to_be": "editor",
    "add_phase": "editor",
    "rename_phase": "editor",
    "move_phase": "editor",
    "delete_phase": "editor",
    "add_step": "editor",
    "rename_step": "editor",
    "describe_step": "editor",
    "move_step": "editor",
    "delete_step": "editor",
    "set_emotion": "editor",
    "add_touchpoint": "editor",
    "rename_touchpoint": "editor",
    "delete_touchpoint": "editor",
    "add_item": "editor",
    "edit_item": "editor",
    "move_item": "editor",
    "delete_item": "editor",
    # Evidence, hypotheses, measures and KPIs: read with the journey, changed by editors
    **{f"api_list_{kind}": "viewer" for kind in ("evidence", "hypotheses", "measures", "kpis")},
    **{
        f"api_{action}_{kind}": "editor"
        for action in ("add", "change", "delete")
        for kind in ("evidence", "hypothesis", "measure", "kpi")
    },
    "add_fact": "editor",
    "change_fact": "editor",
    "delete_fact": "editor",
    "move_touchpoint": "editor",
    "api_move_touchpoint": "editor",
    # A new project (its founder becomes its owner) and deleting a persona with its scores
    "create_project": "editor",
    "api_create_project": "editor",
    "delete_persona": "editor",
    "api_delete_persona": "editor",
    # The numbers on the map, the journey report, and the journey the event log suggests:
    # read by viewers, accepted into the map by editors
    "journey_numbers_fragment": "viewer",
    "journey_numbers_api": "viewer",
    "export_with_numbers_api": "viewer",
    "journey_report_page": "viewer",
    "journey_report_api": "viewer",
    "discover_review": "viewer",
    "discovered_journey_api": "viewer",
    "accept_discovery": "editor",
    "accept_discovery_api": "editor",
    # Measure effects, KPI trends and alerts (read from the stored snapshots), and testing the
    # hypotheses from the browser or the API (the verdicts are saved as a new revision)
    "kpi_alerts_fragment": "viewer",
    "test_hypotheses_page": "editor",
    "test_hypotheses_api": "editor",
    # Comments: reading them is viewing, writing, resolving and deleting one's own is commenting
    "list_comment_threads": "viewer",
    "comment_badge_counts": "viewer",
    "journey_comments_page": "viewer",
    "list_my_mentions": "viewer",
    "my_mentions_page": "viewer",
    "create_comment": "commenter",
    "reply_to_comment": "commenter",
    "resolve_comment": "commenter",
    "reopen_comment": "commenter",
    "delete_comment": "commenter",
    "post_comment_page": "commenter",
    "post_reply_page": "commenter",
    "resolve_thread_page": "commenter",
    "reopen_thread_page": "commenter",
    "delete_comment_page": "commenter",
    # Presenting a journey, and share links: made by editors, opened by anyone with the link
    # (the link's token, password and expiry are checked by the share service)
    "present_journey": "viewer",
    "list_journey_share_links": "editor",
    "create_journey_share_link": "editor",
    "revoke_journey_share_link": "editor",
    "journey_shares_page": "editor",
    "create_share_page": "editor",
    "revoke_share_page": "editor",
    "shared_journey": PUBLIC,
    "unlock_shared_journey": PUBLIC,
    # The workspace's accounts
    "accounts": ADMIN,
    "account_audit": ADMIN,
    "account_audit_api": ADMIN,
}


def least_role(route_name: str) -> str | None:
    """The least role ``route_name`` needs, or ``None`` if the table does not know it.

    >>> least_role("journey_map"), least_role("no_such_route")
    ('viewer', None)
    """
    return ROUTE_ROLES.get(route_name)
