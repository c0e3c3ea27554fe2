"""The table view of a record section: says why it is empty, and shows a cut-off cell whole.

A cell too narrow for its text ("fabrikam.onmic…") shows all of it in a tooltip.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, Qt
from PySide6.QtGui import QHelpEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QStyle, QTableView, QToolTip, QWidget

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

    def cut_off_text(self, row: int, column: int) -> str:
        """The text of a cell when it is wider than the cell shows, else an empty string."""
        index = self.model().index(row, column)
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if not isinstance(text, str) or not text:
            return ""
        margin = 2 * (
            self.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self) + 1
        )
        room = self.columnWidth(column) - margin
        if index.data(Qt.ItemDataRole.DecorationRole) is not None:
            room -= (
                self.iconSize().width()
                if self.iconSize().isValid()
                else self.fontMetrics().height()
            )
        return text if self.fontMetrics().horizontalAdvance(text) > room else ""

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            index = self.indexAt(event.pos())
            if index.isValid() and not index.data(Qt.ItemDataRole.ToolTipRole):
                text = self.cut_off_text(index.row(), index.column())
                if text:
                    QToolTip.showText(event.globalPos(), text, self, self.visualRect(index))
                    return True
        return super().viewportEvent(event)

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
