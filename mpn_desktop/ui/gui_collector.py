"""Python's cyclic garbage collector run by the GUI thread alone while the window lives."""

from __future__ import annotations

import gc
from contextlib import ExitStack

from PySide6.QtCore import QObject, QTimer

from mpn_desktop.store.collector import collector_paused

INTERVAL_MS = 250
"""How often the GUI thread looks whether a generation is due (a look costs microseconds)."""


def due_generation() -> int | None:
    """The oldest generation whose count passed its threshold, as the automatic collector
    would pick it; None when none is due."""
    due = None
    for generation, (count, threshold) in enumerate(
        zip(gc.get_count(), gc.get_threshold(), strict=False)
    ):
        if threshold and count > threshold:
            due = generation
    return due


class GuiThreadCollector(QObject):
    """Keeps automatic collection off and collects on the GUI thread, on a timer.

    The automatic collector runs in whichever thread allocates when a
    threshold is passed. The window's workers (the first evaluation, reads,
    imports) allocate a lot, so a collection often ran on one of them; a
    cycle it freed could hold a Qt object made on the GUI thread, which Qt
    then deleted from the wrong thread: a crash (seen in the usage grid's
    reader, 3 of 3 runs of one test pair). Here the GUI thread collects the
    generation that is due, as the thresholds would have had it, so garbage is
    still freed within a fraction of a second, and always where Qt expects.
    """

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self._pause = ExitStack()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.collect_due)
        self.destroyed.connect(self._pause.close)

    def start(self) -> None:
        """Switches automatic collection off (nestable with ``collector_paused``) and starts
        the timer."""
        if not self._timer.isActive():
            self._pause.enter_context(collector_paused())
            self._timer.start()

    def stop(self) -> None:
        """Stops the timer; automatic collection is back as it was before ``start``."""
        self._timer.stop()
        self._pause.close()

    def collect_due(self) -> int | None:
        """Collects the generation that is due, if any; returns it."""
        generation = due_generation()
        if generation is not None:
            gc.collect(generation)
        return generation
