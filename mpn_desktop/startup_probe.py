"""A hidden switch for CI: ``MPN_DESKTOP_SMOKE_EXIT`` quits the GUI once its main window is painted.

With the variable set, the program prints to standard output the words its
translators give for a menu and a standard button (``mpn-desktop: window
words: &Edit | Cancel``; German: ``&Bearbeiten | Abbrechen``) and
``mpn-desktop: main window shown after 0.842 s``, and exits with code 0 right
after the first ``QMainWindow`` shown has been painted. The time is counted from the value
of the variable when it is a Unix time (``MPN_DESKTOP_SMOKE_EXIT=$(date +%s.%N)``),
else from the start of the process where the system says when that was
(Linux), else from the moment the probe was armed. If no main window shows up
within ``TIMEOUT_S`` the program exits with code 3 instead of hanging CI.

With ``MPN_DESKTOP_SMOKE_FILLED`` set as well, the program waits after that
line until the window has read its records and evaluated them (its ``filled``
signal: start-up paints first and fills the window after), prints
``mpn-desktop: main window filled after 1.204 s`` and exits then.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

ENV_VAR = "MPN_DESKTOP_SMOKE_EXIT"
FILLED_VAR = "MPN_DESKTOP_SMOKE_FILLED"
TIMEOUT_S = 120
NO_WINDOW_EXIT_CODE = 3
_EARLIEST_PLAUSIBLE_EPOCH = 1_000_000_000.0


def process_start_time() -> float | None:
    """The Unix time this process started, where the system tells it (Linux /proc)."""
    try:
        fields = Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()
        uptime = float(Path("/proc/uptime").read_text().split()[0])
        ticks = os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None
    # Field 22 of stat (index 19 after the command name) is the start in ticks since boot.
    started_after_boot = int(fields[19]) / ticks
    return time.time() - (uptime - started_after_boot)


def start_time_from(value: str) -> float:
    """When to count from: the variable's Unix time, else the process start, else now."""
    try:
        given = float(value)
    except ValueError:
        given = 0.0
    if given > _EARLIEST_PLAUSIBLE_EPOCH:
        return given
    return process_start_time() or time.time()


class StartupProbe(QObject):
    """Finds the first main window shown, at a turn of the event loop, and reports after its
    first paint.

    Not an application-wide event filter, as before: for every event of every
    object while the window was built, PySide6 made a Python wrapper of the
    object (the scroll areas' viewports and scroll bars, the layouts) and the
    Python enums of its class, a twelfth of the program's start-up, which the
    probe counted as the program's (the benchmark's bare window, with a handful
    of widgets, paid little of it). Only the window found is filtered, for its
    first paint; the report came before that paint until then (at the turn of
    the loop after ``show()``, before the paint that turn asked for).
    """

    def __init__(self, app: QApplication, started: float) -> None:
        super().__init__(app)
        self._app = app
        self._started = started
        self._window: QMainWindow | None = None
        self._timeout = QTimer(self)
        self._timeout.setSingleShot(True)
        self._timeout.timeout.connect(self._give_up)
        self._timeout.start(TIMEOUT_S * 1000)
        # At the loop's first turn, then every millisecond: a window shown later (after a
        # start-up dialog) is found within one, and the loop does not spin meanwhile.
        self._look = QTimer(self)
        self._look.setInterval(1)
        self._look.timeout.connect(self._look_for_window)
        QTimer.singleShot(0, self._look_for_window)

    def _look_for_window(self) -> None:
        """Watches the first shown QMainWindow for its paint."""
        if self._window is not None:
            return
        shown = [
            widget
            for widget in self._app.topLevelWidgets()
            if isinstance(widget, QMainWindow) and widget.isVisible()
        ]
        if not shown:
            if not self._look.isActive():
                self._look.start()
            return
        self._look.stop()
        self._window = shown[0]
        self._window.installEventFilter(self)
        # Painted already (shown from the loop, a millisecond ago), it paints again: the
        # report follows a paint either way. Not painted yet, this is the paint it waits for.
        self._window.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Reports after the window's first paint; never swallows an event."""
        window = self._window
        if watched is window and window is not None and event.type() == QEvent.Type.Paint:
            window.removeEventFilter(self)
            filled = getattr(window, "filled", None) if os.environ.get(FILLED_VAR) else None
            if filled is not None:
                filled.connect(lambda: QTimer.singleShot(0, self._report_filled))
            # Queued: the paint of the window's widgets, which this one begins, comes first.
            QTimer.singleShot(0, lambda: self._report(quit_now=filled is None))
        return False

    def _report(self, *, quit_now: bool = True) -> None:
        elapsed = time.time() - self._started
        # What the translators give for a menu of ours and a button of Qt's own (qtbase_*.qm):
        # CI checks that a bundle started in German finds both (English: "&Edit", "Cancel").
        ours = QCoreApplication.translate("MainWindow", "&Edit")
        qts = QCoreApplication.translate("QPlatformTheme", "Cancel")
        print(f"mpn-desktop: window words: {ours} | {qts}", flush=True)
        print(f"mpn-desktop: main window shown after {elapsed:.3f} s", flush=True)
        if quit_now:
            self._app.exit(0)

    def _report_filled(self) -> None:
        elapsed = time.time() - self._started
        print(f"mpn-desktop: main window filled after {elapsed:.3f} s", flush=True)
        self._app.exit(0)

    def _give_up(self) -> None:
        print(
            f"mpn-desktop: no main window was shown within {TIMEOUT_S} s",
            file=sys.stderr,
            flush=True,
        )
        self._app.exit(NO_WINDOW_EXIT_CODE)


def arm_startup_probe(app: QApplication) -> StartupProbe | None:
    """Arms the probe when ``MPN_DESKTOP_SMOKE_EXIT`` is set; does nothing otherwise."""
    value = os.environ.get(ENV_VAR, "")
    if not value:
        return None
    return StartupProbe(app, start_time_from(value))
