"""The Jinja2 environment of the pages: translation, formats, icons and static URLs."""

from __future__ import annotations

import datetime as dt
import functools
import re
from pathlib import Path
from typing import Any

from fastapi.templating import Jinja2Templates
from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup, escape

from journeykit import __version__
from journeykit.model.lanes import RATING_LABELS, TEXT_LANES
from journeykit.render.formats import format_date, format_datetime, format_number, format_percent
from journeykit.render.labels import (
    channel_label,
    evidence_kind_label,
    label,
    lane_label,
    status_label,
)
from journeykit.render.map_cells import kpi_target
from journeykit.render.palette import phase_colour
from journeykit.web.i18n import DEFAULT_LANGUAGE, has_text, preload_catalogs, translate

WEB_FOLDER = Path(__file__).parent
STATIC_FOLDER = WEB_FOLDER / "static"
SPRITE = STATIC_FOLDER / "vendor" / "lucide" / "sprite.svg"
SPRITE_URL = f"/static/vendor/lucide/sprite.svg?v={__version__}"

#: Icons of the touchpoint channels the model knows (Lucide names).
CHANNEL_ICONS = {
    "web": "globe",
    "app": "smartphone",
    "email": "mail",
    "phone": "phone",
    "store": "store",
    "social": "share-2",
    "search": "search",
    "advert": "megaphone",
    "price_comparison": "scale",
    "review_site": "star",
    "word_of_mouth": "users",
    "chat": "message-circle",
    "letter": "file-text",
    "parcel": "package",
    "support": "life-buoy",
}


@functools.cache
def icon_names() -> frozenset[str]:
    """The icons the vendored sprite holds."""
    return frozenset(re.findall(r'<symbol id="([^"]+)"', SPRITE.read_text(encoding="utf-8")))


@functools.lru_cache(maxsize=256)
def icon(name: str, label: str | None = None) -> Markup:
    """A vendored Lucide icon from the sprite (decorative unless ``label`` names it).

    An unknown name raises ``KeyError``: a typo must fail a test, not show an empty square.
    """
    if name not in icon_names():
        raise KeyError(f"no icon {name!r} in {SPRITE.name}")
    accessible = f'role="img" aria-label="{escape(label)}"' if label else 'aria-hidden="true"'
    return Markup(
        f'<svg class="icon" viewBox="0 0 24 24" {accessible}>'
        f'<use href="{SPRITE_URL}#{name}"></use></svg>'
    )


def field_label(field: str, language: str) -> str:
    """A record field's name as a diff shows it; a field without a text shows its own name."""
    key = f"field.{field}"
    return translate(key, language) if has_text(key) else field


def rating_label(rating: str, language: str) -> str:
    """A rating's name (delighting / okay / disappointing) in ``language``."""
    en, de = RATING_LABELS[rating]
    return de if language == "de" else en


def _language(context: Context) -> str:
    language = context.get("lang")
    return language if isinstance(language, str) else DEFAULT_LANGUAGE


@pass_context
def date_filter(context: Context, value: dt.date | None) -> str:
    """``{{ e.date|date }}``: a day in the page's language (23.11.2026, 23 Nov 2026)."""
    return "" if value is None else format_date(value, _language(context))


@pass_context
def datetime_filter(context: Context, value: dt.datetime | None) -> str:
    """``{{ rev.created_at|datetime }}``: a moment to the minute in the page's language."""
    return "" if value is None else format_datetime(value, _language(context))


@pass_context
def number_filter(context: Context, value: float | None, digits: int | None = None) -> str:
    """``{{ count|number }}``: 1.234,5 or 1,234.5; ``digits`` fixes the decimals."""
    return "" if value is None else format_number(value, _language(context), digits=digits)


@pass_context
def percent_filter(context: Context, value: float | None, digits: int = 0) -> str:
    """``{{ share|percent }}``: a share (0.25) as 25 % or 25%."""
    return "" if value is None else format_percent(value, _language(context), digits=digits)


#: The format filters every page uses for dates and numbers (never strftime or ``%``).
FORMAT_FILTERS: dict[str, Any] = {
    "date": date_filter,
    "datetime": datetime_filter,
    "number": number_filter,
    "percent": percent_filter,
}


def build_templates() -> Jinja2Templates:
    """The page templates with journeykit's helpers as globals."""
    preload_catalogs()
    templates = Jinja2Templates(directory=str(WEB_FOLDER / "templates"))
    env = templates.env
    env.globals.update(
        translate=translate,
        icon=icon,
        channel_icon=lambda channel: CHANNEL_ICONS.get(channel, "globe"),
        channel_label=channel_label,
        lane_label=lane_label,
        rating_label=rating_label,
        field_label=field_label,
        render_label=label,
        evidence_kind_label=evidence_kind_label,
        status_label=status_label,
        kpi_target=kpi_target,
        phase_colour=phase_colour,
        text_lanes=list(TEXT_LANES),
        version=__version__,
    )
    env.filters.update(FORMAT_FILTERS)
    env.tests["contains"] = lambda sequence, value: value in sequence
    env.trim_blocks = True
    env.lstrip_blocks = True
    return templates
