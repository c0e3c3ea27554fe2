"""An import's page cache follows the size of the database and of the file read, within bounds."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Connection, create_engine

from mpn_desktop.store.database import Database
from mpn_desktop.store.engine import (
    BULK_WRITE_CACHE_MAX_KIB,
    BULK_WRITE_CACHE_MIN_KIB,
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


def _temp_store(db: Database, **options: object) -> int:
    with db.session(options=options or None) as session:
        return int(session.connection().exec_driver_sql("PRAGMA temp_store").scalar_one())


def test_an_import_sorts_in_temporary_files_and_later_sessions_in_memory(tmp_path: Path) -> None:
    with Database.open(f"sqlite:///{tmp_path / 'sort.sqlite3'}") as db:
        # 2 is MEMORY, 1 FILE; the migration used the pooled connection's temporary
        # schema, which SQLite cannot move inside a transaction: the option applies before BEGIN.
        assert _temp_store(db) == 2
        assert _temp_store(db, **{SORT_IN_FILES_OPTION: True}) == 1
        assert _temp_store(db) == 2
        info = BatchInfo("exams", "exam-file", "f.csv", "")
        with import_transaction(db, info) as transaction:
            connection = transaction._connection
            assert int(connection.exec_driver_sql("PRAGMA temp_store").scalar_one()) == 1
        assert _temp_store(db) == 2
