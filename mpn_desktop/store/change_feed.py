"""Changes other clients committed to a shared database, told to this one (LISTEN/NOTIFY).

Every write transaction on PostgreSQL notes the tables its statements wrote
and, as it commits, sends one ``NOTIFY`` naming their record kinds, the
database user and this client's id. PostgreSQL delivers a notification only
when (and if) its transaction commits, so a rolled-back edit tells no one.
A ``ChangeListener`` picks the notifications up without blocking and hands
each one on as a ``RemoteChange``; ``NotifyWatch`` is PostgreSQL's source for
``store.outside_changes``, whose window passes the change down the same path
as a local edit (tables refresh, the status panel re-evaluates). A client's
own notifications are left out: its local edit went that way already.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import logging
import re
import threading
import time
import uuid
import weakref
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, event, inspect
from sqlalchemy.orm import Session

from mpn_desktop.domain.vocabulary import _
from mpn_desktop.store.changes import Change, OutsideChange, RecordKind

log = logging.getLogger(__name__)

CHANNEL = "mpn_desktop_changes"
"""The PostgreSQL channel every client of the program listens on."""

CONNECT_TIMEOUT_S = 10
"""How long a connection to the server may take (libpq's ``connect_timeout``) unless the
URL says otherwise: without it, a server that does not answer (a dropped network, not a
refusal) would hold the attempt for as long as the operating system waits."""

_CLIENT_IDS: weakref.WeakKeyDictionary[Engine, str] = weakref.WeakKeyDictionary()
"""Each open database's id in the notifications it sends, so it can leave its own out
(two windows of one process on one database are two clients)."""


def client_id(engine: Engine) -> str:
    """The id ``engine``'s notifications carry."""
    found = _CLIENT_IDS.get(engine)
    if found is None:
        found = _CLIENT_IDS[engine] = uuid.uuid4().hex
    return found


_KIND_OF_TABLE = {
    "organization": RecordKind.ORGANIZATION,
    "targets": RecordKind.TARGET,
    "designation_targets": RecordKind.TARGET,
    "customers": RecordKind.CUSTOMER,
    "subscriptions": RecordKind.SUBSCRIPTION,
    "usage": RecordKind.USAGE,
    "replaced_usage": RecordKind.USAGE,
    "people": RecordKind.PERSON,
    "exam_results": RecordKind.EXAM,
    "customer_references": RecordKind.REFERENCE,
    "fee_payments": RecordKind.FEE_PAYMENT,
    "import_batches": RecordKind.IMPORT_BATCH,
}


def kind_of_table(table: str) -> RecordKind | None:
    """The kind of record ``table`` holds, or None for a table that holds no records."""
    return _KIND_OF_TABLE.get(table)


_WRITE = re.compile(r'^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)"?', re.IGNORECASE)
_TOUCHED = "mpn_touched_tables"


@dataclass(frozen=True, slots=True)
class RemoteChange:
    """A change another client committed: what it touched, who (database user) and when."""

    change: Change
    user: str
    at: datetime
    client: str


_NOT_RECORD_TABLES = {"change_log"}
"""Tables written beside the records, not records themselves."""


_ROWS = "mpn_written_rows"
_MOST_ROWS_LOGGED = 200
"""A write changing more rows one by one than this logs none of them (as a bulk write)."""


def notify_on_commit(engine: Engine) -> None:
    """Makes every committed write on ``engine`` logged (``change_log``: when, who, which kinds,
    which rows) and, on PostgreSQL, told to the other clients."""
    event.listen(engine, "before_cursor_execute", _note_written_table)
    event.listen(engine, "commit", _on_commit)
    event.listen(engine, "rollback", _forget)
    if not event.contains(Session, "after_flush", _note_written_rows):
        event.listen(Session, "after_flush", _note_written_rows)


def _note_written_rows(session: Session, _context: Any) -> None:
    """The rows a flush changed or deleted one by one (by the ORM), kept for the log."""
    changed = [*session.dirty, *session.deleted]
    if not changed:
        return
    rows = session.connection().info.setdefault(_ROWS, set())
    for obj in changed:
        state = inspect(obj)
        if state.identity is not None:
            rows.add(f"{state.mapper.local_table.name}:{state.identity[0]}")


def _note_written_table(
    connection: Connection,
    _cursor: Any,
    statement: str,
    _parameters: Any,
    _context: Any,
    _executemany: bool,
) -> None:
    written = _WRITE.match(statement)
    if written:
        connection.info.setdefault(_TOUCHED, set()).add(written.group(1).lower())


def _forget(connection: Connection) -> None:
    if connection.invalidated:
        # Thrown away with what it noted (a Ctrl-C inside a statement invalidates it): its
        # ``info`` would raise PendingRollbackError over the interrupt the user gave.
        return
    connection.info.pop(_TOUCHED, None)
    connection.info.pop(_ROWS, None)


def _on_commit(connection: Connection) -> None:
    tables: set[str] = connection.info.pop(_TOUCHED, set()) - _NOT_RECORD_TABLES
    rows: set[str] = connection.info.pop(_ROWS, set())
    if not tables:
        return
    if tables <= _KIND_OF_TABLE.keys():
        kinds = sorted({_KIND_OF_TABLE[table].value for table in tables})
    else:
        # A schema upgrade, or a table this map does not know yet: reload everything.
        kinds = sorted(kind.value for kind in RecordKind)
    raw = connection.connection.dbapi_connection
    assert raw is not None
    postgres = connection.dialect.name == "postgresql"
    cursor = raw.cursor()
    try:
        # Inside the committing transaction: kept and told at its commit, never if it fails.
        if "alembic_version" not in tables:  # during an upgrade the log may not exist yet
            _log(cursor, postgres, kinds, _records_text(rows))
        if postgres:
            cursor.execute(
                "SELECT pg_notify(%s, json_build_object('client', %s::text, 'kinds', %s::json,"
                " 'user', current_user, 'at', clock_timestamp())::text)",
                (CHANNEL, client_id(connection.engine), json.dumps(kinds)),
            )
    finally:
        cursor.close()


def _records_text(rows: set[str]) -> str:
    """',people:5,customers:3,' (wrapped in commas, so a search never matches part of one)."""
    if not rows or len(rows) > _MOST_ROWS_LOGGED:
        return ""
    return "," + ",".join(sorted(rows)) + ","


def _log(cursor: Any, postgres: bool, kinds: list[str], records: str) -> None:
    now = datetime.now(UTC).replace(tzinfo=None)
    if postgres:
        cursor.execute(
            "INSERT INTO change_log (changed_at, db_user, kinds, records)"
            " VALUES (%s, current_user, %s, %s)",
            (now, ",".join(kinds), records),
        )
    else:
        # A SQLite file has no users of its own: the person is this computer's login.
        cursor.execute(
            "INSERT INTO change_log (changed_at, db_user, kinds, records) VALUES (?, ?, ?, ?)",
            (now.strftime("%Y-%m-%d %H:%M:%S.%f"), _login()[:128], ",".join(kinds), records),
        )


def _login() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):  # no login name (a container without passwd entry)
        return ""


