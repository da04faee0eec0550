"""German and English for every text of the browser workspace, through one function.

All UI text goes through :func:`translate` (``t`` in templates), so issue 5's Babel catalogs
can replace :data:`MESSAGES` without touching a template. German is the default language.
"""

from __future__ import annotations

from collections.abc import Mapping

from journeykit.web.messages import MESSAGES

LANGUAGES = ("de", "en")
DEFAULT_LANGUAGE = "de"
LANGUAGE_COOKIE = "journeykit_lang"


def translate(key: str, language: str, **params: object) -> str:
    """The text ``key`` in ``language``, with ``{name}`` placeholders filled from ``params``.

    An unknown key raises ``KeyError``: a missing text is a bug a test must catch, never a
    raw key on screen.

    >>> translate("nav.projects", "en")
    'Projects'
    >>> translate("history.revision", "de", number=3)
    'Revision 3'
    """
    entry = MESSAGES[key]
    text = entry[language if language in entry else DEFAULT_LANGUAGE]
    return text.format(**params) if params else text


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


def missing_translations(messages: Mapping[str, Mapping[str, str]] = MESSAGES) -> list[str]:
    """Keys that lack a German or an English text (a test keeps this empty)."""
    return sorted(key for key, entry in messages.items() if set(entry) != set(LANGUAGES))
