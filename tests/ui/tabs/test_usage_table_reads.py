"""The Sales tab's Monthly usage table holds the months it shows, read when chosen (issue 15).

A large organisation has 36,000 months of usage: start-up read, sorted and
filtered them all to show none (no subscription is chosen at first). The
table now reads the chosen subscription's months, an import's, or every
month when "Show all usage" asks for them; whatever the user does with the
rows works as before.
"""

from __future__ import annotations

import threading
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from helpers.step_tabs import shown_tab
from PySide6.QtCore import QItemSelectionModel, Qt
from pytestqt.qtbot import QtBot

from mpn_desktop.domain.catalog import Catalog
from mpn_desktop.domain.dates import Month
from mpn_desktop.errors import MpnError
from mpn_desktop.store import records, records_sqlite
from mpn_desktop.store.changes import OutsideChange, RecordKind
from mpn_desktop.store.database import Database
from mpn_desktop.ui.context import AppContext
from mpn_desktop.ui.main_window import MainWindow
from mpn_desktop.ui.settings import WindowSettings
from mpn_desktop.ui.tabs.sales_tab import SalesTab

Reads = list[tuple[RecordKind, object]]


def _sales(context: AppContext, qtbot: QtBot) -> SalesTab:
    tab: SalesTab = shown_tab(SalesTab, context, qtbot, active=False)
    return tab


def _subscription_ids(db: Database) -> list[int]:
    """Subscriptions of the sample with months of usage, most months first."""
    usage = records.list_records(db, RecordKind.USAGE)
    counts: dict[int, int] = {}
    for row in usage:
        counts[row["subscription_id"]] = counts.get(row["subscription_id"], 0) + 1
    return sorted(counts, key=lambda key: -counts[key])


def _months_of(db: Database, subscription_id: int) -> list[dict[str, Any]]:
    return records.list_records(db, RecordKind.USAGE, ("subscription_id", subscription_id))


def _held_ids(tab: SalesTab) -> set[int]:
    return {record["id"] for record in tab.usage.model.records()}


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> Reads:
    """The record reads made, as (kind, where)."""
    made: Reads = []
    read = records_sqlite.list_records

    def counted(db: Database, kind: RecordKind, where: Any = None) -> list[dict[str, Any]]:
        made.append((kind, where))
        return read(db, kind, where)

    monkeypatch.setattr(records_sqlite, "list_records", counted)
    return made


def test_the_filled_window_reads_no_month_of_usage_until_a_subscription_is_chosen(
    qtbot: QtBot,
    demo_db: Database,
    catalog: Catalog,
    tmp_path: Path,
    reads: Reads,
) -> None:
    context = AppContext(demo_db, catalog)
    main = MainWindow(context, WindowSettings(tmp_path / "settings.ini"), evaluate_now=False)
    qtbot.addWidget(main)
    main.show()
    with qtbot.waitSignal(main.filled, timeout=30_000):
        main.fill()
    tab = main.step_tabs[0]
    assert isinstance(tab, SalesTab)
    assert (RecordKind.USAGE, None) not in reads  # neither the worker nor the tab read them all
    assert tab.usage.model.rowCount() == 0
    chosen = _subscription_ids(demo_db)[0]
    assert tab.subscriptions.select_id(chosen)
    assert _held_ids(tab) == {row["id"] for row in _months_of(demo_db, chosen)} != set()
    assert reads[-1] == (RecordKind.USAGE, ("subscription_id", chosen))


def test_the_table_holds_the_chosen_subscriptions_months_sorted_by_each_column(
    context: AppContext, demo_db: Database, qtbot: QtBot
) -> None:
    tab = _sales(context, qtbot)
    first, second = _subscription_ids(demo_db)[:2]
    assert tab.subscriptions.select_id(first)
    assert _held_ids(tab) == {row["id"] for row in _months_of(demo_db, first)}
    assert tab.usage.proxy.rowCount() == tab.usage.model.rowCount() > 1
    for column in range(tab.usage.model.columnCount()):
        field = tab.usage.model.field_at(column)
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            tab.usage.view.sortByColumn(column, order)
            shown = [
                tab.usage.proxy.index(row, column).data(Qt.ItemDataRole.UserRole + 2)
                for row in range(tab.usage.proxy.rowCount())
            ]
            descending = order == Qt.SortOrder.DescendingOrder
            assert shown == sorted(shown, reverse=descending), field.key
    assert tab.subscriptions.select_id(second)
    assert _held_ids(tab) == {row["id"] for row in _months_of(demo_db, second)}
    tab.usage.set_search_text(str(_months_of(demo_db, second)[0]["month"]))
    assert 0 < tab.usage.proxy.rowCount() < tab.usage.model.rowCount()
    tab.usage.set_search_text("")
    tab.show_all_usage()
    qtbot.waitUntil(lambda: not tab.usage.model.reading)
    assert _held_ids(tab) == {row["id"] for row in records.list_records(demo_db, RecordKind.USAGE)}
    assert tab.usage.proxy.rowCount() == tab.usage.model.rowCount()


