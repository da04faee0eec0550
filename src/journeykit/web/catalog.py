"""The message catalogs as data, and the tool that maintains them.

``python -m journeykit.web.catalog fold src/journeykit/web/messages_x.py`` adds a module of the
shape ``MESSAGES_X = {"key": {"de": "...", "en": "..."}}`` to both catalogs and removes the
module (and its registration line in a ``messages.py``, where one is left); ``check`` runs the
catalog checks the tests run; ``extract`` writes the template of every key the code uses.
docs/i18n.md tells how they fit together.
"""

from __future__ import annotations

import argparse
import ast
import io
import string
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po

from journeykit import __version__
from journeykit.model.errors import JourneykitError
from journeykit.web.i18n import (
    LANGUAGES,
    LOCALE_FOLDER,
    catalog_path,
    read_catalog,
    reload_catalogs,
)

#: Where the catalogs wrap long lines; wide enough that most entries stay on one line.
WIDTH = 100


class CatalogError(JourneykitError):
    """A message module or catalog cannot be folded: names the file, line and key at fault."""

    code = "catalog_invalid"
    status = 422


def placeholders(text: str) -> set[str]:
    """The ``{name}`` placeholders of ``text``.

    >>> sorted(placeholders("Seite {page} von {pages}"))
    ['page', 'pages']
    """
    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError as exc:
        raise ValueError(f"{text!r} is not a valid format string: {exc}") from None


def new_catalog(language: str) -> Catalog:
    """An empty catalog of ``language`` with journeykit's header."""
    return Catalog(
        locale=language,
        domain="messages",
        project="journeykit",
        version=__version__,
        copyright_holder="journeykit developers",
        msgid_bugs_address="journeykit developers",
        header_comment=(
            f"# {'German' if language == 'de' else 'English'} texts of journeykit's interface.\n"
            "# The message ids are the keys the code uses; docs/i18n.md tells how to add one.\n"
            "#"
        ),
        last_translator="journeykit developers",
        language_team=f"journeykit {language}",
        fuzzy=False,
    )


def write_catalog(catalog: Catalog, language: str, folder: Path = LOCALE_FOLDER) -> Path:
    """Write ``catalog`` sorted by key, so two branches adding keys rarely touch one line."""
    target = catalog_path(language, folder)
    target.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=WIDTH, sort_output=True, ignore_obsolete=True)
    target.write_bytes(buffer.getvalue())
    if folder == LOCALE_FOLDER:
        reload_catalogs()
    return target


def add_text(catalog: Catalog, key: str, text: str) -> None:
    """Set ``key`` to ``text`` (a later call for the same key replaces it)."""
    catalog.add(key, text)


@dataclass(frozen=True)
class MessageModule:
    """A helper's dict-shaped message module: its variable, its texts and their lines."""

    path: Path
    variable: str
    texts: dict[str, dict[str, str]]
    lines: dict[str, int]


def read_message_module(path: Path) -> MessageModule:
    """The ``MESSAGES_<NAME> = {...}`` literal of ``path``, checked key by key.

    The module is parsed, never imported: folding must not run a file's code.
    """
    try:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    except (OSError, SyntaxError) as exc:
        raise CatalogError(f"{path}: cannot read the module: {exc}") from None
    for node in tree.body:
        target = node.targets[0] if isinstance(node, ast.Assign) else getattr(node, "target", None)
        value = node.value if isinstance(node, ast.Assign | ast.AnnAssign) else None
        if (
            isinstance(target, ast.Name)
            and target.id.startswith("MESSAGES_")
            and isinstance(value, ast.Dict)
        ):
            return _checked_module(path, target.id, value)
    raise CatalogError(
        f"{path}: no MESSAGES_<NAME> = {{...}} dictionary found",
        hint='expected MESSAGES_X: dict[str, dict[str, str]] = {"key": {"de": ..., "en": ...}}',
    )


def _checked_module(path: Path, variable: str, node: ast.Dict) -> MessageModule:
    texts: dict[str, dict[str, str]] = {}
    lines: dict[str, int] = {}
    for key_node, value_node in zip(node.keys, node.values, strict=True):
        line = getattr(key_node, "lineno", node.lineno)
        where = f"{path}:{line}"
        try:
            key = ast.literal_eval(key_node) if key_node is not None else None
            value = ast.literal_eval(value_node)
        except ValueError:
            raise CatalogError(f"{where}: keys and texts must be plain string literals") from None
        if not isinstance(key, str) or not key:
            raise CatalogError(f"{where}: a key must be a non-empty string, not {key!r}")
        if not isinstance(value, dict) or set(value) != set(LANGUAGES):
            found = sorted(value) if isinstance(value, dict) else type(value).__name__
            raise CatalogError(
                f"{where}: {key!r} must have exactly the languages {list(LANGUAGES)}, found {found}"
            )
        for language, text in value.items():
            if not isinstance(text, str) or not text.strip():
                raise CatalogError(f"{where}: {key!r} has no {language} text")
        try:
            found_placeholders = {language: placeholders(value[language]) for language in value}
        except ValueError as exc:
            raise CatalogError(f"{where}: {key!r}: {exc}") from None
        if len({frozenset(names) for names in found_placeholders.values()}) > 1:
            raise CatalogError(
                f"{where}: {key!r} has different placeholders per language: "
                + ", ".join(f"{lang} {sorted(n)}" for lang, n in found_placeholders.items())
            )
        if key in texts:
            raise CatalogError(f"{where}: {key!r} is listed twice (first at line {lines[key]})")
        texts[key] = dict(value)
        lines[key] = line
    return MessageModule(path, variable, texts, lines)


