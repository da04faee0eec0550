"""Logging in and out in a real browser, edits carrying the CSRF token on their own, and a
real server's log free of passwords and tokens."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect, sync_playwright

from tests.web.conftest import DEMO_JOURNEY, ROLE_ACCOUNTS, TEST_PASSWORD
from tests.web.live import BROWSER_PASSWORD, api_json, api_token, launch, log_in, running_server

MAP = f"/journeys/{DEMO_JOURNEY}"


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as driver:
        chromium = launch(driver)
        yield chromium
        chromium.close()


def test_log_in_edit_and_log_out_and_nothing_of_it_reaches_the_log(
    browser: Browser, demo_path: Path, tmp_path: Path
) -> None:
    log_path = tmp_path / "server.log"
    with log_path.open("wb") as log, running_server(demo_path, log=log) as server:
        context = browser.new_context(base_url=server, locale="de-DE")
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))

        page.goto(MAP)
        assert "/login?next=" in page.url
        page.fill("#login-name", ROLE_ACCOUNTS["editor"][0])
        page.fill("#login-password", "wrong password!")
        page.click("form[action='/login'] button[type=submit]")
        expect(page.get_by_test_id("login-error")).to_contain_text("Name oder Passwort ist falsch")

        page.fill("#login-password", TEST_PASSWORD)
        page.click("form[action='/login'] button[type=submit]")
        page.wait_for_url(f"**{MAP}")
        expect(page.get_by_test_id("account-link")).to_contain_text("edith")

        # an htmx edit carries the session's CSRF token without any code in the form
        before = api_json(server, "/api/v1/journeys")[0]["revision"]
        page.fill("#new-phase-name", "Nachbetreuung")
        page.click("#add-phase button[type=submit]")
        expect(page.locator(".phase-head", has_text="Nachbetreuung")).to_be_visible()
        after = api_json(server, "/api/v1/journeys")[0]["revision"]
        assert after == before + 1
        history = api_json(server, f"/api/v1/journeys/{DEMO_JOURNEY}/history")
        assert history[0]["author"] == "edith"

        page.get_by_test_id("log-out").click()
        page.wait_for_url("**/login")
        page.goto(MAP)
        assert "/login?next=" in page.url
        token = api_token(server)
        context.close()
        assert errors == []
    logged = log_path.read_bytes().decode("utf-8", "replace")
    assert "journeykit serves" in logged  # the log was captured, so its absence proves something
    for secret in (TEST_PASSWORD, "wrong password!", BROWSER_PASSWORD, token):
        assert secret not in logged


def test_a_viewer_sees_the_map_but_no_edit_gets_through(browser: Browser, demo_path: Path) -> None:
    with running_server(demo_path) as server:
        context = browser.new_context(base_url=server, locale="de-DE")
        page = context.new_page()
        log_in(page, ROLE_ACCOUNTS["viewer"][0], TEST_PASSWORD)
        page.goto(MAP)
        expect(page.locator("h1")).to_contain_text("Über PreisRadar zu Beetwerk")
        before = api_json(server, "/api/v1/journeys")[0]["revision"]
        status = page.evaluate(
            """async (url) => (await fetch(url, {method: "POST",
                 body: new URLSearchParams({name_de: "X", base_revision: "1"})})).status""",
            f"{MAP}/phases",
        )
        assert status == 403
        assert api_json(server, "/api/v1/journeys")[0]["revision"] == before
        context.close()
