"""Writing exams on SQLite leaves the PostgreSQL dialect (and asyncpg with it) unimported."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

_IMPORT_AND_LIST = """
import sys
from mpn_desktop.cli import main
import mpn_desktop.store.exam_writing
code = main(["--db", sys.argv[1], "import-exams", sys.argv[2]])
print("exit", code)
print(sorted(name for name in ("sqlalchemy.dialects.postgresql", "asyncpg") if name in sys.modules))
"""


def test_an_exam_import_on_sqlite_does_not_import_the_postgresql_dialect(tmp_path: Path) -> None:
    exams = tmp_path / "exams.csv"
    exams.write_text(
        "MCP ID,Full Name,Email Address,Exam Code,Exam Title,Date Passed\n"
        "1000001,Ana Ruiz,ana@contoso.example,70-533,Implementing Azure Infrastructure,3/14/2017\n",
        encoding="utf-8",
    )
    env = dict(os.environ)
    for variable in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        env[variable] = str(tmp_path / variable.lower())
    env.pop("MPN_DESKTOP_DB", None)
    run = subprocess.run(
        [sys.executable, "-c", _IMPORT_AND_LIST, str(tmp_path / "t.sqlite3"), str(exams)],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    assert run.stdout.splitlines()[-2:] == ["exit 0", "[]"], run.stdout + run.stderr
