"""The pages through the ASGI app: what htmx and the map's script get back, in both languages."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.conftest import DEMO_JOURNEY, head

HTMX = {"HX-Request": "true"}
MAP = f"/journeys/{DEMO_JOURNEY}"


def test_projects_page_lists_the_demo_project_in_german_by_default(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert '<html lang="de">' in page.text
    assert "Beetwerk: Neukunden aus dem Preisvergleich" in page.text
    assert "Projekte" in page.text


def test_language_from_query_cookie_and_accept_language(client: TestClient) -> None:
    assert '<html lang="en">' in client.get("/", headers={"Accept-Language": "en-GB"}).text
    chosen = client.get("/?lang=en")
    assert chosen.cookies.get("journeykit_lang") == "en"
    assert '<html lang="en">' in client.get("/").text  # the cookie remembers
    assert '<html lang="de">' in client.get("/?lang=de").text


def test_map_page_shows_phases_steps_lanes_and_the_curve(client: TestClient) -> None:
    page = client.get(MAP).text
    assert page.count('class="step" id="step-') == 19
    assert page.count('class="phase"') == 7
    assert 'class="journeykit-emotion-curve"' in page
    assert page.count('class="emotion-point"') >= 19
    assert 'role="slider"' in page
    for lane in ("Painpoints", "Lovepoints", "Optimierungspotenziale", "Backstage"):
        assert lane in page
    assert 'data-revision="2"' in page
    assert "cdn" not in page.lower() and "https://" not in page


def test_hidden_lanes_are_left_out_and_remembered(client: TestClient) -> None:
    page = client.get(MAP, params=[("hide", ""), ("hide", "backstage"), ("hide", "emotions")])
    assert 'data-lane="backstage"' not in page.text
    assert "journeykit-emotion-curve" not in page.text
    assert 'data-lane="pain_points"' in page.text
    again = client.get(MAP).text
    assert 'data-lane="backstage"' not in again
    shown = client.get(MAP, params={"hide": ""}).text
    assert 'data-lane="backstage"' in shown


def test_an_edit_from_the_page_answers_with_the_new_map(client: TestClient) -> None:
    response = client.post(
        f"{MAP}/steps",
        data={"base_revision": "2", "phase_id": "awareness", "title": "Preis-Alarm setzen"},
        headers=HTMX,
    )
    assert response.status_code == 200
    assert response.text.lstrip().startswith('<div id="map"')
    assert 'data-revision="3"' in response.text and "Preis-Alarm setzen" in response.text


def test_a_plain_form_post_redirects_to_the_map(client: TestClient) -> None:
    response = client.post(
        f"{MAP}/phases",
        data={"base_revision": "2", "name_de": "Empfehlung"},
        follow_redirects=False,
    )
    assert response.status_code == 303 and response.headers["location"] == MAP
    assert "Empfehlung" in client.get(MAP).text


def test_a_stale_edit_shows_both_versions_and_keeps_the_users_text(client: TestClient) -> None:
    item = "st-bezahlen.pain-1"
    assert f'data-item-id="{item}"' in client.get(MAP).text
    first = client.post(
        f"{MAP}/items/{item}", data={"base_revision": "2", "text": "Erste"}, headers=HTMX
    )
    assert first.status_code == 200
    stale = client.post(
        f"{MAP}/items/{item}", data={"base_revision": "2", "text": "Meine Fassung"}, headers=HTMX
    )
    assert stale.status_code == 409
    assert stale.headers["HX-Retarget"] == "#notice"
    assert "Meine Fassung" in stale.text  # the user's text is kept
    assert "Erste" in stale.text  # the current version is shown
    assert 'hx-swap-oob="outerHTML"' in stale.text and 'data-revision="3"' in stale.text
    assert head(client) == 3


def test_a_blank_title_is_refused_next_to_the_field(client: TestClient) -> None:
    response = client.post(
        f"{MAP}/steps/st-bezahlen",
        data={"base_revision": "2", "title": "  "},
        headers={**HTMX, "HX-Trigger": "rename", "Accept-Language": "en"},
    )
    assert response.status_code == 422
    assert response.headers["HX-Retarget"] == "#rename-error"
    assert "must not be empty" in response.text and 'data-field="title"' in response.text
    assert head(client) == 2


def test_history_page_shows_the_diff_and_restores(client: TestClient) -> None:
    client.post(f"{MAP}/steps/st-bezahlen", data={"base_revision": "2", "title": "Kasse"})
    page = client.get(f"{MAP}/history", params={"old": 2, "new": 3}).text
    assert "Kasse" in page and "Bezahlen und bestellen" in page
    assert "<del>Bezahlen und bestellen</del>" in page and "<ins>Kasse</ins>" in page
    assert "<dt>Titel</dt>" in page  # the field's name in German
    restored = client.post(f"{MAP}/restore", data={"revision": "2"}, follow_redirects=False)
    assert restored.status_code == 303
    assert head(client) == 4
    assert "Bezahlen und bestellen" in client.get(MAP).text


def test_to_be_is_derived_and_shown_beside_the_as_is(client: TestClient) -> None:
    made = client.post(f"{MAP}/to-be", follow_redirects=False)
    assert made.status_code == 303
    page = client.get(f"{MAP}/compare").text
    assert page.count("<svg") >= 2
    assert "Ist" in page and "Soll" in page


def test_facts_page_links_evidence_to_its_steps(client: TestClient) -> None:
    page = client.get(f"{MAP}/facts", params={"step": "st-versandkosten-entdecken"}).text
    assert 'id="ev-zitat-versandkosten"' in page
    assert f'href="{MAP}#step-st-versandkosten-entdecken"' in page
    assert 'id="ev-beobachtung-hotline"' not in page  # another step's evidence


def test_project_edit_saves_every_journey_and_shows_field_errors(client: TestClient) -> None:
    url = "/projects/pr-beetwerk-preisvergleich"
    base = {f"base.{DEMO_JOURNEY}": "2", "goal": "Mehr Wiederkäufer", "who": "Neukunden"}
    refused = client.post(url, data={**base, "name": " "})
    assert refused.status_code == 422
    assert 'class="field-error"' in refused.text and "darf nicht leer sein" in refused.text
    assert "Mehr Wiederkäufer" in refused.text  # the user's input stays in the form
    saved = client.post(url, data={**base, "name": "Beetwerk Neukunden"}, follow_redirects=False)
    assert saved.status_code == 303
    project = client.get("/api/v1/projects/pr-beetwerk-preisvergleich").json()
    assert project["name"] == "Beetwerk Neukunden" and project["goal"] == "Mehr Wiederkäufer"
    assert head(client) == 3


def test_persona_editor_saves_list_fields_one_per_line(client: TestClient) -> None:
    url = "/personas/pe-sabine-sparfuchs"
    assert "Sparfuchs Sabine" in client.get(url).text
    saved = client.post(
        url,
        data={
            f"base.{DEMO_JOURNEY}": "2",
            "name": "Sparfuchs Sabine",
            "goals": "Günstig\n\nSchnell",
        },
        follow_redirects=False,
    )
    assert saved.status_code == 303
    persona = client.get("/api/v1/personas/pe-sabine-sparfuchs").json()
    assert persona["goals"] == ["Günstig", "Schnell"]
    stale = client.post(url, data={f"base.{DEMO_JOURNEY}": "2", "name": "Sabine"})
    assert stale.status_code == 409
    assert "inzwischen geändert" in stale.text


def test_new_journey_from_the_projects_page(client: TestClient) -> None:
    blank = client.post("/journeys", data={"title": "  "})
    assert blank.status_code == 422 and "darf nicht leer sein" in blank.text
    made = client.post(
        "/journeys",
        data={"title": "Kauf im Laden", "project_id": "pr-beetwerk-preisvergleich"},
        follow_redirects=False,
    )
    assert made.status_code == 303 and made.headers["location"] == "/journeys/kauf-im-laden"
    page = client.get("/journeys/kauf-im-laden").text
    assert page.count('class="phase"') == 5  # without the optional phases when unchecked
    assert "Noch keine Schritte" in page


def test_new_persona_from_the_project_page(client: TestClient) -> None:
    url = "/projects/pr-beetwerk-preisvergleich/personas"
    refused = client.post(url, data={f"base.{DEMO_JOURNEY}": "2", "persona_name": ""})
    assert refused.status_code == 422
    assert 'id="f-persona_name-error"' in refused.text
    made = client.post(
        url,
        data={f"base.{DEMO_JOURNEY}": "2", "persona_name": "Profi Paul"},
        follow_redirects=False,
    )
    assert made.status_code == 303
    assert "Profi Paul" in client.get(made.headers["location"]).text


def test_emotion_rating_is_set_kept_and_cleared_from_the_page(client: TestClient) -> None:
    url = f"{MAP}/steps/st-bezahlen/emotions/pe-sabine-sparfuchs"

    def rating() -> str | None:
        doc = client.get(f"/api/v1/journeys/{DEMO_JOURNEY}").json()
        for phase in doc["journey"]["phases"]:
            for step in phase.get("steps", []):
                if step["id"] == "st-bezahlen":
                    for emotion in step["lanes"]["emotions"]:
                        if emotion["persona_id"] == "pe-sabine-sparfuchs":
                            found: str | None = emotion.get("rating")
                            return found
        raise AssertionError("no emotion")

    set_ = client.post(
        url, data={"base_revision": "2", "score": "1", "rating": "delighting"}, headers=HTMX
    )
    assert set_.status_code == 200 and rating() == "delighting"
    kept = client.post(url, data={"base_revision": "3", "score": "-1"}, headers=HTMX)
    assert kept.status_code == 200 and rating() == "delighting"
    cleared = client.post(
        url, data={"base_revision": "4", "score": "-1", "rating": "none"}, headers=HTMX
    )
    assert cleared.status_code == 200 and rating() is None
    assert 'class="rating-input"' in cleared.text and "begeisternd" in cleared.text


def test_a_score_out_of_range_from_the_page_is_a_field_error(client: TestClient) -> None:
    response = client.post(
        f"{MAP}/steps/st-bezahlen/emotions/pe-sabine-sparfuchs",
        data={"base_revision": "2", "score": "5"},
        headers=HTMX,
    )
    assert response.status_code == 422
    assert "−2 bis +2" in response.text and 'data-field="score"' in response.text


def test_the_diff_places_changes_in_the_users_language(client: TestClient) -> None:
    client.post(
        f"{MAP}/steps/st-hotline-fragen/move",
        data={"base_revision": "2", "phase_id": "acquisition", "position": "0"},
    )
    client.post(f"{MAP}/items/st-bezahlen.pain-1", data={"base_revision": "3", "text": "Neu"})
    german = client.get(f"{MAP}/history", params={"old": 2, "new": 4}).text
    assert "in Phase Überlegung → in Phase Kauf" in german
    assert "Painpoints · bei „Bezahlen und bestellen“" in german
    english = client.get(f"{MAP}/history", params={"old": 2, "new": 4, "lang": "en"}).text
    assert "in phase Consideration → in phase Acquisition" in english
    assert "Pain points · at “Bezahlen und bestellen”" in english


def test_markup_in_a_text_is_shown_as_text_never_run(client: TestClient) -> None:
    attack = '<script>alert("x")</script><img src=x onerror="alert(1)">'
    response = client.post(
        f"{MAP}/steps/st-bezahlen/lanes/needs",
        data={"base_revision": "2", "text": attack},
        headers=HTMX,
    )
    assert response.status_code == 200
    for page in (response.text, client.get(MAP).text, client.get(f"{MAP}/history").text):
        assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert" in response.text


def test_step_descriptions_show_and_edit_in_place(client: TestClient) -> None:
    page = client.get(MAP).text
    assert "Die Saison beginnt: Ein Hochbeet" in page
    url = f"{MAP}/steps/st-projekt-planen/description"
    changed = client.post(url, data={"base_revision": "2", "description": "Kurz"}, headers=HTMX)
    assert changed.status_code == 200 and ">Kurz</p>" in changed.text
    cleared = client.post(url, data={"base_revision": "3", "description": ""}, headers=HTMX)
    assert cleared.status_code == 200
    doc = client.get(f"/api/v1/journeys/{DEMO_JOURNEY}").json()
    first = doc["journey"]["phases"][0]["steps"][0]
    assert first["id"] == "st-projekt-planen" and "description" not in first
