"""Opening the tracker database safely: checks, backups and migrations, then sessions."""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from mpn_desktop.domain.vocabulary import N_, _
from mpn_desktop.errors import (
    DiskProblem,
    ReadOnlyDatabase,
    RecordChanged,
    RefusedDatabase,
    StoreError,
    ValidationError,
)
from mpn_desktop.paths import data_dir
from mpn_desktop.store import backups
from mpn_desktop.store.disk_state import FolderProblem, folder_problem, what_to_do
from mpn_desktop.store.migrate import head_revision
from mpn_desktop.store.private_files import create_private_file, make_private_folder
from mpn_desktop.store.sqlite_files import (
    BUSY_TIMEOUT_MS,
    is_sqlite_file,
    plain_sqlite_file,
    revision_if_writable,
    sqlite_path,
)

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.exc import OperationalError
    from sqlalchemy.orm import Session
    from sqlalchemy.orm.exc import StaleDataError

    from mpn_desktop.store.transactions import Transaction

# SQLAlchemy (with its ORM) is imported when the first session begins, not when
# the database is opened: a SQLite file of this version is checked with the
# sqlite3 driver alone, so the window can be painted before SQLAlchemy is loaded.

log = logging.getLogger(__name__)


_DRIVER_PREFIXES = ("connection failed: ", "connection is bad: ")
"""What psycopg puts before libpq's own words when no connection could be made."""
_NO_CONNECTION = (*_DRIVER_PREFIXES, "failed to resolve host")
"""How psycopg begins its message when no connection to the server could be made."""


def _server_said(text: str) -> str:
    """libpq's refusal as a person reads it: its first line without the driver's
    'connection failed:' and the server's 'FATAL:' ('connection to server at "db", port
    5432 failed: password authentication failed for user "ana"'); libpq's hint lines
    ('Is the server running ...?') are left out, the sentence around says what to do."""
    first = text.strip().splitlines()[0] if text.strip() else text
    for prefix in _DRIVER_PREFIXES:
        first = first.removeprefix(prefix)
    return re.sub(r"\bFATAL:\s+", "", first).strip()


def postgres_in_full(url: str) -> str:
    """libpq's short spelling (postgres://, as psql and hosting services write it) in
    SQLAlchemy's, with the driver the program uses; any other URL unchanged."""
    for short in ("postgres://", "postgres+psycopg://"):
        if url.startswith(short):
            return "postgresql+psycopg://" + url.removeprefix(short)
    return url


OUR_DATABASES = ("sqlite", "postgresql")
"""The databases the program opens: SQLite files, and PostgreSQL for a team."""


def database_scheme(url: str) -> str | None:
    """The database ``url`` names (sqlite, postgresql, mysql...); None when it is no URL."""
    from mpn_desktop.store.engine import parse_url  # SQLAlchemy: only once a URL is asked about

    try:
        return parse_url(postgres_in_full(url)).get_backend_name()
    except StoreError:
        return None


def refusal_of_other_database(url: str) -> StoreError | None:
    """The refusal of a URL naming a database the program does not open (mysql://, foo://).

    None for SQLite and PostgreSQL, and for a text that is no URL at all (opening
    it says so). The window's start-up and the command line refuse with these words.
    """
    from mpn_desktop.store.engine import shown_url  # SQLAlchemy: a URL was given

    scheme = database_scheme(url)
    if scheme is None or scheme in OUR_DATABASES:
        return None
    return StoreError(
        _(
            "{url}: mpn-desktop opens SQLite files (sqlite:///FILE) and PostgreSQL team "
            "databases (postgresql://USER@HOST/DATABASE), not {scheme} databases."
        ).format(url=shown_url(url), scheme=scheme)
    )


class WriteWatcher(Protocol):
    """Told about this program's own writes (so it can tell others' writes from them)."""

    def write_begins(self) -> None:
        """A write transaction of ours holds the write lock; nothing is written yet."""

    def write_committed(self) -> None:
        """That transaction committed."""


