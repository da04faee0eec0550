"""The journey file format: read and write journey documents as YAML or JSON.

Writing is canonical (fixed key order, defaults left out, one line per value unless the text
spans lines), so export → import → export gives the same bytes. Reading collects every problem
with the file, line, path, a stable code and, where a name was mistyped, the nearest valid one.

>>> from journeykit.model import JourneyDocument, Journey
>>> doc = JourneyDocument(format_version=1, journey=Journey(id="j1", title="Kauf", state="as_is"))
>>> print(dump_document(doc, "yaml"), end="")
format_version: 1
journey:
  id: j1
  title: Kauf
  state: as_is
"""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.scalarstring import LiteralScalarString

from journeykit.model.comment_annex import CommentAnnex
from journeykit.model.document import JourneyDocument
from journeykit.model.errors import DocumentInvalid, Issue
from journeykit.model.positions import PositionMap
from journeykit.model.references import Loc, LocatedIssue, check_references, format_path
from journeykit.model.validation_errors import located_issues

M = TypeVar("M", bound=BaseModel)
Format = Literal["yaml", "json"]
FORMATS: tuple[Format, ...] = ("yaml", "json")


def format_for_path(path: Path, text: str | None = None) -> Format:
    """The format a file is in: by its suffix, else by its first character."""
    suffix = path.suffix.lower()
    if suffix == ".json":
        return "json"
    if suffix in {".yaml", ".yml"}:
        return "yaml"
    return "json" if text is not None and text.lstrip().startswith("{") else "yaml"


def _issue(code: str, message: str, source: str, line: int | None = None) -> Issue:
    return Issue(code=code, message=message, file=source, line=line)


def _plain(node: Any, loc: Loc = ()) -> Any:
    """Turn a parsed tree into JSON-compatible plain values (dates become ISO strings)."""
    if isinstance(node, dict):
        return {str(k): _plain(v, (*loc, str(k))) for k, v in node.items()}
    if isinstance(node, list):
        return [_plain(v, (*loc, i)) for i, v in enumerate(node)]
    if isinstance(node, dt.date | dt.datetime):
        return node.isoformat()
    if node is None or isinstance(node, bool | int | float | str):
        return node
    raise _Unsupported(loc, type(node).__name__)


class _Unsupported(Exception):
    def __init__(self, loc: Loc, kind: str) -> None:
        super().__init__(kind)
        self.loc = loc
        self.kind = kind


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.allow_duplicate_keys = False
    return yaml


def _parse_yaml(text: str, source: str) -> tuple[Any, PositionMap]:
    try:
        tree = _yaml().load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        code = "duplicate_key" if "duplicate key" in str(exc) else "malformed_yaml"
        problem = exc.problem or exc.context or "cannot be parsed"
        raise DocumentInvalid([_issue(code, f"malformed YAML: {problem}", source, line)]) from exc
    except YAMLError as exc:
        raise DocumentInvalid([_issue("malformed_yaml", f"malformed YAML: {exc}", source)]) from exc
    return tree, PositionMap.of(tree)


class _DuplicateKey(Exception):
    pass


def _refuse_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _DuplicateKey(key)
        result[key] = value
    return result


def _parse_json(text: str, source: str) -> tuple[Any, PositionMap]:
    try:
        data = json.loads(text, object_pairs_hook=_refuse_duplicates)
    except json.JSONDecodeError as exc:
        issue = _issue("malformed_json", f"malformed JSON: {exc.msg}", source, exc.lineno)
        raise DocumentInvalid([issue]) from exc
    except _DuplicateKey as exc:
        line = None
        try:  # ruamel knows where the duplicate is; JSON is YAML as far as it is concerned
            _yaml().load(text)
        except MarkedYAMLError as yaml_exc:
            line = yaml_exc.problem_mark.line + 1 if yaml_exc.problem_mark else None
        except YAMLError:
            pass
        issue = _issue("duplicate_key", f"duplicate key {exc.args[0]!r}", source, line)
        raise DocumentInvalid([issue]) from exc
    try:
        positions = PositionMap.of(_yaml().load(text))
    except YAMLError:
        positions = PositionMap()  # rare JSON that YAML reads differently: no line numbers
    return data, positions


def _with_place(issue: LocatedIssue, source: str, positions: PositionMap) -> Issue:
    return Issue(
        code=issue.code,
        message=issue.message,
        path=format_path(issue.loc),
        line=positions.line(issue.loc),
        file=source,
        suggestion=issue.suggestion,
    )


