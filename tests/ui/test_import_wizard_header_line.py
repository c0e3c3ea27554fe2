"""The import wizard finds the header line below a title, lets the user choose another, honours
Excel's ``sep=`` line, and names a whole-line problem as such.

Before, the wizard read the first line as the header whatever it was: a
title reached the mapping page as the file's only column, and ``sep=;``
made one column of every record.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import test_import_wizard as wizard_tests
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from test_import_wizard import OpenWizard, go_to_check, next_enabled, stored_exams, wait_for

from mpn_desktop.importers.columns import Field
from mpn_desktop.ui.context import AppContext
from mpn_desktop.ui.import_kinds import SALES_DATA, kind_of_file
from mpn_desktop.ui.import_wizard import ImportWizard, PageId

# The exam wizard's fixtures: the wizard on the test's database, with its own settings file.
open_wizard = wizard_tests.open_wizard
settings = wizard_tests.settings

_HEADER = "MCP ID;Full Name;Exam Code;Date Passed"
_RECORDS = "1000001;Ana Ruiz;70-533;2017-11-25\n1000002;Bo Chen;70-532;2017-10-02\n"
_STORED = {("1000001", "70-533", date(2017, 11, 25)), ("1000002", "70-532", date(2017, 10, 2))}


def _titled(tmp_path: Path) -> Path:
    path = tmp_path / "titled.csv"
    path.write_text(
        f"Exam results 2017;;;\nExported 2017-12-01 by Partner Center;;;\n{_HEADER}\n{_RECORDS}",
        encoding="utf-8",
    )
    return path


def _header_lines(wizard: ImportWizard) -> list[int]:
    combo = wizard.preview_page.header_combo
    return [combo.itemData(index) for index in range(combo.count())]


def _choose_header_line(wizard: ImportWizard, line: int) -> None:
    combo = wizard.preview_page.header_combo
    combo.setCurrentIndex(combo.findData(line))


def _import(qtbot: QtBot, wizard: ImportWizard) -> None:
    go_to_check(qtbot, wizard)
    assert next_enabled(wizard), wizard.check_page.verdict_label.text()
    wizard.next()
    wait_for(qtbot, wizard.run_page)


def test_a_title_above_the_header_is_skipped_and_said(
    qtbot: QtBot, context: AppContext, open_wizard: OpenWizard, tmp_path: Path
) -> None:
    wizard = open_wizard(_titled(tmp_path))
    page = wizard.preview_page
    assert wizard.currentId() == PageId.PREVIEW
    assert "The header is on line 3; lines 1-2 skipped." in page.format_label.text()
    assert page.model.headerData(0, Qt.Orientation.Vertical) == "4"
    assert page.header_combo.currentData() == 3
    assert page.header_combo.currentText() == "Line 3: MCP ID, Full Name, Exam Code, Date Passed"
    assert _header_lines(wizard) == [1, 2, 3, 4, 5]
    assert wizard.state.mapping is not None
    assert set(wizard.state.mapping.columns) >= {Field.MCP_ID, Field.EXAM_CODE, Field.PASSED_ON}
    _import(qtbot, wizard)
    assert wizard.run_page.summary_label.text().startswith("2 added, 0 duplicates, 0 errors")
    assert stored_exams(context.db) == _STORED


def test_another_header_line_can_be_chosen_and_the_found_one_again(
    qtbot: QtBot, open_wizard: OpenWizard, tmp_path: Path
) -> None:
    wizard = open_wizard(_titled(tmp_path))
    page = wizard.preview_page
    _choose_header_line(wizard, 1)
    assert wizard.state.preview is not None
    assert wizard.state.preview.header.fields[0] == "Exam results 2017"
    assert page.header_combo.currentData() == 1
    assert "skipped" not in page.format_label.text()
    assert "No column was recognised as the date passed" in page.dates_label.text()
    assert page.model.headerData(0, Qt.Orientation.Vertical) == "2"
    _choose_header_line(wizard, 3)
    assert "The header is on line 3; lines 1-2 skipped." in page.format_label.text()
    assert "Every date reads the same in either order." in page.dates_label.text()
    wizard.next()
    assert wizard.currentId() == PageId.MAPPING
    assert wizard.mapping_page.combos[0].currentData() == Field.MCP_ID


def test_a_header_line_chosen_past_the_records_is_explained_and_another_can_be_chosen(
    open_wizard: OpenWizard, tmp_path: Path
) -> None:
    wizard = open_wizard(_titled(tmp_path))
    page = wizard.preview_page
    _choose_header_line(wizard, 5)
    assert "has a header line but no records" in page.error_label.text()
    assert not page.isComplete()
    assert 3 in _header_lines(wizard), "the lines stay to choose from"
    _choose_header_line(wizard, 3)
    assert page.isComplete()
    assert not page.error_label.isVisibleTo(page)


def test_excels_delimiter_line_is_honoured_and_skipped(
    qtbot: QtBot, context: AppContext, open_wizard: OpenWizard, tmp_path: Path
) -> None:
    path = tmp_path / "excel.csv"
    # A comma in a name: without the line, the delimiter could be taken for a comma.
    records = _RECORDS.replace("Bo Chen", "Chen, Bo")
    path.write_bytes(f"sep=;\n{_HEADER}\n{records}".replace("\n", "\r\n").encode())
    wizard = open_wizard(path)
    page = wizard.preview_page
    assert page.delimiter_combo.itemText(0) == "Detected (semicolon)"
    assert "Line 1 (sep=) names the delimiter: semicolon." in page.format_label.text()
    assert page.model.columnCount() == 4
    assert _header_lines(wizard)[0] == 2, "the delimiter's line is no header"
    _import(qtbot, wizard)
    assert stored_exams(context.db) == _STORED


def test_a_whole_line_problem_says_so_in_the_field_column(
    qtbot: QtBot, open_wizard: OpenWizard, tmp_path: Path
) -> None:
    path = tmp_path / "short.csv"
    path.write_text(f"{_HEADER}\n1000001;Ana Ruiz\n{_RECORDS}", encoding="utf-8")
    wizard = open_wizard(path)
    go_to_check(qtbot, wizard)
    model = wizard.check_page.problems
    rows = [tuple(model.index(row, c).data() for c in range(3)) for row in range(model.rowCount())]
    assert rows[0] == (2, "whole line", "2 fields where the header has 4")
    assert all(field for _line, field, _message in rows), "no blank field"


def test_a_usage_file_below_a_title_opens_the_sales_data_wizard(tmp_path: Path) -> None:
    path = tmp_path / "usage.csv"
    path.write_text(
        "Usage, January 2018\n"
        "customer,subscription,workload,association,month,consumption_usd\n"
        "Fabrikam,sub-1,azure,dpor,2018-01,10\n",
        encoding="utf-8",
    )
    assert kind_of_file(path) is SALES_DATA
