"""The checks that keep both catalogs complete, used and honest, as lists of problems.

Each function returns human-readable problems naming the file, line or key at fault; the tests
demand empty lists, and ``python -m journeykit.web.catalog check`` prints them. Keys are
found the way ``pybabel extract`` finds them (same mapping as ``babel.cfg``, same keywords),
plus the built keys of :mod:`journeykit.web.key_families`.
"""

from __future__ import annotations

import ast
import contextlib
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import write_po
from jinja2 import Environment, nodes

from journeykit.web.catalog import new_catalog, placeholders
from journeykit.web.i18n import LANGUAGES, LOCALE_FOLDER, read_catalog
from journeykit.web.key_families import OPTIONAL_FAMILIES, family_keys, key_families

PACKAGE_FOLDER = Path(__file__).resolve().parents[1]
TEMPLATE_FOLDER = Path(__file__).parent / "templates"

#: The translation calls and which argument holds the key (babel's keyword spec).
KEYWORDS: dict[str, tuple[int, ...] | None] = {
    "t": None,
    "translate": None,
    "_t": (2,),
    "FieldInvalid": (2,),
    "CommentTooLong": (2,),
    "_text": (3,),
    "text_key": None,
}
#: ``babel.cfg``'s mapping, relative to the package folder rather than the repository.
METHOD_MAP = [("**.py", "python"), ("web/templates/**.html", "jinja2")]
OPTIONS_MAP = {
    "web/templates/**.html": {"silent": "false", "trim_blocks": "true", "lstrip_blocks": "true"}
}

#: Texts that are the same word in German and English, on purpose.
SAME_IN_BOTH = frozenset(
    {
        # borrowed words and names German uses as English does
        *("API", "KPI", "KPIs", "NPS", "CSAT", "CES", "Excel (XLSX)", "Mermaid"),
        *("Journey", "Journeys", "Touchpoint", "Touchpoints", "Personas", "Phase", "Name"),
        *("Status", "Revision {number}", "Link", "Text"),
    }
)

_KEY = re.compile(r"^[a-z0-9_]+(\.[a-z0-9_]+)+$")


def catalog_problems(folder: Path = LOCALE_FOLDER) -> list[str]:
    """What is wrong inside the catalogs: gaps, fuzzy or empty texts, mismatched placeholders,
    German that is just the English."""
    catalogs = {language: read_catalog(language, folder) for language in LANGUAGES}
    problems: list[str] = []
    keys: dict[str, set[str]] = {}
    for language, catalog in catalogs.items():
        keys[language] = set()
        for message in catalog:
            if not message.id:
                continue
            key = str(message.id)
            keys[language].add(key)
            where = f"{language}: {key!r} (line {message.lineno})"
            if not _KEY.match(key):
                problems.append(f"{where}: a key is dotted lowercase words, like 'nav.projects'")
            if message.fuzzy:
                problems.append(f"{where}: marked fuzzy, so it is not used: check and unmark it")
            if not isinstance(message.string, str) or not message.string.strip():
                problems.append(f"{where}: has no text")
    for language in LANGUAGES:
        for other in LANGUAGES:
            for key in sorted(keys[other] - keys[language]):
                problems.append(f"{language}: {key!r} is missing (the {other} catalog has it)")
    for key in sorted(set.intersection(*keys.values())):
        texts = {language: str(catalogs[language][key].string) for language in LANGUAGES}
        try:
            names = {language: placeholders(text) for language, text in texts.items()}
        except ValueError as exc:
            problems.append(f"{key!r}: {exc}")
            continue
        if len({frozenset(n) for n in names.values()}) > 1:
            found = ", ".join(f"{lang} {sorted(n)}" for lang, n in names.items())
            problems.append(f"{key!r}: the placeholders differ between languages: {found}")
        if len(set(texts.values())) == 1 and texts["en"] not in SAME_IN_BOTH:
            problems.append(
                f"{key!r}: German and English are both {texts['en']!r}; translate it, or add "
                "the word to SAME_IN_BOTH in web/catalog_checks.py if it is the same in both"
            )
    return problems


@dataclass(frozen=True)
class Use:
    """A translation call in the code: where it is and the key (or key prefix) it names."""

    file: str
    line: int
    key: str
    built: bool = False

    def where(self) -> str:
        """``file:line``."""
        return f"{self.file}:{self.line}"


def extracted_keys(source: Path = PACKAGE_FOLDER) -> list[Use]:
    """The literal keys ``pybabel extract`` finds under ``source``."""
    uses = []
    with contextlib.redirect_stderr(io.StringIO()):  # babel warns on f-string English texts
        for file, line, message, _comments, _context in extract_from_dir(
            source, METHOD_MAP, OPTIONS_MAP, KEYWORDS
        ):
            if isinstance(message, str):
                uses.append(Use(file, line, message))
    return uses


