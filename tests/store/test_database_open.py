"""Opening a database: created private, refused untouched when unusable, sessions atomic."""

from __future__ import annotations

import sqlite3
import stat
from datetime import datetime
from pathlib import Path

import pytest
from helpers.sqlite_files import sqlite_file
from sqlalchemy import create_engine, delete, func, select, text
from sqlalchemy.orm import Session

from mpn_desktop.errors import StoreError, ValidationError
from mpn_desktop.paths import default_database_path
from mpn_desktop.store import models
from mpn_desktop.store.backups import backup
from mpn_desktop.store.database import Database
from mpn_desktop.store.migrate import head_revision


def test_default_database_is_created_private() -> None:
    path = default_database_path()
    assert not path.exists()
    with Database.open(f"sqlite:///{path}") as db:
        assert db.path == path
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


@pytest.mark.sqlite_only
def test_new_database_has_the_latest_schema_wal_and_foreign_keys(db: Database) -> None:
    with db.session() as session:
        connection = session.connection()
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        revision = connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    assert revision == head_revision()


def test_session_commits_on_success_and_rolls_back_on_error(db: Database) -> None:
    with db.session() as session:
        session.add(models.Customer(name="Fabrikam"))
    with pytest.raises(RuntimeError), db.session() as session:
        session.add(models.Customer(name="Litware"))
        session.flush()
        raise RuntimeError("stop")
    with db.session(readonly=True) as session:
        names = session.scalars(select(models.Customer.name)).all()
    assert names == ["Fabrikam"]


def test_constraint_violation_in_a_session_becomes_a_validation_error(db: Database) -> None:
    with db.session() as session:
        session.add(models.Customer(name="Fabrikam"))
    with (
        pytest.raises(ValidationError, match="already a customer of that name"),
        db.session() as session,
    ):
        session.add(models.Customer(name="Fabrikam"))


def test_a_refused_reference_names_its_field_and_record(db: Database) -> None:
    """Before, SQLite's refusals read 'the record refers to something that does not exist,
    or is still in use', naming neither the field nor what it points at."""
    with (
        pytest.raises(ValidationError) as refused,
        db.session() as session,
    ):
        session.add(models.Customer(name="Fabrikam", import_batch_id=999))
    assert str(refused.value) == "Import: the import it refers to does not exist"
    with db.session() as session:
        batch = models.ImportBatch(
            file_name="usage.csv", sha256="0" * 64, imported_at=datetime(2026, 12, 6)
        )
        session.add(batch)
        session.flush()
        session.add(models.Customer(name="Fabrikam", import_batch_id=batch.id))
        session.add(models.Person(name="Ana Ruiz", mcp_id="1234567", import_batch_id=batch.id))
    with (
        pytest.raises(ValidationError) as refused,
        db.session() as session,
    ):
        session.execute(delete(models.ImportBatch))
    message = str(refused.value)
    assert message.startswith("the import is still in use by "), message
    assert "customers" in message or "people" in message, message


def _refused(path: Path) -> str:
    before = path.read_bytes()
    with pytest.raises(StoreError) as error:
        Database.open(f"sqlite:///{path}")
    assert path.read_bytes() == before, "the refused file was changed"
    message = str(error.value)
    assert str(path) in message
    assert "untouched" in message
    return message


def test_a_file_that_is_not_a_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_text("shopping list: milk, eggs\n" * 200)
    message = _refused(path)
    assert "not a database" in message
    # No backup next to it: the message still says how to restore one.
    assert f'mpn-desktop --db "{path}" restore BACKUP-FILE' in message


@pytest.mark.sqlite_only
def test_a_damaged_database_is_refused_untouched_and_the_backup_is_named(
    db: Database, db_path: Path
) -> None:
    with db.session() as session:
        _fill_pages(session)
    db.close()
    saved = backup(db_path)
    _checkpoint(db_path)
    _damage_pages(db_path)
    message = _refused(db_path)
    assert "damaged" in message
    assert str(saved) in message and "restore" in message


def test_a_database_of_a_newer_version_is_refused_on_any_backend(db_url: str) -> None:
    with Database.open(db_url) as db, db.session() as session:
        session.connection().exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(StoreError) as refused:
        Database.open(db_url)
    assert "newer version of mpn-desktop (schema 9999)" in str(refused.value)
    assert "update the program" in str(refused.value)
    engine = create_engine(db_url)
    try:
        with engine.connect() as connection:
            stored = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    finally:
        engine.dispose()
    assert stored == "9999", "the newer database was left as it was"


@pytest.mark.sqlite_only
def test_a_database_from_a_newer_version_is_refused_untouched(db: Database, db_path: Path) -> None:
    with db.session() as session:
        session.connection().exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
    db.close()
    _checkpoint(db_path)
    message = _refused(db_path)
    assert "newer version" in message and "9999" in message


def test_a_foreign_sqlite_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    sqlite_file(path, "CREATE TABLE photos (id INTEGER PRIMARY KEY)")
    assert "not one written by mpn-desktop" in _refused(path)


