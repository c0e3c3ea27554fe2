"""The table view of a record section: says in words why it is empty instead of showing a blank."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QTableView, QWidget

from mpn_desktop.ui.status_text import muted_text_color

_CENTRED_ON_TOP = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop


class RecordTableView(QTableView):
    """A table view that draws ``empty_text`` in the middle while it has no rows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._empty_text = ""

    def empty_text(self) -> str:
        """What the empty table says."""
        return self._empty_text

    def set_empty_text(self, text: str) -> None:
        """Changes what the empty table says (e.g. "Choose a subscription above")."""
        if text != self._empty_text:
            self._empty_text = text
            self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        model = self.model()
        if not self._empty_text or model is None or model.rowCount() > 0:
            return
        painter = QPainter(self.viewport())
        try:
            painter.setPen(muted_text_color(self.palette()))
            margin = self.fontMetrics().height()
            area = QRect(self.viewport().rect()).adjusted(margin, margin, -margin, -margin)
            painter.drawText(
                area,
                int(
                    Qt.AlignmentFlag.AlignHCenter
                    | Qt.AlignmentFlag.AlignTop
                    | Qt.TextFlag.TextWordWrap
                ),
                self._empty_text,
            )
        finally:
            painter.end()
