"""The merge tool: a helper's ``MESSAGES_X`` module goes into both catalogs, all or nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from journeykit.web.catalog import CatalogError, fold, main, read_message_module, write_catalog
from journeykit.web.i18n import LOCALE_FOLDER, catalog_path, missing_translations, read_catalog

MODULE = '''"""Texts of the comments."""

from __future__ import annotations

MESSAGES_COMMENTS: dict[str, dict[str, str]] = {
    "sample.title": {"de": "Kommentare", "en": "Comments"},
    "sample.count": {
        "de": "{count} Kommentare von {name}",
        "en": "{count} comments by {name}",
    },
}
'''

REGISTRY = '''"""The old table."""

from journeykit.web.messages_comments import MESSAGES_COMMENTS
from journeykit.web.messages_share import MESSAGES_SHARE

MESSAGES = {"nav.projects": {"de": "Projekte", "en": "Projects"}}
MESSAGES.update(MESSAGES_COMMENTS)
MESSAGES.update(MESSAGES_SHARE)
'''


@pytest.fixture
def workspace(tmp_path: Path) -> tuple[Path, Path]:
    """A copy of the shipped catalogs and a web folder holding a helper's module."""
    locale = tmp_path / "locale"
    shutil.copytree(LOCALE_FOLDER, locale)
    web = tmp_path / "web"
    web.mkdir()
    (web / "messages_comments.py").write_text(MODULE, encoding="utf-8")
    return locale, web


def test_fold_adds_the_texts_to_both_catalogs_and_removes_the_module(
    workspace: tuple[Path, Path],
) -> None:
    locale, web = workspace
    (web / "messages.py").write_text(REGISTRY, encoding="utf-8")
    before = len(read_catalog("de", locale))
    report = fold(web / "messages_comments.py", locale)
    assert "2 new key(s) of 2" in report
    de, en = read_catalog("de", locale), read_catalog("en", locale)
    assert de["sample.count"].string == "{count} Kommentare von {name}"
    assert en["sample.title"].string == "Comments"
    assert len(de) == len(en) == before + 2
    assert not (web / "messages_comments.py").exists()
    registry = (web / "messages.py").read_text(encoding="utf-8")
    assert "MESSAGES_COMMENTS" not in registry
    assert "MESSAGES.update(MESSAGES_SHARE)" in registry and "messages_share import" in registry


def test_folding_twice_is_harmless(workspace: tuple[Path, Path]) -> None:
    locale, web = workspace
    fold(web / "messages_comments.py", locale, keep=True)
    first = catalog_path("de", locale).read_bytes()
    assert "0 new key(s) of 2" in fold(web / "messages_comments.py", locale, keep=True)
    assert catalog_path("de", locale).read_bytes() == first
    assert (web / "messages_comments.py").exists()


def test_a_key_with_other_texts_is_refused_and_nothing_is_written(
    workspace: tuple[Path, Path],
) -> None:
    locale, web = workspace
    clash = MODULE.replace('"sample.title"', '"nav.projects"')
    (web / "messages_comments.py").write_text(clash, encoding="utf-8")
    before = {lang: catalog_path(lang, locale).read_bytes() for lang in ("de", "en")}
    with pytest.raises(CatalogError, match=r"'nav.projects' \(de\): the catalog holds 'Projekte'"):
        fold(web / "messages_comments.py", locale)
    assert {lang: catalog_path(lang, locale).read_bytes() for lang in ("de", "en")} == before
    assert (web / "messages_comments.py").exists()


@pytest.mark.parametrize(
    ("entry", "complaint"),
    [
        ('{"de": "Kommentare"}', r":6: 'sample.title' must have exactly the languages"),
        ('{"de": "Kommentare", "en": " "}', r":6: 'sample.title' has no en text"),
        ('{"de": "Von {name}", "en": "By {who}"}', r":6: 'sample.title' has different place"),
        ('{"de": TITLE, "en": "Comments"}', r":6: keys and texts must be plain string literals"),
        ('{"de": "Seite {", "en": "Page {"}', r":6: 'sample.title': .* not a valid format"),
    ],
)
def test_a_malformed_module_is_refused_with_file_and_line(
    workspace: tuple[Path, Path], entry: str, complaint: str
) -> None:
    _locale, web = workspace
    broken = MODULE.replace('{"de": "Kommentare", "en": "Comments"}', entry)
    (web / "messages_comments.py").write_text(broken, encoding="utf-8")
    with pytest.raises(CatalogError, match="messages_comments.py" + complaint):
        read_message_module(web / "messages_comments.py")


def test_a_module_without_the_dictionary_is_refused(tmp_path: Path) -> None:
    (tmp_path / "messages_x.py").write_text("TEXTS = {}\n", encoding="utf-8")
    with pytest.raises(CatalogError, match="no MESSAGES_<NAME>"):
        read_message_module(tmp_path / "messages_x.py")


def test_the_command_line_folds_and_reports_errors(
    workspace: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    locale, web = workspace
    module = web / "messages_comments.py"
    assert main(["fold", str(module), "--locale", str(locale)]) == 0
    assert "2 new key(s)" in capsys.readouterr().out
    assert main(["fold", str(module), "--locale", str(locale)]) == 2
    assert "cannot read the module" in capsys.readouterr().err


def test_the_check_command_passes_on_the_shipped_catalogs(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["check"]) == 0
    assert "0 problem(s)" in capsys.readouterr().err


def test_the_check_command_fails_on_a_catalog_gap(
    workspace: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    locale, _web = workspace
    catalog = read_catalog("en", locale)
    del catalog["nav.projects"]
    write_catalog(catalog, "en", locale)
    assert missing_translations() == []  # the shipped catalogs are untouched
    assert main(["check", "--locale", str(locale)]) == 1
    out = capsys.readouterr().out
    assert "en: 'nav.projects' is missing (the de catalog has it)" in out
    assert "'nav.projects' has no en text" in out
