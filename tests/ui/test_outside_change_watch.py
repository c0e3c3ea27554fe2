"""The window notices changes made outside it and reloads, as it does after an edit of its own.

Issue 11 (the window never noticed a command-line ``load --replace``) and
issue 16 (two windows on one SQLite file see each other's changes): the
open database's ``data_version`` is polled about once a second.
"""

from __future__ import annotations

import getpass
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from mpn_desktop.cli import main
from mpn_desktop.store import records
from mpn_desktop.store.changes import Change, OutsideChange, RecordKind
from mpn_desktop.store.database import Database
from mpn_desktop.store.documents import export_document
from mpn_desktop.ui.context import AppContext
from mpn_desktop.ui.main_window import MainWindow
from mpn_desktop.ui.outside_watch import OutsideChangeWatch
from mpn_desktop.ui.settings import WindowSettings
from mpn_desktop.ui.tabs.record_section import RecordSection

WAIT_MS = 5000
"""Far beyond the one-second poll: a generous bound for a loaded machine, not a timing."""


def _window(qtbot: QtBot, context: AppContext, settings: Path) -> MainWindow:
    window = MainWindow(context, WindowSettings(settings))
    qtbot.addWidget(window)
    window.show()
    return window


def _people(window: MainWindow) -> RecordSection:
    section = window.findChild(RecordSection, "peopleSection")
    assert section is not None
    return section


def _email_shown(window: MainWindow, record_id: int) -> object:
    section = _people(window)
    row = section.model.row_of_id(record_id)
    return None if row is None else section.model.records()[row]["email"]


@pytest.fixture
def second_context(sample_context: AppContext, catalog: Any) -> Iterator[AppContext]:
    """Another copy of the program on the same file."""
    assert sample_context.db.path is not None
    other = Database.open(f"sqlite:///{sample_context.db.path}")
    yield AppContext(other, catalog, as_of=sample_context.as_of)
    other.close()


def test_two_windows_on_one_file_see_each_others_edits(
    qtbot: QtBot, sample_context: AppContext, second_context: AppContext, tmp_path: Path
) -> None:
    first = _window(qtbot, sample_context, tmp_path / "first.ini")
    second = _window(qtbot, second_context, tmp_path / "second.ini")
    section = _people(first)
    person = section.model.records()[0]
    column = section.model.column_of("email")

    with qtbot.waitSignal(second.progress_source.progressChanged, timeout=WAIT_MS):
        section.model.setData(
            section.model.index(section.model.row_of_id(person["id"]) or 0, column),
            "moved@contoso.example",
        )

    qtbot.waitUntil(
        lambda: _email_shown(second, person["id"]) == "moved@contoso.example", timeout=WAIT_MS
    )
    # The window that made the edit heard of it once, as its own: no reload of everything.
    assert not first.outside_watch.check_now()

    # And back: an edit in the second window shows in the first.
    other = _people(second)
    with qtbot.waitSignal(first.progress_source.progressChanged, timeout=WAIT_MS):
        other.model.setData(
            other.model.index(other.model.row_of_id(person["id"]) or 0, column),
            "back@contoso.example",
        )
    qtbot.waitUntil(
        lambda: _email_shown(first, person["id"]) == "back@contoso.example", timeout=WAIT_MS
    )


def test_a_command_line_load_replace_shows_in_the_open_window(
    qtbot: QtBot, sample_context: AppContext, tmp_path: Path
) -> None:
    window = _window(qtbot, sample_context, tmp_path / "settings.ini")
    document: dict[str, Any] = json.loads(
        json.dumps(export_document(sample_context.db), default=str)
    )
    document["organization"]["name"] = "Replaced Ltd"
    document["people"] = document["people"][:1]
    document["exams"] = [
        exam for exam in document["exams"] if exam["mcp_id"] == document["people"][0]["mcp_id"]
    ]
    path = tmp_path / "replaced.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    assert sample_context.db.path is not None

    with qtbot.waitSignal(window.progress_source.progressChanged, timeout=WAIT_MS) as shown:
        assert main(["--db", str(sample_context.db.path), "load", "--replace", str(path)]) == 0

    assert shown.args[0].organization.name == "Replaced Ltd"
    qtbot.waitUntil(lambda: len(_people(window).model.records()) == 1, timeout=WAIT_MS)
    assert _people(window).model.records() == records.list_records(
        sample_context.db, RecordKind.PERSON
    )
    assert "Replaced Ltd" in window.windowTitle()


