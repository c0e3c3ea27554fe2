"""Engine set-up: the one module that knows SQLite's pragmas and transaction quirks.

Everything SQLite-specific lives here so the rest of the store stays portable
SQL (teams will later share one PostgreSQL database).
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError
from sqlalchemy.pool import QueuePool, StaticPool

from mpn_desktop.domain.vocabulary import _, ngettext
from mpn_desktop.errors import StoreError
from mpn_desktop.store.change_feed import CONNECT_TIMEOUT_S, notify_on_commit
from mpn_desktop.store.sqlite_files import (  # re-exported: callers of before import them here
    BUSY_TIMEOUT_MS,
    has_tables,
    integrity_check,
    is_sqlite_file,
    online_backup,
    quick_check,
    sqlite_path,
    stored_revision,
    table_names,
)

__all__ = [
    "BUSY_TIMEOUT_MS",
    "has_tables",
    "integrity_check",
    "is_sqlite_file",
    "online_backup",
    "quick_check",
    "sqlite_path",
    "stored_revision",
    "table_names",
]

BEGIN_OPTION = "mpn_begin"
"""Execution option choosing SQLite's BEGIN mode: "IMMEDIATE" (default) or "DEFERRED"."""


_PASSWORD = re.compile(r"(://[^/:@]*:).*@")
"""A password ('USER:PASSWORD@') in a URL SQLAlchemy cannot read, or written with an '@' in it,
hidden all the same: up to the last '@', '/' included ('se/cret' was shown as written)."""


_PORT = re.compile(
    r"[A-Za-z][A-Za-z0-9+.-]*://(?:[^:/]*(?::[^@]*)?@)?(?:\[[^\]/]*\]|[^/:@?\[]*):([^/@?#]{1,20})(?=[/?#]|$)"
)
"""The port of a URL's host ('h:abc' gives 'abc'), a short one only; 'USER:PASSWORD@' is
read as SQLAlchemy reads it, so no part of a password is ever taken for the port."""


def parse_url(url: str) -> URL:
    """The parsed database URL; a ``StoreError`` naming it (and a bad port) when it is not one."""
    try:
        return make_url(url)
    except (ArgumentError, ValueError):  # ValueError: a port that is no number ('h:abc')
        port = _PORT.match(url)
        if port is not None and not port[1].isdecimal():
            said = _(
                "{url} is not a database URL: its port {port} is not a number (expected, for "
                "example, sqlite:///path/to/file.sqlite3)"
            ).format(url=repr(shown_url(url)), port=repr(port[1]))
        else:
            said = _(
                "{url} is not a database URL (expected, for example, "
                "sqlite:///path/to/file.sqlite3)"
            ).format(url=repr(shown_url(url)))
        raise StoreError(said) from None


def shown_url(url: str) -> str:
    """The URL as a message may show it: any password is replaced by ***."""
    if url.count("@") > 1:
        # A password with an '@' not written %40 ('p@ss'): SQLAlchemy reads it up to the
        # first '@' and the rest as the host, which its rendering would show ('ss@h').
        return _PASSWORD.sub(r"\1***@", url)
    try:
        return make_url(url).render_as_string(hide_password=True)
    except (ArgumentError, ValueError):
        return _PASSWORD.sub(r"\1***@", url)


def team_url(host: str, database: str, user: str, port: int | None = None) -> str:
    """The URL of a PostgreSQL database from what File > Open team database… asks.

    No password: libpq finds it in ~/.pgpass (or a service file) as it would
    for psql, so none is ever kept in the program's settings. An empty host
    means libpq's default (PGHOST, or the local socket).
    """
    host = host.strip()
    if host.startswith("/"):
        # A folder is libpq's way to name a Unix socket: it goes in the query, not the URL's host.
        query = {"host": host, **({"port": str(port)} if port else {})}
        return URL.create(
            "postgresql+psycopg",
            username=user.strip() or None,
            database=database.strip() or None,
            query=query,
        ).render_as_string(hide_password=False)
    return URL.create(
        "postgresql+psycopg",
        username=user.strip() or None,
        host=host or None,
        port=port,
        database=database.strip() or None,
    ).render_as_string(hide_password=False)


def team_url_parts(url: str) -> tuple[str, str, str, int | None]:
    """Host, database, user and port of a team database's URL (for the dialog to show)."""
    parsed = parse_url(url)
    host = parsed.host or str(parsed.query.get("host", ""))
    port = parsed.port or (int(str(parsed.query["port"])) if "port" in parsed.query else None)
    return host, parsed.database or "", parsed.username or "", port


