"""Deriving a to-be journey (Soll-Zustand) from an as-is journey (Ist-Zustand)."""

from __future__ import annotations

from journeykit.model.document import JourneyDocument
from journeykit.model.errors import JourneykitError

TO_BE_SUFFIX = "-to-be"


class NotAsIsError(JourneykitError):
    """Only an as-is journey can be the source of a to-be journey."""

    code = "not_as_is"
    status = 409


def derive_to_be(
    doc: JourneyDocument, *, journey_id: str | None = None, title: str | None = None
) -> JourneyDocument:
    """A to-be journey that starts as a copy of the as-is journey in ``doc``.

    Phases, steps, touchpoints and lanes keep their ids, so the two journeys can be compared
    side by side item by item. Personas, KPIs and measures come along (measures shape the
    to-be); evidence and hypotheses stay with the as-is journey whose reality they document.
    """
    source = doc.journey
    if source.state != "as_is":
        raise NotAsIsError(
            f"journey {source.id!r} is a to-be journey; derive from an as-is journey",
        )
    journey = source.model_copy(
        deep=True,
        update={
            "id": journey_id or f"{source.id[: 80 - len(TO_BE_SUFFIX)]}{TO_BE_SUFFIX}",
            "title": title or f"{source.title} (to-be)",
            "state": "to_be",
            "derived_from": source.id,
        },
    )
    derived = doc.model_copy(
        deep=True,
        update={"revision": None, "journey": journey, "evidence": [], "hypotheses": []},
    )
    # model_copy(update=...) skips validation; re-validate so a bad id or title is refused.
    return JourneyDocument.model_validate(derived.model_dump())
