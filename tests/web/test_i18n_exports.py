"""Exports speak one language: every label exists in both, and a German export holds no
English label word (nor an English export a German one)."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from openpyxl import load_workbook

from journeykit.model.document import JourneyDocument
from journeykit.model.fileformat import dump_document
from journeykit.model.lanes import TEXT_LANES
from journeykit.model.touchpoint import KNOWN_CHANNELS
from journeykit.render.export import export_journey
from journeykit.render.item_rows import item_headers
from journeykit.render.labels import channel_label, label_pairs
from journeykit.render.sheet_labels import CHANNEL_WORDS
from journeykit.render.workbook import GRID_SHEET, ITEM_SHEET
from journeykit.store import Workspace
from journeykit.web.catalog import placeholders
from tests.web.conftest import DEMO_JOURNEY

#: Words German uses as English does in a journey map (besides the interface's own list).
SAME_IN_BOTH = frozenset(
    {
        *("Frontstage", "Backstage", "Touchpoints", "KPI", "Interview", "Video", "okay"),
        *("digital", "Phase", "Lane", "Text", "Persona"),
    }
)
#: Fields whose values are codes (``scope: step``), not words a person wrote.
MACHINE_FIELDS = frozenset(
    {"scope", "kind", "state", "status", "channel", "mode", "ownership", "better", "rating"}
)
CODE = re.compile(r"[a-z0-9][a-z0-9_.:-]*")
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def export_pairs() -> dict[str, tuple[str, str]]:
    """Every label an export writes, as ``name: (English, German)``."""
    pairs = dict(label_pairs())
    pairs.update({f"lane.{lane}": pair for lane, pair in TEXT_LANES.items()})
    english, german = item_headers("en"), item_headers("de")
    pairs.update(
        {
            f"header.{i}": (str(e), str(g))
            for i, (e, g) in enumerate(zip(english, german, strict=True))
        }
    )
    pairs["sheet.items"] = (ITEM_SHEET["en"], ITEM_SHEET["de"])
    pairs["sheet.grid"] = (GRID_SHEET["en"], GRID_SHEET["de"])
    return pairs


def test_every_export_label_has_both_languages_and_matching_placeholders() -> None:
    problems = []
    for name, (english, german) in export_pairs().items():
        if not english.strip() or not german.strip():
            problems.append(f"{name}: a language is empty")
        if placeholders(english) != placeholders(german):
            problems.append(f"{name}: placeholders differ")
        if english == german and english not in SAME_IN_BOTH:
            problems.append(f"{name}: {english!r} is not translated")
    assert problems == []
    assert len(export_pairs()) > 80


def test_every_channel_has_a_name_the_spreadsheet_import_reads_back() -> None:
    pairs = label_pairs()
    for channel in KNOWN_CHANNELS:
        for language in ("de", "en"):
            word = channel_label(channel, language)
            assert CHANNEL_WORDS[word.casefold()] == channel, (channel, language, word)
        assert f"channel.{channel}" in pairs


def only_in(language: str) -> set[str]:
    """The label words of ``language`` that no label of the other language uses."""
    side = 0 if language == "en" else 1
    words: list[set[str]] = [set(), set()]
    for pair in export_pairs().values():
        for index in (0, 1):
            text = pair[index].replace("\u00ad", "")
            words[index] |= {w.casefold() for w in _WORD.findall(re.sub(r"\{\w+\}", "", text))}
    return words[side] - words[1 - side]


@pytest.fixture
def demo(demo_path: Path) -> JourneyDocument:
    with Workspace.open(demo_path) as ws:
        return ws.journeys().get(DEMO_JOURNEY)


def content_words(doc: JourneyDocument) -> set[str]:
    """Words of the journey itself (titles, items, names), which no export translates."""

    def strings(value: object) -> list[str]:
        if isinstance(value, str):
            return [value]
        if isinstance(value, dict):
            return [
                s
                for key, v in value.items()
                if not (key.endswith(("id", "ids")) or key in MACHINE_FIELDS)
                for s in strings(v)
            ]
        if isinstance(value, list):
            return [s for v in value for s in strings(v)]
        return []

    data = json.loads(dump_document(doc, "json"))
    return {w.casefold() for s in strings(data) for w in _WORD.findall(s)}


def shown_texts(doc: JourneyDocument, language: str) -> list[str]:
    """The texts the SVG, CSV, XLSX and Mermaid exports write in ``language``."""
    texts: list[str] = []
    svg = export_journey(doc, DEMO_JOURNEY, "svg", language=language).content
    texts += [t for t in ET.fromstring(svg).itertext() if t.strip()]
    table = export_journey(doc, DEMO_JOURNEY, "csv", language=language).content.decode("utf-8-sig")
    texts += [
        cell
        for row in csv.reader(io.StringIO(table), delimiter=";" if language == "de" else ",")
        for cell in row
    ]
    book = load_workbook(
        io.BytesIO(export_journey(doc, DEMO_JOURNEY, "xlsx", language=language).content)
    )
    texts += book.sheetnames
    texts += [
        str(c.value)
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for c in row
        if c.value
    ]
    texts += (
        export_journey(doc, DEMO_JOURNEY, "mermaid", language=language)
        .content.decode()
        .splitlines()
    )
    return texts


@pytest.mark.parametrize(("language", "other"), [("de", "en"), ("en", "de")])
def test_an_export_holds_no_label_word_of_the_other_language(
    demo: JourneyDocument, language: str, other: str
) -> None:
    foreign = only_in(other) - content_words(demo)
    own = only_in(language) - content_words(demo)
    assert {"steps", "target"} <= only_in("en") and {"schritte", "ziel"} <= only_in("de")
    words = [
        w.casefold()
        for text in shown_texts(demo, language)
        if not CODE.fullmatch(text)  # ids and codes (st-bezahlen.pain-1, word_of_mouth)
        for w in _WORD.findall(text)
    ]
    # the exports do speak: many of the language's own label words are there
    assert len({w for w in words if w in own}) >= 10
    assert sorted({w for w in words if w in foreign}) == []
