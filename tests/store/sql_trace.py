"""Counts the SQL a database really runs, by SQLite's own trace (past SQLAlchemy's events)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event

from mpn_desktop.store.database import Database


@contextmanager
def traced_statements(db: Database) -> Iterator[list[str]]:
    """Every statement SQLite runs on ``db`` inside the block, in order.

    The facts loader hands its queries straight to the driver, so SQLAlchemy's
    events would not see them; SQLite's trace callback does.
    """
    statements: list[str] = []

    def traced(connection: Any, _record: Any) -> None:
        connection.set_trace_callback(statements.append)

    db.engine.dispose()  # new connections, each traced from its start
    event.listen(db.engine, "connect", traced)
    try:
        yield statements
    finally:
        event.remove(db.engine, "connect", traced)
        db.engine.dispose()


def selects(statements: list[str]) -> list[str]:
    """The SELECT statements among ``statements``."""
    return [s for s in statements if s.lstrip().upper().startswith("SELECT")]
