"""Dropping a CSV file onto a window to import it: which drops count, and the event filter."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, QObject
from PySide6.QtGui import QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QWidget

IMPORTABLE_SUFFIXES = (".csv", ".txt", ".tsv")
"""What exports and spreadsheets call their text files (Excel's "Unicode text" is .txt)."""


def dropped_csv(mime: QMimeData) -> Path | None:
    """The one local CSV (or text) file a drag carries, or None."""
    if not mime.hasUrls():
        return None
    urls = mime.urls()
    if len(urls) != 1 or not urls[0].isLocalFile():
        return None
    path = Path(urls[0].toLocalFile())
    return path if path.suffix.lower() in IMPORTABLE_SUFFIXES else None


class CsvDropFilter(QObject):
    """Lets a widget take a dropped CSV file and hands its path to ``on_drop``.

    Installed as an event filter, so the widget's class needs no drag code;
    other drops are left to the widget.
    """

    def __init__(
        self,
        widget: QWidget,
        on_drop: Callable[[Path], object],
        on_enter: Callable[[], object] | None = None,
    ) -> None:
        super().__init__(widget)
        self._on_drop = on_drop
        self._on_enter = on_enter
        widget.setAcceptDrops(True)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        # QDragEnterEvent is a QDragMoveEvent.
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove) and isinstance(
            event, QDragMoveEvent
        ):
            if dropped_csv(event.mimeData()) is not None:
                event.acceptProposedAction()
                if kind == QEvent.Type.DragEnter and self._on_enter is not None:
                    self._on_enter()
                return True
        elif kind == QEvent.Type.Drop and isinstance(event, QDropEvent):
            path = dropped_csv(event.mimeData())
            if path is not None:
                event.acceptProposedAction()
                self._on_drop(path)
                return True
        return super().eventFilter(watched, event)


def accept_csv_drops(
    widget: QWidget,
    on_drop: Callable[[Path], object],
    on_enter: Callable[[], object] | None = None,
) -> CsvDropFilter:
    """Makes ``widget`` take dropped CSV files (kept alive as the widget's child); ``on_enter``
    is called as such a file is dragged in (before it is dropped)."""
    return CsvDropFilter(widget, on_drop, on_enter)
