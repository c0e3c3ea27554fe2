"""The crash handler: an unexpected error is logged, shown with its details, and loses no data."""

from __future__ import annotations

import logging
import os
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from mpn_desktop import __version__
from mpn_desktop.crash import (
    CrashHandler,
    describe_crash,
    fault_log_path,
    install_crash_handler,
)
from mpn_desktop.logging_setup import configure_logging, log_file_path
from mpn_desktop.store.changes import RecordKind
from mpn_desktop.store.database import Database
from mpn_desktop.store.models import Customer
from mpn_desktop.store.records import add_record, list_records
from mpn_desktop.ui.crash_dialog import CrashDialog


class BrokenAction(RuntimeError):
    """Stands for a bug in some slot of the program."""


@pytest.fixture
def log_file() -> Iterator[Path]:
    """The program's real log file, in the test's own user folders."""
    logger = logging.getLogger("mpn_desktop")
    before = list(logger.handlers)
    path = configure_logging()
    assert path is not None
    yield path
    for handler in logger.handlers:
        if handler not in before:
            logger.removeHandler(handler)
            handler.close()


@pytest.fixture
def crash_handler(qapp: QApplication) -> Iterator[CrashHandler]:
    handler = install_crash_handler(qapp)
    yield handler
    handler.uninstall()
    if handler._dialog is not None:
        handler._dialog.close()


def fail_in_a_slot(message: str) -> None:
    def broken() -> None:
        raise BrokenAction(message)

    QTimer.singleShot(0, broken)


@pytest.mark.qt_no_exception_capture
@pytest.mark.expect_logged_errors
def test_an_exception_in_a_slot_shows_the_dialog_and_logs_the_traceback(
    qtbot: QtBot, crash_handler: CrashHandler, log_file: Path
) -> None:
    with qtbot.waitSignal(crash_handler.dialogShown, timeout=5000) as shown:
        fail_in_a_slot("the sky fell")
    dialog = shown.args[0]
    assert isinstance(dialog, CrashDialog)
    assert dialog.isVisible()
    assert "BrokenAction: the sky fell" in dialog.summary_label.text()
    assert str(log_file_path()) in dialog.log_label.text()

    logged = log_file.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in logged
    assert "BrokenAction: the sky fell" in logged
    assert "in broken" in logged


@pytest.mark.qt_no_exception_capture
@pytest.mark.expect_logged_errors
def test_copy_details_puts_versions_log_path_and_traceback_on_the_clipboard(
    qtbot: QtBot, qapp: QApplication, crash_handler: CrashHandler, log_file: Path
) -> None:
    with qtbot.waitSignal(crash_handler.dialogShown, timeout=5000) as shown:
        fail_in_a_slot("copy me")
    dialog: CrashDialog = shown.args[0]
    qapp.clipboard().clear()

    dialog.copy_button.click()

    copied = qapp.clipboard().text()
    assert f"mpn-desktop {__version__}" in copied
    assert f"Log file: {log_file}" in copied
    assert "BrokenAction: copy me" in copied
    assert "in broken" in copied
    assert dialog.copied_label.text() != ""


@pytest.mark.qt_no_exception_capture
@pytest.mark.expect_logged_errors
def test_a_worker_thread_exception_is_shown_by_the_gui_thread(
    qtbot: QtBot, qapp: QApplication, crash_handler: CrashHandler, log_file: Path
) -> None:
    def work() -> None:
        raise BrokenAction("failed in a worker")

    with qtbot.waitSignal(crash_handler.dialogShown, timeout=5000) as shown:
        worker = threading.Thread(target=work)
        worker.start()
        worker.join()
    dialog: CrashDialog = shown.args[0]
    assert dialog.thread() is qapp.thread()
    assert "failed in a worker" in dialog.summary_label.text()
    assert "failed in a worker" in log_file.read_text(encoding="utf-8")


@pytest.mark.qt_no_exception_capture
@pytest.mark.expect_logged_errors
def test_errors_while_the_dialog_is_open_are_logged_without_a_second_dialog(
    qtbot: QtBot, qapp: QApplication, crash_handler: CrashHandler, log_file: Path
) -> None:
    with qtbot.waitSignal(crash_handler.dialogShown, timeout=5000):
        fail_in_a_slot("first")
    with qtbot.assertNotEmitted(crash_handler.dialogShown, wait=100):
        fail_in_a_slot("second")
    crash_dialogs = [w for w in qapp.topLevelWidgets() if w.objectName() == "crashDialog"]
    assert len([w for w in crash_dialogs if w.isVisible()]) == 1
    logged = log_file.read_text(encoding="utf-8")
    assert "BrokenAction: first" in logged
    assert "BrokenAction: second" in logged


