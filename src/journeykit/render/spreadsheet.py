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

from dataclasses import dataclass
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
from journeykit.render import sheet_labels as words
from journeykit.render.sheet_cells import (
    Ids,
    SheetReader,
    cell_lines,
    read_emotion,
    read_touchpoint,
    slug,
    too_long,
)
from journeykit.render.sheet_reading import column_letter, read_grid

_DEFAULT_PHASES = {
    words.normalise(name): (key, en, de, optional)
    for key, en, de, optional in DEFAULT_PHASES
    for name in (key, en, de)
}


@dataclass(frozen=True)
class _Row:
    number: int
    role: str
    persona: str = ""


def _role_of(reader: SheetReader, number: int, name: str) -> _Row | None:
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


def _rows(reader: SheetReader) -> list[_Row]:
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


def _phase(name: str, ids: Ids, language: str) -> Phase:
    known = _DEFAULT_PHASES.get(words.normalise(name))
    if known is not None and known[0] not in ids.taken:
        key, en, de, optional = known
        ids.taken.add(key)
        return Phase(id=key, name=LocalizedText(en=en, de=de), optional=optional)
    label = LocalizedText(de=name) if language == "de" else LocalizedText(en=name)
    return Phase(id=ids.make("ph", name), name=label)


def read_map_sheet(data: bytes, *, filename: str, title: str | None = None) -> JourneyDocument:
    """A new as-is journey document from a spreadsheet grid (``.csv`` or ``.xlsx``).

    ``title`` names the journey (default: the file name without suffix); ids are made from
    titles and names (``st-anzeige-sehen``). Raises
    :class:`~journeykit.model.errors.DocumentInvalid` listing every problem; nothing partial
    is ever returned.
    """
    reader = SheetReader(filename, read_grid(data, filename))
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
            if too_long(reader, phase_name, phase_row.number, column):
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
    reader: SheetReader, column: int, step_row: _Row, rows: list[_Row], personas: dict[str, Persona]
) -> Step | None:
    title = reader.cell(step_row.number, column)
    if too_long(reader, title, step_row.number, column):
        return None
    step_id = reader.ids.make("st", title)
    lanes: dict[str, list[LaneItem]] = {lane: [] for lane in TEXT_LANES}
    touchpoints: list[Touchpoint] = []
    emotions: list[Emotion] = []
    for row in rows:
        text = reader.cell(row.number, column)
        if not text or too_long(reader, text, row.number, column):
            continue
        if row.role == words.EMOTION_ROW:
            emotion = read_emotion(
                reader, text, personas[row.persona.casefold()].id, row.number, column
            )
            if emotion is not None:
                emotions.append(emotion)
        elif row.role == words.TOUCHPOINT_ROW:
            for line in cell_lines(text):
                touchpoint = read_touchpoint(reader, line, row.number, column)
                if touchpoint is not None:
                    touchpoints.append(touchpoint)
        else:
            lane = lanes[row.role]
            for line in cell_lines(text):
                lane.append(LaneItem(id=f"{step_id}-{row.role}-{len(lane) + 1}", text=line))
    return Step(
        id=step_id,
        title=title,
        touchpoints=touchpoints,
        lanes=Lanes(emotions=emotions, **lanes),
    )
