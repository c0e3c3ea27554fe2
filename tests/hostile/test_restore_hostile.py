"""restore takes only a sound database of this program; anything else leaves the live one alone."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers.sqlite_files import sqlite_file

from mpn_desktop.cli import main
from mpn_desktop.store import backups
from mpn_desktop.store.engine import quick_check

from .test_backups_hostile import damage

Bad = Callable[[Path, Path], Path]
"""Builds a file that is no backup, from (the database, a scratch folder)."""


def _empty_file(db: Path, scratch: Path) -> Path:
    path = scratch / "empty.sqlite3"
    path.write_bytes(b"")
    return path


def _no_tables(db: Path, scratch: Path) -> Path:
    # A SQLite file with a header and no table (what 'sqlite3 x.db "VACUUM"' makes).
    return sqlite_file(scratch / "no-tables.sqlite3", "PRAGMA user_version=1")


def _foreign(db: Path, scratch: Path) -> Path:
    return sqlite_file(scratch / "foreign.sqlite3", "CREATE TABLE notes (text TEXT)")


def _alembic_only(db: Path, scratch: Path) -> Path:
    from mpn_desktop.store.migrate import head_revision

    return sqlite_file(
        scratch / "alembic-only.sqlite3",
        "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)",
        f"INSERT INTO alembic_version VALUES ('{head_revision()}')",
    )


def _newer_schema(db: Path, scratch: Path) -> Path:
    copy = backups.backup(db, scratch / "newer.sqlite3")
    connection = sqlite3.connect(copy)
    connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    connection.commit()
    connection.close()
    return copy


def _damaged(db: Path, scratch: Path) -> Path:
    copy = backups.backup(db, scratch / "damaged.sqlite3")
    damage(copy)
    return copy


def _text(db: Path, scratch: Path) -> Path:
    path = scratch / "notes.sqlite3"
    path.write_text("not a database\n" * 100)
    return path


def _fifo(db: Path, scratch: Path) -> Path:
    path = scratch / "pipe.sqlite3"
    os.mkfifo(path)
    return path


def _folder(db: Path, scratch: Path) -> Path:
    path = scratch / "folder.sqlite3"
    path.mkdir()
    return path


BAD: dict[str, Bad] = {
    "a 0-byte file": _empty_file,
    "a SQLite file with no tables": _no_tables,
    "another program's database": _foreign,
    "an alembic_version and nothing else": _alembic_only,
    "a newer schema": _newer_schema,
    "a damaged backup": _damaged,
    "a text file": _text,
    "a FIFO": _fifo,
    "a folder": _folder,
    "a missing file": lambda db, scratch: scratch / "missing.sqlite3",
    "the database itself": lambda db, scratch: db,
    "its -wal": lambda db, scratch: Path(f"{db}-wal"),
    "/dev/zero": lambda db, scratch: Path("/dev/zero"),
    "/proc/self/status": lambda db, scratch: Path("/proc/self/status"),
}


@pytest.mark.parametrize("bad", list(BAD))
def test_restore_refuses_what_is_no_backup_and_leaves_the_database(
    bad: str, demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Before: a 0-byte file or a SQLite file with no tables was "restored", emptying
    # the live database (its data survived only in the before-restore copy).
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    source = BAD[bad](demo_path, scratch)
    before = demo_path.read_bytes()
    folder_before = sorted(p.name for p in demo_path.parent.iterdir())
    capsys.readouterr()
    assert main(["--db", str(demo_path), "restore", str(source)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"mpn-desktop: {source}: cannot restore from this file: "), err
    assert "unexpected" not in err
    assert demo_path.read_bytes() == before
    assert sorted(p.name for p in demo_path.parent.iterdir()) == folder_before
    assert main(["--db", str(demo_path), "status"]) == 0


def _customers(path: Path) -> int:
    connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return int(connection.execute("SELECT count(*) FROM customers").fetchone()[0])
    finally:
        connection.close()


@pytest.mark.slow
def test_kill_9_during_restore_leaves_the_old_or_the_new_database_whole(
    demo_path: Path, tmp_path: Path
) -> None:
    backup = backups.backup(demo_path, tmp_path / "smaller.sqlite3")
    connection = sqlite3.connect(backup)
    connection.execute("INSERT INTO customers (name) VALUES ('Only in the backup')")
    connection.commit()
    connection.close()
    old, new = _customers(demo_path), _customers(backup)
    assert old != new
    rng = random.Random(7)
    for _ in range(8):
        process = subprocess.Popen(
            [sys.executable, "-m", "mpn_desktop", "--db", str(demo_path), "restore", str(backup)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.3, 1.5))
        if process.poll() is None:
            os.kill(process.pid, signal.SIGKILL)
        process.wait()
        assert quick_check(demo_path) is None
        assert _customers(demo_path) in (old, new)
        assert main(["--db", str(demo_path), "status"]) == 0


def test_an_empty_name_is_no_file_not_the_current_folder(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = demo_path.read_bytes()
    assert main(["--db", str(demo_path), "restore", ""]) == 1
    assert "no backup file was given; nothing was restored" in capsys.readouterr().err
    assert demo_path.read_bytes() == before
