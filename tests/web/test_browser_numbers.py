"""The numbers on the demo map in a real browser equal those of ``journeykit journey numbers``;
two discovered items accepted in the review page land on the map."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, Playwright, expect, sync_playwright

from journeykit.insight.step_numbers_text import count, percent
from tests.web.conftest import DEMO_JOURNEY
from tests.web.live import JOURNEYKIT, keep_screenshot, launch, log_in, running_server

MAP = f"/journeys/{DEMO_JOURNEY}"
#: The first view clusters the feedback's themes: slow on a busy machine.
FIRST_VIEW_MS = 180_000


@pytest.fixture(scope="module")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="module")
def browser(playwright: Playwright) -> Iterator[Browser]:
    chromium = launch(playwright)
    yield chromium
    chromium.close()


@pytest.fixture
def server(demo_path: Path) -> Iterator[str]:
    with running_server(demo_path) as url:
        yield url


@pytest.fixture
def page(browser: Browser, server: str) -> Iterator[Page]:
    context = browser.new_context(
        base_url=server, locale="de-DE", viewport={"width": 1600, "height": 1000}
    )
    tab = context.new_page()
    log_in(tab)
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    yield tab
    context.close()
    assert errors == [], errors


def cli_numbers(workspace: Path) -> dict[str, Any]:
    """What the command prints, run as a user runs it."""
    done = subprocess.run(
        [str(JOURNEYKIT), "-w", str(workspace), "journey", "numbers", DEMO_JOURNEY, "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    data: dict[str, Any] = json.loads(done.stdout)
    return data


def _number(text: str | None) -> float | None:
    return float(text) if text else None


def test_numbers_on_the_demo_map_equal_the_cli(page: Page, demo_path: Path) -> None:
    expected = cli_numbers(demo_path)
    page.goto(MAP)
    # the numbers come in one request after the map itself
    shown = page.locator("[data-step-numbers]")
    expect(shown).to_have_count(len(expected["steps"]), timeout=FIRST_VIEW_MS)
    for step in expected["steps"]:
        cell = page.locator(f'[data-step-numbers="{step["step_id"]}"]')
        assert int(cell.get_attribute("data-customers") or 0) == step["customers"]
        assert _number(cell.get_attribute("data-conversion")) == step["conversion"]
        assert _number(cell.get_attribute("data-drop-off")) == step["drop_off"]
        assert (
            _number(cell.get_attribute("data-median-seconds"))
            == step["median_seconds_from_previous"]
        )
        assert int(cell.get_attribute("data-evidence") or 0) == step["evidence"]
        for score in step["scores"]:
            assert _number(cell.get_attribute(f"data-{score['kind']}")) == score["score"]
        text = cell.inner_text()
        if step["customers"]:
            assert f"{count(step['customers'], 'de')} Kunden" in text
        if step["conversion"] is not None:
            assert f"{percent(step['conversion'], 'de')} vom vorigen Schritt" in text
        if step["assumption"]:
            expect(cell.locator(".num-assumption")).to_have_text("Annahme")
        else:
            assert cell.locator(".num-assumption").count() == 0
    assert any(step["assumption"] for step in expected["steps"])  # the demo has one
    for phase in expected["phases"]:
        if phase["customers"]:
            badge = page.locator(f'[data-phase-numbers="{phase["phase_id"]}"]')
            expect(badge).to_contain_text(f"{count(phase['customers'], 'de')} Kunden")
    keep_screenshot(page, "numbers-on-the-map")


def test_two_discovered_items_become_a_revision_of_the_map(page: Page) -> None:
    page.goto(f"{MAP}/discover", timeout=FIRST_VIEW_MS)
    items = page.locator("[data-draft-item] input[type=checkbox]")
    assert items.count() >= 2
    texts = [page.locator("[data-draft-item]").nth(i).get_attribute("data-text") for i in range(2)]
    items.nth(0).check()
    items.nth(1).check()
    page.locator("#accept-selected").click()
    expect(page.locator("#discover-accepted")).to_contain_text("2 Einträge übernommen")
    page.goto(MAP, timeout=FIRST_VIEW_MS)
    map_text = page.locator("#map").inner_text()
    for text in texts:
        assert text and text in map_text
    keep_screenshot(page, "discovery-accepted")
