"""The Sales tab's usage grid in four panes, as a spreadsheet freezes them: the subscriptions'
months, the total column at the right, the Total and Counted rows at the bottom, their corner."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QTableView, QWidget

from mpn_desktop.ui.tabs.usage_grid_frozen_rows import TotalCorner, TotalRows
from mpn_desktop.ui.tabs.usage_grid_view import TotalColumn

GRID_ROWS_KEPT = 3
"""Subscriptions' rows the grid keeps in view before the pinned rows take room of their own."""


class UsageGridPanes(QWidget):
    """The grid (its months scroll both ways), the total column (scrolls down with it), the
    rows from ``pinned_from`` on (Total, Counted, each level's need: scroll sideways with the
    months) and the corner of their totals, placed by hand so that the pane's least height
    stays the grid's: where the window is too short for the header, three subscriptions and
    the pinned rows, those scroll with the others as before (a table shows three whole rows
    at the first-start size)."""

    def __init__(
        self, grid: QTableView, pinned_from: Callable[[], int], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        grid.setParent(self)
        self.grid = grid
        self._pinned_from = pinned_from
        self.total_column = TotalColumn(grid, self)
        self.total_rows = TotalRows(grid, pinned_from, self)
        self.corner = TotalCorner(grid, self.total_column, pinned_from, self)
        self._to_latest = False
        """The months shown changed: the latest (beside the total) are scrolled into view."""
        self._pinned: bool | None = None
        """Whether the rows are pinned now (None: to be worked out after a reset)."""
        model = grid.model()
        # After the views' own (they were connected first): the rows a reset showed again.
        model.modelReset.connect(self._follow_rows)
        model.layoutChanged.connect(self._follow_rows)
        grid.horizontalScrollBar().rangeChanged.connect(self._months_room_changed)
        # Once the user scrolls sideways or moves in the grid, the months stay where put.
        for bar in (grid.horizontalScrollBar(), self.total_rows.horizontalScrollBar()):
            bar.actionTriggered.connect(self._scrolled_by_the_user)
        grid.selectionModel().currentChanged.connect(self._cell_chosen)
        self.total_rows.horizontalScrollBar().rangeChanged.connect(lambda *_range: self._place())
        self._follow_rows()

    @property
    def pinned(self) -> bool:
        """Whether the rows under the subscriptions stay in sight at the bottom now."""
        return bool(self._pinned)

    def show_latest_months(self) -> None:
        """Scrolls the months to the latest, beside the total: the month a designation
        compares (or a window's last) in view without scrolling, once the months are laid out
        (a wide grid's first months then scroll in from the left)."""
        self._to_latest = True
        self._months_room_changed()

    def _scrolled_by_the_user(self, *_ignored: object) -> None:
        self._to_latest = False

    def _cell_chosen(self, current: QModelIndex) -> None:
        if current.isValid():  # a reset takes the current cell away: that is no choice
            self._to_latest = False

    def _months_room_changed(self, *_range: int) -> None:
        if self._to_latest:
            bar = self.grid.horizontalScrollBar()
            bar.setValue(bar.maximum())
        self._place()

    def minimumSizeHint(self) -> QSize:
        # The header, three whole rows and the months' sideways scroll bar at least, not the
        # 70 points every scroll area asks: under the chart, the page fits a short window
        # (1024×700 at 150% scaling, 683×467 points), where two rows left one in view.
        hint = self.grid.minimumSizeHint()
        return QSize(
            hint.width() + self._total_width(), self._least_grid_height() + self._bar_height()
        )

    def sizeHint(self) -> QSize:
        hint = self.grid.sizeHint()
        return QSize(hint.width() + self._total_width(), hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place()

    def _follow_rows(self) -> None:
        self._pinned = None  # a reset shows every row again
        self._place()

    def _total_width(self) -> int:
        return self.total_column.width() if self.total_column.isVisibleTo(self) else 0

    def _least_grid_height(self) -> int:
        """The header and three whole rows (the header is about a row high; it has no size
        of its own before the first rows), with the frame."""
        return (GRID_ROWS_KEPT + 1) * self._row_height() + 4

    def _place(self) -> None:
        width, height = self.width(), self.height()
        rows = self.total_rows.pinned_rows()
        # Pinned while the subscriptions scroll and there is room for three of them: where
        # every row fits, the Total rows follow the last subscription as in any table.
        pinned = (
            bool(rows)
            and not self._every_row_fits(height)
            and height - self._pinned_height() >= self._least_grid_height()
        )
        if pinned != self._pinned:
            self._pin(pinned)
        below = self._pinned_height() if pinned else 0
        total = self._total_width()
        top = height - below
        self.grid.setGeometry(0, 0, width - total, top)
        bar = self.grid.horizontalScrollBar()
        # Under the total, the room the months' scroll bar takes: rows stay level.
        beside_bar = self._bar_height() if not pinned and bar.maximum() > bar.minimum() else 0
        self.total_column.setGeometry(width - total, 0, total, top - beside_bar)
        if pinned:
            self.total_rows.setGeometry(0, top, width - total, below)
            rows_only = rows * self._row_height()
            self.corner.setGeometry(
                width - total, top, total, rows_only + 2 * self.corner.frameWidth()
            )

    def _every_row_fits(self, height: int) -> bool:
        """Whether the header, every row and the sideways bar (where the months need it) fit
        in ``height`` without scrolling down."""
        bar = self.grid.horizontalScrollBar()
        sideways = self._bar_height() if bar.maximum() > bar.minimum() else 0
        header = self.grid.horizontalHeader().sizeHint().height()
        rows = self.grid.model().rowCount() * self._row_height()
        return header + rows + 2 * self.grid.frameWidth() + sideways <= height

    def _pinned_height(self) -> int:
        """The pinned rows' height, with the months' sideways bar under them where the months
        need it (they need it as much at either height: the pair is as wide)."""
        rows = self.total_rows.pinned_rows()
        if not rows:
            return 0
        bar = self.grid.horizontalScrollBar()
        sideways = self._bar_height() if bar.maximum() > bar.minimum() else 0
        return rows * self._row_height() + 2 * self.total_rows.frameWidth() + sideways

    def _row_height(self) -> int:
        return self.grid.verticalHeader().defaultSectionSize()

    def _bar_height(self) -> int:
        return self.grid.horizontalScrollBar().sizeHint().height()

    def _pin(self, pinned: bool) -> None:
        """Pins the rows under the subscriptions (or lets them scroll with the others)."""
        self._pinned = pinned
        model = self.grid.model()
        for row in range(self._pinned_from(), model.rowCount()):
            self.grid.setRowHidden(row, pinned)
            self.total_column.setRowHidden(row, pinned)
        self.grid.setHorizontalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAlwaysOff
            if pinned
            else Qt.ScrollBarPolicy.ScrollBarAsNeeded
        )
        self.total_rows.setVisible(pinned)
        self.corner.setVisible(pinned)
        if pinned:
            self.total_rows.follow_rows()
            self.corner.follow_rows()
