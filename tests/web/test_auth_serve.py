"""``journeykit serve`` on a workspace nobody can log in to yet says how to create the first
admin."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

from journeykit.store import Workspace
from tests.web.live import JOURNEYKIT, free_port


def test_serve_without_accounts_explains_how_to_create_the_first_admin(tmp_path: Path) -> None:
    Workspace.create(tmp_path / "ws").close()
    log = tmp_path / "serve.log"
    env = {k: v for k, v in os.environ.items() if not k.startswith("JOURNEYKIT_")}
    command = [str(JOURNEYKIT), "serve", "-w", str(tmp_path / "ws"), "--port", str(free_port())]
    with log.open("wb") as stderr:
        process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=stderr)
        try:
            deadline = time.monotonic() + 60
            while "journeykit serves" not in log.read_text() and time.monotonic() < deadline:
                assert process.poll() is None, log.read_text()
                time.sleep(0.2)
        finally:
            process.terminate()
            process.wait(timeout=10)
    text = log.read_text()
    assert "no accounts yet" in text
    assert f"journeykit -w {tmp_path / 'ws'} user create NAME --admin" in text
