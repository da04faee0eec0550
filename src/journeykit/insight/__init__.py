"""Where data meets the map: numbers per step, tested hypotheses, measures and KPI history.

- :mod:`journeykit.insight.significance`: the statistical tests (two proportions, Mann-Whitney
  U, bootstrap) with effect sizes and confidence intervals;
- :mod:`journeykit.insight.outcomes`: per-customer outcomes of a metric from the event log
  and the feedback, split into the groups a comparison names;
- :mod:`journeykit.insight.hypotheses`: testing a hypothesis and recording the verdict;
- :mod:`journeykit.insight.measure_effects`: a measure's KPI before and after its go-live,
  with a difference-in-differences against a control;
- :mod:`journeykit.insight.kpi_values` and :mod:`journeykit.insight.kpi_history`: every KPI
  recomputed, stored as dated snapshots, with targets and alerts;
- step numbers, journey discovery and the journey report live in their own modules.

Nothing here renders or serves: ``cli`` and ``web`` call these functions.
"""
