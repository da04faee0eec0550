"""The workspace's feedback settings: ``feedback.toml`` in the workspace folder.

Every key is optional; a workspace without the file uses the defaults::

    [scores]
    csat_scale = "1-5"        # CSAT counts the top two boxes of this scale
    ces_scale = "1-7"
    ces_direction = "higher_is_easier"   # or "lower_is_easier"
    min_sample = 30           # scores on fewer answers are flagged

    [privacy]
    redact = ["email", "phone", "iban", "card", "name"]
    keep_original = false     # true keeps the unredacted text next to the redacted one
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from journeykit.feedback.errors import FeedbackSettingsInvalid
from journeykit.feedback.scores import (
    DEFAULT_CES_SCALE,
    DEFAULT_CSAT_SCALE,
    DEFAULT_MIN_SAMPLE,
    Scale,
)
from journeykit.feedback.text.redaction import PII_KINDS, Redactor
from journeykit.model.errors import did_you_mean

SETTINGS_FILE = "feedback.toml"
CesDirection = Literal["higher_is_easier", "lower_is_easier"]
_SCALE = re.compile(r"^\s*(\d+)\s*[-–]\s*(\d+)\s*$")
_KEYS = {
    "scores": ("csat_scale", "ces_scale", "ces_direction", "min_sample"),
    "privacy": ("redact", "keep_original"),
}


@dataclass(frozen=True)
class FeedbackSettings:
    """How a workspace scores and protects its feedback."""

    csat_scale: Scale = DEFAULT_CSAT_SCALE
    ces_scale: Scale = DEFAULT_CES_SCALE
    ces_direction: CesDirection = "higher_is_easier"
    min_sample: int = DEFAULT_MIN_SAMPLE
    redactor: Redactor = field(default_factory=Redactor)
    keep_original: bool = False


def _scale(value: Any, where: str) -> Scale:
    match = _SCALE.match(str(value))
    if match is None or int(match.group(1)) >= int(match.group(2)):
        raise FeedbackSettingsInvalid(
            f'{where} must be a scale such as "1-5", not {value!r}', hint="low-high"
        )
    return Scale(int(match.group(1)), int(match.group(2)))


def _check_keys(data: dict[str, Any], path: Path) -> None:
    for section, values in data.items():
        if section not in _KEYS:
            suggestion = did_you_mean(section, _KEYS)
            raise FeedbackSettingsInvalid(
                f"{path}: unknown section [{section}]"
                + (f"; did you mean [{suggestion}]?" if suggestion else ""),
                hint="sections: [scores], [privacy]",
            )
        if not isinstance(values, dict):
            raise FeedbackSettingsInvalid(f"{path}: [{section}] must be a table")
        for key in values:
            if key not in _KEYS[section]:
                suggestion = did_you_mean(key, _KEYS[section])
                raise FeedbackSettingsInvalid(
                    f"{path}: unknown key {key!r} in [{section}]"
                    + (f"; did you mean {suggestion!r}?" if suggestion else ""),
                    hint="keys: " + ", ".join(_KEYS[section]),
                )


def read_settings(folder: Path) -> FeedbackSettings:
    """The settings of the workspace in ``folder`` (defaults where the file is silent)."""
    path = folder / SETTINGS_FILE
    if not path.is_file():
        return FeedbackSettings()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise FeedbackSettingsInvalid(f"{path}: cannot read it: {exc}") from exc
    _check_keys(data, path)
    scores, privacy = data.get("scores", {}), data.get("privacy", {})
    direction = scores.get("ces_direction", "higher_is_easier")
    if direction not in ("higher_is_easier", "lower_is_easier"):
        raise FeedbackSettingsInvalid(
            f"{path}: ces_direction must be higher_is_easier or lower_is_easier, not {direction!r}"
        )
    minimum = scores.get("min_sample", DEFAULT_MIN_SAMPLE)
    if not isinstance(minimum, int) or minimum < 1:
        raise FeedbackSettingsInvalid(f"{path}: min_sample must be a whole number ≥ 1")
    keep = privacy.get("keep_original", False)
    if not isinstance(keep, bool):
        raise FeedbackSettingsInvalid(f"{path}: keep_original must be true or false")
    try:
        redactor = Redactor.of(privacy.get("redact", PII_KINDS))
    except ValueError as exc:
        raise FeedbackSettingsInvalid(f"{path}: {exc}") from None
    return FeedbackSettings(
        csat_scale=_scale(scores.get("csat_scale", "1-5"), f"{path}: csat_scale"),
        ces_scale=_scale(scores.get("ces_scale", "1-7"), f"{path}: ces_scale"),
        ces_direction=direction,
        min_sample=minimum,
        redactor=redactor,
        keep_original=keep,
    )
