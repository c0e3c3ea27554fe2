"""SQLite files written with the ``sqlite3`` module alone, as another program leaves them: the
files the program must refuse (a foreign database, a bare header) or take."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def sqlite_file(path: Path, *statements: str) -> Path:
    """``path``, a SQLite file holding what ``statements`` made (committed and closed)."""
    connection = sqlite3.connect(path)
    for statement in statements:
        connection.execute(statement)
    connection.commit()
    connection.close()
    return path
