"""The project's labelled comments: the training set and the separate evaluation set.

Both are TSV files in ``data/`` with the columns ``label`` (negative, neutral, positive),
``domain`` (ecommerce, banking, telecom, travel) and ``text``, one file per set and
language. They were written for journeykit and no sentence is in both sets (a test checks).
"""

from __future__ import annotations

import csv
import hashlib
from dataclasses import dataclass
from importlib import resources
from typing import Literal

SetName = Literal["training", "evaluation"]
LANGUAGES = ("de", "en")
DOMAINS = ("ecommerce", "banking", "telecom", "travel")


@dataclass(frozen=True)
class Example:
    """One labelled comment."""

    text: str
    label: str
    domain: str
    language: str


def _file(name: SetName, language: str) -> str:
    return f"{name}_{language}.tsv"


def _read(name: SetName, language: str) -> str:
    return (
        resources.files("journeykit.feedback.sentiment")
        .joinpath("data", _file(name, language))
        .read_text(encoding="utf-8")
    )


def load_examples(name: SetName, language: str | None = None) -> list[Example]:
    """The examples of one set, of one language or of both."""
    examples = []
    for lang in LANGUAGES if language is None else (language,):
        reader = csv.DictReader(_read(name, lang).splitlines(), delimiter="\t")
        for row in reader:
            examples.append(Example(row["text"], row["label"], row["domain"], lang))
    return examples


def fingerprint(name: SetName) -> str:
    """SHA-256 of a set's files: the fitted model records the training data it came from."""
    digest = hashlib.sha256()
    for language in LANGUAGES:
        digest.update(_read(name, language).encode("utf-8"))
    return digest.hexdigest()
