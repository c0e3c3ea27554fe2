"""Keeps the organisation's progress current: loads facts, asks the engine, announces the result.

Changes arriving in one turn of the event loop (an import announces several
kinds, a redo may run two operations) are folded into one evaluation, run
from a zero-delay timer so the edit that caused it returns to the user first.
"""

from __future__ import annotations

import logging
import time

from PySide6.QtCore import QObject, QTimer, Signal

from mpn_desktop.domain.evaluate import evaluate
from mpn_desktop.domain.facts import Facts
from mpn_desktop.domain.progress import Progress
from mpn_desktop.errors import MpnError
from mpn_desktop.store.changes import Change
from mpn_desktop.store.facts_loader import load_facts
from mpn_desktop.ui.context import AppContext

log = logging.getLogger(__name__)


class ProgressSource(QObject):
    """Evaluates the open organisation after every committed change and "as of" move."""

    progressChanged = Signal(object)
    """The new ``Progress``."""

    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._facts: Facts | None = None
        self._facts_stale = True
        self.progress: Progress | None = None
        self.last_seconds = 0.0
        """How long the last refresh took (facts + evaluation), for the benchmark and the log."""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.refresh_now)
        context.changeApplied.connect(self._on_change)
        context.asOfChanged.connect(self._on_as_of)
        context.databaseChanged.connect(self._on_database)

    def _on_change(self, _change: Change) -> None:
        self._facts_stale = True
        self._timer.start()

    def _on_as_of(self, _day: object) -> None:
        # The facts are the same on another day; only the evaluation differs.
        self._timer.start()

    def _on_database(self, _db: object) -> None:
        self._facts = None
        self._facts_stale = True
        self._timer.start()

    def schedule(self) -> None:
        """Asks for a refresh at the next turn of the event loop."""
        self._timer.start()

    def refresh_now(self) -> Progress | None:
        """Loads facts when they changed, evaluates on the "as of" day and announces the result."""
        self._timer.stop()
        started = time.perf_counter()
        try:
            if self._facts is None or self._facts_stale:
                self._facts = load_facts(self._context.db)
                self._facts_stale = False
            progress = evaluate(self._context.catalog, self._facts, self._context.as_of)
        except MpnError as error:
            self._context.show_error(
                str(error), failure=self.tr("The status could not be worked out.")
            )
            return None
        self.last_seconds = time.perf_counter() - started
        self.progress = progress
        self.progressChanged.emit(progress)
        return progress
