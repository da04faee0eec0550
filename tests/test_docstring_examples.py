"""The examples in docstrings run and give what they show."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import journeykit

MODULES = sorted(
    info.name
    for info in pkgutil.walk_packages(journeykit.__path__, "journeykit.")
    # Alembic's env.py runs migrations on import; __main__ runs the command line.
    if ".migrations" not in info.name and not info.name.endswith("__main__")
)


def test_the_package_has_examples() -> None:
    finder = doctest.DocTestFinder()
    examples = sum(
        len(test.examples)
        for name in MODULES
        for test in finder.find(importlib.import_module(name))
    )
    assert examples >= 10


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0, f"{result.failed} docstring example(s) failed in {name}"