class ChangeListener:
    """Listens for the other clients' changes on its own connection; ``poll`` never blocks."""

    def __init__(self, engine: Engine) -> None:
        import psycopg

        self._client = client_id(engine)
        arguments = engine.dialect.create_connect_args(engine.url)[1]
        arguments.setdefault("connect_timeout", CONNECT_TIMEOUT_S)
        # Its own connection, outside the pool, in autocommit: LISTEN takes
        # effect at once, and notifications arrive between transactions.
        self._connection = psycopg.connect(**arguments, autocommit=True)
        self._connection.execute(f"LISTEN {CHANNEL}")

    def fileno(self) -> int:
        """The socket to watch: readable when a notification may have arrived."""
        return int(self._connection.fileno())

    def poll(self) -> list[RemoteChange]:
        """The changes other clients committed since the last poll (oldest first)."""
        found: list[RemoteChange] = []
        for notification in self._connection.notifies(timeout=0):
            remote = _parse(notification.payload)
            if remote is not None and remote.client != self._client:
                found.append(remote)
        return found

    def close(self) -> None:
        """Stops listening."""
        self._connection.close()


def _parse(payload: str) -> RemoteChange | None:
    try:
        data = json.loads(payload)
        kinds = frozenset(RecordKind(kind) for kind in data["kinds"])
        user, at = str(data["user"]), datetime.fromisoformat(data["at"])
    except (ValueError, KeyError, TypeError):
        log.warning("ignoring a notification that is not the program's: %.200s", payload)
        return None
    return RemoteChange(Change(kinds, f"Changes by {user}"), user, at, str(data["client"]))