def test_an_edit_a_paste_and_a_delete_in_the_chosen_subscriptions_months_work_with_undo(
    context: AppContext, demo_db: Database, qtbot: QtBot
) -> None:
    tab = _sales(context, qtbot)
    chosen = _subscription_ids(demo_db)[0]
    assert tab.subscriptions.select_id(chosen)
    section = tab.usage
    column = section.model.column_of("consumption_usd")
    index = section.proxy.index(0, column)
    record = index.data(Qt.ItemDataRole.UserRole + 1)
    with qtbot.waitSignal(context.changeApplied):
        assert section.proxy.setData(index, "4,321.50")
    assert records.get_record(demo_db, RecordKind.USAGE, record["id"])["consumption_usd"] == (  # type: ignore[index]
        Decimal("4321.50")
    )
    row = section.model.row_of_id(record["id"])
    assert row is not None
    assert section.model.records()[row]["consumption_usd"] == Decimal("4321.50")
    with qtbot.waitSignal(context.changeApplied):
        context.undo_stack.undo()
    row = section.model.row_of_id(record["id"])
    assert row is not None
    assert section.model.records()[row]["consumption_usd"] == record["consumption_usd"]

    # Copied with nothing selected: every month shown, the chosen subscription's.
    held = _months_of(demo_db, chosen)
    section.view.clearSelection()
    lines = section.transfer.copy().splitlines()
    assert len(lines) == 1 + len(held)
    assert sorted(line.split("\t")[0] for line in lines[1:]) == sorted(
        str(row["month"]) for row in held
    )
    # A pasted month the subscription has not got yet is added to the rows held.
    known = {row["month"] for row in held}
    new_month = next(
        month for month in (Month(2010, 1).plus(step) for step in range(200)) if month not in known
    )
    text = "Month\tConsumption\n" + f"{new_month}\t12.5"
    section.view.setCurrentIndex(section.proxy.index(-1, -1))
    with qtbot.waitSignal(context.changeApplied):
        command = section.transfer.paste_text(text)
    assert command is not None
    assert len(_months_of(demo_db, chosen)) == len(held) + 1
    assert section.model.rowCount() == len(held) + 1
    assert new_month in {record["month"] for record in section.model.records()}
    with qtbot.waitSignal(context.changeApplied):
        context.undo_stack.undo()
    assert section.model.rowCount() == len(held)

    # Two months deleted in one step, counted on the button; undo puts them back.
    section.view.setFocus()
    section.view.selectRow(0)
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    section.view.selectionModel().select(section.proxy.index(1, 0), flags)
    assert section.delete_button.text() == "Delete 2"
    gone = {record["id"] for record in section.selected_records()}
    section.delete_selected()
    assert _held_ids(tab) == {row["id"] for row in held} - gone
    assert {row["id"] for row in _months_of(demo_db, chosen)} == _held_ids(tab)
    context.undo_stack.undo()
    assert _held_ids(tab) == {row["id"] for row in held}


def test_months_added_elsewhere_are_held_only_under_the_chosen_subscription(
    context: AppContext, demo_db: Database, qtbot: QtBot
) -> None:
    tab = _sales(context, qtbot)
    chosen, other = _subscription_ids(demo_db)[:2]
    assert tab.subscriptions.select_id(chosen)
    added = [
        records.add_record(
            demo_db,
            RecordKind.USAGE,
            {"subscription_id": subscription, "month": Month(2009, 1), "consumption_usd": 5},
        ).value.id
        for subscription in (other, chosen)
    ]
    with qtbot.waitSignal(context.changeApplied):
        context.announce(OutsideChange(frozenset({RecordKind.USAGE}), "Changed elsewhere"))
    held = _held_ids(tab)
    assert held == {row["id"] for row in _months_of(demo_db, chosen)}
    assert added[1] in held and added[0] not in held


