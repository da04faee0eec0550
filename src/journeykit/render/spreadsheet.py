"""Import a journey map from a spreadsheet grid, the way many teams keep maps in Excel today.

The grid: column A names the rows, every further column is a step. One row holds the phases
(a phase name spans the following step columns until the next name), one the step titles,
and one row per lane holds the items (several per cell on separate lines). Emotion rows hold
scores from -2 to +2, one row per persona (``Emotionen: Sabine``). Row names may be German or
English; see ``docs/file-format.md``, "Journey maps in a spreadsheet".

Any problem refuses the whole file: :func:`read_map_sheet` raises
:class:`~journeykit.model.errors.DocumentInvalid` listing every problem with its file, row
and cell (``C4``), what was expected, and a "did you mean" for a mistyped row name.

>>> grid = b"Phase;Bewusstsein;\\nSchritt;Anzeige sehen;Preise vergleichen\\nEmotionen;1;-2\\n"
>>> doc = read_map_sheet(grid, filename="karte.csv", title="Kauf")
>>> [(p.name.text("de"), [s.title for s in p.steps]) for p in doc.journey.phases]
[('Bewusstsein', ['Anzeige sehen', 'Preise vergleichen'])]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import PurePath

from pydantic import ValidationError

from journeykit.model import (
    DEFAULT_PHASES,
    FORMAT_VERSION,
    Journey,
    JourneyDocument,
    LaneItem,
    Lanes,
    LocalizedText,
    Persona,
    Phase,
    Step,
    Touchpoint,
)
from journeykit.model.errors import DocumentInvalid, Issue, did_you_mean
from journeykit.model.fileformat import validate_document
from journeykit.model.lanes import TEXT_LANES, Emotion
from journeykit.model.touchpoint import KNOWN_CHANNELS
from journeykit.render import sheet_labels as words
from journeykit.render.sheet_reading import column_letter, read_grid

_MAX_TEXT = 20_000
_BULLET = re.compile(r"^\s*(?:[•·▪*]|-(?=\s)|–(?=\s))\s*")
_DEFAULT_PHASES = {
    words.normalise(name): (key, en, de, optional)
    for key, en, de, optional in DEFAULT_PHASES
    for name in (key, en, de)
}


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


class _Ids:
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
class _Reader:
    filename: str
    grid: list[list[str]]
    issues: list[Issue] = field(default_factory=list)
    ids: _Ids = field(default_factory=_Ids)
    german: int = 0
    english: int = 0

    def cell(self, row: int, column: int) -> str:
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


@dataclass(frozen=True)
class _Row:
    number: int
    role: str
    persona: str = ""


def _role_of(reader: _Reader, number: int, name: str) -> _Row | None:
    head, colon, rest = name.partition(":")
    role = words.ROW_NAMES.get(words.normalise(head))
    if role == words.EMOTION_ROW and colon:
        return _Row(number, role, rest.strip())
    role = words.ROW_NAMES.get(words.normalise(name))
    if role is None:
        guess = did_you_mean(name, words.SUGGESTIONS)
        reader.problem(
            "unknown_lane",
            f"unknown row name {name!r}; expected Phase, Schritt/Step or a lane such as "
            "Aktionen, Gedanken, Emotionen, Bedürfnisse, Painpoints, Lovepoints, "
            "Optimierungspotenziale, Touchpoints, Frontstage, Backstage "
            "(start the name with # to skip the row)",
            number,
            1,
            guess,
        )
        return None
    normalised = words.normalise(name)
    german = {words.normalise(de) for _en, de in TEXT_LANES.values()} | {
        "schritt",
        "schritte",
        "emotionen",
        "phasen",
    }
    english = {words.normalise(en) for en, _de in TEXT_LANES.values()} | {
        "step",
        "steps",
        "emotions",
        "phases",
    }
    reader.german += normalised in german - english
    reader.english += normalised in english - german
    return _Row(number, role)


def _rows(reader: _Reader) -> list[_Row]:
    rows: list[_Row] = []
    seen: dict[tuple[str, str], int] = {}
    for number, values in enumerate(reader.grid, start=1):
        name = values[0].strip() if values else ""
        rest = any(v.strip() for v in values[1:])
        if not name:
            if rest:
                reader.problem(
                    "missing_row_name",
                    "this row has entries but no name in column A; expected a lane name "
                    "such as Aktionen or Painpoints",
                    number,
                    1,
                )
            continue
        if name.startswith("#"):  # a comment row: notes the map has no lane for
            continue
        row = _role_of(reader, number, name)
        if row is None:
            continue
        key = (row.role, row.persona.casefold())
        if key in seen:
            reader.problem(
                "duplicate_row",
                f"row {name!r} appears twice (first in row {seen[key]}); merge the two rows",
                number,
                1,
            )
            continue
        seen[key] = number
        rows.append(row)
    return rows


def _lines(text: str) -> list[str]:
    return [
        _BULLET.sub("", line).strip() for line in text.split("\n") if _BULLET.sub("", line).strip()
    ]


def _phase(name: str, ids: _Ids, language: str) -> Phase:
    known = _DEFAULT_PHASES.get(words.normalise(name))
    if known is not None and known[0] not in ids.taken:
        key, en, de, optional = known
        ids.taken.add(key)
        return Phase(id=key, name=LocalizedText(en=en, de=de), optional=optional)
    label = LocalizedText(de=name) if language == "de" else LocalizedText(en=name)
    return Phase(id=ids.make("ph", name), name=label)


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


def _touchpoint(reader: _Reader, line: str, row: int, column: int) -> Touchpoint | None:
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


def _emotion(reader: _Reader, text: str, persona_id: str, row: int, column: int) -> Emotion | None:
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


def _long(reader: _Reader, text: str, row: int, column: int) -> bool:
    if len(text) > _MAX_TEXT:
        reader.problem(
            "text_too_long",
            f"an entry has {len(text)} characters; at most {_MAX_TEXT}",
            row,
            column,
        )
        return True
    return False


def read_map_sheet(data: bytes, *, filename: str, title: str | None = None) -> JourneyDocument:
    """A new as-is journey document from a spreadsheet grid (``.csv`` or ``.xlsx``).

    ``title`` names the journey (default: the file name without suffix); ids are made from
    titles and names (``st-anzeige-sehen``). Raises
    :class:`~journeykit.model.errors.DocumentInvalid` listing every problem; nothing partial
    is ever returned.
    """
    reader = _Reader(filename, read_grid(data, filename))
    rows = _rows(reader)
    by_role = {row.role: row for row in rows if row.role != words.EMOTION_ROW}
    step_row, phase_row = by_role.get(words.STEP_ROW), by_role.get(words.PHASE_ROW)
    if step_row is None:
        reader.problem(
            "missing_step_row",
            "no step row: expected a row named Schritt or Step in column A holding the step titles",
            None,
        )
    if phase_row is None:
        reader.problem(
            "missing_phase_row",
            "no phase row: expected a row named Phase in column "
            "A with a phase name above the first step of each phase",
            None,
        )
    if step_row is None or phase_row is None:
        raise DocumentInvalid(reader.issues)
    language = "en" if reader.english > reader.german else "de"
    width = max(len(values) for values in reader.grid)
    content_rows = [r for r in rows if r.role not in (words.STEP_ROW, words.PHASE_ROW)]
    step_columns = [c for c in range(2, width + 1) if reader.cell(step_row.number, c)]
    for column in range(2, width + 1):
        if column in step_columns:
            continue
        if any(reader.cell(r.number, column) for r in content_rows):
            reader.problem(
                "missing_step_title",
                f"column {column_letter(column)} has entries "
                "but no step title; expected a title in the step row",
                step_row.number,
                column,
            )
    if not step_columns:
        reader.problem("no_steps", "the step row holds no step titles", step_row.number, 2)
    last_step = max(step_columns, default=1)
    for column in range(last_step + 1, width + 1):
        if reader.cell(phase_row.number, column):
            reader.problem(
                "phase_without_steps",
                f"phase {reader.cell(phase_row.number, column)!r} has no step below it or after it",
                phase_row.number,
                column,
            )
    first = min(step_columns, default=2)
    if not any(reader.cell(phase_row.number, c) for c in range(2, first + 1)):
        reader.problem(
            "missing_phase",
            "the first step has no phase; expected a phase name in this cell or to its left",
            phase_row.number,
            first,
        )

    personas: dict[str, Persona] = {}
    for row in content_rows:
        if row.role == words.EMOTION_ROW:
            name = row.persona or "Persona"
            personas[row.persona.casefold()] = Persona(id=reader.ids.make("pe", name), name=name)

    phases: list[Phase] = []
    for column in range(2, last_step + 1):
        phase_name = reader.cell(phase_row.number, column)
        if phase_name:
            if _long(reader, phase_name, phase_row.number, column):
                continue
            phases.append(_phase(phase_name, reader.ids, language))
        if column not in step_columns:
            continue
        step = _step(reader, column, step_row, content_rows, personas)
        # Steps before any phase were reported above; they are still read, for their problems.
        if step is not None and phases:
            phases[-1].steps.append(step)
    if reader.issues:
        raise DocumentInvalid(reader.issues)
    journey_title = (title or PurePath(filename).stem.replace("_", " ")).strip() or "Journey"
    try:
        doc = JourneyDocument(
            format_version=FORMAT_VERSION,
            personas=list(personas.values()),
            journey=Journey(
                id=slug(journey_title),
                title=journey_title,
                state="as_is",
                persona_ids=[p.id for p in personas.values()],
                phases=phases,
            ),
        )
    except ValidationError as exc:
        first_error = exc.errors()[0]
        raise DocumentInvalid(
            [Issue(code="invalid_sheet", message=first_error["msg"], file=filename)]
        ) from exc
    validate_document(doc, filename)
    return doc


def _step(
    reader: _Reader, column: int, step_row: _Row, rows: list[_Row], personas: dict[str, Persona]
) -> Step | None:
    title = reader.cell(step_row.number, column)
    if _long(reader, title, step_row.number, column):
        return None
    step_id = reader.ids.make("st", title)
    lanes: dict[str, list[LaneItem]] = {lane: [] for lane in TEXT_LANES}
    touchpoints: list[Touchpoint] = []
    emotions: list[Emotion] = []
    for row in rows:
        text = reader.cell(row.number, column)
        if not text or _long(reader, text, row.number, column):
            continue
        if row.role == words.EMOTION_ROW:
            emotion = _emotion(
                reader, text, personas[row.persona.casefold()].id, row.number, column
            )
            if emotion is not None:
                emotions.append(emotion)
        elif row.role == words.TOUCHPOINT_ROW:
            for line in _lines(text):
                touchpoint = _touchpoint(reader, line, row.number, column)
                if touchpoint is not None:
                    touchpoints.append(touchpoint)
        else:
            lane = lanes[row.role]
            for line in _lines(text):
                lane.append(LaneItem(id=f"{step_id}-{row.role}-{len(lane) + 1}", text=line))
    return Step(
        id=step_id,
        title=title,
        touchpoints=touchpoints,
        lanes=Lanes(emotions=emotions, **lanes),
    )
