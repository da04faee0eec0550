"""``journeykit serve`` and the limits of what a request may send."""

from __future__ import annotations

import subprocess
from pathlib import Path

from fastapi.testclient import TestClient

from journeykit.web.services.transfer import MAX_UPLOAD_BYTES
from tests.web.live import JOURNEYKIT, running_server


def test_serve_refuses_a_folder_that_is_no_workspace(tmp_path: Path) -> None:
    done = subprocess.run(
        [str(JOURNEYKIT), "serve", "-w", str(tmp_path / "nothing"), "--port", "1"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 1
    assert "workspace_missing" in done.stderr and "journeykit init" in done.stderr


def test_serve_answers_healthz_on_loopback(demo_path: Path) -> None:
    import json
    import urllib.request

    with running_server(demo_path) as url:
        assert url.startswith("http://127.0.0.1:")
        with urllib.request.urlopen(f"{url}/healthz") as answer:
            assert json.load(answer) == {
                "ok": True,
                "workspace": "Demo: Online-Shop via Preisvergleich",
                "journeys": 1,
            }


def test_a_body_larger_than_the_limit_is_refused_before_it_is_read(client: TestClient) -> None:
    body = b"x" * (MAX_UPLOAD_BYTES + 200 * 1024)
    response = client.post(
        "/api/v1/journeys/import",
        content=body,
        headers={"content-type": "multipart/form-data; boundary=x", "Accept-Language": "en"},
    )
    assert response.status_code == 413
    assert response.json() == {
        "ok": False,
        "error": "The request is too large; at most 5 MB are accepted.",
        "code": "upload_too_large",
        "status": 413,
    }
    page = client.post("/import", content=body, headers={"content-type": "multipart/form-data"})
    assert page.status_code == 413 and "höchstens 5 MB" in page.text
