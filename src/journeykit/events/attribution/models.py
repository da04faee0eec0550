"""Run any attribution model on a path table by name."""

from __future__ import annotations

from typing import Literal, get_args

from journeykit.events.attribution.errors import UnknownModel
from journeykit.events.attribution.heuristics import HeuristicModel, heuristic_attribution
from journeykit.events.attribution.markov import TransitionCounts, markov_attribution
from journeykit.events.attribution.paths import PathTable
from journeykit.events.attribution.result import AttributionResult
from journeykit.events.attribution.shapley import CoalitionCounts, shapley_attribution
from journeykit.model.errors import did_you_mean

AttributionModel = Literal["first", "last", "linear", "time_decay", "position", "markov", "shapley"]

#: The model names in the order the CLI lists them.
MODELS: tuple[AttributionModel, ...] = get_args(AttributionModel)

_HEURISTICS: dict[str, HeuristicModel] = {name: name for name in get_args(HeuristicModel)}


def attribute(table: PathTable, model: str) -> AttributionResult:
    """Credit the table's conversions to its channels with the model called ``model``.

    >>> table = PathTable.from_paths([("A > B", 1, 0), ("A", 0, 1), ("B", 1, 0)])
    >>> rows = attribute(table, "markov").to_rows()
    >>> [(row["touchpoint"], round(row["share"], 4)) for row in rows]
    [('B', 0.6667), ('A', 0.3333)]
    >>> attribute(table, "markow")
    Traceback (most recent call last):
    ...
    journeykit.events.attribution.errors.UnknownModel: unknown attribution model 'markow'
    """
    if model == "markov":
        return markov_attribution(TransitionCounts.from_path_table(table))
    if model == "shapley":
        return shapley_attribution(CoalitionCounts.from_path_table(table))
    if (heuristic := _HEURISTICS.get(model)) is not None:
        return heuristic_attribution(table, heuristic)
    raise UnknownModel(model, MODELS, did_you_mean(model, MODELS))
