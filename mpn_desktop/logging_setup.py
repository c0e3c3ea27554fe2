"""Logging to a rotating file under the user's log folder, never to the screen."""

from __future__ import annotations

import contextlib
import io
import logging
import logging.handlers
import os
from pathlib import Path

from mpn_desktop.paths import log_dir

LOG_FILE_NAME = "mpn-desktop.log"
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class _ProgramLogFile(logging.handlers.RotatingFileHandler):
    """The program's own file handler, told apart so reconfiguring replaces it.

    The log names people, e-mail addresses and files, so it is readable by its
    owner only (0600), as the database is; and a log that cannot be written
    (a full disk) drops the record quietly instead of printing a traceback
    over the user's terminal, as ``logging`` does by default.
    """

    def _open(self) -> io.TextIOWrapper:
        path = Path(self.baseFilename)
        with contextlib.suppress(OSError):
            # Created 0600 from the start; an older 0644 log is made private too.
            os.close(os.open(path, os.O_CREAT | os.O_WRONLY | os.O_APPEND, 0o600))
            if path.stat().st_mode & 0o077:
                path.chmod(0o600)
        return super()._open()

    def handleError(self, record: logging.LogRecord) -> None:
        """Drops a record the disk did not take; the command's own messages still reach the user."""


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
