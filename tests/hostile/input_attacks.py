"""What the input attacks share: a demo database file, its fingerprint, and running a command.

An attack passes when the command refuses with a short message of the program's
own (exit 1, or 2 for a usage error), prints no traceback, and leaves the
database's bytes exactly as they were.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from helpers.databases import SqliteTemplates

from mpn_desktop.cli import main
from mpn_desktop.store.database import Database
from mpn_desktop.store.documents import export_document

DEMO_DAY = date(2018, 3, 15)
MESSAGE_LIMIT = 3000
"""More characters than any one refusal should print (a 10 MB value must not come back)."""


@dataclass(frozen=True)
class Outcome:
    """What a command did: its exit code and what it printed."""

    code: int
    out: str
    err: str

    def refused(self, code: int = 1, limit: int = MESSAGE_LIMIT) -> str:
        """Asserts a clean refusal with ``code``; returns stderr (for more assertions)."""
        assert self.code == code, (self.code, self.out[-500:], self.err[-2000:])
        assert "Traceback" not in self.err
        assert "unexpected error" not in self.err
        assert self.err.strip(), "a refusal says why"
        assert len(self.err) < limit, f"{len(self.err):,} characters of error output"
        return self.err


def demo_file(templates: SqliteTemplates, folder: Path) -> Path:
    """A closed database file holding the demo organisation."""
    path = folder / "tracker.sqlite3"
    templates.copy_to(path, DEMO_DAY)
    return path


def fingerprint(db: Path) -> tuple[str, ...]:
    """The database's bytes (file and journals), to tell that nothing was written."""
    parts = []
    for end in ("", "-wal", "-journal"):
        path = db.with_name(db.name + end)
        data = path.read_bytes() if path.exists() else b""
        parts.append(hashlib.sha256(data).hexdigest() if data else "")
    return tuple(parts)


def demo_document(db: Path) -> dict[str, Any]:
    """The demo organisation as the export document (JSON-ready)."""
    with Database.open(f"sqlite:///{db}") as database:
        document: dict[str, Any] = json.loads(json.dumps(export_document(database)))
    return document


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> Outcome:
    """Runs the command line in this process (as ``mpn-desktop ARGS``)."""
    capsys.readouterr()
    try:
        code = main([str(arg) for arg in args])
    except SystemExit as stop:  # argparse's usage errors
        code = int(stop.code or 0)
    captured = capsys.readouterr()
    return Outcome(code, captured.out, captured.err)


def run_process(*args: str | Path | bytes, timeout: float = 60) -> Outcome:
    """Runs ``python -m mpn_desktop ARGS`` in a child process (for what could hang or must die).

    A hang fails the test after ``timeout`` seconds instead of stopping the suite.
    """
    words = [os.fsencode(arg) if not isinstance(arg, bytes) else arg for arg in args]
    try:
        done = subprocess.run(
            [os.fsencode(sys.executable), b"-m", b"mpn_desktop", *words],
            capture_output=True,
            check=False,
            timeout=timeout,
            stdin=subprocess.DEVNULL,
            env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"mpn-desktop {args!r} still ran after {timeout} seconds")
    return Outcome(
        done.returncode,
        done.stdout.decode("utf-8", "replace"),
        done.stderr.decode("utf-8", "replace"),
    )
