"""Errors of the browser workspace's services: each names the field or record at fault."""

from __future__ import annotations

from collections.abc import Iterable

from journeykit.model.errors import JourneykitError, NotFoundError, did_you_mean


class FieldInvalid(JourneykitError):
    """A form or request field holds a value the service cannot use.

    ``key`` names the message in the UI catalogs (``web/locale``) so a page can
    show it next to the field in the user's language; ``message`` is its English text.
    """

    code = "invalid_field"
    status = 422

    def __init__(self, field: str, key: str, message: str, **params: object) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.key = key
        self.params = params


class UploadRefused(JourneykitError):
    """An uploaded file is too large, of an unknown kind, or not a valid journey."""

    code = "upload_refused"
    status = 422


class UploadTooLarge(UploadRefused):
    """An upload is larger than the limit."""

    code = "upload_too_large"
    status = 413


class StepInUse(JourneykitError):
    """A step or phase cannot be deleted while a KPI is scoped to it."""

    code = "still_referenced"
    status = 409


def unknown(kind: str, wanted: str, known: Iterable[str]) -> NotFoundError:
    """A :class:`NotFoundError` for a missing ``kind`` with the nearest known id suggested."""
    known = list(known)
    suggestion = did_you_mean(wanted, known)
    hint = f"did you mean {suggestion!r}?" if suggestion else None
    return NotFoundError(f"this journey has no {kind} {wanted!r}", hint=hint)
