"""An import's page cache follows the size of the database and of the file read, within bounds."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Connection, create_engine

from mpn_desktop.store.database import Database
from mpn_desktop.store.engine import (
    BULK_WRITE_CACHE_MAX_KIB,
    BULK_WRITE_CACHE_MIN_KIB,
    REFERENCES_MADE_OPTION,
    SORT_IN_FILES_OPTION,
    bulk_write_cache,
    bulk_write_cache_kib,
)
from mpn_desktop.store.import_transaction import BatchInfo, import_transaction

MIB = 1 << 20


def test_the_cache_grows_with_the_database_and_the_file_between_its_bounds() -> None:
    assert bulk_write_cache_kib(0, 0) == BULK_WRITE_CACHE_MIN_KIB
    assert bulk_write_cache_kib(1 * MIB, 2 * MIB) == BULK_WRITE_CACHE_MIN_KIB
    assert bulk_write_cache_kib(20 * MIB, 44 * MIB) == 64 * 1024
    assert bulk_write_cache_kib(30 * MIB, 34 * MIB) == 64 * 1024
    assert bulk_write_cache_kib(0, 10_000 * MIB) == BULK_WRITE_CACHE_MAX_KIB


def _cache_size(connection: Connection) -> int:
    return int(connection.exec_driver_sql("PRAGMA cache_size").scalar_one())


def test_a_bulk_write_on_sqlite_gets_its_cache_and_gives_the_connection_its_own_back(
    tmp_path: Path,
) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'bulk.sqlite3'}")
    try:
        with engine.connect() as connection:
            own = _cache_size(connection)
            with bulk_write_cache(connection, source_bytes=100 * MIB):
                assert _cache_size(connection) == -bulk_write_cache_kib(
                    int(connection.exec_driver_sql("PRAGMA page_count").scalar_one())
                    * int(connection.exec_driver_sql("PRAGMA page_size").scalar_one()),
                    100 * MIB,
                )
                assert _cache_size(connection) <= -100 * 1024
            assert _cache_size(connection) == own
    finally:
        engine.dispose()


def _pragmas(connection: Connection) -> tuple[int, int]:
    """``temp_store`` (1 FILE, 2 MEMORY) and ``foreign_keys`` (1 on) of a connection."""
    temp_store = connection.exec_driver_sql("PRAGMA temp_store").scalar_one()
    return int(temp_store), int(connection.exec_driver_sql("PRAGMA foreign_keys").scalar_one())


def _session_pragmas(db: Database, **options: object) -> tuple[int, int]:
    with db.session(options=options or None) as session:
        return _pragmas(session.connection())


def test_an_import_sorts_in_files_and_an_exam_import_makes_its_own_references(
    tmp_path: Path,
) -> None:
    # The migration used the pooled connection's temporary schema, which SQLite
    # cannot move inside a transaction: the options apply before BEGIN.
    with Database.open(f"sqlite:///{tmp_path / 'sort.sqlite3'}") as db:
        assert _session_pragmas(db) == (2, 1)
        assert _session_pragmas(db, **{SORT_IN_FILES_OPTION: True}) == (1, 1)
        assert _session_pragmas(db, **{REFERENCES_MADE_OPTION: True}) == (2, 0)
        assert _session_pragmas(db) == (2, 1)
        for kind, pragmas in (("exams", (1, 0)), ("usage", (2, 1))):
            info = BatchInfo(kind, "file", "f.csv")
            with import_transaction(db, info) as transaction:
                assert _pragmas(transaction._connection) == pragmas
            # Given back as the connection returns to the pool, before any BEGIN
            # (a migration turns foreign keys off itself before its own).
            with db.engine.connect() as connection:
                raw = connection.connection.driver_connection
                assert raw is not None
                assert raw.execute("PRAGMA foreign_keys").fetchone() == (1,)
                assert raw.execute("PRAGMA temp_store").fetchone() == (2,)
            assert _session_pragmas(db) == (2, 1)
