"""The import wizard driven end to end on a real database: good, broken, repeated and cancelled."""

from __future__ import annotations

import csv
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from helpers.import_wizards import OpenWizard, opened_wizards, wait_for
from PySide6.QtCore import QMimeData, QPoint, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWizard
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from mpn_desktop.domain.catalog import Catalog
from mpn_desktop.importers.columns import Field
from mpn_desktop.importers.dates import DateOrder
from mpn_desktop.programs import shipped_scored_catalogs
from mpn_desktop.store import models
from mpn_desktop.store.database import Database
from mpn_desktop.ui.context import AppContext
from mpn_desktop.ui.import_drop import CsvDropFilter, dropped_csv
from mpn_desktop.ui.import_wizard import ImportWizard, PageId
from mpn_desktop.ui.main_window import MainWindow
from mpn_desktop.ui.settings import WindowSettings
from mpn_desktop.ui.tasks import Task

FIXTURES = Path(__file__).parents[1] / "importers" / "fixtures"
HEADER = ["MCP ID", "Full Name", "Exam Code", "Date Passed"]
GOOD_ROWS = [
    ["1000001", "Ana Ruiz", "70-533", "2017-11-25"],
    ["1000002", "Bo Chen", "Exam 70-532", "2017-10-02"],
    ["1000002", "Bo Chen", "70-534", "2017-12-01"],
    ["1000003", "Cy Dee", "XX-999", "2017-09-15"],
]


def write_csv(path: Path, rows: list[list[str]], header: list[str] = HEADER, **kw: str) -> Path:
    with path.open("w", newline="", encoding=kw.get("encoding", "utf-8")) as stream:
        writer = csv.writer(stream, delimiter=kw.get("delimiter", ","))
        writer.writerow(header)
        writer.writerows(rows)
    return path


def stored_exams(db: Database) -> set[tuple[str, str, date]]:
    with db.session(readonly=True) as session:
        rows = session.execute(
            select(
                models.Person.mcp_id, models.ExamResult.exam_code, models.ExamResult.passed_on
            ).join(models.ExamResult.person)
        )
        return {(mcp_id, code, day) for mcp_id, code, day in rows}


