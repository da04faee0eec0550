"""Bad files get one clear issue per problem: file, line, path, code and a did-you-mean."""

from __future__ import annotations

from pathlib import Path

import pytest

from journeykit.model.errors import DocumentInvalid, Issue
from journeykit.model.fileformat import load_document, read_document

VALID = """\
format_version: 1
personas:
  - id: anna
    name: Anna
journey:
  id: kauf
  title: Kauf
  state: as_is
  persona_ids: [anna]
  phases:
    - id: awareness
      name: {en: Awareness, de: Bewusstsein}
      steps:
        - id: sieht-anzeige
          title: Sieht Anzeige
          lanes:
            emotions:
              - {persona_id: anna, score: 1, rating: okay}
evidence:
  - id: ev1
    kind: quote
    text: "Ich vergleiche immer erst Preise."
    step_ids: [sieht-anzeige]
"""


def issues_of(text: str, fmt: str = "yaml") -> list[Issue]:
    with pytest.raises(DocumentInvalid) as caught:
        load_document(text, fmt, "map.yaml")  # type: ignore[arg-type]
    return caught.value.issues


def only_issue(text: str) -> Issue:
    (issue,) = issues_of(text)
    return issue


def test_the_valid_example_loads() -> None:
    doc = load_document(VALID, "yaml", "map.yaml")
    assert doc.journey.phases[0].steps[0].lanes.emotions[0].score == 1


def test_unknown_key_names_line_path_and_suggests_the_field() -> None:
    issue = only_issue(VALID.replace("          title: Sieht", "          titel: Sieht"))
    assert issue.code == "unknown_key"
    assert (issue.file, issue.line) == ("map.yaml", 15)
    assert issue.path == "journey.phases[0].steps[0].titel"
    assert issue.suggestion == "title"


def test_missing_required_key() -> None:
    issues = issues_of(VALID.replace("  title: Kauf\n", ""))
    assert [(i.code, i.path) for i in issues] == [("missing_field", "journey.title")]


def test_score_out_of_range() -> None:
    issue = only_issue(VALID.replace("score: 1", "score: 3"))
    assert (issue.code, issue.line) == ("out_of_range", 18)
    assert issue.path.endswith("emotions[0].score")


def test_wrong_type() -> None:
    issue = only_issue(VALID.replace("score: 1", "score: sehr gut"))
    assert issue.code == "wrong_type"


def test_invalid_choice_suggests_the_nearest_value() -> None:
    issue = only_issue(VALID.replace("state: as_is", "state: as-is"))
    assert (issue.code, issue.suggestion) == ("invalid_choice", "as_is")


def test_dangling_reference_suggests_an_existing_id() -> None:
    issue = only_issue(VALID.replace("step_ids: [sieht-anzeige]", "step_ids: [sieht-anzeig]"))
    assert (issue.code, issue.path, issue.line) == (
        "dangling_reference",
        "evidence[0].step_ids[0]",
        23,
    )
    assert issue.suggestion == "sieht-anzeige"


def test_duplicate_id_points_at_the_second_use() -> None:
    issue = only_issue(VALID.replace("  - id: ev1", "  - id: sieht-anzeige"))
    assert issue.code == "duplicate_id"
    assert issue.path == "evidence[0].id"
    assert "journey.phases[0].steps[0].id" in issue.message


def test_unknown_format_version() -> None:
    issue = only_issue(VALID.replace("format_version: 1", "format_version: 7"))
    assert (issue.code, issue.line) == ("unknown_format_version", 1)


def test_malformed_yaml_names_the_line() -> None:
    issue = only_issue(VALID.replace("    name: Anna", "    name: [Anna"))
    assert issue.code == "malformed_yaml"
    assert issue.line is not None and issue.line >= 4


def test_duplicate_yaml_key() -> None:
    issue = only_issue(VALID.replace("  title: Kauf\n", "  title: Kauf\n  title: Kauf 2\n"))
    assert (issue.code, issue.line) == ("duplicate_key", 8)  # the second title


def test_malformed_and_duplicate_json() -> None:
    assert issues_of('{"format_version": 1,', "json")[0].code == "malformed_json"
    issue = issues_of('{"format_version": 1,\n "format_version": 1}', "json")[0]
    assert (issue.code, issue.line) == ("duplicate_key", 2)


def test_json_errors_carry_lines_too() -> None:
    text = (
        '{\n  "format_version": 1,\n  "journey": {\n'
        '    "id": "j",\n    "title": "T",\n    "state": "soon"\n  }\n}'
    )
    issue = issues_of(text, "json")[0]
    assert (issue.code, issue.line, issue.path) == ("invalid_choice", 6, "journey.state")


def test_a_document_must_be_a_mapping() -> None:
    assert only_issue("- just\n- a list\n").code == "wrong_type"
    assert only_issue("").code == "wrong_type"


def test_every_problem_is_reported_in_line_order() -> None:
    text = VALID.replace("state: as_is", "state: gone").replace("score: 1", "score: 9")
    assert [i.code for i in issues_of(text)] == ["invalid_choice", "out_of_range"]


def test_read_document_from_files(tmp_path: Path) -> None:
    good = tmp_path / "map.yml"
    good.write_text(VALID, encoding="utf-8")
    assert read_document(good).journey.id == "kauf"
    latin = tmp_path / "latin.yaml"
    latin.write_bytes(VALID.replace("Kauf", "Kühlschrank").encode("cp1252"))
    with pytest.raises(DocumentInvalid) as caught:
        read_document(latin)
    assert caught.value.issues[0].code == "not_utf8"
    with pytest.raises(DocumentInvalid) as missing:
        read_document(tmp_path / "nope.yaml")
    assert missing.value.issues[0].code == "file_not_found"


def test_issue_one_line_reads_like_a_compiler_message() -> None:
    issue = only_issue(VALID.replace("          title: Sieht", "          titel: Sieht"))
    assert issue.one_line() == (
        "map.yaml:15: journey.phases[0].steps[0].titel: unknown key 'titel' in step "
        "[unknown_key] (did you mean 'title'?)"
    )
