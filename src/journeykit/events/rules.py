"""Touchpoint rules: which events belong to which touchpoint and phase of the journey map.

Rules live in the workspace as ``touchpoint-rules.yaml``. The first rule whose match holds
gives an event its touchpoint; the first matching rule that names a phase gives its phase.

.. code-block:: yaml

    rules:
      - match: {events: [price_click], channels: [price_comparison]}
        touchpoint: tp-preisradar-angebot
        phase: awareness
      - match: {events: ["checkout_*"], syntax: glob}
        touchpoint: tp-checkout
        phase: acquisition
      - match: {properties: {page_type: "pdp"}}
        touchpoint: tp-produktseite

Patterns are compiled into SQL with bound parameters: no text from a rule is ever spliced
into a query.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from journeykit.model.base import Id, Record, Text
from journeykit.model.document import JourneyDocument
from journeykit.model.fileformat import dump_data, format_for_path, load_model, read_text
from journeykit.model.touchpoint import EventMatch

RULES_FILE = "touchpoint-rules.yaml"

Syntax = Literal["exact", "glob", "regex"]


class Rule(Record):
    """One rule: what an event must match, and the touchpoint and phase it then belongs to."""

    match: EventMatch
    touchpoint: Id | None = None
    phase: Id | None = None

    @model_validator(mode="after")
    def _assigns_something(self) -> Rule:
        if self.touchpoint is None and self.phase is None:
            raise PydanticCustomError("missing_field", "a rule needs a touchpoint or a phase")
        return self


class TouchpointRules(Record):
    """The ordered rules of a workspace."""

    rules: list[Rule] = Field(default_factory=list)
    description: Text | None = None


def read_rules(path: Path) -> TouchpointRules:
    """Read rules from a YAML or JSON file, with located errors for anything wrong."""
    text = read_text(path)
    return load_model(text, format_for_path(path, text), TouchpointRules, str(path))


def workspace_rules(folder: Path) -> TouchpointRules:
    """The workspace's rules, or none if it has no rules file yet."""
    path = folder / RULES_FILE
    return read_rules(path) if path.is_file() else TouchpointRules()


def write_rules(path: Path, rules: TouchpointRules) -> None:
    """Write rules as YAML in the canonical form journey files use."""
    data = rules.model_dump(mode="json", exclude_defaults=True)
    path.write_text(dump_data(data, "yaml"), encoding="utf-8")


def rules_from_journey(doc: JourneyDocument) -> TouchpointRules:
    """Rules from the touchpoints of a journey map that say how to find them in the log."""
    rules = [
        Rule(match=touchpoint.event_match, touchpoint=touchpoint.id, phase=phase.id)
        for phase, step in doc.journey.steps()
        for touchpoint in step.touchpoints
        if touchpoint.event_match is not None
    ]
    return TouchpointRules(rules=rules, description=f"From journey {doc.journey.id}")


class SqlCase:
    """A ``CASE`` expression built from rules, with its bound parameters."""

    def __init__(self) -> None:
        self.params: dict[str, Any] = {}

    def _param(self, value: Any) -> str:
        name = f"rule_p{len(self.params)}"
        self.params[name] = value
        return f"${name}"

    def _pattern(self, column: str, patterns: list[str], syntax: Syntax) -> str:
        tests = []
        for pattern in patterns:
            placeholder = self._param(pattern)
            if syntax == "exact":
                tests.append(f"{column} = {placeholder}")
            elif syntax == "glob":
                tests.append(f"{column} GLOB {placeholder}")
            else:
                tests.append(f"regexp_full_match({column}, {placeholder})")
        return "(" + " OR ".join(tests) + ")"

    def condition(self, match: EventMatch) -> str:
        """SQL that holds for rows of ``raw_events`` columns the match accepts."""
        parts = []
        syntax = match.syntax
        if match.events:
            parts.append(self._pattern("event", match.events, syntax))
        if match.channels:
            parts.append(self._pattern("channel", match.channels, syntax))
        for key, value in match.properties.items():
            path = self._param(f"$.{_json_key(key)}")
            column = f"json_extract_string(properties, {path})"
            parts.append(self._pattern(column, [value], syntax))
        return " AND ".join(parts)

    def case(self, rules: TouchpointRules, field: Literal["touchpoint", "phase"]) -> str:
        """``CASE WHEN <match> THEN <value> … END`` giving the first rule's value, else NULL."""
        branches = [
            f"WHEN {self.condition(rule.match)} THEN {self._param(getattr(rule, field))}"
            for rule in rules.rules
            if getattr(rule, field) is not None
        ]
        if not branches:
            return "CAST(NULL AS VARCHAR)"
        return "CASE " + " ".join(branches) + " END"


def _json_key(key: str) -> str:
    # A JSON path member in double quotes, so keys with dots or spaces stay one member.
    return '"' + key.replace("\\", "\\\\").replace('"', '\\"') + '"'
