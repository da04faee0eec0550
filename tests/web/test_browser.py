"""The issue's story in a real browser: Debian's Chromium against a real journeykit server.

Open the demo map, add a step, drag it to another phase, change an emotion score, rename a
pain point, export a PDF and re-import the YAML, find the changes in the history and restore.
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
        base_url=server,
        locale="de-DE",
        viewport={"width": 1600, "height": 1000},
        accept_downloads=True,
    )
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    log_in(tab)
    yield tab
    context.close()
    assert errors == [], errors


def document(server: str) -> dict[str, Any]:
    data: dict[str, Any] = api_json(server, f"/api/v1/journeys/{DEMO_JOURNEY}")
    return data


def steps_by_phase(server: str) -> dict[str, list[str]]:
    return {
        p["id"]: [s["title"] for s in p.get("steps", [])]
        for p in document(server)["journey"]["phases"]
    }


def emotion(server: str, step_id: str, persona_id: str) -> int:
    for phase in document(server)["journey"]["phases"]:
        for step in phase.get("steps", []):
            if step["id"] == step_id:
                for entry in step["lanes"]["emotions"]:
                    if entry["persona_id"] == persona_id:
                        return int(entry["score"])
    raise AssertionError(f"no emotion of {persona_id} at {step_id}")


def revision(page: Page) -> str:
    return str(page.locator("#map").get_attribute("data-revision"))


def wait_for_revision(page: Page, number: int) -> None:
    expect(page.locator("#map")).to_have_attribute("data-revision", str(number))


def drag(page: Page, source: str, target: str) -> None:
    """Drag with the mouse in small moves, as a person does (SortableJS's fallback mode)."""
    start = page.locator(source).bounding_box()
    end = page.locator(target).bounding_box()
    assert start and end
    page.mouse.move(start["x"] + start["width"] / 2, start["y"] + start["height"] / 2)
    page.mouse.down()
    x0, y0 = start["x"] + start["width"] / 2, start["y"] + start["height"] / 2
    x1, y1 = end["x"] + 12, end["y"] + end["height"] / 2
    for i in range(1, 21):
        page.mouse.move(x0 + (x1 - x0) * i / 20, y0 + (y1 - y0) * i / 20)
        page.wait_for_timeout(15)
    page.mouse.up()


def test_the_new_users_story(page: Page, server: str, tmp_path: Path) -> None:
    page.goto(MAP)
    expect(page.locator("h1")).to_contain_text("Über PreisRadar zu Beetwerk")
    expect(page.locator(".step[data-step-id]")).to_have_count(19)
    expect(page.locator(".emotion-point").first).to_be_visible()
    keep_screenshot(page, "map")

    # add a step to the awareness phase
    page.locator('.phase-head[data-phase-id="awareness"] .add-step').click()
    editor = page.locator(".popover .inline-editor")
    editor.fill("Preis-Alarm einrichten")
    editor.press("Enter")
    wait_for_revision(page, 3)
    assert steps_by_phase(server)["awareness"][-1] == "Preis-Alarm einrichten"
    new_step = page.locator(".step[data-step-id]", has_text="Preis-Alarm einrichten")
    step_id = new_step.get_attribute("data-step-id")

    # drag it by its handle onto the first step of the consideration phase
    new_step.scroll_into_view_if_needed()
    drag(
        page,
        f'.step[data-step-id="{step_id}"] .drag-handle',
        '.step[data-step-id="st-produktseite-pruefen"] .step-head',
    )
    wait_for_revision(page, 4)
    by_phase = steps_by_phase(server)
    assert "Preis-Alarm einrichten" in by_phase["consideration"]
    assert "Preis-Alarm einrichten" not in by_phase["awareness"]

    # raise an emotion point with the keyboard, then drag another one down
    point = page.locator(
        '.emotion-point[data-step-id="st-bezahlen"][data-persona-id="pe-sabine-sparfuchs"]'
    )
    before = emotion(server, "st-bezahlen", "pe-sabine-sparfuchs")
    point.focus()
    page.keyboard.press("ArrowDown" if before == 2 else "ArrowUp")
    wait_for_revision(page, 5)
    expected = before - 1 if before == 2 else before + 1
    assert emotion(server, "st-bezahlen", "pe-sabine-sparfuchs") == expected
    expect(point).to_be_focused()

    dragged = page.locator(
        '.emotion-point[data-step-id="st-bestpreis-finden"][data-persona-id="pe-sabine-sparfuchs"]'
    )
    dragged.scroll_into_view_if_needed()
    box = dragged.bounding_box()
    curve = page.locator(".curve svg").bounding_box()
    assert box and curve
    cx, cy = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(cx, cy)
    page.mouse.down()
    page.mouse.move(cx, curve["y"] + 160, steps=8)  # near the bottom of the scale: -2
    page.mouse.up()
    wait_for_revision(page, 6)
    assert emotion(server, "st-bestpreis-finden", "pe-sabine-sparfuchs") == -2

    # rename a pain point in place
    pain = page.locator('[data-item-id="st-bezahlen.pain-1"] .item-text')
    pain.scroll_into_view_if_needed()
    pain.click()
    field = page.locator('[data-item-id="st-bezahlen.pain-1"] textarea')
    field.fill("Nur Vorkasse und Kreditkarte, kein Kauf auf Rechnung")
    field.press("Enter")
    wait_for_revision(page, 7)
    expect(page.locator('[data-item-id="st-bezahlen.pain-1"]')).to_contain_text(
        "kein Kauf auf Rechnung"
    )
    keep_screenshot(page, "map-edited")

    # export a PDF, then the YAML, change it and import it again
    page.locator("summary", has_text="Exportieren").click()
    with page.expect_download() as pdf_download:
        page.locator('.export-menu a[data-format="pdf"]').click()
    pdf = tmp_path / "karte.pdf"
    pdf_download.value.save_as(pdf)
    assert pdf.read_bytes().startswith(b"%PDF")
    with page.expect_download() as yaml_download:
        page.locator('.export-menu a[data-format="yaml"]').click()
    exported = tmp_path / "kauf.yaml"
    yaml_download.value.save_as(exported)
    text = exported.read_text(encoding="utf-8")
    assert "revision: 7" in text
    exported.write_text(text.replace("Lieferung verfolgen", "Sendung verfolgen"), encoding="utf-8")

    page.goto("/import")
    page.set_input_files("#import-file", str(exported))
    page.locator("form.form button[type=submit]").click()
    expect(page.locator(".notice-ok")).to_contain_text("Revision 8")

    # the history names every change; restore the demo's own revision
    rows = page.locator("table.revisions tbody tr")
    expect(rows).to_have_count(8)
    messages = page.locator("table.revisions .message").all_inner_texts()
    assert messages[0] == "Importiert aus kauf.yaml"
    assert any("Preis-Alarm einrichten" in m for m in messages)
    expect(page.locator(".diff")).to_contain_text("Sendung verfolgen")
    keep_screenshot(page, "history")
    page.locator('tr[data-revision="2"] button.restore').click()
    expect(page.locator(".notice-ok")).to_contain_text("Revision 2")
    page.goto(MAP)
    wait_for_revision(page, 9)
    expect(page.locator(".step[data-step-id]")).to_have_count(19)
    assert "Preis-Alarm einrichten" not in str(steps_by_phase(server))


def test_keyboard_moves_and_deletes_items(page: Page, server: str) -> None:
    page.goto(MAP)
    lane = '.items[data-step-id="st-bezahlen"][data-lane="actions"]'
    first = page.locator(f"{lane} > .item").first
    first_id = first.get_attribute("data-item-id")
    first.focus()
    page.keyboard.press("Alt+ArrowDown")
    wait_for_revision(page, 3)
    expect(page.locator(f"{lane} > .item").nth(1)).to_have_attribute("data-item-id", str(first_id))
    expect(page.locator(f'[data-item-id="{first_id}"]')).to_be_focused()
    page.keyboard.press("Alt+ArrowRight")
    wait_for_revision(page, 4)
    moved = page.locator(f'.items[data-lane="actions"] [data-item-id="{first_id}"]')
    expect(moved).to_have_count(1)
    assert moved.locator("xpath=..").get_attribute("data-step-id") != "st-bezahlen"
    moved.focus()
    page.keyboard.press("Delete")
    wait_for_revision(page, 5)
    expect(page.locator(f'[data-item-id="{first_id}"]')).to_have_count(0)
    expect(page.locator("#journey-revision")).to_have_text("Revision 5")

    # the toolbar's form outside the map is based on the revision the map shows now
    page.locator("#new-phase-name").fill("Empfehlung")
    page.get_by_role("button", name="Phase hinzufügen").click()
    wait_for_revision(page, 6)
    expect(page.locator(".phase-head").last).to_contain_text("Empfehlung")
    expect(page.locator("#new-phase-name")).to_have_value("")


def test_add_an_item_and_a_blank_one_is_refused_in_place(page: Page) -> None:
    page.goto(f"{MAP}?lang=en")
    cell = page.locator('.items[data-step-id="st-bezahlen"][data-lane="love_points"]')
    cell.locator("xpath=..").locator(".add-item").click()
    editor = cell.locator("textarea")
    editor.fill("Bezahlt in zwei Klicks")
    editor.press("Enter")
    wait_for_revision(page, 3)
    expect(cell.locator(".item").last).to_contain_text("Bezahlt in zwei Klicks")

    title = page.locator('.step-head[data-step-id="st-bezahlen"] .step-title')
    title.click()
    field = page.locator('.step-head[data-step-id="st-bezahlen"] textarea')
    field.fill("   ")
    field.press("Enter")
    expect(page.locator('.step-head[data-step-id="st-bezahlen"] .editor-error')).to_have_text(
        "must not be empty"
    )
    assert revision(page) == "3"
    field.press("Escape")

    # describe the step in place
    description = page.locator('.step-head[data-step-id="st-bezahlen"] .step-description')
    description.click()
    page.locator('.step-head[data-step-id="st-bezahlen"] .step-description textarea').fill(
        "Sabine zahlt am liebsten auf Rechnung."
    )
    page.keyboard.press("Enter")
    wait_for_revision(page, 4)
    expect(description).to_have_text("Sabine zahlt am liebsten auf Rechnung.")

    # type a score and choose the customer's rating beside it
    url = f"{MAP}/steps/st-bezahlen/emotions/pe-tobias-heimwerker"
    score = page.locator(f'.score-input[data-url="{url}"]')
    score.fill("-2")
    score.press("Tab")
    wait_for_revision(page, 5)
    page.locator(f'.rating-input[data-url="{url}"]').select_option("disappointing")
    wait_for_revision(page, 6)
    expect(page.locator(f'.rating-input[data-url="{url}"]')).to_have_value("disappointing")
    point = page.locator(
        '.emotion-point[data-step-id="st-bezahlen"][data-persona-id="pe-tobias-heimwerker"]'
    )
    expect(point).to_have_attribute("data-score", "-2")
    score = page.locator(f'.score-input[data-url="{url}"]')
    score.fill("7")
    score.press("Tab")
    expect(page.locator(".score .editor-error")).to_have_text(
        "must be a whole number from −2 to +2"
    )
    assert revision(page) == "6"


def test_an_edit_in_a_stale_tab_shows_both_versions(
    page: Page, browser: Browser, server: str
) -> None:
    page.goto(MAP)
    other = page.context.new_page()
    other.goto(MAP)
    other.locator('[data-item-id="st-bezahlen.pain-1"] .item-text').click()
    other.locator('[data-item-id="st-bezahlen.pain-1"] textarea').fill("Fassung aus Tab 2")
    other.keyboard.press("Enter")
    wait_for_revision(other, 3)

    page.locator('[data-item-id="st-bezahlen.pain-1"] .item-text').click()
    page.locator('[data-item-id="st-bezahlen.pain-1"] textarea').fill("Meine Fassung")
    page.keyboard.press("Enter")
    conflict = page.locator('[data-testid="conflict"]')
    expect(conflict).to_be_visible()
    expect(conflict.locator("textarea")).to_have_value("Meine Fassung")
    expect(conflict.locator(".their-text")).to_have_text("Fassung aus Tab 2")
    wait_for_revision(page, 3)  # the map beneath shows the current version
    keep_screenshot(page, "conflict")
    conflict.get_by_role("button", name="Meine Fassung auf die aktuelle anwenden").click()
    wait_for_revision(page, 4)
    expect(page.locator('[data-item-id="st-bezahlen.pain-1"]')).to_contain_text("Meine Fassung")
    expect(conflict).to_have_count(0)


def test_project_persona_and_side_by_side_pages(page: Page, server: str) -> None:
    page.goto("/")
    page.get_by_role("link", name="Beetwerk: Neukunden aus dem Preisvergleich").click()
    expect(page.locator("h1")).to_have_text("Beetwerk: Neukunden aus dem Preisvergleich")
    expect(page.locator(".scope dt")).to_have_count(4)
    keep_screenshot(page, "project")
    page.get_by_role("link", name="Sparfuchs Sabine").click()
    expect(page.locator(".persona-card h1")).to_have_text("Sparfuchs Sabine")
    keep_screenshot(page, "persona")
    page.goto(MAP)
    page.get_by_role("button", name="Soll-Journey anlegen").click()
    expect(page.locator(".side-by-side svg.journeykit-map")).to_have_count(2)
    keep_screenshot(page, "as-is-to-be")


def test_drag_a_phase_and_move_one_with_the_keyboard(page: Page, server: str) -> None:
    page.goto(MAP)
    drag(
        page,
        '.phase-head[data-phase-id="consideration"] .phase-count',
        '.phase-head[data-phase-id="unawareness"]',
    )
    wait_for_revision(page, 3)
    order = [p["id"] for p in document(server)["journey"]["phases"]]
    assert order.index("consideration") < order.index("awareness")
    before = order.index("unawareness")
    head = page.locator('.phase-head[data-phase-id="unawareness"]')
    head.focus()
    page.keyboard.press("Alt+ArrowRight")
    wait_for_revision(page, 4)
    order = [p["id"] for p in document(server)["journey"]["phases"]]
    assert order.index("unawareness") == before + 1
    expect(page.locator('.phase-head[data-phase-id="unawareness"]')).to_be_focused()


def test_add_and_rename_a_touchpoint(page: Page, server: str) -> None:
    page.goto(MAP)
    cell = page.locator('.step[data-step-id="st-bezahlen"] .cell-touchpoints')
    cell.locator(".add-touchpoint").click()
    form = cell.locator(".touchpoint-form")
    form.locator("[name=name]").fill("Rückruf der Hotline")
    form.locator("[name=channel]").select_option("phone")
    form.locator("[name=mode]").select_option("personal")
    form.get_by_role("button", name="Speichern").click()
    wait_for_revision(page, 3)
    added = cell.locator(".touchpoint", has_text="Rückruf der Hotline")
    expect(added).to_contain_text("persönlich")
    card = page.locator(f'[data-touchpoint-id="{added.get_attribute("data-touchpoint-id")}"]')
    card.locator(".tp-name").click()
    card.locator("textarea").fill("Rückruf durch die Hotline")
    card.locator("textarea").press("Enter")
    wait_for_revision(page, 4)
    steps = {s["id"]: s for p in document(server)["journey"]["phases"] for s in p.get("steps", [])}
    last = steps["st-bezahlen"]["touchpoints"][-1]
    assert (last["name"], last["channel"], last["mode"]) == (
        "Rückruf durch die Hotline",
        "phone",
        "personal",
    )


def test_pages_load_nothing_from_outside_this_server(page: Page, server: str) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    for path in ("/", MAP, f"{MAP}/history", f"{MAP}/facts", "/import", "/docs"):
        page.goto(path)
        page.wait_for_load_state("networkidle")
    expect(page.locator(".swagger-ui")).to_be_visible()
    outside = [url for url in requested if not url.startswith((server, "data:", "blob:"))]
    assert outside == []
    assert any(url.endswith(".woff2") for url in requested)  # the vendored font is used
