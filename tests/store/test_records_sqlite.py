"""The window's record reads with the sqlite3 driver equal the store's, record by record.

An idle window on a plain SQLite file reads its tables this way, without
importing SQLAlchemy (issue 15); every column must come back as the store's
column types give it, and ``TABLES`` must follow the models.
"""

from __future__ import annotations

import sqlite3
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Boolean, Date, DateTime, Enum, Numeric

from mpn_desktop.domain.dates import Month
from mpn_desktop.domain.designations import DESIGNATION_IDS
from mpn_desktop.errors import MpnError
from mpn_desktop.store import models, records, records_sqlite, sqlite_values, usage_cells
from mpn_desktop.store.changes import RecordKind
from mpn_desktop.store.database import Database
from mpn_desktop.store.schema_fields import SPECS

pytestmark = pytest.mark.sqlite_only


def _expected_conversion(kind: RecordKind, column: Any) -> object:
    """What the column's SQLAlchemy type does to the stored value, as ``sqlite_values`` names it."""
    column_type = column.type
    if kind is RecordKind.USAGE and column.key == "month":
        return sqlite_values.month  # records hands usage months over as Month
    if isinstance(column_type, Enum):
        return column_type.enum_class
    if isinstance(column_type, DateTime):
        return sqlite_values.moment
    if isinstance(column_type, Date):
        return sqlite_values.day
    if isinstance(column_type, Numeric):
        assert column_type.scale == 2
        return sqlite_values.money
    if isinstance(column_type, Boolean):
        return sqlite_values.flag
    return None


def test_the_tables_follow_the_models() -> None:
    assert set(records_sqlite.TABLES) == set(RecordKind)
    for kind, (table_name, columns) in records_sqlite.TABLES.items():
        table: Any = SPECS[kind].model.__table__
        assert table_name == table.name
        assert [name for name, _ in columns] == models.column_names(SPECS[kind].model)
        for name, convert in columns:
            assert convert == _expected_conversion(kind, table.c[name]), (kind, name)
        assert records_sqlite.is_versioned_kind(kind) == records.is_versioned_kind(kind)


def _with_an_import_batch(db: Database) -> None:
    with db.session() as session:
        # Two designations aimed for, in an order other than the alphabet's.
        for designation in sorted(DESIGNATION_IDS, reverse=True)[:2]:
            session.add(models.DesignationTarget(designation=designation))
        session.add(
            models.ImportBatch(
                file_name="exams.csv",
                sha256="0" * 64,
                imported_at=datetime(2018, 3, 15, 10, 30, 5, 123456),
                added_count=3,
            )
        )


def _reopened(db: Database) -> Database:
    """The same file opened as start-up opens it: the engine not made yet."""
    db.close()
    return Database.open(db.url, engine_later=True)


def test_the_driver_reads_what_the_store_reads(demo_db: Database) -> None:
    _with_an_import_batch(demo_db)
    expected = {kind: records.list_records(demo_db, kind) for kind in RecordKind}
    versions = {
        kind: records.row_versions(demo_db, kind)
        for kind in RecordKind
        if records.is_versioned_kind(kind)
    }
    organization = records.get_organization(demo_db)
    targets = records.get_targets(demo_db)
    designations = records.get_designation_targets(demo_db)
    assert targets, "the sample aims for competencies"
    later = _reopened(demo_db)
    try:
        for kind in RecordKind:
            read = records_sqlite.list_records(later, kind)
            assert read == expected[kind], kind
            # Equal Decimals may differ in their digits (1250.5, 1250.50): a table would show it.
            assert repr(read) == repr(expected[kind]), kind
            assert read, kind  # the sample holds records of every kind
            first = read[0]
            assert records_sqlite.get_record(later, kind, first["id"]) == first
            assert records_sqlite.get_record(later, kind, 999_999) is None
        for kind, found in versions.items():
            assert records_sqlite.row_versions(later, kind) == found
        assert records_sqlite.get_organization(later) == organization
        assert records_sqlite.get_targets(later) == targets
        assert list(records_sqlite.get_targets(later)) == list(targets)  # in the order set
        assert records_sqlite.get_designation_targets(later) == designations
        assert not later.has_engine
    finally:
        later.close()


def test_an_empty_database_has_no_organisation_and_no_records(db: Database) -> None:
    later = _reopened(db)
    try:
        assert records_sqlite.get_organization(later) is None
        assert records_sqlite.list_records(later, RecordKind.USAGE) == []
        assert not later.has_engine
    finally:
        later.close()


def test_reads_go_through_the_engine_once_it_is_made(demo_db: Database) -> None:
    assert demo_db.path is not None
    assert demo_db.has_engine
    assert not records_sqlite.reads_with_driver(demo_db)
    later = _reopened(demo_db)
    try:
        assert records_sqlite.reads_with_driver(later)
        later.engine  # noqa: B018 (a first write makes it)
        assert not records_sqlite.reads_with_driver(later)
    finally:
        later.close()


def test_what_the_driver_refuses_is_read_the_stores_way(db: Database) -> None:
    assert db.path is not None
    path: Path = db.path
    later = _reopened(db)
    with sqlite3.connect(path) as connection:
        connection.execute("DROP TABLE fee_payments")
    try:
        # The store's read says what is wrong, as an error of the program's, never sqlite3's.
        with pytest.raises(MpnError):
            records_sqlite.list_records(later, RecordKind.FEE_PAYMENT)
        assert later.has_engine
    finally:
        later.close()


