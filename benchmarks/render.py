"""Benchmark of the map export: a journey with 100 steps and every lane filled.

Run: ``.venv/bin/python benchmarks/render.py`` (``--steps``, ``--runs`` to vary). Times the
SVG export (``journey_map_svg``, the target: p95 ≤ 200 ms) over repeated runs in this
process, and PNG, PDF, CSV and XLSX once each for scale. Results go to standard output as
Markdown, to paste into docs/benchmarks.md with the date and machine.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import time
from collections.abc import Callable

from journeykit.model import (
    TEXT_LANES,
    Emotion,
    Evidence,
    Journey,
    JourneyDocument,
    Kpi,
    LaneItem,
    Lanes,
    Persona,
    Step,
    Touchpoint,
    default_phases,
)
from journeykit.render import svg as svg_text
from journeykit.render import text_metrics
from journeykit.render.emotion_curve import emotion_curve_svg
from journeykit.render.export import export_journey
from journeykit.render.svg_map import journey_map_svg

TARGET_P95_MS = 200.0
CHANNELS = ("web", "email", "phone", "store", "price_comparison", "app", "review_site")
SENTENCE = "Größere Übersicht über Lieferzeit, Versandkosten und Rückgabe – für alle Geräte"


def big_journey(steps: int) -> JourneyDocument:
    """``steps`` steps over the default phases; every text lane holds two items of about 90
    characters (each text its own, so no measure is reused across steps), each step two
    touchpoints and three personas' emotions, every third step a piece of evidence and a KPI."""
    personas = [Persona(id=f"pe-{i}", name=f"Persona {i}") for i in range(3)]
    phases = default_phases()
    evidence: list[Evidence] = []
    kpis: list[Kpi] = []
    for number in range(steps):
        step_id = f"st-{number}"
        lanes = Lanes(
            emotions=[
                Emotion(persona_id=p.id, score=(number + i) % 5 - 2, rating="okay")
                for i, p in enumerate(personas)
            ],
            **{
                lane: [
                    LaneItem(id=f"{step_id}-{lane}-{k}", text=f"{SENTENCE} (Schritt {number}, {k})")
                    for k in range(2)
                ]
                for lane in TEXT_LANES
            },
        )
        touchpoints = [
            Touchpoint(
                id=f"tp-{number}-{k}",
                name=f"Touchpoint {k} bei Schritt {number}",
                channel=CHANNELS[(number + k) % len(CHANNELS)],
                mode="digital" if k == 0 else "personal",
                ownership="direct" if number % 2 else "indirect",
                importance=1 + number % 5,
            )
            for k in range(2)
        ]
        phase = phases[number * len(phases) // steps]
        phase.steps.append(
            Step(
                id=step_id,
                title=f"Schritt {number}: Angebot prüfen",
                touchpoints=touchpoints,
                lanes=lanes,
            )
        )
        if number % 3 == 0:
            evidence.append(
                Evidence(
                    id=f"ev-{number}",
                    kind="quote",
                    text=SENTENCE,
                    source="Interview",
                    step_ids=[step_id],
                )
            )
            kpis.append(
                Kpi(
                    id=f"kpi-{number}",
                    name=f"Abbruch bei {number}",
                    kind="drop_off",
                    scope="step",
                    scope_id=step_id,
                    better="lower",
                    target=20,
                    unit="%",
                )
            )
    return JourneyDocument(
        format_version=1,
        personas=personas,
        journey=Journey(
            id="jo-bench",
            title="Benchmark-Journey",
            state="as_is",
            persona_ids=[p.id for p in personas],
            phases=phases,
        ),
        evidence=evidence,
        kpis=kpis,
    )


def timed(action: Callable[[], object], runs: int) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU milliseconds of ``runs`` calls of ``action``, after a warm-up call.

    On a machine shared with other work the wall clock includes waiting for a core; the CPU
    time of this process does not, and is what an idle machine would take.
    """
    action()
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        action()
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return wall, cpu


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--steps", type=int, default=100)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    doc = big_journey(args.steps)
    drawing = journey_map_svg(doc, "jo-bench")
    print(
        f"{args.steps} steps, SVG {len(drawing) / 1e6:.1f} MB, {platform.machine()}, "
        f"Python {platform.python_version()}\n"
    )
    print("| export | runs | wall p50 ms | wall p95 ms | CPU p50 ms | CPU p95 ms |")
    print("|---|---:|---:|---:|---:|---:|")

    def cold() -> object:
        # every cache emptied: the first export of a map nobody has drawn yet
        text_metrics._em.cache_clear()
        text_metrics._wrapped.cache_clear()
        svg_text.num.cache_clear()
        return journey_map_svg(doc, "jo-bench")

    rows = {
        "SVG map (`journey_map_svg`)": lambda: journey_map_svg(doc, "jo-bench"),
        "SVG map, nothing cached yet": cold,
        "emotion curve alone": lambda: emotion_curve_svg(doc, "jo-bench", column_width=196),
    }
    p95 = cpu_p95 = 0.0
    for name, action in rows.items():
        wall, cpu = timed(action, args.runs)
        if name.startswith("SVG"):
            p95 = max(p95, percentile(wall, 0.95))
            cpu_p95 = max(cpu_p95, percentile(cpu, 0.95))
        print(
            f"| {name} | {args.runs} | {statistics.median(wall):.0f} | "
            f"{percentile(wall, 0.95):.0f} | {statistics.median(cpu):.0f} | "
            f"{percentile(cpu, 0.95):.0f} |"
        )
    for fmt in ("csv", "xlsx", "png", "pdf"):
        start, start_cpu = time.perf_counter(), time.process_time()
        rendered = export_journey(doc, "jo-bench", fmt)
        elapsed = (time.perf_counter() - start) * 1000
        used = (time.process_time() - start_cpu) * 1000
        print(
            f"| {fmt.upper()} ({len(rendered.content) / 1e6:.1f} MB) | 1 | {elapsed:.0f} | | "
            f"{used:.0f} | |"
        )
    print()
    for clock, value in (("wall-clock", p95), ("CPU", cpu_p95)):
        verdict = "met" if value <= TARGET_P95_MS else "MISSED"
        print(
            f"SVG export {clock} p95 (worse of warm and cold) {value:.0f} ms against the "
            f"target {TARGET_P95_MS:.0f} ms: {verdict}"
        )


if __name__ == "__main__":
    main()
