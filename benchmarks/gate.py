"""Benchmark of the gate: what checking the caller costs every request.

Run: ``.venv/bin/python benchmarks/gate.py`` (``--runs`` to vary). On the demo workspace it
times, in this process, the gate's own work for one request (finding the route, reading the
session or token and the account's roles, finding the journey's project and comparing roles)
and, for scale, a whole small API request through the ASGI app (``GET /api/v1/me``) and a
request for the demo's map page. Results go to standard output as Markdown, to paste into
docs/benchmarks.md with the date and machine.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from fastapi import Request
from fastapi.testclient import TestClient

from journeykit.demo.personas import PROJECT_ID
from journeykit.demo.workspace import build_demo_workspace
from journeykit.web.app import create_app
from journeykit.web.auth.callers import SESSION_COOKIE, authenticate
from journeykit.web.auth.routes import find_route
from journeykit.web.auth.scopes import check_role

JOURNEY = "preisvergleich-kauf"
PASSWORD = "benchmark password"


def timed(action: Callable[[], object], runs: int) -> list[float]:
    """Milliseconds of each of ``runs`` calls of ``action``."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return times


def row(label: str, times: list[float]) -> str:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    return f"| {label} | {statistics.median(ordered):.2f} | {p95:.2f} | {ordered[-1]:.2f} |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "ws"
        with build_demo_workspace(path) as ws:
            ws.accounts().create("viewer", PASSWORD)
            ws.accounts().grant(PROJECT_ID, "viewer", "viewer", by="benchmark")
        app = create_app(path, author="bench")
        with TestClient(app) as client:
            ws = app.state.workspace
            viewer = ws.accounts().get("viewer")
            session_id, _ = ws.credentials().open_session(viewer.id)
            secret, _ = ws.credentials().create_token("viewer")
            scope = {
                "type": "http",
                "method": "GET",
                "path": f"/journeys/{JOURNEY}",
                "root_path": "",
                "query_string": b"",
                "headers": [(b"cookie", f"{SESSION_COOKIE}={session_id}".encode())],
                "app": app,
            }

            def gate_work() -> None:
                matched = find_route(app, scope)
                assert matched is not None
                caller = authenticate(ws, Request(scope))
                assert caller is not None
                check_role(ws, caller, "viewer", matched.path_params)

            results = [
                row(
                    "the gate's work (route, session, roles, project)", timed(gate_work, args.runs)
                ),
            ]
            bearer = {"Authorization": f"Bearer {secret}"}
            results.append(
                row(
                    "GET /api/v1/me with a token",
                    timed(lambda: client.get("/api/v1/me", headers=bearer), args.runs),
                )
            )
            client.cookies.set(SESSION_COOKIE, session_id)
            page = client.get(f"/journeys/{JOURNEY}")
            assert page.status_code == 200 and "viewer" in page.text
            results.append(
                row(
                    "GET the demo's map page with a session (cached map)",
                    timed(lambda: client.get(f"/journeys/{JOURNEY}"), max(args.runs // 3, 20)),
                )
            )
    load = os.getloadavg()[0]
    print(f"{platform.machine()}, {os.cpu_count()} cores, load average {load:.1f}\n")
    print("| request | p50 ms | p95 ms | max ms |\n|---|---:|---:|---:|")
    print("\n".join(results))


if __name__ == "__main__":
    main()