def fold_texts(
    texts: Mapping[str, Mapping[str, str]], folder: Path = LOCALE_FOLDER, *, source: str = ""
) -> list[str]:
    """Add ``texts`` to both catalogs; returns the keys that were new.

    A key the catalogs already hold with the same texts is left alone (folding twice is
    harmless); with other texts it is refused, all-or-nothing: nothing is written then.
    """
    catalogs = {language: read_catalog(language, folder) for language in LANGUAGES}
    conflicts = []
    added = []
    for key, entry in texts.items():
        held = {language: catalogs[language].get(key) for language in LANGUAGES}
        if all(message is None for message in held.values()):
            added.append(key)
            continue
        for language, message in held.items():
            if message is None or message.string != entry[language]:
                now = "nothing" if message is None else repr(message.string)
                conflicts.append(
                    f"{key!r} ({language}): the catalog holds {now}, "
                    f"{source or 'the module'} says {entry[language]!r}"
                )
    if conflicts:
        raise CatalogError(
            f"{len(conflicts)} text(s) clash with the catalogs: " + "; ".join(conflicts),
            hint="rename the new key or change one text so both agree, then fold again",
        )
    for key in added:
        for language in LANGUAGES:
            add_text(catalogs[language], key, texts[key][language])
    if added:
        for language in LANGUAGES:
            write_catalog(catalogs[language], language, folder)
    return added


def unregister(registry: Path, module: MessageModule) -> bool:
    """Remove the import and ``MESSAGES.update`` lines of ``module`` from ``registry``."""
    if not registry.exists():
        return False
    name = module.path.stem
    lines = registry.read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [
        line
        for line in lines
        if not (
            (f".{name} import" in line and module.variable in line)
            or line.strip() == f"MESSAGES.update({module.variable})"
        )
    ]
    if kept == lines:
        return False
    registry.write_text("".join(kept), encoding="utf-8")
    return True


def fold(path: Path, folder: Path = LOCALE_FOLDER, *, keep: bool = False) -> str:
    """Fold the message module at ``path`` into the catalogs under ``folder``; a report line."""
    module = read_message_module(path)
    added = fold_texts(module.texts, folder, source=str(path))
    registry = path.with_name("messages.py")
    unregistered = unregister(registry, module)
    if not keep:
        path.unlink()
    done = [f"{len(added)} new key(s) of {len(module.texts)} from {path.name} in {folder}"]
    if unregistered:
        done.append(f"removed its registration from {registry}")
    if not keep:
        done.append(f"deleted {path}")
    return "; ".join(done)


def main(argv: Sequence[str] | None = None) -> int:
    """The catalog tool's command line."""
    parser = argparse.ArgumentParser(prog="python -m journeykit.web.catalog", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    folding = commands.add_parser("fold", help="add messages_<name>.py modules to the catalogs")
    folding.add_argument("modules", nargs="+", type=Path)
    folding.add_argument("--keep", action="store_true", help="keep the module file")
    folding.add_argument("--locale", type=Path, default=LOCALE_FOLDER, help="catalog folder")
    checking = commands.add_parser("check", help="run the catalog checks the tests run")
    checking.add_argument("--source", type=Path, default=None, help="package folder to scan")
    checking.add_argument("--locale", type=Path, default=LOCALE_FOLDER, help="catalog folder")
    extracting = commands.add_parser("extract", help="write a .pot of every key the code uses")
    extracting.add_argument("output", type=Path)
    args = parser.parse_args(argv)
    try:
        if args.command == "fold":
            for module in args.modules:
                print(fold(module, args.locale, keep=args.keep))
            return 0
        # The checks need the model and the templates: imported only when asked for.
        from journeykit.web import catalog_checks

        if args.command == "check":
            source = args.source or catalog_checks.PACKAGE_FOLDER
            problems = catalog_checks.all_problems(source, args.locale)
            for problem in problems:
                print(problem)
            print(f"{len(problems)} problem(s)", file=sys.stderr)
            return 1 if problems else 0
        written = catalog_checks.write_template(args.output)
        print(f"{written} key(s) written to {args.output}")
        return 0
    except CatalogError as exc:
        print(f"error: {exc.one_line()}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
