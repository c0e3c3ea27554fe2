"""kill -9 at a random moment of ``load``, ``import-exams`` and ``imports --remove``.

Whenever the process dies, the database must open afterwards, pass its
check, and hold the organisation either as it was before the command or as
the command leaves it when it completes: all of the batch or none of it.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from helpers.databases import SqliteTemplates

from hostile.input_attacks import demo_document, demo_file
from mpn_desktop.store import records
from mpn_desktop.store.database import Database
from mpn_desktop.store.engine import quick_check

pytestmark = pytest.mark.slow

KILLS = 3
"""Random moments per command (each costs a process start and a partial run)."""

PEOPLE = 15_000


def _command(db: Path, *args: str | Path) -> list[str]:
    return [sys.executable, "-m", "mpn_desktop", "--db", str(db), *map(str, args)]


def _run_whole(argv: list[str]) -> float:
    started = time.monotonic()
    done = subprocess.run(argv, capture_output=True, check=False, timeout=300)
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-2000:]
    return time.monotonic() - started


def _kill_at(argv: list[str], after: float) -> None:
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        process.wait(timeout=after)
    except subprocess.TimeoutExpired:
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=60)


def _state(db: Path) -> tuple[dict[str, Any], int]:
    """The organisation and the number of imports, read the way the program opens the file."""
    with Database.open(f"sqlite:///{db}") as database:
        batches = len(records.import_batches(database))
    return demo_document(db), batches


def _attack(tmp_path: Path, start: Path, argv_for: Callable[[Path], list[str]], seed: int) -> None:
    """Runs the command whole on one copy, then kills it at random moments on fresh copies."""
    finished = tmp_path / "finished.sqlite3"
    shutil.copyfile(start, finished)
    duration = _run_whole(argv_for(finished))
    before, after = _state(start), _state(finished)
    assert before != after, "the command must change something for the test to mean anything"
    chance = random.Random(seed)
    for trial in range(KILLS):
        victim = tmp_path / f"killed-{trial}.sqlite3"
        shutil.copyfile(start, victim)
        moment = chance.uniform(0.05, duration)
        _kill_at(argv_for(victim), moment)
        assert quick_check(victim) is None, f"damaged after kill -9 at {moment:.2f} s"
        state = _state(victim)
        assert state in (before, after), (
            f"kill -9 at {moment:.2f} s (seed {seed}) left part of the batch"
        )


@pytest.fixture
def seed() -> int:
    value = int.from_bytes(os.urandom(4), "big")
    print(f"kill -9 seed: {value}")
    return value


def _big_document(demo: Path) -> dict[str, Any]:
    document = demo_document(demo)
    document["people"] += [
        {"name": f"Person {i}", "email": f"p{i}@example.com", "mcp_id": str(5_000_000 + i)}
        for i in range(PEOPLE)
    ]
    document["exams"] += [
        {"mcp_id": str(5_000_000 + i), "exam_code": "70-533", "passed_on": "2017-11-02"}
        for i in range(PEOPLE)
    ]
    return document


def test_kill_during_load(sqlite_templates: SqliteTemplates, tmp_path: Path, seed: int) -> None:
    start = demo_file(sqlite_templates, tmp_path)
    path = tmp_path / "big.json"
    path.write_text(json.dumps(_big_document(start)), encoding="utf-8")
    _attack(tmp_path, start, lambda db: _command(db, "load", "--replace", path), seed)


def _exams_csv(path: Path) -> Path:
    lines = ["MCP ID,Full Name,Exam Code,Date Passed\n"]
    lines += [f"{6_000_000 + i},Person {i},70-533,2017-11-02\n" for i in range(PEOPLE * 2)]
    path.write_text("".join(lines), encoding="utf-8")
    return path


def test_kill_during_import(sqlite_templates: SqliteTemplates, tmp_path: Path, seed: int) -> None:
    start = demo_file(sqlite_templates, tmp_path)
    csv = _exams_csv(tmp_path / "exams.csv")
    _attack(tmp_path, start, lambda db: _command(db, "import-exams", csv), seed)


def test_kill_during_remove(sqlite_templates: SqliteTemplates, tmp_path: Path, seed: int) -> None:
    start = demo_file(sqlite_templates, tmp_path)
    csv = _exams_csv(tmp_path / "exams.csv")
    _run_whole(_command(start, "import-exams", csv))
    with Database.open(f"sqlite:///{start}") as database:
        batch = records.import_batches(database)[0]["id"]
    _attack(tmp_path, start, lambda db: _command(db, "imports", "--remove", str(batch)), seed)
