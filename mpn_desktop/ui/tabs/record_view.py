"""The table view of a record section: says why it is empty, and shows a cut-off cell whole.

A cell too narrow for its text ("fabrikam.onmic…") shows all of it in a tooltip.
The empty table's text keeps a line's margin where there is room; in a table
squeezed to a row's height (the window at its minimum size) the margin gives
way, then a shorter form of the text is said, and only then is it elided.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, Qt
from PySide6.QtGui import QHelpEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QStyle, QTableView, QToolTip, QWidget

from mpn_desktop.ui.status_text import muted_text_color

_CENTRED_ON_TOP = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
_WRAPPED = int(_CENTRED_ON_TOP | Qt.TextFlag.TextWordWrap)


class RecordTableView(QTableView):
    """A table view that draws ``empty_text`` in the middle while it has no rows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._empty_text = ""
        self._short_empty_text = ""

    def empty_text(self) -> str:
        """What the empty table says."""
        return self._empty_text

    def set_empty_text(self, text: str, short: str = "") -> None:
        """Changes what the empty table says (e.g. "Choose a subscription above to see its
        monthly usage."), with a shorter form for a table with little room ("" for none)."""
        if (text, short) != (self._empty_text, self._short_empty_text):
            self._empty_text, self._short_empty_text = text, short
            self.viewport().update()

    def empty_text_shown(self) -> tuple[QRect, str]:
        """Where the empty table's text is drawn and what of it: the whole text with a
        line's margin, else with less margin, else the short form, else elided on a line."""
        metrics = self.fontMetrics()
        room = self.viewport().rect()
        line = metrics.height()
        for text in (self._empty_text, self._short_empty_text):
            if not text:
                continue
            for margin in (line, line // 2, 2):
                area = room.adjusted(margin, margin, -margin, -margin)
                needed = metrics.boundingRect(area, _WRAPPED, text)
                if needed.height() <= area.height() and needed.width() <= area.width():
                    return area, text
        area = room.adjusted(2, 2, -2, -2)
        text = self._short_empty_text or self._empty_text
        return area, metrics.elidedText(text, Qt.TextElideMode.ElideRight, area.width())

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
            model = self.model()
            empty = self._empty_text and model is not None and model.rowCount() == 0
            if empty and self.empty_text_shown()[1] != self._empty_text:
                # Shortened to fit: the whole of what the empty table says.
                QToolTip.showText(event.globalPos(), self._empty_text, self)
                return True
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
            area, text = self.empty_text_shown()
            painter.drawText(area, _WRAPPED, text)
        finally:
            painter.end()
