"""Every word the renderers print, in German and English."""

from __future__ import annotations

from journeykit.model.lanes import RATING_LABELS, TEXT_LANES

#: The lanes of a map in the order they are drawn, top to bottom.
LANE_ORDER: tuple[str, ...] = (
    "touchpoints",
    "actions",
    "thoughts",
    "emotions",
    "needs",
    "pain_points",
    "love_points",
    "opportunities",
    "frontstage",
    "backstage",
    "support_processes",
    "evidence",
)

_LABELS: dict[str, tuple[str, str]] = {
    **TEXT_LANES,
    # Soft hyphens tell the map where a long compound may break.
    "opportunities": ("Opportunities", "Optimierungs\u00adpotenziale"),
    "support_processes": ("Support processes", "Unterstützungs\u00adprozesse"),
    "touchpoints": ("Touchpoints", "Touchpoints"),
    "emotions": ("Emotions", "Emotionen"),
    "evidence": ("Evidence & KPIs", "Belege & KPIs"),
    "as_is": ("As-is journey", "Ist-Journey"),
    "to_be": ("To-be journey", "Soll-Journey"),
    "revision": ("revision", "Revision"),
    "steps": ("steps", "Schritte"),
    "phases": ("Phases", "Phasen"),
    "step_column": ("Steps", "Schritte"),
    "personas": ("personas", "Personas"),
    "no_steps": ("No steps yet", "Noch keine Schritte"),
    "digital": ("digital", "digital"),
    "personal": ("personal", "persönlich"),
    "direct": ("direct", "direkt"),
    "indirect": ("indirect", "indirekt"),
    "importance": ("importance", "Wichtigkeit"),
    "line_of_visibility": ("line of visibility", "Sichtbarkeitslinie"),
    "line_of_internal_interaction": (
        "line of internal interaction",
        "Linie der internen Interaktion",
    ),
    "kpi": ("KPI", "KPI"),
    "target": ("target", "Ziel"),
    "hypothesis": ("Hypothesis", "Hypothese"),
    "measure": ("Measure", "Maßnahme"),
    "quick_win": ("quick win", "Quick Win"),
    "emotion_of": ("Emotion of {persona} at “{step}”", "Emotion von {persona} bei „{step}“"),
    "emotion_curve": ("Emotion curve", "Emotionskurve"),
    "journey_map": ("Journey map", "Journey Map"),
    "page": ("page {page} of {pages}", "Seite {page} von {pages}"),
    "no_emotions": ("no emotions recorded", "keine Emotionen erfasst"),
}

_EVIDENCE_KINDS: dict[str, tuple[str, str]] = {
    "quote": ("Quote", "Zitat"),
    "observation": ("Observation", "Beobachtung"),
    "interview": ("Interview", "Interview"),
    "survey": ("Survey", "Umfrage"),
    "review": ("Review", "Bewertung"),
    "photo": ("Photo", "Foto"),
    "video": ("Video", "Video"),
    "analytics": ("Analytics", "Analyse"),
}

_STATUSES: dict[str, tuple[str, str]] = {
    "open": ("open", "offen"),
    "supported": ("supported", "bestätigt"),
    "refuted": ("refuted", "widerlegt"),
    "inconclusive": ("inconclusive", "offen im Ergebnis"),
    "idea": ("idea", "Idee"),
    "planned": ("planned", "geplant"),
    "in_progress": ("in progress", "in Arbeit"),
    "done": ("done", "umgesetzt"),
    "dropped": ("dropped", "verworfen"),
}


#: The touchpoint channels; the spreadsheet import reads each of these words back.
_CHANNELS: dict[str, tuple[str, str]] = {
    "web": ("web", "Web"),
    "app": ("app", "App"),
    "email": ("e-mail", "E-Mail"),
    "phone": ("phone", "Telefon"),
    "store": ("store", "Filiale"),
    "social": ("social media", "soziale Medien"),
    "search": ("search", "Suche"),
    "advert": ("advert", "Anzeige"),
    "price_comparison": ("price comparison", "Preisvergleich"),
    "review_site": ("review site", "Bewertungsportal"),
    "word_of_mouth": ("word of mouth", "Mundpropaganda"),
    "chat": ("chat", "Chat"),
    "letter": ("letter", "Brief"),
    "parcel": ("parcel", "Paket"),
    "support": ("support", "Kundenservice"),
}


def _pick(pair: tuple[str, str], language: str) -> str:
    return pair[1] if language == "de" else pair[0]


def label(key: str, language: str, **values: str) -> str:
    """The word for ``key`` in ``language`` ("de" or "en"), with ``{placeholders}`` filled."""
    text = _pick(_LABELS[key], language)
    return text.format(**values) if values else text


def lane_label(lane: str, language: str, *, breakable: bool = False) -> str:
    """The name of a lane; ``breakable`` keeps the soft hyphens a drawing may break at."""
    text = label(lane, language)
    return text if breakable else text.replace("\u00ad", "")


def rating_label(rating: str, language: str) -> str:
    """delighting / okay / disappointing, or begeisternd / okay / enttäuschend."""
    return _pick(RATING_LABELS[rating], language)


def evidence_kind_label(kind: str, language: str) -> str:
    """The kind of a piece of evidence (quote, observation, …)."""
    return _pick(_EVIDENCE_KINDS[kind], language)


def channel_label(channel: str, language: str) -> str:
    """A touchpoint channel as a reader names it (``Mundpropaganda``); an unknown one as is."""
    pair = _CHANNELS.get(channel)
    return _pick(pair, language) if pair else channel


def status_label(status: str, language: str) -> str:
    """The status of a hypothesis or a measure."""
    return _pick(_STATUSES[status], language)


def label_pairs() -> dict[str, tuple[str, str]]:
    """Every word of this module as ``name: (English, German)``, for the tests that keep both
    languages complete (lanes and ratings come from the model's tables)."""
    pairs: dict[str, tuple[str, str]] = {}
    for prefix, table in (
        ("", _LABELS),
        ("evidence.", _EVIDENCE_KINDS),
        ("status.", _STATUSES),
        ("channel.", _CHANNELS),
        ("rating.", RATING_LABELS),
    ):
        pairs.update({prefix + key: pair for key, pair in table.items()})
    return pairs
