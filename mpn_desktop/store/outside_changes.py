"""Noticing changes another program made to the open database (another window, the command line).

A source of outside changes answers ``poll()`` with the ``Change`` others
committed since the last look, or None. The window asks about once a second
and when it is activated, and passes what it gets on exactly as it passes on
a change of its own (tables refresh, the status panel re-evaluates).

On SQLite, ``PRAGMA data_version`` of a connection kept for the purpose moves
whenever another connection commits, our own pooled connections included; so
the database tells the watch when a write of ours begins (holding the write
lock: nobody else can commit until it ends) and when it committed, and the
watch takes the movement across our own commits as ours. On PostgreSQL the
source is ``change_feed.NotifyWatch`` (LISTEN/NOTIFY, naming the kinds and who
changed them); ``outside_changes`` picks it by the database's dialect.
"""

from __future__ import annotations

import sqlite3
import threading
from datetime import UTC, datetime
from typing import Protocol

from mpn_desktop.domain.vocabulary import _
from mpn_desktop.errors import StoreError
from mpn_desktop.store.changes import Change, OutsideChange, RecordKind
from mpn_desktop.store.database import Database
from mpn_desktop.store.records_sqlite import TABLES

__all__ = ["OUTSIDE", "OutsideChange", "OutsideChanges", "outside_changes"]

OUTSIDE = "Changed elsewhere"
"""The description of a change another program made when the change log names nobody (not shown)."""


def _fingerprint_sql(kind: RecordKind) -> str:
    """A query whose one row changes whenever a row of ``kind`` is added, changed or deleted.

    Versioned rows get a new random version at every write, so their count and the sum of
    their versions do; the small tables without versions (targets, imports) are read whole.
    """
    name, columns = TABLES[kind]
    names = [column for column, _convert in columns]
    if "version" in names:
        return f'SELECT count(*), total(version), max(id) FROM "{name}"'
    quoted = " || ',' || ".join(f'quote("{column}")' for column in names)
    return f'SELECT count(*), group_concat({quoted}, ";") FROM "{name}"'


_FINGERPRINTS = {kind: _fingerprint_sql(kind) for kind in RecordKind}


class OutsideChanges(Protocol):
    """Where a window learns what others committed to its database."""

    def poll(self) -> Change | None:
        """What others committed since the last poll (None: nothing). Cheap: called every second."""
        ...

    def close(self) -> None:
        """Stops watching (before the database closes)."""
        ...


class DataVersionWatch:
    """Outside changes of a SQLite file, from ``PRAGMA data_version`` on a connection of its own.

    SQLite says only that something changed, not what: the kinds are those whose
    fingerprint moved, and the description names the change log's newest entry.
    """

    def __init__(self, db: Database) -> None:
        assert db.path is not None, "a SQLite file"
        self._db = db
        # Its own connection, used for this pragma alone; the database's writes
        # may run on a worker thread (an import), hence the lock and check_same_thread.
        try:
            self._connection = sqlite3.connect(
                db.path, check_same_thread=False, isolation_level=None
            )
        except sqlite3.Error as error:
            raise StoreError(
                _("{where}: cannot watch for changes made elsewhere ({error})").format(
                    where=db.where, error=error
                )
            ) from error
        self._lock = threading.Lock()
        self._seen = self._data_version()
        self._pending = False
        self._last_logged: tuple[str, str] | None = None
        self._prints = self._fingerprints()
        db.watch_writes(self)

    def _data_version(self) -> int:
        try:
            return int(self._connection.execute("PRAGMA data_version").fetchone()[0])
        except sqlite3.Error as error:
            raise StoreError(
                _("{where}: cannot look for changes made elsewhere ({error})").format(
                    where=self._db.where, error=error
                )
            ) from error

    def _fingerprints(self) -> dict[RecordKind, tuple[object, ...]]:
        """Each kind's fingerprint, read in one snapshot (with the newest logged change)."""
        try:
            self._connection.execute("BEGIN")
            try:
                self._last_logged = self._newest_logged()
                return {
                    kind: tuple(self._connection.execute(sql).fetchone())
                    for kind, sql in _FINGERPRINTS.items()
                }
            finally:
                self._connection.execute("COMMIT")
        except sqlite3.Error as error:
            raise StoreError(
                _("{where}: cannot look for changes made elsewhere ({error})").format(
                    where=self._db.where, error=error
                )
            ) from error

    def _newest_logged(self) -> tuple[str, str] | None:
        """The change log's newest entry (time as stored, user), or None when there is none."""
        try:
            row = self._connection.execute(
                "SELECT changed_at, db_user FROM change_log ORDER BY id DESC LIMIT 1"
            ).fetchone()
        except sqlite3.Error:  # a file from before the change log: the change stays unnamed
            return None
        return None if row is None else (str(row[0]), str(row[1]))

    def _named(self, kinds: frozenset[RecordKind], before: tuple[str, str] | None) -> Change:
        """The change named by the change log's newest entry when the log has a new one."""
        last = self._last_logged
        if last is not None and last != before:
            try:
                at = datetime.fromisoformat(last[0]).replace(tzinfo=UTC)
            except ValueError:
                pass
            else:
                return OutsideChange.named_by(kinds, last[1], at)
        return OutsideChange(kinds, OUTSIDE)

    def _look(self) -> None:
        """Notes a movement since the last look as someone else's commit."""
        current = self._data_version()
        if current != self._seen:
            self._pending, self._seen = True, current

    def write_begins(self) -> None:
        """Ours holds the write lock: any movement so far was someone else's."""
        with self._lock:
            try:
                self._look()
            except StoreError:  # never fails our write: the next poll reloads to be sure
                self._pending = True

    def write_committed(self) -> None:
        """Ours committed: the movement it made is ours.

        Another program may commit between our commit and this look (it waits
        for our lock until then); its change is then taken for ours and shows
        at its next one, or at Refresh. Row versions keep a write from a view
        that missed it from landing on the wrong row meanwhile.
        """
        with self._lock:
            try:
                self._seen = self._data_version()
            except StoreError:  # the write stands; the next poll reloads to be sure
                self._pending = True

    def poll(self) -> Change | None:
        """An ``OutsideChange`` of the kinds another connection changed since the last poll.

        The kinds are those whose fingerprint moved (a few milliseconds of reading,
        only when ``data_version`` moved); when none did, every kind, to be sure.
        """
        with self._lock:
            self._look()
            if not self._pending:
                return None
            self._pending = False
            before = self._last_logged
            prints = self._fingerprints()
            kinds = frozenset(kind for kind in prints if prints[kind] != self._prints.get(kind))
            self._prints = prints
            return self._named(kinds or frozenset(RecordKind), before)

    def close(self) -> None:
        """Stops being told of our writes and closes the watch's connection."""
        self._db.unwatch_writes(self)
        with self._lock:
            self._connection.close()


def outside_changes(db: Database) -> OutsideChanges | None:
    """The source of outside changes for ``db``: a SQLite file's ``data_version``, a
    PostgreSQL database's notifications; None when nobody else can write to it (in memory)."""
    if db.path is not None:
        return DataVersionWatch(db)
    if db.engine.dialect.name == "postgresql":
        from mpn_desktop.store.change_feed import NotifyWatch

        try:
            return NotifyWatch(db.engine)
        except Exception as error:  # the driver's own error: the window works on without
            raise StoreError(
                _("{where}: cannot listen for changes made elsewhere ({error})").format(
                    where=db.where, error=error
                )
            ) from error
    return None
