"""Errors in the reader's language: domain errors by code, request and HTTP errors by kind.

The model and the store raise :class:`~journeykit.model.errors.JourneykitError` with a stable
``code`` and an English message (the CLI prints it; logs keep it). The web translates the
common ones: each :data:`DOMAIN_TEXTS` entry names a code and the English sentence it
recognises, and fills the translated sentence with the parts it captured. An error no entry
recognises keeps its English text: a message is never lost for want of a translation. The
tests raise each recognised error for real, so a reworded English message fails a test
rather than silently falling back.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from journeykit.model.errors import JourneykitError
from journeykit.render.formats import format_number
from journeykit.web.i18n import has_text, text_key, translate

_ID = r"'(?P<{}>[^']*)'"


@dataclass(frozen=True)
class ErrorText:
    """A recognised English error sentence and the key of its translation."""

    code: str
    pattern: re.Pattern[str]
    key: str

    def translated(self, message: str, language: str) -> str | None:
        """``message`` in ``language``, or ``None`` if this entry does not recognise it."""
        match = self.pattern.fullmatch(message)
        if match is None:
            return None
        params = {name: _param(name, value, language) for name, value in match.groupdict().items()}
        return translate(self.key, language, **params)


def _text(code: str, pattern: str, key: str) -> ErrorText:
    names = {name: _ID.format(name) for name in ("id", "journey", "kpi", "suffix", "format")}
    return ErrorText(code, re.compile(pattern.format(**names)), key)


#: Captured sizes are re-written with the reader's separators (revision numbers are names).
_AMOUNTS = frozenset({"size", "limit", "byte"})


def _param(name: str, value: str, language: str) -> str:
    if name == "kinds":
        return translate(f"error.kind.{value.replace(' ', '_')}", language)
    if name in _AMOUNTS and value.replace(",", "").isdigit():
        return format_number(int(value.replace(",", "")), language)
    return value


#: The kinds of record a "not found" names (``error.kind.<kind>`` is their plural).
ERROR_KINDS = (
    "journey",
    "project",
    "persona",
    "phase",
    "step",
    "lane",
    "lane_item",
    "touchpoint",
)
_KINDS = "(?P<kinds>journey|project|persona|phase|step|lane item|lane|touchpoint)"

DOMAIN_TEXTS: tuple[ErrorText, ...] = (
    _text("not_found", f"there is no {_KINDS} {{id}} in this workspace", "error.no_record"),
    _text("not_found", f"this journey has no {_KINDS} {{id}}", "error.no_record_here"),
    _text("not_found", r"journey {journey} has no revision (?P<number>\d+)", "error.no_revision"),
    _text(
        "conflict",
        r"journey {journey} has changed since revision (?P<base>\d+): its head is now "
        r"revision (?P<head>\d+); nothing was saved",
        "error.stale",
    ),
    _text(
        "conflict",
        r"journey {journey} already exists \(head revision (?P<head>\d+)\); nothing was saved",
        "error.exists",
    ),
    _text(
        "still_referenced",
        r"KPI {kpi} is measured on this step; nothing was deleted",
        "error.kpi_on_step",
    ),
    _text(
        "still_referenced",
        r"KPI {kpi} is measured on this phase; nothing was deleted",
        "error.kpi_on_phase",
    ),
    _text(
        "not_as_is",
        r"journey {journey} is a to-be journey; derive from an as-is journey",
        "error.not_as_is",
    ),
    _text(
        "upload_refused",
        r"(?P<file>.+): files ending in {suffix} cannot be imported",
        "error.upload_kind",
    ),
    _text("upload_refused", r"(?P<file>.+): the file is empty", "error.upload_empty"),
    _text(
        "upload_refused",
        r"(?P<file>.+): the file is not UTF-8 text \(byte (?P<byte>\d+)\)",
        "error.upload_encoding",
    ),
    _text(
        "upload_too_large",
        r"(?P<file>.+): the file has (?P<size>[\d,]+) bytes; at most (?P<limit>[\d,]+) are "
        r"accepted",
        "error.upload_size",
    ),
    _text(
        "upload_too_large",
        r"(?P<file>.+): the file is larger than (?P<limit>[\d,]+) bytes",
        "error.upload_larger",
    ),
)

#: Hints people read next to an error (the API keeps its hints in English for scripts).
HINT_TEXTS: tuple[ErrorText, ...] = (
    _text("", r"did you mean {id}\?", "error.hint.did_you_mean"),
    _text("", r"its revisions are 1 to (?P<head>\d+)", "error.hint.revisions"),
    _text("", r"look at the current version and apply your change again", "error.hint.stale"),
    _text("", r"move the KPI to another scope first", "error.hint.move_kpi"),
    _text("", r"upload a \.yaml, \.yml, \.json, \.csv or \.xlsx file", "error.hint.kinds"),
    _text("", r"save it as UTF-8", "error.hint.utf8"),
    _text("", r"split the file or remove embedded pictures", "error.hint.split"),
)


def _first(texts: tuple[ErrorText, ...], code: str | None, message: str, language: str) -> str:
    for text in texts:
        if code is not None and text.code != code:
            continue
        found = text.translated(message, language)
        if found is not None:
            return found
    return message


def domain_message(error: JourneykitError, language: str) -> str:
    """``error``'s message in ``language`` where recognised, else its own English text."""
    return _first(DOMAIN_TEXTS, error.code, error.message, language)


