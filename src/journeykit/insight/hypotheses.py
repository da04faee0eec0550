"""Testing hypotheses against the data and recording the verdict on the journey.

journeykit picks the test from the metric (see :mod:`journeykit.insight.significance`):
rates get the two-proportion z test, times and CSAT/CES the Mann-Whitney U test, NPS the
bootstrap. The verdict follows from the result and the hypothesis's expected direction:

- a sample too small to say (fewer than 30 in a group, or for a rate fewer than 5 on either
  side of it in a group) is **inconclusive**, whatever p says;
- p ≥ 0.05 is **inconclusive** (no difference beyond chance), except that a ``no_change``
  hypothesis with a ``margin`` is **supported** when the whole interval lies within ±margin;
- p < 0.05 **supports** the hypothesis when the effect goes the expected way (any way if no
  direction is given) and **refutes** it otherwise (always for ``no_change``).

Recording adds (or updates) one evidence record per hypothesis, ``ev-test-<hypothesis>``,
and sets the status, in one new revision by the author ``journeykit``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from journeykit.feedback.scores import satisfied_threshold
from journeykit.feedback.settings import FeedbackSettings
from journeykit.insight.comparisons import Groups, groups_for
from journeykit.insight.errors import NoData, NotTestable
from journeykit.insight.map_places import MapPlaces
from journeykit.insight.significance import (
    ALPHA,
    ComparisonResult,
    mann_whitney,
    mean_of,
    median_of,
    nps_bootstrap,
    share_at_least,
    two_proportions,
)
from journeykit.insight.sources import WorkspaceData
from journeykit.model.document import JourneyDocument
from journeykit.model.errors import NotFoundError, did_you_mean
from journeykit.model.evidence import Evidence
from journeykit.model.hypothesis import (
    RATE_KINDS,
    Direction,
    Hypothesis,
    HypothesisStatus,
    HypothesisTest,
    MetricKind,
)
from journeykit.store import RevisionInfo, Workspace

AUTHOR = "journeykit"

#: The unit of each metric's effect.
UNITS: dict[MetricKind, str] = {
    "conversion": "percentage points",
    "drop_off": "percentage points",
    "churn": "percentage points",
    "time": "hours (difference of medians)",
    "nps": "NPS points",
    "csat": "CSAT percentage points",
    "ces": "CES points (difference of means)",
}


@dataclass(frozen=True)
class Verdict:
    """A hypothesis tested: the numbers, the status they lead to, and why."""

    journey_id: str
    hypothesis_id: str
    description: str
    result: ComparisonResult
    label_a: str
    label_b: str
    unit: str
    status: HypothesisStatus
    reason: str

    def as_dict(self) -> dict[str, Any]:
        """The verdict as the CLI's JSON prints it: the fixed keys first, then details."""
        r = self.result
        return {
            "id": self.hypothesis_id,
            "test": r.test,
            "effect": round(r.effect, 4),
            "ci_low": round(r.ci_low, 4),
            "ci_high": round(r.ci_high, 4),
            "p_value": float(f"{r.p_value:.6g}"),
            "n": r.n,
            "status": self.status,
            "journey_id": self.journey_id,
            "metric": self.description,
            "unit": self.unit,
            "group_a": {"label": self.label_a, "n": r.n_a, "value": round(r.value_a, 4)},
            "group_b": {"label": self.label_b, "n": r.n_b, "value": round(r.value_b, 4)},
            "too_small": r.too_small is not None,
            "reason": self.reason,
        }

    def summary(self) -> str:
        """One paragraph for the evidence record."""
        r = self.result
        return (
            f"Tested by journeykit: {self.description}, {self.label_a} ({r.value_a:.1f}, "
            f"n = {r.n_a}) vs {self.label_b} ({r.value_b:.1f}, n = {r.n_b}). Effect "
            f"{r.effect:+.2f} {self.unit}, 95 % CI {r.ci_low:+.2f} to {r.ci_high:+.2f}, "
            f"p = {r.p_value:.4f} ({r.test}). Verdict: {self.status}: {self.reason}."
        )


def statistics(kind: MetricKind, groups: Groups, settings: FeedbackSettings) -> ComparisonResult:
    """Run the test that fits ``kind`` on the two groups."""
    a, b = groups.a.values, groups.b.values
    if kind in RATE_KINDS:
        return two_proportions(int(a.sum()), len(a), int(b.sum()), len(b))
    if kind == "nps":
        return nps_bootstrap(list(a), list(b))
    for name, group in (("a", a), ("b", b)):
        if len(group) < 2:
            raise NoData(
                f"group {name} has {len(group)} value; a rank test needs at least two per group"
            )
    if kind == "time":
        return mann_whitney(list(a), list(b), median_of)
    if kind == "csat":
        statistic = share_at_least(satisfied_threshold(settings.csat_scale))
        return mann_whitney(list(a), list(b), statistic)
    return mann_whitney(list(a), list(b), mean_of)


