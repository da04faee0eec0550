"""The colours of a map: phases, lanes, personas and ratings (print-safe, colour-blind aware)."""

from __future__ import annotations

from dataclasses import dataclass

INK = "#1f2933"
MUTED = "#5b6776"
GRID = "#d5dbe2"
GRID_STRONG = "#9aa6b2"
LABEL_FILL = "#f2f4f7"
BAND_FILL = "#fafbfc"
CARD_STROKE = "#a3adb8"

#: Phase header colours, cycled in phase order; white text reads on each.
PHASES = ("#1d4e89", "#2a7f62", "#6a4c93", "#b0522a", "#0f7482", "#8c2f5a", "#4d5b6b")

#: One colour per persona in the emotion curve (Okabe-Ito based), cycled.
PERSONAS = ("#0072b2", "#d55e00", "#009e73", "#cc79a7", "#b58900", "#56b4e9", "#6c3483", "#333333")

#: Dash patterns per persona, so the lines stay apart in black-and-white print too.
PERSONA_DASHES = ("", "7 4", "2 3", "9 3 2 3", "4 4", "1 4", "12 4", "6 2 2 2")

RATINGS = {"delighting": "#2e7d32", "okay": "#7b8794", "disappointing": "#c62828"}


@dataclass(frozen=True)
class LaneColours:
    """How the items of one lane look: card fill, card border and the accent bar."""

    fill: str
    stroke: str
    accent: str


LANES: dict[str, LaneColours] = {
    "actions": LaneColours("#e8f1fb", "#a9c8ea", "#1d63b0"),
    "thoughts": LaneColours("#ffffff", "#b4bec9", "#5b6776"),
    "needs": LaneColours("#e5f5f2", "#94d2c5", "#137a66"),
    "pain_points": LaneColours("#fdebe9", "#f0a49b", "#c62828"),
    "love_points": LaneColours("#e9f6ea", "#9bd09f", "#2e7d32"),
    "opportunities": LaneColours("#fff5db", "#efcb72", "#a86400"),
    "frontstage": LaneColours("#eef1f5", "#c2cad4", "#4d5b6b"),
    "backstage": LaneColours("#ebeef3", "#b7c0cc", "#3f4b5a"),
    "support_processes": LaneColours("#f3f1ed", "#cbc3b7", "#6b5e4b"),
}


def tint(colour: str, amount: float) -> str:
    """``colour`` mixed with white; ``amount`` 0 keeps it, 1 is white."""
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    mixed = (round(c + (255 - c) * amount) for c in (red, green, blue))
    return "#" + "".join(f"{c:02x}" for c in mixed)


def phase_colour(index: int) -> str:
    """The header colour of the phase at ``index``."""
    return PHASES[index % len(PHASES)]


def persona_colour(index: int) -> str:
    """The curve colour of the persona at ``index``."""
    return PERSONAS[index % len(PERSONAS)]


def persona_dash(index: int) -> str:
    """The dash pattern of the persona at ``index`` ("" is a solid line)."""
    return PERSONA_DASHES[index % len(PERSONA_DASHES)]
