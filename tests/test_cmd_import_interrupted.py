"""An import interrupted (Ctrl-C) while it writes says so, and leaves the database as it was.

Before, a KeyboardInterrupt that came while SQLAlchemy ran a statement's events made it
invalidate the connection; the rollback's listener of the change log (``change_feed._forget``)
then read the invalidated connection's ``info`` and raised PendingRollbackError over the
interrupt: "an unexpected error stopped the command; the details are in ...log", exit 1.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.engine import Engine

from mpn_desktop.cli import main

HEADER = "MCP ID,Full Name,Exam Code,Date Passed\n"


@contextlib.contextmanager
def _ctrl_c_at_the_first_exam_row() -> Iterator[None]:
    """Ctrl-C as it comes in real life: in the Python code SQLAlchemy runs around a statement
    (here its after_cursor_execute events, where a real one came in)."""

    def interrupt(_connection: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        if statement.lstrip().upper().startswith("INSERT INTO EXAM_RESULTS"):
            raise KeyboardInterrupt

    event.listen(Engine, "after_cursor_execute", interrupt)
    try:
        yield
    finally:
        event.remove(Engine, "after_cursor_execute", interrupt)


def _exams(db: Path) -> list[tuple[str, str]]:
    with contextlib.closing(sqlite3.connect(db)) as connection:
        rows = connection.execute("SELECT exam_code, passed_on FROM exam_results").fetchall()
    return sorted(rows)


def test_an_import_interrupted_in_its_write_says_so_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "org.db"
    first = tmp_path / "first.csv"
    first.write_text(HEADER + "1234567,Ana Ruiz,70-533,2017-11-25\n", encoding="utf-8")
    more = tmp_path / "more.csv"
    more.write_text(
        HEADER + "".join(f"12345{n:02d},Person {n},70-532,2018-01-{n:02d}\n" for n in range(1, 29)),
        encoding="utf-8",
    )
    assert main(["--db", str(db), "import-exams", str(first)]) == 0
    before = _exams(db)
    capsys.readouterr()
    with _ctrl_c_at_the_first_exam_row():
        code = main(["--db", str(db), "import-exams", str(more)])
    err = capsys.readouterr().err
    assert (code, err) == (130, "mpn-desktop: interrupted; nothing more was written.\n")
    assert _exams(db) == before
    # And the database takes the same import afterwards.
    assert main(["--db", str(db), "import-exams", str(more)]) == 0
    assert len(_exams(db)) == len(before) + 28
