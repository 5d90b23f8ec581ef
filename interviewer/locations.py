"""Provides every path the product uses, with one environment override for tests and scripts."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "interviewer"
HOME_VARIABLE = "INTERVIEWER_HOME"

SOURCE_ROOT = Path(__file__).resolve().parent.parent
"""The checkout the package was installed from (editable installs keep data beside the package)."""


def _home_override() -> Path | None:
    value = os.environ.get(HOME_VARIABLE)
    return Path(value).expanduser() if value else None


def data_dir() -> Path:
    """Where studies live: the user's data folder, or $INTERVIEWER_HOME."""
    home = _home_override()
    return home if home else Path(platformdirs.user_data_dir(APP_NAME))


def config_dir() -> Path:
    """Where user configuration lives."""
    home = _home_override()
    return home / "config" if home else Path(platformdirs.user_config_dir(APP_NAME))


def cache_dir() -> Path:
    """Where caches (such as a joined multi-part model) live."""
    home = _home_override()
    return home / "cache" if home else Path(platformdirs.user_cache_dir(APP_NAME))


def studies_dir() -> Path:
    return data_dir() / "studies"


def bundled_dir(name: str) -> Path:
    """A bundled data folder (`schedules`, `models`, `policies`, `samples`).

    In a source checkout these sit at the top of the repository; in a wheel they are
    installed inside the package as `interviewer/_data/<name>`.
    """
    installed = Path(__file__).resolve().parent / "_data" / name
    if installed.is_dir():
        return installed
    return SOURCE_ROOT / name