def is_sqlite(engine: Engine | Connection) -> bool:
    """Whether the engine or connection talks to SQLite."""
    return engine.dialect.name == "sqlite"


def read_options(engine: Engine) -> dict[str, str]:
    """Execution options of a read-only transaction: one consistent snapshot for all its reads.

    SQLite: BEGIN DEFERRED (a reader takes no write lock; WAL gives it a
    snapshot). PostgreSQL: REPEATABLE READ, as its default (READ COMMITTED)
    lets each statement see what others committed meanwhile, so the facts
    read in two queries could disagree.
    """
    if is_sqlite(engine):
        return {BEGIN_OPTION: "DEFERRED"}
    return {"isolation_level": "REPEATABLE READ"}


def _quoted_option(name: str) -> str:
    """An option's name in the sentence's quotes: 'timeout' in English (its repr, as
    before), „timeout“ in German, whose sentence quotes the '?' that way too."""
    shown = repr(name)
    quotes = _("'{name}'")
    # The English keeps repr's quotes exactly (a name with a ' in it is shown in "...").
    return shown if quotes == "'{name}'" else quotes.format(name=shown[1:-1])


def sqlite_options_refused(url: str) -> StoreError | None:
    """Why a SQLite URL's options after '?' are refused, naming them; None without any.

    Options such as ?mode=ro&uri=true make the driver open another file than the one
    checked and backed up here, and the pragmas below set what the others would.
    """
    parsed = parse_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.query:
        return None
    names = ", ".join(_quoted_option(name) for name in parsed.query)
    said = ngettext(
        "{url}: the option {options} after '?' is not supported for SQLite; give the "
        "file alone (sqlite:///{file})",
        "{url}: the options {options} after '?' are not supported for SQLite; give the "
        "file alone (sqlite:///{file})",
        len(parsed.query),
    )
    return StoreError(
        said.format(url=shown_url(url), options=names, file=parsed.database or "FILE")
    )


def create_store_engine(url: str) -> Engine:
    """An engine for ``url``; for SQLite every connection gets the pragmas below.

    A ``StoreError`` names the URL when SQLAlchemy does not know its database
    or the driver it names is not installed.
    """
    refused = sqlite_options_refused(url)
    if refused is not None:
        raise refused
    try:
        return _create_store_engine(url)
    except NoSuchModuleError:
        raise StoreError(
            _(
                "{url}: SQLAlchemy knows no database of that name (mpn-desktop takes "
                "sqlite:///FILE, or postgresql://USER@HOST/DATABASE for a team)"
            ).format(url=shown_url(url))
        ) from None
    except ImportError as error:
        raise StoreError(
            _("{url}: the database driver it needs is not installed ({error})").format(
                url=shown_url(url), error=error
            )
        ) from None


def _create_store_engine(url: str) -> Engine:
    parsed = parse_url(url)
    if parsed.get_backend_name() == "postgresql":
        # Bounded, so an edit or a reload against a server that does not answer
        # ends in the 'cannot reach' refusal instead of a frozen window.
        given = "connect_timeout" in parsed.query
        bounded = {} if given else {"connect_timeout": CONNECT_TIMEOUT_S}
        engine = create_engine(url, pool_pre_ping=True, connect_args=bounded)
        event.listen(engine, "after_cursor_execute", _advance_id_sequence)
        notify_on_commit(engine)
        return engine
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)
    if sqlite_path(url) is None:
        # In memory: one shared connection, or every session would see a new empty database.
        engine = create_engine(url, poolclass=StaticPool, connect_args={"check_same_thread": False})
    else:
        # A small pool: reopening the file for every transaction cost the
        # status panel a cold page cache on each reload of the facts (a fifth
        # of the load time on a large organisation). An idle pooled connection
        # holds no lock and no WAL snapshot: the pool rolls back on return. Two
        # connections cover the GUI thread and the evaluation worker; the pool
        # hands a connection to one thread at a time, hence check_same_thread.
        engine = create_engine(
            url,
            poolclass=QueuePool,
            pool_size=2,
            max_overflow=4,
            pool_reset_on_return="rollback",
            connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
        )
    event.listen(engine, "connect", _set_sqlite_pragmas)
    event.listen(engine, "begin", _begin_sqlite_transaction)
    event.listen(engine, "checkin", _restore_pragmas)
    notify_on_commit(engine)
    return engine


