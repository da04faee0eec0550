"""Facts and personas in a real browser: Debian's Chromium against a real journeykit server.

From a step on the map to its facts, add a hypothesis linked to the step and edit it, add a
measure and find it in the impact/effort matrix, delete a persona after being told what goes.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Dialog, Page, Playwright, expect, sync_playwright

from tests.web.conftest import DEMO_JOURNEY
from tests.web.live import api_json, keep_screenshot, launch, log_in, running_server

MAP = f"/journeys/{DEMO_JOURNEY}"
STEP = "st-bezahlen"


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
        base_url=server, locale="de-DE", viewport={"width": 1500, "height": 1000}
    )
    tab = context.new_page()
    log_in(tab)
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    yield tab
    context.close()
    assert errors == [], errors


def document(server: str) -> dict[str, Any]:
    data: dict[str, Any] = api_json(server, f"/api/v1/journeys/{DEMO_JOURNEY}")
    return data


def test_add_a_hypothesis_linked_to_a_step_and_edit_it(page: Page, server: str) -> None:
    page.goto(MAP)
    link = page.locator(f'.step[data-step-id="{STEP}"] .cell-evidence a').first
    link.scroll_into_view_if_needed()
    link.click()
    expect(page.locator(".lede")).to_contain_text("Zum Schritt „")

    section = page.locator("#hypotheses")
    section.locator("summary", has_text="Hypothese hinzufügen").click()
    form = section.locator("#new-hypotheses form")
    form.locator('[name="statement"]').fill("Kauf auf Rechnung senkt die Abbrüche an der Kasse")
    form.locator('[name="metric"]').fill("Abbruchquote an der Kasse")
    form.locator('[name="expected_direction"]').select_option("decrease")
    # looking at one step, a new fact is linked to it already
    expect(form.locator(f'input[name="step_ids"][value="{STEP}"]')).to_be_checked()
    form.get_by_role("button", name="Hypothese hinzufügen").click()
    expect(page.locator(".notice-ok")).to_contain_text("Revision 3")

    (added,) = [
        h for h in document(server)["hypotheses"] if h["statement"].startswith("Kauf auf Rechnung")
    ]
    assert added["step_ids"] == [STEP]
    assert added["expected_direction"] == "decrease"
    item = page.locator(f'li[id="{added["id"]}"]')
    expect(item).to_contain_text("Abbruchquote an der Kasse")

    item.get_by_role("link", name="Bearbeiten").click()
    editor = page.locator(f'li[id="{added["id"]}"] form.fact-form')
    editor.locator('[name="status"]').select_option("supported")
    editor.locator('[name="statement"]').fill("")
    editor.get_by_role("button", name="Speichern").click()
    # a blank statement is refused beside its field, nothing saved, the rest kept
    error = page.locator(f'[id="f-{added["id"]}-statement-error"]')
    expect(error).to_have_text("darf nicht leer sein")
    expect(page.locator(f'[id="f-{added["id"]}-status"]')).to_have_value("supported")
    page.locator(f'[id="f-{added["id"]}-statement"]').fill("Kauf auf Rechnung hält Kunden")
    page.locator(f'li[id="{added["id"]}"]').get_by_role("button", name="Speichern").click()
    expect(page.locator(".notice-ok")).to_contain_text("Revision 4")
    expect(page.locator(f'li[id="{added["id"]}"]')).to_contain_text("bestätigt")
    keep_screenshot(page, "facts")
    stored = next(h for h in document(server)["hypotheses"] if h["id"] == added["id"])
    assert (stored["statement"], stored["status"]) == ("Kauf auf Rechnung hält Kunden", "supported")


def test_add_a_measure_and_see_it_in_the_matrix(page: Page, server: str) -> None:
    page.goto(f"{MAP}/facts?lang=en")
    section = page.locator("#measures")
    section.locator("summary", has_text="Add measure").click()
    form = section.locator("#new-measures form")
    form.locator('[name="title"]').fill("Offer invoice payment")
    form.locator('[name="impact"]').select_option("5")
    form.locator('[name="effort"]').select_option("1")
    form.locator('[name="owner"]').fill("Checkout team")
    form.locator('[name="due_date"]').fill("2027-03-31")
    form.locator(f'input[name="step_ids"][value="{STEP}"]').check()
    form.get_by_role("button", name="Add measure").click()
    expect(page.locator(".notice-ok")).to_contain_text("revision 3")

    cell = page.locator('.matrix td[data-impact="5"][data-effort="1"]')
    expect(cell).to_have_class("matrix-cell quick-win-zone")
    chip = cell.locator(".matrix-measure", has_text="Offer invoice payment")
    expect(chip).to_have_class("matrix-measure quick-win")
    (made,) = [m for m in document(server)["measures"] if m["title"] == "Offer invoice payment"]
    assert (made["impact"], made["effort"], made["due_date"]) == (5, 1, "2027-03-31")
    chip.click()
    expect(page.locator(f'tr[id="{made["id"]}"]')).to_contain_text("quick win")


def test_delete_a_persona(page: Page, server: str) -> None:
    before = [p["id"] for p in document(server)["personas"]]
    assert "pe-tobias-heimwerker" in before
    page.goto("/personas/pe-tobias-heimwerker")
    page.locator("#delete-persona summary").click()
    expect(page.locator("#delete-persona")).to_contain_text("Emotionswerten")
    asked: list[str] = []

    def accept(dialog: Dialog) -> None:
        asked.append(dialog.message)
        dialog.accept()

    page.on("dialog", accept)
    page.locator("#delete-persona").get_by_role("button").click()
    expect(page.locator(".notice-ok")).to_contain_text("gelöscht")
    assert asked and "Emotionswerte" in asked[0]
    doc = document(server)
    assert "pe-tobias-heimwerker" not in [p["id"] for p in doc["personas"]]
    page.goto(MAP)
    expect(page.locator('.emotion-point[data-persona-id="pe-tobias-heimwerker"]')).to_have_count(0)


def _touchpoints(server: str, step_id: str) -> list[str]:
    for phase in document(server)["journey"]["phases"]:
        for step in phase.get("steps", []):
            if step["id"] == step_id:
                return [t["id"] for t in step.get("touchpoints", [])]
    raise AssertionError(step_id)


def test_reorder_touchpoints_with_the_keyboard_and_the_mouse(page: Page, server: str) -> None:
    page.goto(MAP)
    assert _touchpoints(server, STEP) == ["tp-checkout-zahlung", "tp-telefonbestellung"]
    card = page.locator('[data-touchpoint-id="tp-checkout-zahlung"]')
    card.scroll_into_view_if_needed()
    card.focus()
    page.keyboard.press("Alt+ArrowDown")
    expect(page.locator("#map")).to_have_attribute("data-revision", "3")
    assert _touchpoints(server, STEP) == ["tp-telefonbestellung", "tp-checkout-zahlung"]
    expect(page.locator('[data-touchpoint-id="tp-checkout-zahlung"]')).to_be_focused()

    # drag the card back to the top of its step, in small moves as a person does
    source = page.locator('[data-touchpoint-id="tp-checkout-zahlung"] .channel').bounding_box()
    target = page.locator('[data-touchpoint-id="tp-telefonbestellung"]').bounding_box()
    assert source and target
    x0, y0 = source["x"] + source["width"] / 2, source["y"] + source["height"] / 2
    x1, y1 = x0, target["y"] + 4
    page.mouse.move(x0, y0)
    page.mouse.down()
    for i in range(1, 21):
        page.mouse.move(x0 + (x1 - x0) * i / 20, y0 + (y1 - y0) * i / 20)
        page.wait_for_timeout(15)
    page.mouse.up()
    expect(page.locator("#map")).to_have_attribute("data-revision", "4")
    assert _touchpoints(server, STEP) == ["tp-checkout-zahlung", "tp-telefonbestellung"]
