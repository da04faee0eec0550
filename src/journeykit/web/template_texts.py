"""Finds words a template writes without ``t(...)``: text a German reader would see in English.

The Jinja code is blanked out (keeping line numbers), and what remains is read as HTML: every
text node and every readable attribute (``title``, ``aria-label``, ``placeholder``, ``alt``)
that still holds a letter is reported. String literals that a template prints directly
(``{{ "Save" }}``, ``x or "none"``) are reported too.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from jinja2 import Environment, nodes

#: Words every language shows as they are: the product's name, language codes, key caps.
BRAND_AND_SYMBOLS = frozenset({"journeykit", "DE", "EN", "Enter", "Esc", "Alt"})
#: Language names written in their own language (the language menu shows them so).
AUTONYMS = frozenset({"Deutsch", "English"})
READABLE_ATTRIBUTES = frozenset({"title", "aria-label", "placeholder", "alt", "aria-description"})

#: Blocks that fill an attribute (``{% block main_class %}page{% endblock %}``), not the page.
_ATTRIBUTE_BLOCK = re.compile(
    r"\{%-?\s*block\s+\w+_class\s*-?%\}.*?\{%-?\s*endblock\s*-?%\}", re.DOTALL
)
_UNREAD = frozenset({"script", "style", "code", "kbd"})
_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
_WORD = re.compile(r"[^\W\d_][\w\-]*", re.UNICODE)


def _blank(match: re.Match[str]) -> str:
    # Newlines stay so the HTML parser's line numbers are the template's.
    return "\x00" + "\n" * match.group(0).count("\n")


def _words(text: str) -> list[str]:
    words = _WORD.findall(text.replace("\x00", " "))
    return [w for w in words if w not in BRAND_AND_SYMBOLS and w not in AUTONYMS]


class _Reader(HTMLParser):
    def __init__(self, name: str) -> None:
        super().__init__(convert_charrefs=True)
        self.name = name
        self.found: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # Code, commands and key caps read the same in every language.
        if tag in _UNREAD:
            self._skip += 1
        for attribute, value in attrs:
            if attribute in READABLE_ATTRIBUTES and value and _words(value):
                self._report(f"{attribute}={value.replace(chr(0), '…')!r}")

    def handle_endtag(self, tag: str) -> None:
        if tag in _UNREAD and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip and _words(data):
            self._report(repr(" ".join(data.replace("\x00", "…").split())))

    def _report(self, what: str) -> None:
        line, _ = self.getpos()
        self.found.append(f"{self.name}:{line}: bare text {what}: put it in t(...)")


def _printed_literals(source: str, name: str) -> list[str]:
    found = []
    for output in Environment().parse(source).find_all(nodes.Output):
        for node in output.nodes:
            for literal in _shown_literals(node):
                if _LETTER.search(literal.value) and _words(literal.value):
                    found.append(
                        f"{name}:{literal.lineno}: bare text {literal.value!r}: put it in t(...)"
                    )
    return found


def _shown_literals(node: nodes.Node) -> list[nodes.Const]:
    """The string constants of ``node`` that end up on the page as they are."""
    if isinstance(node, nodes.Const) and isinstance(node.value, str):
        return [node]
    if isinstance(node, nodes.CondExpr):
        return _shown_literals(node.expr1) + (
            _shown_literals(node.expr2) if node.expr2 is not None else []
        )
    if isinstance(node, nodes.Or | nodes.And):
        return _shown_literals(node.left) + _shown_literals(node.right)
    if isinstance(node, nodes.Concat):
        return [c for part in node.nodes for c in _shown_literals(part)]
    return []


def bare_template_texts(source: str, name: str) -> list[str]:
    """The bare texts of one template's ``source`` (``name`` prefixes each finding)."""
    reader = _Reader(name)
    reader.feed(_JINJA.sub(_blank, _ATTRIBUTE_BLOCK.sub(_blank, source)))
    reader.close()
    return reader.found + _printed_literals(source, name)


def bare_texts(folder: Path) -> list[str]:
    """The bare texts of every template under ``folder``."""
    found: list[str] = []
    for path in sorted(folder.rglob("*.html")):
        found += bare_template_texts(path.read_text(encoding="utf-8"), path.name)
    return found
