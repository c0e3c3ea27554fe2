"""A window on a plain SQLite file reads with the sqlite3 driver, without SQLAlchemy, until the user
starts to edit: then a worker loads the write path, and edits work as on any database (issue 15)."""

from __future__ import annotations

import sys
import threading
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QModelIndex, QPoint, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent
from PySide6.QtWidgets import QApplication, QMenu, QStyleOptionViewItem, QWidget
from pytestqt.qtbot import QtBot

from mpn_desktop.domain.catalog import Catalog
from mpn_desktop.store import records
from mpn_desktop.store.changes import RecordKind
from mpn_desktop.store.database import Database
from mpn_desktop.ui import write_ahead
from mpn_desktop.ui.context import AppContext
from mpn_desktop.ui.editors.field_delegate import FieldDelegate
from mpn_desktop.ui.main_window import MainWindow
from mpn_desktop.ui.organisation_dialog import OrganisationDialog
from mpn_desktop.ui.settings import WindowSettings
from mpn_desktop.ui.undo_commands import AddRecordCommand
from mpn_desktop.ui.write_ahead import prepare_to_import, prepare_to_write

AS_OF = date(2018, 3, 1)
"""As the UI tests' demo is dated (``conftest.AS_OF``)."""


def _opened_as_at_start(db: Database) -> Database:
    """The same file opened as start-up opens it: the engine is made at the first write."""
    db.close()
    return Database.open(db.url, engine_later=True)


def test_the_write_path_is_loaded_once_on_a_worker(demo_db: Database) -> None:
    assert prepare_to_write(demo_db) is None  # its engine is made: nothing to load
    later = _opened_as_at_start(demo_db)
    try:
        worker = prepare_to_write(later)
        assert worker is not None
        assert prepare_to_write(later) is None  # loading already
        worker.join(60)
        assert later.has_engine
    finally:
        later.close()


def test_a_cell_editor_says_when_editing_begins(qapp: Any) -> None:
    began: list[bool] = []
    delegate = FieldDelegate(lambda _index: None, editing_begins=lambda: began.append(True))
    parent = QWidget()
    delegate.createEditor(parent, QStyleOptionViewItem(), QModelIndex())
    assert began == [True]


def test_a_window_reads_with_the_driver_and_writes_once_editing_begins(
    qtbot: QtBot, demo_db: Database, catalog: Catalog, settings: WindowSettings
) -> None:
    expected = records.list_records(demo_db, RecordKind.CUSTOMER)
    db = _opened_as_at_start(demo_db)
    context = AppContext(db, catalog, as_of=AS_OF)
    main = MainWindow(context, settings, evaluate_now=False)
    qtbot.addWidget(main)
    main.show()
    with qtbot.waitSignal(main.filled, timeout=30_000):
        main.fill()
    assert not db.has_engine
    customers = main.tab("salesTab").sections[0]  # type: ignore[attr-defined]
    assert sorted(customers.model.records(), key=lambda r: r["id"]) == expected
    assert main.panel.progress is not None
    # A cell editor opening: the write path loads on a worker while the user types.
    customers.view.edit(customers.proxy.index(0, 0))
    qtbot.waitUntil(lambda: db.has_engine, timeout=30_000)
    customers.view.closePersistentEditor(customers.proxy.index(0, 0))
    command = AddRecordCommand(
        context, RecordKind.CUSTOMER, {"name": "Added Later"}, "Add customer"
    )
    context.undo_stack.push(command)
    assert command.done
    assert "Added Later" in {record["name"] for record in customers.model.records()}
    qtbot.waitUntil(
        lambda: "Added Later" in {c.name for c in main.progress_source.facts.customers},
        timeout=10_000,
    )
    main.close()
    db.close()


