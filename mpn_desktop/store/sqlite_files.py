"""SQLite files as files: their path in a URL, checks, revision and backup, with the sqlite3 driver.

Nothing here imports SQLAlchemy: opening the window checks the database file
and reads its schema revision before SQLAlchemy is loaded (issue 15: it was a
third of the start-up), and backups need no engine either.
"""

from __future__ import annotations

import re
import sqlite3
from contextlib import suppress
from pathlib import Path

from mpn_desktop.domain.vocabulary import _

BUSY_TIMEOUT_MS = 5000
"""How long a write waits for another running copy of the program to finish its own."""

_PLAIN_SQLITE_URL = re.compile(r"sqlite(?:\+pysqlite)?:///([^?%]+)\Z", re.DOTALL)
"""A SQLite URL whose file name needs no decoding (no %-escapes) and that has no options."""


def plain_sqlite_file(url: str) -> Path | None:
    """The file of a SQLite URL without options or escapes (as ``--db FILE`` gives), else None."""
    plain = _PLAIN_SQLITE_URL.match(url)
    if plain is None:
        return None
    return sqlite_path(url)


def revision_if_writable(path: Path) -> str | None:
    """The revision stored in ``path``, read on a connection opened as the store opens its own.

    Read-write, in WAL mode, with the busy timeout: what an engine's first
    connection does, so a file this accepts is one the engine opens too. Any
    refusal of SQLite's returns None (the caller then takes the engine's way,
    which says what is wrong).
    """
    try:
        connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error:
        return None
    try:
        connection.execute("PRAGMA journal_mode=WAL")
        row = connection.execute("SELECT version_num FROM alembic_version").fetchall()
    except sqlite3.Error:
        return None
    finally:
        connection.close()
    return str(row[0][0]) if len(row) == 1 else None


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL; None for other databases and in-memory SQLite."""
    plain = _PLAIN_SQLITE_URL.match(url)
    if plain is not None:
        database: str | None = plain.group(1)
    else:
        # Anything else as SQLAlchemy reads it (escapes, options, other databases).
        from mpn_desktop.store.engine import parse_url

        parsed = parse_url(url)
        if parsed.get_backend_name() != "sqlite":
            return None
        database = parsed.database
    if not database or database == ":memory:" or database.startswith("file::memory:"):
        return None
    return Path(database)


def open_read_only(path: Path) -> sqlite3.Connection:
    """``path`` opened read-only (``mode=ro``: never written to).

    Text that is not UTF-8 is read with replacement characters instead of
    raising: a damaged page's bytes turn up in ``quick_check``'s messages and
    in the values read, and the user is owed "it is damaged", not a traceback.
    """
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    connection.text_factory = _text
    return connection


def _text(data: bytes) -> str:
    return data.decode("utf-8", "replace")


def quick_check(path: Path) -> str | None:
    """Opens ``path`` read-only and returns what is wrong with it, or None when sound.

    Read-only (``mode=ro``) so a damaged or foreign file is never written to.
    Reading a WAL-mode file makes SQLite create its -wal and -shm companions;
    for a damaged file (which the program will not open) the ones made here
    are removed again, so the refused file is left exactly as it was found.
    """
    companions = [Path(f"{path}{suffix}") for suffix in ("-wal", "-shm")]
    absent = [companion for companion in companions if not companion.exists()]
    problem = _quick_check(path)
    if problem is not None:
        wal = companions[0]
        if wal in absent and wal.exists() and wal.stat().st_size > 0:
            return problem  # another program wrote to it meanwhile: not ours to remove
        for companion in absent:
            with suppress(OSError):
                companion.unlink(missing_ok=True)
    return problem


def _quick_check(path: Path) -> str | None:
    try:
        connection = open_read_only(path)
    except sqlite3.Error as error:
        return _("it cannot be opened ({error})").format(error=error)
    try:
        rows = connection.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError as error:
        return _describe_sqlite_error(error)
    except UnicodeDecodeError:
        # SQLite's message quoted the damaged bytes, which the driver could not decode.
        return _("it is damaged (SQLite's report on it is not readable text)")
    finally:
        connection.close()
    messages = [str(row[0]) for row in rows]
    if messages == ["ok"]:
        return None
    return _("it is damaged ({report})").format(report=damage_report(messages))


REPORTED_PROBLEMS = 3
"""The problems of SQLite's report a message repeats (the rest are shown as "…")."""

_PROBLEM_LENGTH = 200
"""The characters of one problem a message repeats."""


def damage_report(messages: list[str]) -> str:
    """SQLite's ``quick_check`` rows, short enough for a message to say what follows them.

    One row can hold many problems, one a line (a page overwritten in the middle of the
    file gave 6,000 characters): a message quoting them whole was cut before its advice
    on restoring the latest sound backup, the one thing the user can act on."""
    problems = [line.strip() for message in messages for line in message.splitlines()]
    problems = [problem for problem in problems if problem]
    shown = [
        problem if len(problem) <= _PROBLEM_LENGTH else problem[:_PROBLEM_LENGTH] + "…"
        for problem in problems[:REPORTED_PROBLEMS]
    ]
    if len(problems) > REPORTED_PROBLEMS:
        shown.append("…")
    return "; ".join(shown)


def integrity_check(path: Path) -> list[str]:
    """The full ``PRAGMA integrity_check`` of a file, opened read-only (["ok"] when sound)."""
    connection = open_read_only(path)
    try:
        return [str(row[0]) for row in connection.execute("PRAGMA integrity_check")]
    finally:
        connection.close()


def stored_revision(path: Path) -> str | None:
    """The Alembic revision recorded in a file (read-only), None when it has none yet.

    A ``ValueError`` when the file has an ``alembic_version`` that is not
    Alembic's (no ``version_num`` column): another program's database.
    """
    connection = open_read_only(path)
    try:
        has_table = connection.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
        ).fetchone()
        if not has_table:
            return None
        try:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        except sqlite3.Error as error:
            raise ValueError(f"its alembic_version table cannot be read ({error})") from None
        return str(row[0]) if row else None
    finally:
        connection.close()


def table_names(path: Path) -> set[str]:
    """The names of the tables in a file (read-only)."""
    connection = open_read_only(path)
    try:
        rows = connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        return {str(row[0]) for row in rows}
    finally:
        connection.close()


def has_tables(path: Path) -> bool:
    """Whether the file holds any table at all (read-only)."""
    connection = open_read_only(path)
    try:
        return connection.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchone() is not None
    finally:
        connection.close()


def online_backup(source: Path, destination: Path, *, single_file: bool = True) -> None:
    """Copies a live database with SQLite's online backup API (consistent even while in use).

    ``single_file`` turns the copy's journal off WAL, so a backup is one file
    the user can copy anywhere. A restore passes False: its destination is the
    live database, which keeps its WAL, and another running copy of the
    program holding it open would make that switch fail after the copy was made.
    """
    src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(destination, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            src.backup(dst)
            if single_file:
                dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
    finally:
        src.close()


def _describe_sqlite_error(error: sqlite3.DatabaseError) -> str:
    text = str(error)
    if "not a database" in text:
        return _("it is not a database file (or it is encrypted)")
    if "malformed" in text:
        return _("it is damaged (the database disk image is malformed)")
    return _("it cannot be read ({error})").format(error=text)


def is_sqlite_file(path: Path) -> bool:
    """Whether the file is empty or starts with SQLite's header (checked without SQLite)."""
    with path.open("rb") as handle:
        header = handle.read(16)
    return header in (b"", b"SQLite format 3\x00")
