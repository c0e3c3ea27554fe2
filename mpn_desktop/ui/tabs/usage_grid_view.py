"""The Sales tab's usage grid's total column, kept in sight beside the months that scroll.

The grid itself is a ``RecordTableView``: its empty text says what is being worked
out while it has no figures of the day to show (after the as-of day changed, until
they are read and evaluated)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView, QWidget

from mpn_desktop.ui.models.usage_grid import UsageGridModel


def show_the_grid_in(view: QTableView, grid: QTableView) -> None:
    """``view`` shows the grid's model, its rows as high, and shares its selection; the
    keyboard works in the grid itself (a frozen pane of it: the total column, the pinned
    rows, their corner)."""
    view.setModel(grid.model())
    view.setSelectionModel(grid.selectionModel())
    view.setSelectionMode(grid.selectionMode())
    view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    view.setWordWrap(False)
    view.verticalHeader().setDefaultSectionSize(grid.verticalHeader().defaultSectionSize())


class TotalColumn(QTableView):
    """The grid's last column (the window's total) beside its months, always in sight: the
    months scroll sideways under their names (a 24-month window at 1024×700), the
    total stays, as a spreadsheet's frozen column does. It shares the grid's model
    and selection, and scrolls down with it (its scroll bar is the pair's). The rows under
    the subscriptions (Total, Counted) stay in sight under both where there is room
    (``usage_grid_panes``): this column is as wide as their totals too."""

    def __init__(self, grid: QTableView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("usageGridTotal")
        self._grid = grid
        model = grid.model()
        show_the_grid_in(self, grid)
        self.verticalHeader().hide()
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
        """Shows the last column here and every other in the grid; fits this one's width to
        its figures and the pinned rows' totals (in the corner, or here when not pinned)."""
        model = self.model()
        count = model.columnCount()
        for column in range(count):
            self.setColumnHidden(column, column != count - 1)
            self._grid.setColumnHidden(column, column == count - 1)
        if count:
            last = count - 1
            # The rows written longest, the pinned ones among them (hidden here where they
            # are pinned): resizeColumnToContents measured every subscription's figure,
            # 0.13 s of the GUI thread on each redraw of a large organisation's grid.
            rows = (
                model.longest_in(last)
                if isinstance(model, UsageGridModel)
                else range(model.rowCount())
            )
            line = 1 if self.showGrid() else 0
            width = max(
                [
                    self.horizontalHeader().sectionSizeHint(last),
                    *(self.sizeHintForIndex(model.index(row, last)).width() + line for row in rows),
                ]
            )
            self.setColumnWidth(last, width)
        else:
            width = 0
        bar = self.verticalScrollBar().sizeHint().width()
        self.setFixedWidth(width + bar + 2 * self.frameWidth() if count else 0)
        self.setVisible(bool(count))