def count(db: Database, model: type[models.Base]) -> int:
    with db.session(readonly=True) as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    """Where the wizard remembers mappings: a settings file of the test's own."""
    return QSettings(str(tmp_path / "import.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def good_csv(tmp_path: Path) -> Path:
    return write_csv(tmp_path / "exams.csv", GOOD_ROWS)


@pytest.fixture
def open_wizard(qtbot: QtBot, context: AppContext, settings: QSettings) -> Iterator[OpenWizard]:
    """Opens the wizard on a file (or none), shown, closed after the test."""
    with opened_wizards(qtbot, settings) as make:
        yield lambda path=None: make(context, path)


def go_to_check(qtbot: QtBot, wizard: ImportWizard) -> None:
    """From the preview to the finished check."""
    assert wizard.currentId() == PageId.PREVIEW
    wizard.next()
    assert wizard.currentId() == PageId.MAPPING
    wizard.next()
    assert wizard.currentId() == PageId.CHECK
    wait_for(qtbot, wizard.check_page)


def next_enabled(wizard: ImportWizard) -> bool:
    for which in (QWizard.WizardButton.NextButton, QWizard.WizardButton.CommitButton):
        button = wizard.button(which)
        if button.isVisible():
            return button.isEnabled()
    return False


def test_a_good_file_is_checked_imported_and_undone_as_a_whole(
    qtbot: QtBot, context: AppContext, open_wizard: OpenWizard, good_csv: Path
) -> None:
    wizard = open_wizard()
    assert wizard.currentId() == PageId.FILE
    assert not next_enabled(wizard)
    wizard.file_page.path_edit.setText(str(good_csv))
    wizard.next()
    assert wizard.preview_page.model.rowCount() == 4
    assert wizard.preview_page.model.headerData(0, Qt.Orientation.Vertical) == "2"
    go_to_check(qtbot, wizard)

    check = wizard.check_page
    assert check.summary_label.text() == "4 to add, 0 duplicates, 0 errors, 1 unknown code"
    assert "XX-999 (1)" in check.notes.toPlainText()
    assert not check.problem_table.isVisible()
    assert count(context.db, models.ExamResult) == 0, "the check writes nothing"
    assert wizard.button(QWizard.WizardButton.CommitButton).text() == "&Import"
    assert next_enabled(wizard)

    changes: list[object] = []
    context.changeApplied.connect(changes.append)
    wizard.next()
    wait_for(qtbot, wizard.run_page)
    assert wizard.run_page.summary_label.text() == (
        "4 added, 0 duplicates, 0 errors, 1 unknown code"
    )
    assert "Edit ▸ Undo removes the whole import" in wizard.run_page.verdict_label.text()
    imported = {
        ("1000001", "70-533", date(2017, 11, 25)),
        ("1000002", "70-532", date(2017, 10, 2)),
        ("1000002", "70-534", date(2017, 12, 1)),
        ("1000003", "XX-999", date(2017, 9, 15)),
    }
    assert stored_exams(context.db) == imported
    assert count(context.db, models.Person) == 3
    assert count(context.db, models.ImportBatch) == 1
    assert len(changes) == 1, "the import is announced once, so the panel refreshes"

    stack = context.undo_stack
    assert stack.count() == 1
    assert stack.undoText() == "Import 4 exam records from exams.csv"
    stack.undo()
    assert stored_exams(context.db) == set()
    assert count(context.db, models.Person) == 0
    assert count(context.db, models.ImportBatch) == 0
    stack.redo()
    assert stored_exams(context.db) == imported
    assert count(context.db, models.ImportBatch) == 1
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.result() == QWizard.DialogCode.Accepted


def test_a_file_with_errors_imports_nothing_and_lists_every_error_by_line_and_field(
    qtbot: QtBot, context: AppContext, open_wizard: OpenWizard, tmp_path: Path
) -> None:
    broken = write_csv(
        tmp_path / "broken.csv",
        [
            ["1000001", "Ana Ruiz", "70-533", "2017-11-25"],
            ["12a4", "Bo Chen", "70-532", "2017-10-02"],
            ["1000003", "Cy Dee", "70-534", "2017-02-30"],
            ["1000004", "Di Eve", "", "2017-03-01"],
        ],
    )
    wizard = open_wizard(broken)
    go_to_check(qtbot, wizard)

    check = wizard.check_page
    assert check.summary_label.text() == "0 to add, 0 duplicates, 3 errors, 0 unknown codes"
    assert "Nothing can be imported" in check.verdict_label.text()
    assert "the one other record is fine" in check.verdict_label.text()
    assert "all or nothing" in check.verdict_label.text()
    assert check.problem_table.isVisible()
    model = check.problems
    rows = [
        (model.index(row, 0).data(), model.index(row, 1).data()) for row in range(model.rowCount())
    ]
    assert rows == [(3, "MCP ID"), (4, "date passed"), (5, "exam code")]
    assert not next_enabled(wizard), "Import stays disabled"

    check.copy_button.click()
    copied = QGuiApplication.clipboard().text().splitlines()
    # Each line names the file, line and field, as import-exams prints them.
    assert copied[0].startswith("broken.csv: line 3, MCP ID: '12a4' is not an MCP ID")
    assert copied[1].startswith("broken.csv: line 4, date passed: '2017-02-30' is not a real date")
    assert len(copied) == 3
    check.problem_table.selectRow(2)
    check.copy_button.click()
    assert QGuiApplication.clipboard().text() == (
        "broken.csv: line 5, exam code: missing (and no exam title to look it up by)"
    )
    assert count(context.db, models.ExamResult) == 0
    assert count(context.db, models.ImportBatch) == 0

    # Fixing the file and checking again makes the import possible.
    write_csv(broken, GOOD_ROWS)
    check.again_button.click()
    wait_for(qtbot, check)
    assert check.summary_label.text() == "4 to add, 0 duplicates, 0 errors, 1 unknown code"
    assert next_enabled(wizard)


def test_importing_the_same_file_again_finds_only_duplicates(
    qtbot: QtBot, context: AppContext, open_wizard: OpenWizard, good_csv: Path
) -> None:
    first = open_wizard(good_csv)
    go_to_check(qtbot, first)
    first.next()
    wait_for(qtbot, first.run_page)
    assert count(context.db, models.ExamResult) == 4

    again = open_wizard(good_csv)
    go_to_check(qtbot, again)
    check = again.check_page
    assert check.summary_label.text() == "0 to add, 4 duplicates, 0 errors, 1 unknown code"
    assert "Nothing new to import" in check.verdict_label.text()
    assert not next_enabled(again)
    finish = again.button(QWizard.WizardButton.FinishButton)
    assert finish.isVisible() and finish.isEnabled()
    finish.click()
    assert again.result() == QWizard.DialogCode.Accepted
    assert count(context.db, models.ExamResult) == 4
    assert count(context.db, models.ImportBatch) == 1
    assert context.undo_stack.count() == 1


def _block_until_cancelled(task: Task) -> None:
    """Holds the worker at its first progress report until the import is cancelled."""

    def hold(_fraction: float) -> None:
        # Bounded, so a cancel that never arrives fails the test instead of hanging it.
        deadline = time.monotonic() + 60
        while not task.cancel_requested() and time.monotonic() < deadline:
            time.sleep(0.001)

    task.progressed.connect(hold, Qt.ConnectionType.DirectConnection)


@pytest.fixture
def large_csv(tmp_path: Path) -> Path:
    rows = [
        [str(2_000_000 + n), f"Person {n}", "70-533", f"2017-{n % 12 + 1:02d}-{n % 28 + 1:02d}"]
        for n in range(6000)
    ]
    return write_csv(tmp_path / "large.csv", rows)


def test_cancelling_the_import_writes_nothing(
    qtbot: QtBot, context: AppContext, open_wizard: OpenWizard, large_csv: Path
) -> None:
    wizard = open_wizard(large_csv)
    go_to_check(qtbot, wizard)
    assert wizard.check_page.summary_label.text().startswith("6,000 to add")

    run = wizard.run_page
    run.taskCreated.connect(_block_until_cancelled)
    wizard.next()
    assert run.stop_button.isVisible()
    qtbot.waitUntil(lambda: run.progress_bar.value() > 0, timeout=60_000)
    run.stop_button.click()
    wait_for(qtbot, run)
    assert run.verdict_label.text() == "The import was cancelled: nothing was written."
    assert count(context.db, models.ExamResult) == 0
    assert count(context.db, models.Person) == 0
    assert count(context.db, models.ImportBatch) == 0
    assert context.undo_stack.count() == 0


def test_closing_the_wizard_during_the_import_cancels_it(
    qtbot: QtBot, context: AppContext, open_wizard: OpenWizard, large_csv: Path
) -> None:
    wizard = open_wizard(large_csv)
    go_to_check(qtbot, wizard)
    wizard.run_page.taskCreated.connect(_block_until_cancelled)
    wizard.next()
    wizard.reject()
    assert wizard.run_page.task is not None and wizard.run_page.task.finished
    assert wizard.run_page.task.cancelled
    assert count(context.db, models.ExamResult) == 0
    assert context.undo_stack.count() == 0


def test_stopping_the_check_says_so_and_it_can_run_again(
    qtbot: QtBot, open_wizard: OpenWizard, large_csv: Path
) -> None:
    wizard = open_wizard(large_csv)
    wizard.check_page.taskCreated.connect(_block_until_cancelled)
    wizard.next()
    wizard.next()
    wizard.check_page.stop_button.click()
    wait_for(qtbot, wizard.check_page)
    assert "stopped" in wizard.check_page.verdict_label.text()
    assert not next_enabled(wizard)
    wizard.check_page.taskCreated.disconnect(_block_until_cancelled)
    wizard.check_page.again_button.click()
    wait_for(qtbot, wizard.check_page)
    assert next_enabled(wizard)


def test_going_back_during_the_check_stops_it_and_coming_back_checks_afresh(
    qtbot: QtBot, open_wizard: OpenWizard, large_csv: Path
) -> None:
    wizard = open_wizard(large_csv)
    wizard.check_page.taskCreated.connect(_block_until_cancelled)
    wizard.next()
    wizard.next()
    first = wizard.check_page.task
    wizard.back()
    assert wizard.currentId() == PageId.MAPPING
    wizard.check_page.taskCreated.disconnect(_block_until_cancelled)
    wizard.next()
    assert first is not None and first.cancelled
    assert wizard.check_page.task is not first
    wait_for(qtbot, wizard.check_page)
    assert wizard.check_page.summary_label.text().startswith("6,000 to add")
    assert next_enabled(wizard)


def test_ambiguous_dates_wait_for_the_date_order_which_the_preview_shows(
    qtbot: QtBot, context: AppContext, open_wizard: OpenWizard
) -> None:
    wizard = open_wizard(FIXTURES / "ambiguous_dates.csv")
    page = wizard.preview_page
    assert "could be month-first or day-first" in page.dates_label.text()
    assert "line 2" in page.dates_label.text()
    assert not next_enabled(wizard)
    assert page.model.index(0, 3).data() == "03/04/2017 → ?"

    page.date_combo.setCurrentIndex(page.date_combo.findData(DateOrder.DAY_FIRST))
    assert page.model.index(0, 3).data() == "03/04/2017 → 2017-04-03"
    assert next_enabled(wizard)
    page.date_combo.setCurrentIndex(page.date_combo.findData(DateOrder.MONTH_FIRST))
    assert page.model.index(0, 3).data() == "03/04/2017 → 2017-03-04"

    go_to_check(qtbot, wizard)
    wizard.next()
    wait_for(qtbot, wizard.run_page)
    assert stored_exams(context.db) == {
        ("7000001", "70-533", date(2017, 3, 4)),
        ("7000002", "70-532", date(2017, 5, 6)),
    }


def test_the_preview_reads_again_with_another_encoding_and_delimiter(
    open_wizard: OpenWizard, tmp_path: Path
) -> None:
    legacy = write_csv(
        tmp_path / "legacy.csv",
        [["1000001", "José Núñez", "70-533", "2017-11-25"]],
        encoding="cp1252",
        delimiter=";",
    )
    wizard = open_wizard(legacy)
    page = wizard.preview_page
    # Named as a spreadsheet names it, not by Python's codec name ("cp1252").
    assert page.encoding_combo.itemText(0) == "Detected (Western European (Windows-1252))"
    listed = [page.encoding_combo.itemText(i) for i in range(page.encoding_combo.count())]
    assert "Unicode (UTF-8)" in listed
    assert not [text for text in listed if "cp1252" in text or "utf-8-sig" in text]
    assert page.delimiter_combo.itemText(0) == "Detected (semicolon)"
    assert page.model.index(0, 1).data() == "José Núñez"

    page.encoding_combo.setCurrentIndex(page.encoding_combo.findData("latin-1"))
    assert page.model.index(0, 1).data() == "José Núñez"
    page.delimiter_combo.setCurrentIndex(page.delimiter_combo.findData(","))
    assert page.model.columnCount() == 1
    assert wizard.state.mapping is not None and wizard.state.mapping.missing()

    page.encoding_combo.setCurrentIndex(page.encoding_combo.findData("utf-8"))
    assert not page.error_label.isHidden()
    assert "line 2: bytes that are not utf-8 text" in page.error_label.text()
    assert not next_enabled(wizard)
    page.encoding_combo.setCurrentIndex(0)
    page.delimiter_combo.setCurrentIndex(0)
    assert page.error_label.isHidden()
    assert page.model.columnCount() == 4
    assert next_enabled(wizard)


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("empty.csv", "the file is empty"),
        ("header_only.csv", "a header line but no records"),
        ("binary.png", "looks binary"),
        ("not_csv.txt", "does not look like a CSV file"),
    ],
)
def test_unusable_files_are_explained_on_the_preview(
    open_wizard: OpenWizard, name: str, words: str
) -> None:
    wizard = open_wizard(FIXTURES / name)
    page = wizard.preview_page
    assert words in page.error_label.text()
    assert "Try another encoding or delimiter" in page.error_label.text()
    assert page.model.rowCount() == 0
    assert not next_enabled(wizard)
    assert wizard.button(QWizard.WizardButton.BackButton).isEnabled()
    wizard.back()
    assert wizard.currentId() == PageId.FILE
    assert wizard.file_page.path_edit.text() == str(FIXTURES / name)


