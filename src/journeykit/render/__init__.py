"""Rendering: journey maps as pictures, documents and sheets other tools can show.

This room turns a journey document into something to look at or hand on: the journey map as
SVG (:mod:`~journeykit.render.svg_map`, with the emotion curve of
:mod:`~journeykit.render.emotion_curve`), PNG and print-ready PDF, the Mermaid export, and
CSV/XLSX (:mod:`~journeykit.render.export`); it also reads a map back from a spreadsheet grid
(:mod:`~journeykit.render.spreadsheet`). Renderers are pure functions of the model and import
nothing but :mod:`journeykit.model`.
"""

from journeykit.render.emotion_curve import emotion_curve_svg
from journeykit.render.mermaid import journey_to_mermaid
from journeykit.render.svg_map import journey_map_svg

__all__ = ["emotion_curve_svg", "journey_map_svg", "journey_to_mermaid"]
