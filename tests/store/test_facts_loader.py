"""The facts loader: the stored organisation as domain Facts, in a few set-based queries."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sql_trace import selects, traced_statements

from mpn_desktop.catalog_files import load_catalog
from mpn_desktop.domain import facts
from mpn_desktop.domain.column_rows import ConvertedColumn
from mpn_desktop.domain.dates import Month
from mpn_desktop.domain.enums import Association, CredentialKind, Level, ReferenceStatus
from mpn_desktop.domain.evaluate import evaluate
from mpn_desktop.domain.performance import usage_window_start
from mpn_desktop.errors import StoreError
from mpn_desktop.store.database import Database
from mpn_desktop.store.documents import document_from_facts, load_document
from mpn_desktop.store.facts_loader import EMPTY_ORGANIZATION, load_facts
from mpn_desktop.store.facts_sqlite import facts_of_file
from mpn_desktop.store.sample import sample_document


def test_an_empty_database_gives_empty_facts(db: Database) -> None:
    assert load_facts(db) == facts.Facts(organization=EMPTY_ORGANIZATION)


def test_facts_match_the_stored_document(demo_db: Database) -> None:
    loaded = load_facts(demo_db)
    document = sample_document(date(2018, 3, 15))
    assert loaded.organization.name == "Contoso Cloud Ltd"
    assert loaded.targets[0] == facts.Target("cloud-platform", Level.GOLD)
    assert len(loaded.usage) == len(document["usage"])
    assert len(loaded.exams) == len(document["exams"])
    northwind = next(s for s in loaded.subscriptions if s.id == "sub-northwind-azure")
    assert northwind.customer == "Northwind Traders"
    assert northwind.association is Association.TRANSACTING
    assert northwind.associated_on > northwind.started_on
    first_usage = loaded.usage[0]
    assert isinstance(first_usage.month, Month)
    assert isinstance(first_usage.consumption_usd, Decimal)
    ta = next(e for e in loaded.exams if e.exam_code == "TA-EMS-MDM")
    assert ta.kind is CredentialKind.ASSESSMENT and ta.mcp_id == "5678901"
    assert loaded.references[0].status is ReferenceStatus.APPROVED
    assert loaded.references[0].contact == "Jane Doe, CIO"


def test_loading_takes_one_query_per_kind_of_record(demo_db: Database) -> None:
    with traced_statements(demo_db) as statements:
        facts = load_facts(demo_db)
    # Nine tables of facts and the designations aimed for: ten queries, whatever the rows.
    assert len(selects(statements)) == 10
    assert len(facts.usage) > 10 and len(facts.exams) > 10, "more rows than queries"


def test_stored_facts_come_back_equal(demo_db: Database, tmp_path: Path) -> None:
    original = load_facts(demo_db)
    with Database.open(f"sqlite:///{tmp_path / 'copy.sqlite3'}") as copy_db:
        load_document(copy_db, document_from_facts(original))
        assert load_facts(copy_db) == original


def test_usage_from_leaves_out_earlier_months_and_evaluates_the_same(demo_db: Database) -> None:
    from mpn_desktop.catalog_files import load_catalog
    from mpn_desktop.domain.evaluate import evaluate
    from mpn_desktop.domain.performance import usage_window_start

    as_of = date(2018, 3, 15)
    start = usage_window_start(as_of)
    assert start == Month(2017, 3)
    everything = load_facts(demo_db)
    windowed = load_facts(demo_db, usage_from=start)
    assert windowed.usage == tuple(row for row in everything.usage if row.month >= start)
    assert len(windowed.usage) < len(everything.usage)
    catalog = load_catalog()
    assert evaluate(catalog, windowed, as_of) == evaluate(catalog, everything, as_of)


def test_a_table_gone_from_the_file_is_a_store_error_naming_it(
    demo_db: Database, tmp_path: Path
) -> None:
    if demo_db.path is None:
        pytest.skip("the file is changed with the sqlite3 driver")
    with sqlite3.connect(demo_db.path) as connection:
        connection.execute("DROP TABLE fee_payments")
    with pytest.raises(StoreError, match="no such table: fee_payments") as raised:
        load_facts(demo_db)
    assert str(demo_db.path) in str(raised.value)


def test_the_kind_of_each_result_is_converted_only_when_first_read(demo_db: Database) -> None:
    catalog = load_catalog(None)
    both = [load_facts(demo_db)]
    if demo_db.path is not None:  # a SQLite file: the driver's reader too
        both.append(facts_of_file(demo_db.path))
    for loaded in both:
        kinds = loaded.exams.columns.kind
        assert isinstance(kinds, ConvertedColumn)
        evaluate(catalog, loaded, date(2018, 3, 15))
        assert not kinds.converted, "the rules never read it"
        ta = next(e for e in loaded.exams if e.exam_code == "TA-EMS-MDM")
        assert kinds.converted and ta.kind is CredentialKind.ASSESSMENT
        assert set(kinds) == {CredentialKind.EXAM, CredentialKind.ASSESSMENT}


def _both_readers(db: Database) -> list[facts.Facts]:
    """The facts as ``load_facts`` reads them, and as the driver's reader does from a file."""
    both = [load_facts(db)]
    if db.path is not None:
        both.append(facts_of_file(db.path))
    return both


