"""Writers that meet: two savers on one base, the workspace lock, and a busy SQLite file."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from journeykit.store import ConflictError, JourneyStore, RevisionInfo, Workspace, WorkspaceLocked
from journeykit.store.config import LOCK_TIMEOUT_ENV
from tests.store.factories import journey_doc, retitled, revision_count

_HOLD_LOCK = """
import sys, time
from filelock import FileLock
lock = FileLock(sys.argv[1])
lock.acquire()
print("locked", flush=True)
time.sleep(60)
"""


def _race(stores: list[JourneyStore], base: int) -> list[RevisionInfo | ConflictError]:
    """Let each store save its own edit on top of ``base`` at the same moment."""
    start = threading.Barrier(len(stores))

    def save(index: int) -> RevisionInfo | ConflictError:
        edit = retitled(journey_doc(), f"Edit {base}.{index}")
        start.wait()
        try:
            return stores[index].save(edit, author=f"w{index}", message="m", base_revision=base)
        except ConflictError as error:
            return error

    with ThreadPoolExecutor(len(stores)) as pool:
        return list(pool.map(save, range(len(stores))))


@pytest.mark.parametrize("shared_folder", [True, False], ids=["one-folder", "two-folders"])
def test_two_savers_from_the_same_base_exactly_one_wins(
    tmp_path: Path, database_url: str, shared_folder: bool
) -> None:
    # Two folders pointing at one database have two lock files: then only the database's
    # guarded update stands between the writers.
    first = Workspace.create(tmp_path / "a", database_url=database_url)
    second = Workspace.open(tmp_path / "a") if shared_folder else None
    second = second or Workspace.create(tmp_path / "b", database_url=database_url)
    try:
        first.journeys().save(journey_doc(), author="ana", message="m", base_revision=None)
        for round_number in range(1, 4):
            results = _race([first.journeys(), second.journeys()], base=round_number)
            winners = [r for r in results if isinstance(r, RevisionInfo)]
            losers = [r for r in results if isinstance(r, ConflictError)]
            assert len(winners) == 1, results
            assert len(losers) == 1, results
            assert winners[0].number == round_number + 1
            assert losers[0].head_revision == round_number + 1
            head = first.journeys().get("checkout")
            assert head.journey.title == f"Edit {round_number}.{winners[0].author[1]}"
        assert revision_count(first) == 4
        assert [r.number for r in second.journeys().history("checkout")] == [4, 3, 2, 1]
    finally:
        first.close()
        second.close()


@pytest.fixture
def lock_holder(tmp_path: Path) -> Iterator[Callable[[Path], None]]:
    """Start a separate process that takes a workspace's lock and keeps it."""
    processes: list[subprocess.Popen[str]] = []

    def hold(folder: Path) -> None:
        process = subprocess.Popen(
            [sys.executable, "-c", _HOLD_LOCK, str(folder / ".journeykit.lock")],
            stdout=subprocess.PIPE,
            text=True,
        )
        processes.append(process)
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "locked"

    yield hold
    for process in processes:
        process.kill()
        process.wait()


WRITES: dict[str, Callable[[JourneyStore], object]] = {
    "save": lambda s: s.save(journey_doc(title="X"), author="a", message="m", base_revision=1),
    "import": lambda s: s.import_document(journey_doc("new"), author="a", message="m"),
    "restore": lambda s: s.restore("checkout", 1, author="a"),
    "derive": lambda s: s.derive_to_be("checkout", author="a"),
}


@pytest.mark.parametrize("write", WRITES.values(), ids=WRITES.keys())
def test_a_write_while_another_process_holds_the_lock_gives_up_with_workspace_locked(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    lock_holder: Callable[[Path], None],
    write: Callable[[JourneyStore], object],
) -> None:
    with Workspace.create(tmp_path / "shop") as workspace:
        workspace.journeys().save(journey_doc(), author="ana", message="m", base_revision=None)
        lock_holder(workspace.path)
        monkeypatch.setenv(LOCK_TIMEOUT_ENV, "0.2")

        with pytest.raises(WorkspaceLocked) as raised:
            write(workspace.journeys())

        assert (raised.value.code, raised.value.status) == ("workspace_locked", 423)
        assert str(workspace.path) in raised.value.message
        assert revision_count(workspace) == 1
        assert [s.id for s in workspace.journeys().list()] == ["checkout"]  # reads still work


def test_the_lock_is_reentrant_so_a_caller_may_hold_it_around_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(LOCK_TIMEOUT_ENV, "0.2")
    with Workspace.create(tmp_path / "shop") as workspace, workspace.lock():
        store = workspace.journeys()
        store.save(journey_doc(), author="ana", message="m", base_revision=None)
        store.save(retitled(journey_doc(), "Kauf"), author="ana", message="m", base_revision=1)
        assert store.restore("checkout", 1, author="ana").number == 3


def test_a_busy_sqlite_file_surfaces_as_workspace_locked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(LOCK_TIMEOUT_ENV, "0.2")  # also how long SQLite waits for its file
    workspace = Workspace.create(tmp_path / "shop")
    # Another program (here the sqlite3 module) keeps the database file locked.
    other = sqlite3.connect(tmp_path / "shop" / "journeykit.db", isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        store = workspace.journeys()
        with pytest.raises(WorkspaceLocked) as raised:
            store.save(journey_doc(), author="ana", message="m", base_revision=None)
        assert raised.value.code == "workspace_locked"
        with pytest.raises(WorkspaceLocked):
            store.list()
        with pytest.raises(WorkspaceLocked):
            Workspace.open(tmp_path / "shop")
    finally:
        other.rollback()
        other.close()
    assert workspace.journeys().list() == []
    workspace.close()


def test_two_creators_of_one_new_journey_exactly_one_wins(
    tmp_path: Path, database_url: str
) -> None:
    first = Workspace.create(tmp_path / "a", database_url=database_url)
    second = Workspace.create(tmp_path / "b", database_url=database_url)
    try:
        start = threading.Barrier(2)

        def create(store: JourneyStore, title: str) -> RevisionInfo | ConflictError:
            start.wait()
            try:
                doc = retitled(journey_doc(), title)
                return store.save(doc, author="w", message="m", base_revision=None)
            except ConflictError as error:
                return error

        # Different content: an identical second create would rightly be "unchanged".
        with ThreadPoolExecutor(2) as pool:
            stores = [first.journeys(), second.journeys()]
            results = list(pool.map(create, stores, ["Mine", "Theirs"]))

        assert sorted(type(r).__name__ for r in results) == ["ConflictError", "RevisionInfo"]
        assert revision_count(first) == 1
    finally:
        first.close()
        second.close()
