"""The window's record reads on a plain SQLite file with the sqlite3 driver alone (no SQLAlchemy).

SQLAlchemy with its ORM, the models and asyncio (which it imports) were a
quarter of an idle window's memory (issue 15), and an idle window only
reads. So, like ``facts_sqlite`` for the facts, the tables' records are read
here from a plain SQLite file whose engine is not made yet; the first write
makes it (``records``), and later reads go through it. Each column is
converted as the store's column type converts it (``sqlite_values``); a test
checks ``TABLES`` against the models and compares both ways record by record.
Whatever the driver refuses is read the store's way, which says what is wrong.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mpn_desktop.domain.dates import Month
from mpn_desktop.domain.enums import (
    Association,
    CredentialKind,
    Level,
    Market,
    ReferenceStatus,
    Workload,
)
from mpn_desktop.lazy_modules import LazyModule
from mpn_desktop.store.changes import RecordKind
from mpn_desktop.store.collector import collector_paused
from mpn_desktop.store.database import Database
from mpn_desktop.store.fact_columns import Convert, converted_column
from mpn_desktop.store.schema_fields import SPECS
from mpn_desktop.store.sqlite_files import BUSY_TIMEOUT_MS, plain_sqlite_file
from mpn_desktop.store.sqlite_values import day, flag, member, moment, money, month

if TYPE_CHECKING:
    from mpn_desktop.store import records, usage_cells
else:
    records = LazyModule("mpn_desktop.store.records")
    usage_cells = LazyModule("mpn_desktop.store.usage_cells")

Record = dict[str, Any]

TABLES: dict[RecordKind, tuple[str, tuple[tuple[str, Convert | None], ...]]] = {
    RecordKind.ORGANIZATION: (
        "organization",
        (
            ("id", None),
            ("name", None),
            ("mpn_id", None),
            ("market", member(Market)),
            ("anniversary", day),
            ("version", None),
        ),
    ),
    RecordKind.TARGET: ("targets", (("id", None), ("competency", None), ("level", member(Level)))),
    RecordKind.CUSTOMER: (
        "customers",
        (
            ("id", None),
            ("name", None),
            ("tenant_id", None),
            ("import_batch_id", None),
            ("version", None),
        ),
    ),
    RecordKind.SUBSCRIPTION: (
        "subscriptions",
        (
            ("id", None),
            ("external_id", None),
            ("customer_id", None),
            ("workload", member(Workload)),
            ("association", member(Association)),
            ("associated_on", day),
            ("started_on", day),
            ("ended_on", day),
            ("trial", flag),
            ("import_batch_id", None),
            ("version", None),
        ),
    ),
    RecordKind.USAGE: (
        "usage",
        (
            ("id", None),
            ("subscription_id", None),
            # A Month for the user (``records._to_user``), one per distinct month.
            ("month", month),
            ("consumption_usd", money),
            ("revenue_usd", money),
            ("active_users", None),
            ("service", None),
            ("paid_seats", None),
            ("source", None),
            ("import_batch_id", None),
            ("version", None),
        ),
    ),
    RecordKind.PERSON: (
        "people",
        (
            ("id", None),
            ("name", None),
            ("email", None),
            ("mcp_id", None),
            ("associated", flag),
            ("left_on", day),
            ("import_batch_id", None),
            ("version", None),
        ),
    ),
    RecordKind.EXAM: (
        "exam_results",
        (
            ("id", None),
            ("person_id", None),
            ("exam_code", None),
            ("exam_title", None),
            ("passed_on", day),
            ("kind", member(CredentialKind)),
            ("import_batch_id", None),
            ("version", None),
        ),
    ),
    RecordKind.REFERENCE: (
        "customer_references",
        (
            ("id", None),
            ("customer_id", None),
            ("competency", None),
            ("status", member(ReferenceStatus)),
            ("submitted_on", day),
            ("approved_on", day),
            ("contact", None),
            ("version", None),
        ),
    ),
    RecordKind.FEE_PAYMENT: (
        "fee_payments",
        (
            ("id", None),
            ("membership_year_start", day),
            ("level", member(Level)),
            ("amount_usd", money),
            ("paid_on", day),
            ("version", None),
        ),
    ),
    RecordKind.IMPORT_BATCH: (
        "import_batches",
        (
            ("id", None),
            ("file_name", None),
            ("sha256", None),
            ("imported_at", moment),
            ("added_count", None),
            ("duplicate_count", None),
            ("error_count", None),
            ("people_added_count", None),
            ("kind", None),
            ("source", None),
            ("replaced_count", None),
            ("customers_added_count", None),
            ("subscriptions_added_count", None),
            ("months_choice", None),
        ),
    ),
}
"""Each kind's table and its columns in the models' order, with the conversion of each."""


def list_records(
    db: Database, kind: RecordKind, where: tuple[str, object] | None = None
) -> list[Record]:
    """``records.list_records``: every record of ``kind`` by id, Python-typed; ``where``
    (column, value): only those whose column holds that value (None: is empty).

    A plain SQLite file is read with the driver even once the engine is made (as
    ``window_usage_apart`` reads): a table's rows read through SQLAlchemy held the
    interpreter lock for the whole read (75,282 usage rows, "Show all usage": 420-660 ms,
    the window's GUI thread stopped meanwhile), the driver's for 20-70 ms. The store keeps
    the file in WAL mode: a connection of its own sees every committed write."""
    path = plain_sqlite_file(db.url)
    if path is not None:
        try:
            with collector_paused():
                if where is None:
                    return _rows(path, kind, "ORDER BY id", ())
                name, value = where
                if name not in {column for column, _convert in TABLES[kind][1]}:
                    raise KeyError(name)  # a programming error: never a column of the user's
                if value is None:
                    return _rows(path, kind, f'WHERE "{name}" IS NULL ORDER BY id', ())
                return _rows(path, kind, f'WHERE "{name}" = ? ORDER BY id', (value,))
        except sqlite3.Error:
            pass  # the store's way says what is wrong
    return records.list_records(db, kind, where)


def get_record(db: Database, kind: RecordKind, record_id: int) -> Record | None:
    """``records.get_record``: one record by id, or None."""
    path = _driver_file(db)
    if path is not None:
        try:
            found = _rows(path, kind, "WHERE id = ?", (record_id,))
        except sqlite3.Error:
            pass
        else:
            return found[0] if found else None
    return records.get_record(db, kind, record_id)


def get_organization(db: Database) -> Record | None:
    """``records.get_organization``: the organisation's fields, or None before it is entered."""
    return get_record(db, RecordKind.ORGANIZATION, 1)


def get_targets(db: Database) -> dict[str, Level]:
    """``records.get_targets``: competency id -> level, in the order they were set."""
    if _driver_file(db) is None:
        return records.get_targets(db)
    return {row["competency"]: row["level"] for row in list_records(db, RecordKind.TARGET)}


def get_designation_targets(db: Database) -> tuple[str, ...]:
    """``records.get_designation_targets``: the designations aimed for, in the order set."""
    path = _driver_file(db)
    if path is not None:
        try:
            connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)
            try:
                rows = connection.execute(
                    "SELECT designation FROM designation_targets ORDER BY id"
                ).fetchall()
            finally:
                connection.close()
        except sqlite3.Error:
            pass
        else:
            return tuple(designation for (designation,) in rows)
    return records.get_designation_targets(db)