def test_the_organisation_dialog_opens_from_the_driver_and_saves(
    qtbot: QtBot, demo_db: Database, catalog: Catalog
) -> None:
    targets = records.get_targets(demo_db)
    db = _opened_as_at_start(demo_db)
    context = AppContext(db, catalog, as_of=AS_OF)
    dialog = OrganisationDialog(context)
    qtbot.addWidget(dialog)
    assert dialog.name_edit.text() == "Contoso Cloud Ltd"
    assert dialog.targets() == targets
    # Opening it started loading the write path: saving finds it, or loads it itself.
    qtbot.waitUntil(lambda: db.has_engine, timeout=30_000)
    dialog.name_edit.setText("Contoso Cloud Europe")
    dialog.accept()
    saved = records.get_organization(db)
    assert saved is not None and saved["name"] == "Contoso Cloud Europe"
    db.close()


def _hold_write_path_load(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """Makes the write path's loading worker wait until the event returned is set."""
    monkeypatch.setattr(write_ahead, "_IMPORTERS_ASKED", threading.Event())
    released = threading.Event()
    load = write_ahead._load

    def held_load(*args: Any) -> None:
        released.wait(30)
        load(*args)

    monkeypatch.setattr(write_ahead, "_load", held_load)
    return released


def _questions_answered(monkeypatch: pytest.MonkeyPatch, answer: bool) -> list[str]:
    """The texts of the questions the program asks from now on, each answered ``answer``
    (True: Delete chosen)."""
    asked: list[str] = []

    def ask(_parent: QWidget, _title: str, text: str, *_args: Any, **_kwargs: Any) -> bool:
        asked.append(text)
        return answer

    monkeypatch.setattr("mpn_desktop.ui.questions.ask", ask)
    return asked


def _filled_window(qtbot: QtBot, db: Database, catalog: Catalog, settings: WindowSettings) -> Any:
    main = MainWindow(AppContext(db, catalog, as_of=AS_OF), settings, evaluate_now=False)
    qtbot.addWidget(main)
    main.show()
    with qtbot.waitSignal(main.filled, timeout=30_000):
        main.fill()
    return main


def test_choosing_a_row_loads_the_write_path_that_delete_needs(
    qtbot: QtBot,
    demo_db: Database,
    catalog: Catalog,
    settings: WindowSettings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked = _questions_answered(monkeypatch, True)
    db = _opened_as_at_start(demo_db)
    main = _filled_window(qtbot, db, catalog, settings)
    customers = main.tab("salesTab").sections[0]
    assert not db.has_engine  # idle, nothing chosen: nothing loaded
    customers.view.selectRow(0)
    # Loaded on a worker while the user looks: Delete (which counts what it takes along
    # first) and paste find it there instead of loading it on the GUI thread.
    qtbot.waitUntil(lambda: db.has_engine, timeout=30_000)
    chosen = customers.selected_record()
    customers.delete_selected()
    assert asked  # it takes subscriptions along: counted and asked first
    assert chosen["id"] not in {record["id"] for record in customers.model.records()}
    main.close()
    db.close()


def test_delete_counts_what_it_takes_along_with_the_driver_the_window_reads_with(
    qtbot: QtBot,
    demo_db: Database,
    catalog: Catalog,
    settings: WindowSettings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Delete pressed before the write path is loaded: the question's counts are read as
    # the window reads its records, not through SQLAlchemy loaded on the GUI thread.
    asked = _questions_answered(monkeypatch, False)
    monkeypatch.setattr("mpn_desktop.ui.tabs.record_section.prepare_to_write", lambda _db: None)
    monkeypatch.setattr(records, "count_dependants", None)
    db = _opened_as_at_start(demo_db)
    main = _filled_window(qtbot, db, catalog, settings)
    customers = main.tab("salesTab").sections[0]
    customers.view.selectRow(0)
    chosen = customers.selected_record()
    customers.delete_selected()
    assert len(asked) == 1 and "subscription" in asked[0], asked  # counted and asked
    assert chosen["id"] in {record["id"] for record in customers.model.records()}  # declined
    assert not db.has_engine
    main.close()
    db.close()


def test_opening_the_file_menu_loads_the_write_path_that_imports_need(
    qtbot: QtBot, demo_db: Database, catalog: Catalog, settings: WindowSettings
) -> None:
    db = _opened_as_at_start(demo_db)
    main = _filled_window(qtbot, db, catalog, settings)
    assert not db.has_engine
    file_menu = main.findChild(QMenu, "fileMenu")
    file_menu.aboutToShow.emit()
    qtbot.waitUntil(lambda: db.has_engine, timeout=30_000)
    main.close()
    db.close()


def test_a_file_dragged_over_the_window_loads_the_write_path_that_its_import_needs(
    qtbot: QtBot, demo_db: Database, catalog: Catalog, settings: WindowSettings, tmp_path: Path
) -> None:
    db = _opened_as_at_start(demo_db)
    main = _filled_window(qtbot, db, catalog, settings)
    assert not db.has_engine
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path / "exams.csv"))])
    enter = QDragEnterEvent(
        QPoint(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(main, enter)
    qtbot.waitUntil(lambda: db.has_engine, timeout=30_000)
    main.close()
    db.close()


def test_ctrl_i_opens_the_wizard_once_a_worker_has_loaded_what_it_needs(
    qtbot: QtBot,
    demo_db: Database,
    catalog: Catalog,
    settings: WindowSettings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from mpn_desktop.ui.import_wizard import ImportWizard

    # The worker held until released: loading takes its time whatever was imported before.
    released = _hold_write_path_load(monkeypatch)
    db = _opened_as_at_start(demo_db)
    main = _filled_window(qtbot, db, catalog, settings)
    assert not db.has_engine
    # The shortcut reaches the action without the File menu, whose opening loads ahead.
    main.import_action.trigger()
    main.import_action.trigger()  # pressed again while waiting: still one wizard
    # The GUI thread did not load the write path: the wizard waits, under a busy cursor.
    assert main.findChild(ImportWizard) is None
    cursor = QApplication.overrideCursor()
    assert cursor is not None and cursor.shape() == Qt.CursorShape.BusyCursor
    released.set()
    qtbot.waitUntil(lambda: main.findChild(ImportWizard) is not None, timeout=30_000)
    assert db.has_engine
    assert QApplication.overrideCursor() is None
    assert len(main.findChildren(ImportWizard)) == 1
    main.findChild(ImportWizard).reject()
    main.close()
    db.close()


def test_a_window_closed_while_ctrl_i_waits_leaves_no_busy_cursor(
    qtbot: QtBot,
    demo_db: Database,
    catalog: Catalog,
    settings: WindowSettings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    released = _hold_write_path_load(monkeypatch)
    db = _opened_as_at_start(demo_db)
    main = _filled_window(qtbot, db, catalog, settings)
    main.import_action.trigger()
    assert QApplication.overrideCursor() is not None
    main.files.deleteLater()  # as the window's children go when it is closed and deleted
    qtbot.waitUntil(lambda: QApplication.overrideCursor() is None, timeout=5_000)
    released.set()
    main.close()
    db.close()


def test_the_importers_load_ahead_once_even_when_the_write_path_is_loaded(
    demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(write_ahead, "_IMPORTERS_ASKED", threading.Event())
    assert prepare_to_write(demo_db) is None  # its engine is made
    worker = prepare_to_import(demo_db)
    assert worker is not None  # the importers the wizard opens with, still
    worker.join(60)
    assert all(name in sys.modules for name in write_ahead.IMPORTER_MODULES)
    assert prepare_to_import(demo_db) is None


def test_a_usage_cell_chosen_loads_the_write_path_that_its_paste_needs(
    qtbot: QtBot, demo_db: Database, catalog: Catalog, settings: WindowSettings
) -> None:
    db = _opened_as_at_start(demo_db)
    main = _filled_window(qtbot, db, catalog, settings)
    sales = main.tab("salesTab")
    grid = sales.usage_grid  # type: ignore[attr-defined]
    main.tabs.setCurrentWidget(sales)
    sales.pages.setCurrentWidget(grid)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: grid.model.rowCount() > 0, timeout=10_000)
    assert not db.has_engine  # the grid shown, read with the driver: nothing loaded
    grid.window().activateWindow()
    grid.view.setFocus()  # the user clicks a cell (or tabs into the grid, which chooses one)
    qtbot.waitUntil(grid.view.hasFocus, timeout=5_000)
    grid.view.setCurrentIndex(grid.model.index(0, 1))
    qtbot.waitUntil(lambda: db.has_engine, timeout=30_000)
    main.close()
    db.close()
