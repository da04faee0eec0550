"""Switch to German and find no English left on the map page, and the other way round.

A real Chromium opens the demo map (then the other pages of :data:`PAGES`) with every menu
unfolded and reads what a person sees and
hears: visible text, tooltips (``title``, SVG ``<title>``), ``aria-label``, ``placeholder`` and
the messages the map's script shows (``data-msg-*``). Nothing of it may be a text, or hold a
word, that only the other language's catalog and labels use.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

from journeykit.render.labels import label_pairs
from journeykit.web.i18n import read_catalog
from journeykit.web.template_texts import BRAND_AND_SYMBOLS
from tests.web.conftest import DEMO_JOURNEY
from tests.web.live import api_json, keep_screenshot, launch, log_in, running_server

MAP = f"/journeys/{DEMO_JOURNEY}"
#: The map first (the issue's test), then the pages one reaches from it.
PAGES = (
    MAP,
    f"{MAP}/history",
    f"{MAP}/facts",
    f"{MAP}/compare",
    "/",
    "/projects/pr-beetwerk-preisvergleich",
    "/personas/pe-sabine-sparfuchs",
    "/import",
    "/zq7",  # an unknown page (a path without words of either language)
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_PLACEHOLDER = re.compile(r"\{\w+\}")
#: Ids and codes a page shows as they are (``ev-zitat-versandkosten``): names, not words.
CODE = re.compile(r"[a-z0-9]+(?:[-_.:][a-z0-9]+)+")
_TOKEN = re.compile(r"[^\s,;()]+")

#: What the page shows and says, read in the browser after unfolding every menu.
READ_PAGE = """() => {
  const READ = ['aria-label', 'title', 'placeholder', 'alt'];
  document.querySelectorAll('details').forEach(d => { d.open = true; });
  const out = [document.title];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode, element = node.parentElement, text = node.textContent.trim();
    if (!text || !element || element.closest('script, style, kbd')) continue;
    if (element.closest('title') || element.checkVisibility()) out.push(text);
  }
  for (const element of document.querySelectorAll('*')) {
    for (const name of element.getAttributeNames()) {
      if (READ.includes(name) || name.startsWith('data-msg')) {
        out.push(element.getAttribute(name));
      }
    }
  }
  return out.filter(text => text && text.trim());
}"""


def texts_of(language: str) -> list[str]:
    """Every text of the catalogs and the renderers' labels in ``language``."""
    texts = [str(m.string) for m in read_catalog(language) if m.id]
    side = 0 if language == "en" else 1
    texts += [pair[side].replace("\u00ad", "") for pair in label_pairs().values()]
    return texts


def words(text: str) -> set[str]:
    return {w.casefold() for w in _WORD.findall(_PLACEHOLDER.sub(" ", text))}


def only_in(language: str, other: str) -> tuple[list[re.Pattern[str]], set[str]]:
    """The texts (as patterns, placeholders matching anything) and the words that only
    ``language`` uses."""
    theirs = set(texts_of(other))
    texts = sorted({t for t in texts_of(language) if t not in theirs and _WORD.search(t)})
    patterns = [
        re.compile(".+".join(re.escape(part) for part in _PLACEHOLDER.split(text)), re.DOTALL)
        for text in texts
    ]
    other_words = set().union(*(words(t) for t in texts_of(other)))
    own_words = set().union(*(words(t) for t in texts)) - other_words
    return patterns, own_words


def content_words(server: str) -> set[str]:
    """The words of the journey and its history: titles, items, names and revision messages
    stay as their authors wrote them."""
    document = []
    for path in (
        f"/api/v1/journeys/{DEMO_JOURNEY}",
        f"/api/v1/journeys/{DEMO_JOURNEY}/history",
        "/api/v1/journeys",  # the other journeys' titles on the projects page
    ):
        document.append(api_json(server, path))

    def strings(value: object) -> Iterator[str]:
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict):
            for key, inner in value.items():
                if not key.endswith(("id", "ids")):
                    yield from strings(inner)
        elif isinstance(value, list):
            for inner in value:
                yield from strings(inner)

    return set().union(*(words(s) for s in strings(document)))


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as driver:
        chromium = launch(driver)
        yield chromium
        chromium.close()


@pytest.fixture
def server(demo_path: Path) -> Iterator[str]:
    with running_server(demo_path) as url:
        yield url


def read_pages(browser: Browser, server: str, language: str) -> list[tuple[str, str]]:
    """``(page, text)`` for everything :data:`PAGES` show in ``language``."""
    locale = "de-DE" if language == "de" else "en-GB"
    context = browser.new_context(
        base_url=server, locale=locale, viewport={"width": 1600, "height": 1000}
    )
    try:
        page = context.new_page()
        log_in(page)
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        shown: list[tuple[str, str]] = []
        page.goto(f"{MAP}?lang={language}")  # the choice is kept for the pages after it
        page.wait_for_selector(".journeykit-emotion-curve")
        keep_screenshot(page, f"map-{language}")
        for path in PAGES:
            if path != MAP:
                page.goto(path)
            assert page.get_attribute("html", "lang") == language, path
            shown += [(path, text) for text in page.evaluate(READ_PAGE)]
        assert errors == []
        return shown
    finally:
        context.close()


@pytest.mark.parametrize(("language", "other"), [("de", "en"), ("en", "de")])
def test_the_map_page_holds_no_text_of_the_other_language(
    browser: Browser, server: str, language: str, other: str
) -> None:
    shown = read_pages(browser, server, language)
    assert len([text for path, text in shown if path == MAP]) > 200, "the map was read"
    foreign_texts, foreign_words = only_in(other, language)
    foreign_words -= content_words(server) | {w.casefold() for w in BRAND_AND_SYMBOLS}
    _own_texts, own_words = only_in(language, other)
    whole = [
        f"{path}: {text!r} is the {other} text {pattern.pattern!r}"
        for path, text in shown
        for pattern in foreign_texts
        if pattern.fullmatch(text.strip())
    ]
    stray = sorted(
        {
            f"{path}: {word!r} in {text[:80]!r}"
            for path, text in shown
            for token in _TOKEN.findall(_PLACEHOLDER.sub(" ", text))  # the script's {number}
            if not CODE.fullmatch(token)
            for word in _WORD.findall(token)
            if word.casefold() in foreign_words
        }
    )
    assert whole == [] and stray == []
    # and the page does speak its language: many of its own words are there
    assert len({w.casefold() for _p, t in shown for w in _WORD.findall(t)} & own_words) > 40
