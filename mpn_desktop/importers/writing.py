"""Writing validated exam rows through SQLAlchemy Core, in the caller's one transaction."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, Insert, Table, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite

from mpn_desktop.errors import StoreError
from mpn_desktop.importers.validation import ValidRow
from mpn_desktop.store import models

_PEOPLE: Table = models.Person.__table__  # type: ignore[assignment]
_EXAMS: Table = models.ExamResult.__table__  # type: ignore[assignment]
_BATCHES: Table = models.ImportBatch.__table__  # type: ignore[assignment]
_NAME_CONFLICTS_LISTED = 100
_UNIQUE_KEY = itemgetter(0, 1, 3)
"""Person, code and day of a positional exam row: the unique key of exam results."""


class ExamWriter:
    """Adds exam rows batch by batch, creating people by MCP ID; duplicates are skipped.

    A record equal to one already stored (same person, code and day), in the
    database or earlier in the file, is left to the unique constraint: the
    insert skips it and the row count says how many were new.
    """

    def __init__(self, connection: Connection, file_name: str, sha256: str) -> None:
        self._connection = connection
        self._insert_exam = _insert_skipping_duplicates(connection)
        self._driver_sql = _positional_sql(connection, self._insert_exam)
        self.batch_id: int = connection.execute(
            insert(_BATCHES)
            .values(
                file_name=file_name[:500],
                sha256=sha256,
                imported_at=datetime.now(UTC).replace(tzinfo=None),
            )
            .returning(_BATCHES.c.id)
        ).scalar_one()
        # Per person, not per row: an organisation has far fewer people than exam records.
        self._people: dict[str, tuple[int, str]] = {
            mcp_id: (person_id, name)
            for person_id, mcp_id, name in connection.execute(
                select(_PEOPLE.c.id, _PEOPLE.c.mcp_id, _PEOPLE.c.name)
            )
        }
        self._conflicts_seen: set[str] = set()
        self.name_conflicts: list[str] = []
        self.name_conflict_count = 0
        self.added = 0
        self.people_added = 0

    def add(self, rows: Sequence[ValidRow]) -> None:
        """Stores ``rows`` (those not stored already) and counts what was new."""
        if not rows:
            return
        self._create_people(rows)
        people = self._people
        batch_id = self.batch_id
        if self._driver_sql is not None:
            # Values as the Date and Enum columns store them (ISO text, the enum's
            # value): SQLAlchemy's per-row parameter processing would otherwise
            # cost as much as the whole validation of a row.
            tuples = [
                (
                    people[row.mcp_id][0],
                    row.exam_code,
                    row.exam_title,
                    row.passed_on.isoformat(),
                    row.kind.value,
                    batch_id,
                )
                for row in rows
            ]
            # In the unique index's order, SQLite's B-tree inserts touch far fewer
            # pages (about a tenth faster); the sort is stable, so of two equal
            # records the earlier line is still the one kept.
            tuples.sort(key=_UNIQUE_KEY)
            self.added += self._connection.exec_driver_sql(self._driver_sql, tuples).rowcount
            return
        values = [
            {
                "person_id": people[row.mcp_id][0],
                "exam_code": row.exam_code,
                "exam_title": row.exam_title,
                "passed_on": row.passed_on,
                "kind": row.kind,
                "import_batch_id": batch_id,
            }
            for row in rows
        ]
        self.added += self._connection.execute(self._insert_exam, values).rowcount

    def _create_people(self, rows: Sequence[ValidRow]) -> None:
        people = self._people
        new: dict[str, dict[str, Any]] = {}
        for row in rows:
            known = people.get(row.mcp_id)
            if known is None:
                new.setdefault(
                    row.mcp_id,
                    {
                        "mcp_id": row.mcp_id,
                        "name": row.name,
                        "email": row.email,
                        "import_batch_id": self.batch_id,
                    },
                )
            elif row.name != known[1] and row.name and known[1] and _differ(row.name, known[1]):
                self._report_other_name(row, known[1])
        if not new:
            return
        created = self._connection.execute(
            insert(_PEOPLE).returning(_PEOPLE.c.id, _PEOPLE.c.mcp_id, _PEOPLE.c.name),
            list(new.values()),
        )
        for person_id, mcp_id, name in created:
            people[mcp_id] = (person_id, name)
        self.people_added += len(new)
        for row in rows:
            if row.mcp_id not in new:
                continue
            # Later rows of this batch that name a person it created another way.
            first_name = people[row.mcp_id][1]
            if row.name != first_name and row.name and first_name and _differ(row.name, first_name):
                self._report_other_name(row, first_name)

    def _report_other_name(self, row: ValidRow, kept: str) -> None:
        self.name_conflict_count += 1
        if row.mcp_id in self._conflicts_seen:
            return
        self._conflicts_seen.add(row.mcp_id)
        if len(self.name_conflicts) < _NAME_CONFLICTS_LISTED:
            self.name_conflicts.append(
                f"line {row.line}: MCP ID {row.mcp_id} is {kept!r}, not {row.name!r} as "
                "this line says; the name was kept"
            )

    def finish(self, duplicates: int, errors: int) -> None:
        """Records the counts on the import batch."""
        self._connection.execute(
            update(_BATCHES)
            .where(_BATCHES.c.id == self.batch_id)
            .values(
                added_count=self.added,
                duplicate_count=duplicates,
                error_count=errors,
                people_added_count=self.people_added,
            )
        )


def _differ(one: str, other: str) -> bool:
    return " ".join(one.split()).casefold() != " ".join(other.split()).casefold()


_EXAM_COLUMNS = ("person_id", "exam_code", "exam_title", "passed_on", "kind", "import_batch_id")


def _positional_sql(connection: Connection, statement: Insert) -> str | None:
    """The Core statement compiled once for SQLite's driver, with ``?`` in column order."""
    if connection.dialect.name != "sqlite" or connection.dialect.paramstyle != "qmark":
        return None
    compiled = statement.values(dict.fromkeys(_EXAM_COLUMNS)).compile(dialect=connection.dialect)
    if tuple(compiled.positiontup or ()) != _EXAM_COLUMNS:
        return None
    return str(compiled)


def _insert_skipping_duplicates(connection: Connection) -> Insert:
    key = [_EXAMS.c.person_id, _EXAMS.c.exam_code, _EXAMS.c.passed_on]
    dialect = connection.dialect.name
    if dialect == "sqlite":
        return sqlite.insert(_EXAMS).on_conflict_do_nothing(index_elements=key)
    if dialect == "postgresql":
        return postgresql.insert(_EXAMS).on_conflict_do_nothing(index_elements=key)
    raise StoreError(f"importing exam records needs SQLite or PostgreSQL, not {dialect}")
