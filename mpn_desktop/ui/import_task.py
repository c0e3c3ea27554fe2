"""One long import step (the check or the import itself) on a thread of its own.

The step is a plain function of the importer that takes a progress callback
and a cancel check; the thread turns those into a signal and a flag. The
outcome is kept on the task, so a wizard that must stop at once can cancel,
wait, and still learn whether the step had already committed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal

from mpn_desktop.errors import MpnError
from mpn_desktop.importers.importing import ImportCancelled

log = logging.getLogger(__name__)

Step = Callable[[Callable[[float], None], Callable[[], bool]], Any]
"""A step given ``progress(fraction)`` and ``cancelled() -> bool``."""

UNEXPECTED = (
    "Something unexpected went wrong; nothing was written. The details are in the program's log."
)


class ImportTask(QThread):
    """Runs a step off the GUI thread; ``done`` is emitted (on the GUI thread) when it ends.

    After ``done``: ``result`` holds what the step returned, or ``error`` the
    message for the user (``cancelled`` tells a cancel from a failure).
    """

    progressed = Signal(float)
    """How far the step is, from 0 to 1."""

    done = Signal()
    """The step ended: see ``result``, ``error`` and ``cancelled``."""

    def __init__(self, step: Step, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._step = step
        self.result: Any = None
        self.error = ""
        self.cancelled = False
        self.handled = False
        """Set by whoever took the outcome, so that it is taken once."""
        self.finished.connect(self.done.emit)

    def cancel(self) -> None:
        """Asks the step to stop at its next check (it writes nothing then)."""
        self.requestInterruption()

    def run(self) -> None:
        try:
            self.result = self._step(self.progressed.emit, self.isInterruptionRequested)
        except ImportCancelled as error:
            self.cancelled, self.error = True, str(error)
        except MpnError as error:
            self.error = str(error)
        except Exception:  # any other failure becomes a message, not a crash
            log.exception("import step failed")
            self.error = UNEXPECTED
