"""The ``comments`` section a journey file may carry beside the journey.

Comments are a conversation about a map, not its content: they are not part of a revision and
an import never writes them (see ``docs/adr/0010-comments-and-share-links.md``). An export
carries them so a map leaves the workspace with its discussion; an import checks the section's
shape like every other part of the file and then leaves it out.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import Field, StringConstraints

from journeykit.model.base import Id, Record, Text

#: The longest comment accepted, in characters.
MAX_COMMENT_CHARS = 10_000

#: A comment's text: anything up to :data:`MAX_COMMENT_CHARS` characters.
CommentBody = Annotated[str, StringConstraints(min_length=1, max_length=MAX_COMMENT_CHARS)]


class ExportedComment(Record):
    """One comment as a journey file carries it.

    ``thread`` is the id of the thread's first comment (absent on that first comment);
    ``item_id`` is absent for a comment on the step itself; ``on`` is the text of the step or
    item it was written about (kept when that item is later removed).
    """

    id: int = Field(ge=1)
    thread: int | None = Field(default=None, ge=1)
    step_id: Id
    item_id: Id | None = None
    on: str
    author: Text
    body: CommentBody
    created_at: dt.datetime
    resolved_at: dt.datetime | None = None
    resolved_by: Text | None = None
    mentions: list[Text] = Field(default_factory=list)


class CommentAnnex(Record):
    """The ``comments`` section of a journey file, validated on its own."""

    comments: list[ExportedComment] = Field(default_factory=list)
