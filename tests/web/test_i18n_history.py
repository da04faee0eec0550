"""The history's diff names coded values in the reader's words, and lists as lists."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from journeykit.web.diffview import coded_value
from tests.web.conftest import DEMO_JOURNEY

HISTORY = f"/journeys/{DEMO_JOURNEY}/history"


def field_changes(page: str) -> list[tuple[str, str, str]]:
    return re.findall(r"<dt>([^<]*)</dt><dd><del>([^<]*)</del> <ins>([^<]*)</ins>", page)


def test_a_status_change_reads_in_the_readers_language(client: TestClient) -> None:
    german = field_changes(client.get(HISTORY, params={"lang": "de"}).text)
    english = field_changes(client.get(HISTORY, params={"lang": "en"}).text)
    assert ("Status", "offen", "bestätigt") in german
    assert ("status", "open", "supported") in english
    assert not any("[" in old or "[" in new for _field, old, new in german + english)


def test_coded_values_of_each_kind_are_translated() -> None:
    assert coded_value("project", "status", "paused", "de") == "pausiert"
    assert coded_value("measure", "status", "in_progress", "de") == "in Arbeit"
    assert coded_value("kpi", "better", "lower", "de") == "niedriger ist besser"
    assert coded_value("kpi", "scope", "touchpoint", "en") == "touchpoint"
    assert coded_value("hypothesis", "expected_direction", "no_change", "de") == "bleibt gleich"
    assert coded_value("touchpoint", "channel", "word_of_mouth", "de") == "Mundpropaganda"
    assert coded_value("touchpoint", "ownership", "indirect", "de") == "indirekt"
    assert coded_value("persona", "goals", ["Sparen", "Zeit"], "en") == "Sparen, Zeit"
    assert coded_value("step", "title", "open", "de") == "open"  # a title is not a code
    assert coded_value("journey", "persona_ids", [], "de") is None
