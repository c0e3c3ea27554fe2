"""Where the program keeps its data, configuration and logs (via platformdirs)."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "mpn-desktop"
DB_ENV_VAR = "MPN_DESKTOP_DB"


def data_dir() -> Path:
    """The per-user folder for the database and its backups."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    """The per-user folder for settings."""
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def log_dir() -> Path:
    """The per-user folder for the rotating log file."""
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def default_database_path() -> Path:
    """``MPN_DESKTOP_DB`` when set, else ``user_data_dir/tracker.sqlite3``."""
    from_env = os.environ.get(DB_ENV_VAR)
    if from_env:
        return Path(from_env).expanduser()
    return data_dir() / "tracker.sqlite3"