def built_keys(source: Path = PACKAGE_FOLDER) -> list[Use]:
    """The keys the code builds from a literal prefix (``"status." ~ x``, ``f"map.{key}"``).

    A translation call whose key is neither a literal nor built from one in a template is
    reported with an empty key: templates should name their texts.
    """
    uses: list[Use] = []
    for path in sorted(source.rglob("*.py")):
        uses += _python_built_keys(path, str(path.relative_to(source)))
    for path in sorted((source / "web" / "templates").rglob("*.html")):
        uses += _template_built_keys(path, str(path.relative_to(source)))
    return uses


def _python_built_keys(path: Path, name: str) -> Iterator[Use]:
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        called = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
        if called not in KEYWORDS:
            continue
        spec = KEYWORDS[called]
        index = spec[0] - 1 if spec else 0
        if len(node.args) <= index:
            continue
        key = node.args[index]
        prefix = None
        if isinstance(key, ast.JoinedStr) and key.values:
            first = key.values[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                prefix = first.value
        elif (
            isinstance(key, ast.BinOp)
            and isinstance(key.op, ast.Add)
            and isinstance(key.left, ast.Constant)
            and isinstance(key.left.value, str)
        ):
            prefix = key.left.value
        if prefix is not None:
            yield Use(name, node.lineno, prefix, built=True)


def _template_built_keys(path: Path, name: str) -> Iterator[Use]:
    tree = Environment().parse(path.read_text(encoding="utf-8"))
    for call in tree.find_all(nodes.Call):
        if not (isinstance(call.node, nodes.Name) and call.node.name == "t") or not call.args:
            continue
        key = call.args[0]
        if isinstance(key, nodes.Const):
            continue
        prefix = ""
        if isinstance(key, nodes.Concat) and isinstance(key.nodes[0], nodes.Const):
            prefix = str(key.nodes[0].value)
        elif isinstance(key, nodes.Add) and isinstance(key.left, nodes.Const):
            prefix = str(key.left.value)
        yield Use(name, call.lineno, prefix, built=True)


def usage_problems(source: Path = PACKAGE_FOLDER, folder: Path = LOCALE_FOLDER) -> list[str]:
    """Keys the code uses that a catalog lacks, catalog entries nothing uses, and built keys
    of an undeclared family."""
    catalogs = {language: read_catalog(language, folder) for language in LANGUAGES}
    held = {language: {str(m.id) for m in c if m.id} for language, c in catalogs.items()}
    problems: list[str] = []
    literal = extracted_keys(source)
    for use in literal:
        for language in LANGUAGES:
            if use.key not in held[language]:
                problems.append(f"{use.where()}: {use.key!r} has no {language} text")
    families = key_families()
    for use in built_keys(source):
        if use.key not in families and use.key not in OPTIONAL_FAMILIES:
            problems.append(
                f"{use.where()}: a key built from {use.key!r} belongs to no family; declare "
                "the prefix and its values in web/key_families.py"
                if use.key
                else f"{use.where()}: t() needs a literal key or a declared prefix"
            )
    for key in sorted(family_keys()):
        for language in LANGUAGES:
            if key not in held[language]:
                problems.append(f"{key!r} (a built key) has no {language} text")
    used = {use.key for use in literal} | family_keys()
    optional = {prefix: values() for prefix, values in OPTIONAL_FAMILIES.items()}
    for key in sorted(set.union(*held.values()) - used):
        prefix = next((p for p in optional if key.startswith(p)), None)
        if prefix is not None and key.removeprefix(prefix) in optional[prefix]:
            continue
        problems.append(f"{key!r} is in the catalogs but nothing uses it")
    return problems


def all_problems(source: Path = PACKAGE_FOLDER, folder: Path = LOCALE_FOLDER) -> list[str]:
    """Every catalog and usage problem, and bare text in the templates."""
    from journeykit.web.template_texts import bare_texts

    return [
        *catalog_problems(folder),
        *usage_problems(source, folder),
        *bare_texts(source / "web" / "templates"),
    ]


def write_template(output: Path, source: Path = PACKAGE_FOLDER) -> int:
    """Write a ``.pot`` of every key found (literal and built) to ``output``; the key count."""
    template: Catalog = new_catalog("en")
    template.locale = None
    for use in extracted_keys(source):
        template.add(use.key, locations=[(use.file, use.line)])
    for key in sorted(family_keys()):
        template.add(key, auto_comments=["built at run time: see web/key_families.py"])
    buffer = io.BytesIO()
    write_po(buffer, template, width=100, sort_output=True)
    output.write_bytes(buffer.getvalue())
    return len(template)
