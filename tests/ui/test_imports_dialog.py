"""File ▸ Past imports: lists the imports, removes one whole, and undo puts it back."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot

from mpn_desktop.importers.catalog_lookup import CatalogLookup
from mpn_desktop.importers.importing import run_import
from mpn_desktop.importers.kinds import ExamImport
from mpn_desktop.importers.planning import plan_import
from mpn_desktop.store import records
from mpn_desktop.store.changes import RecordKind
from mpn_desktop.ui.context import AppContext
from mpn_desktop.ui.imports_dialog import ImportsDialog
from mpn_desktop.ui.main_window import MainWindow
from mpn_desktop.ui.settings import WindowSettings


def _import(context: AppContext, tmp_path: Path) -> None:
    source = tmp_path / "training details.csv"
    source.write_text(
        "MCP ID,Name,Exam,Date Passed\n9000001,Hana Sato,70-533,2017-06-01\n"
        "9000002,Ivo Horvat,70-347,2017-07-01\n",
        encoding="utf-8",
    )
    settings = plan_import(source).settings
    result = run_import(context.db, ExamImport(CatalogLookup(context.catalog)), source, settings)
    assert result.batch_id is not None


def test_past_imports_are_listed_and_one_is_removed_and_put_back(
    qtbot: QtBot, sample_context: AppContext, tmp_path: Path
) -> None:
    context = sample_context
    _import(context, tmp_path)
    people_before = records.list_records(context.db, RecordKind.PERSON)
    window = MainWindow(context, WindowSettings(tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    window.show()
    window.findChild(QAction, "pastImportsAction").trigger()
    dialog = window.findChild(ImportsDialog, "importsDialog")
    assert dialog is not None
    assert dialog.model.rowCount() == 1
    assert dialog.model.index(0, 1).data() == "training details.csv"
    assert dialog.model.index(0, 2).data() == "2"
    assert dialog.remove_button.isEnabled()
    assert dialog.remove_selected()
    assert dialog.model.rowCount() == 0 and dialog.empty_label.isVisible()
    mcp_ids = {p["mcp_id"] for p in records.list_records(context.db, RecordKind.PERSON)}
    assert not {"9000001", "9000002"} & mcp_ids
    assert context.undo_stack.undoText() == (
        "Remove the import of 2 exam records from training details.csv"
    )
    context.undo_stack.undo()
    assert dialog.model.rowCount() == 1
    assert records.list_records(context.db, RecordKind.PERSON) == people_before


def test_with_no_imports_the_intro_stays_on_top_and_the_way_to_import_is_named(
    qtbot: QtBot, sample_context: AppContext
) -> None:
    # The empty dialog spread its two lines over its height: the intro floated mid-dialog.
    dialog = ImportsDialog(sample_context)
    qtbot.addWidget(dialog)
    dialog.resize(760, 360)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.empty_label.isVisible()
    assert dialog.intro.geometry().top() < 20
    assert dialog.empty_label.geometry().height() > dialog.height() // 2
    assert "Import exam records" in dialog.empty_label.text()
    assert "Import sales data" in dialog.empty_label.text()
