"""The words of the spreadsheet grid: row names in German and English, touchpoint and emotion
cells, and the defaults for what a plain Excel map does not say.

The grid (see ``docs/file-format.md``, "Journey maps in a spreadsheet") has one row per lane;
its first column names the row. Names are matched without regard to case, spaces, hyphens and
underscores, so "Pain points", "Painpoints", "pain_points" and "PAIN-POINTS" are one lane.
"""

from __future__ import annotations

import re

from journeykit.model.lanes import RATING_LABELS, TEXT_LANES

PHASE_ROW = "phase"
STEP_ROW = "step"
EMOTION_ROW = "emotions"
TOUCHPOINT_ROW = "touchpoints"

#: Every accepted row name (normalised) and the row it means.
ROW_NAMES: dict[str, str] = {}


def normalise(name: str) -> str:
    """A row name reduced for matching: lower case, letters and digits only."""
    return re.sub(r"[^0-9a-zäöüß]", "", name.casefold())


def _accept(row: str, *names: str) -> None:
    for name in names:
        ROW_NAMES[normalise(name)] = row


_accept(PHASE_ROW, "Phase", "Phasen", "Phases")
_accept(
    STEP_ROW, "Step", "Steps", "Schritt", "Schritte", "Kundenaktivität", "Aktivität", "Activity"
)
_accept(TOUCHPOINT_ROW, "Touchpoints", "Touchpoint", "Berührungspunkte", "Kontaktpunkte")
_accept(EMOTION_ROW, "Emotions", "Emotion", "Emotionen", "Gefühle", "Feels", "Fühlt")
for _lane, (_en, _de) in TEXT_LANES.items():
    _accept(_lane, _lane, _en, _de)
_accept("actions", "Action", "Aktion", "Handlungen", "Does", "Tut")
_accept("thoughts", "Thought", "Gedanke", "Thinks", "Denkt")
_accept("needs", "Need", "Bedürfnis")
_accept("pain_points", "Pain point", "Painpoint", "Schwachstellen", "Stolpersteine")
_accept("love_points", "Love point", "Lovepoint", "Begeisterungsmomente", "Highlights")
_accept("opportunities", "Opportunity", "Optimierungspotenzial", "Potenziale", "Chancen")
_accept("support_processes", "Support", "Support process", "Unterstützungsprozess")

#: The row names as a person writes them, for "did you mean" suggestions.
SUGGESTIONS: tuple[str, ...] = (
    "Phase",
    "Step",
    "Schritt",
    "Touchpoints",
    "Emotions",
    "Emotionen",
    *(label for pair in TEXT_LANES.values() for label in pair),
)

#: Channel words a touchpoint cell may name, German and English, and the channel they mean.
CHANNEL_WORDS: dict[str, str] = {
    "email": "email",
    "e-mail": "email",
    "mail": "email",
    "telefon": "phone",
    "phone": "phone",
    "hotline": "phone",
    "filiale": "store",
    "laden": "store",
    "store": "store",
    "shop": "web",
    "website": "web",
    "web": "web",
    "online": "web",
    "app": "app",
    "social": "social",
    "social media": "social",
    "soziale medien": "social",
    "suche": "search",
    "search": "search",
    "anzeige": "advert",
    "werbung": "advert",
    "advert": "advert",
    "preisvergleich": "price_comparison",
    "price comparison": "price_comparison",
    "price_comparison": "price_comparison",
    "bewertungsportal": "review_site",
    "review site": "review_site",
    "review_site": "review_site",
    "mundpropaganda": "word_of_mouth",
    "word of mouth": "word_of_mouth",
    "word_of_mouth": "word_of_mouth",
    "chat": "chat",
    "brief": "letter",
    "post": "letter",
    "letter": "letter",
    "paket": "parcel",
    "parcel": "parcel",
    "kundenservice": "support",
    "support": "support",
}
MODE_WORDS = {"digital": "digital", "personal": "personal", "persönlich": "personal"}
OWNERSHIP_WORDS = {
    "direct": "direct",
    "direkt": "direct",
    "indirect": "indirect",
    "indirekt": "indirect",
}

#: Channels met in person, and channels the company does not own: the defaults when a
#: touchpoint cell names only the channel.
PERSONAL_CHANNELS = frozenset({"store", "phone", "letter", "parcel", "word_of_mouth"})
INDIRECT_CHANNELS = frozenset({"price_comparison", "review_site", "word_of_mouth", "social"})

#: A touchpoint cell line: ``Name (channel, digital|persönlich, direkt|indirekt, 4/5)``.
TOUCHPOINT_LINE = re.compile(r"^(?P<name>.*?)\s*\((?P<marks>[^()]*)\)\s*$")

#: An emotion cell: a score -2..+2, optionally followed by the rating, e.g. ``-2 (enttäuschend)``.
EMOTION_CELL = re.compile(
    r"^\s*(?P<score>[+-]?\d+)(?:\s*\((?P<bracketed>[^()]*)\)|\s+(?P<word>\S.*?))?\s*$"
)

RATING_WORDS: dict[str, str] = {
    word.casefold(): key for key, pair in RATING_LABELS.items() for word in pair
}
