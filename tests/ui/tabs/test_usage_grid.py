"""The Sales tab's usage grid and chart: the window month by month, typed and pasted into."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mpn_desktop.domain.dates import Month
from mpn_desktop.store import records
from mpn_desktop.store.changes import Change, RecordKind
from mpn_desktop.ui.context import AppContext
from mpn_desktop.ui.main_window import MainWindow
from mpn_desktop.ui.models.usage_grid import MONTHS
from mpn_desktop.ui.settings import WindowSettings
from mpn_desktop.ui.tabs.sales_tab import SalesTab


@pytest.fixture
def window(qtbot: QtBot, context: AppContext, tmp_path: Path) -> MainWindow:
    main = MainWindow(context, WindowSettings(tmp_path / "settings.ini"))
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show()
    return main


def _sales(qtbot: QtBot, window: MainWindow) -> SalesTab:
    """The Sales tab with its usage grid shown, once it shows the day's figures."""
    tab = window.step_tabs[0]
    assert isinstance(tab, SalesTab)
    tab.pages.setCurrentWidget(tab.usage_grid)
    qtbot.waitUntil(lambda: tab.usage_grid.settled)
    return tab


@contextmanager
def _redrawn(qtbot: QtBot, window: MainWindow) -> Iterator[None]:
    """Waits for the evaluation the block causes, then for the grid to show its figures
    (the window's usage is read off the GUI thread)."""
    with qtbot.waitSignal(window.progress_source.progressChanged):
        yield
    _sales(qtbot, window)


def _row_of(tab: SalesTab, name: str) -> int:
    return next(
        position for position, row in enumerate(tab.usage_grid.model.grid_rows) if row.name == name
    )


def _usage(context: AppContext, name: str) -> dict[Month, Decimal]:
    subscription = next(
        item
        for item in records.list_records(context.db, RecordKind.SUBSCRIPTION)
        if item["external_id"] == name
    )
    return {
        item["month"]: item["consumption_usd"]
        for item in records.list_records(context.db, RecordKind.USAGE)
        if item["subscription_id"] == subscription["id"]
    }


def test_the_grid_shows_the_window_with_totals_and_what_each_level_needs(
    qtbot: QtBot, window: MainWindow, context: AppContext
) -> None:
    tab = _sales(qtbot, window)
    model = tab.usage_grid.model
    first = Month.of(context.as_of).plus(-12)
    assert model.months == tuple(first.plus(offset) for offset in range(MONTHS))
    headings = [model.headerData(row, _vertical()) for row in range(model.rowCount())]
    assert headings[-4:] == ["Total", "Credited", "Silver needs", "Gold needs"]
    credited_row = headings.index("Credited")
    # The credited months add up to the panel's figure for the step.
    progress = window.progress_source.progress
    assert progress is not None
    gold = progress.competency("cloud-platform").levels[1]
    performance = gold.option.steps[0]
    assert model.value_at(credited_row, MONTHS) == performance.have
    assert model.value_at(headings.index("Gold needs"), MONTHS) == performance.need
    text = tab.usage_grid.chart.accessible_text()
    assert "credited by month" in text and "more Azure consumption" in text


def _vertical() -> Any:
    return Qt.Orientation.Vertical


def test_typing_a_cell_writes_the_month_and_undo_puts_it_back(
    qtbot: QtBot, window: MainWindow, context: AppContext
) -> None:
    tab = _sales(qtbot, window)
    model = tab.usage_grid.model
    row = _row_of(tab, "sub-fabrikam-azure")
    month = model.months[-1]
    before = _usage(context, "sub-fabrikam-azure")
    with _redrawn(qtbot, window):
        assert model.setData(model.index(row, MONTHS - 1), "12,345.50")
    assert _usage(context, "sub-fabrikam-azure")[month] == Decimal("12345.50")
    assert model.value_at(row, MONTHS - 1) == Decimal("12345.50")
    assert context.undo_stack.undoText() == f"Edit usage of {month}"
    with _redrawn(qtbot, window):
        context.undo_stack.undo()
    assert _usage(context, "sub-fabrikam-azure") == before
    # A wrong figure is refused with the form's words, and nothing is written.
    assert not model.setData(model.index(row, 0), "lots")
    assert "is not an amount" in tab.usage_grid.problem_label.text()
    assert _usage(context, "sub-fabrikam-azure") == before


