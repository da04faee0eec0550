"""The journey document: a journey with everything that belongs to it, as one file holds it."""

from __future__ import annotations

from pydantic import Field, field_validator
from pydantic_core import PydanticCustomError

from journeykit.model.base import Record
from journeykit.model.evidence import Evidence
from journeykit.model.hypothesis import Hypothesis
from journeykit.model.journey import Journey
from journeykit.model.kpi import Kpi
from journeykit.model.measure import Measure
from journeykit.model.persona import Persona
from journeykit.model.project import Project

#: The file format version this journeykit writes and reads.
FORMAT_VERSION = 1


class JourneyDocument(Record):
    """A journey with its project, personas, evidence, hypotheses, measures and KPIs.

    ``revision`` is the store revision the document was exported from; an import uses it to
    refuse overwriting changes made since (it is absent in a document that never was stored).
    """

    format_version: int
    revision: int | None = Field(default=None, ge=1)
    project: Project | None = None
    personas: list[Persona] = Field(default_factory=list)
    journey: Journey
    evidence: list[Evidence] = Field(default_factory=list)
    hypotheses: list[Hypothesis] = Field(default_factory=list)
    measures: list[Measure] = Field(default_factory=list)
    kpis: list[Kpi] = Field(default_factory=list)

    @field_validator("format_version")
    @classmethod
    def _known_version(cls, value: int) -> int:
        if value != FORMAT_VERSION:
            raise PydanticCustomError(
                "unknown_format_version",
                "format version {found} is not supported; this journeykit reads version {known}",
                {"found": value, "known": FORMAT_VERSION},
            )
        return value

    def persona(self, persona_id: str) -> Persona | None:
        """The persona with ``persona_id``, if the document has it."""
        return next((p for p in self.personas if p.id == persona_id), None)
