"""Logging to a rotating file under the user's log folder, never to the screen."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from mpn_desktop.paths import log_dir

LOG_FILE_NAME = "mpn-desktop.log"
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


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
        if getattr(handler, "_mpn_desktop", False):
            root.removeHandler(handler)
    path = log_file_path()
    handler: logging.Handler
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:
        handler = logging.NullHandler()
        path = None  # type: ignore[assignment]
    handler.setFormatter(logging.Formatter(_FORMAT))
    handler._mpn_desktop = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    return path