def test_a_pasted_block_is_one_undo_step_and_redraws_the_chart(
    qtbot: QtBot, window: MainWindow, context: AppContext
) -> None:
    tab = _sales(qtbot, window)
    grid = tab.usage_grid
    row = _row_of(tab, "sub-fabrikam-azure")
    grid.view.setCurrentIndex(grid.model.index(row, 0))
    before_chart = grid.chart.accessible_text()
    before = _usage(context, "sub-fabrikam-azure")
    depth = context.undo_stack.count()
    with _redrawn(qtbot, window):
        command = grid.paste_text("100000\t200000\tnot a number\r\n50\t60\t70\r\n")
    assert command is not None
    assert context.undo_stack.count() == depth + 1
    usage = _usage(context, "sub-fabrikam-azure")
    assert usage[grid.model.months[0]] == Decimal(100000)
    assert usage[grid.model.months[1]] == Decimal(200000)
    next_name = grid.model.grid_rows[row + 1].name
    assert _usage(context, next_name)[grid.model.months[2]] == Decimal(70)
    assert "line 1, " in grid.problem_label.text() and "not a number" in grid.problem_label.text()
    assert grid.chart.accessible_text() != before_chart
    with _redrawn(qtbot, window):
        context.undo_stack.undo()
    assert _usage(context, "sub-fabrikam-azure") == before
    assert grid.chart.accessible_text() == before_chart


def test_copy_gives_months_and_subscriptions_that_paste_back_where_they_were(
    qtbot: QtBot, window: MainWindow, context: AppContext
) -> None:
    tab = _sales(qtbot, window)
    grid = tab.usage_grid
    row = _row_of(tab, "sub-northwind-azure")
    grid.view.selectRow(row)
    total_row = next(
        position
        for position in range(grid.model.rowCount())
        if grid.model.headerData(position, _vertical()) == "Total"
    )
    grid.view.selectionModel().select(
        grid.model.index(total_row, 0),
        grid.view.selectionModel().SelectionFlag.Select
        | grid.view.selectionModel().SelectionFlag.Rows,
    )
    text = grid.copy()
    lines = text.splitlines()
    assert lines[0].split("\t")[:3] == [
        "Subscription",
        str(grid.model.months[0]),
        str(grid.model.months[1]),
    ]
    assert lines[1].startswith("sub-northwind-azure\t")
    assert lines[2].startswith("Total\t")
    assert "," not in lines[1]  # values, not what the cells show
    doubled = "\r\n".join(
        [
            lines[0],
            "\t".join(
                [
                    cell if position == 0 or not cell else str(Decimal(cell) * 2)
                    for position, cell in enumerate(lines[1].split("\t"))
                ]
            ),
        ]
    )
    grid.view.setCurrentIndex(grid.model.index(0, 5))  # anywhere: the text says where it goes
    before = _usage(context, "sub-northwind-azure")
    with _redrawn(qtbot, window):
        assert grid.paste_text(doubled + "\r\n" + lines[2]) is not None
    assert not grid.problem_label.isVisibleTo(window)  # the Total row copied along is no error
    after = _usage(context, "sub-northwind-azure")
    for month in grid.model.months:
        if month in before:
            assert after[month] == before[month] * 2


def test_the_grid_follows_the_as_of_day(
    qtbot: QtBot, window: MainWindow, context: AppContext
) -> None:
    tab = _sales(qtbot, window)
    with _redrawn(qtbot, window):
        context.set_as_of(date(2018, 7, 15))
    assert tab.usage_grid.model.months[0] == Month(2017, 7)
    assert tab.usage_grid.model.months[-1] == Month(2018, 6)


def test_another_as_of_day_never_shows_the_previous_day_s_credited_months(
    qtbot: QtBot, window: MainWindow, context: AppContext
) -> None:
    # The new day's months came with the previous day's credited row for a moment.
    grid = _sales(qtbot, window).usage_grid
    shown: list[tuple[tuple[Month, ...], list[object]]] = []

    def look() -> None:
        model = grid.model
        rows = range(model.rowCount())
        credited = next((r for r in rows if model.headerData(r, _vertical()) == "Credited"), None)
        values = [] if credited is None else [model.value_at(credited, c) for c in range(MONTHS)]
        shown.append((model.months, values))

    grid.model.modelReset.connect(look)
    context.set_as_of(date(2018, 7, 15))
    assert grid.model.rowCount() == 0
    assert grid.view.empty_text() == "Working out the usage by month of 2018-07-15…"
    qtbot.waitUntil(lambda: grid.settled)
    assert grid.model.months[-1] == Month(2018, 6)
    figures = grid._figures
    assert figures is not None and figures.months == grid.model.months
    for months, credited in shown:
        assert months == () or (months == figures.months and credited == list(figures.amounts))


