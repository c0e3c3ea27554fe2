"""The crash handler: an unexpected exception is logged with its traceback and shown in a dialog.

``install_crash_handler(app)`` replaces ``sys.excepthook`` (which PySide6 calls
for an exception escaping a slot or an event handler) and
``threading.excepthook`` (worker threads), and sends a hard crash (a fault in
Qt's C++ code) to ``faults.log`` beside the log file through ``faulthandler``.
The database needs nothing here:
every store operation is one transaction, so the operation that raised was
rolled back before the exception reached this handler.
"""

from __future__ import annotations

import faulthandler
import logging
import platform
import sys
import threading
import traceback
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import TextIO

import PySide6
from PySide6.QtCore import QObject, Signal, qVersion
from PySide6.QtWidgets import QApplication, QDialog

import mpn_desktop
from mpn_desktop.logging_setup import log_file_path
from mpn_desktop.store.private_files import keep_private

log = logging.getLogger(__name__)

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


@dataclass(frozen=True)
class CrashReport:
    """What the user is told about one unexpected exception."""

    summary: str
    details: str
    log_path: Path | None


def describe_crash(exc_info: ExcInfo, log_path: Path | None) -> CrashReport:
    """The one-line summary and the copyable details (versions, log file, traceback)."""
    exc_type, exc, tb = exc_info
    summary = traceback.format_exception_only(exc_type, exc)[-1].strip()
    header = [
        f"mpn-desktop {mpn_desktop.__version__}",
        f"Python {platform.python_version()} on {platform.platform()}",
        f"Qt {qVersion()}, PySide6 {PySide6.__version__}",
        f"Log file: {log_path if log_path is not None else '(not written)'}",
        "",
    ]
    details = "\n".join(header) + "".join(traceback.format_exception(exc_type, exc, tb))
    return CrashReport(summary=summary, details=details, log_path=log_path)


def fault_log_path() -> Path:
    """Where the Python stacks of a hard crash (a fault in native code) are written."""
    return log_file_path().with_name("faults.log")


def _log_file_if_written() -> Path | None:
    path = log_file_path()
    return path if path.is_file() else None


class CrashHandler(QObject):
    """Logs unexpected exceptions and shows them in a CrashDialog, one at a time.

    Exceptions from any thread arrive through ``reported``, a signal whose
    receiver lives in the GUI thread, so the dialog is always built there.
    """

    reported = Signal(object)
    dialogShown = Signal(object)

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._app = app
        self._dialog: QDialog | None = None
        self._building = False
        self._previous_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        self._faults: TextIO | None = None
        self.reported.connect(self._show)

    def install(self) -> None:
        """Routes uncaught exceptions (GUI thread and worker threads) to this handler."""
        self._previous_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        sys.excepthook = self.handle_exception
        threading.excepthook = self._handle_thread_exception
        self._record_hard_crashes()

    def uninstall(self) -> None:
        """Puts back the hooks that were there before ``install``."""
        if sys.excepthook == self.handle_exception:
            sys.excepthook = self._previous_hook
        if threading.excepthook == self._handle_thread_exception:
            threading.excepthook = self._previous_thread_hook
        if self._faults is not None:
            faulthandler.disable()
            self._faults.close()
            self._faults = None

    def _record_hard_crashes(self) -> None:
        # Left alone when something else (a test runner, PYTHONFAULTHANDLER) already has it.
        if faulthandler.is_enabled():
            return
        path = fault_log_path()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            keep_private(path)  # a crash's stack may name the user's files: 0600, as the log
            self._faults = path.open("a", encoding="utf-8")
        except OSError as error:
            log.warning("hard crashes will not be recorded in %s: %s", path, error)
            return
        faulthandler.enable(self._faults, all_threads=True)

    def handle_exception(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
    ) -> None:
        """Writes the traceback to the log and asks the GUI thread to show the dialog."""
        if issubclass(exc_type, KeyboardInterrupt):
            # Ctrl+C in the terminal that started the window: quit as asked.
            self._app.exit(130)
            return
        log.error("unexpected error", exc_info=(exc_type, exc, tb))
        self.reported.emit(describe_crash((exc_type, exc, tb), _log_file_if_written()))

    def _handle_thread_exception(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:
            return
        self.handle_exception(args.exc_type, args.exc_value, args.exc_traceback)

    def _show(self, report: CrashReport) -> None:
        if self._building or self._dialog is not None:
            # One dialog at a time; later errors are in the log all the same.
            return
        self._building = True
        try:
            from mpn_desktop.ui.crash_dialog import CrashDialog

            dialog = CrashDialog(
                report.summary, report.details, report.log_path, self._app.activeWindow()
            )
            dialog.quitRequested.connect(lambda: self._app.exit(1))
            dialog.finished.connect(self._forget_dialog)
            self._dialog = dialog
            dialog.open()
            self.dialogShown.emit(dialog)
        finally:
            self._building = False

    def _forget_dialog(self) -> None:
        if self._dialog is not None:
            self._dialog.deleteLater()
        self._dialog = None


def install_crash_handler(app: QApplication) -> CrashHandler:
    """Installs the crash handler for the application's lifetime; returns it."""
    handler = CrashHandler(app)
    handler.install()
    app.aboutToQuit.connect(handler.uninstall)
    return handler
