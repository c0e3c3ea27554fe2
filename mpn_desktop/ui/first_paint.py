"""Something to do once a widget has been painted for the first time (start-up's second half)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class AfterFirstPaint(QObject):
    """Calls ``then`` at the turn of the event loop after ``widget``'s first paint.

    A widget's Paint event begins the paint of its children, which follow it in
    the same pass: at the next turn the whole window has been painted. A zero
    timer started after ``show()`` came before that paint (the show posts it),
    and on a desktop the paint also waits for the window system's expose.
    (``startup_probe`` waits for the same paint by itself: the benchmark's bare
    window loads that file alone, without the program's modules.)
    """

    def __init__(self, widget: QWidget, then: Callable[[], None]) -> None:
        super().__init__(widget)
        self._widget = widget
        self._then = then
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Notices the first paint; never swallows an event."""
        if watched is self._widget and event.type() == QEvent.Type.Paint:
            self._widget.removeEventFilter(self)
            # With the widget as the context: a widget closed and deleted before the next
            # turn drops the call instead of running it on a deleted window.
            QTimer.singleShot(0, self._widget, self._then)
        return False
