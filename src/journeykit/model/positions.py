"""Where each value of a parsed YAML or JSON text sits, so errors can name the line."""

from __future__ import annotations

from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from journeykit.model.references import Loc


class PositionMap:
    """Maps document paths to 1-based line numbers of the text they were parsed from."""

    def __init__(self, lines: dict[Loc, int] | None = None) -> None:
        self._lines = lines or {}

    @classmethod
    def of(cls, tree: Any) -> PositionMap:
        """Record the positions of every key and item in a ruamel round-trip tree."""
        lines: dict[Loc, int] = {}

        def walk(node: Any, loc: Loc) -> None:
            if isinstance(node, CommentedMap):
                for key, value in node.items():
                    line, _column = node.lc.key(key)
                    child: Loc = (*loc, str(key))
                    lines[child] = line + 1
                    walk(value, child)
            elif isinstance(node, CommentedSeq):
                for index, value in enumerate(node):
                    line, _column = node.lc.item(index)
                    child = (*loc, index)
                    lines[child] = line + 1
                    walk(value, child)

        if hasattr(tree, "lc") and tree.lc.line is not None:
            lines[()] = tree.lc.line + 1
        walk(tree, ())
        return cls(lines)

    def line(self, loc: Loc) -> int | None:
        """The line of ``loc``, or of its nearest ancestor that the text has."""
        for end in range(len(loc), -1, -1):
            found = self._lines.get(tuple(loc[:end]))
            if found is not None:
                return found
        return None