def test_coming_back_to_the_window_shows_an_outside_change_at_once(
    qtbot: QtBot, sample_context: AppContext, second_context: AppContext, tmp_path: Path
) -> None:
    window = _window(qtbot, sample_context, tmp_path / "settings.ini")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT_MS)
    person = _people(window).model.records()[0]
    records.update_record(
        second_context.db, RecordKind.PERSON, person["id"], {"email": "elsewhere@contoso.example"}
    )
    # No turn of the event loop (so no poll) between the change and the activation.
    QApplication.sendEvent(window, QEvent(QEvent.Type.ActivationChange))
    assert _email_shown(window, person["id"]) == "elsewhere@contoso.example"


def test_a_row_changed_elsewhere_is_redrawn_alone_not_the_whole_table(
    qtbot: QtBot, sample_context: AppContext, second_context: AppContext, tmp_path: Path
) -> None:
    window = _window(qtbot, sample_context, tmp_path / "settings.ini")
    section = _people(window)
    person = section.model.records()[0]
    resets: list[bool] = []
    section.model.modelReset.connect(lambda: resets.append(True))
    # Read again whole with the same rows, the table redraws them all without a reset.
    redrawn: list[tuple[int, int]] = []
    section.model.dataChanged.connect(lambda top, bottom: redrawn.append((top.row(), bottom.row())))
    records.update_record(
        second_context.db, RecordKind.PERSON, person["id"], {"email": "one@contoso.example"}
    )
    qtbot.waitUntil(
        lambda: _email_shown(window, person["id"]) == "one@contoso.example", timeout=WAIT_MS
    )
    assert resets == [], "the table was not read again whole"
    row = section.model.row_of_id(person["id"])
    assert redrawn and all(span == (row, row) for span in redrawn), redrawn
    shown = sorted(section.model.records(), key=lambda record: int(record["id"]))
    assert shown == records.list_records(sample_context.db, RecordKind.PERSON)


def test_a_stale_edit_in_the_other_window_on_one_file_is_refused_saying_by_whom(
    qtbot: QtBot, sample_context: AppContext, second_context: AppContext, tmp_path: Path
) -> None:
    first = _window(qtbot, sample_context, tmp_path / "first.ini")
    second = _window(qtbot, second_context, tmp_path / "second.ini")
    section, other = _people(first), _people(second)
    person = section.model.records()[0]
    name, email = section.model.column_of("name"), section.model.column_of("email")
    section.model.setData(
        section.model.index(section.model.row_of_id(person["id"]) or 0, name), "Ana Changed"
    )
    # The second window has not polled yet: its row is the one from before the edit.
    with qtbot.waitSignal(second_context.errorShown, timeout=WAIT_MS) as refused:
        other.model.setData(
            other.model.index(other.model.row_of_id(person["id"]) or 0, email),
            "stale@contoso.example",
        )
    assert "(Name is now “Ana Changed”" in refused.args[0]
    assert f" by {getpass.getuser()} at " in refused.args[0]
    now = records.get_record(sample_context.db, RecordKind.PERSON, person["id"])
    assert now is not None and now["email"] == person["email"]
    qtbot.waitUntil(lambda: _shown_name(second, person["id"]) == "Ana Changed", timeout=WAIT_MS)


def _shown_name(window: MainWindow, record_id: int) -> object:
    section = _people(window)
    row = section.model.row_of_id(record_id)
    return None if row is None else section.model.records()[row]["name"]


def test_an_outside_change_is_told_by_its_kind_not_by_its_words(
    qtbot: QtBot, sample_context: AppContext
) -> None:
    """A bare outside change only reloads, in any language; one naming who and when (SQLite's
    change log, PostgreSQL's notifications) or a plain Change (a team database read again
    after the connection was lost) is told in the status bar."""
    watch = OutsideChangeWatch(sample_context, start=False)
    told: list[str] = []
    sample_context.reported.connect(lambda message, _undoable: told.append(message))
    customers = frozenset({RecordKind.CUSTOMER})
    watch.outsideChanged.emit(OutsideChange(customers, "Anderswo geändert"))
    named = "Anderswo geändert (letzte Änderung von ana um 10:01:02)"
    watch.outsideChanged.emit(OutsideChange(customers, named, named=True))
    watch.outsideChanged.emit(Change(customers, "Anderswo geändert von ana um 10:01:02"))
    assert told == [named, "Anderswo geändert von ana um 10:01:02"]
