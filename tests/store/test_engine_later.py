"""Opening a SQLite file with its engine made later: the window's start-up, before SQLAlchemy.

A sound file of this version is checked with the sqlite3 driver alone; any
other file (new, older, damaged, in a read-only folder) takes the usual way,
which creates, upgrades or refuses it exactly as before.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from mpn_desktop.errors import StoreError
from mpn_desktop.store import records
from mpn_desktop.store.changes import RecordKind
from mpn_desktop.store.database import Database
from mpn_desktop.store.migrate import head_revision
from mpn_desktop.store.sample import load_sample
from mpn_desktop.store.sqlite_files import plain_sqlite_file, revision_if_writable, sqlite_path

pytestmark = pytest.mark.sqlite_only


@pytest.fixture
def sample_file(tmp_path: Path) -> Path:
    path = tmp_path / "tracker.sqlite3"
    with Database.open(f"sqlite:///{path}") as db:
        load_sample(db)
    return path


def test_a_current_file_opens_without_an_engine_and_reads_at_the_first_session(
    sample_file: Path,
) -> None:
    with Database.open(f"sqlite:///{sample_file}", engine_later=True) as db:
        assert not db.has_engine
        assert db.path == sample_file
        assert db.where == str(sample_file)
        assert not db.read_only
        customers = records.list_records(db, RecordKind.CUSTOMER)
        assert db.has_engine
    with Database.open(f"sqlite:///{sample_file}") as db:
        assert db.has_engine  # without engine_later, as ever
        assert records.list_records(db, RecordKind.CUSTOMER) == customers


def test_a_new_or_older_file_takes_the_usual_way(tmp_path: Path, sample_file: Path) -> None:
    new = tmp_path / "new.sqlite3"
    with Database.open(f"sqlite:///{new}", engine_later=True) as db:
        assert db.has_engine  # created and migrated as before
    assert revision_if_writable(new) == head_revision()
    with sqlite3.connect(sample_file) as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'not-ours'")
    with pytest.raises(StoreError, match="newer version"):
        Database.open(f"sqlite:///{sample_file}", engine_later=True)


def test_a_file_in_a_read_only_folder_is_refused_as_before(sample_file: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root may write in a read-only folder")
    url = f"sqlite:///{sample_file}"
    (sample_file.parent / "tracker.sqlite3-wal").unlink(missing_ok=True)
    (sample_file.parent / "tracker.sqlite3-shm").unlink(missing_ok=True)
    sample_file.parent.chmod(0o500)
    try:
        with pytest.raises(StoreError) as usual:
            Database.open(url)
        with pytest.raises(StoreError) as later:
            Database.open(url, engine_later=True)
    finally:
        sample_file.parent.chmod(0o700)
    assert str(later.value) == str(usual.value)


@pytest.mark.parametrize(
    "url",
    [
        "sqlite:///tracker.sqlite3",
        "sqlite:////tmp/a b#c/x@y:z.db",
        "sqlite+pysqlite:///relative/ü.db",
        "sqlite:///%41.db",
        "sqlite:///x.db?mode=ro",
        "sqlite://",
        "sqlite:///:memory:",
        "postgresql+psycopg://ana@host/db",
    ],
)
def test_the_file_of_a_url_is_the_one_sqlalchemy_reads(url: str) -> None:
    parsed = make_url(url)
    database = parsed.database
    expected = (
        Path(database)
        if parsed.get_backend_name() == "sqlite" and database and database != ":memory:"
        else None
    )
    assert sqlite_path(url) == expected
    # Only URLs SQLAlchemy would read the same without decoding take the quick way.
    if plain_sqlite_file(url) is not None:
        assert plain_sqlite_file(url) == expected
        assert "%" not in url and "?" not in url
