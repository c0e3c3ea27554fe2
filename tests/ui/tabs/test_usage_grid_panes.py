"""The usage grid's Total and Counted rows stay in sight under the subscriptions that scroll (as
the total column stays at the right), the latest months in view beside the total."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from mpn_desktop.ui.main_window import MainWindow
from mpn_desktop.ui.tabs.usage_grid_section import UsageGridSection
from tests.ui.tabs.test_usage_by_designation import _grid


def _security_at(qtbot: QtBot, window: MainWindow, width: int, height: int) -> UsageGridSection:
    window.resize(width, height)
    grid = _grid(qtbot, window)
    grid.choose_designation("security")
    qtbot.waitUntil(lambda: grid.settled)
    qtbot.waitUntil(lambda: grid.view.horizontalScrollBar().maximum() > 0)
    return grid


def test_total_and_counted_stay_at_the_bottom_while_the_subscriptions_scroll(
    qtbot: QtBot, window_2023: MainWindow
) -> None:
    grid = _security_at(qtbot, window_2023, 1024, 700)
    view, panes, model = grid.view, grid.panes, grid.model
    qtbot.waitUntil(lambda: panes.pinned)
    first = len(model.grid_rows)
    pinned = [
        model.headerData(row, Qt.Orientation.Vertical) for row in range(first, model.rowCount())
    ]
    assert pinned == ["Total", "Counted"]
    # Not among the rows that scroll, in the grid or in the total column.
    assert all(
        view.isRowHidden(row) and grid.total_column.isRowHidden(row) for row in (first, first + 1)
    )
    rows, corner = panes.total_rows, panes.corner
    assert rows.isVisible() and corner.isVisible()
    assert rows.geometry().top() >= view.geometry().bottom()
    where = rows.geometry(), corner.geometry()
    bar = grid.total_column.verticalScrollBar()
    assert bar.maximum() > 0  # the subscriptions do scroll at 1024×700
    for position in (bar.minimum(), bar.maximum()):
        bar.setValue(position)
        qtbot.wait(10)
        assert (rows.geometry(), corner.geometry()) == where
        # Whole and in view: Total first, then Counted, under their names.
        assert rows.rowViewportPosition(first) == 0
        assert rows.rowViewportPosition(first + 1) == rows.rowHeight(first)
        assert rows.viewport().height() >= 2 * rows.rowHeight(first)
    # The months line up with the grid's as they scroll sideways; the totals with the column.
    sideways = rows.horizontalScrollBar()
    for position in (sideways.minimum(), sideways.maximum() // 2, sideways.maximum()):
        sideways.setValue(position)
        qtbot.wait(10)
        assert view.horizontalScrollBar().value() == position
        for column in range(len(model.months)):
            assert rows.columnViewportPosition(column) == view.columnViewportPosition(column)
            assert rows.columnWidth(column) == view.columnWidth(column)
    last = model.columnCount() - 1
    total_x = grid.total_column.mapTo(grid, grid.total_column.viewport().pos()).x()
    corner_x = corner.mapTo(grid, corner.viewport().pos()).x()
    assert corner_x + corner.columnViewportPosition(
        last
    ) == total_x + grid.total_column.columnViewportPosition(last)
    assert corner.columnWidth(last) == grid.total_column.columnWidth(last)
    # The corner's figures are the pinned rows' totals.
    assert corner.rowViewportPosition(first) == 0
    assert model.value_at(first, last) == sum(
        (model.value_at(first, column) or 0 for column in range(last)), start=0
    )


def test_the_latest_months_are_in_view_beside_the_total(
    qtbot: QtBot, window_2023: MainWindow
) -> None:
    # 24 months at 1024×700: the last month compared sits beside the total, not under it.
    grid = _security_at(qtbot, window_2023, 1024, 700)
    view = grid.view
    bar = view.horizontalScrollBar()
    qtbot.waitUntil(lambda: bar.value() == bar.maximum())
    last_month = len(grid.model.months) - 1
    right = view.columnViewportPosition(last_month) + view.columnWidth(last_month)
    assert 0 < right <= view.viewport().width()
    # Where the user scrolled stays where put when the same months are drawn again.
    grid.panes.total_rows.horizontalScrollBar().triggerAction(
        grid.panes.total_rows.horizontalScrollBar().SliderAction.SliderToMinimum
    )
    assert bar.value() == 0
    grid.pivot()
    qtbot.waitUntil(lambda: grid.settled)
    assert bar.value() == 0


def test_thirteen_months_fit_at_1280_by_800(qtbot: QtBot, window_2024: MainWindow) -> None:
    # Infrastructure compares February with the February before: at 1280×800 the last month
    # sat under the frozen total until scrolled.
    window_2024.resize(1280, 800)
    grid = _grid(qtbot, window_2024)
    assert len(grid.model.months) == 13
    view = grid.view
    assert view.horizontalScrollBar().maximum() == 0
    for column in range(13):
        assert view.columnViewportPosition(column) >= 0
        assert (
            view.columnViewportPosition(column) + view.columnWidth(column)
            <= view.viewport().width()
        )
        header = view.horizontalHeader()
        text = str(grid.model.headerData(column, Qt.Orientation.Horizontal))
        assert header.sectionSize(column) >= header.fontMetrics().horizontalAdvance(text)
    assert grid.panes.pinned


def test_a_short_window_lets_the_rows_scroll_with_the_others_as_before(
    qtbot: QtBot, window_2023: MainWindow
) -> None:
    # No room for the header, three subscriptions and the pinned rows: they scroll with the
    # subscriptions (three whole rows of them stay in view), none cut or hidden.
    grid = _security_at(qtbot, window_2023, 1024, 700)
    panes = grid.panes
    qtbot.waitUntil(lambda: panes.pinned)
    panes.resize(panes.width(), panes.minimumSizeHint().height())
    qtbot.waitUntil(lambda: not panes.pinned)
    first = len(grid.model.grid_rows)
    assert not grid.view.isRowHidden(first) and not grid.total_column.isRowHidden(first)
    assert not panes.total_rows.isVisible() and not panes.corner.isVisible()
    assert grid.view.viewport().height() >= 3 * grid.view.verticalHeader().defaultSectionSize()
    assert grid.view.horizontalScrollBar().isVisible()
    # Room again: pinned again.
    panes.resize(panes.width(), panes.minimumSizeHint().height() + 80)
    qtbot.waitUntil(lambda: panes.pinned)
    assert grid.view.isRowHidden(first) and panes.total_rows.isVisible()


def test_where_every_row_fits_the_totals_follow_the_last_subscription(
    qtbot: QtBot, window_2018: MainWindow
) -> None:
    # Nine subscriptions of 2018 at 1280×800: nothing scrolls down, so nothing is pinned
    # (pinned, a gap opened between the last subscription and the Total rows).
    window_2018.resize(1280, 800)
    grid = _grid(qtbot, window_2018)
    view, panes = grid.view, grid.panes
    qtbot.waitUntil(lambda: panes.height() > 0 and not panes.pinned)
    first = len(grid.model.grid_rows)
    assert grid.model.headerData(first, Qt.Orientation.Vertical) == "Total"
    assert not view.isRowHidden(first) and not panes.total_rows.isVisible()
    above = view.rowViewportPosition(first - 1) + view.rowHeight(first - 1)
    assert view.rowViewportPosition(first) == above
    assert view.verticalScrollBar().maximum() == 0


def test_pinned_again_after_the_window_grew_the_totals_stay_under_their_months(
    qtbot: QtBot, window_2018: MainWindow
) -> None:
    # Pinned (the window's first size), unpinned at 1280×800 where every row fits, pinned
    # again at 1024×700 with the latest months in view: the Total rows, laid out again while
    # hidden, showed each month's total under the next month and an empty cell at the end.
    grid = _grid(qtbot, window_2018)
    view, panes, model = grid.view, grid.panes, grid.model
    for width, height, pinned in ((1280, 800, False), (1024, 700, True)):
        window_2018.resize(width, height)
        qtbot.waitUntil(lambda pinned=pinned: panes.pinned is pinned)
    bar = view.horizontalScrollBar()
    qtbot.waitUntil(lambda: 0 < bar.maximum() == bar.value())
    rows = panes.total_rows
    for column in range(len(model.months)):
        assert rows.columnViewportPosition(column) == view.columnViewportPosition(column)


def test_the_wheel_over_the_pinned_rows_scrolls_the_subscriptions(
    qtbot: QtBot, window_2023: MainWindow
) -> None:
    grid = _security_at(qtbot, window_2023, 1024, 700)
    rows = grid.panes.total_rows
    qtbot.waitUntil(lambda: grid.panes.pinned)
    before = grid.view.verticalScrollBar().value()
    first = len(grid.model.grid_rows)
    where = QPointF(rows.viewport().rect().center())
    wheel = QWheelEvent(
        where,
        QPointF(rows.viewport().mapToGlobal(where.toPoint())),
        QPoint(0, 0),
        QPoint(0, -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(rows.viewport(), wheel)
    assert grid.view.verticalScrollBar().value() > before
    # The pinned rows stay what they were.
    assert rows.rowViewportPosition(first) == 0
