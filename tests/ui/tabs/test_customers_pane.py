"""The Sales page's split: the customers' pane as wide as their names and the Tenant ID title."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from helpers.sample_windows import dated_sample, opened_window
from PySide6.QtCore import QSize, Qt
from pytestqt.qtbot import QtBot

from mpn_desktop.domain.catalog import Catalog
from mpn_desktop.store import records
from mpn_desktop.store.changes import RecordKind
from mpn_desktop.ui.main_window import MainWindow
from mpn_desktop.ui.settings import WindowSettings
from mpn_desktop.ui.tabs.sales_tab import CUSTOMERS_SHARE_MOST, SalesTab

DAY = date(2026, 10, 15)


def _sales(qtbot: QtBot, window: MainWindow) -> SalesTab:
    tab = window.step_tabs[0]
    assert isinstance(tab, SalesTab)
    qtbot.waitUntil(lambda: tab.customers.model.rowCount() > 0, timeout=30_000)
    qtbot.waitUntil(lambda: tab.customers.view.columnWidth(1) < 2 * tab.customers.view.width())
    qtbot.wait(50)  # the window's layout after the first fit
    return tab


def _split(tab: SalesTab) -> tuple[int, int]:
    customers, rest = tab.pages.widget(0).sizes()  # type: ignore[attr-defined]
    return customers, rest


@pytest.mark.parametrize("language", ["en", "de"])
def test_at_1024_by_700_both_titles_read_whole_and_the_tenant_ids_fit_the_pane(
    qtbot: QtBot,
    open_sample_window: Callable[..., MainWindow],
    language: str,
    request: pytest.FixtureRequest,
) -> None:
    if language == "de":
        request.getfixturevalue("german")
    tab = _sales(qtbot, open_sample_window(DAY, QSize(1024, 700)))
    view, header = tab.customers.view, tab.customers.view.horizontalHeader()
    customers, rest = _split(tab)
    assert customers <= (customers + rest) * CUSTOMERS_SHARE_MOST + 1
    # "Mandanten-ID" whole, in a pane it does not overflow (no scroll bar hiding it).
    title = str(tab.customers.model.headerData(1, Qt.Orientation.Horizontal))
    assert view.columnWidth(1) >= header.fontMetrics().horizontalAdvance(title) + 8
    assert view.columnWidth(0) + view.columnWidth(1) <= view.viewport().width()
    assert view.columnWidth(0) >= view.sizeHintForColumn(0) - 1  # the names whole too


def test_at_1400_by_900_the_subscriptions_take_what_the_customers_do_not_need(
    qtbot: QtBot, open_sample_window: Callable[..., MainWindow]
) -> None:
    tab = _sales(qtbot, open_sample_window(DAY, QSize(1400, 900)))
    view = tab.customers.view
    customers, rest = _split(tab)
    # Three tenths before: some 100 points more than the names and the title need.
    assert customers < (customers + rest) * 0.3 - 40
    assert view.columnWidth(0) + view.columnWidth(1) <= view.viewport().width()


def test_the_user_s_handle_stays_where_he_put_it_as_the_window_grows(
    qtbot: QtBot, open_sample_window: Callable[..., MainWindow]
) -> None:
    window = open_sample_window(DAY, QSize(1024, 700))
    tab = _sales(qtbot, window)
    split = tab.pages.widget(0)
    split.moveSplitter(400, 1)  # type: ignore[attr-defined]
    moved = _split(tab)[0]
    window.resize(1400, 900)
    qtbot.wait(50)
    customers, rest = _split(tab)
    # Shared by the stretch factors (a quarter of the new room), not fitted again.
    assert customers > moved
    assert customers > (customers + rest) * CUSTOMERS_SHARE_MOST


def test_short_names_leave_the_customers_their_two_buttons_on_one_line(
    qtbot: QtBot, tmp_path: Path, settings: WindowSettings, catalog: Catalog
) -> None:
    # The large organisation's "Customer 0001" without tenant IDs needed 24 % of the page;
    # at 2018-03-01 its "Add customer…" and "Delete" wrapped onto two lines (a row less).
    context = dated_sample(tmp_path, DAY, catalog)
    for number, customer in enumerate(records.list_records(context.db, RecordKind.CUSTOMER)):
        records.update_record(
            context.db, RecordKind.CUSTOMER, customer["id"], {"name": f"C{number}", "tenant_id": ""}
        )
    try:
        tab = _sales(qtbot, opened_window(qtbot, context, settings, QSize(1024, 700)))
        add, delete = tab.customers.add_button, tab.customers.delete_button
        assert add.geometry().top() == delete.geometry().top()
        assert add.geometry().right() < delete.geometry().left()
    finally:
        context.db.close()
