"""kill -9 in the very middle of a write (not at a random moment): nothing is lost.

The command runs in a child process whose copy is slowed down at one point
(half of SQLite's backup pages copied, or the written file about to be
flushed); the child says so on stdout and the test kills it there.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from mpn_desktop.store import backups
from mpn_desktop.store.engine import quick_check

pytestmark = pytest.mark.slow

_CHILD = r"""
import os, sqlite3, sys, time
from pathlib import Path
from mpn_desktop.store import sqlite_files as engine

# "copy": half-way through SQLite's backup; "copy-into=PATH": the same, only into PATH;
# "flush": before the written file is flushed to the disk.
pause_in, _, only_into = sys.argv[1].partition("=")

def paused() -> None:
    print("PAUSED", flush=True)
    time.sleep(60)

def slow_backup(source, destination, *, single_file=True):
    src = sqlite3.connect(f"{Path(source).resolve().as_uri()}?mode=ro", uri=True)
    dst = sqlite3.connect(destination)
    into = not only_into or Path(destination).resolve() == Path(only_into).resolve()
    def progress(status, remaining, total):
        if pause_in.startswith("copy") and into and remaining <= total // 2:
            paused()
    src.backup(dst, pages=1, progress=progress)
    if single_file:
        dst.execute("PRAGMA journal_mode=DELETE")
    dst.close()
    src.close()

engine.online_backup = slow_backup
if pause_in == "flush":
    real_fsync = os.fsync
    def fsync(descriptor):
        paused()
        real_fsync(descriptor)
    os.fsync = fsync

from mpn_desktop.cli import main
sys.exit(main(sys.argv[2:]))
"""


def _kill_when_paused(pause_in: str, *args: str) -> None:
    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD, pause_in, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert child.stdout is not None
    try:
        line = child.stdout.readline()  # blocks until the child reaches the pause (or ends)
        assert line.strip() == "PAUSED", f"the child ended without pausing: {line!r}"
        os.kill(child.pid, signal.SIGKILL)
    finally:
        if child.poll() is None:
            child.kill()
        child.wait()
        child.stdout.close()


def _customers(path: Path) -> list[str]:
    connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return [str(row[0]) for row in connection.execute("SELECT name FROM customers ORDER BY id")]
    finally:
        connection.close()


def test_kill_9_half_way_through_a_restore_leaves_the_old_database_whole(
    demo_path: Path, tmp_path: Path
) -> None:
    other = backups.backup(demo_path, tmp_path / "other.sqlite3")
    connection = sqlite3.connect(other)
    connection.execute("UPDATE customers SET name = name || ' (restored)'")
    connection.commit()
    connection.close()
    before = _customers(demo_path)
    # The before-restore backup is made first, then the live database is written: the
    # second copy is the one paused half-way.
    _kill_when_paused(f"copy-into={demo_path}", "--db", str(demo_path), "restore", str(other))
    kept = backups.list_backups(demo_path)
    assert [path.stem.endswith("before-restore") for path in kept] == [True]  # done before
    assert quick_check(kept[0]) is None
    assert quick_check(demo_path) is None
    assert _customers(demo_path) == before


def test_kill_9_half_way_through_a_backup_leaves_no_half_backup(demo_path: Path) -> None:
    before = demo_path.read_bytes()
    _kill_when_paused("copy", "--db", str(demo_path), "backup")
    assert backups.list_backups(demo_path) == []  # only the hidden temporary file is left
    assert demo_path.read_bytes() == before
    assert quick_check(demo_path) is None


@pytest.mark.parametrize("command", ["export", "checklist"])
def test_kill_9_before_the_written_file_is_flushed_leaves_the_previous_file(
    command: str, demo_path: Path, tmp_path: Path
) -> None:
    target = tmp_path / "out.file"
    target.write_bytes(b"the previous file")
    args = ["export", str(target)] if command == "export" else ["checklist", "--pdf", str(target)]
    _kill_when_paused("flush", "--db", str(demo_path), *args)
    assert target.read_bytes() == b"the previous file"
