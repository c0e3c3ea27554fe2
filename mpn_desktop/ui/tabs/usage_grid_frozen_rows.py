"""The Sales tab's usage grid's Total and Counted rows (and each level's need), kept in sight
under the subscriptions that scroll, with the corner where they meet the total column."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QHeaderView, QTableView, QWidget

from mpn_desktop.ui.tabs.usage_grid_view import show_the_grid_in


class _PinnedToTheBottom(QTableView):
    """A view of the grid's model showing only its last rows: it is as high as they are and
    stays scrolled to the bottom (hiding thousands of subscription rows one by one on every
    redraw would cost more than the redraw). It shares the grid's selection; the keyboard and
    the wheel work in the grid. ``usage_grid_panes`` places it."""

    def __init__(self, grid: QTableView, pinned_from: Callable[[], int], parent: QWidget) -> None:
        super().__init__(parent)
        self._grid = grid
        self._pinned_from = pinned_from
        model = grid.model()
        show_the_grid_in(self, grid)
        self.setAutoScroll(False)  # a click or a drag never scrolls the subscriptions in
        self.horizontalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        bar = self.verticalScrollBar()
        bar.rangeChanged.connect(self._to_the_bottom)
        bar.valueChanged.connect(self._to_the_bottom)
        model.modelReset.connect(self.follow_rows)
        model.layoutChanged.connect(self.follow_rows)

    def _to_the_bottom(self, *_ignored: int) -> None:
        bar = self.verticalScrollBar()
        if bar.value() != bar.maximum():
            bar.setValue(bar.maximum())

    def pinned_rows(self) -> int:
        """How many of the model's last rows this view shows."""
        return max(self.model().rowCount() - self._pinned_from(), 0)

    def follow_rows(self) -> None:
        """Scrolled to the pinned rows (the panes give this view their height)."""
        self._to_the_bottom()

    def wheelEvent(self, event: QWheelEvent) -> None:
        # The rows stay where they are: the wheel scrolls the grid above.
        QApplication.sendEvent(self._grid.viewport(), event)


class TotalRows(_PinnedToTheBottom):
    """The rows under the subscriptions (Total, Counted or Credited, each level's need) beside
    their names, always in sight: the subscriptions scroll up and down above them, as a
    spreadsheet's frozen rows. Their months are the grid's, as wide, and scroll sideways with
    it: the months' sideways scroll bar is this one's, at the bottom of the pair."""

    def __init__(self, grid: QTableView, pinned_from: Callable[[], int], parent: QWidget) -> None:
        super().__init__(grid, pinned_from, parent)
        self.setObjectName("usageGridTotalRows")
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setMinimumSectionSize(0)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        # One sideways position for both; the bar shows here, under the rows it moves.
        mine, theirs = self.horizontalScrollBar(), grid.horizontalScrollBar()
        mine.valueChanged.connect(self._move_the_grid)
        theirs.valueChanged.connect(mine.setValue)
        mine.rangeChanged.connect(self._line_up)
        grid.horizontalHeader().sectionResized.connect(
            lambda column, _old, new: self.setColumnWidth(column, new)
        )

    def _move_the_grid(self, value: int) -> None:
        # Only while both have the same range: one laid out before the other would cut the
        # grid's position to its own shorter range.
        mine, theirs = self.horizontalScrollBar(), self._grid.horizontalScrollBar()
        if mine.maximum() == theirs.maximum():
            theirs.setValue(value)

    def _line_up(self, *_range: int) -> None:
        """At the grid's sideways position once this one's range changed."""
        mine, theirs = self.horizontalScrollBar(), self._grid.horizontalScrollBar()
        if mine.value() != theirs.value():
            mine.setValue(theirs.value())
            return
        # The same position in another range (the grid's range changed first and moved
        # these rows while theirs was the old one, or they were hidden meanwhile): no scroll
        # places the months again, and at its range's end a table sets its last month flush
        # right (elsewhere its first flush left), so they take the grid's offset.
        self.horizontalHeader().setOffset(self._grid.horizontalHeader().offset())
        self.viewport().update()

    def set_names_width(self, width: int) -> None:
        """The rows' names as wide as the grid's subscriptions' (the months then line up)."""
        self.verticalHeader().setFixedWidth(width)

    def follow_rows(self) -> None:
        """The grid's columns (its total column hidden here too) at the grid's widths."""
        count = self.model().columnCount()
        for column in range(count):
            self.setColumnHidden(column, self._grid.isColumnHidden(column) or column == count - 1)
            self.setColumnWidth(column, self._grid.columnWidth(column))
        super().follow_rows()


class TotalCorner(_PinnedToTheBottom):
    """Where the pinned rows meet the total column: their totals (the window's Total, Counted),
    in sight whichever way the grid scrolls, in line with the total column's figures."""

    def __init__(
        self, grid: QTableView, total: QTableView, pinned_from: Callable[[], int], parent: QWidget
    ) -> None:
        super().__init__(grid, pinned_from, parent)
        self.setObjectName("usageGridTotalCorner")
        self._total = total
        self.verticalHeader().hide()
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def follow_rows(self) -> None:
        """The last column alone, as wide as the total column's (its scroll bar's strip
        beside it stays empty, so that the figures line up)."""
        count = self.model().columnCount()
        for column in range(count):
            self.setColumnHidden(column, column != count - 1)
        if count:
            self.setColumnWidth(count - 1, self._total.columnWidth(count - 1))
        super().follow_rows()