def _advance_id_sequence(
    connection: Connection,
    _cursor: Any,
    _statement: str,
    _parameters: Any,
    context: Any,
    _executemany: bool,
) -> None:
    """After an INSERT that gave its ids (a loaded document, an undone delete), moves the
    table's id sequence past them, so the next row added without one gets a free id.

    SQLite takes the largest id plus one each time; a PostgreSQL sequence
    knows nothing of ids written past it and would hand out one already taken.
    """
    compiled = getattr(context, "compiled", None)
    if not getattr(context, "isinsert", False) or compiled is None:
        return
    table = getattr(compiled.statement, "table", None)
    first = context.compiled_parameters[0] if context.compiled_parameters else {}
    if table is None or "id" not in table.c or first.get("id") is None:
        return
    raw = connection.connection.dbapi_connection
    assert raw is not None
    cursor = raw.cursor()
    try:
        # Only ever forward: another client may have taken ids beyond ours meanwhile.
        cursor.execute(
            "SELECT setval(seq, m) FROM (SELECT pg_get_serial_sequence(%(table)s, 'id')::regclass"
            f' AS seq, (SELECT max(id) FROM "{table.name}") AS m) AS ids'
            " WHERE m > coalesce(pg_sequence_last_value(seq), 0)",
            {"table": table.name},
        )
    finally:
        cursor.close()


