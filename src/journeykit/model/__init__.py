"""The journey model: pure pydantic records, the file format and its validation.

This room imports no other room of journeykit.
"""

from journeykit.model.base import LocalizedText, new_id
from journeykit.model.document import FORMAT_VERSION, JourneyDocument
from journeykit.model.errors import DocumentInvalid, Issue, JourneykitError, NotFoundError
from journeykit.model.evidence import Evidence
from journeykit.model.hypothesis import Hypothesis
from journeykit.model.journey import DEFAULT_PHASES, Journey, Phase, Step, default_phases
from journeykit.model.kpi import Kpi
from journeykit.model.lanes import TEXT_LANES, Emotion, LaneItem, Lanes
from journeykit.model.measure import Measure
from journeykit.model.persona import Condition, Persona, Segment
from journeykit.model.project import Project, Scope
from journeykit.model.touchpoint import EventMatch, Touchpoint

__all__ = [
    "DEFAULT_PHASES",
    "FORMAT_VERSION",
    "TEXT_LANES",
    "Condition",
    "DocumentInvalid",
    "Emotion",
    "EventMatch",
    "Evidence",
    "Hypothesis",
    "Issue",
    "Journey",
    "JourneyDocument",
    "JourneykitError",
    "Kpi",
    "LaneItem",
    "Lanes",
    "LocalizedText",
    "Measure",
    "NotFoundError",
    "Persona",
    "Phase",
    "Project",
    "Scope",
    "Segment",
    "Step",
    "Touchpoint",
    "default_phases",
    "new_id",
]
