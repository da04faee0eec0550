"""Codes for the files of an import, which keep ties in time in the order of the import.

``events`` stores each row's file as a code (``file_id``, named in ``source_files``) and its
row number, and orders ties in time by the two. A code stands for a run of rows of one file
with growing row numbers; it is new with every import and grows along the batch, so that order
is the order of the batch as it was read: files in the order given, rows in file order.
Usually each file of an import is one run.

>>> import pyarrow as pa
>>> file_runs(pa.table({"source_file": ["a", "a", "b", "a"], "source_row": [1, 2, 1, 1]}))
(['a', 'b', 'a'], [2, 1, 1])
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from journeykit.events import ordered


@dataclass(frozen=True)
class FileCodes:
    """The codes of one batch: ``first`` and up, one per run, with each run's file and length."""

    first: int
    names: list[str]
    lengths: list[int]

    @classmethod
    def of(cls, con: duckdb.DuckDBPyConnection, batch: pa.Table) -> FileCodes:
        """The codes of ``batch``'s files, recorded in ``source_files``."""
        names, lengths = file_runs(batch.select(["source_file", "source_row"]))
        ((last,),) = con.execute("SELECT coalesce(max(file_id), 0) FROM source_files").fetchall()
        codes = cls(int(last) + 1, names, lengths)
        con.register("new_files", codes.table())
        con.execute("INSERT INTO source_files SELECT file_id, source_file FROM new_files")
        con.unregister("new_files")
        return codes

    def ids(self) -> np.ndarray:
        """The code of each run."""
        return np.arange(self.first, self.first + len(self.names), dtype=np.int32)

    def table(self) -> pa.Table:
        """``file_id`` and ``source_file`` of each run."""
        names = pa.array(self.names, pa.string())
        return pa.table({"file_id": pa.array(self.ids()), "source_file": names})

    def per_row(self) -> pa.Array | None:
        """Each row's code, unless the batch is one run (then :meth:`column` is a constant)."""
        if len(self.names) < 2:
            return None
        return pa.array(np.repeat(self.ids(), self.lengths))

    def column(self) -> str:
        """SQL for a row's code in a batch that has the :meth:`per_row` column ``file_id``."""
        return str(self.first) if len(self.names) < 2 else "file_id"

    def attach(self, con: duckdb.DuckDBPyConnection, batch: pa.Table) -> tuple[pa.Table, str]:
        """``batch`` as it is to be registered as ``batch``, and the SQL reading its rows."""
        if len(set(self.names)) == len(self.names):
            con.register("batch_files", self.table())  # one run per file: joined by name
            return batch, ordered.BATCH_ROWS
        codes = pa.array(np.repeat(self.ids(), self.lengths))
        return batch.append_column("file_id", codes), ordered.BATCH_ROWS_CODED


def file_runs(where: pa.Table) -> tuple[list[str], list[int]]:
    """Runs of consecutive rows of one file with growing row numbers: names and lengths.

    ``where`` has the columns ``source_file`` (text or a dictionary) and ``source_row``.
    """
    names: list[str] = []
    lengths: list[int] = []
    last_row = 0
    for piece in where.to_batches():
        n = piece.num_rows
        if not n:
            continue
        files, numbers = piece.column(0), piece.column(1).to_numpy()
        encoded = files if pa.types.is_dictionary(files.type) else pc.dictionary_encode(files)
        codes = encoded.indices.to_numpy(zero_copy_only=False)
        starts = np.ones(n, bool)
        starts[1:] = (codes[1:] != codes[:-1]) | (numbers[1:] <= numbers[:-1])
        first = np.flatnonzero(starts)
        run_names = encoded.dictionary.take(pa.array(codes[first])).to_pylist()
        sizes = np.diff(np.append(first, n)).tolist()
        if names and names[-1] == run_names[0] and numbers[0] > last_row:
            lengths[-1] += sizes.pop(0)  # the run goes on from the previous piece
            run_names.pop(0)
        names += run_names
        lengths += sizes
        last_row = int(numbers[-1])
    return names, lengths