def test_a_missing_file_given_up_front_stays_on_the_first_page(
    open_wizard: OpenWizard, tmp_path: Path
) -> None:
    wizard = open_wizard(tmp_path / "gone.csv")
    assert wizard.currentId() == PageId.FILE
    assert "no such file" in wizard.file_page.error_label.text()


def test_a_missing_file_is_refused_on_the_first_page(
    open_wizard: OpenWizard, tmp_path: Path
) -> None:
    wizard = open_wizard()
    wizard.file_page.path_edit.setText(str(tmp_path / "nowhere.csv"))
    wizard.next()
    assert wizard.currentId() == PageId.FILE
    assert "no such file" in wizard.file_page.error_label.text()


def test_a_mapping_made_by_hand_is_remembered_for_the_same_columns(
    qtbot: QtBot,
    context: AppContext,
    open_wizard: OpenWizard,
    tmp_path: Path,
) -> None:
    header = ["Person", "Who", "Test", "When", "Notes"]
    rows = [["1000001", "Ana Ruiz", "70-533", "2017-11-25", "x"]]
    first_file = write_csv(tmp_path / "own.csv", rows, header)
    wizard = open_wizard(first_file)
    wizard.next()
    mapping = wizard.mapping_page
    assert not next_enabled(wizard)
    assert "Still needed: an MCP ID column" in mapping.status_label.text()
    mapping.choose(0, Field.MCP_ID)
    mapping.choose(1, Field.NAME)
    mapping.choose(2, Field.EXAM_CODE)
    assert not next_enabled(wizard)
    mapping.choose(3, Field.PASSED_ON)
    assert next_enabled(wizard)
    # One field, one column: choosing the code for another column frees the first.
    mapping.choose(4, Field.EXAM_CODE)
    assert mapping.combos[2].currentData() is None
    mapping.choose(2, Field.EXAM_CODE)
    assert mapping.combos[4].currentData() is None
    wizard.next()
    wait_for(qtbot, wizard.check_page)
    wizard.next()
    wait_for(qtbot, wizard.run_page)
    assert stored_exams(context.db) == {("1000001", "70-533", date(2017, 11, 25))}

    next_month = write_csv(
        tmp_path / "own-next.csv", [["1000002", "Bo", "70-532", "2017-12-01", ""]], header
    )
    second = open_wizard(next_month)
    second.next()
    assert [combo.currentData() for combo in second.mapping_page.combos] == [
        Field.MCP_ID,
        Field.NAME,
        Field.EXAM_CODE,
        Field.PASSED_ON,
        None,
    ]
    assert "As you chose them" in second.mapping_page.status_label.text()
    assert next_enabled(second)


