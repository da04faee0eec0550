"""Rendering: journey maps as pictures and diagrams other tools can show.

This room turns a journey document into something to look at: the journey map as SVG, HTML,
PNG or PDF, a Mermaid export, and charts (Sankey, funnel, emotion curve). Only the Mermaid
export exists so far (:mod:`journeykit.render.mermaid`). Renderers are pure functions of the
model and import nothing but :mod:`journeykit.model`.
"""

from journeykit.render.mermaid import journey_to_mermaid

__all__ = ["journey_to_mermaid"]
