"""Logging to a rotating file under the user's log folder, never to the screen."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from mpn_desktop.paths import log_dir

LOG_FILE_NAME = "mpn-desktop.log"
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class _ProgramLogFile(logging.handlers.RotatingFileHandler):
    """The program's own file handler, told apart so reconfiguring replaces it."""


def log_file_path() -> Path:
    """The file the program logs to."""
    return log_dir() / LOG_FILE_NAME


def configure_logging(level: int = logging.INFO) -> Path | None:
    """Sends the program's log records to a rotating file; returns its path.

    When the log folder cannot be created (read-only home, odd permissions)
    the program still runs: records are then dropped rather than printed over
    the user's terminal.
    """
    root = logging.getLogger("mpn_desktop")
    root.setLevel(level)
    root.propagate = False
    for handler in list(root.handlers):
        if isinstance(handler, _ProgramLogFile):
            root.removeHandler(handler)
            handler.close()
    path = log_file_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        file_handler = _ProgramLogFile(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    except OSError:
        return None
    file_handler.setFormatter(logging.Formatter(_FORMAT))
    root.addHandler(file_handler)
    return path