@pytest.mark.filterwarnings("ignore:Function.*QDragEnterEvent:DeprecationWarning")
def test_the_file_menu_and_a_dropped_file_open_the_wizard(
    qtbot: QtBot,
    context: AppContext,
    good_csv: Path,
    tmp_path: Path,
) -> None:
    window = MainWindow(context, WindowSettings(tmp_path / "window.ini"))
    qtbot.addWidget(window)
    window.show()
    action = window.import_action
    assert action.isEnabled()
    assert action.shortcut().toString() == "Ctrl+I"
    action.trigger()
    # Opened once a worker has loaded the importers (at once when they are loaded).
    qtbot.waitUntil(lambda: window.findChild(ImportWizard) is not None, timeout=30_000)
    wizard = window.findChild(ImportWizard)
    assert wizard is not None and wizard.currentId() == PageId.FILE
    wizard.reject()

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(good_csv))])
    assert window.acceptDrops()
    enter = QDragEnterEvent(
        QPoint(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    enter.ignore()
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted(), "the window takes a CSV file dragged over it"
    drop = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    # Qt delivers a drop only during a real drag; the window's filter gets it as Qt would.
    drop_filter = window.findChild(CsvDropFilter)
    assert drop_filter is not None
    assert drop_filter.eventFilter(window, drop)
    dropped = [w for w in window.findChildren(ImportWizard) if w.isVisible()]
    assert len(dropped) == 1
    assert dropped[0].currentId() == PageId.PREVIEW
    assert dropped[0].state.path == good_csv
    dropped[0].reject()


def test_only_a_single_csv_or_text_file_counts_as_a_drop(tmp_path: Path) -> None:
    def mime_of(*names: str) -> QMimeData:
        mime = QMimeData()
        mime.setUrls([QUrl.fromLocalFile(str(tmp_path / name)) for name in names])
        return mime

    assert dropped_csv(mime_of("a.CSV")) == tmp_path / "a.CSV"
    assert dropped_csv(mime_of("a.txt")) == tmp_path / "a.txt"
    assert dropped_csv(mime_of("a.pdf")) is None
    assert dropped_csv(mime_of("a.csv", "b.csv")) is None
    web = QMimeData()
    web.setUrls([QUrl("https://example.com/a.csv")])
    assert dropped_csv(web) is None


def test_one_of_a_kind_reads_in_the_singular_from_preview_to_undo(
    qtbot: QtBot, context: AppContext, open_wizard: OpenWizard, tmp_path: Path
) -> None:
    one = write_csv(tmp_path / "one.csv", [["1000001", "Ana Ruiz", "70-533", "2017-11-25"]])
    wizard = open_wizard(one)
    assert wizard.preview_page.format_label.text() == "4 columns; the first record is shown."
    go_to_check(qtbot, wizard)
    check = wizard.check_page
    assert check.summary_label.text() == "1 to add, 0 duplicates, 0 errors, 0 unknown codes"
    assert check.verdict_label.text() == ("Ready: Import adds 1 exam record, a step you can undo.")
    wizard.next()
    wait_for(qtbot, wizard.run_page)
    assert wizard.run_page.verdict_label.text() == (
        "Imported 1 exam record from one.csv (1 person added). "
        "Edit ▸ Undo removes the whole import."
    )
    assert context.undo_stack.undoText() == "Import 1 exam record from one.csv"

    again = open_wizard(one)
    go_to_check(qtbot, again)
    assert again.check_page.summary_label.text() == (
        "0 to add, 1 duplicate, 0 errors, 0 unknown codes"
    )
    assert again.check_page.verdict_label.text() == (
        "Nothing new to import: the record is already in the database."
    )


def test_a_single_error_is_one_problem_not_one_problems(
    qtbot: QtBot, open_wizard: OpenWizard, tmp_path: Path
) -> None:
    broken = write_csv(
        tmp_path / "broken.csv",
        [
            ["1000001", "Ana Ruiz", "70-533", "2017-11-25"],
            ["12a4", "Bo Chen", "70-532", "2017-10-02"],
        ],
    )
    wizard = open_wizard(broken)
    go_to_check(qtbot, wizard)
    check = wizard.check_page
    assert check.summary_label.text() == "0 to add, 0 duplicates, 1 error, 0 unknown codes"
    assert check.verdict_label.text().startswith(
        "Nothing can be imported: 1 problem in the file (listed below)"
    )
    assert check.problem_table.accessibleName() == "Problems in the file"


def test_no_page_shares_an_alt_letter_and_its_tables_have_names(
    qtbot: QtBot, open_wizard: OpenWizard, good_csv: Path
) -> None:
    wizard = open_wizard()

    def letters() -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        for widget in wizard.findChildren(QAbstractButton) + wizard.findChildren(QLabel):
            if not widget.isVisibleTo(wizard):
                continue
            if isinstance(widget, QLabel) and widget.buddy() is None:
                continue
            text = widget.text().replace("&&", "")
            if "&" in text:
                found.setdefault(text[text.index("&") + 1].lower(), []).append(text)
        return {letter: texts for letter, texts in found.items() if len(texts) > 1}

    assert letters() == {}, "the file page (Browse beside Back)"
    wizard.file_page.path_edit.setText(str(good_csv))
    wizard.next()
    assert letters() == {}, "the preview"
    assert wizard.preview_page.table.accessibleName() == "First records of the file"
    wizard.next()
    assert letters() == {}, "the mapping"
    wizard.next()
    wait_for(qtbot, wizard.check_page)
    assert letters() == {}, "the check"
    wizard.next()
    wait_for(qtbot, wizard.run_page)
    assert letters() == {}, "the import"


def test_redo_of_an_import_puts_back_what_was_imported_even_if_the_file_changed(
    qtbot: QtBot, context: AppContext, open_wizard: OpenWizard, good_csv: Path
) -> None:
    wizard = open_wizard(good_csv)
    go_to_check(qtbot, wizard)
    wizard.next()
    wait_for(qtbot, wizard.run_page)
    imported = stored_exams(context.db)
    stack = context.undo_stack
    stack.undo()
    assert stored_exams(context.db) == set()
    write_csv(good_csv, GOOD_ROWS[:1])  # edited after the import: redo does not read it
    stack.redo()
    assert stored_exams(context.db) == imported
    stack.undo()
    assert stored_exams(context.db) == set()


def test_a_control_character_after_the_preview_rows_is_named_on_the_preview(
    open_wizard: OpenWizard, tmp_path: Path
) -> None:
    # Only the 20 records shown were checked; one on line 26 was stored (issue 11).
    rows = [[str(1000000 + i), f"P {i}", "70-533", "2017-11-25"] for i in range(30)]
    rows[24][1] = "Ana\x1b]0;pwned\x07"
    wizard = open_wizard(write_csv(tmp_path / "escape.csv", rows))
    page = wizard.preview_page
    assert "line 26, column 12: holds the control character \\x1b" in page.error_label.text()
    assert "\x1b" not in page.error_label.text()
    assert not next_enabled(wizard)


def test_fifty_thousand_errors_are_counted_in_a_short_verdict_and_listed_in_the_table(
    qtbot: QtBot, context: AppContext, open_wizard: OpenWizard, tmp_path: Path
) -> None:
    rows = [[f"bad{i}", "P", "70-533", "2017-11-25"] for i in range(50_001)]
    wizard = open_wizard(write_csv(tmp_path / "bad.csv", rows))
    go_to_check(qtbot, wizard)
    check = wizard.check_page
    assert "50,001 errors" in check.summary_label.text() or "50001 errors" in (
        check.summary_label.text()
    )
    assert len(check.verdict_label.text()) < 600
    assert check.problems.rowCount() == 50_001
    assert count(context.db, models.ExamResult) == 0


def test_a_german_wizard_names_the_importers_words_as_import_exams_does(
    open_wizard: OpenWizard, tmp_path: Path, qapp: QApplication
) -> None:
    """Separator, fields and date order in the domain catalogue's German (their one owner)."""
    from mpn_desktop.ui.language import install_translators, remove_translators

    path = write_csv(tmp_path / "exams.csv", GOOD_ROWS, delimiter=";")
    installed = install_translators(qapp, "de")
    try:
        wizard = open_wizard(path)
        page = wizard.preview_page
        assert page.delimiter_combo.itemText(0) == "Erkannt (Semikolon)"
        headers = [page.model.headerData(i, Qt.Orientation.Horizontal) for i in range(4)]
        assert "Prüfungscode" in str(headers[2]) and "Bestehensdatum" in str(headers[3])
        assert "MCP-ID" in str(headers[0])
    finally:
        remove_translators(qapp, installed)


@pytest.mark.usefixtures("german")
@pytest.mark.parametrize(
    ("fine", "words"),
    [
        (1, "der eine andere Datensatz in Ordnung ist"),
        (2, "die 2 anderen Datensätze in Ordnung sind"),
    ],
)
def test_a_german_verdict_on_a_bad_record_puts_the_verb_last_after_obwohl(
    qtbot: QtBot, open_wizard: OpenWizard, tmp_path: Path, fine: int, words: str
) -> None:
    # "obwohl die 11 anderen Datensätze sind in Ordnung": a main clause's order after "obwohl".
    rows = [[str(1000000 + i), f"P {i}", "70-533", "2017-11-25"] for i in range(fine)]
    rows.append(["2000000", "Bad Day", "70-533", "2017-13-45"])
    wizard = open_wizard(write_csv(tmp_path / "bad.csv", rows))
    go_to_check(qtbot, wizard)
    verdict = wizard.check_page.verdict_label.text()
    assert f"obwohl {words}." in verdict


def test_the_wizard_knows_the_designations_exams_and_certifications(
    qtbot: QtBot, db: Database, catalog: Catalog, settings: QSettings, tmp_path: Path
) -> None:
    # As import-exams does: today's exam (AZ-104) and a certification written by its name
    # count toward a designation, not as unknown codes.
    context = AppContext(
        db, catalog, as_of=date(2026, 12, 6), scored_catalogs=shipped_scored_catalogs()
    )
    rows = [
        ["1000001", "Ana Ruiz", "AZ-104", "2026-03-02"],
        ["1000002", "Bo Chen", "Azure Administrator Associate", "2026-03-02"],
    ]
    wizard = ImportWizard(
        context, None, path=write_csv(tmp_path / "exams.csv", rows), settings=settings
    )
    qtbot.addWidget(wizard)
    wizard.show()
    go_to_check(qtbot, wizard)
    assert wizard.check_page.summary_label.text() == (
        "2 to add, 0 duplicates, 0 errors, 0 unknown codes"
    )
