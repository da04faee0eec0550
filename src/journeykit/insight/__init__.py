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
- :mod:`journeykit.insight.step_numbers`: the numbers of each step and phase on the map;
- :mod:`journeykit.insight.discovery`: the as-is journey proposed from the event log alone;
- :mod:`journeykit.insight.report`: the journey report, as HTML and PDF.

Nothing here renders or serves: ``cli`` and ``web`` call these functions.
"""