def test_the_months_of_usage_table_catches_up_when_shown_again(
    qtbot: QtBot, window: MainWindow, context: AppContext
) -> None:
    tab = _sales(qtbot, window)
    grid = tab.usage_grid
    row = _row_of(tab, "sub-fabrikam-azure")
    subscription_id = grid.model.grid_rows[row].subscription_id
    month = grid.model.months[0]

    def shown() -> list[object]:
        return [
            record["consumption_usd"]
            for record in tab.usage.model.records()
            if record["month"] == month and record["subscription_id"] == subscription_id
        ]

    # The table holds the chosen subscription's months (it reads them when chosen).
    tab.pages.setCurrentIndex(0)
    assert tab.subscriptions.select_id(subscription_id)
    tab.pages.setCurrentWidget(grid)
    before = shown()
    with _redrawn(qtbot, window):
        assert grid.model.setData(grid.model.index(row, 0), "4321")
    assert shown() == before  # hidden behind the grid: not read again on every paste
    tab.pages.setCurrentIndex(0)
    assert shown() == [Decimal(4321)]


def test_a_month_split_by_service_shows_its_sum_and_is_changed_where_it_comes_from(
    qtbot: QtBot, window: MainWindow, context: AppContext
) -> None:
    tab = _sales(qtbot, window)
    grid = tab.usage_grid
    row = _row_of(tab, "sub-litware-ems")
    subscription_id = grid.model.grid_rows[row].subscription_id
    month = grid.model.months[0]
    with _redrawn(qtbot, window):
        for service, amount in (("Intune", "30"), ("Entra ID", "12.5")):
            records.add_record(
                context.db,
                RecordKind.USAGE,
                {
                    "subscription_id": subscription_id,
                    "month": month,
                    "service": service,
                    "consumption_usd": Decimal(amount),
                },
            )
        context.announce(Change.of("Import", RecordKind.USAGE))
    assert grid.model.value_at(row, 0) == Decimal("42.50")
    assert not grid.model.flags(grid.model.index(row, 0)) & Qt.ItemFlag.ItemIsEditable
    grid.view.setCurrentIndex(grid.model.index(row, 0))
    with _redrawn(qtbot, window):
        grid.paste_text("1\t2\r\n")
    assert "split by service or imported" in grid.problem_label.text()
    assert grid.model.value_at(row, 0) == Decimal("42.50")
    assert grid.model.value_at(row, 1) == Decimal(2)


