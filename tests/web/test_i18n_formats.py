"""Dates and numbers on the pages in the language's format, never an ad-hoc one."""

from __future__ import annotations

import datetime as dt
import re

from fastapi.testclient import TestClient

from journeykit.model.kpi import Kpi
from journeykit.render.formats import format_datetime, format_number, format_percent
from journeykit.render.map_cells import kpi_target
from journeykit.web.templating import WEB_FOLDER, build_templates
from tests.web.conftest import DEMO_JOURNEY

HISTORY = f"/journeys/{DEMO_JOURNEY}/history"


def render(source: str, lang: str, **values: object) -> str:
    return str(build_templates().env.from_string(source).render(lang=lang, **values))


def test_numbers_have_the_languages_separators() -> None:
    assert format_number(1234.5, "de") == "1.234,5"
    assert format_number(1234.5, "en") == "1,234.5"
    assert format_number(1234567, "de") == "1.234.567"
    assert format_number(2.5, "de", digits=2) == "2,50"
    assert format_percent(0.305, "de", digits=1) == "30,5\xa0%"
    assert format_percent(0.305, "en", digits=1) == "30.5%"


def test_the_filters_format_in_the_pages_language() -> None:
    day = dt.date(2026, 11, 23)
    moment = dt.datetime(2026, 11, 23, 9, 7, tzinfo=dt.UTC)
    source = "{{ day|date }} | {{ n|number }} | {{ share|percent }} | {{ none|date }}"
    values = {"day": day, "n": 1234.5, "share": 0.25, "none": None}
    assert render(source, "de", **values) == "23.11.2026 | 1.234,5 | 25\xa0% | "
    assert render(source, "en", **values) == "23 Nov 2026 | 1,234.5 | 25% | "
    assert render("{{ m|datetime }}", "de", m=moment) == format_datetime(moment, "de")
    assert render("{{ n|number(1) }}", "en", n=2) == "2.0"


def test_a_kpi_target_uses_the_languages_number_format() -> None:
    kpi = Kpi(name="Umsatz", kind="custom", target=1234.5, better="higher", unit="€")
    assert kpi_target(kpi, "de") == "Ziel ≥ 1.234,5 €"
    assert kpi_target(kpi, "en") == "target ≥ 1,234.5 €"


def test_history_shows_revision_times_in_the_languages_format(client: TestClient) -> None:
    german = client.get(HISTORY, params={"lang": "de"}).text
    english = client.get(HISTORY, params={"lang": "en"}).text
    german_times = re.findall(r"<time datetime=\"[^\"]+\">([^<]+)</time>", german)
    english_times = re.findall(r"<time datetime=\"[^\"]+\">([^<]+)</time>", english)
    assert german_times and len(german_times) == len(english_times)
    assert all(re.fullmatch(r"\d\d\.\d\d\.\d{4}, \d\d:\d\d", t) for t in german_times)
    assert all(re.fullmatch(r"\d{1,2} [A-Z][a-z]{2} \d{4}, \d\d:\d\d", t) for t in english_times)


def test_facts_page_shows_evidence_dates_in_the_languages_format(client: TestClient) -> None:
    german = client.get(f"/journeys/{DEMO_JOURNEY}/facts", params={"lang": "de"}).text
    english = client.get(f"/journeys/{DEMO_JOURNEY}/facts", params={"lang": "en"}).text
    assert re.search(r" · \d\d\.\d\d\.\d{4}</p>", german)
    assert re.search(r" · \d{1,2} [A-Z][a-z]{2} \d{4}</p>", english)
    assert "2,5" in german and "2.5" in english  # the demo's KPI target of 2.5


def test_no_template_formats_a_date_or_number_by_hand() -> None:
    # <time datetime="{{ x.isoformat() }}"> is for machines and stays ISO.
    ad_hoc = re.compile(r"strftime|\|\s*format\b|\|\s*round\b|\"%[\w.]|'%[\w.]")
    found = [
        f"{path.name}:{number}: {line.strip()}"
        for path in sorted((WEB_FOLDER / "templates").glob("*.html"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if ad_hoc.search(line)
    ]
    assert found == []


def test_a_journey_of_one_step_is_counted_in_the_singular(client: TestClient) -> None:
    project = "pr-beetwerk-preisvergleich"
    created = client.post("/api/v1/journeys", json={"title": "Kurz", "project_id": project})
    journey = created.json()["journey_id"]
    phase = client.post(
        f"/api/v1/journeys/{journey}/phases", json={"base_revision": 1, "name_de": "Kauf"}
    ).json()
    step = {"base_revision": phase["revision"], "phase_id": phase["id"], "title": "Bezahlen"}
    assert client.post(f"/api/v1/journeys/{journey}/steps", json=step).status_code == 201
    german = client.get(f"/projects/{project}", params={"lang": "de"}).text
    english = client.get(f"/projects/{project}", params={"lang": "en"}).text
    assert "1 Schritt<" in german and "19 Schritte<" in german
    assert "1 step<" in english and "19 steps<" in english