def test_every_month_is_read_on_a_worker_while_the_table_says_loading(
    context: AppContext, demo_db: Database, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = _sales(context, qtbot)
    threads: list[threading.Thread] = []
    read = records_sqlite.list_records

    def watched(db: Database, kind: RecordKind, where: Any = None) -> list[dict[str, Any]]:
        if kind is RecordKind.USAGE and where is None:
            threads.append(threading.current_thread())
        return read(db, kind, where)

    monkeypatch.setattr(records_sqlite, "list_records", watched)
    tab.show_all_usage()
    assert tab.usage.model.reading
    assert tab.usage.view.empty_text() == "Loading…"
    qtbot.waitUntil(lambda: not tab.usage.model.reading)
    assert len(threads) == 1 and threads[0] is not threading.main_thread()
    assert tab.usage.model.rowCount() == len(records.list_records(demo_db, RecordKind.USAGE))
    months = [record["month"] for record in tab.usage.model.records()]
    assert months == sorted(months)  # in the table's order (Month, ascending)
    assert tab.usage.view.empty_text() != "Loading…"


def test_every_month_unreadable_says_why_and_the_table_stops_loading(
    context: AppContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The worker's read failing in a way the user can be told about (an MpnError): the
    # window says what was wrong, and the table says it holds nothing, not "Loading…".
    tab = _sales(context, qtbot)
    read = records_sqlite.list_records

    def unreadable(db: Database, kind: RecordKind, where: Any = None) -> list[dict[str, Any]]:
        if kind is RecordKind.USAGE and where is None:
            raise MpnError("usage: the file is locked")
        return read(db, kind, where)

    shown: list[tuple[str, str | None]] = []
    monkeypatch.setattr(records_sqlite, "list_records", unreadable)
    monkeypatch.setattr(
        context, "show_error", lambda message, failure=None, **_: shown.append((message, failure))
    )
    tab.show_all_usage()
    assert tab.usage.model.reading
    qtbot.waitUntil(lambda: not tab.usage.model.reading)
    assert shown == [("usage: the file is locked", "The table could not be read.")]
    assert tab.usage.model.rowCount() == 0
    assert tab.usage.view.empty_text() != "Loading…"


def test_a_month_chosen_among_every_month_stays_chosen_when_they_are_read_again(
    context: AppContext, demo_db: Database, qtbot: QtBot
) -> None:
    tab = _sales(context, qtbot)
    tab.show_all_usage()
    qtbot.waitUntil(lambda: not tab.usage.model.reading)
    chosen = records.list_records(demo_db, RecordKind.USAGE)[3]["id"]
    assert tab.usage.select_id(chosen)
    tab.usage.reload()  # as a change of every kind (a load, a restore) reads them again
    assert tab.usage.model.reading
    tab.usage.reload()  # asked again before the rows came
    qtbot.waitUntil(lambda: not tab.usage.model.reading)
    selected = tab.usage.selected_record()
    assert selected is not None and selected["id"] == chosen


def test_the_columns_are_fitted_to_the_first_months_shown_then_left_to_the_user(
    context: AppContext, demo_db: Database, qtbot: QtBot
) -> None:
    tab = _sales(context, qtbot)
    view = tab.usage.view
    column = tab.usage.model.column_of("consumption_usd")
    # Empty, the column is as wide as its title, which may be as wide as its months: made
    # narrower here, so that the fit to the months shows.
    view.setColumnWidth(column, 10)
    first, second = _subscription_ids(demo_db)[:2]
    assert tab.subscriptions.select_id(first)
    fitted = view.columnWidth(column)
    assert fitted != 10  # fitted to its months ("US$ 1,250.00"), not left as made
    assert fitted >= view.sizeHintForColumn(column)
    view.setColumnWidth(column, fitted + 40)  # the user widens it
    assert tab.subscriptions.select_id(second)
    assert view.columnWidth(column) == fitted + 40


def test_every_month_shown_widens_the_amounts_it_needs_wider(
    context: AppContext, demo_db: Database, qtbot: QtBot
) -> None:
    """After "Show all usage" the large organisation's revenues read "US$ 1,070…" in a column
    fitted to one subscription's months: amounts widen their columns (never narrower)."""
    tab = _sales(context, qtbot)
    view = tab.usage.view
    column = tab.usage.model.column_of("revenue_usd")
    first = _subscription_ids(demo_db)[0]
    assert tab.subscriptions.select_id(first)
    view.setColumnWidth(column, 20)  # as narrow as one subscription's small amounts may be
    narrow = view.columnWidth(column)
    tab.show_all_usage()
    qtbot.waitUntil(lambda: not tab.usage.model.reading)
    assert view.columnWidth(column) >= view.sizeHintForColumn(column) > narrow
    name = tab.usage.model.column_of("subscription")
    view.setColumnWidth(name, 20)  # a name column stays as the user left it
    left = view.columnWidth(name)
    assert tab.subscriptions.select_id(first)
    tab.show_all_usage()
    qtbot.waitUntil(lambda: not tab.usage.model.reading)
    assert view.columnWidth(name) == left < view.sizeHintForColumn(name)