@pytest.mark.qt_no_exception_capture
@pytest.mark.expect_logged_errors
def test_continue_closes_the_dialog_and_the_next_error_gets_a_new_one(
    qtbot: QtBot, crash_handler: CrashHandler, log_file: Path
) -> None:
    with qtbot.waitSignal(crash_handler.dialogShown, timeout=5000) as shown:
        fail_in_a_slot("first")
    first: CrashDialog = shown.args[0]
    with qtbot.waitSignal(first.finished, timeout=5000):
        first.continue_button.click()
    assert not first.isVisible()

    with qtbot.waitSignal(crash_handler.dialogShown, timeout=5000) as shown_again:
        fail_in_a_slot("again")
    assert "again" in shown_again.args[0].summary_label.text()


def test_quit_asks_the_program_to_quit(qtbot: QtBot) -> None:
    dialog = CrashDialog("BrokenAction: x", "details", None)
    qtbot.addWidget(dialog)
    dialog.open()
    with qtbot.waitSignal(dialog.quitRequested, timeout=5000):
        dialog.quit_button.click()
    assert not dialog.isVisible()
    assert not dialog.open_log_button.isEnabled()
    assert "could not be written" in dialog.log_label.text()


@pytest.mark.qt_no_exception_capture
@pytest.mark.expect_logged_errors
def test_a_write_that_crashes_midway_leaves_the_database_as_it_was(
    qtbot: QtBot, crash_handler: CrashHandler, log_file: Path, tmp_path: Path
) -> None:
    path = tmp_path / "tracker.sqlite3"
    db = Database.open(f"sqlite:///{path}")
    try:
        add_record(db, RecordKind.CUSTOMER, {"name": "Fabrikam"})

        def half_done_write() -> None:
            with db.session() as session:
                session.add(Customer(name="Half-saved Ltd"))
                session.flush()
                raise BrokenAction("crashed in the middle of a write")

        with qtbot.waitSignal(crash_handler.dialogShown, timeout=5000):
            QTimer.singleShot(0, half_done_write)

        names = [record["name"] for record in list_records(db, RecordKind.CUSTOMER)]
        assert names == ["Fabrikam"]
    finally:
        db.close()
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_the_details_name_the_version_the_log_file_and_the_failing_line() -> None:
    try:
        raise BrokenAction("described")
    except BrokenAction:
        exc_info = sys.exc_info()
    assert exc_info[0] is not None and exc_info[1] is not None
    report = describe_crash((exc_info[0], exc_info[1], exc_info[2]), Path("/logs/x.log"))
    assert report.summary.endswith("BrokenAction: described")
    assert report.details.startswith(f"mpn-desktop {__version__}\n")
    assert "Log file: /logs/x.log" in report.details
    assert 'raise BrokenAction("described")' in report.details


def test_uninstall_puts_the_previous_hooks_back(qapp: QApplication) -> None:
    before = (sys.excepthook, threading.excepthook)
    handler = install_crash_handler(qapp)
    assert sys.excepthook == handler.handle_exception
    handler.uninstall()
    assert (sys.excepthook, threading.excepthook) == before


_HARD_CRASH = """
import ctypes
from PySide6.QtWidgets import QApplication
from mpn_desktop.crash import install_crash_handler
app = QApplication([])
install_crash_handler(app)
ctypes.string_at(0)  # a fault in native code: no Python exception, no dialog
"""


def test_a_hard_crash_leaves_the_python_stack_in_faults_log(
    isolated_user_folders: Path,
) -> None:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONFAULTHANDLER"}
    result = subprocess.run(
        [sys.executable, "-c", _HARD_CRASH], env=env, capture_output=True, timeout=60, check=False
    )
    assert result.returncode != 0
    faults = fault_log_path().read_text(encoding="utf-8")
    assert "Fatal Python error: Segmentation fault" in faults
    assert "<string>" in faults
