"""Benchmark of the feedback text pipeline: 10,000 comments redacted, classified and themed.

Run: ``.venv/bin/python benchmarks/feedback.py [--comments 10000]``. The comments are built
deterministically from the project's labelled sentences and the demo's customer voices,
each varied (a greeting, a detail with personal data to redact, an order number), so the
encoder sees realistic lengths and no two comments are the same. Stages run in one process,
as ``journeykit feedback import`` and ``themes`` run them; the peak memory is the process's.
Prints a Markdown table to paste into docs/benchmarks.md with the date and machine.

Targets (issue 6): the whole run ≤ 45 s on the 2-core machine, peak memory ≤ 1 GB.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import resource
import sys
import time

OPENINGS = ("", "Hallo, ", "Guten Tag, ", "Hi, ", "Ehrlich gesagt: ", "Kurz gesagt: ")
DETAILS = (
    "",
    " Bestellung 48{n:04d}.",
    " Rückruf unter 0171 23{n:05d}.",
    " Mail: kunde{n}@example.de",
    " Viele Grüße, Herr Becker",
    " Order {n}, thanks.",
)


def build_comments(count: int, seed: int = 6) -> list[str]:
    """``count`` distinct, realistic comments in German and English."""
    from journeykit.demo.feedback_voices import TOPICS
    from journeykit.feedback.sentiment.dataset import load_examples

    pool = [e.text for e in load_examples("training")] + [
        e.text for e in load_examples("evaluation")
    ]
    pool += [text for topic in TOPICS for text in (*topic.german, *topic.english)]
    rng = random.Random(seed)
    return [
        rng.choice(OPENINGS) + rng.choice(pool) + rng.choice(DETAILS).format(n=n)
        for n in range(count)
    ]


def peak_mib() -> float:
    """The process's peak resident memory so far, in MiB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--comments", type=int, default=10_000)
    args = parser.parse_args(argv)

    stages: list[tuple[str, float, float, float]] = []
    started = time.perf_counter()
    cpu = [time.process_time()]

    def stage(name: str, since: float) -> float:
        now, used = time.perf_counter(), time.process_time()
        stages.append((name, now - since, used - cpu[0], peak_mib()))
        cpu[0] = used
        return now

    t = time.perf_counter()
    import numpy as np

    from journeykit.feedback.places import PlaceIndex
    from journeykit.feedback.sentiment.classifier import features, load_model
    from journeykit.feedback.sentiment.embedding import embed
    from journeykit.feedback.text.language import detect_languages
    from journeykit.feedback.text.redaction import redact
    from journeykit.feedback.themes import Comment, find_themes

    comments = build_comments(args.comments)
    t = stage("load libraries and build comments", t)
    redacted = [redact(text) for text in comments]
    t = stage("redact", t)
    languages = detect_languages(redacted)
    t = stage("detect language", t)
    vectors = embed(redacted)
    t = stage("embed (USE multilingual)", t)
    judged = load_model().judge(features(redacted, languages, vectors))
    t = stage("sentiment (lexicons + classifier)", t)
    found = find_themes(
        [
            Comment(text, s.label, s.score, v, None, None)
            for text, s, v in zip(redacted, judged, vectors, strict=True)
        ],
        PlaceIndex({}, ()),
    )
    t = stage("themes (k-means, c-TF-IDF)", t)
    total = time.perf_counter() - started

    sys.stdout.write(
        f"{args.comments:,} comments, {len(found)} themes; {platform.machine()}, "
        f"{os.cpu_count()} cores, Python {platform.python_version()}, numpy {np.__version__}\n\n"
        "| stage | seconds | CPU seconds | peak MiB |\n|---|---:|---:|---:|\n"
    )
    for name, seconds, cpu_seconds, memory in stages:
        sys.stdout.write(f"| {name} | {seconds:.2f} | {cpu_seconds:.2f} | {memory:.0f} |\n")
    sys.stdout.write(
        f"| **total** | **{total:.2f}** | **{time.process_time():.2f}** | **{peak_mib():.0f}** |\n"
    )


if __name__ == "__main__":
    main()
