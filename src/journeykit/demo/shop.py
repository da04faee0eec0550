"""The demo journey: a German home & garden shop whose customers come from a price comparison.

Beetwerk (an invented online shop for house and garden) is found by most new customers on
PreisRadar (an invented price comparison site). The as-is journey covers all seven default
phases with nineteen steps, every lane filled and an emotion for each of three personas.

Everything is written out by hand with explicit ids, so two builds are equal and export to
the same bytes. :data:`DEMO_SEED` seeds whatever the demo generates at random (event log,
survey answers); the map itself uses no randomness.

>>> doc = build_demo_document()
>>> doc.journey.id, doc.journey.step_count()
('preisvergleich-kauf', 19)
"""

from __future__ import annotations

from journeykit.demo.draft import workshop_draft
from journeykit.demo.improvement import demo_kpis, demo_measures
from journeykit.demo.personas import PERSONA_IDS, PROJECT_ID, demo_personas, demo_project
from journeykit.demo.research import demo_evidence, demo_hypotheses
from journeykit.demo.steps_orientation import (
    awareness_steps,
    consideration_steps,
    unawareness_steps,
)
from journeykit.demo.steps_purchase import acquisition_steps, service_steps
from journeykit.demo.steps_retention import loyalty_steps, non_retention_steps
from journeykit.model import FORMAT_VERSION, Journey, JourneyDocument, Phase, Step, default_phases

#: Seed for everything random the demo generates; use ``random.Random(DEMO_SEED)``.
DEMO_SEED = 20240315

#: The event names the demo's touchpoints match, in journey order. The demo event log uses
#: exactly these names.
DEMO_EVENT_NAMES: tuple[str, ...] = (
    "social_ad_impression",
    "guide_article_view",
    "price_comparison_impression",
    "price_comparison_click",
    "landing_page_view",
    "product_view",
    "review_badge_click",
    "support_call",
    "add_to_cart",
    "checkout_start",
    "shipping_cost_view",
    "payment_method_select",
    "order_placed",
    "phone_order",
    "order_confirmation_open",
    "shipping_notification_open",
    "tracking_page_view",
    "parcel_delivered",
    "return_requested",
    "review_request_open",
    "review_submitted",
    "newsletter_open",
    "newsletter_click",
    "account_login",
    "reorder_click",
    "newsletter_unsubscribe",
    "winback_email_open",
)

DEMO_JOURNEY_ID = "preisvergleich-kauf"


def _steps_by_phase() -> dict[str, list[Step]]:
    return {
        "unawareness": unawareness_steps(),
        "awareness": awareness_steps(),
        "consideration": consideration_steps(),
        "acquisition": acquisition_steps(),
        "service": service_steps(),
        "loyalty": loyalty_steps(),
        "non_retention": non_retention_steps(),
    }


def _phases() -> list[Phase]:
    steps = _steps_by_phase()
    return [phase.model_copy(update={"steps": steps[phase.id]}) for phase in default_phases()]


def build_demo_document() -> JourneyDocument:
    """The researched as-is map (revision 2 of the demo workspace), fresh on every call."""
    journey = Journey(
        id=DEMO_JOURNEY_ID,
        title="Über PreisRadar zu Beetwerk: Kauf und Wiederkauf",
        description=(
            "Ist-Zustand der Journey von Neukundinnen und Neukunden, die Beetwerk über das "
            "Preisvergleichsportal PreisRadar finden. Im Workshop aufgenommen, mit Interviews, "
            "Befragungen, Shopdaten und einem A/B-Test geprüft."
        ),
        project_id=PROJECT_ID,
        state="as_is",
        persona_ids=list(PERSONA_IDS),
        phases=_phases(),
    )
    return JourneyDocument(
        format_version=FORMAT_VERSION,
        project=demo_project(),
        personas=demo_personas(),
        journey=journey,
        evidence=demo_evidence(),
        hypotheses=demo_hypotheses(),
        measures=demo_measures(),
        kpis=demo_kpis(),
    )


def build_demo_draft() -> JourneyDocument:
    """The workshop draft of the same journey (revision 1 of the demo workspace).

    It has less evidence, both hypotheses still open, one measure fewer, an earlier title for
    the shipping-cost step, one pain point not yet found and two steps in another order; see
    :mod:`journeykit.demo.draft`.
    """
    return workshop_draft(build_demo_document())
