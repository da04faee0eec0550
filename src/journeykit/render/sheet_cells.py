"""One cell of a spreadsheet grid: touchpoint lines, emotion scores, and where problems are.

:class:`SheetReader` holds the grid and collects every problem with its row and cell (``C4``);
the cell readers return ``None`` after reporting a problem, so the whole sheet is checked
before anything is refused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from journeykit.model import Touchpoint
from journeykit.model.errors import Issue, did_you_mean
from journeykit.model.lanes import Emotion
from journeykit.model.touchpoint import KNOWN_CHANNELS
from journeykit.render import sheet_labels as words
from journeykit.render.sheet_reading import column_letter

#: The longest text a lane item may have (the journey model's limit).
MAX_TEXT = 20_000
_BULLET = re.compile(r"^\s*(?:[•·▪*]|-(?=\s)|–(?=\s))\s*")


def slug(text: str, *, limit: int = 60) -> str:
    """An id part from ``text``: lower case ASCII letters, digits and hyphens.

    >>> slug("Versandkosten im Checkout entdecken – Größe")
    'versandkosten-im-checkout-entdecken-groesse'
    """
    lowered = text.casefold()
    for umlaut, ascii_ in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        lowered = lowered.replace(umlaut, ascii_)
    cleaned = re.sub(r"[^a-z0-9]+", "-", lowered).strip("-")
    return cleaned[:limit].rstrip("-") or "x"


class Ids:
    """Unique ids within one import: a second "Bestellen" step becomes ``st-bestellen-2``."""

    def __init__(self) -> None:
        self.taken: set[str] = set()

    def make(self, prefix: str, text: str) -> str:
        # 40 characters leave room for item ids built on a step id within the 80 allowed.
        base = f"{prefix}-{slug(text, limit=40)}"
        candidate, number = base, 2
        while candidate in self.taken:
            candidate, number = f"{base}-{number}", number + 1
        self.taken.add(candidate)
        return candidate


@dataclass
class SheetReader:
    """The grid of one file and every problem found in it so far.

    ``german`` and ``english`` count the row names only one language uses, to label new
    phases in the sheet's language.
    """

    filename: str
    grid: list[list[str]]
    issues: list[Issue] = field(default_factory=list)
    ids: Ids = field(default_factory=Ids)
    german: int = 0
    english: int = 0

    def cell(self, row: int, column: int) -> str:
        """The text of a cell (1-based row and column), trimmed; "" past the row's end."""
        values = self.grid[row - 1]
        return values[column - 1].strip() if column - 1 < len(values) else ""

    def problem(
        self,
        code: str,
        message: str,
        row: int | None,
        column: int | None = None,
        suggestion: str | None = None,
    ) -> None:
        """Note a problem at row ``row`` and, if given, cell ``column`` of it (``C4``)."""
        where = f"{column_letter(column)}{row}" if column and row else ""
        self.issues.append(
            Issue(
                code=code,
                message=message,
                path=where,
                line=row,
                file=self.filename,
                suggestion=suggestion,
            )
        )


def cell_lines(text: str) -> list[str]:
    """The items of a cell: one per line, bullets ("•", "- ", "* ") and blank lines dropped."""
    return [
        _BULLET.sub("", line).strip() for line in text.split("\n") if _BULLET.sub("", line).strip()
    ]


def _guess_channel(name: str) -> str:
    lowered = name.casefold()
    for word, channel in sorted(words.CHANNEL_WORDS.items(), key=lambda kv: -len(kv[0])):
        if re.search(rf"(?<![a-zäöüß]){re.escape(word)}(?![a-zäöüß])", lowered):
            return channel
    return "other"


@dataclass
class _Marks:
    """What the brackets after a touchpoint name say; ``unknown`` lists what they do not."""

    channel: str | None = None
    mode: str | None = None
    ownership: str | None = None
    importance: int | None = None
    unknown: list[str] = field(default_factory=list)


