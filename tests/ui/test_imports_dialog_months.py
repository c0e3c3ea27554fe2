"""Past imports says what the user chose for the months a usage file brought only some
services of (its lines added, the months replaced, or nothing asked), and undoing a removal
puts the choice back with the import."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers.usage_files import RECON, broken_recon, newer_export
from PySide6.QtCore import QRect, Qt
from pytestqt.qtbot import QtBot

from mpn_desktop.importers.catalog_lookup import CatalogLookup
from mpn_desktop.importers.importing import run_import
from mpn_desktop.importers.kinds import ExamImport
from mpn_desktop.importers.planning import plan_import
from mpn_desktop.importers.usage_import import UsageImport, plan_usage_import
from mpn_desktop.store.usage_writing import MonthsChoice
from mpn_desktop.ui import screen_fit
from mpn_desktop.ui.context import AppContext
from mpn_desktop.ui.imports_dialog import ImportsDialog

MONTHS = 6
"""The dialog's "Months held" column."""


def _usage(context: AppContext, path: Path, months: MonthsChoice | None = None) -> None:
    settings = plan_usage_import(path).settings
    kind = UsageImport(settings.mapping.fields, months=months)
    result = run_import(context.db, kind, path, settings, skip_bad_rows=True)
    assert result.batch_id is not None, result.summary


def _exams(context: AppContext, tmp_path: Path) -> None:
    source = tmp_path / "training details.csv"
    source.write_text("MCP ID,Name,Exam,Date Passed\n9000001,Hana Sato,70-533,2017-06-01\n")
    settings = plan_import(source).settings
    result = run_import(context.db, ExamImport(CatalogLookup(context.catalog)), source, settings)
    assert result.batch_id is not None


def _months(dialog: ImportsDialog) -> list[str]:
    model = dialog.model
    return [model.index(row, MONTHS).data() for row in range(model.rowCount())]


def test_each_import_says_what_was_chosen_for_its_months_and_undo_keeps_it(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    _exams(context, tmp_path)
    _usage(context, broken_recon(tmp_path))
    lines = RECON.read_text(encoding="utf-8-sig").splitlines(keepends=True)
    one = tmp_path / "one line.csv"
    one.write_text(lines[0] + lines[3], encoding="utf-8")
    _usage(context, one, MonthsChoice.ADD)
    _usage(context, newer_export(tmp_path), MonthsChoice.REPLACE)

    dialog = ImportsDialog(context)
    qtbot.addWidget(dialog)
    model = dialog.model
    assert model.headerData(MONTHS, Qt.Orientation.Horizontal) == "Months held"
    tip = model.headerData(MONTHS, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert "only some services" in tip
    assert _months(dialog) == ["Replaced whole", "Lines added", "Not recorded", ""]
    assert model.index(0, MONTHS).data(Qt.ItemDataRole.ToolTipRole) == tip
    assert model.index(3, MONTHS).data(Qt.ItemDataRole.ToolTipRole) is None, "an exam import"

    dialog.view.selectRow(0)
    assert dialog.remove_selected()
    assert _months(dialog) == ["Lines added", "Not recorded", ""]
    context.undo_stack.undo()
    assert _months(dialog) == ["Replaced whole", "Lines added", "Not recorded", ""]


def test_the_dialog_opens_wide_enough_for_every_column(
    qtbot: QtBot, context: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """rv46: at 760 px the File column stretched and Kind and Months held were out of view
    (Created cut). A long file name is cut in its middle instead."""
    _exams(context, tmp_path)
    long_name = tmp_path / f"{'a very long name of a usage file ' * 4}.csv"
    long_name.write_text(RECON.read_text(encoding="utf-8-sig"), encoding="utf-8")
    _usage(context, long_name)
    monkeypatch.setattr(screen_fit, "available_area", lambda _widget: QRect(0, 0, 1400, 900))
    dialog = ImportsDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    view = dialog.view
    assert view.horizontalHeader().length() <= view.viewport().width()
    assert view.columnWidth(1) <= 320 and view.textElideMode() == Qt.TextElideMode.ElideMiddle
