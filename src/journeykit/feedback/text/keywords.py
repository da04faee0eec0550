"""Keywords of groups of comments by class-based TF-IDF (c-TF-IDF, as BERTopic uses it).

All comments of a group are read as one document; a word's weight is its frequency in the
group times ``log(1 + A / f)``, where ``A`` is the average number of words per group and
``f`` the word's frequency over all groups. Words frequent everywhere ("Lieferung" in a
shop's feedback) sink; words frequent in one group only rise.

>>> groups = [["Spedition kam zu spät", "Spedition verspätet"], ["Hotline nie erreichbar"]]
>>> first, second = c_tf_idf(groups, top=3)
>>> first[0], sorted(second)
('spedition', ['erreichbar', 'hotline', 'nie'])
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

from journeykit.feedback.text.stopwords import STOPWORDS

_TOKEN = re.compile(r"[^\W\d_][\w'-]*[^\W_]|[^\W\d_]{3,}")


def tokens(text: str) -> list[str]:
    """The topic-bearing words of ``text``: lower case, three letters or more, no stop words."""
    return [
        t
        for t in (m.group(0).lower() for m in _TOKEN.finditer(text))
        if len(t) >= 3 and t not in STOPWORDS
    ]


def c_tf_idf(groups: Sequence[Sequence[str]], *, top: int = 6) -> list[list[str]]:
    """The ``top`` keywords of each group of texts, best first."""
    counts = [Counter(t for text in group for t in tokens(text)) for group in groups]
    overall: Counter[str] = Counter()
    for count in counts:
        overall.update(count)
    if not overall:
        return [[] for _ in groups]
    average = sum(overall.values()) / len(groups)
    result = []
    for count in counts:
        size = sum(count.values()) or 1
        weights = {
            word: (n / size) * math.log(1 + average / overall[word])
            for word, n in count.items()
            # A word said once in a big group is noise, not a keyword.
            if n >= 2 or size < 20
        }
        result.append(sorted(weights, key=lambda w: (-weights[w], w))[:top])
    return result