def reads_with_driver(db: Database) -> bool:
    """Whether reads of ``db`` take the driver's way now (a plain SQLite file, no engine yet)."""
    return _driver_file(db) is not None


def _driver_file(db: Database) -> Path | None:
    """The file to read with the driver: a plain SQLite file whose engine is not made yet."""
    return None if db.has_engine else plain_sqlite_file(db.url)


def _rows(path: Path, kind: RecordKind, where: str, parameters: Sequence[Any]) -> list[Record]:
    table, columns = TABLES[kind]
    names = [name for name, _convert in columns]
    listed = ", ".join(f'"{name}"' for name in names)
    connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        rows = connection.execute(f'SELECT {listed} FROM "{table}" {where}', parameters).fetchall()
    finally:
        connection.close()
    if not rows:
        return []
    # Column by column: each conversion runs once per distinct value (usage repeats months).
    converted = [
        converted_column(values, convert)
        for values, (_name, convert) in zip(zip(*rows, strict=True), columns, strict=True)
    ]
    return [dict(zip(names, row, strict=True)) for row in zip(*converted, strict=True)]


def is_versioned_kind(kind: RecordKind) -> bool:
    """``records.is_versioned_kind``: whether records of ``kind`` carry a version."""
    return any(name == "version" for name, _convert in TABLES[kind][1])


def row_versions(db: Database, kind: RecordKind) -> dict[int, int]:
    """``records.row_versions``: every record of ``kind``, id -> version."""
    path = _driver_file(db)
    if path is not None:
        try:
            connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)
            try:
                table = TABLES[kind][0]
                return dict(connection.execute(f'SELECT id, version FROM "{table}"').fetchall())
            finally:
                connection.close()
        except sqlite3.Error:
            pass
    return records.row_versions(db, kind)


