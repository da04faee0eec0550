"""Running one stage process with a time limit and a memory limit, and reading its report.

The machine is shared with other developers, so a competitor that runs for ever or eats the
machine's memory is stopped and reported as such ("> 15 min", "> 12 GiB") instead of being
waited for. Memory is watched as the resident set of the stage's process, sampled every
quarter of a second, because an address-space limit (``RLIMIT_AS``) would also stop engines
that merely reserve virtual memory without using it.
"""

from __future__ import annotations

import json
import os
import subprocess
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

_POLL_SECONDS = 0.25
_STDERR_TAIL = 600


@dataclass
class StageRun:
    """How one stage went: its status, timings, peak memory and where its result is."""

    tool: str
    stage: str
    status: str  # "ok", "timeout", "memory", "failed" or "skipped"
    seconds: float | None = None
    parts: dict[str, float] = field(default_factory=dict)
    peak_mib: float | None = None
    result: Path | None = None
    load_before: tuple[float, float, float] = (0.0, 0.0, 0.0)
    detail: str = ""

    @property
    def ok(self) -> bool:
        """True when the stage finished and reported."""
        return self.status == "ok"

    def part(self, name: str) -> float | None:
        """Seconds of one part (read, prepare, metric), if the stage finished."""
        return self.parts.get(name) if self.ok else None

    def to_json(self) -> dict[str, Any]:
        """The run as plain JSON values, for the summary file."""
        return {
            "tool": self.tool,
            "stage": self.stage,
            "status": self.status,
            "seconds": self.seconds,
            "parts": self.parts,
            "peak_mib": self.peak_mib,
            "result": str(self.result) if self.result else None,
            "load_before": list(self.load_before),
            "detail": self.detail,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> StageRun:
        """A run back from :meth:`to_json`."""
        load = tuple(float(x) for x in data.get("load_before", (0.0, 0.0, 0.0)))
        return cls(
            tool=str(data["tool"]),
            stage=str(data["stage"]),
            status=str(data["status"]),
            seconds=None if data.get("seconds") is None else float(data["seconds"]),
            parts={str(k): float(v) for k, v in (data.get("parts") or {}).items()},
            peak_mib=None if data.get("peak_mib") is None else float(data["peak_mib"]),
            result=Path(data["result"]) if data.get("result") else None,
            load_before=(load[0], load[1], load[2]),
            detail=str(data.get("detail", "")),
        )


def _resident_mib(pid: int) -> float:
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="ascii")
    except OSError:
        return 0.0
    for line in status.splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def run_stage(
    tool: str,
    stage: str,
    command: Sequence[str],
    result: Path,
    *,
    timeout_seconds: float,
    memory_limit_mib: float,
    cwd: Path | None = None,
) -> StageRun:
    """Run ``command`` (a stage writing to ``result``) in ``cwd`` and return how it went."""
    load = os.getloadavg()
    started = time.monotonic()
    with subprocess.Popen(
        list(command), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=cwd
    ) as process:
        stopped = ""
        peak_seen = 0.0
        while process.poll() is None:
            peak_seen = max(peak_seen, _resident_mib(process.pid))
            if peak_seen > memory_limit_mib:
                stopped = "memory"
            elif time.monotonic() - started > timeout_seconds:
                stopped = "timeout"
            if stopped:
                process.kill()
                break
            time.sleep(_POLL_SECONDS)
        stdout, stderr = process.communicate()
    elapsed = time.monotonic() - started
    if stopped == "memory":
        detail = f"stopped at {peak_seen / 1024:.1f} GiB resident after {elapsed:.0f} s"
        return StageRun(tool, stage, "memory", peak_mib=peak_seen, load_before=load, detail=detail)
    if stopped == "timeout":
        detail = f"stopped after {elapsed:.0f} s"
        return StageRun(tool, stage, "timeout", peak_mib=peak_seen, load_before=load, detail=detail)
    if process.returncode != 0 or not stdout.strip():
        tail = stderr.strip()[-_STDERR_TAIL:]
        detail = f"exit code {process.returncode}: {tail}"
        return StageRun(tool, stage, "failed", load_before=load, detail=detail)
    report = json.loads(stdout.strip().splitlines()[-1])
    return StageRun(
        tool,
        stage,
        "ok",
        seconds=float(report["seconds"]),
        parts={str(k): float(v) for k, v in report["parts"].items()},
        peak_mib=float(report["peak_mib"]),
        result=result,
        load_before=load,
    )
