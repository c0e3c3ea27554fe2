"""Redraws colours worked out from the palette when the system switches light and dark.

Texts coloured from the palette (the panel's green "attained", a red problem
line) keep the colour they were given; when the user switches the system's
colour scheme while the program runs, they would read dark green on a dark
window. ``follow_palette`` calls the widget back to colour them anew.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class _PaletteWatch(QObject):
    """Calls ``recolour`` once, at the next turn of the event loop, after palette changes."""

    def __init__(self, widget: QWidget, recolour: Callable[[], None]) -> None:
        super().__init__(widget)
        self._recolour = recolour
        # One call for the many palette events a scheme switch sends, once every
        # child has its new palette (the parent is told before its children).
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(recolour)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.PaletteChange:
            self._timer.start()
        return False


def follow_palette(widget: QWidget, recolour: Callable[[], None]) -> None:
    """Calls ``recolour`` after ``widget``'s palette changed (light and dark switched)."""
    _PaletteWatch(widget, recolour)
