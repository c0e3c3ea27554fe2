"""Writing checked exam rows through SQLAlchemy Core, in an import's one transaction."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import date
from functools import partial
from itertools import compress, count
from operator import is_, itemgetter
from typing import cast

from sqlalchemy import Connection, Insert, Table, func, insert, select
from sqlalchemy.dialects import sqlite

from mpn_desktop.domain.enums import CredentialKind
from mpn_desktop.domain.vocabulary import _
from mpn_desktop.errors import StoreError
from mpn_desktop.store import models
from mpn_desktop.store.exam_keys import ExamKeys
from mpn_desktop.store.import_rows import ExamColumns, ExamRow, PersonCells
from mpn_desktop.store.models import new_versions

_PEOPLE: Table = models.Person.__table__  # type: ignore[assignment]
_EXAMS: Table = models.ExamResult.__table__  # type: ignore[assignment]
_NAME_CONFLICTS_LISTED = 100
_SETTLED_LIMIT = 100_000
"""Entries of the writer's look-up memories (people's cells, days as text) at most."""
_STATEMENT_ROWS = 2000
"""Exam rows per INSERT statement (12,000 parameters) where the database allows it."""
_OTHER_PARAMETERS = 32_767
"""Parameters per statement assumed for PostgreSQL (its limit is 65,535)."""


class ExamWriter:
    """Adds exam rows batch by batch, creating people by MCP ID; duplicates are skipped.

    A record equal to one already stored (same person, code and day), in the
    database or earlier in the file, is left to the unique constraint: the
    insert skips it and the row count says how many were new.
    """

    def __init__(self, connection: Connection, batch_id: int) -> None:
        self._connection = connection
        self._insert_exam = _insert_skipping_duplicates(connection)
        self._driver_sql = _positional_sql(connection, self._insert_exam)
        appending_sql = None
        if self._driver_sql is not None and may_defer_unique_key(connection):
            appending_sql = _positional_sql(connection, insert(_EXAMS))
        self._key_deferred = appending_sql is not None
        if appending_sql is not None:
            # A first import into an empty table (SQLite): the rows go in without
            # the unique key, which ``finish`` builds once from sorted rows after
            # dropping the later copies of a record. Inserting a million records
            # into it in random key order took twice as long as the rest of the
            # insert; building it takes a third of that. A rollback brings it back.
            _UNIQUE_KEY.drop(connection)
            self._driver_sql = appending_sql
            # Rows and the batch index now grow at their ends only, and building
            # the key reads the table once: the cache sized for random-order
            # inserts only held pages (1M rows: 279 -> 199 MB peak RSS, same CPU).
            # The import's bulk_write_cache gives the connection its size back.
            connection.exec_driver_sql(f"PRAGMA cache_size=-{_APPENDING_CACHE_KIB}")
        self._keys = ExamKeys() if self._key_deferred else None
        self.finished = False
        allowed = _parameters_allowed(connection)
        self._statement_rows = max(1, min(_STATEMENT_ROWS, allowed // _BOUND))
        # Every column of people may be a parameter (defaults included).
        self._people_per_statement = max(1, allowed // len(_PEOPLE.columns))
        self._multi_row_sql: dict[tuple[int, CredentialKind | None], str] = {}
        self.batch_id = batch_id
        # Per person, not per row: an organisation has far fewer people than exam records.
        self._people: dict[str, tuple[int, str]] = {
            mcp_id: (person_id, name)
            for person_id, mcp_id, name in connection.execute(
                select(_PEOPLE.c.id, _PEOPLE.c.mcp_id, _PEOPLE.c.name)
            )
        }
        # The person id of cells whose name agrees with the stored one: most rows
        # need just this look-up (rows naming someone another way are checked each time).
        self._settled: dict[PersonCells, int] = {}
        self._iso_days: dict[date, str] = {}
        self._conflicts_seen: set[str] = set()
        self._names: dict[str, tuple[str, str]] | None = None
        """Known people by their name written plainly, made when a first person is new."""
        self.name_conflicts: list[str] = []
        self.name_conflict_count = 0
        self.added = 0
        self.people_added = 0

    def add(self, rows: ExamColumns) -> None:
        """Stores ``rows`` (those not stored already) and counts what was new."""
        if self.finished:
            raise StoreError("exam rows were added after the import's writer had finished")
        if not rows.people:
            return
        if self._driver_sql is None:
            named = rows.rows()
            self._settle_people(named)
            self._add_through_core(named)
            return
        # Values as the Date and Enum columns store them (ISO text, the enum's
        # value), through the driver: SQLAlchemy's per-row parameter processing
        # would cost as much as the whole validation of a row. Each column is
        # built by map (the loop runs in C) into its place in the flat list.
        people = rows.people
        person_ids: list[int | None] = list(map(self._settled.get, people))
        if not all(person_ids):  # None: a person not settled yet (ids start at 1)
            unsettled = list(compress(count(), map(_is_none, person_ids)))
            self._settle_people(list(map(rows.row, unsettled)))
            for index in unsettled:
                person_ids[index] = self._people[people[index].mcp_id][0]
        days = rows.days
        iso_days = self._iso_days
        try:
            stored_days = list(map(iso_days.__getitem__, days))
        except KeyError:  # a day not written yet: most batches hold none
            if len(iso_days) > _SETTLED_LIMIT:
                iso_days.clear()
            for day in set(days).difference(iso_days):
                iso_days[day] = day.isoformat()
            stored_days = list(map(iso_days.__getitem__, days))
        exams, codes = rows.exams, rows.codes
        if self._keys is not None:
            self._keys.add(cast(list[int], person_ids), codes, days)
        kinds = list(map(_KIND, exams))
        # A batch of one kind (an export of exams alone, the usual file) has it written
        # in the statement, as the batch id (see _multi_row): a parameter fewer per row.
        kind: CredentialKind | None = kinds[0]
        if kinds.count(kind) != len(kinds):  # members compare by identity, in C
            kind = None
        bound = _bound(kind)
        # Every column but import_batch_id (and the one kind), which the statement holds.
        values: list[object] = [None] * (bound * len(people))
        values[0::bound] = person_ids
        values[1::bound] = codes
        values[2::bound] = map(_TITLE, exams)
        values[3::bound] = stored_days
        if kind is None:
            values[4::bound] = map(_KIND_VALUES.__getitem__, kinds)
        values[bound - 1 :: bound] = new_versions(len(people))
        self._insert_values(values, kind)

    def finish(self) -> None:
        """Settles the import's duplicates: ``added`` is then final (called once the rows are in).

        Where the unique key was deferred, the later copies of a record in the
        file are deleted (the first one, the lowest id, stays: rows went in in
        file order, as the key would have kept them) and the key is built.
        """
        if self.finished:
            return
        self.finished = True
        if not self._key_deferred:
            return
        connection = self._connection
        later = self._later_copy_ids()
        self._keys = None  # their memory is free before SQLite sorts for the key
        if later is None:
            later_copies = connection.exec_driver_sql(_DELETE_LATER_COPIES).rowcount
        elif later:
            later_copies = connection.exec_driver_sql(
                f"DELETE FROM {_EXAMS.name} WHERE id = ?", [(row_id,) for row_id in later]
            ).rowcount
        else:
            later_copies = 0
        self.added -= later_copies
        # SQLite sorts the rows in temporary files (see SORT_IN_FILES_OPTION).
        _UNIQUE_KEY.create(connection)

    def _later_copy_ids(self) -> list[int] | None:
        """The ids of the rows equal to an earlier one, from the keys; None where SQLite must tell.

        The table was empty, so the rows got the ids 1, 2, 3, ... in the order
        they went in, which the largest id confirms.
        """
        keys = self._keys
        if keys is None or keys.rows is None or keys.rows != self.added:
            return None
        last_id = self._connection.execute(select(func.max(_EXAMS.c.id))).scalar()
        if last_id != keys.rows:
            return None
        return [position + 1 for position in keys.later_copies(self._stored_keys)]

    def _stored_keys(self, positions: list[int]) -> list[tuple[object, ...]]:
        """The stored (person, code, day) of the rows at ``positions`` (0-based, so id - 1).

        Read back as the unique key compares them: the few rows whose key
        hash another row shares (every copy, and hash collisions) are decided by these.
        """
        found: dict[int, tuple[object, ...]] = {}
        # SQLite's "?" placeholders: the key is only ever deferred on SQLite
        # (may_defer_unique_key), so only a SQLite import reads its rows back here.
        step = max(1, _parameters_allowed(self._connection) - 1)
        for first in range(0, len(positions), step):
            ids = [position + 1 for position in positions[first : first + step]]
            rows = self._connection.exec_driver_sql(
                f"SELECT id, {_KEY_COLUMNS} FROM {_EXAMS.name} "
                f"WHERE id IN ({', '.join('?' * len(ids))})",
                tuple(ids),
            )
            for row_id, *key in rows:
                found[row_id - 1] = tuple(key)
        return [found[position] for position in positions]

    def _insert_values(self, values: list[object], kind: CredentialKind | None) -> None:
        """Inserts flat column values, many rows per statement, in the order of the rows.

        ``kind``: the kind of every row, which the statement then holds (its
        column is left out of ``values``); None where each row binds its own.
        SQLite builds the list of the ``kind IN (...)`` check once per run of a
        statement: a one-row statement run for every row (executemany) built it
        100,000 times for 100,000 rows, a third of the whole insert. The rows
        go in in file order, so of two equal records the earlier is kept.
        """
        bound = _bound(kind)
        step = self._statement_rows * bound
        for start in range(0, len(values), step):
            # One statement per batch is usual: its values are then copied once.
            chunk = tuple(values) if len(values) <= step else tuple(values[start : start + step])
            rows = len(chunk) // bound
            sql = self._multi_row_sql.get((rows, kind))
            if sql is None:
                assert self._driver_sql is not None
                sql = _multi_row(self._driver_sql, rows, self.batch_id, kind)
                self._multi_row_sql[rows, kind] = sql
            self.added += self._connection.exec_driver_sql(sql, chunk).rowcount

    def _add_through_core(self, rows: Sequence[ExamRow]) -> None:
        people = self._people
        values = [
            {
                "person_id": people[person.mcp_id][0],
                "exam_code": exam.code,
                "exam_title": exam.title,
                "passed_on": passed_on,
                "kind": exam.kind,
                "import_batch_id": self.batch_id,
            }
            for _line, person, exam, passed_on in rows
        ]
        # Counted by RETURNING: a driver's rowcount of a many-row run may be -1
        # (psycopg's is), and skipped duplicates return no row.
        inserted = self._connection.execute(self._insert_exam.returning(_EXAMS.c.id), values)
        self.added += len(inserted.all())

    def _settle_people(self, rows: Sequence[ExamRow]) -> None:
        """Creates the people the rows name for the first time; reports other names for them."""
        settled, people = self._settled, self._people
        new: dict[str, PersonCells] = {}
        later: list[ExamRow] = []
        for row in rows:
            person = row.person
            if person in settled:
                continue
            known = people.get(person.mcp_id)
            if known is not None:
                self._compare_name(row, known)
            else:
                new.setdefault(person.mcp_id, person)
                later.append(row)
        if new:
            self._note_same_names(new, later)
            values = [
                {
                    "mcp_id": person.mcp_id,
                    "name": person.name,
                    "email": person.email,
                    "import_batch_id": self.batch_id,
                }
                for person in new.values()
            ]
            # SQLAlchemy puts up to 1,000 people in one INSERT; an SQLite allowing
            # fewer parameters (999 before 3.32) needs smaller calls.
            step = self._people_per_statement
            for first in range(0, len(values), step):
                created = self._connection.execute(
                    insert(_PEOPLE).returning(_PEOPLE.c.id, _PEOPLE.c.mcp_id, _PEOPLE.c.name),
                    values[first : first + step],
                )
                for person_id, mcp_id, name in created:
                    people[mcp_id] = (person_id, name)
            self.people_added += len(new)
        # Rows of this batch naming a person it created, in their order: the
        # first one gave the name, later ones may say it another way.
        for row in later:
            self._compare_name(row, people[row.person.mcp_id])

    def _note_same_names(self, new: dict[str, PersonCells], rows: Sequence[ExamRow]) -> None:
        """Reports a new person named as a known one with another MCP ID (both are kept).

        Two people may share a name; one person with two MCP IDs (a typing error,
        a second account) would be counted twice, so the summary says so.
        """
        known_names = self._names
        if known_names is None:
            known_names = self._names = {}
            for mcp_id, (_person_id, name) in self._people.items():
                if name:
                    known_names.setdefault(_normal(name), (mcp_id, name))
        for mcp_id, person in new.items():
            if not person.name:
                continue
            other_id, other_name = known_names.setdefault(
                _normal(person.name), (mcp_id, person.name)
            )
            if other_id == mcp_id:
                continue
            line = next((row.line for row in rows if row.person.mcp_id == mcp_id), 0)
            self.name_conflict_count += 1
            if len(self.name_conflicts) < _NAME_CONFLICTS_LISTED:
                self.name_conflicts.append(
                    _(
                        "line {line}: possible duplicate person: {name} with MCP ID {mcp_id} "
                        "was added, and {other_name} has MCP ID {other_id}; if they are one "
                        "person, keep the MCP ID that is associated and delete the other"
                    ).format(
                        line=line,
                        name=repr(person.name),
                        mcp_id=mcp_id,
                        other_name=repr(other_name),
                        other_id=other_id,
                    )
                )

    def _compare_name(self, row: ExamRow, known: tuple[int, str]) -> None:
        person_id, kept = known
        name = row.person.name
        if name != kept and name and kept and _differ(name, kept):
            self._report_other_name(row, kept)
        elif len(self._settled) < _SETTLED_LIMIT:
            self._settled[row.person] = person_id

    def _report_other_name(self, row: ExamRow, kept: str) -> None:
        self.name_conflict_count += 1
        mcp_id = row.person.mcp_id
        if mcp_id in self._conflicts_seen:
            return
        self._conflicts_seen.add(mcp_id)
        if len(self.name_conflicts) < _NAME_CONFLICTS_LISTED:
            self.name_conflicts.append(
                _(
                    "line {line}: MCP ID {mcp_id} is {kept}, not {name} as this line says; "
                    "the name was kept"
                ).format(line=row.line, mcp_id=mcp_id, kept=repr(kept), name=repr(row.person.name))
            )


def _normal(name: str) -> str:
    return " ".join(name.split()).casefold()


def _differ(one: str, other: str) -> bool:
    return _normal(one) != _normal(other)


_KIND_VALUES = {kind: kind.value for kind in CredentialKind}
_TITLE, _KIND = itemgetter(1), itemgetter(2)  # of an ExamCells
_is_none = partial(is_, None)
# The row's version too (see models.new_version): passed like the others, or the
# driver's default would add a column the statement's row count did not allow for.
_EXAM_COLUMNS = (
    "person_id",
    "exam_code",
    "exam_title",
    "passed_on",
    "kind",
    "import_batch_id",
    "version",
)
_BATCH_AT = _EXAM_COLUMNS.index("import_batch_id")
_KIND_AT = _EXAM_COLUMNS.index("kind")
_BOUND = len(_EXAM_COLUMNS) - 1
"""Parameters per exam row: the batch id, the same in every row, is written in the statement
(1M rows: 1M parameters fewer to bind and hand over, ~5 % of SQLite's insert)."""


_APPENDING_CACHE_KIB = 2 * 1024
"""SQLite's page cache while the unique key is deferred (the table only grows at its end).

Small on purpose: SQLite's sorter sorts the key's rows in runs of the cache's
size before merging them, and runs of 2 MiB sort in the processor's cache
(building the key of 1M rows: 0.79 s CPU with 16 MiB, 0.65 s with 0.5-4 MiB;
the whole import 1M rows 4.6-4.8 -> 4.35-4.6 s CPU, 3M rows no slower)."""
_UNIQUE_KEY = next(index for index in _EXAMS.indexes if index.unique)
"""(person, code, day): a record once; a unique index (0010), so it can be built after an insert."""
_KEY_COLUMNS = ", ".join(column.name for column in _UNIQUE_KEY.columns)
_DELETE_LATER_COPIES = (
    f"DELETE FROM {_EXAMS.name} WHERE id IN (SELECT id FROM (SELECT id, row_number() "
    f"OVER (PARTITION BY {_KEY_COLUMNS} ORDER BY id) AS nth FROM {_EXAMS.name}) WHERE nth > 1)"
)
_WINDOW_FUNCTIONS = (3, 25, 0)
"""The first SQLite with ``row_number() OVER``, which finding the later copies needs."""


def may_defer_unique_key(connection: Connection) -> bool:
    """Whether the unique key may be built after the insert: SQLite, and no record stored yet.

    With records stored, building the key again would sort all of them for
    each import, however small; a first import holds every record there is.
    """
    if connection.dialect.name != "sqlite" or sqlite3.sqlite_version_info < _WINDOW_FUNCTIONS:
        return False
    stored = connection.execute(select(_EXAMS.c.id).limit(1)).first()
    return stored is None


def _multi_row(
    single_row_sql: str, rows: int, batch_id: int, kind: CredentialKind | None = None
) -> str:
    """The one-row INSERT with its VALUES group repeated for ``rows`` rows (standard SQL).

    Each group holds ``batch_id`` itself in place of its parameter (an integer,
    written as SQL's literal), and ``kind``'s value where one is given (a
    quoted literal of the enum's own value), so a row binds ``_BOUND`` values,
    one fewer with ``kind``.
    """
    group = "(" + ", ".join("?" * len(_EXAM_COLUMNS)) + ")"
    cells = ["?"] * len(_EXAM_COLUMNS)
    cells[_BATCH_AT] = str(int(batch_id))
    if kind is not None:
        cells[_KIND_AT] = "'" + kind.value.replace("'", "''") + "'"
    bound = "(" + ", ".join(cells) + ")"
    return single_row_sql.replace(f" VALUES {group}", " VALUES " + ", ".join([bound] * rows), 1)


def _bound(kind: CredentialKind | None) -> int:
    """Parameters per exam row of a statement holding ``kind`` (None: each row binds its own)."""
    return _BOUND if kind is None else _BOUND - 1


def _parameters_allowed(connection: Connection) -> int:
    """How many parameters one statement may hold (SQLite: 32,766 since 3.32, 999 before)."""
    if connection.dialect.name != "sqlite":
        return _OTHER_PARAMETERS
    driver: sqlite3.Connection = connection.connection.driver_connection  # type: ignore[assignment]
    return driver.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)


