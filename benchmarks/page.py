"""Benchmark of the journey map page: a journey with 100 steps and every lane filled.

Run: ``.venv/bin/python benchmarks/page.py`` (``--steps``, ``--runs`` to vary). The page is
requested through the ASGI app in this process (no network in between), so the time is what
the server spends: reading the head revision, building the view, drawing the emotion curve
and rendering the templates. "From scratch" empties the caches of parsed revisions and
rendered maps before each request (a restarted server); "first view after an edit" changes
the journey through the JSON API (untimed), then times the page, whose new revision no one
has rendered yet; "cached" is a second visit to the same revision. Results go to standard
output as Markdown, to paste into docs/benchmarks.md with the date and machine.
"""

from __future__ import annotations

import argparse
import os
import platform
import secrets
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from fastapi.testclient import TestClient

from journeykit.model import (
    TEXT_LANES,
    Emotion,
    Evidence,
    Hypothesis,
    Journey,
    JourneyDocument,
    Kpi,
    LaneItem,
    Lanes,
    Measure,
    Persona,
    Step,
    Touchpoint,
    default_phases,
)
from journeykit.store import Workspace
from journeykit.web.app import create_app
from journeykit.web.auth.callers import CSRF_HEADER, SESSION_COOKIE
from journeykit.web.collector import tune_for_serving
from journeykit.web.pages.map_fragment import RENDERED
from journeykit.web.services.documents import DOCUMENTS

TARGET_P95_MS = 100.0
CHANNELS = ("web", "email", "phone", "store", "price_comparison", "app")


