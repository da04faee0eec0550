"""Evidence: the facts a map rests on (quotes, observations, survey results, …)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from journeykit.model.base import Id, Record, Text, new_id

EvidenceKind = Literal[
    "quote", "observation", "interview", "survey", "review", "photo", "video", "analytics"
]


class Evidence(Record):
    """A piece of evidence, as text or a link, with its source and the steps it backs."""

    id: Id = Field(default_factory=lambda: new_id("ev"))
    kind: EvidenceKind
    text: Text | None = None
    link: Text | None = None
    source: Text | None = None
    date: dt.date | None = None
    step_ids: list[Id] = Field(default_factory=list)

    @model_validator(mode="after")
    def _has_content(self) -> Evidence:
        if self.text is None and self.link is None:
            raise PydanticCustomError("missing_field", "needs a 'text' or a 'link'")
        return self