def test_the_usage_grid_reads_what_the_store_reads(demo_db: Database) -> None:
    assert records_sqlite.USAGE_FIGURES == usage_cells.FIELDS
    months = [(Month(2017, 1), Month(2018, 12)), (Month(2018, 2), Month(2018, 2))]
    months.append((Month(2030, 1), Month(2030, 12)))
    expected = [usage_cells.window_usage(demo_db, first, last) for first, last in months]
    assert expected[0], "the sample holds usage of those months"
    later = _reopened(demo_db)
    try:
        for (first, last), rows in zip(months, expected, strict=True):
            read = records_sqlite.window_usage(later, first, last)
            assert read == rows
            assert repr(read) == repr(rows)
        assert not later.has_engine
    finally:
        later.close()


def test_the_usage_grid_s_worker_reads_with_the_driver_even_with_the_engine_made(
    demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The worker's read must not take a connection of an engine the window may close
    # meanwhile: a plain file is read on a connection of its own, as the store reads it.
    assert demo_db.has_engine
    first, last = Month(2017, 1), Month(2018, 12)
    expected = usage_cells.window_usage(demo_db, first, last)
    monkeypatch.setattr(
        usage_cells, "window_usage", lambda *_args: pytest.fail("read through the engine")
    )
    read = records_sqlite.window_usage_apart(demo_db, first, last)
    assert read == expected and repr(read) == repr(expected)


def test_the_driver_reads_the_records_of_one_value_as_the_store_does(demo_db: Database) -> None:
    usage = records.list_records(demo_db, RecordKind.USAGE)
    subscription = usage[0]["subscription_id"]
    asked: list[tuple[str, object]] = [
        ("subscription_id", subscription),
        ("import_batch_id", None),  # None: the months typed by hand (no import)
        ("subscription_id", 999_999),
    ]
    expected = [records.list_records(demo_db, RecordKind.USAGE, where) for where in asked]
    assert expected[0] == [row for row in usage if row["subscription_id"] == subscription]
    assert expected[1] == [row for row in usage if row["import_batch_id"] is None] != []
    assert expected[2] == []
    later = _reopened(demo_db)
    try:
        for where, found in zip(asked, expected, strict=True):
            read = records_sqlite.list_records(later, RecordKind.USAGE, where)
            assert repr(read) == repr(found), where
        with pytest.raises(KeyError):
            records_sqlite.list_records(later, RecordKind.USAGE, ("id; DROP TABLE usage", 1))
        assert not later.has_engine
    finally:
        later.close()


def test_a_delete_s_dependants_are_counted_as_the_store_counts_them(
    demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The question before a delete ("Delete Fabrikam, its 2 subscriptions, …?") counted
    # through SQLAlchemy while the idle window read everything else with the driver.
    _with_an_import_batch(demo_db)
    with demo_db.session() as session:  # more people than one IN (...) binds
        for number in range(600):
            person = models.Person(name=f"Person {number}", mcp_id=str(9_000_000 + number))
            person.exams.append(models.ExamResult(exam_code="70-533", passed_on=date(2018, 1, 2)))
            session.add(person)
    chosen = {
        kind: [record["id"] for record in records.list_records(demo_db, kind)]
        for kind in RecordKind
    }
    cases = [(kind, ids[:1]) for kind, ids in chosen.items()]
    cases += list(chosen.items())  # every record: more people than one IN (...) binds
    cases.append((RecordKind.CUSTOMER, [999_999]))
    expected = [records.count_dependants(demo_db, kind, ids) for kind, ids in cases]
    assert expected[len(chosen) + list(chosen).index(RecordKind.PERSON)][RecordKind.EXAM] > 600
    later = _reopened(demo_db)
    monkeypatch.setattr(records, "count_dependants", None)  # the store's way is not taken
    try:
        for (kind, ids), counts in zip(cases, expected, strict=True):
            assert records_sqlite.count_dependants(later, kind, iter(ids)) == counts, kind
        assert not later.has_engine
    finally:
        later.close()


def test_a_tables_records_are_read_with_the_driver_once_the_engine_is_made(
    demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Once a write made the engine, a table's records still come from the driver (the
    window's large reads held the interpreter lock ten times longer through SQLAlchemy),
    equal to the store's; a write is seen at once."""
    assert demo_db.has_engine
    stored = {
        kind: records.list_records(demo_db, kind) for kind in (RecordKind.USAGE, RecordKind.PERSON)
    }

    def refused(*_args: object, **_kwargs: object) -> list[dict[str, object]]:
        raise AssertionError("read through the engine")

    monkeypatch.setattr(records, "list_records", refused)
    for kind, found in stored.items():
        assert records_sqlite.list_records(demo_db, kind) == found
    person = stored[RecordKind.PERSON][0]
    assert records_sqlite.list_records(demo_db, RecordKind.PERSON, ("id", person["id"])) == [person]
    monkeypatch.undo()
    records.update_record(demo_db, RecordKind.PERSON, person["id"], {"name": "Renamed Person"})
    (renamed,) = records_sqlite.list_records(demo_db, RecordKind.PERSON, ("id", person["id"]))
    assert renamed["name"] == "Renamed Person"
