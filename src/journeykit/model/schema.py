"""The published JSON Schema of the journey file format."""

from __future__ import annotations

from typing import Any

from journeykit.model.comment_annex import CommentAnnex
from journeykit.model.document import FORMAT_VERSION, JourneyDocument

SCHEMA_ID = f"https://journeykit.dev/schema/journey-v{FORMAT_VERSION}.json"


def journey_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) that every journey file of this format version satisfies."""
    schema = JourneyDocument.model_json_schema(mode="validation")
    schema["properties"]["format_version"]["const"] = FORMAT_VERSION
    # An export may carry the journey's comments beside it; an import checks and skips them.
    annex = CommentAnnex.model_json_schema(mode="validation")
    schema.setdefault("$defs", {}).update(annex.get("$defs", {}))
    schema["properties"]["comments"] = annex["properties"]["comments"]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **schema,
        "title": "journeykit journey document",
    }
