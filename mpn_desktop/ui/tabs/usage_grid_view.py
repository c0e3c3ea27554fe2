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


class TotalColumn(QTableView):
    """The grid's last column (the window's total) beside its months, always in sight: the
    months scroll sideways under their names (a 24-month window at 1024×700), the
    total stays, as a spreadsheet's frozen column does. It shares the grid's model
    and selection, and scrolls down with it (its scroll bar is the pair's)."""

    def __init__(self, grid: QTableView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("usageGridTotal")
        self._grid = grid
        model = grid.model()
        self.setModel(model)
        self.setSelectionModel(grid.selectionModel())
        self.setSelectionMode(grid.selectionMode())
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keyboard works in the grid itself
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(grid.verticalHeader().defaultSectionSize())
        self.horizontalHeader().setStretchLastSection(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        grid.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # One scroll position for both: the total's bar (at the far right) and the grid's.
        self.verticalScrollBar().valueChanged.connect(grid.verticalScrollBar().setValue)
        grid.verticalScrollBar().valueChanged.connect(self.verticalScrollBar().setValue)
        model.modelReset.connect(self.follow_columns)
        model.layoutChanged.connect(self.follow_columns)
        self.follow_columns()

    def follow_columns(self) -> None:
        """Shows the last column here and every other in the grid; fits this one's width."""
        count = self.model().columnCount()
        for column in range(count):
            self.setColumnHidden(column, column != count - 1)
            self._grid.setColumnHidden(column, column == count - 1)
        if count:
            self.resizeColumnToContents(count - 1)
            width = self.columnWidth(count - 1)
        else:
            width = 0
        bar = self.verticalScrollBar().sizeHint().width()
        self.setFixedWidth(width + bar + 2 * self.frameWidth() if count else 0)
        self.setVisible(bool(count))
