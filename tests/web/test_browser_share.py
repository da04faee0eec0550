"""Comments, share links and the presentation in a real browser (Debian's Chromium).

Comment on a pain point and mention someone, resolve the thread; make a password-protected
share link that hides the backstage, open it in a fresh browser context, see only the allowed
lanes and walk the presentation with the arrow keys.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, Playwright, expect, sync_playwright

from tests.web.conftest import DEMO_JOURNEY
from tests.web.live import api_json, keep_screenshot, launch, log_in, running_server

MAP = f"/journeys/{DEMO_JOURNEY}"
PAIN = "st-produkt-suchen.pain-1"
PASSWORD = "Beet-2026!"


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


def new_page(browser: Browser, server: str, errors: list[str], locale: str = "de-DE") -> Page:
    """A tab in a fresh context (no cookies), collecting script errors."""
    context = browser.new_context(
        base_url=server, locale=locale, viewport={"width": 1600, "height": 1000}
    )
    tab = context.new_page()
    tab.on("pageerror", lambda error: errors.append(str(error)))
    return tab


@pytest.fixture
def page(browser: Browser, server: str) -> Iterator[Page]:
    errors: list[str] = []
    tab = new_page(browser, server, errors)
    log_in(tab)
    yield tab
    tab.context.close()
    assert errors == [], errors


def api(server: str, path: str) -> Any:
    return api_json(server, path)


def test_comment_mention_and_resolve_on_the_map(page: Page, server: str) -> None:
    page.goto(MAP)
    item = page.locator(f'.item[data-item-id="{PAIN}"]')
    badge = item.locator(".comment-badge")
    expect(badge).to_have_count(1)
    item.hover()
    badge.click()
    panel = page.locator("#comments-panel")
    expect(panel).to_be_visible()
    expect(panel.locator(".comments-about")).to_contain_text("Unübersichtlich viele Angebote")
    field = panel.locator("#new-comment")
    expect(field).to_be_focused()
    field.fill("@Browser bitte prüfen <script>window.__injected = 1</script><b>fett</b>")
    panel.get_by_role("button", name="Kommentieren").click()

    thread = panel.locator(".thread")
    expect(thread).to_have_count(1)
    expect(thread.locator(".mention")).to_have_text("@Browser")
    # The script is text on the page, never run; the tag is not markup.
    expect(thread.locator(".comment-body")).to_contain_text(
        "<script>window.__injected = 1</script>"
    )
    assert page.evaluate("window.__injected") is None
    expect(thread.locator(".comment-body b")).to_have_count(0)
    # The badge counts the comment and marks the thread open.
    expect(badge).to_have_text("1")
    expect(badge).to_have_class("comment-badge has-comments has-open")
    expect(page.locator("[data-open-threads]")).to_have_text("1")
    keep_screenshot(page, "comments")

    thread.get_by_role("button", name="Erledigt").click()
    expect(panel.locator(".thread-state")).to_contain_text("Erledigt von Browser")
    expect(badge).to_have_class("comment-badge has-comments")
    expect(page.locator("[data-open-threads]")).to_be_hidden()
    [stored] = api(server, f"/api/v1/journeys/{DEMO_JOURNEY}/comments")
    assert stored["resolved"] is True and stored["comments"][0]["mentions"] == ["Browser"]

    # Reply in the panel, then find the mention in "mentions me".
    thread = panel.locator(".thread")
    thread.locator("textarea").fill("Doch noch offen")
    thread.get_by_role("button", name="Antworten").click()
    expect(panel.locator(".thread .comment")).to_have_count(2)
    expect(badge).to_have_class("comment-badge has-comments has-open")
    page.get_by_role("link", name="Erwähnungen").click()
    expect(page.locator(".mention-entry")).to_have_count(1)
    expect(page.locator(".mention-entry .mention")).to_have_text("@Browser")


def test_a_shared_link_in_a_fresh_browser_walks_with_the_keyboard(
    browser: Browser, page: Page, server: str
) -> None:
    page.goto(f"{MAP}/share")
    expect(page.locator('input[name="hidden_lanes"][value="backstage"]')).to_be_checked()
    page.locator("#share-label").fill("Workshop Vertrieb")
    page.locator("#share-password").fill(PASSWORD)
    page.get_by_role("button", name="Link erstellen").click()
    url = page.locator("#share-url").input_value()
    assert "/s/" in url
    expect(page.locator("tr[data-link-id]")).to_have_count(1)

    backstage = [
        item["text"]
        for phase in api(server, f"/api/v1/journeys/{DEMO_JOURNEY}")["journey"]["phases"]
        for step in phase["steps"]
        for item in step["lanes"].get("backstage", [])
    ]
    assert backstage

    errors: list[str] = []
    visitor = new_page(browser, server, errors, locale="en-GB")
    try:
        visitor.goto(url)
        expect(visitor.locator("h1")).to_have_text("Protected journey")
        visitor.locator("#share-password").fill("wrong password")
        visitor.get_by_role("button", name="Open").click()
        expect(visitor.locator(".form-error")).to_have_text("The password is not right.")
        visitor.locator("#share-password").fill(PASSWORD)
        visitor.get_by_role("button", name="Open").click()

        counter = visitor.get_by_test_id("present-counter")
        expect(counter).to_have_text("Step 1 of 19")
        html = visitor.content()
        for text in backstage:
            assert text not in html
        assert "data-edit-url" not in html and "comments-panel" not in html
        expect(visitor.locator(".slide:visible")).to_have_count(1)
        keep_screenshot(visitor, "present")

        visitor.keyboard.press("ArrowRight")
        expect(counter).to_have_text("Step 2 of 19")
        expect(visitor.locator(".slide:visible")).to_have_attribute("data-index", "1")
        visitor.keyboard.press("ArrowLeft")
        expect(counter).to_have_text("Step 1 of 19")
        visitor.keyboard.press("End")
        expect(counter).to_have_text("Step 19 of 19")
        visitor.keyboard.press("Home")
        # ↓ jumps to the first step of the next phase (the demo's first phase has 2 steps).
        visitor.keyboard.press("ArrowDown")
        expect(counter).to_have_text("Step 3 of 19")
        expect(visitor.locator('.present-phases a[aria-current="true"]')).to_have_count(1)
        visitor.keyboard.press("ArrowUp")
        expect(counter).to_have_text("Step 1 of 19")
        # Escape in a share link leads nowhere else: it stays on the presentation.
        visitor.keyboard.press("Escape")
        expect(counter).to_have_text("Step 1 of 19")
        assert visitor.url.startswith(url)
    finally:
        visitor.context.close()
    assert errors == [], errors


def test_the_signed_in_presentation_escapes_back_to_the_map(page: Page) -> None:
    page.goto(f"{MAP}/present#slide-4")
    expect(page.get_by_test_id("present-counter")).to_have_text("Schritt 4 von 19")
    expect(page.locator(".curve-marker")).to_be_visible()
    page.get_by_role("button", name="Weiter").click()
    expect(page.get_by_test_id("present-counter")).to_have_text("Schritt 5 von 19")
    assert page.url.endswith("#slide-5")
    page.keyboard.press("Escape")
    expect(page.locator("#map")).to_be_visible()


def test_comments_open_from_the_keyboard_and_escape_returns(page: Page) -> None:
    page.goto(MAP)
    item = page.locator('.item[data-item-id="st-produkt-suchen.love-1"]')
    expect(item.locator(".comment-badge")).to_have_count(1)
    item.focus()
    page.keyboard.press("c")
    panel = page.locator("#comments-panel")
    expect(panel).to_be_visible()
    expect(panel.locator("#new-comment")).to_be_focused()
    page.keyboard.type("Per Tastatur")
    panel.get_by_role("button", name="Kommentieren").focus()
    page.keyboard.press("Enter")
    expect(panel.locator(".thread .comment-body")).to_have_text("Per Tastatur")
    expect(item.locator(".comment-badge")).to_have_text("1")
    panel.locator(".thread textarea").focus()
    page.keyboard.press("Escape")
    expect(panel).to_be_hidden()
    expect(item).to_be_focused()


def test_full_screen_on_the_button_and_every_step_without_script(
    browser: Browser, page: Page, server: str
) -> None:
    page.goto(f"{MAP}/present")
    button = page.get_by_role("button", name="Vollbild")
    expect(button).to_be_visible()
    button.click()
    page.wait_for_function("document.fullscreenElement !== null")
    assert page.evaluate("document.fullscreenElement.id") == "present"
    expect(page.get_by_role("button", name="Vollbild beenden")).to_be_visible()
    page.keyboard.press("ArrowRight")
    expect(page.get_by_test_id("present-counter")).to_have_text("Schritt 2 von 19")

    context = browser.new_context(base_url=server, java_script_enabled=False)
    try:
        plain = context.new_page()
        log_in(plain)
        plain.goto(f"{MAP}/present")
        expect(plain.locator(".slide:visible")).to_have_count(19)
        expect(plain.locator(".present-fullscreen")).to_be_hidden()
    finally:
        context.close()
