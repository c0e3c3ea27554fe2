"""A window left open while the command line replaced the organisation writes over nobody.

Issue 11: after ``load --replace`` from the command line, editing a stale row
in the open window changed a different person, and Undo wrote the old
organisation's e-mail onto a person of the new one. Rows are addressed by id
and version: such an edit, delete or undo is refused with a message that says
what changed, and the person of the new organisation stays as loaded.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from mpn_desktop.cli import main
from mpn_desktop.store import records
from mpn_desktop.store.changes import RecordKind
from mpn_desktop.store.documents import export_document
from mpn_desktop.ui.context import AppContext
from mpn_desktop.ui.main_window import MainWindow
from mpn_desktop.ui.settings import WindowSettings
from mpn_desktop.ui.tabs.record_section import RecordSection


@pytest.fixture
def window(
    qtbot: QtBot,
    sample_context: AppContext,
    settings: WindowSettings,
    monkeypatch: pytest.MonkeyPatch,
) -> MainWindow:
    # "Delete Ana Ruiz and her 2 exam results?" is answered Delete, without a modal loop.
    monkeypatch.setattr("mpn_desktop.ui.questions.ask", lambda *_args, **_kwargs: True)
    main_window = MainWindow(sample_context, settings)
    qtbot.addWidget(main_window)
    main_window.show()
    return main_window


def _people_section(window: MainWindow) -> RecordSection:
    section = window.findChild(RecordSection, "peopleSection")
    assert section is not None
    return section


def _replace_from_the_command_line(context: AppContext, tmp_path: Path) -> None:
    """``mpn-desktop load --replace`` of another organisation: the same people, in reverse."""
    document: dict[str, Any] = json.loads(json.dumps(export_document(context.db), default=str))
    document["organization"]["name"] = "Replaced Ltd"
    document["people"].reverse()
    path = tmp_path / "other.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    assert context.db.path is not None
    assert main(["--db", str(context.db.path), "load", "--replace", str(path)]) == 0


def _email_cell(section: RecordSection, record_id: int) -> Any:
    row = section.model.row_of_id(record_id)
    assert row is not None
    return section.model.index(row, section.model.column_of("email"))


def test_an_edit_of_a_row_replaced_meanwhile_is_refused_and_changes_nobody(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    context = window.context
    section = _people_section(window)
    shown = section.model.records()[0]
    _replace_from_the_command_line(context, tmp_path)
    now = records.get_record(context.db, RecordKind.PERSON, shown["id"])
    assert now is not None and now["mcp_id"] != shown["mcp_id"], "another person took the id"

    with qtbot.waitSignal(context.errorShown) as refused:
        section.model.setData(_email_cell(section, shown["id"]), "stale@old.example")

    assert "was changed since it was shown" in refused.args[0]
    assert f"MCP ID is now “{now['mcp_id']}”, was “{shown['mcp_id']}”" in refused.args[0]
    assert records.get_record(context.db, RecordKind.PERSON, shown["id"]) == now
    assert context.undo_stack.count() == 0


def test_a_refused_edit_says_what_was_typed_so_it_can_be_made_again(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    """Two people edit one row: the second one's typed value was refused and gone, the
    message saying 'make the change again' without what the change was."""
    context = window.context
    section = _people_section(window)
    shown = section.model.records()[0]
    _replace_from_the_command_line(context, tmp_path)
    with qtbot.waitSignal(context.errorShown) as refused:
        section.model.setData(_email_cell(section, shown["id"]), "stale@old.example")
    assert "nothing was saved (your change: E-mail “stale@old.example”)" in refused.args[0]


def test_undo_of_an_edit_whose_row_was_replaced_meanwhile_is_refused(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    context = window.context
    section = _people_section(window)
    shown = section.model.records()[0]
    section.model.setData(_email_cell(section, shown["id"]), "new@old.example")
    assert records.get_record(context.db, RecordKind.PERSON, shown["id"])["email"] == (  # type: ignore[index]
        "new@old.example"
    )
    _replace_from_the_command_line(context, tmp_path)
    now = records.get_record(context.db, RecordKind.PERSON, shown["id"])

    with qtbot.waitSignal(context.errorShown) as refused:
        window.undo_action.trigger()

    assert "was changed since it was shown" in refused.args[0]
    assert records.get_record(context.db, RecordKind.PERSON, shown["id"]) == now
    box = window.findChild(QMessageBox, "operationErrorBox")
    assert box is not None
    reload_button = box.findChild(QPushButton, "reloadButton")
    assert reload_button is not None
    with qtbot.waitSignal(window.progress_source.progressChanged):
        reload_button.click()
    shown_now = sorted(section.model.records(), key=lambda record: int(record["id"]))
    assert shown_now == records.list_records(context.db, RecordKind.PERSON)
    assert window.panel.progress is not None
    assert window.panel.progress.organization.name == "Replaced Ltd"


def test_a_delete_of_a_row_replaced_meanwhile_is_refused(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    context = window.context
    section = _people_section(window)
    before = section.model.records()
    _replace_from_the_command_line(context, tmp_path)
    people = records.list_records(context.db, RecordKind.PERSON)

    section.view.selectRow(0)
    with qtbot.waitSignal(context.errorShown, timeout=5000) as refused:
        section.delete_selected()

    assert "was changed since it was shown" in refused.args[0]
    assert records.list_records(context.db, RecordKind.PERSON) == people
    assert before[0]["id"] in {person["id"] for person in people}


def test_undo_of_a_delete_puts_nothing_under_a_person_who_took_the_id(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    context = window.context
    exams = window.findChild(RecordSection, "examsSection")
    assert exams is not None
    exam = records.list_records(context.db, RecordKind.EXAM)[0]
    assert exams.select_id(exam["id"])
    exams.delete_selected()
    assert records.get_record(context.db, RecordKind.EXAM, exam["id"]) is None
    _replace_from_the_command_line(context, tmp_path)
    after_load = records.list_records(context.db, RecordKind.EXAM)

    with qtbot.waitSignal(context.errorShown) as refused:
        window.undo_action.trigger()

    assert "since" in refused.args[0]
    assert records.list_records(context.db, RecordKind.EXAM) == after_load


def test_the_organisation_saved_or_undone_over_a_replaced_one_is_refused(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    from mpn_desktop.ui.organisation_dialog import OrganisationDialog

    context = window.context
    dialog = window.edit_organisation()
    assert isinstance(dialog, OrganisationDialog)
    dialog.name_edit.setText("Contoso Cloud Europe")
    _replace_from_the_command_line(context, tmp_path)
    with qtbot.waitSignal(context.errorShown) as refused:
        dialog.accept()
    assert "organisation was changed since it was shown" in refused.args[0]
    assert "Name is now “Replaced Ltd”, was “Contoso Cloud Ltd”" in refused.args[0]
    replaced = records.get_organization(context.db)
    assert replaced is not None and replaced["name"] == "Replaced Ltd"
    dialog.reject()

    # Saved while current, then replaced from the command line: undo is refused.
    context.reload()
    again = window.edit_organisation()
    assert isinstance(again, OrganisationDialog)
    again.name_edit.setText("Renamed Ltd")
    again.accept()
    assert records.get_organization(context.db)["name"] == "Renamed Ltd"  # type: ignore[index]
    _replace_from_the_command_line(context, tmp_path)
    now = records.get_organization(context.db)
    with qtbot.waitSignal(context.errorShown) as refused:
        window.undo_action.trigger()
    assert "changed since it was shown" in refused.args[0]
    assert records.get_organization(context.db) == now


def test_an_exam_added_under_a_person_replaced_meanwhile_is_refused(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    from mpn_desktop.ui.undo_commands import AddRecordCommand

    context = window.context
    exams = window.findChild(RecordSection, "examsSection")
    assert exams is not None and exams.shown_record is not None
    person = _people_section(window).model.records()[0]
    values = {"person_id": person["id"], "exam_code": "70-533", "passed_on": "2018-01-02"}
    parents = exams._parents_shown(values)
    assert parents == {"person_id": person}, "the tab finds the person it shows"
    _replace_from_the_command_line(context, tmp_path)
    before = records.list_records(context.db, RecordKind.EXAM)

    command = AddRecordCommand(context, RecordKind.EXAM, values, "exam", parents=parents)
    with qtbot.waitSignal(context.errorShown) as refused:
        context.undo_stack.push(command)

    assert "person was changed since it was shown" in refused.args[0]
    assert records.list_records(context.db, RecordKind.EXAM) == before
