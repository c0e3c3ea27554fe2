"""The table of the Sales tab's usage grid: says what is being worked out while it has no
figures of the day to show (after the as-of day changed, until they are read and evaluated)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QTableView, QWidget

from mpn_desktop.ui.status_text import muted_text_color


class UsageGridView(QTableView):
    """A table view that writes a waiting text in its empty viewport."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._waiting = ""

    def set_waiting(self, text: str) -> None:
        """What is being worked out, said while the grid is empty ("" when it is not)."""
        if text != self._waiting:
            self._waiting = text
            self.viewport().update()

    def waiting_text(self) -> str:
        """The waiting text said while the grid is empty ("": none)."""
        return self._waiting

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        model = self.model()
        if not self._waiting or model is None or model.rowCount() > 0:
            return
        painter = QPainter(self.viewport())
        try:
            painter.setPen(muted_text_color(self.palette()))
            area = self.viewport().rect().adjusted(8, 8, -8, -8)
            flags = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
            painter.drawText(area, int(flags | Qt.TextFlag.TextWordWrap), self._waiting)
        finally:
            painter.end()