def decide(
    result: ComparisonResult, expected: Direction | None, margin: float | None
) -> tuple[HypothesisStatus, str]:
    """The status the result gives a hypothesis expecting ``expected``, and why."""
    if result.too_small is not None:
        return "inconclusive", f"the sample is too small to say ({result.too_small})"
    p = f"p = {result.p_value:.4f}"
    if expected == "no_change":
        if margin is not None and -margin <= result.ci_low and result.ci_high <= margin:
            return "supported", f"the whole interval lies within ±{margin:g}"
        if result.significant:
            return "refuted", f"the groups differ beyond chance ({p} < {ALPHA:g})"
        return "inconclusive", f"no difference beyond chance ({p}), but no margin proves none"
    if not result.significant:
        return "inconclusive", f"no difference beyond chance ({p} ≥ {ALPHA:g})"
    if result.effect == 0:
        # The rank test sees a shift that the reported measure (a share, a median) does not.
        return "inconclusive", f"the ranks differ ({p}) but the effect measured is zero"
    went = "increase" if result.effect > 0 else "decrease"
    article = "an" if went == "increase" else "a"
    if expected is None:
        return "supported", f"the groups differ beyond chance ({p}); {article} {went}"
    if went == expected:
        return "supported", f"{article} {went} beyond chance ({p}), as expected"
    return "refuted", f"{article} {went} beyond chance ({p}), against the expected {expected}"


def evaluate_hypothesis(
    data: WorkspaceData, document: JourneyDocument, hypothesis: Hypothesis
) -> Verdict:
    """Test ``hypothesis`` of ``document`` on the workspace's data (nothing is saved)."""
    spec: HypothesisTest | None = hypothesis.test
    if spec is None:
        raise NotTestable(
            f"hypothesis {hypothesis.id!r} names no test (metric and comparison)",
            hint="add a 'test' with a metric and a comparison to it in the journey file",
        )
    places = MapPlaces.of(document)
    groups = groups_for(data, places, spec)
    result = statistics(spec.metric.kind, groups, data.settings())
    status, reason = decide(result, hypothesis.expected_direction, spec.margin)
    return Verdict(
        document.journey.id,
        hypothesis.id,
        groups.a.description,
        result,
        groups.label_a,
        groups.label_b,
        UNITS[spec.metric.kind],
        status,
        reason,
    )


def find_hypothesis(
    workspace: Workspace, hypothesis_id: str, journey_id: str | None = None
) -> tuple[JourneyDocument, Hypothesis]:
    """The journey holding hypothesis ``hypothesis_id`` (in ``journey_id`` if given)."""
    journeys = workspace.journeys()
    ids = [journey_id] if journey_id is not None else [s.id for s in journeys.list()]
    found: list[tuple[JourneyDocument, Hypothesis]] = []
    known: list[str] = []
    for jid in ids:
        document = journeys.get(jid)
        for hypothesis in document.hypotheses:
            known.append(hypothesis.id)
            if hypothesis.id == hypothesis_id:
                found.append((document, hypothesis))
    if not found:
        suggestion = did_you_mean(hypothesis_id, known)
        raise NotFoundError(
            f"no journey of the workspace has a hypothesis {hypothesis_id!r}",
            hint=f"did you mean {suggestion!r}?" if suggestion else None,
        )
    if len(found) > 1:
        raise NotFoundError(
            f"hypothesis {hypothesis_id!r} is in several journeys: "
            + ", ".join(d.journey.id for d, _ in found),
            hint="name the journey with --journey",
        )
    return found[0]


def evidence_id(hypothesis_id: str) -> str:
    """The id of the evidence record a test of ``hypothesis_id`` writes."""
    return f"ev-test-{hypothesis_id}"[:80]


def with_verdicts(
    document: JourneyDocument, verdicts: Sequence[Verdict], today: dt.date
) -> JourneyDocument:
    """``document`` with each verdict as evidence and as its hypothesis's status."""
    by_id = {v.hypothesis_id: v for v in verdicts}
    evidence = list(document.evidence)
    hypotheses = []
    for hypothesis in document.hypotheses:
        verdict = by_id.get(hypothesis.id)
        if verdict is None:
            hypotheses.append(hypothesis)
            continue
        record = Evidence(
            id=evidence_id(hypothesis.id),
            kind="analytics",
            text=verdict.summary(),
            source="journeykit hypothesis test",
            date=today,
            step_ids=list(hypothesis.step_ids),
        )
        at = next((i for i, e in enumerate(evidence) if e.id == record.id), None)
        if at is None:
            evidence.append(record)
        else:
            evidence[at] = record
        ids = list(hypothesis.evidence_ids)
        if record.id not in ids:
            ids.append(record.id)
        hypotheses.append(
            hypothesis.model_copy(update={"status": verdict.status, "evidence_ids": ids})
        )
    return document.model_copy(update={"evidence": evidence, "hypotheses": hypotheses})


def record_verdicts(
    workspace: Workspace, journey_id: str, verdicts: Sequence[Verdict], *, today: dt.date
) -> RevisionInfo:
    """Save the verdicts on journey ``journey_id`` as one new revision by ``journeykit``."""
    journeys = workspace.journeys()
    document = journeys.get(journey_id)
    updated = with_verdicts(document, verdicts, today)
    names = ", ".join(f"{v.hypothesis_id}: {v.status}" for v in verdicts)
    return journeys.save(
        updated,
        author=AUTHOR,
        message=f"Hypotheses tested ({names})",
        base_revision=document.revision,
    )
