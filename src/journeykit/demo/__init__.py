"""The bundled demo: Beetwerk, a German home & garden shop found through a price comparison.

:func:`build_demo_document` is the researched as-is journey map with personas, evidence,
hypotheses, measures and KPIs; :func:`build_demo_draft` is the earlier workshop version of the
same journey, so a demo workspace has a history worth comparing. Both are deterministic.
"""

from journeykit.demo.shop import (
    DEMO_EVENT_NAMES,
    DEMO_SEED,
    build_demo_document,
    build_demo_draft,
)

__all__ = ["DEMO_EVENT_NAMES", "DEMO_SEED", "build_demo_document", "build_demo_draft"]