def domain_hint(hint: str | None, language: str) -> str | None:
    """A hint in ``language`` where recognised, else as it was."""
    return None if hint is None else _first(HINT_TEXTS, None, hint, language)


#: Pydantic's kinds of invalid request value, and the text for each.
REQUEST_TEXTS = {
    "missing": text_key("error.request.missing"),
    "int_parsing": text_key("error.request.whole_number"),
    "int_type": text_key("error.request.whole_number"),
    "int_from_float": text_key("error.request.whole_number"),
    "float_parsing": text_key("error.request.number"),
    "float_type": text_key("error.request.number"),
    "bool_parsing": text_key("error.request.yes_no"),
    "bool_type": text_key("error.request.yes_no"),
    "string_type": text_key("error.request.text"),
    "json_invalid": text_key("error.request.json"),
    "model_attributes_type": text_key("error.request.object"),
    "dict_type": text_key("error.request.object"),
    "list_type": text_key("error.request.list"),
    "extra_forbidden": text_key("error.request.unknown_field"),
}


def request_problem(problem: Mapping[str, Any], language: str) -> str:
    """One of pydantic's request problems in ``language`` (its own text where unknown)."""
    kind = str(problem.get("type", ""))
    context = problem.get("ctx") or {}
    if kind == "literal_error" and "expected" in context:
        return translate("error.choice", language, allowed=context["expected"])
    if kind == "string_too_long" and "max_length" in context:
        return translate("error.too_long", language, limit=context["max_length"])
    if kind == "string_too_short":
        return translate("error.blank", language)
    key = REQUEST_TEXTS.get(kind)
    return translate(key, language) if key else str(problem.get("msg", kind))


#: The statuses an error page has its own title for (``error.status.<status>``).
PAGE_STATUSES = (400, 401, 403, 404, 405, 409, 413, 422, 429, 500)
#: The statuses with a general sentence of their own (404 and 405 say more, see below).
HTTP_STATUSES = tuple(status for status in PAGE_STATUSES if status not in (404, 405))


def status_name(status: int, language: str) -> str:
    """What an error page calls ``status`` next to its number ("Nicht gefunden")."""
    if status in PAGE_STATUSES:
        return translate(f"error.status.{status}", language)
    return translate("error.http.other", language, status=status)


def http_message(status: int, detail: object, path: str, method: str, language: str) -> str:
    """What an HTTP error (an unknown page, a wrong method, …) says in ``language``.

    A ``detail`` that is a catalog key is translated, so a route can raise
    ``HTTPException(403, detail="auth.forbidden")`` and be read in both languages.
    """
    if isinstance(detail, str) and has_text(detail):
        return translate(detail, language)
    if status == 404:
        return translate("error.no_page", language, path=path)
    if status == 405:
        return translate("error.method", language, method=method, path=path)
    if status in HTTP_STATUSES:
        return translate(f"error.http.{status}", language)
    return translate("error.http.other", language, status=status)