def test_exam_days_are_dates_when_loaded(demo_db: Database) -> None:
    expected = [exam.passed_on for exam in load_facts(demo_db).exams]
    for loaded in _both_readers(demo_db):
        days = loaded.exams.columns.passed_on
        assert type(days) is tuple and all(type(day) is date for day in days)
        assert list(days) == expected


def test_each_exam_code_is_one_object_however_many_results_write_it(demo_db: Database) -> None:
    """SQLite hands a new str over for every row; the people index looks the codes up by
    the thousand, and a shared object is hashed once and equal by identity."""
    for loaded in _both_readers(demo_db):
        codes = loaded.exams.columns.exam_code
        assert len(codes) > len(set(codes)), "the sample writes codes several times"
        assert len({id(code) for code in codes}) == len(set(codes))


def test_each_service_is_one_object_however_many_usage_rows_write_it(demo_db: Database) -> None:
    """As the exam codes: the designations' sums look each row's service up."""
    if demo_db.path is None:
        pytest.skip("the file is changed with the sqlite3 driver")
    written = ("Storage", "Key Vault", "", "Virtual Machines")
    with sqlite3.connect(demo_db.path) as connection:
        connection.execute(
            "UPDATE usage SET service = CASE id % 4 WHEN 0 THEN ? WHEN 1 THEN ? WHEN 2 THEN ?"
            " ELSE ? END",
            written,
        )
    for loaded in _both_readers(demo_db):
        services = loaded.usage.columns.service
        assert set(services) == set(written) and len(services) > 2 * len(written)
        assert len({id(service) for service in services}) == len(written)


@pytest.mark.parametrize("written", ["2018-13-45", "2018-02-30", "2017-00-10"])
def test_an_exam_day_that_is_no_day_is_refused_at_load(demo_db: Database, written: str) -> None:
    """Text of the day's shape that no calendar has (a file changed by another program) is
    refused by both readers as a day, not compared as text (session 9's leftover 2)."""
    if demo_db.path is None:
        pytest.skip("the file is changed with the sqlite3 driver")
    with sqlite3.connect(demo_db.path) as connection:
        connection.execute(
            "UPDATE exam_results SET passed_on = ? WHERE id = (SELECT max(id) FROM exam_results)",
            (written,),
        )
    with pytest.raises(ValueError):
        load_facts(demo_db)
    with pytest.raises(ValueError):
        facts_of_file(demo_db.path)


def test_usage_money_and_ids_are_converted_only_as_far_as_the_rules_read_them(
    demo_db: Database,
) -> None:
    catalog = load_catalog(None)
    as_of = date(2018, 3, 15)
    # The day's window, as the window and the commands load it: each subscription's rows
    # are a run, added up by slices.
    start = usage_window_start(as_of)
    both = [load_facts(demo_db, usage_from=start)]
    if demo_db.path is not None:  # a SQLite file: the driver's reader too
        both.append(facts_of_file(demo_db.path, usage_from=start))
    # The same usage as records (a tuple of Usage, of a load of its own), converted as made.
    records = replace(both[0], usage=tuple(load_facts(demo_db, usage_from=start).usage))
    expected = evaluate(catalog, records, as_of)
    for loaded in both:
        held = loaded.usage.held_columns
        subscriptions, consumption, revenue = (
            held.subscription,
            held.consumption_usd,
            held.revenue_usd,
        )
        assert isinstance(subscriptions, ConvertedColumn)
        assert evaluate(catalog, loaded, as_of) == expected
        assert not subscriptions.converted, "the rows grouped by the ids as stored"
        if demo_db.path is None:  # PostgreSQL's driver hands Decimals over: nothing to convert
            assert type(consumption) is tuple and type(revenue) is tuple
        else:
            assert isinstance(consumption, ConvertedColumn)
            assert isinstance(revenue, ConvertedColumn)
            assert not consumption.converted and not revenue.converted, "the totals' slices"
        # Read by column elsewhere (value by value): converted then, as the records hold it.
        columns = loaded.usage.columns
        assert all(type(column) is tuple for column in columns)
        assert columns == records.usage.columns