def load_model(
    text: str,
    fmt: Format,
    model: type[M],
    source: str = "<document>",
    *,
    annexes: dict[str, type[BaseModel]] | None = None,
) -> M:
    """Parse ``text`` and validate it as ``model``; raise :class:`DocumentInvalid` listing
    every issue with its line (journeykit's other YAML files read through here too).

    ``annexes`` names top-level sections that are checked against their own model (a record
    with that one field) and then left out of ``model``: the ``comments`` of a journey file."""
    tree, positions = _parse_yaml(text, source) if fmt == "yaml" else _parse_json(text, source)
    if not isinstance(tree, dict):
        found = "nothing" if tree is None else type(tree).__name__
        message = f"the file must be a mapping of keys at the top, found {found}"
        raise DocumentInvalid([_issue("wrong_type", message, source, 1)])
    try:
        data = _plain(tree)
    except _Unsupported as exc:
        message = f"value of type {exc.kind} is not supported here"
        located = LocatedIssue(exc.loc, "wrong_type", message)
        raise DocumentInvalid([_with_place(located, source, positions)]) from exc
    issues: list[Issue] = []
    for key, annex in (annexes or {}).items():
        if key not in data:
            continue
        try:
            annex.model_validate_json(json.dumps({key: data.pop(key)}), strict=True)
        except ValidationError as exc:
            issues += [_with_place(i, source, positions) for i in located_issues(exc, annex)]
    try:
        validated = model.model_validate_json(json.dumps(data), strict=True)
    except ValidationError as exc:
        issues += [_with_place(i, source, positions) for i in located_issues(exc, model)]
    if issues:
        raise DocumentInvalid(sorted(issues, key=lambda i: i.line or 0))
    return validated


def load_document(text: str, fmt: Format, source: str = "<document>") -> JourneyDocument:
    """Parse and validate a journey document; raise :class:`DocumentInvalid` listing every issue."""
    # The comments an export carries are checked, then left out: see comment_annex.
    doc = load_model(text, fmt, JourneyDocument, source, annexes={"comments": CommentAnnex})
    problems = check_references(doc)
    if problems:
        _tree, positions = _parse_yaml(text, source) if fmt == "yaml" else _parse_json(text, source)
        raise DocumentInvalid([_with_place(i, source, positions) for i in problems])
    return doc


def read_text(path: Path) -> str:
    """A text file's content (UTF-8, a byte-order mark is fine), or :class:`DocumentInvalid`."""
    source = str(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError as exc:
        raise DocumentInvalid([_issue("file_not_found", "no such file", source)]) from exc
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise DocumentInvalid([_issue("unreadable_file", reason, source)]) from exc
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        message = f"is not UTF-8 text (byte {exc.start}); save it as UTF-8"
        raise DocumentInvalid([_issue("not_utf8", message, source, line)]) from exc


def read_document(path: Path) -> JourneyDocument:
    """Read a journey document from a YAML or JSON file (UTF-8, a byte-order mark is fine)."""
    text = read_text(path)
    return load_document(text, format_for_path(path, text), str(path))


def validate_document(doc: JourneyDocument, source: str = "<document>") -> None:
    """Raise :class:`DocumentInvalid` if ``doc`` has duplicate ids or dangling references."""
    problems = check_references(doc)
    if problems:
        raise DocumentInvalid([_with_place(i, source, PositionMap()) for i in problems])


def document_data(doc: JourneyDocument) -> dict[str, Any]:
    """The canonical plain-data form of a document (what the files and the API hold)."""
    return doc.model_dump(mode="json", exclude_defaults=True)


def _block_safe(text: str) -> bool:
    """Whether ``text`` reads back unchanged from a YAML literal block."""
    if "\n" not in text or text[0].isspace() or text.strip() != text.rstrip("\n").strip():
        return False
    lines = text.rstrip("\n").split("\n")
    return all(line.isprintable() and line == line.rstrip() for line in lines)


def _literal_blocks(node: Any) -> Any:
    if isinstance(node, dict):
        return {k: _literal_blocks(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_literal_blocks(v) for v in node]
    if isinstance(node, str) and _block_safe(node):
        return LiteralScalarString(node)
    return node


def _yaml_writer() -> YAML:
    yaml = YAML(typ="rt")
    yaml.default_flow_style = False
    yaml.allow_unicode = True
    yaml.width = 1_000_000  # one line per value: readable diffs, no folding
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def dump_data(data: Any, fmt: Format) -> str:
    """Serialise plain data canonically as YAML or JSON text."""
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    buffer = io.StringIO()
    _yaml_writer().dump(_literal_blocks(data), buffer)
    return buffer.getvalue()


def dump_document(doc: JourneyDocument, fmt: Format) -> str:
    """The document as canonical YAML or JSON text."""
    return dump_data(document_data(doc), fmt)
