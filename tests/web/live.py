"""A real journeykit server on a free loopback port, and Debian's Chromium driven by Playwright.

The server's workspace gets the admin account :data:`BROWSER_ACCOUNT` (the author of the
browser tests' revisions) and an API token for it; :func:`log_in` logs a page in through the
real login form, :func:`api_json` reads the API with the token.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from playwright.sync_api import Browser, Page, Playwright

from journeykit.store import Workspace

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
JOURNEYKIT = Path(sys.executable).with_name("journeykit")

#: Where the browser tests keep screenshots when asked to (``bash scripts/screenshots.sh``).
SCREENSHOTS = os.environ.get("JOURNEYKIT_SCREENSHOTS")


#: The admin account the browser tests log in as, and its password.
BROWSER_ACCOUNT = "Browser"
BROWSER_PASSWORD = "browser password 1234"
# The API token of each running server's browser account, by the server's URL.
_TOKENS: dict[str, str] = {}


def prepare_accounts(workspace: Path) -> str:
    """Make sure the workspace has the browser admin account; a fresh API token for it."""
    with Workspace.open(workspace) as ws:
        if ws.accounts().find(BROWSER_ACCOUNT) is None:
            ws.accounts().create(BROWSER_ACCOUNT, BROWSER_PASSWORD, admin=True)
        secret, _token = ws.credentials().create_token(BROWSER_ACCOUNT, "browser tests")
    return secret


def log_in(page: Page, name: str = BROWSER_ACCOUNT, password: str = BROWSER_PASSWORD) -> None:
    """Log ``page`` in through the login form (its context's base URL is the server)."""
    page.goto("/login")
    page.fill("#login-name", name)
    page.fill("#login-password", password)
    page.click("form[action='/login'] button[type=submit]")
    page.wait_for_url(lambda url: "/login" not in url)


def api_token(server: str) -> str:
    """The API token of the running server's browser account."""
    return _TOKENS[server]


def api_json(server: str, path: str) -> Any:
    """``GET path`` on the server's API with the browser account's token, as JSON."""
    request = urllib.request.Request(
        f"{server}{path}", headers={"Authorization": f"Bearer {_TOKENS[server]}"}
    )
    with urllib.request.urlopen(request) as answer:
        return json.load(answer)


def free_port() -> int:
    """A port nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def running_server(workspace: Path, *, log: IO[bytes] | None = None) -> Iterator[str]:
    """``journeykit serve`` on the workspace; yields its base URL and stops it afterwards.

    ``log`` receives what the server writes to standard error (default: kept for a failed
    start only).
    """
    token = prepare_accounts(workspace)
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("JOURNEYKIT_")}
    env["JOURNEYKIT_AUTHOR"] = "Browser"
    process = subprocess.Popen(
        [str(JOURNEYKIT), "serve", "-w", str(workspace), "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=log if log is not None else subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    _TOKENS[url] = token
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"{url}/healthz", timeout=1) as answer:
                    if answer.status == 200:
                        break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    error = process.stderr.read().decode() if process.stderr else ""
                    raise RuntimeError(f"journeykit serve did not start: {error}") from None
                time.sleep(0.1)
        yield url
    finally:
        _TOKENS.pop(url, None)
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def launch(playwright: Playwright) -> Browser:
    """Debian's Chromium, headless."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def keep_screenshot(page: Page, name: str) -> None:
    """Save a screenshot of ``page`` as ``name``.png when screenshots were asked for."""
    if SCREENSHOTS:
        folder = Path(SCREENSHOTS)
        folder.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(folder / f"{name}.png"))
