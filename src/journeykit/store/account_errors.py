"""Errors of accounts, roles, sessions and tokens: each a :class:`JourneykitError` with a
stable code and the HTTP status the web layer answers with."""

from __future__ import annotations

from collections.abc import Iterable

from journeykit.model.errors import JourneykitError, did_you_mean


class AccountInvalid(JourneykitError):
    """An account name, password, role or language that cannot be used."""

    code = "account_invalid"
    status = 422

    def __init__(self, field: str, message: str, *, hint: str | None = None) -> None:
        super().__init__(f"{field}: {message}", hint=hint)
        self.field = field


class AccountExists(JourneykitError):
    """An account of that name (ignoring case) already exists."""

    code = "account_exists"
    status = 409

    def __init__(self, name: str, existing: str) -> None:
        super().__init__(
            f"there already is an account {existing!r}"
            + (f" (names ignore case, so {name!r} is taken)" if existing != name else ""),
            hint="choose another name, or reset that account's password",
        )
        self.name = name


class AccountMissing(JourneykitError):
    """No account has that name."""

    code = "unknown_account"
    status = 404

    def __init__(self, name: str, known: Iterable[str]) -> None:
        suggestion = did_you_mean(name, known)
        super().__init__(
            f"there is no account {name!r}",
            hint=f"did you mean {suggestion!r}?"
            if suggestion
            else "`journeykit user list` shows the accounts",
        )
        self.name = name
        self.suggestion = suggestion


class TokenMissing(JourneykitError):
    """No API token has that number."""

    code = "unknown_token"
    status = 404


class LoginFailed(JourneykitError):
    """The name or the password was wrong (which one is not said, on purpose)."""

    code = "login_failed"
    status = 401


class LoginThrottled(JourneykitError):
    """Too many failed logins for this account or from this address in a short time."""

    code = "too_many_logins"
    status = 429

    def __init__(self, message: str, *, retry_after: int) -> None:
        super().__init__(message, hint=f"try again in {retry_after // 60 + 1} minutes")
        self.retry_after = retry_after


class NotAuthenticated(JourneykitError):
    """The request carries no valid session or token."""

    code = "not_authenticated"
    status = 401


class Forbidden(JourneykitError):
    """The account lacks the role the route needs."""

    code = "forbidden"
    status = 403


class CsrfRefused(JourneykitError):
    """A state-changing request from a browser session without the session's CSRF token."""

    code = "csrf_refused"
    status = 403
