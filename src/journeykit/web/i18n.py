"""German and English for every text of the browser workspace, through one function.

All UI text goes through :func:`translate` (``t`` in templates). The texts live in Babel
message catalogs, ``web/locale/{de,en}/LC_MESSAGES/messages.po``, whose message ids are the keys
the code uses (``nav.projects``). The ``.po`` files are read directly at first use (ADR 0011):
no compiled ``.mo`` can be stale or missing, from a clean clone or an installed wheel alike.
German is the default language.
"""

from __future__ import annotations

import functools
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

LANGUAGES = ("de", "en")
DEFAULT_LANGUAGE = "de"
LANGUAGE_COOKIE = "journeykit_lang"

#: Where the catalogs live: ``<language>/LC_MESSAGES/messages.po``.
LOCALE_FOLDER = Path(__file__).parent / "locale"
DOMAIN = "messages"


def catalog_path(language: str, folder: Path = LOCALE_FOLDER) -> Path:
    """The ``.po`` file of ``language`` under ``folder``."""
    return folder / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def read_catalog(language: str, folder: Path = LOCALE_FOLDER) -> Catalog:
    """The catalog of ``language`` as Babel reads it (fuzzy entries included)."""
    with catalog_path(language, folder).open("rb") as po:
        return read_po(po, locale=language, domain=DOMAIN)


@functools.cache
def _texts(language: str) -> dict[str, str]:
    # Like gettext, a fuzzy or empty entry is not a translation: it falls back (see translate).
    return {
        str(message.id): str(message.string)
        for message in read_catalog(language)
        if message.id and isinstance(message.string, str) and message.string
        if not message.fuzzy
    }


def has_text(key: str) -> bool:
    """Whether the catalogs hold a text for ``key``."""
    return any(key in _texts(language) for language in LANGUAGES)


def translate(key: str, language: str, **params: object) -> str:
    """The text ``key`` in ``language``, with ``{name}`` placeholders filled from ``params``.

    An unknown key raises ``KeyError``: a missing text is a bug a test must catch, never a
    raw key on screen. An unknown language reads as German.

    >>> translate("nav.projects", "en")
    'Projects'
    >>> translate("history.revision", "de", number=3)
    'Revision 3'
    """
    chosen = language if language in LANGUAGES else DEFAULT_LANGUAGE
    text = _texts(chosen).get(key)
    if text is None:
        # The tests keep both catalogs complete; should one lose an entry anyway, the other
        # language is better than an error page.
        others = (_texts(other).get(key) for other in LANGUAGES if other != chosen)
        text = next((found for found in others if found is not None), None)
        if text is None:
            raise KeyError(key)
    return text.format(**params) if params else text


def preload_catalogs() -> None:
    """Read both catalogs now (at start-up), so the first page is not the one that waits and a
    broken catalog stops the server rather than a request."""
    for language in LANGUAGES:
        _texts(language)


def missing_translations() -> list[str]:
    """Keys that have a text in one language but not in the other (the tests keep this empty;
    ``journeykit.web.catalog_checks`` checks much more)."""
    german, english = (set(_texts(language)) for language in LANGUAGES)
    return sorted(german ^ english)


def text_key(key: str) -> str:
    """Mark ``key`` as a message key where it is stored before it is translated (a table of
    keys), so extraction finds it; returns it unchanged, like gettext's ``N_``."""
    return key


def reload_catalogs() -> None:
    """Forget the catalogs read so far (after the catalog tool changed them)."""
    _texts.cache_clear()


def negotiate_language(query: str | None, cookie: str | None, accept_language: str | None) -> str:
    """The language of a request: ``?lang=``, else the cookie, else Accept-Language, else German.

    >>> negotiate_language(None, None, "en-GB,en;q=0.9,de;q=0.8")
    'en'
    >>> negotiate_language("fr", None, "fr-FR")
    'de'
    """
    for chosen in (query, cookie):
        if chosen in LANGUAGES:
            return chosen
    if accept_language:
        weighted: list[tuple[float, str]] = []
        for part in accept_language.split(","):
            tag, _, params = part.strip().partition(";")
            weight = 1.0
            if params.strip().startswith("q="):
                try:
                    weight = float(params.strip()[2:])
                except ValueError:
                    weight = 0.0
            base = tag.strip().lower().split("-")[0]
            if base in LANGUAGES:
                weighted.append((weight, base))
        if weighted:
            return max(weighted, key=lambda pair: pair[0])[1]
    return DEFAULT_LANGUAGE
