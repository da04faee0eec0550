"""Logging in, with failed attempts limited per account and per address.

At most :data:`ACCOUNT_LIMIT` failed logins per account and :data:`ADDRESS_LIMIT` per address
count within :data:`WINDOW`; past either, every attempt (even with the right password) is
refused until the window has moved on. Five guesses per account per quarter hour leave an
online attack on a ten-character password hopeless while a person who mistypes a few times
waits at most fifteen minutes; the address limit stops one machine from trying a few guesses
against many accounts. The counts come from the audit log, so they survive a restart and hold
across server processes.
"""

from __future__ import annotations

import datetime as dt

from journeykit.store import Workspace
from journeykit.store.account_errors import LoginFailed, LoginThrottled
from journeykit.store.accounts import Account

WINDOW = dt.timedelta(minutes=15)
ACCOUNT_LIMIT = 5
ADDRESS_LIMIT = 20


def log_in(
    ws: Workspace, name: str, password: str, *, address: str | None, action: str | None = "login"
) -> Account:
    """The account if ``password`` opens it; :class:`LoginFailed` or :class:`LoginThrottled`
    (recorded in the audit log, without the password) if not.

    Success is recorded as ``action`` (``None``: not at all, when the check only confirms a
    password, e.g. before changing it).
    """
    audit = ws.audit()
    key = name.strip().casefold()
    now = dt.datetime.now(dt.UTC)
    since = now - WINDOW
    last_login = audit.latest("login", subject=key)
    account_since = max(since, last_login.at) if last_login is not None else since
    too_many = audit.count_since("login_failed", account_since, subject=key) >= ACCOUNT_LIMIT
    if not too_many and address is not None:
        too_many = audit.count_since("login_failed", since, address=address) >= ADDRESS_LIMIT
    if too_many:
        audit.record("login_throttled", actor=None, subject=key, address=address)
        raise LoginThrottled(
            f"too many failed logins for {name.strip()!r} or from this address",
            retry_after=int(WINDOW.total_seconds()),
        )
    account = ws.accounts().authenticate(name, password)
    if account is None:
        audit.record("login_failed", actor=None, subject=key, address=address)
        raise LoginFailed("the name or the password is wrong")
    if action is not None:
        audit.record(action, actor=account.name, subject=key, address=address)
    return account
