"""Nothing lost, nothing silent: a delete asks when it takes records along, the status bar says
what happened (with Undo), a CSV or JSON file opened as a database is offered its proper use,
and File > Restore from backup… works from the window."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot

from mpn_desktop.store import backups, records
from mpn_desktop.store.changes import RecordKind
from mpn_desktop.ui.context import AppContext
from mpn_desktop.ui.main_window import MainWindow
from mpn_desktop.ui.settings import WindowSettings


class Answers:
    """Stands in for ``questions.ask``: records each question and gives a set answer."""

    def __init__(self, answer: bool) -> None:
        self.answer = answer
        self.asked: list[str] = []

    def __call__(self, _parent: Any, _title: str, question: str, *_args: Any, **_kw: Any) -> bool:
        self.asked.append(question)
        return self.answer


@pytest.fixture
def window(qtbot: QtBot, sample_context: AppContext, settings: WindowSettings) -> MainWindow:
    main = MainWindow(sample_context, settings)
    qtbot.addWidget(main)
    main.resize(1280, 800)
    main.show()
    return main


def _answer(monkeypatch: pytest.MonkeyPatch, answer: bool) -> Answers:
    answers = Answers(answer)
    monkeypatch.setattr("mpn_desktop.ui.questions.ask", answers)
    return answers


def _customers(window: MainWindow) -> Any:
    return window.step_tabs[0].customers  # type: ignore[attr-defined]


def _select_customer(window: MainWindow, name: str) -> None:
    section = _customers(window)
    wanted = next(
        row["id"]
        for row in records.list_records(window.context.db, RecordKind.CUSTOMER)
        if row["name"] == name
    )
    assert section.select_id(wanted)


def test_the_store_counts_what_a_delete_takes_along(sample_context: AppContext) -> None:
    db = sample_context.db
    fabrikam = next(
        row["id"]
        for row in records.list_records(db, RecordKind.CUSTOMER)
        if row["name"] == "Fabrikam"
    )
    counts = records.count_dependants(db, RecordKind.CUSTOMER, [fabrikam])
    assert counts == {RecordKind.SUBSCRIPTION: 2, RecordKind.USAGE: 17, RecordKind.REFERENCE: 1}
    assert records.list_records(db, RecordKind.CUSTOMER)  # counting deleted nothing


def test_a_delete_that_takes_records_along_asks_first_and_cancel_keeps_everything(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = _answer(monkeypatch, False)
    _select_customer(window, "Fabrikam")
    _customers(window).delete_selected()
    assert answers.asked == [
        "Delete Fabrikam, its 2 subscriptions, 17 months of usage and 1 reference?"
    ]
    names = {row["name"] for row in records.list_records(window.context.db, RecordKind.CUSTOMER)}
    assert "Fabrikam" in names
    assert window.context.undo_stack.count() == 0


def test_after_a_delete_the_status_bar_says_what_went_and_its_undo_puts_it_back(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    _answer(monkeypatch, True)
    line = window.status_line
    assert window.statusBar() is line and line.isVisible()
    _select_customer(window, "Fabrikam")
    with qtbot.waitSignal(window.progress_source.progressChanged):
        _customers(window).delete_selected()
    assert line.text() == (
        "Deleted customer Fabrikam, its 2 subscriptions, 17 months of usage and 1 reference."
    )
    assert line.undo_button.isVisible() and line.undo_button.text() == "&Undo"
    with qtbot.waitSignal(window.progress_source.progressChanged):
        line.undo_button.click()
    assert line.text() == "Undone: Delete customer Fabrikam."
    names = {row["name"] for row in records.list_records(window.context.db, RecordKind.CUSTOMER)}
    assert "Fabrikam" in names
    assert line.undo_button.text() == "&Redo"


def test_a_delete_with_nothing_along_does_not_ask(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = _answer(monkeypatch, True)
    references = window.step_tabs[2].sections[0]  # type: ignore[attr-defined]
    references.view.selectRow(0)
    with qtbot.waitSignal(window.progress_source.progressChanged):
        references.delete_selected()
    assert answers.asked == []
    assert window.status_line.text().startswith("Deleted reference ")


def test_a_backup_and_an_export_are_named_in_the_status_bar(
    window: MainWindow, tmp_path: Path
) -> None:
    saved = window.files.backup_to(tmp_path / "copy.sqlite3")
    assert saved is not None
    assert window.status_line.text() == f"Backed up the database to {saved}."
    assert not window.status_line.undo_button.isVisible()  # a backup is not undone
    assert window.files.export_json_to(tmp_path / "org.json")
    assert window.status_line.text() == f"Exported the organisation to {tmp_path / 'org.json'}."


def test_a_csv_file_opened_as_a_database_is_offered_for_import(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    csv_file = tmp_path / "exams.csv"
    csv_file.write_text("MCP ID,Exam,Date Passed\n1234567,70-533,2017-11-02\n", encoding="utf-8")
    answers = _answer(monkeypatch, True)
    opened: list[Path | None] = []
    monkeypatch.setattr(window.files, "import_file", opened.append)
    before = window.context.db.path
    assert window.files.open_database_file(csv_file)
    assert answers.asked[0].startswith("exams.csv is a CSV file, not a tracker database.")
    assert opened == [csv_file]
    assert window.context.db.path == before  # the database in use stays open
    assert csv_file.read_text(encoding="utf-8").startswith("MCP ID")  # never made a database


def test_a_json_document_opened_as_a_database_is_offered_to_load(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    document = tmp_path / "org.json"
    assert window.files.export_json_to(document)
    answers = _answer(monkeypatch, True)
    assert window.files.open_database_file(document)
    assert answers.asked[0].startswith("org.json is a JSON document, not a tracker database.")
    assert window.status_line.text() == f"Loaded the organisation from {document}."
    answers.answer = False
    assert not window.files.open_database_file(document)  # Cancel: nothing happens


def test_restore_from_backup_in_the_window(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    assert window.findChild(QAction, "restoreBackupAction") is not None
    db_path = window.context.db.path
    assert db_path is not None
    saved = window.files.backup_to(None)
    assert saved is not None
    monkeypatch.setattr("mpn_desktop.ui.questions.ask", Answers(True))
    _select_customer(window, "Fabrikam")
    _customers(window).delete_selected()
    assert window.files.restore_from(saved)
    names = {row["name"] for row in records.list_records(window.context.db, RecordKind.CUSTOMER)}
    assert "Fabrikam" in names
    assert window.status_line.text().startswith(f"Restored {db_path.name} from {saved.name}.")
    kept = [path for path in backups.list_backups(db_path) if "before-restore" in path.name]
    assert kept, "what the database held before the restore is kept"


def test_restoring_a_file_that_is_no_backup_changes_nothing(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    not_a_backup = tmp_path / "notes.sqlite3"
    not_a_backup.write_text("shopping list", encoding="utf-8")
    shown: list[str] = []
    window.context.errorShown.connect(shown.append)
    before = records.list_records(window.context.db, RecordKind.CUSTOMER)
    assert not window.files.restore_from(not_a_backup, ask=False)
    assert shown and "not a database file" in shown[0]
    assert records.list_records(window.context.db, RecordKind.CUSTOMER) == before


def test_the_question_counts_in_the_singular_and_says_their_for_a_person() -> None:
    from mpn_desktop.ui.delete_question import delete_question

    assert (
        delete_question("Ana Ruiz", {RecordKind.EXAM: 1}, their=True)
        == "Delete Ana Ruiz, their 1 exam result?"
    )
    assert delete_question("Litware", {RecordKind.SUBSCRIPTION: 1, RecordKind.USAGE: 5}) == (
        "Delete Litware, its 1 subscription and 5 months of usage?"
    )
    assert delete_question("sub-1", {}) == "Delete sub-1?"
