"""Attribution: which touchpoints get the credit for conversions.

A *path* is the channels of a customer's touches before their first conversion, with
consecutive repeats collapsed; customers who never convert leave *null* paths. Every model
splits the observed conversions among the channels, so the credits always sum to the total
conversions. The math here is exact and pure (numpy only): the event engine computes
sufficient statistics in SQL, a path file gives a :class:`PathTable`, and both meet in the
same functions.

A worked example with three paths, two conversions in all::

    A > B   1 conversion
    A       1 null journey
    B       1 conversion

- **first** touch takes all: A 1, B 1. **last** touch takes all: B 2.
- **linear** splits each conversion evenly over its touches: A 0.5, B 0.5 + 1 = 1.5.
- **position** gives first and last touch 40 % each and spreads 20 % over the middle
  (two touches: 50/50, one touch: all): here as linear, A 0.5, B 1.5.
- **time_decay** weighs a touch Δt before the conversion by 2^(-Δt / half-life) (7 days by
  default): had A on ``A > B`` come 7 days before and B just before the conversion, their
  weights 0.5 and 1 give A 1/3 and B 2/3 + 1. It needs timestamps, so only the event engine
  runs it; :func:`time_decay_weights` is the rule it follows.
- **markov** treats the paths as a chain ``(start) → A → B → (conversion)``. From the
  transition counts, P(conversion) = 2/3 · 1/2 + 1/3 · 1 = 2/3. Without A (its visitors
  drop out) it is 1/3, without B it is 0; removal effects 1 - (1/3)/(2/3) = 0.5 and 1 - 0
  = 1, normalised: A 2/3, B 4/3.
- **shapley** plays a game where a set of channels is worth the conversions of the paths
  that use only those channels. Its Shapley value splits each conversion evenly over the
  distinct channels of its path: A 0.5, B 1.5.

>>> table = PathTable.from_paths([("A > B", 1, 0), ("A", 0, 1), ("B", 1, 0)])
>>> for model in ("first", "last", "linear", "position", "markov", "shapley"):
...     credits = attribute(table, model).credits()
...     print(model, {channel: round(credit, 4) for channel, credit in credits.items()})
first {'A': 1.0, 'B': 1.0}
last {'B': 2.0, 'A': 0.0}
linear {'B': 1.5, 'A': 0.5}
position {'B': 1.5, 'A': 0.5}
markov {'B': 1.3333, 'A': 0.6667}
shapley {'B': 1.5, 'A': 0.5}
"""

from __future__ import annotations

from journeykit.events.attribution.errors import (
    AttributionError,
    BadNumber,
    BadRow,
    EmptyFile,
    InvalidPath,
    InvalidSetting,
    MissingColumn,
    NeedsTimestamps,
    NoConversions,
    PathFileError,
    PathFileMissing,
    UnknownModel,
)
from journeykit.events.attribution.heuristics import (
    DEFAULT_HALF_LIFE_SECONDS,
    HeuristicModel,
    heuristic_attribution,
    position_weights,
    time_decay_weight,
    time_decay_weights,
    touch_weights,
)
from journeykit.events.attribution.markov import (
    TransitionCounts,
    conversion_probability,
    markov_attribution,
    removal_effects,
)
from journeykit.events.attribution.models import MODELS, AttributionModel, attribute
from journeykit.events.attribution.pathfile import read_path_table
from journeykit.events.attribution.paths import (
    CONVERSION,
    NULL,
    START,
    PathRow,
    PathTable,
    collapse_repeats,
)
from journeykit.events.attribution.result import AttributionResult, AttributionRow
from journeykit.events.attribution.shapley import (
    CoalitionCounts,
    coalition_value,
    shapley_attribution,
    shapley_values,
)

__all__ = [
    "CONVERSION",
    "DEFAULT_HALF_LIFE_SECONDS",
    "MODELS",
    "NULL",
    "START",
    "AttributionError",
    "AttributionModel",
    "AttributionResult",
    "AttributionRow",
    "BadNumber",
    "BadRow",
    "CoalitionCounts",
    "EmptyFile",
    "HeuristicModel",
    "InvalidPath",
    "InvalidSetting",
    "MissingColumn",
    "NeedsTimestamps",
    "NoConversions",
    "PathFileError",
    "PathFileMissing",
    "PathRow",
    "PathTable",
    "TransitionCounts",
    "UnknownModel",
    "attribute",
    "coalition_value",
    "collapse_repeats",
    "conversion_probability",
    "heuristic_attribution",
    "markov_attribution",
    "position_weights",
    "read_path_table",
    "removal_effects",
    "shapley_attribution",
    "shapley_values",
    "time_decay_weight",
    "time_decay_weights",
    "touch_weights",
]
