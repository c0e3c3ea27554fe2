"""Care in the main window: keys that do the right thing, nothing lost on close, bad files."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from mpn_desktop.domain.enums import Level, StepKind
from mpn_desktop.store import records
from mpn_desktop.store.changes import RecordKind
from mpn_desktop.store.database import Database
from mpn_desktop.ui.context import AppContext
from mpn_desktop.ui.editors.field_editors import ValidatingLineEdit
from mpn_desktop.ui.main_window import MainWindow
from mpn_desktop.ui.settings import WindowSettings
from mpn_desktop.ui.tabs.exams_tab import ExamsTab
from mpn_desktop.ui.tabs.sales_tab import SalesTab


@pytest.fixture
def window(qtbot: QtBot, sample_context: AppContext, settings: WindowSettings) -> MainWindow:
    main = MainWindow(sample_context, settings)
    qtbot.addWidget(main)
    main.resize(1280, 800)
    main.show()
    main.activateWindow()
    qtbot.waitUntil(main.isActiveWindow)
    return main


def _exams_tab(window: MainWindow) -> ExamsTab:
    window.tabs.setCurrentIndex(1)
    tab = window.tabs.currentWidget()
    assert isinstance(tab, ExamsTab)
    return tab


def _gold_performance(window: MainWindow) -> Decimal:
    assert window.panel.progress is not None
    competency = window.panel.progress.competency("cloud-platform")
    return competency.level(Level.GOLD).option.step(StepKind.PERFORMANCE).have


def test_ctrl_n_adds_to_the_focused_table(qtbot: QtBot, window: MainWindow) -> None:
    tab = _exams_tab(window)
    tab.people.view.setFocus()
    opened: list[str] = []

    def answer() -> None:
        form = QApplication.activeModalWidget()
        assert form is not None
        opened.append(form.windowTitle())
        form.close()

    qtbot.waitUntil(lambda: tab.current_section() is tab.people)
    QTimer.singleShot(0, answer)
    qtbot.keyClick(tab.people.view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert opened == ["Add person"]


def test_delete_in_the_search_box_edits_the_text_not_the_records(
    qtbot: QtBot, window: MainWindow
) -> None:
    context = window.context
    tab = _exams_tab(window)
    tab.people.view.setFocus()
    tab.people.view.selectRow(0)
    before = records.list_records(context.db, RecordKind.PERSON)
    tab.focus_search()
    qtbot.keyClicks(tab.search, "ana")
    tab.search.setCursorPosition(0)
    qtbot.keyClick(tab.search, Qt.Key.Key_Delete)
    assert tab.search.text() == "na"
    assert records.list_records(context.db, RecordKind.PERSON) == before
    assert context.undo_stack.count() == 0


def test_delete_key_in_a_table_deletes_its_selected_rows(qtbot: QtBot, window: MainWindow) -> None:
    context = window.context
    tab = _exams_tab(window)
    tab.exams.view.setFocus()
    qtbot.waitUntil(lambda: tab.current_section() is tab.exams)
    tab.exams.view.selectRow(0)
    count = len(records.list_records(context.db, RecordKind.EXAM))
    with qtbot.waitSignal(window.progress_source.progressChanged):
        qtbot.keyClick(tab.exams.view, Qt.Key.Key_Delete)
    assert len(records.list_records(context.db, RecordKind.EXAM)) == count - 1
    assert window.undo_action.text().startswith("&Undo: delete exam ")


def test_closing_keeps_the_value_of_a_cell_still_being_edited(
    qtbot: QtBot, window: MainWindow
) -> None:
    context = window.context
    tab = window.tab("salesTab")
    assert isinstance(tab, SalesTab)
    window.tabs.setCurrentIndex(0)
    row = next(
        r
        for r in range(tab.customers.proxy.rowCount())
        if tab.customers.proxy.index(r, 0).data() == "Fabrikam"
    )
    index = tab.customers.proxy.index(row, 0)
    record_id = index.data(Qt.ItemDataRole.UserRole + 1)["id"]
    tab.customers.view.setFocus()
    tab.customers.view.setCurrentIndex(index)
    tab.customers.view.edit(index)
    editor = QApplication.focusWidget()
    assert isinstance(editor, ValidatingLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "Fabrikam Inc.")
    window.close()  # no Enter: the user closes the window with the cell open
    stored = records.get_record(context.db, RecordKind.CUSTOMER, record_id)
    assert stored is not None and stored["name"] == "Fabrikam Inc."


def test_refresh_reads_what_another_copy_wrote(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    context = window.context
    assert context.db.path is not None
    before = _gold_performance(window)
    other = Database.open(f"sqlite:///{context.db.path}")
    try:
        subscription = next(
            s
            for s in records.list_records(other, RecordKind.SUBSCRIPTION)
            if s["external_id"] == "sub-fabrikam-azure"
        )
        usage = max(
            (
                u
                for u in records.list_records(other, RecordKind.USAGE)
                if u["subscription_id"] == subscription["id"]
            ),
            key=lambda u: u["month"],
        )
        records.update_record(
            other,
            RecordKind.USAGE,
            usage["id"],
            {"consumption_usd": usage["consumption_usd"] + Decimal(5000)},
        )
    finally:
        other.close()
    assert _gold_performance(window) == before  # nothing told the window yet
    with qtbot.waitSignal(window.progress_source.progressChanged):
        window.findChild(QAction, "refreshAction").trigger()
    assert _gold_performance(window) == before + Decimal(5000)


def test_a_damaged_database_is_refused_with_a_message_and_the_open_one_stays(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    context = window.context
    current = context.db
    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\x13" * 4000)
    with qtbot.waitSignal(context.errorShown) as shown:
        assert not window.files.open_database_file(damaged)
    assert str(damaged) in shown.args[0]
    assert "cannot open this database" in shown.args[0]
    assert context.db is current
    box = window.findChild(QMessageBox, "operationErrorBox")
    assert box is not None and box.text() == "The database was not opened."
    assert records.get_organization(context.db) is not None
