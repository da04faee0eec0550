"""Message keys the code builds at run time, such as ``t("status." ~ project.status)``.

Extraction (``pybabel extract``) sees only literal keys. A key made from a prefix and a value
belongs to a *family* declared here with every value it can take, mostly straight from the
model's literal types; the catalog checks count these keys as used and demand a text for each,
and they fail on a built key whose prefix is not declared.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import get_args

from journeykit.insight.discovery import ItemKind
from journeykit.model import evidence, hypothesis, journey, kpi, lanes, measure, persona, project
from journeykit.model import touchpoint as touchpoints
from journeykit.model.diff import ChangeKind
from journeykit.model.errors import NotFoundError
from journeykit.model.hypothesis import Direction
from journeykit.model.journey import JourneyState
from journeykit.model.kpi import Better, KpiKind, KpiScope
from journeykit.model.project import ProjectStatus
from journeykit.render.export import FORMATS
from journeykit.store.account_errors import CsrfRefused, NotAuthenticated
from journeykit.store.accounts import PROJECT_ROLES
from journeykit.store.audit import AUDIT_ACTIONS
from journeykit.web.auth.guard import RouteNotInPolicy
from journeykit.web.error_texts import ERROR_KINDS, HTTP_STATUSES, PAGE_STATUSES
from journeykit.web.services.fact_fields import FACT_KINDS
from journeykit.web.services.shares import LinkStatus

#: The records ``journeykit.model.diff`` reports changes of (the history page names each).
DIFF_ENTITIES = (
    "journey",
    "phase",
    "step",
    "touchpoint",
    "lane_item",
    "emotion",
    "project",
    "persona",
    "evidence",
    "hypothesis",
    "measure",
    "kpi",
)

#: The repeated labels of the map (``pages/map_fragment.map_labels`` builds ``map.<name>``).
MAP_LABELS = (
    "phase",
    "step",
    "click_to_edit",
    "describe",
    "add_step",
    "delete_phase",
    "delete_step",
    "drag",
    "delete_item",
    "add",
)


def fact_fields() -> tuple[str, ...]:
    """Every field the facts forms show (``facts.field.<name>`` labels it)."""
    return tuple(sorted({f.name for kind in FACT_KINDS.values() for f in kind.fields}))


def fact_choices() -> tuple[str, ...]:
    """The choices of the facts forms (``facts.choice.<field>.<value>``, where a value has a
    word of its own; others show a label of their model, such as a status)."""
    return tuple(
        sorted(
            {
                f"{f.name}.{c}"
                for kind in FACT_KINDS.values()
                for f in kind.fields
                for c in f.choices
            }
        )
    )


#: The refusals of the gate that have a text of their own (``web/auth/guard._refusal``).
REFUSAL_CODES = (
    CsrfRefused.code,
    NotAuthenticated.code,
    NotFoundError.code,
    RouteNotInPolicy.code,
)

#: The list fields of a persona, edited one entry per line.
PERSONA_LISTS = ("goals", "motivations", "challenges", "information_behaviour")


@functools.cache
def record_fields() -> tuple[str, ...]:
    """Every field of a record a diff can report (``field.<name>`` names it on the page)."""
    records = (
        journey.Journey,
        journey.Phase,
        journey.Step,
        touchpoints.Touchpoint,
        lanes.LaneItem,
        lanes.Emotion,
        project.Project,
        persona.Persona,
        evidence.Evidence,
        hypothesis.Hypothesis,
        measure.Measure,
        kpi.Kpi,
    )
    return tuple(sorted({name for record in records for name in record.model_fields}))


def key_families() -> dict[str, tuple[str, ...]]:
    """Each prefix of a built key and the values that complete it."""
    return {
        "status.": get_args(ProjectStatus),
        "state.": get_args(JourneyState),
        "kpi.kind.": get_args(KpiKind),
        "kpi.scope.": get_args(KpiScope),
        "kpi.better.": get_args(Better),
        "hypothesis.direction.": get_args(Direction),
        "diff.": get_args(ChangeKind),
        "entity.": DIFF_ENTITIES,
        "scope.": tuple(project.Scope.model_fields),
        "persona.": PERSONA_LISTS,
        "export.": tuple(FORMATS),
        "map.": MAP_LABELS,
        "error.kind.": ERROR_KINDS,
        "error.status.": tuple(str(status) for status in PAGE_STATUSES),
        "error.http.": tuple(str(status) for status in HTTP_STATUSES),
        "share.status_": get_args(LinkStatus),
        "facts.kind.": tuple(FACT_KINDS),
        "insight.kind.": get_args(ItemKind),
        "facts.add.": tuple(FACT_KINDS),
        "facts.delete.": tuple(FACT_KINDS),
        "facts.rating.": tuple(str(rating) for rating in range(1, 6)),
        "facts.field.": fact_fields(),
        "auth.role.": PROJECT_ROLES,
        "auth.refused.": REFUSAL_CODES,
        "audit.action.": (*AUDIT_ACTIONS, "revision"),
    }


#: Families whose keys are optional: a value without a text shows itself (``field_label``).
OPTIONAL_FAMILIES: dict[str, Callable[[], tuple[str, ...]]] = {
    "field.": record_fields,
    "facts.choice.": fact_choices,
}


def family_keys() -> set[str]:
    """Every key of every required family."""
    return {prefix + value for prefix, values in key_families().items() for value in values}