@pytest.mark.sqlite_only
def test_a_busy_database_becomes_a_clear_error(
    db: Database, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = sqlite3.connect(db_path, timeout=0)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        import mpn_desktop.store.engine as engine_module

        monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_MS", 100)
        other = Database(db.url, engine_module.create_store_engine(db.url))
        with (
            pytest.raises(
                StoreError, match=r"another copy of mpn-desktop\) kept the database busy"
            ),
            other.session() as session,
        ):
            session.add(models.Customer(name="Fabrikam"))
        other.close()
    finally:
        blocker.rollback()
        blocker.close()
    with db.session(readonly=True) as session:
        assert session.scalar(select(func.count()).select_from(models.Customer)) == 0


def _fill_pages(session: Session) -> None:
    """Customers enough to fill many pages, for damage to land in."""
    session.add_all(models.Customer(name=f"Customer {n}" * 20) for n in range(400))


def _damage_pages(path: Path) -> None:
    """Overwrites bytes 8-200 of every 4 KiB of the file from the third on (page contents,
    not page 1's header, whatever the page size)."""
    data = bytearray(path.read_bytes())
    page = 4096
    for offset in range(2 * page, len(data) - page, page):
        data[offset + 8 : offset + 200] = b"\xff" * 192
    path.write_bytes(bytes(data))


def _checkpoint(path: Path) -> None:
    """Moves everything from the WAL into the main file, as closing the last connection does."""
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.execute("PRAGMA journal_mode=DELETE")
    connection.close()


def test_an_in_memory_database_keeps_its_data_between_sessions() -> None:
    with Database.open("sqlite://") as db:
        assert db.path is None
        with db.session() as session:
            session.add(models.Customer(name="Fabrikam"))
        with db.session(readonly=True) as session:
            assert session.scalars(select(models.Customer.name)).all() == ["Fabrikam"]


def test_a_foreign_database_with_an_odd_alembic_version_table_is_refused(tmp_path: Path) -> None:
    # Before: SELECT version_num failed with sqlite3.OperationalError, a traceback.
    path = sqlite_file(tmp_path / "odd.sqlite3", "CREATE TABLE alembic_version (x TEXT)")
    assert "not one written by mpn-desktop" in _refused(path)


def test_another_programs_alembic_database_is_foreign_not_newer(tmp_path: Path) -> None:
    # Before: "written by a newer version of mpn-desktop (schema abc123)".
    path = sqlite_file(
        tmp_path / "blog.sqlite3",
        "CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY)",
        "INSERT INTO alembic_version VALUES ('abc123')",
        "CREATE TABLE posts (id INTEGER PRIMARY KEY)",
    )
    message = _refused(path)
    assert "not one written by mpn-desktop" in message
    assert "newer" not in message


def test_a_folder_is_refused_as_a_folder(tmp_path: Path) -> None:
    folder = tmp_path / "data.sqlite3"
    folder.mkdir()
    with pytest.raises(StoreError) as error:
        Database.open(f"sqlite:///{folder}")
    assert f"{folder}: cannot open this database: it is a folder" in str(error.value)
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("not a url", "'not a url' is not a database URL"),
        ("nosuchdb://host/x", "nosuchdb://host/x: SQLAlchemy knows no database of that name"),
        (
            "mysql://ana:secret@localhost/mpn",
            "mysql://ana:***@localhost/mpn: the database driver it needs is not installed",
        ),
    ],
)
def test_a_url_that_cannot_be_used_is_a_store_error(url: str, problem: str) -> None:
    # Before: ArgumentError, NoSuchModuleError or ModuleNotFoundError reached the user.
    with pytest.raises(StoreError) as error:
        Database.open(url)
    assert str(error.value).startswith(problem)
    assert "secret" not in str(error.value)


def _page_size(data: bytes | bytearray) -> int:
    """The page size an SQLite file's header gives (1 stands for 65,536)."""
    size = int.from_bytes(data[16:18], "big")
    return 65536 if size == 1 else size


@pytest.mark.sqlite_only
def test_a_damaged_file_whose_damage_reads_as_text_is_refused_as_damaged(
    tmp_path: Path,
) -> None:
    # The damage of a file with 16 KiB pages, written over every 4 KiB, lands inside
    # pages: quick_check's messages then held bytes that are not UTF-8, and reading them
    # raised UnicodeDecodeError instead of refusing the file as damaged.
    path = tmp_path / "tracker.sqlite3"
    made = sqlite3.connect(path)
    made.execute("PRAGMA page_size=16384")
    made.execute("VACUUM")  # writes the empty file's header with that page size
    made.close()
    with Database.open(f"sqlite:///{path}") as db, db.session() as session:
        _fill_pages(session)
    _checkpoint(path)
    assert _page_size(path.read_bytes()) == 16384
    _damage_pages(path)
    assert "damaged" in _refused(path)


@pytest.mark.sqlite_only
def test_a_damaged_wal_database_is_refused_with_no_file_added_next_to_it(
    db: Database, db_path: Path
) -> None:
    # Before: the read-only checks left an empty -wal and a -shm beside the refused file.
    with db.session() as session:
        _fill_pages(session)
    db.close()
    assert not Path(f"{db_path}-wal").exists(), "closing the last connection removes the WAL"
    assert db_path.read_bytes()[18:20] == b"\x02\x02", "the file is in WAL mode"
    _damage_pages(db_path)
    listing = sorted(path.name for path in db_path.parent.iterdir())
    assert "damaged" in _refused(db_path)
    assert sorted(path.name for path in db_path.parent.iterdir()) == listing


@pytest.mark.sqlite_only
def test_every_connection_waits_for_a_busy_database(db: Database) -> None:
    with db.session(readonly=True) as session:
        timeout = session.connection().exec_driver_sql("PRAGMA busy_timeout").scalar()
    assert timeout == 5000