class Database:
    """An open tracker database: its URL, its file (for SQLite) and its sessions."""

    def __init__(self, url: str, engine: Engine | None = None) -> None:
        """``engine`` None: one is made for ``url`` when the first session needs it."""
        self.url = url
        self.path: Path | None = sqlite_path(url)
        self._engine = engine
        self._read = None if engine is None else _read_engine_of(engine)
        self._engine_lock = threading.Lock()
        self._write_watchers: list[WriteWatcher] = []
        self.read_only = False
        """Whether the login may only read (PostgreSQL SELECT grants alone): writes are refused."""
        self._login = ""

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine (made, and SQLAlchemy imported, on first use)."""
        if self._engine is None:
            with self._engine_lock:  # the GUI thread and a worker may both ask first
                if self._engine is None:
                    from mpn_desktop.store.engine import create_store_engine

                    engine = create_store_engine(self.url)
                    self._read = _read_engine_of(engine)
                    self._engine = engine
        return self._engine

    @property
    def _read_engine(self) -> Engine:
        """The engine's reading form: one consistent snapshot per transaction."""
        if self._read is None:
            self.engine  # noqa: B018 (makes the engine, and its reading form with it)
        assert self._read is not None
        return self._read

    @property
    def has_engine(self) -> bool:
        """Whether the engine was made (SQLAlchemy loaded) already."""
        return self._engine is not None

    @property
    def where(self) -> str:
        """The database as messages, titles and logs show it: its file, or its URL
        with any password replaced by *** (a password given in a URL is never shown)."""
        if self.path is not None:
            return str(self.path)
        from mpn_desktop.store.engine import shown_url

        return shown_url(self.url)

    @property
    def in_memory(self) -> bool:
        """Whether the database lives in this process's memory (one connection, one thread)."""
        return self.path is None and self.engine.dialect.name == "sqlite"

    @classmethod
    def open(cls, url: str, *, engine_later: bool = False) -> Database:
        """Opens (creating it if missing) and upgrades the database at ``url``.

        A file that is not a database, is damaged or was written by a newer
        version is refused untouched, with a ``StoreError`` saying how to
        restore the latest backup. ``engine_later`` (the window's start-up):
        a sound SQLite file of this version is checked with the sqlite3 driver
        alone, and the engine (SQLAlchemy with it) is made at the first session.
        """
        url = postgres_in_full(url)
        if engine_later and _current_sqlite_file(url) is not None:
            return cls(url)
        from sqlalchemy.exc import DBAPIError

        from mpn_desktop.store.engine import create_store_engine, shown_url

        path = sqlite_path(url)
        # The engine first: it refuses a driver that is not installed before
        # any file is created (it connects only when _migrate asks).
        engine = create_store_engine(url)
        database = cls(url, engine)
        try:
            if path is not None:
                if path.exists():
                    _refuse_if_unusable(path)
                else:
                    _create_private_file(path)
            database._migrate()
            database.read_only = database._may_only_read()
        except DBAPIError as error:
            engine.dispose()
            where = path or shown_url(url)
            blocked = folder_problem(path) if path is not None else None
            if blocked:
                raise DiskProblem(_blocked(path, blocked, _CANNOT_OPEN)) from None
            said = _server_said(str(error.orig)) if path is None else str(error.orig)
            raise StoreError(
                _("{where}: cannot open the database ({said})").format(where=where, said=said)
            ) from error
        except BaseException:
            engine.dispose()
            raise
        return database

    def _migrate(self) -> None:
        from sqlalchemy.exc import OperationalError

        from mpn_desktop.store.engine import lock_schema_upgrades, migration_connection, shown_url
        from mpn_desktop.store.migrate import (
            create_fresh_sqlite,
            current_revision,
            known_revisions,
            upgrade,
        )

        head = head_revision()
        with self._read_engine.connect() as connection:
            current = current_revision(connection)
        if current == head:
            return
        if current is not None and current not in known_revisions():
            raise _refusal(shown_url(self.url), self.path, backups.newer_version(current))
        if self.path is not None and current is not None:
            saved = backups.backup(self.path, reason=f"before-schema-{head}")
            log.info("schema %s -> %s; backup in %s", current, head, saved)
        try:
            with migration_connection(self.engine) as connection:
                # Several clients starting at once on a shared database: one
                # upgrades, the others wait for it and then find the head.
                lock_schema_upgrades(connection)
                current = current_revision(connection)
                if current is not None and current not in known_revisions():
                    where = shown_url(self.url)
                    raise _refusal(where, self.path, backups.newer_version(current))
                if current is None and create_fresh_sqlite(connection):
                    return
                if current != head:
                    upgrade(connection)
        except OperationalError as error:
            raise self._store_error(error, N_("upgrading its schema")) from error

    def _may_only_read(self) -> bool:
        if self.engine.dialect.name != "postgresql":
            return False
        with self._read_engine.connect() as connection:
            may_write = connection.exec_driver_sql(
                "SELECT bool_and(has_table_privilege(c.oid, 'INSERT, UPDATE, DELETE'))"
                " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                " WHERE c.relkind = 'r' AND n.nspname = current_schema()"
                " AND c.relname <> 'alembic_version'"
            ).scalar()
            self._login = str(connection.exec_driver_sql("SELECT current_user").scalar())
        return may_write is False

    def _refuse_writes(self) -> ReadOnlyDatabase:
        return ReadOnlyDatabase(
            _(
                "{where}: the login {login} may only read this database; nothing was "
                "changed. Ask its owner for write access (INSERT, UPDATE, DELETE)."
            ).format(where=self.where, login=self._login)
        )

    @contextmanager
    def session(
        self, *, readonly: bool = False, options: dict[str, object] | None = None
    ) -> Iterator[Session]:
        """A session in ONE transaction: committed on success, rolled back on any error.

        Writers take the write lock at the start and wait up to the busy
        timeout for another copy of the program; ``readonly`` sessions never wait.
        ``options`` are the connection's execution options for the transaction
        (e.g. ``engine.SORT_IN_FILES_OPTION``).
        """
        if self.read_only and not readonly:
            raise self._refuse_writes()
        from sqlalchemy.exc import IntegrityError, OperationalError
        from sqlalchemy.orm import Session
        from sqlalchemy.orm.exc import StaleDataError

        from mpn_desktop.store.constraints import describe_violation

        session = Session(self._read_engine if readonly else self.engine, expire_on_commit=False)
        watchers = () if readonly else tuple(self._write_watchers)
        try:
            with session.begin():
                if options:
                    session.connection(execution_options=options)  # before BEGIN
                if watchers:
                    session.connection()  # BEGIN: the write lock is ours from here on
                    for watcher in watchers:
                        watcher.write_begins()
                yield session
            for watcher in watchers:
                watcher.write_committed()
        except StaleDataError as error:
            # Another connection changed or deleted the row between our read and our write.
            raise RecordChanged(
                _(
                    "the record was changed elsewhere while it was being saved{by_whom}; "
                    "nothing was saved. Reload to see it as it is now."
                ).format(by_whom=self._by_whom(error))
            ) from error
        except IntegrityError as error:
            raise ValidationError(describe_violation(error)) from error
        except OperationalError as error:
            doing = N_("writing") if not readonly else N_("reading")
            raise self._store_error(error, doing) from error
        finally:
            session.close()

    def _by_whom(self, error: StaleDataError) -> str:
        """' by ana at …' for the last logged change of the table ``error`` names; '' if unknown."""
        from mpn_desktop.store.change_feed import kind_of_table
        from mpn_desktop.store.row_versions import changed_by

        table = re.search(r"on table '(\w+)'", str(error))
        kind = kind_of_table(table.group(1)) if table else None
        if kind is None:
            return ""
        try:
            with self.session(readonly=True) as session:
                return changed_by(session, kind)
        except StoreError:  # the refusal still stands without the name
            return ""

    @contextmanager
    def transaction(self) -> Iterator[Transaction]:
        """One write transaction that store operations given it share (see ``transactions``)."""
        from mpn_desktop.store.transactions import Transaction

        with self.session() as session:
            yield Transaction(session)

    def _store_error(self, error: OperationalError, doing: str) -> StoreError:
        from mpn_desktop.store.engine import is_locked_error

        where = self.path or self.where
        blocked = folder_problem(self.path) if self.path is not None else None
        if blocked is None and "full" in str(error.orig):
            # The rollback freed what the write had taken. ("full" is SQLite's English.)
            blocked = FolderProblem(_("the disk is full"), disk_full=True)
        if blocked:
            unchanged = _("nothing was changed while {doing}").format(doing=_(doing))
            return DiskProblem(_blocked(self.path, blocked, unchanged, opening=False))
        if is_locked_error(error):
            return StoreError(
                _(
                    "{where}: another program (or another copy of mpn-desktop) kept the "
                    "database busy for more than {seconds} seconds while {doing}; nothing was "
                    "changed. Try again, or close the other program."
                ).format(where=where, seconds=BUSY_TIMEOUT_MS // 1000, doing=_(doing))
            )
        lost = self._server_out_of_reach(error)
        if lost is not None:
            return StoreError(
                _(
                    "{where}: cannot reach the database server while {doing} ({lost}); nothing "
                    "was changed. Try again once the server is back (ask whoever runs it)."
                ).format(where=where, doing=_(doing), lost=lost)
            )
        return StoreError(
            _("{where}: the database failed while {doing} ({error})").format(
                where=where, doing=_(doing), error=error.orig
            )
        )

    def _server_out_of_reach(self, error: OperationalError) -> str | None:
        """The driver's first line when a team database's server cannot be reached, else None.

        Said apart from other failures: the edit is lost to the refusal only, and the
        same edit works once the server is back (the pool connects anew).
        """
        if self.path is not None:
            return None
        text = str(error.orig).strip()
        # connection_invalidated: SQLAlchemy took the error for a connection gone away.
        if not text.startswith(_NO_CONNECTION) and not error.connection_invalidated:
            return None
        return _server_said(text) or _("the connection was lost")

    def watch_writes(self, watcher: WriteWatcher) -> None:
        """Tells ``watcher`` when a write transaction of ours begins and when it committed."""
        self._write_watchers.append(watcher)

    def unwatch_writes(self, watcher: WriteWatcher) -> None:
        """Stops telling ``watcher``."""
        if watcher in self._write_watchers:
            self._write_watchers.remove(watcher)

    def close(self) -> None:
        """Closes every connection."""
        if self._engine is not None:
            self._engine.dispose()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def _read_engine_of(engine: Engine) -> Engine:
    from mpn_desktop.store.engine import read_options

    return engine.execution_options(**read_options(engine))


def _current_sqlite_file(url: str) -> Path | None:
    """The file of a plain SQLite URL when it is sound, writable and of this version, else None.

    Read with the sqlite3 driver, SQLAlchemy not loaded. None sends the caller
    the whole way (engine, checks, migration), which says what is wrong.
    """
    path = plain_sqlite_file(url)
    if path is None or not path.is_file() or backups.problem_with(path) is not None:
        return None
    if revision_if_writable(path) != head_revision():
        return None
    return path


def _create_private_file(path: Path) -> None:
    """Creates an empty database file readable by its owner only (0600; folder 0700)."""
    folder = path.parent
    make_private_folder(folder, N_("the database folder"))
    if folder == data_dir():
        folder.chmod(0o700)
    # False: another copy of the program created it a moment ago.
    create_private_file(path)


def _refuse_if_unusable(path: Path) -> None:
    problem = backups.problem_with(path)
    if problem:
        # SQLite says "unable to open" or "disk I/O error" for a sound database in a
        # read-only folder or on a full disk: that is no damage, and no restore helps.
        blocked = folder_problem(path)
        if blocked and path.stat().st_size > 0 and is_sqlite_file(path):
            raise DiskProblem(_blocked(path, blocked, _CANNOT_OPEN))
        raise _refusal(str(path), path, problem)


_CANNOT_OPEN = N_("cannot open the database")
"""What _blocked says was refused when the database was being opened (translated there)."""


def _blocked(path: Path | None, problem: FolderProblem, what: str, *, opening: bool = True) -> str:
    """``what`` (in English, or already translated: _ returns it unchanged) refused for
    ``problem``: a folder or disk SQLite cannot write on, which no restore mends."""
    if opening:
        sentence = _(
            "{path}: {what}: {problem}, and SQLite must write beside the database even to "
            "read it. This says nothing against the database itself, which was left as it "
            "was: do not restore a backup over it. {advice}"
        )
    else:
        sentence = _(
            "{path}: {what}: {problem}. This says nothing against the database itself, which "
            "was left as it was: do not restore a backup over it. {advice}"
        )
    return sentence.format(path=path, what=_(what), problem=problem, advice=what_to_do(problem))


def _refusal(where: str, path: Path | None, problem: str) -> StoreError:
    message = _("{where}: cannot open this database: {problem}. It was left untouched.").format(
        where=where, problem=problem
    )
    if path is None:
        return StoreError(message)
    # The backups are checked once: the start-up's restore offer reads the result.
    latest = backups.latest_sound_backup(path)
    return RefusedDatabase(message + backups.restore_advice(path, latest), latest)
