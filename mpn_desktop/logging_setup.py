"""Logging to a rotating file under the user's log folder, never to the screen."""

from __future__ import annotations

import contextlib
import io
import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING

from mpn_desktop.paths import log_dir

if TYPE_CHECKING:
    from logging.handlers import RotatingFileHandler

LOG_FILE_NAME = "mpn-desktop.log"
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
_MAX_BYTES = 1_000_000
_BACKUPS = 3


class _ProgramLogFile(logging.Handler):
    """The program's own log file, told apart so reconfiguring replaces it.

    The file is opened at the first record (a rotating file handler, see
    ``_rotating_file``): ``logging.handlers``, with the socket, pickle and queue
    modules it imports, was 5 ms of every start, and a start that goes well
    logs nothing. The log names people, e-mail addresses and files, so it is
    readable by its owner only (0600), as the database is; and a log that
    cannot be written (a full disk) drops the record quietly instead of
    printing a traceback over the user's terminal, as ``logging`` does by default.
    """

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.baseFilename = str(path.absolute())
        self._file: RotatingFileHandler | None = None

    def _opened(self) -> RotatingFileHandler:
        if self._file is None:
            self._file = _rotating_file(self.baseFilename)
            self._file.setFormatter(self.formatter)
        return self._file

    def setFormatter(self, fmt: logging.Formatter | None) -> None:
        """The format of the records, the file's too once it is open."""
        super().setFormatter(fmt)
        if self._file is not None:
            self._file.setFormatter(fmt)

    def emit(self, record: logging.LogRecord) -> None:
        """Writes the record to the file, rotated past 1 MB (three older files kept)."""
        try:
            file = self._opened()
        except OSError:
            return  # the folder went away or will not take a file: dropped, as below
        file.emit(record)

    def flush(self) -> None:
        """Flushes the file when it is open."""
        if self._file is not None:
            self._file.flush()

    def close(self) -> None:
        """Closes the file when it is open."""
        if self._file is not None:
            self._file.close()
        super().close()


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
    except OSError:
        return None
    file_handler = _ProgramLogFile(path)
    file_handler.setFormatter(logging.Formatter(_FORMAT))
    root.addHandler(file_handler)
    return path


def _rotating_file(path: str) -> RotatingFileHandler:
    """The rotating file handler of the program's log: private, and quiet on a full disk."""
    from logging.handlers import RotatingFileHandler

    class PrivateLogFile(RotatingFileHandler):
        """The log file itself: created readable by its owner only, and a record the disk
        does not take is dropped, not printed as a traceback over the user's terminal.

        Defined here because its base comes from ``logging.handlers``, imported at the
        first record (see ``_ProgramLogFile``).
        """

        def _open(self) -> io.TextIOWrapper:
            with contextlib.suppress(OSError):
                # Created 0600 from the start; an older 0644 log is made private too.
                os.close(os.open(self.baseFilename, os.O_CREAT | os.O_WRONLY | os.O_APPEND, 0o600))
                if Path(self.baseFilename).stat().st_mode & 0o077:
                    Path(self.baseFilename).chmod(0o600)
            return super()._open()

        def handleError(self, record: logging.LogRecord) -> None:
            """Drops a record the disk did not take; the command's own messages still reach
            the user."""

    return PrivateLogFile(path, maxBytes=_MAX_BYTES, backupCount=_BACKUPS, encoding="utf-8")
