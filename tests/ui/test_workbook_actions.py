"""File > Export > Spreadsheet (.xlsx) and File > Load with a workbook, from the window."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from mpn_desktop.store import records
from mpn_desktop.store.changes import RecordKind
from mpn_desktop.ui.context import AppContext
from mpn_desktop.ui.main_window import MainWindow
from mpn_desktop.ui.settings import WindowSettings


@pytest.fixture
def window(qtbot: QtBot, sample_context: AppContext, settings: WindowSettings) -> MainWindow:
    main = MainWindow(sample_context, settings)
    qtbot.addWidget(main)
    main.resize(1280, 800)
    main.show()
    return main


def test_the_export_menu_offers_json_and_a_spreadsheet(window: MainWindow) -> None:
    menu = window.findChild(QMenu, "exportMenu")
    assert menu is not None
    names = [action.objectName() for action in menu.actions()]
    assert names == ["exportJsonAction", "exportWorkbookAction", "exportTableCsvAction"]
    action = window.findChild(QAction, "exportWorkbookAction")
    assert action is not None and action.text().replace("&", "") == "Spreadsheet (.xlsx)…"


def test_export_a_workbook_then_load_it_back(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    context = window.context
    book_path = tmp_path / "contoso.xlsx"
    assert window.files.export_workbook_to(book_path)
    book = load_workbook(book_path, read_only=True)
    assert "Status" in book.sheetnames
    as_of = next(book["Status"].iter_rows(min_row=2, max_row=2, values_only=True))[0]
    assert as_of.date() == context.as_of
    before = records.list_records(context.db, RecordKind.PERSON)
    assert window.files.load_json_from(book_path, replace=True)
    # The same people (loaded anew, so each row has a new version).
    reloaded = records.list_records(context.db, RecordKind.PERSON)
    assert [{**row, "version": 0} for row in reloaded] == [{**row, "version": 0} for row in before]
    # A wrong cell is refused by sheet, row and column, and nothing changes.
    edited = load_workbook(book_path)
    edited["people"]["C2"] = None
    edited.save(book_path)
    with qtbot.waitSignal(context.errorShown) as shown:
        assert not window.files.load_json_from(book_path, replace=True)
    assert "sheet 'people', row 2, column C (mcp_id): missing" in shown.args[0]
    assert records.list_records(context.db, RecordKind.PERSON) == reloaded


def test_export_this_table_as_csv_writes_the_focused_tables_rows(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    from mpn_desktop.ui.tabs.exams_tab import ExamsTab

    target = tmp_path / "people.csv"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *args, **kwargs: (str(target), ""))
    )
    window.tabs.setCurrentIndex(1)
    tab = window.tabs.currentWidget()
    assert isinstance(tab, ExamsTab)
    tab.people.view.setFocus()
    action = window.findChild(QAction, "exportTableCsvAction")
    assert action is not None
    action.trigger()
    lines = target.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("Name,E-mail,MCP ID")
    assert len(lines) - 1 == tab.people.proxy.rowCount()