def count_dependants(
    db: Database, kind: RecordKind, record_ids: Iterable[int]
) -> dict[RecordKind, int]:
    """``records.count_dependants``: how many records of each other kind deleting
    ``record_ids`` would take along (the question before a delete, in an idle window)."""
    ids = list(record_ids)
    path = _driver_file(db)
    if path is not None:
        try:
            connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)
            try:
                counts: dict[RecordKind, int] = {}
                _count_dependants(connection, kind, ids, counts)
            finally:
                connection.close()
        except sqlite3.Error:
            pass
        else:
            counts.pop(kind, None)  # as the store counts: the records themselves are not
            return counts
    return records.count_dependants(db, kind, ids)


_IDS_AT_ONCE = 500
"""Ids bound in one ``IN (...)``: well under SQLite's limit on a statement's variables."""


def _count_dependants(
    connection: sqlite3.Connection, kind: RecordKind, ids: list[int], counts: dict[RecordKind, int]
) -> None:
    """Adds the records depending on ``ids`` of ``kind``, and theirs, to ``counts`` (the rows
    ``records._collect`` finds, by the same ``SPECS`` dependants)."""
    for child_kind, column in SPECS[kind].dependants:
        table = TABLES[child_kind][0]
        child_ids: list[int] = []
        for start in range(0, len(ids), _IDS_AT_ONCE):
            chunk = ids[start : start + _IDS_AT_ONCE]
            marks = ", ".join("?" * len(chunk))
            found = connection.execute(
                f'SELECT id FROM "{table}" WHERE "{column}" IN ({marks})', chunk
            ).fetchall()
            child_ids.extend(child_id for (child_id,) in found)
        if child_ids:
            counts[child_kind] = counts.get(child_kind, 0) + len(child_ids)
            _count_dependants(connection, child_kind, child_ids, counts)


USAGE_FIGURES = ("consumption_usd", "revenue_usd", "active_users", "paid_seats")
"""``usage_cells.FIELDS``: the usage figures a grid cell can hold."""


def window_usage(db: Database, first: Month, last: Month) -> list[dict[str, Any]]:
    """``usage_cells.window_usage``: the usage rows of the months ``first`` to ``last`` for the
    Usage by month grid, in the same order."""
    return _window_usage_read(_driver_file(db), db, first, last)


def window_usage_apart(db: Database, first: Month, last: Month) -> list[dict[str, Any]]:
    """``window_usage`` for a worker thread: a plain SQLite file is read with the driver on a
    connection of its own even once the engine is made, so that the engine closing meanwhile
    (the window closed, another database opened) cannot pull a connection from under it."""
    return _window_usage_read(plain_sqlite_file(db.url), db, first, last)


def _window_usage_read(
    path: Path | None, db: Database, first: Month, last: Month
) -> list[dict[str, Any]]:
    """The window's usage rows read from ``path`` with the driver, else (no path, or the
    driver refused it) by the store."""
    if path is not None:
        try:
            with collector_paused():
                return _window_usage(path, first, last)
        except sqlite3.Error:
            pass
    return usage_cells.window_usage(db, first, last)


def _window_usage(path: Path, first: Month, last: Month) -> list[dict[str, Any]]:
    converts = dict(TABLES[RecordKind.USAGE][1])
    figures = ", ".join(f'"{name}"' for name in USAGE_FIGURES)
    connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        # The store's query as SQLAlchemy writes it, so the rows come in the same order.
        rows = connection.execute(
            "SELECT subscription_id, month, service != ? OR source != ?, "
            f"{figures} FROM usage WHERE month >= ? AND month <= ?",
            ("", "", first.first_day.isoformat(), last.first_day.isoformat()),
        ).fetchall()
    finally:
        connection.close()
    if not rows:
        return []
    columns = list(zip(*rows, strict=True))
    months = converted_column(columns[1], month)
    values = [
        converted_column(columns[3 + at], converts[name]) for at, name in enumerate(USAGE_FIGURES)
    ]
    return [
        {
            "subscription_id": subscription_id,
            "month": shown_month,
            "part": bool(part),
            **dict(zip(USAGE_FIGURES, figures_of_row, strict=True)),
        }
        for subscription_id, shown_month, part, *figures_of_row in zip(
            columns[0], months, columns[2], *values, strict=True
        )
    ]