def test_ctrl_c_and_ctrl_v_are_edit_copy_and_paste_of_the_focused_table(
    qtbot: QtBot, window: MainWindow, context: AppContext
) -> None:
    from PySide6.QtGui import QAction, QGuiApplication, QKeySequence

    copy = window.findChild(QAction, "copyRowsAction")
    paste = window.findChild(QAction, "pasteRowsAction")
    assert copy is not None and paste is not None
    assert copy.shortcuts() == QKeySequence.keyBindings(QKeySequence.StandardKey.Copy)
    tab = window.step_tabs[0]
    assert isinstance(tab, SalesTab)
    # The customers' table, focused: Ctrl+C copies its selected rows with a header.
    tab.pages.setCurrentIndex(0)
    tab.customers.view.setFocus()
    tab.customers.view.selectRow(0)
    qtbot.keyClick(tab.customers.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text().startswith("Customer\tTenant ID\r\n")
    # The grid, shown: Ctrl+V pastes into it from its current cell, one undo step.
    grid = _sales(qtbot, window).usage_grid
    grid.view.setFocus()
    row = _row_of(tab, "sub-fabrikam-azure")
    grid.view.setCurrentIndex(grid.model.index(row, 0))
    QGuiApplication.clipboard().setText("777\r\n")
    with _redrawn(qtbot, window):
        qtbot.keyClick(grid.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert grid.model.value_at(row, 0) == Decimal(777)
    assert context.undo_stack.undoText().startswith("Paste ")


def test_months_outside_the_window_are_named_not_pasted(
    qtbot: QtBot, window: MainWindow, context: AppContext
) -> None:
    grid = _sales(qtbot, window).usage_grid
    first = grid.model.months[0]
    text = f"Subscription\t{first.plus(-1)}\t{first}\r\nsub-fabrikam-azure\t1\t2\r\n"
    with _redrawn(qtbot, window):
        assert grid.paste_text(text) is not None
    row = _row_of(_sales(qtbot, window), "sub-fabrikam-azure")
    assert grid.model.value_at(row, 0) == Decimal(2)
    assert f"{first.plus(-1)}: outside the window" in grid.problem_label.text()


def test_delete_on_the_grid_empties_the_selected_months_not_a_record(
    qtbot: QtBot, window: MainWindow, context: AppContext
) -> None:
    tab = _sales(qtbot, window)
    grid = tab.usage_grid
    customers = len(records.list_records(context.db, RecordKind.CUSTOMER))
    tab.customers.select_id(records.list_records(context.db, RecordKind.CUSTOMER)[0]["id"])
    row = _row_of(tab, "sub-fabrikam-azure")
    grid.view.setFocus()
    selection = grid.view.selectionModel()
    for column in (0, 1):
        selection.select(grid.model.index(row, column), selection.SelectionFlag.Select)
    with _redrawn(qtbot, window):
        window.delete_selected()
    assert grid.model.value_at(row, 0) == 0 and grid.model.value_at(row, 1) == 0
    assert len(records.list_records(context.db, RecordKind.CUSTOMER)) == customers
    assert context.undo_stack.undoText() == "Edit 2 months of usage"
    with _redrawn(qtbot, window):
        context.undo_stack.undo()
    assert grid.model.value_at(row, 0) == Decimal(4500)


def test_two_days_chosen_in_a_row_say_the_last_one_s_is_worked_out(
    qtbot: QtBot, window: MainWindow, context: AppContext
) -> None:
    grid = _sales(qtbot, window).usage_grid
    context.set_as_of(date(2018, 5, 15))
    context.set_as_of(date(2018, 7, 15))
    assert grid.view.empty_text() == "Working out the usage by month of 2018-07-15…"
    assert grid.chart.accessible_text() == grid.view.empty_text()
    qtbot.waitUntil(lambda: grid.settled)
    assert grid.model.months[-1] == Month(2018, 6)


def test_a_month_is_as_wide_as_its_total_however_large(
    qtbot: QtBot, window: MainWindow, context: AppContext
) -> None:
    """A large organisation's month total ("444,902.17") was cut off ("444,90…") in a column
    as wide as the month's name."""
    tab = _sales(qtbot, window)
    grid = tab.usage_grid
    model, view = grid.model, grid.view
    row = _row_of(tab, "sub-fabrikam-azure")
    with _redrawn(qtbot, window):
        assert model.setData(model.index(row, 3), "987,654,321.17")
    total = [model.headerData(at, _vertical()) for at in range(model.rowCount())].index("Total")
    needed = view.sizeHintForIndex(model.index(total, 3)).width()
    assert needed > grid.fontMetrics().horizontalAdvance("2018-02") + 8  # wider than the name
    for column in range(MONTHS):
        assert view.columnWidth(column) >= needed
        assert grid.panes.total_rows.columnWidth(column) == view.columnWidth(column)


def test_the_total_column_fits_its_widest_figure_a_trial_s_too(
    qtbot: QtBot, window: MainWindow
) -> None:
    """The column is fitted from the figures written longest, not every row's: a trial's
    twelve months (left out of the Total under it) can be the widest."""
    tab = _sales(qtbot, window)
    grid = tab.usage_grid
    model, column = grid.model, grid.total_column
    trial = next(row for row, item in enumerate(model.grid_rows) if item.trial)
    with _redrawn(qtbot, window):
        assert model.setData(model.index(trial, 0), "98,765,432.10")
    last = model.columnCount() - 1
    total = len(model.grid_rows)  # the Total row, first under the subscriptions
    assert len(str(model.data(model.index(trial, last)))) > len(
        str(model.data(model.index(total, last)))
    )
    widest = max(
        column.sizeHintForIndex(model.index(row, last)).width() for row in range(model.rowCount())
    )
    assert column.columnWidth(last) >= widest


def test_a_longer_subscription_name_widens_the_names_again(
    qtbot: QtBot, window: MainWindow
) -> None:
    """The names' width is measured again when they change (not at each redraw)."""
    tab = _sales(qtbot, window)
    grid = tab.usage_grid
    header = grid.view.verticalHeader()
    before = header.width()
    subscriptions = tab.subscriptions
    row = subscriptions.model.row_of_id(grid.model.grid_rows[0].subscription_id)
    assert row is not None
    index = subscriptions.model.index(row, subscriptions.model.column_of("external_id"))
    with _redrawn(qtbot, window):
        assert subscriptions.model.setData(index, "sub-a-much-longer-name-than-before")
    assert header.width() > before
    assert header.width() >= grid.fontMetrics().horizontalAdvance("sub-a-much-longer-name")


def test_the_rows_under_short_subscription_names_are_named_whole(
    qtbot: QtBot, window: MainWindow
) -> None:
    """Subscriptions named "s1" (the large organisation's "sub-0001"): the names' strip is as
    wide as "Silver needs" and "Credited" still (cut to "Silver need" before)."""
    tab = _sales(qtbot, window)
    grid = tab.usage_grid
    subscriptions = tab.subscriptions
    column = subscriptions.model.column_of("external_id")
    for number, row in enumerate(list(grid.model.grid_rows)):
        at = subscriptions.model.row_of_id(row.subscription_id)
        assert at is not None
        with _redrawn(qtbot, window):
            assert subscriptions.model.setData(subscriptions.model.index(at, column), f"s{number}")
    headings = grid.model.headings()
    assert "Silver needs" in headings
    metrics = grid.view.verticalHeader().fontMetrics()
    widest = max(metrics.horizontalAdvance(heading) for heading in headings)
    assert grid.view.verticalHeader().width() >= widest
    assert widest > max(metrics.horizontalAdvance(row.name) for row in grid.model.grid_rows) + 12