_AMOUNTS = (
    (0.1 + 0.2, "0.30"),
    (12345678.91, "12345678.91"),
    # Exactly half a cent: to even, as the column's "%.2f" reads it (SQLite's round(12.5),
    # the way to integer cents rejected in 584c46f, gives 13).
    (0.125, "0.12"),
    (2.675, "2.67"),  # a hair under 2.675 as a float
    (5.0, "5.00"),  # stored by SQLite as the integer 5
    (99999999999.99, "99999999999.99"),
)
"""Usage money as SQLite holds it (a float, or an integer when whole), and as the store's
``Numeric(14, 2)`` reads it."""


def test_usage_money_read_by_slices_is_each_stored_amount_with_two_decimals(
    demo_db: Database,
) -> None:
    """Both readers hand the money over to be converted when first read; a slice read before
    the whole (the designations' sums) gives what the column type gives, digit for digit."""
    if demo_db.path is None:
        pytest.skip("the file is changed with the sqlite3 driver")
    with sqlite3.connect(demo_db.path) as connection:
        ids = [row[0] for row in connection.execute("SELECT id FROM usage ORDER BY id LIMIT 6")]
        connection.executemany(
            "UPDATE usage SET consumption_usd = ?, revenue_usd = ? WHERE id = ?",
            [(stored, stored, at) for (stored, _), at in zip(_AMOUNTS, ids, strict=True)],
        )
    read = [written for _, written in _AMOUNTS]
    for loaded in (load_facts(demo_db), facts_of_file(demo_db.path)):
        held = loaded.usage.held_columns
        for column in (held.consumption_usd, held.revenue_usd):
            assert isinstance(column, ConvertedColumn)
            assert [str(amount) for amount in column[: len(read)]] == read
            assert not column.converted, "a slice converts only itself"
            assert [str(amount) for amount in column.values()[: len(read)]] == read


@pytest.mark.parametrize("column", ["exam_title", "exam_code", "passed_on"])
def test_exam_text_that_is_not_utf8_is_refused_at_load_naming_the_column(
    demo_db: Database, column: str
) -> None:
    """Both readers refuse a stored value that is not UTF-8 in the driver's words (a reader
    fetching text as bytes to decode it later must say the same: tried, see git history)."""
    if demo_db.path is None:
        pytest.skip("the file is changed with the sqlite3 driver")
    with sqlite3.connect(demo_db.path) as connection:
        connection.execute(
            f"UPDATE exam_results SET {column} = CAST(x'41ff42' AS TEXT)"
            " WHERE id = (SELECT max(id) FROM exam_results)"
        )
    said = f"Could not decode to UTF-8 column '{column}' with text 'A\ufffdB'"
    with pytest.raises(StoreError, match=said):
        load_facts(demo_db)
    with pytest.raises(sqlite3.OperationalError, match=said):
        facts_of_file(demo_db.path)


@pytest.mark.parametrize(
    ("field", "rows", "record"),
    [
        ("people", facts.PeopleRows, facts.Person),
        ("subscriptions", facts.SubscriptionRows, facts.Subscription),
        ("customers", facts.CustomerRows, facts.Customer),
    ],
)
def test_people_subscriptions_and_customers_are_loaded_by_column_without_a_record_each(
    demo_db: Database, monkeypatch: pytest.MonkeyPatch, field: str, rows: type, record: type
) -> None:
    made: list[object] = []

    def counted(*fields: Any) -> object:
        made.append(fields)
        return record(*fields)

    monkeypatch.setattr(rows, "record", staticmethod(counted))
    both = [load_facts(demo_db)]
    if demo_db.path is not None:  # a SQLite file: the driver's reader too
        both.append(facts_of_file(demo_db.path))
    for loaded in both:
        held = getattr(loaded, field)
        assert isinstance(held, rows) and len(held) > 2
        assert made == [], "records are made when read (the rules read columns, or nothing)"
        assert list(held) == [record(*fields) for fields in made]
        made.clear()
