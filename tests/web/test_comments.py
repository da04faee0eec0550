"""Comments through the app: threads, mentions, resolve and reopen, limits, script, export."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from openpyxl import load_workbook

from journeykit.model.comment_annex import MAX_COMMENT_CHARS
from journeykit.store import Workspace
from journeykit.web.services.actor import Actor
from journeykit.web.services.comments import add_comment, mentions_of
from tests.web.conftest import DEMO_JOURNEY, OTHER_PROJECT, head

API = f"/api/v1/journeys/{DEMO_JOURNEY}"
STEP = "st-produkt-suchen"
PAIN = "st-produkt-suchen.pain-1"
HTMX = {"HX-Request": "true"}


def comment(client: TestClient, body: str, *, item: str | None = PAIN) -> dict[str, Any]:
    answer = client.post(f"{API}/comments", json={"step_id": STEP, "item_id": item, "body": body})
    assert answer.status_code == 201, answer.text
    data: dict[str, Any] = answer.json()
    return data


def threads(client: TestClient, **params: str) -> list[dict[str, Any]]:
    answer = client.get(f"{API}/comments", params=params)
    assert answer.status_code == 200
    data: list[dict[str, Any]] = answer.json()
    return data


def test_a_thread_is_a_comment_and_its_replies_in_order(client: TestClient) -> None:
    first = comment(client, "Zu viele Angebote: woher kommt das?")
    answer = client.post(f"{API}/comments/{first['id']}/replies", json={"body": "Vom Feed."})
    assert answer.status_code == 201
    second = client.post(f"{API}/comments/{first['id']}/replies", json={"body": "Danke!"})
    [thread] = threads(client)
    assert thread["target"] == f"item:{PAIN}"
    assert thread["lane"] == "pain_points"
    assert thread["on"].startswith("Unübersichtlich viele Angebote")
    assert [c["body"] for c in thread["comments"]] == [
        "Zu viele Angebote: woher kommt das?",
        "Vom Feed.",
        "Danke!",
    ]
    assert {c["thread"] for c in thread["comments"]} == {first["id"]}
    # A reply to a reply lands in the same thread.
    client.post(f"{API}/comments/{second.json()['id']}/replies", json={"body": "Gern."})
    assert len(threads(client)[0]["comments"]) == 4


def test_a_comment_makes_no_revision(client: TestClient) -> None:
    before = head(client)
    comment(client, "Nur eine Frage")
    assert head(client) == before


def test_mentions_are_matched_against_known_people_and_listed_for_them(
    client: TestClient,
) -> None:
    # Only accounts can be mentioned: the demo's revision author "journeykit demo" is none.
    made = comment(client, "@viola bitte prüfen, cc @Tester und @niemand; @journeykit demo")
    assert made["mentions"] == ["Tester", "viola"]
    assert made["unknown_mentions"] == ["niemand", "journeykit"]
    mine = client.get("/api/v1/mentions").json()
    assert [m["id"] for m in mine] == [made["id"]]
    assert mine[0]["journey_title"]
    page = client.get("/mentions")
    assert page.status_code == 200
    assert '<span class="mention">@Tester</span>' in page.text
    assert "Über PreisRadar" in page.text  # the journey's title


def test_mentions_me_is_empty_for_someone_not_mentioned(client: TestClient) -> None:
    comment(client, "@journeykit demo schau mal")
    assert client.get("/api/v1/mentions").json() == []
    assert "Niemand hat Sie bisher erwähnt." in client.get("/mentions").text


def test_resolve_and_reopen_a_thread(client: TestClient) -> None:
    first = comment(client, "Erledigen wir das?")
    resolved = client.post(f"{API}/comments/{first['id']}/resolve")
    assert resolved.status_code == 200 and resolved.json()["resolved"] is True
    [thread] = threads(client)
    assert thread["resolved"] is True and thread["resolved_by"] == "Tester"
    assert threads(client, open_only="true") == []
    counts = client.get(f"{API}/comments/counts").json()
    assert counts == {f"item:{PAIN}": {"comments": 1, "open": 0}}
    client.post(f"{API}/comments/{first['id']}/reopen")
    assert threads(client)[0]["resolved"] is False
    assert client.get(f"{API}/comments/counts").json()[f"item:{PAIN}"]["open"] == 1


def test_a_reply_reopens_a_resolved_thread(client: TestClient) -> None:
    first = comment(client, "Fertig?")
    client.post(f"{API}/comments/{first['id']}/resolve")
    client.post(f"{API}/comments/{first['id']}/replies", json={"body": "Noch nicht."})
    assert threads(client)[0]["resolved"] is False


def test_resolve_and_reply_through_the_map_panel(client: TestClient) -> None:
    target = f"item:{PAIN}"
    posted = client.post(
        f"/journeys/{DEMO_JOURNEY}/comments",
        data={"target": target, "body": "Aus dem Panel @Tester"},
        headers=HTMX,
    )
    assert posted.status_code == 200
    assert posted.headers["HX-Trigger"] == "journeykit:comments-changed"
    assert "Aus dem Panel" in posted.text and 'class="mention"' in posted.text
    thread_id = threads(client)[0]["id"]
    resolved = client.post(f"/journeys/{DEMO_JOURNEY}/comments/{thread_id}/resolve", headers=HTMX)
    assert "Erledigt von Tester" in resolved.text
    reopened = client.post(f"/journeys/{DEMO_JOURNEY}/comments/{thread_id}/reopen", headers=HTMX)
    assert "Erledigt von" not in reopened.text and "Wieder öffnen" not in reopened.text
    # Without htmx a plain form answers with a redirect to the comments page.
    plain = client.post(
        f"/journeys/{DEMO_JOURNEY}/comments/{thread_id}/replies",
        data={"body": "ohne htmx"},
        follow_redirects=False,
    )
    assert plain.status_code == 303
    assert plain.headers["location"] == f"/journeys/{DEMO_JOURNEY}/comments?target={target}"


def test_an_oversized_comment_is_refused_and_nothing_is_stored(client: TestClient) -> None:
    answer = client.post(
        f"{API}/comments",
        json={"step_id": STEP, "body": "x" * (MAX_COMMENT_CHARS + 1)},
    )
    assert answer.status_code == 422
    body = answer.json()
    assert body["code"] == "comment_too_long" and body["field"] == "body"
    assert "10001" in body["error"].replace(".", "").replace(",", "")
    assert threads(client) == []
    # The limit itself is fine.
    comment(client, "y" * MAX_COMMENT_CHARS, item=None)
    assert len(threads(client)) == 1


def test_an_oversized_comment_in_the_panel_keeps_the_text_and_says_why(
    client: TestClient,
) -> None:
    answer = client.post(
        f"/journeys/{DEMO_JOURNEY}/comments",
        data={"target": f"step:{STEP}", "body": "z" * (MAX_COMMENT_CHARS + 5)},
        headers=HTMX,
    )
    assert answer.status_code == 422
    assert "höchstens 10000 sind erlaubt" in answer.text
    assert "z" * 100 in answer.text
    assert threads(client) == []


def test_an_empty_comment_is_refused(client: TestClient) -> None:
    answer = client.post(f"{API}/comments", json={"step_id": STEP, "body": "   "})
    assert answer.status_code == 422 and answer.json()["field"] == "body"


def test_a_comment_on_an_unknown_step_names_the_nearest(client: TestClient) -> None:
    answer = client.post(f"{API}/comments", json={"step_id": "st-produkt-suche", "body": "?"})
    assert answer.status_code == 404
    assert "st-produkt-suchen" in answer.json()["hint"]


def test_script_in_a_comment_is_escaped(client: TestClient) -> None:
    comment(client, '<script>alert("x")</script><img src=x onerror=alert(1)>')
    panel = client.get(
        f"/journeys/{DEMO_JOURNEY}/comments", params={"target": f"item:{PAIN}"}, headers=HTMX
    )
    assert "<script>alert" not in panel.text and "<img src=x" not in panel.text
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in panel.text
    page = client.get(f"/journeys/{DEMO_JOURNEY}/comments")
    assert "<script>alert" not in page.text and "&lt;img src=x" in page.text


def test_a_comment_on_a_removed_item_stays_visible(client: TestClient) -> None:
    comment(client, "Dieser Eintrag ist wichtig")
    deleted = client.delete(f"{API}/items/{PAIN}", params={"base_revision": head(client)})
    assert deleted.status_code == 200, deleted.text
    [thread] = threads(client)
    assert thread["removed"] is True and thread["on"].startswith("Unübersichtlich")
    page = client.get(f"/journeys/{DEMO_JOURNEY}/comments")
    assert "zu einem entfernten Eintrag: „Unübersichtlich" in page.text
    assert "Dieser Eintrag ist wichtig" in page.text


def test_a_thread_of_another_journey_is_not_found_and_nothing_changes(
    client: TestClient,
) -> None:
    first = comment(client, "Auf der Ist-Journey")
    made = client.post(f"{API}/to-be")
    assert made.status_code == 201, made.text
    other = made.json()["journey_id"]
    for action in ("resolve", "reopen"):
        answer = client.post(f"/api/v1/journeys/{other}/comments/{first['id']}/{action}")
        assert answer.status_code == 404
    reply = client.post(
        f"/api/v1/journeys/{other}/comments/{first['id']}/replies", json={"body": "fremd"}
    )
    assert reply.status_code == 404
    [thread] = threads(client)
    assert len(thread["comments"]) == 1 and thread["resolved"] is False


def test_the_map_links_comments_share_and_presentation(client: TestClient) -> None:
    page = client.get(f"/journeys/{DEMO_JOURNEY}")
    assert 'id="comments-panel"' in page.text
    for path in ("comments", "share", "present"):
        assert f'href="/journeys/{DEMO_JOURNEY}/{path}"' in page.text
    # comments.js registers its map extension before map.js runs it.
    assert page.text.index("/static/js/comments.js") < page.text.index("/static/js/map.js")


def test_comments_export_with_the_journey_and_import_skips_them(client: TestClient) -> None:
    first = comment(client, "Exportier mich @Tester")
    client.post(f"{API}/comments/{first['id']}/replies", json={"body": "Antwort"})
    client.post(f"{API}/comments/{first['id']}/resolve")
    exported = client.get(f"{API}/export", params={"format": "yaml"})
    text = exported.content.decode("utf-8")
    assert "\ncomments:\n" in text
    assert "Exportier mich @Tester" in text and "resolved_by: Tester" in text
    as_json = client.get(f"{API}/export", params={"format": "json"}).json()
    assert [c["body"] for c in as_json["comments"]] == ["Exportier mich @Tester", "Antwort"]
    assert as_json["comments"][1]["thread"] == first["id"]
    # Importing the export changes nothing and writes no second copy of the comments.
    before = head(client)
    imported = client.post(
        "/api/v1/journeys/import",
        files={"file": (f"{DEMO_JOURNEY}.yaml", exported.content, "application/yaml")},
    )
    assert imported.status_code == 201, imported.text
    assert imported.json()["unchanged"] is True and head(client) == before
    assert len(threads(client)[0]["comments"]) == 2
    assert client.get(f"{API}/export", params={"format": "yaml"}).content == exported.content


def test_a_broken_comments_section_refuses_the_import_naming_the_line(
    client: TestClient,
) -> None:
    comment(client, "Hallo")
    text = client.get(f"{API}/export", params={"format": "yaml"}).content.decode()
    broken = text.replace("    author: Tester\n", "    author: Tester\n    colour: red\n", 1)
    answer = client.post(
        "/api/v1/journeys/import",
        files={"file": ("broken.yaml", broken.encode(), "application/yaml")},
    )
    assert answer.status_code == 422
    [issue] = answer.json()["issues"]
    assert issue["path"] == "comments[0].colour" and issue["code"] == "unknown_key"
    assert issue["line"] == broken.splitlines().index("    colour: red") + 1


def test_comments_in_the_csv_and_xlsx_exports(client: TestClient) -> None:
    comment(client, "=SUMME(A1) als Text", item=None)
    csv_text = client.get(f"{API}/export", params={"format": "csv"}).content.decode("utf-8-sig")
    assert "Kommentar-ID;Diskussion;Schritt-ID" in csv_text
    assert "'=SUMME(A1) als Text" in csv_text  # never a formula
    workbook = load_workbook(
        io.BytesIO(client.get(f"{API}/export", params={"format": "xlsx"}).content)
    )
    assert workbook.sheetnames == ["Einträge", "Karte", "Kommentare"]
    rows = list(workbook["Kommentare"].iter_rows(values_only=True))
    assert rows[0][:3] == ("Kommentar-ID", "Diskussion", "Schritt-ID")
    assert rows[1][7] == "=SUMME(A1) als Text" and rows[1][9] == "offen"


def test_mentions_can_be_kept_to_the_journeys_a_person_may_read(
    client: TestClient, demo_path: Path
) -> None:
    made = comment(client, "@Tester hier")
    with Workspace.open(demo_path) as ws:
        assert [m.comment.id for m in mentions_of(ws, "Tester")] == [made["id"]]
        assert mentions_of(ws, "Tester", journeys=[DEMO_JOURNEY])[0].comment.id == made["id"]
        assert mentions_of(ws, "Tester", journeys=["another-journey"]) == []


def test_only_the_author_deletes_a_comment_and_a_question_keeps_its_answers(
    client: TestClient, demo_path: Path
) -> None:
    first = comment(client, "Frage")
    answer = client.post(f"{API}/comments/{first['id']}/replies", json={"body": "Antwort"})
    reply_id = answer.json()["id"]
    refused = client.delete(f"{API}/comments/{first['id']}")
    assert refused.status_code == 409 and refused.json()["code"] == "comment_has_replies"
    # Someone else's comment is refused too.
    with Workspace.open(demo_path) as ws:
        other = add_comment(ws, DEMO_JOURNEY, actor=Actor("Anna"), body="Von Anna", step_id=STEP)
    assert client.delete(f"{API}/comments/{other.id}").status_code == 403
    panel = client.get(
        f"/journeys/{DEMO_JOURNEY}/comments", params={"target": f"item:{PAIN}"}, headers=HTMX
    )
    assert panel.text.count('class="comment-delete"') == 1  # only the own reply
    assert client.delete(f"{API}/comments/{reply_id}").status_code == 200
    assert client.delete(f"{API}/comments/{first['id']}").status_code == 200
    assert [t["comments"][0]["body"] for t in threads(client)] == ["Von Anna"]


def test_mentions_me_lists_only_journeys_of_my_projects(
    client: TestClient, client_as: Callable[[str], TestClient]
) -> None:
    made = comment(client, "@otto kennst du das?")
    assert made["mentions"] == ["otto"]
    # otto owns another project: the demo journey is not his to read, nor its comments
    otto = client_as("other_owner")
    assert otto.get("/api/v1/mentions").json() == []
    assert "Über PreisRadar" not in otto.get("/mentions").text
    viola = client_as("viewer")
    comment(client, "@viola bitte ansehen")
    assert [m["body"] for m in viola.get("/api/v1/mentions").json()] == ["@viola bitte ansehen"]


def test_a_commenter_cannot_post_to_another_projects_journey(
    demo_path: Path, client: TestClient, client_as: Callable[[str], TestClient]
) -> None:
    # A second journey, in the project that only otto owns.
    with Workspace.open(demo_path) as ws:
        demo = ws.journeys().get(DEMO_JOURNEY)
        assert demo.project is not None
        other = demo.model_copy(
            update={
                "project": demo.project.model_copy(update={"id": OTHER_PROJECT}),
                "journey": demo.journey.model_copy(
                    update={"id": "andere-journey", "project_id": OTHER_PROJECT}
                ),
            }
        )
        ws.journeys().save(other, author="Tester", message="other project", base_revision=None)
    body = {"step_id": STEP, "item_id": PAIN, "body": "Darf ich hier?"}
    carl = client_as("commenter")  # commenter in the demo project only
    refused = carl.post("/api/v1/journeys/andere-journey/comments", json=body)
    assert refused.status_code == 403 and refused.json()["code"] == "forbidden"
    assert client.get("/api/v1/journeys/andere-journey/comments").json() == []
    otto = client_as("other_owner")
    assert otto.post("/api/v1/journeys/andere-journey/comments", json=body).status_code == 201
    assert otto.post(f"{API}/comments", json=body).status_code == 403
