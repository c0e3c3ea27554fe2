"""Keeps the window current with changes made elsewhere: another window, the command line.

Asks the open database's source of outside changes (``store.outside_changes``)
about once a second and whenever the window is activated, and passes what it
hears on through ``AppContext.announce``: the same path as a local edit, so
the tables refresh and the status panel re-evaluates the same way.

A source that learns of changes by itself (a PostgreSQL listener on a thread
of its own) emits ``outsideChanged`` with its ``Change`` instead: the signal
crosses to the GUI thread and takes the same path.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from mpn_desktop.errors import MpnError
from mpn_desktop.lazy_modules import LazyModule
from mpn_desktop.store.changes import Change, OutsideChange
from mpn_desktop.store.database import Database
from mpn_desktop.ui.context import AppContext

if TYPE_CHECKING:
    from mpn_desktop.store import outside_changes as outside
    from mpn_desktop.store.outside_changes import OutsideChanges
else:
    outside = LazyModule("mpn_desktop.store.outside_changes")  # imports SQLAlchemy

log = logging.getLogger(__name__)

POLL_MS = 250
"""How often the database is asked whether someone else changed it: a look costs one
pragma or one non-blocking read of notifications, and a team expects to see another's
commit within the second (issue 16)."""


class OutsideChangeWatch(QObject):
    """Polls the open database for others' commits and announces them as changes."""

    outsideChanged = Signal(object)
    """A ``Change`` someone else committed (emit it from any thread)."""

    def __init__(
        self, context: AppContext, parent: QObject | None = None, *, start: bool = True
    ) -> None:
        """``start=False``: the watch begins when ``start()`` is called (after start-up's
        first paint, just before the window reads the database)."""
        super().__init__(parent)
        self._context = context
        self._source: OutsideChanges | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self.check_now)
        self.outsideChanged.connect(self._pass_on)
        context.databaseChanged.connect(self._follow)
        if start:
            self.start()

    def start(self) -> None:
        """Begins watching the open database (what others commit from now on is announced)."""
        self._follow(self._context.db)

    def start_with(self, source: OutsideChanges | None, error: MpnError | None) -> None:
        """Begins watching with ``source`` (or ``error``), made already for the open database
        (by start-up's worker, before it read the records)."""
        self.stop()
        if error is not None:  # the window still works; it only won't notice
            log.warning(
                "cannot watch %s for changes made elsewhere: %s", self._context.db.where, error
            )
        self._source = source
        if self._source is not None:
            self._timer.start()

    def _follow(self, db: Database) -> None:
        """Watches ``db`` (another database was opened) instead of the one before."""
        self.stop()
        try:
            self._source = outside.outside_changes(db)
        except MpnError as error:  # the window still works; it only won't notice
            log.warning("cannot watch %s for changes made elsewhere: %s", db.where, error)
            self._source = None
        if self._source is not None:
            self._timer.start()

    def check_now(self) -> bool:
        """Asks at once (the window was activated); True when a change was passed on."""
        if self._source is None:
            return False
        try:
            change = self._source.poll()
        except MpnError as error:  # a failed look (a busy disk) is tried again at the next tick
            log.info("%s", error)
            return False
        if change is None:
            return False
        self._pass_on(change)
        return True

    def _pass_on(self, change: Change) -> None:
        log.info("the database was changed elsewhere: reloading")
        self._context.announce(change)
        # It says who and when (SQLite's change log, or the server's notice): tell the user.
        if not isinstance(change, OutsideChange) or change.named:
            self._context.report(change.description)

    def stop(self) -> None:
        """Stops watching (the window closes or another database opens)."""
        self._timer.stop()
        if self._source is not None:
            self._source.close()
            self._source = None