class NotifyWatch:
    """PostgreSQL's source of outside changes (``store.outside_changes``): what others committed.

    Unlike SQLite's ``data_version``, each notification names the kinds it
    touched, so the window reloads those alone; and who made it, and when.
    When the server goes away (restarted, the network dropped) the listening
    connection is lost: the watch says so once in the log, tries to listen
    again every ``listen_again_after`` seconds, and once it does, tells a change
    of every kind, as the notifications sent in between never reached it.
    """

    def __init__(self, engine: Engine, *, listen_again_after: float = 5.0) -> None:
        self._engine = engine
        self._listener: ChangeListener | None = ChangeListener(engine)
        self._listen_again_after = listen_again_after
        self._lost_at = 0.0
        self._attempt: Future[ChangeListener] | None = None

    def poll(self) -> Change | None:
        """The kinds every change since the last poll touched, described by who and when."""
        import psycopg

        if self._listener is None:
            return self._listen_again()
        try:
            arrived = self._listener.poll()
        except psycopg.OperationalError as error:
            log.warning(
                "the connection to the server was lost (%s); changes made elsewhere are "
                "looked for again once it is back",
                str(error).strip(),
            )
            self._drop_listener()
            return None
        if not arrived:
            return None
        kinds = frozenset().union(*(remote.change.kinds for remote in arrived))
        last = arrived[-1]
        # As SQLite's watch says it: the tables compare their rows' versions (an
        # OutsideChange), and the status bar names the last change's login and time.
        return OutsideChange.named_by(kinds, last.user, last.at)

    def _drop_listener(self) -> None:
        import psycopg

        if self._listener is not None:
            with contextlib.suppress(psycopg.Error):  # closing a connection already gone
                self._listener.close()
        self._listener = None
        self._lost_at = time.monotonic()

    def _listen_again(self) -> Change | None:
        """Listens again when the server is back: every kind may have changed meanwhile.

        The connection is tried on a thread of its own, and each poll only looks
        whether it is made: poll runs on the window's thread, which a server that
        does not answer would otherwise freeze for as long as the attempt lasts.
        """
        import psycopg

        attempt = self._attempt
        if attempt is None:
            if time.monotonic() - self._lost_at >= self._listen_again_after:
                self._attempt = _listener_in_background(self._engine)
            return None
        if not attempt.done():
            return None
        self._attempt = None
        try:
            self._listener = attempt.result()
        except psycopg.Error:  # still away: tried again later, quietly
            self._lost_at = time.monotonic()
            return None
        log.info("listening for changes made elsewhere again")
        # Not an OutsideChange: what changed meanwhile is unknown, so every table is read again.
        return Change.everything(_("Read again: the connection to the server was lost for a while"))

    def close(self) -> None:
        """Stops listening."""
        self._drop_listener()
        if self._attempt is not None:
            # Still connecting: the listener it makes is closed once made.
            self._attempt.add_done_callback(_close_made_listener)
            self._attempt = None


def _listener_in_background(engine: Engine) -> Future[ChangeListener]:
    """A ChangeListener being made on a thread of its own (done when made or refused)."""
    made: Future[ChangeListener] = Future()

    def connect() -> None:
        try:
            made.set_result(ChangeListener(engine))
        except Exception as error:  # handed to the poll that looks at it
            made.set_exception(error)

    threading.Thread(target=connect, name="mpn-listen-again", daemon=True).start()
    return made


def _close_made_listener(attempt: Future[ChangeListener]) -> None:
    import psycopg

    if attempt.exception() is None:
        with contextlib.suppress(psycopg.Error):  # closing a connection already gone
            attempt.result().close()