def big_journey(steps: int) -> JourneyDocument:
    """A journey with ``steps`` steps over the default phases, every lane holding two items,
    two touchpoints and three personas' emotions per step, and facts on every third step."""
    personas = [Persona(id=f"pe-{i}", name=f"Persona {i}") for i in range(3)]
    phases = default_phases()
    for number in range(steps):
        lanes = Lanes(
            **{
                lane: [
                    LaneItem(
                        id=f"it-{number}-{lane}-{k}",
                        text=f"{lane} {k} of step {number}: "
                        "a sentence long enough to wrap over two lines",
                    )
                    for k in range(2)
                ]
                for lane in TEXT_LANES
            },
            emotions=[
                Emotion(persona_id=p.id, score=(number + i) % 5 - 2, rating="okay")
                for i, p in enumerate(personas)
            ],
        )
        touchpoints = [
            Touchpoint(
                id=f"tp-{number}-{k}",
                name=f"Touchpoint {k} of step {number}",
                channel=CHANNELS[(number + k) % len(CHANNELS)],
                mode="digital" if k == 0 else "personal",
                ownership="direct" if number % 2 else "indirect",
            )
            for k in range(2)
        ]
        step = Step(id=f"st-{number}", title=f"Step {number}", touchpoints=touchpoints, lanes=lanes)
        phases[number * len(phases) // steps].steps.append(step)
    every_third = [f"st-{n}" for n in range(0, steps, 3)]
    return JourneyDocument(
        format_version=1,
        personas=personas,
        journey=Journey(
            id="bench",
            title="Benchmark journey",
            state="as_is",
            persona_ids=[p.id for p in personas],
            phases=phases,
        ),
        evidence=[
            Evidence(id=f"ev-{s}", kind="quote", text=f"Quote about {s}", step_ids=[s])
            for s in every_third
        ],
        hypotheses=[
            Hypothesis(id=f"hy-{s}", statement=f"Hypothesis on {s}", step_ids=[s])
            for s in every_third[::2]
        ],
        measures=[
            Measure(id=f"me-{s}", title=f"Measure on {s}", impact=4, effort=2, step_ids=[s])
            for s in every_third[::2]
        ],
        kpis=[
            Kpi(
                id=f"kpi-{s}",
                name=f"KPI of {s}",
                kind="conversion",
                scope="step",
                scope_id=s,
                better="higher",
                target=50,
            )
            for s in every_third[::4]
        ],
    )


def timed(action: Callable[[], object], runs: int) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU milliseconds of each of ``runs`` calls, after three warm-ups.

    CPU time counts every thread of this process (the app runs in the test client's worker
    thread), so it shows the work itself when other processes share the cores.
    """
    for _ in range(3):
        action()
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        action()
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return wall, cpu


def cold_get(client: TestClient) -> None:
    """The map page with nothing cached: the revision is parsed and the map rendered."""
    DOCUMENTS.clear()
    RENDERED.clear()
    response = client.get("/journeys/bench")
    assert response.status_code == 200


def rename(client: TestClient, revisions: list[int]) -> None:
    """Rename the first step through the page's edit route: a new revision and the map."""
    head = revisions[-1]
    revisions.append(head + 1)
    response = client.post(
        "/journeys/bench/steps/st-0",
        data={"base_revision": str(head), "title": f"Step 0 (revision {head + 1})"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200, response.text


def timed_after_edit(client: TestClient, runs: int) -> tuple[list[float], list[float]]:
    """The map page right after an API edit made a revision nobody has rendered yet."""
    revision = int(client.get("/api/v1/journeys").json()[0]["revision"])
    wall, cpu = [], []
    for number in range(runs + 3):
        answer = client.patch(
            "/api/v1/journeys/bench/steps/st-1",
            json={"base_revision": revision, "title": f"Step 1 (edit {number})"},
        )
        assert answer.status_code == 200, answer.text
        revision = int(answer.json()["revision"])
        start, start_cpu = time.perf_counter(), time.process_time()
        response = client.get("/journeys/bench")
        elapsed, elapsed_cpu = time.perf_counter() - start, time.process_time() - start_cpu
        assert response.status_code == 200
        if number >= 3:  # the first three are warm-ups, as in timed()
            wall.append(elapsed * 1000)
            cpu.append(elapsed_cpu * 1000)
    return wall, cpu


def p95(times: list[float]) -> float:
    """The 95th percentile."""
    return statistics.quantiles(times, n=20, method="inclusive")[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=100)
    parser.add_argument("--runs", type=int, default=60)
    args = parser.parse_args()
    doc = big_journey(args.steps)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "ws"
        with Workspace.create(path) as ws:
            ws.journeys().save(doc, author="bench", message="benchmark", base_revision=None)
            # Every page needs an account since issue 5: the benchmark signs in as an admin,
            # so the gate's work (session, roles) is part of what is timed.
            account = ws.accounts().create("bench", secrets.token_urlsafe(16), admin=True)
        app = create_app(path, author="bench")
        tune_for_serving()  # as `journeykit serve` does
        with TestClient(app, follow_redirects=False) as client:
            ws = app.state.workspace
            session_id, session = ws.credentials().open_session(account.id)
            client.cookies.set(SESSION_COOKIE, session_id)
            client.headers[CSRF_HEADER] = session.csrf_token
            first = client.get("/journeys/bench")
            assert first.status_code == 200, first.text
            assert 'data-step-id="' in first.text, "the map page, not the login page, is timed"
            size = len(first.content)
            cold = timed(lambda: cold_get(client), args.runs)
            after_edit = timed_after_edit(client, args.runs)
            warm = timed(lambda: client.get("/journeys/bench"), args.runs)
            revisions = [int(client.get("/api/v1/journeys").json()[0]["revision"])]
            fragment = timed(lambda: rename(client, revisions), args.runs)
    print(
        f"{args.steps} steps, every lane two items, {size / 1024:.0f} KiB of HTML; "
        f"{args.runs} runs after 3 warm-ups; {platform.machine()}, Python "
        f"{platform.python_version()}"
    )
    print()
    print("| request | p50 ms | p95 ms | max ms | CPU p50 ms | CPU p95 ms |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, (wall, cpu) in (
        ("GET map page, rendered from scratch", cold),
        ("GET map page, first view after an edit", after_edit),
        ("GET map page, fragment cached", warm),
        ("POST edit → new map fragment", fragment),
    ):
        print(
            f"| {name} | {statistics.median(wall):.1f} | {p95(wall):.1f} | {max(wall):.1f} "
            f"| {statistics.median(cpu):.1f} | {p95(cpu):.1f} |"
        )
    print()
    for name, times in (("from scratch", cold[0]), ("first view after an edit", after_edit[0])):
        verdict = "met" if p95(times) <= TARGET_P95_MS else "missed"
        print(f"target p95 ≤ {TARGET_P95_MS:.0f} ms (wall clock, {name}): {verdict}")
    print(f"load {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
