"""The message catalogs: complete, used, translated, and the checks that say so can fail."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from babel.messages.frontend import parse_mapping_cfg

from journeykit.web.catalog import add_text, new_catalog, write_catalog
from journeykit.web.catalog_checks import (
    KEYWORDS,
    METHOD_MAP,
    OPTIONS_MAP,
    PACKAGE_FOLDER,
    catalog_problems,
    extracted_keys,
    usage_problems,
    write_template,
)
from journeykit.web.i18n import LANGUAGES, catalog_path, read_catalog, translate
from journeykit.web.key_families import OPTIONAL_FAMILIES, family_keys
from journeykit.web.template_texts import bare_template_texts, bare_texts

REPOSITORY = PACKAGE_FOLDER.parents[1]


def make_catalogs(folder: Path, texts: dict[str, dict[str, str]]) -> Path:
    """Catalogs under ``folder`` holding ``texts`` (key -> language -> text)."""
    for language in LANGUAGES:
        catalog = new_catalog(language)
        for key, entry in texts.items():
            if language in entry:
                add_text(catalog, key, entry[language])
        write_catalog(catalog, language, folder)
    return folder


def test_the_shipped_catalogs_are_complete_and_translated() -> None:
    assert catalog_problems() == []
    assert len(read_catalog("de")) == len(read_catalog("en")) > 250


def test_every_key_the_code_uses_has_both_texts_and_every_text_is_used() -> None:
    assert usage_problems() == []


def test_extraction_finds_the_keys_of_python_and_templates() -> None:
    files = {use.file.split("/")[0] for use in extracted_keys()}
    keys = {use.key for use in extracted_keys()}
    assert {"web"} == files
    assert {"nav.projects", "history.revision", "error.blank", "rev.set_emotion"} <= keys
    assert {"status.draft", "map.phase", "entity.kpi"} <= family_keys()


def test_babel_cfg_has_the_mapping_and_keywords_the_checks_use() -> None:
    text = (REPOSITORY / "babel.cfg").read_text(encoding="utf-8")
    with (REPOSITORY / "babel.cfg").open() as cfg:
        method_map, options_map = parse_mapping_cfg(cfg)  # type: ignore[no-untyped-call]
    prefix = "src/journeykit/"
    assert [(pattern.removeprefix(prefix), method) for pattern, method in method_map] == METHOD_MAP
    assert {p.removeprefix(prefix): o for p, o in options_map.items() if o} == OPTIONS_MAP
    documented = re.findall(r"-k (\w+)(?::(\d))?", text)
    assert {name: ((int(index),) if index else None) for name, index in documented} == KEYWORDS


def test_the_catalogs_ship_in_the_wheel() -> None:
    project = tomllib.loads((REPOSITORY / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = project["tool"]["setuptools"]["package-data"]["journeykit"]
    shipped = {path for pattern in patterns for path in PACKAGE_FOLDER.glob(pattern)}
    for language in LANGUAGES:
        assert catalog_path(language) in shipped
    assert "babel" in " ".join(project["project"]["dependencies"])


def test_a_catalog_problem_of_each_kind_is_reported(tmp_path: Path) -> None:
    folder = make_catalogs(
        tmp_path,
        {
            "ok.key": {"de": "Speichern", "en": "Save"},
            "only.english": {"en": "Lonely"},
            "empty.de": {"de": "", "en": "Empty"},
            "same.text": {"de": "Dashboard", "en": "Dashboard"},
            "same.allowed": {"de": "KPI", "en": "KPI"},
            "wrong.placeholder": {"de": "Seite {seite}", "en": "Page {page}"},
            "Bad Key": {"de": "Schlecht", "en": "Bad"},
        },
    )
    catalog = read_catalog("de", folder)
    catalog["ok.key"].flags.add("fuzzy")
    write_catalog(catalog, "de", folder)
    problems = "\n".join(catalog_problems(folder))
    assert "de: 'ok.key'" in problems and "fuzzy" in problems
    assert "de: 'only.english' is missing (the en catalog has it)" in problems
    assert "de: 'empty.de'" in problems and "has no text" in problems
    assert "'same.text': German and English are both 'Dashboard'" in problems
    assert "same.allowed" not in problems
    assert "'wrong.placeholder': the placeholders differ" in problems
    assert "'Bad Key'" in problems and "dotted lowercase" in problems
    assert len(catalog_problems(folder)) == 7  # the bad key in both catalogs


def test_missing_unused_and_undeclared_built_keys_are_reported(tmp_path: Path) -> None:
    source = tmp_path / "pkg"
    (source / "web" / "templates").mkdir(parents=True)
    (source / "web" / "page.py").write_text(
        "def show(visit, t, name):\n"
        "    visit.t('page.title')\n"
        "    t(f'colour.{name}')\n"
        "    raise FieldInvalid('name', 'error.nameless', 'needs a name')\n",
        encoding="utf-8",
    )
    (source / "web" / "templates" / "page.html").write_text(
        '<h1>{{ t("page.heading") }}</h1><p>{{ t("status." ~ s) }} {{ t(key) }}</p>',
        encoding="utf-8",
    )
    texts = {key: {"de": f"{key} de", "en": f"{key} en"} for key in family_keys()}
    texts["page.title"] = {"de": "Titel", "en": "Title"}
    texts["page.unused"] = {"de": "Übrig", "en": "Left over"}
    texts["field.title"] = {"de": "Titel", "en": "Title"}
    texts["field.no_such_field"] = {"de": "Nichts", "en": "Nothing"}
    folder = make_catalogs(tmp_path / "locale", texts)
    problems = "\n".join(usage_problems(source, folder))
    assert "'page.heading' has no de text" in problems
    assert "'error.nameless' has no en text" in problems
    assert "web/page.py:3: a key built from 'colour.' belongs to no family" in problems
    assert "web/templates/page.html:1: t() needs a literal key" in problems
    assert "'page.unused' is in the catalogs but nothing uses it" in problems
    assert "'field.no_such_field' is in the catalogs but nothing uses it" in problems
    assert "'field.title'" not in problems and "'status." not in problems
    assert "'page.title'" not in problems


def test_the_templates_have_no_bare_text() -> None:
    assert bare_texts(PACKAGE_FOLDER / "web" / "templates") == []


def test_bare_text_in_a_template_is_found_with_its_line() -> None:
    source = (
        '{% block main_class %}page wide{% endblock %}\n<h1>{{ t("a.b") }}</h1>\n'
        "<p>Save changes</p>\n"
        '<button title="Close window" aria-label="{{ t(\'c.d\') }}">×</button>\n'
        '<input placeholder="{{ t(\'e.f\') }} here">\n{{ x or "nothing yet" }}\n'
        '<script>const label = "not a page text";</script>\n<span>journeykit · 3</span>'
    )
    found = bare_template_texts(source, "page.html")
    assert found == [
        "page.html:3: bare text 'Save changes': put it in t(...)",
        "page.html:4: bare text title='Close window': put it in t(...)",
        "page.html:5: bare text placeholder='… here': put it in t(...)",
        "page.html:6: bare text 'nothing yet': put it in t(...)",
    ]


def test_translate_fills_placeholders_and_refuses_unknown_keys() -> None:
    assert translate("history.revision", "de", number=7) == "Revision 7"
    assert translate("nav.projects", "en") == "Projects"
    assert translate("nav.projects", "fr") == translate("nav.projects", "de") == "Projekte"
    with pytest.raises(KeyError):
        translate("nav.no_such_text", "de")


def test_extract_writes_a_template_of_every_key(tmp_path: Path) -> None:
    count = write_template(tmp_path / "messages.pot")
    text = (tmp_path / "messages.pot").read_text(encoding="utf-8")
    assert 'msgid "nav.projects"' in text and 'msgid "status.archived"' in text
    # every catalog entry but the optional families (a field name, a choice), which show
    # themselves when they have no text
    optional = tuple(OPTIONAL_FAMILIES)
    required = [m for m in read_catalog("en") if m.id and not str(m.id).startswith(optional)]
    assert count == len(required)


def test_rewriting_a_catalog_changes_no_byte(tmp_path: Path) -> None:
    # The fold tool rewrites whole catalogs: it must not churn lines it did not add.
    for language in LANGUAGES:
        written = write_catalog(read_catalog(language), language, tmp_path)
        assert written.read_bytes() == catalog_path(language).read_bytes()
