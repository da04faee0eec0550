"""journeykit's configuration from the environment (``JOURNEYKIT_*``) and a ``.env`` file."""

from __future__ import annotations

import getpass
from pathlib import Path

from pydantic import Field, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict

from journeykit.model.errors import JourneykitError

ENV_PREFIX = "JOURNEYKIT_"


class SettingsInvalid(JourneykitError):
    """An environment variable (or ``.env`` entry) of journeykit has a value it cannot use."""

    code = "invalid_setting"


class Settings(BaseSettings):
    """Settings that apply to every command; a workspace's own settings are in its config file."""

    model_config = SettingsConfigDict(env_prefix=ENV_PREFIX, env_file=".env", extra="ignore")

    workspace: Path = Field(default=Path(), description="Workspace folder")
    author: str | None = Field(default=None, description="Author recorded on revisions")
    database_url: str | None = Field(default=None, description="Overrides the workspace's URL")
    lock_timeout: float = Field(default=10.0, ge=0, description="Seconds to wait for the lock")
    debug: bool = Field(default=False, description="Show tracebacks of unexpected errors")

    def resolved_author(self) -> str:
        """The author to record: the setting, else the operating-system user."""
        if self.author:
            return self.author
        try:
            return getpass.getuser()
        except (KeyError, OSError):  # no passwd entry, e.g. in some containers
            return "unknown"


def current_settings() -> Settings:
    """The settings in force now; a bad value raises :class:`SettingsInvalid` naming it."""
    try:
        return Settings()
    except ValidationError as exc:
        error = exc.errors(include_url=False)[0]
        name = ENV_PREFIX + "_".join(str(part) for part in error["loc"]).upper()
        raise SettingsInvalid(
            f"{name}={error['input']!r} cannot be used: {error['msg'].lower()}",
            hint="fix or unset it",
        ) from exc
