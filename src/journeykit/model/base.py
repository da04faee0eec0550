"""Building blocks shared by every record of the model: ids, text types and scales."""

from __future__ import annotations

import uuid
from typing import Annotated

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)
from pydantic_core import PydanticCustomError

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,79}$"

#: A stable identifier: letters, digits and ``_ . : -``, at most 80 characters.
Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]


def new_id(prefix: str) -> str:
    """A fresh random id such as ``st-3f9a1c2b0d``; ids never change once given."""
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


def _not_blank(value: str) -> str:
    if not value.strip():
        raise PydanticCustomError("blank_text", "must not be empty or only spaces")
    return value


#: Text that must say something (titles, names, lane items).
Text = Annotated[str, AfterValidator(_not_blank), StringConstraints(max_length=20_000)]

#: A 1 to 5 rating (importance, impact, effort).
Rating = Annotated[int, Field(ge=1, le=5)]

#: An emotion score from very negative (-2) to very positive (+2).
EmotionScore = Annotated[int, Field(ge=-2, le=2)]


class Record(BaseModel):
    """Base of every model record: unknown keys are errors, assignments are validated."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class LocalizedText(Record):
    """A label in German and English; at least one is given, the other falls back to it."""

    en: Text | None = None
    de: Text | None = None

    @model_validator(mode="after")
    def _one_language_at_least(self) -> LocalizedText:
        if self.en is None and self.de is None:
            raise PydanticCustomError("missing_label", "needs an 'en' or a 'de' label")
        return self

    def text(self, language: str = "en") -> str:
        """The label in ``language`` ("en" or "de"), falling back to the other one."""
        preferred = self.de if language == "de" else self.en
        return preferred or self.en or self.de or ""
