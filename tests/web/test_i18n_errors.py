"""Error pages and error messages in the request's language, with stable codes."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from journeykit.model.derive import derive_to_be
from journeykit.model.document import JourneyDocument
from journeykit.model.errors import JourneykitError
from journeykit.store import Workspace
from journeykit.web.error_texts import DOMAIN_TEXTS, HINT_TEXTS, domain_hint, domain_message
from journeykit.web.services import edits
from journeykit.web.services.journeys import StaleEdit
from journeykit.web.services.transfer import MAX_UPLOAD_BYTES, read_upload
from tests.web.conftest import ADMIN, DEMO_JOURNEY, head, log_in

GERMAN = {"Accept-Language": "de-DE,de;q=0.9"}
ENGLISH = {"Accept-Language": "en-GB,en;q=0.9"}


def message_of(page: str) -> str:
    found = re.search(r'<p class="error-message">([^<]*)</p>', page)
    assert found, page
    return found.group(1)


def hint_of(page: str) -> str:
    found = re.search(r'<p class="hint">([^<]*)</p>', page)
    assert found, page
    return found.group(1)


def test_an_unknown_page_answers_404_in_both_languages(client: TestClient) -> None:
    german = client.get("/no/such/page", headers=GERMAN)
    english = client.get("/no/such/page", headers=ENGLISH)
    assert german.status_code == english.status_code == 404
    assert message_of(german.text) == "Die Seite /no/such/page gibt es nicht."
    assert message_of(english.text) == "There is no page /no/such/page."
    assert "<title>Nicht gefunden · journeykit</title>" in german.text
    assert '<p class="error-status">Not found</p>' in english.text
    assert '<html lang="de">' in german.text and '<html lang="en">' in english.text


def test_an_unknown_journey_names_the_nearest_in_the_readers_language(
    client: TestClient,
) -> None:
    page = client.get("/journeys/preisvergleich-kaf", headers=GERMAN).text
    assert message_of(page) == (
        "„preisvergleich-kaf“ gibt es unter den Journeys dieses Arbeitsbereichs nicht."
    )
    assert hint_of(page) == "Meinten Sie „preisvergleich-kauf“?"
    api = client.get("/api/v1/journeys/preisvergleich-kaf", headers=ENGLISH).json()
    assert api["error"] == "“preisvergleich-kaf” is not among the journeys of this workspace."
    assert api["code"] == "not_found" and api["status"] == 404
    # the API's hint stays as the domain wrote it, for scripts
    assert api["hint"] == "did you mean 'preisvergleich-kauf'?"


def test_a_wrong_method_answers_405_with_the_allowed_ones(client: TestClient) -> None:
    page = client.delete("/", headers=GERMAN)
    assert page.status_code == 405 and "GET" in page.headers["allow"]
    assert message_of(page.text) == "Die Adresse / nimmt keine DELETE-Anfragen an."
    api = client.delete("/api/v1/journeys", headers=ENGLISH)
    assert api.status_code == 405 and "allow" in api.headers
    assert api.json() == {
        "ok": False,
        "error": "The address /api/v1/journeys does not accept DELETE requests.",
        "code": "method_not_allowed",
        "status": 405,
    }


def test_a_stale_edit_answers_409_in_the_readers_language(client: TestClient) -> None:
    body = {"base_revision": 1, "phase_id": "awareness", "title": "Neu"}
    german = client.post(f"/api/v1/journeys/{DEMO_JOURNEY}/steps", json=body, headers=GERMAN)
    assert german.status_code == 409 and german.json()["code"] == "conflict"
    assert german.json()["error"] == (
        f"Die Journey „{DEMO_JOURNEY}“ hat sich seit Revision 1 geändert, sie steht jetzt bei "
        f"Revision {head(client)}; nichts wurde gespeichert."
    )


def test_a_too_large_request_answers_413_in_both_languages(client: TestClient) -> None:
    body = b"x" * (MAX_UPLOAD_BYTES + 200 * 1024)
    kind = {"content-type": "multipart/form-data; boundary=x"}
    german = client.post("/import", content=body, headers={**kind, **GERMAN})
    english = client.post("/import", content=body, headers={**kind, **ENGLISH})
    assert german.status_code == english.status_code == 413
    assert message_of(german.text) == ("Die Anfrage ist zu groß; höchstens 5 MB werden angenommen.")
    assert '<p class="error-status">Too large</p>' in english.text


def test_an_invalid_request_answers_422_in_the_readers_language(client: TestClient) -> None:
    url = f"/api/v1/journeys/{DEMO_JOURNEY}/steps"
    wrong = client.post(url, json={"base_revision": "zwei", "title": "X"}, headers=GERMAN)
    assert wrong.status_code == 422 and wrong.json()["code"] == "invalid_request"
    assert wrong.json()["error"] == "base_revision: muss eine ganze Zahl sein"
    missing = client.post(url, json={"title": "X"}, headers=ENGLISH).json()
    assert missing["error"] == "base_revision: is required"
    assert missing["fields"][0]["type"] == "missing"


def test_an_unexpected_error_answers_500_in_both_languages(demo_path: Path) -> None:
    from journeykit.web.app import create_app

    app = create_app(demo_path, author="Tester")
    with TestClient(app, raise_server_exceptions=False) as broken:
        log_in(broken, ADMIN)
        # The workspace's database disappears under the running server.
        app.state.workspace.close()
        (demo_path / "journeykit.db").write_bytes(b"not a database" * 512)
        german = broken.get(f"/journeys/{DEMO_JOURNEY}/history", headers=GERMAN)
        english = broken.get("/api/v1/journeys", headers=ENGLISH)
    assert german.status_code == 500
    assert message_of(german.text) == (
        "Ein unerwarteter Fehler ist aufgetreten; es wurde nichts halb gespeichert."
    )
    assert english.status_code == 500 and english.json()["code"] == "internal"
    assert english.json()["error"] == "An unexpected error occurred; nothing was half-saved."


@pytest.fixture
def demo_doc(demo_path: Path) -> JourneyDocument:
    with Workspace.open(demo_path) as ws:
        return ws.journeys().get(DEMO_JOURNEY)


def raised(action: Callable[[], object]) -> JourneykitError:
    with pytest.raises(JourneykitError) as caught:
        action()
    return caught.value


def real_errors(doc: JourneyDocument, workspace: Path) -> list[JourneykitError]:
    """One real error for each sentence the web translates, raised by the code that raises it."""
    ws = Workspace.open(workspace)
    to_be = derive_to_be(doc)
    changed = doc.model_copy(update={"journey": doc.journey.model_copy(update={"title": "Neu"})})
    errors = [
        raised(lambda: ws.journeys().get("preisvergleich-kaf")),
        raised(lambda: ws.journeys().get(DEMO_JOURNEY, 99)),
        raised(lambda: ws.journeys().save(changed, author="T", message="", base_revision=None)),
        raised(lambda: edits.find_step(doc, "st-nope")),
        raised(lambda: edits.check_lane("painpoints")),
        raised(lambda: edits.find_item(doc, "it-nope")),
        raised(lambda: edits.find_touchpoint(doc, "tp-nope")),
        raised(lambda: edits.delete_step(doc, "st-versandkosten-entdecken")),
        raised(lambda: edits.delete_phase(doc, "acquisition")),
        raised(lambda: derive_to_be(to_be)),
        raised(lambda: read_upload(b"PK", "map.docx")),
        raised(lambda: read_upload(b"  ", "leer.json")),
        raised(lambda: read_upload(b"\xff\xfe", "kaputt.yaml")),
        raised(lambda: read_upload(b"#" * (MAX_UPLOAD_BYTES + 1), "gross.yaml")),
        StaleEdit(DEMO_JOURNEY, 1, doc),
    ]
    ws.close()
    return errors


def test_every_translated_domain_error_is_recognised_from_the_real_error(
    demo_doc: JourneyDocument, demo_path: Path
) -> None:
    errors = real_errors(demo_doc, demo_path)
    recognised = set()
    for error in errors:
        german = domain_message(error, "de")
        english = domain_message(error, "en")
        assert german != error.message and english != german, error.message
        for text in DOMAIN_TEXTS:
            if text.code == error.code and text.pattern.fullmatch(error.message):
                recognised.add(text.key)
    # the one left is raised by the API's import route: see the test below
    assert {text.key for text in DOMAIN_TEXTS} - recognised == {"error.upload_larger"}


def test_an_upload_over_the_limit_is_refused_in_the_readers_language(client: TestClient) -> None:
    data = b"#" * (MAX_UPLOAD_BYTES + 10)
    answer = client.post(
        "/api/v1/journeys/import", files={"file": ("gross.yaml", data)}, headers=GERMAN
    )
    assert answer.status_code == 413 and answer.json()["code"] == "upload_too_large"
    assert answer.json()["error"] == "gross.yaml: Die Datei ist größer als 5.242.880 Bytes."


def test_the_hints_of_real_errors_are_translated(
    demo_doc: JourneyDocument, demo_path: Path
) -> None:
    hints = [e.hint for e in real_errors(demo_doc, demo_path) if e.hint]
    translated = {h: domain_hint(h, "de") for h in hints}
    recognised = {text.key for text in HINT_TEXTS for hint in hints if text.pattern.fullmatch(hint)}
    assert recognised == {text.key for text in HINT_TEXTS}
    assert translated["did you mean 'preisvergleich-kauf'?"] == "Meinten Sie „preisvergleich-kauf“?"


def test_sizes_in_upload_errors_use_the_readers_separators(tmp_path: Path) -> None:
    error = raised(lambda: read_upload(b"#" * (MAX_UPLOAD_BYTES + 1), "gross.yaml"))
    assert domain_message(error, "de") == (
        "gross.yaml: Die Datei hat 5.242.881 Bytes; höchstens 5.242.880 werden angenommen."
    )
    assert domain_message(error, "en") == (
        "gross.yaml: the file has 5,242,881 bytes; at most 5,242,880 are accepted."
    )


def test_an_unrecognised_error_keeps_its_own_text() -> None:
    error = JourneykitError("the moon is in the wrong phase", hint="wait a fortnight")
    assert domain_message(error, "de") == "the moon is in the wrong phase"
    assert domain_hint("wait a fortnight", "de") == "wait a fortnight"
