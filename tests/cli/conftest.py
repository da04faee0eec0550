"""Run the real ``journeykit`` console script, as a user's shell would."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

JOURNEYKIT = Path(sys.executable).with_name("journeykit")


@dataclass(frozen=True)
class Result:
    """What a command printed and how it exited."""

    code: int
    out: str
    err: str


Run = Callable[..., Result]


@pytest.fixture
def run(tmp_path: Path) -> Run:
    """Run ``journeykit ARGS`` in ``tmp_path`` with a clean journeykit environment."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("JOURNEYKIT_")}
    env.update({"JOURNEYKIT_AUTHOR": "tester", "COLUMNS": "120", "NO_COLOR": "1"})

    def run_command(*args: str, stdin: str | None = None, **extra_env: str) -> Result:
        done = subprocess.run(
            [str(JOURNEYKIT), *args],
            cwd=tmp_path,
            env={**env, **extra_env},
            input=stdin,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        return Result(done.returncode, done.stdout, done.stderr)

    return run_command


@pytest.fixture(scope="session")
def demo_workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo workspace built once by the real command; tests copy it before changing it."""
    folder = tmp_path_factory.mktemp("demo") / "ws"
    env = {k: v for k, v in os.environ.items() if not k.startswith("JOURNEYKIT_")}
    command = [str(JOURNEYKIT), "demo", str(folder), "--no-serve"]
    subprocess.run(command, env=env, check=True, capture_output=True)
    return folder


@dataclass(frozen=True)
class DemoCopy:
    """A private copy of the demo workspace and the id of its journey."""

    ws: str
    journey_id: str


@pytest.fixture
def demo(demo_workspace: Path, tmp_path: Path, run: Run) -> DemoCopy:
    """A copy of the demo workspace that a test may change."""
    target = tmp_path / "ws"
    shutil.copytree(demo_workspace, target)
    listed = run("journey", "list", "--json", "-w", str(target))
    assert listed.code == 0, listed.err
    (journey,) = json.loads(listed.out)
    return DemoCopy(str(target), str(journey["id"]))
