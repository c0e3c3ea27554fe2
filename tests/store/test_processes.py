"""Several processes on one file: a load killed half-way leaves all or nothing; writers queue up."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from mpn_desktop.store.database import Database
from mpn_desktop.store.engine import integrity_check

# Each test starts other processes: out of the fast loop.
pytestmark = [pytest.mark.slow, pytest.mark.sqlite_only]

PEOPLE = 30_000
EXAMS_EACH = 3


def _large_document() -> dict[str, Any]:
    people = [
        {"name": f"Person {n}", "email": "", "mcp_id": str(1_000_000 + n), "associated": True}
        for n in range(PEOPLE)
    ]
    exams = [
        {"mcp_id": person["mcp_id"], "exam_code": code, "passed_on": "2017-11-02"}
        for person in people
        for code in ("70-533", "70-535", "70-346")[:EXAMS_EACH]
    ]
    return {
        "format": "mpn-desktop/1",
        "organization": {"name": "Large Ltd", "mpn_id": "4123456"},
        "people": people,
        "exams": exams,
    }


def _run(*args: str, cwd: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "mpn_desktop", *args],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ},
    )


def _count(path: Path, table: str) -> int:
    connection = sqlite3.connect(path)
    try:
        return int(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        connection.close()


def test_a_load_killed_half_way_leaves_nothing_and_a_sound_file(tmp_path: Path) -> None:
    db_path = tmp_path / "tracker.sqlite3"
    Database.open(f"sqlite:///{db_path}").close()
    document = tmp_path / "large.json"
    document.write_text(json.dumps(_large_document()))
    wal = Path(f"{db_path}-wal")

    process = _run("--db", str(db_path), "load", str(document), cwd=tmp_path)
    # Kill it while its single transaction is being written: the WAL grows
    # past the page cache long before the commit.
    deadline = time.monotonic() + 120
    killed_mid_write = False
    while process.poll() is None and time.monotonic() < deadline:
        if wal.exists() and wal.stat().st_size > 2_000_000:
            process.send_signal(signal.SIGKILL)
            killed_mid_write = True
            break
        time.sleep(0.005)  # polling another process's file, not waiting on our own code
    process.wait()
    assert killed_mid_write, "the load finished before it could be killed; make it larger"
    assert process.returncode == -signal.SIGKILL

    assert integrity_check(db_path) == ["ok"]
    assert _count(db_path, "people") == 0
    assert _count(db_path, "exam_results") == 0
    assert _count(db_path, "organization") == 0

    # And the program opens it normally and can load the same file afterwards.
    finished = _run("--db", str(db_path), "load", str(document), cwd=tmp_path)
    assert finished.wait(timeout=300) == 0, finished.stderr.read() if finished.stderr else ""
    assert _count(db_path, "exam_results") == PEOPLE * EXAMS_EACH


WRITER = """
import sys
from pathlib import Path
from mpn_desktop.store.database import Database
from mpn_desktop.store.changes import RecordKind
from mpn_desktop.store.records import add_record

db_path, name, start = sys.argv[1], sys.argv[2], Path(sys.argv[3])
db = Database.open("sqlite:///" + db_path)
print("ready", flush=True)
while not start.exists():
    pass
for n in range(60):
    add_record(db, RecordKind.CUSTOMER, {"name": f"{name} {n}"})
db.close()
"""


def test_two_processes_writing_at_once_both_land(tmp_path: Path) -> None:
    db_path = tmp_path / "tracker.sqlite3"
    Database.open(f"sqlite:///{db_path}").close()
    start = tmp_path / "start"
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(db_path), name, str(start)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for name in ("first", "second")
    ]
    for writer in writers:
        assert writer.stdout is not None
        assert writer.stdout.readline().strip() == b"ready"
    start.touch()
    for writer in writers:
        _out, err = writer.communicate(timeout=120)
        assert writer.returncode == 0, err.decode()
    connection = sqlite3.connect(db_path)
    names = {row[0] for row in connection.execute("SELECT name FROM customers")}
    connection.close()
    assert len(names) == 120
    assert {name.split()[0] for name in names} == {"first", "second"}
