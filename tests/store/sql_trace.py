"""Counts the SQL a database really runs, by the driver's own hooks (past SQLAlchemy's events)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event

from mpn_desktop.store.database import Database


@contextmanager
def traced_statements(db: Database) -> Iterator[list[str]]:
    """Every statement the database runs on ``db`` inside the block, in order.

    The facts loader hands its queries straight to the driver, so SQLAlchemy's
    events would not see them: SQLite's trace callback does, and on
    PostgreSQL a psycopg cursor class that notes what it executes.
    """
    statements: list[str] = []

    def traced(connection: Any, _record: Any) -> None:
        if db.engine.dialect.name == "sqlite":
            connection.set_trace_callback(statements.append)
        else:
            connection.cursor_factory = _tracing_cursor(type(connection.cursor()), statements)

    db.engine.dispose()  # new connections, each traced from its start
    event.listen(db.engine, "connect", traced)
    try:
        yield statements
    finally:
        event.remove(db.engine, "connect", traced)
        db.engine.dispose()


def _tracing_cursor(base: type[Any], statements: list[str]) -> type[Any]:
    class TracingCursor(base):  # type: ignore[misc,valid-type]
        def execute(self, query: Any, *args: Any, **kwargs: Any) -> Any:
            connection = self.connection
            if connection.autocommit:
                return super().execute(query, *args, **kwargs)  # a pool's ping
            # psycopg sends BEGIN itself before a statement outside a transaction.
            from psycopg.pq import TransactionStatus

            if connection.info.transaction_status == TransactionStatus.IDLE:
                statements.append("BEGIN")
            statements.append(str(query))
            return super().execute(query, *args, **kwargs)

    return TracingCursor


def selects(statements: list[str]) -> list[str]:
    """The SELECT statements among ``statements``."""
    return [s for s in statements if s.lstrip().upper().startswith("SELECT")]