def _positional_sql(connection: Connection, statement: Insert) -> str | None:
    """The Core statement compiled once for SQLite's driver, with ``?`` in column order."""
    if connection.dialect.name != "sqlite" or connection.dialect.paramstyle != "qmark":
        return None
    compiled = statement.values(dict.fromkeys(_EXAM_COLUMNS)).compile(dialect=connection.dialect)
    sql = str(compiled)
    group = "(" + ", ".join("?" * len(_EXAM_COLUMNS)) + ")"
    if tuple(compiled.positiontup or ()) != _EXAM_COLUMNS or sql.count(f" VALUES {group}") != 1:
        return None
    return sql


def _insert_skipping_duplicates(connection: Connection) -> Insert:
    key = [_EXAMS.c.person_id, _EXAMS.c.exam_code, _EXAMS.c.passed_on]
    dialect = connection.dialect.name
    if dialect == "sqlite":
        return sqlite.insert(_EXAMS).on_conflict_do_nothing(index_elements=key)
    if dialect == "postgresql":
        # Imported here: the PostgreSQL dialect (and asyncpg with it) costs a
        # fifth of a second that a SQLite import never needs.
        from sqlalchemy.dialects import postgresql

        return postgresql.insert(_EXAMS).on_conflict_do_nothing(index_elements=key)
    raise StoreError(f"importing exam records needs SQLite or PostgreSQL, not {dialect}")
