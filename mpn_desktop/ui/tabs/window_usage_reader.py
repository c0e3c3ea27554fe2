"""Reads the usage of the Sales grid's months off the GUI thread (29,000 rows by service on the
large organisation) and sums it by subscription and month there too (``usage_pivot``: each
redraw of the grid then takes a list per subscription), one read at a time; only the read of
the months last asked for is delivered.

The read is the store's (``records_sqlite.window_usage_apart``: the sqlite3 driver
on a plain file, else SQLAlchemy) run by a ``Task``, as the evaluations and
start-up's first reads are. A database in memory shares one connection with the
GUI thread, so it is read right there (it is small: a test's or a demonstration's).

Python's cyclic garbage collector stays off while the worker reads (switched off
and on again by the GUI thread): the read makes thousands of records, and a
collection it set off would run on the worker and could free Qt objects there (a
window closed earlier, in a reference cycle), which only the GUI thread may do:
that crashed the program (seen in the tests: a segmentation fault a moment later).
The program's window (app.py: ``GuiThreadCollector``) and the UI tests (their
conftest) keep automatic collection off already, and the pause nests inside theirs
at no cost; it stays for a window built without either: ``bench_paste_usage`` reads
the grid of the large organisation in one with the collector on, and tests outside
tests/ui (reports, hostile) build such windows too.
"""

from __future__ import annotations

from contextlib import ExitStack
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from mpn_desktop.domain.dates import Month
from mpn_desktop.errors import MpnError
from mpn_desktop.lazy_modules import LazyModule
from mpn_desktop.store.collector import collector_paused
from mpn_desktop.store.database import Database
from mpn_desktop.ui.context import AppContext
from mpn_desktop.ui.models.usage_pivot import WindowUsage, pivot_usage
from mpn_desktop.ui.tasks import Task, let_go, take_outcome

if TYPE_CHECKING:
    from mpn_desktop.store import records_sqlite
else:
    records_sqlite = LazyModule("mpn_desktop.store.records_sqlite", after_paint=True)

Window = tuple[Month, int]
"""The first month of the grid and how many it shows."""


def read_window(db: Database, window: Window) -> WindowUsage:
    """The usage of ``window`` (first month, how many) summed by subscription and month, read
    and summed on the worker (a plain file on a connection of its own)."""
    first, count = window
    return pivot_usage(
        records_sqlite.window_usage_apart(db, first, first.plus(count - 1)), first, count
    )


class WindowUsageReader(QObject):
    """Reads a window's usage on a worker; ``usageRead(window, usage)`` on the GUI thread."""

    usageRead = Signal(object, object)
    """The window read (first month, how many) and its usage (``usage_pivot.WindowUsage``)."""

    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._running: tuple[Task, Window, int] | None = None
        """The read running, the window it reads and the number of its asking."""
        self._wanted: tuple[Window, int] | None = None
        """The window to deliver and the number of its asking (None: nothing asked)."""
        self._asked = 0
        self._collector = ExitStack()
        """The garbage collector's pause while a worker reads (see the module)."""
        self.destroyed.connect(self._collector.close)

    @property
    def busy(self) -> bool:
        """Whether a read was asked for and not yet delivered."""
        return self._wanted is not None

    def ask(self, window: Window) -> None:
        """Reads ``window`` (again: the usage may have changed since a read running now)."""
        self._asked += 1
        self._wanted = (window, self._asked)
        if self._running is None:
            self._start()

    def wait(self) -> None:
        """Blocks until the read running ends (before the database closes)."""
        if self._running is not None:
            self._running[0].wait()
        self._collector.close()

    def _start(self) -> None:
        if self._wanted is None:
            return
        window, asked = self._wanted
        db = self._context.db
        if db.in_memory:
            self._wanted = None
            try:
                first, count = window
                rows = records_sqlite.window_usage(db, first, first.plus(count - 1))
            except MpnError as error:
                self._show(error)
                return
            self.usageRead.emit(window, pivot_usage(rows, first, count))
            return
        # No parent: a window closed while the read runs deletes the reader, not the task
        # the worker still signals through (the bound slot is then disconnected).
        task = Task(lambda _progress, _cancelled: read_window(db, window), name="usage grid")
        task.done.connect(self._finished)
        self._running = (task, window, asked)
        self._collector.enter_context(collector_paused())
        task.start()

    def _finished(self) -> None:
        if self._running is None:
            return
        task, window, asked = self._running
        self._running = None
        let_go(task)
        self._collector.close()
        if self._wanted is None or self._wanted[1] != asked:
            self._start()  # asked again meanwhile (an edit, another day): read once more
            return
        self._wanted = None
        take_outcome(task, lambda usage: self.usageRead.emit(window, usage), self._show)

    def _show(self, error: MpnError) -> None:
        self._context.show_error(
            str(error), failure=self.tr("The usage by month could not be read.")
        )