def _set_sqlite_pragmas(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # The driver's own implicit BEGIN only starts before the first INSERT/
    # UPDATE, so reads before it would see another snapshot and a lock upgrade
    # could fail at once; we emit BEGIN ourselves (see _begin_sqlite_transaction).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        # WAL: readers never block the writer and a crash mid-write leaves the
        # previous committed state intact.
        cursor.execute("PRAGMA journal_mode=WAL")
        # FULL rather than NORMAL: in WAL mode NORMAL may lose the last commits
        # on a power cut. Edits come at human speed and an import is a single
        # transaction, so one fsync per commit costs nothing the user notices,
        # and a year of work is worth it.
        cursor.execute("PRAGMA synchronous=FULL")
        # MEMORY: the statement journal SQLite keeps while a multi-row statement
        # may still fail, and temporary sort data, stay in memory instead of an
        # unlinked file under /var/tmp (an import's 2,000-row INSERTs wrote
        # 160 MB there for 100,000 records). They hold what one statement
        # touches (a few MiB at most), never the database.
        cursor.execute("PRAGMA temp_store=MEMORY")
    finally:
        cursor.close()


def _begin_sqlite_transaction(connection: Connection) -> None:
    # IMMEDIATE takes the write lock at the start (waiting up to the busy
    # timeout), so two copies of the program writing at once queue up instead
    # of one failing half-way through its transaction.
    options = connection.get_execution_options()
    # SQLite changes these only outside a transaction: set before BEGIN, and
    # given back when the connection returns to the pool (_restore_pragmas).
    if options.get(SORT_IN_FILES_OPTION):
        _change_pragma(connection, "temp_store", "FILE")
    if options.get(REFERENCES_MADE_OPTION):
        _change_pragma(connection, "foreign_keys", "OFF")
    connection.exec_driver_sql(f"BEGIN {options.get(BEGIN_OPTION, 'IMMEDIATE')}")


SORT_IN_FILES_OPTION = "mpn_sort_in_files"
"""Execution option: True keeps SQLite's temporary data in files for the transaction.

A bulk import building an index sorts every row: in temporary files (the
operating system caches them) a million rows sorted in 0.86 s, against 1.3 s
in SQLite's memory "files", which also stayed in the resident size.
"""
REFERENCES_MADE_OPTION = "mpn_references_made"
"""Execution option: True when every reference the transaction writes is made by its writer.

SQLite then skips its foreign key look-ups (two per exam row: a sixth of a
million-row import's insert). Only for a writer that takes each id it stores
from a row it read or inserted in the same transaction, and deletes nothing
another table refers to (no cascade is left undone).
"""
_PRAGMAS_CHANGED = "mpn_pragmas_changed"
_CONNECTION_PRAGMAS = {"temp_store": "MEMORY", "foreign_keys": "ON"}
"""The values _set_sqlite_pragmas gives every connection, which _restore_pragmas gives back."""


def _change_pragma(connection: Connection, pragma: str, value: str) -> None:
    connection.exec_driver_sql(f"PRAGMA {pragma}={value}")
    changed: set[str] = connection.connection.info.setdefault(_PRAGMAS_CHANGED, set())
    changed.add(pragma)


def _restore_pragmas(dbapi_connection: Any, record: Any) -> None:
    """Gives a connection returning to the pool (its transaction over) its own pragmas back.

    A connection SQLite cannot give them back to is closed: none may be
    handed out again without its foreign keys checked.
    """
    changed: set[str] | None = record.info.pop(_PRAGMAS_CHANGED, None)
    if not changed or dbapi_connection is None:
        return
    try:
        for pragma in sorted(changed):
            dbapi_connection.execute(f"PRAGMA {pragma}={_CONNECTION_PRAGMAS[pragma]}")
    except sqlite3.Error as error:
        record.invalidate(error)


BULK_WRITE_CACHE_MIN_KIB = 8192
"""SQLite's page cache during a bulk write (an import), in KiB, at the least."""

BULK_WRITE_CACHE_MAX_KIB = 160 * 1024
"""And at the most: more than a 3,000,000-row import touches, under its 300 MB memory bound."""


def bulk_write_cache_kib(database_bytes: int, source_bytes: int) -> int:
    """The page cache for a bulk write into ``database_bytes`` from a ``source_bytes`` file.

    Room for the whole database and as much again as the file: what a write in
    random key order may touch. SQLite takes the memory page by page as it
    reads or writes them, so a small import into a small database uses little
    of a large allowance. A constant 8 MiB overflowed near 260,000 exam rows and
    SQLite spilled pages to the WAL and read them back (1M rows took 2.3 times
    as long per row as 100k).
    """
    wanted = (database_bytes + source_bytes) // 1024
    return max(BULK_WRITE_CACHE_MIN_KIB, min(BULK_WRITE_CACHE_MAX_KIB, wanted))


@contextmanager
def bulk_write_cache(connection: Connection, source_bytes: int = 0) -> Iterator[None]:
    """A page cache sized by ``bulk_write_cache_kib`` on this connection for one bulk write.

    SQLite's default cache (2 MiB) is smaller than the unique index an import
    of 100,000 exam records fills in random order, so its pages went out to
    the WAL and were read back again and again (16,000 writes and 11,000
    reads where 2,700 pages were written). The connection gets its own size
    back afterwards, as it returns to the pool. Other databases: nothing.
    """
    if not is_sqlite(connection):
        yield
        return
    previous = int(connection.exec_driver_sql("PRAGMA cache_size").scalar_one())
    pages = int(connection.exec_driver_sql("PRAGMA page_count").scalar_one())
    page_size = int(connection.exec_driver_sql("PRAGMA page_size").scalar_one())
    kib = bulk_write_cache_kib(pages * page_size, source_bytes)
    connection.exec_driver_sql(f"PRAGMA cache_size=-{kib}")
    try:
        yield
    finally:
        if not connection.invalidated:
            connection.exec_driver_sql(f"PRAGMA cache_size={previous}")


SCHEMA_UPGRADE_LOCK = 0x6D706E64
"""PostgreSQL advisory lock key held while the schema is upgraded ("mpnd" in ASCII)."""


def lock_schema_upgrades(connection: Connection) -> None:
    """Makes this transaction the only one upgrading the schema until it ends.

    PostgreSQL: a transaction-level advisory lock (released at commit or
    rollback), so a second client starting meanwhile waits, then reads the
    revision the first one wrote. SQLite: the migration's BEGIN IMMEDIATE
    already holds the only write lock.
    """
    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({SCHEMA_UPGRADE_LOCK})")


def is_locked_error(error: BaseException) -> bool:
    """Whether a driver error means another process held the database too long."""
    text = str(error).lower()
    return "database is locked" in text or "database table is locked" in text


@contextmanager
def migration_connection(engine: Engine) -> Iterator[Connection]:
    """A connection in one transaction with foreign keys off, checked before commit.

    Alembic's batch mode rebuilds SQLite tables (copy, drop, rename); with
    foreign keys on, dropping a referenced table would delete or reject the
    dependant rows. SQLite ignores the pragma inside a transaction, so it is
    set before BEGIN, and ``foreign_key_check`` proves nothing dangles after.
    """
    with engine.connect() as connection:
        if is_sqlite(engine):
            _raw_sqlite(connection).execute("PRAGMA foreign_keys=OFF")
        try:
            with connection.begin():
                yield connection
                if is_sqlite(engine):
                    dangling = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if dangling:
                        raise StoreError(
                            f"the schema upgrade left dangling references: {dangling[:5]}"
                        )
        finally:
            if is_sqlite(engine) and not connection.invalidated:
                _raw_sqlite(connection).execute("PRAGMA foreign_keys=ON")


def _raw_sqlite(connection: Connection) -> sqlite3.Connection:
    # Straight to the driver: going through SQLAlchemy would BEGIN first, and
    # SQLite ignores foreign_keys inside a transaction.
    raw: sqlite3.Connection = connection.connection.driver_connection  # type: ignore[assignment]
    return raw