def _marks(text: str) -> _Marks:
    marks = _Marks()
    maybe_channels: list[str] = []
    for part in (p.strip() for p in text.split(",")):
        lowered = part.casefold()
        if not part:
            continue
        if lowered in words.MODE_WORDS:
            marks.mode = words.MODE_WORDS[lowered]
        elif lowered in words.OWNERSHIP_WORDS:
            marks.ownership = words.OWNERSHIP_WORDS[lowered]
        elif re.fullmatch(r"[1-5]\s*/\s*5", part):
            marks.importance = int(part[0])
        elif lowered in words.CHANNEL_WORDS or lowered in KNOWN_CHANNELS:
            marks.channel = words.CHANNEL_WORDS.get(lowered, lowered)
        elif re.fullmatch(r"[a-z0-9][a-z0-9_-]{0,39}", part):
            maybe_channels.append(part)
        else:
            marks.unknown.append(part)
    # A channel journeykit has no word for ("messenger") counts as one only beside a mode or
    # ownership mark, as the export writes them; alone it is more likely part of the name.
    if maybe_channels and (marks.mode or marks.ownership) and marks.channel is None:
        marks.channel = maybe_channels.pop(0)
    marks.unknown.extend(maybe_channels)
    return marks


def read_touchpoint(reader: SheetReader, line: str, row: int, column: int) -> Touchpoint | None:
    """A touchpoint from ``Name (channel, digital|persönlich, direkt|indirekt, 4/5)``.

    Marks left out are derived from the channel, and the channel from words in the name; a
    problem is reported and ``None`` returned when the marks mix known and unknown words.
    """
    name = line
    marks = _Marks()
    found = words.TOUCHPOINT_LINE.match(line)
    if found:
        read = _marks(found.group("marks"))
        recognised = read.channel or read.mode or read.ownership or read.importance
        if recognised and read.unknown:
            reader.problem(
                "unknown_touchpoint_mark",
                f"touchpoint mark {read.unknown[0]!r} is not known; expected a channel (web, "
                "email, phone, store, …), digital/persönlich, direkt/indirekt or an importance "
                "like 4/5",
                row,
                column,
            )
            return None
        if recognised:  # else "Hotline (Mo–Fr)": the brackets belong to the name
            name, marks = found.group("name"), read
    if not name.strip():
        reader.problem("missing_touchpoint_name", "a touchpoint has no name", row, column)
        return None
    channel = marks.channel or _guess_channel(name)
    return Touchpoint(
        id=reader.ids.make("tp", name),
        name=name.strip(),
        channel=channel,
        mode=marks.mode or ("personal" if channel in words.PERSONAL_CHANNELS else "digital"),
        ownership=marks.ownership
        or ("indirect" if channel in words.INDIRECT_CHANNELS else "direct"),
        importance=marks.importance,
    )


def read_emotion(
    reader: SheetReader, text: str, persona_id: str, row: int, column: int
) -> Emotion | None:
    """A persona's emotion from ``-2``…``2``, optionally with its rating (``1 (okay)``)."""
    normalised = text.replace("−", "-").replace("–", "-")
    found = words.EMOTION_CELL.match(normalised)
    if found is None or not -2 <= int(found.group("score")) <= 2:
        reader.problem(
            "invalid_emotion",
            f"expected an emotion score from -2 to 2 (a whole number), found {text!r}",
            row,
            column,
        )
        return None
    given = (found.group("bracketed") or found.group("word") or "").strip()
    rating_word = given.casefold()
    rating = words.RATING_WORDS.get(rating_word) if rating_word else None
    if rating_word and rating is None:
        reader.problem(
            "invalid_rating",
            f"unknown rating {given!r}; expected begeisternd/okay/enttäuschend "
            "or delighting/okay/disappointing",
            row,
            column,
            did_you_mean(rating_word, words.RATING_WORDS),
        )
        return None
    return Emotion(persona_id=persona_id, score=int(found.group("score")), rating=rating)


def too_long(reader: SheetReader, text: str, row: int, column: int) -> bool:
    """Whether ``text`` exceeds :data:`MAX_TEXT` (reported as a problem if so)."""
    if len(text) > MAX_TEXT:
        reader.problem(
            "text_too_long",
            f"an entry has {len(text)} characters; at most {MAX_TEXT}",
            row,
            column,
        )
        return True
    return False
