"""The facts of a SQLite file read with the sqlite3 driver alone: ``status`` and ``checklist``.

Those commands read the organisation once and end; importing SQLAlchemy and
its ORM (the models) for that one read was half of their time (issue 15).
For a plain SQLite file opened without its engine (``Database.open(...,
engine_later=True)``) the same queries as ``facts_loader`` are run on the
driver, and each column converted as SQLAlchemy's SQLite types convert it
(ISO days, money with its two decimals, enum values, 0/1 flags), so the
facts are equal; a test compares both loaders on the sample and the large
organisation. Any other database goes through ``facts_loader``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from mpn_desktop.domain import facts
from mpn_desktop.domain.customer_rows import CustomerRows
from mpn_desktop.domain.dates import Month
from mpn_desktop.domain.enums import (
    Association,
    CredentialKind,
    Level,
    Market,
    ReferenceStatus,
    Workload,
)
from mpn_desktop.domain.exam_rows import ExamRows
from mpn_desktop.domain.people_rows import PeopleRows
from mpn_desktop.domain.reference_rows import ReferenceRows
from mpn_desktop.domain.subscription_rows import SubscriptionRows
from mpn_desktop.domain.usage_rows import UsageRows
from mpn_desktop.store.collector import collector_paused
from mpn_desktop.store.database import Database
from mpn_desktop.store.fact_columns import (
    Convert,
    converted_column,
    converted_later,
    look_up,
    looked_up_later,
    names_by_id,
    shared,
)
from mpn_desktop.store.loaded_facts import LoadedFacts
from mpn_desktop.store.sqlite_files import BUSY_TIMEOUT_MS, plain_sqlite_file
from mpn_desktop.store.sqlite_values import day, flag, member, money, month


def read_facts(db: Database, *, usage_from: Month | None = None) -> facts.Facts:
    """``facts_loader.load_facts``'s answer: from the file with the driver when ``db`` is a plain
    SQLite file whose engine is not made yet, else through SQLAlchemy."""
    path = plain_sqlite_file(db.url)
    if path is not None and not db.has_engine:
        with collector_paused():
            return facts_of_file(path, usage_from=usage_from)
    from mpn_desktop.store.facts_loader import load_facts

    return load_facts(db, usage_from=usage_from)


def read_indexed_facts(db: Database, *, usage_from: Month | None = None) -> LoadedFacts:
    """``facts_loader.load_indexed_facts``'s answer, read as ``read_facts`` reads: the window's
    first evaluation, so that an idle window needs no SQLAlchemy (issue 15). A file the
    driver cannot read goes through SQLAlchemy, which says what is wrong."""
    path = plain_sqlite_file(db.url)
    if path is not None and not db.has_engine:
        try:
            with collector_paused():
                return indexed_facts_of_file(path, usage_from=usage_from)
        except sqlite3.Error:
            pass
    from mpn_desktop.store.facts_loader import load_indexed_facts

    return load_indexed_facts(db, usage_from=usage_from)


def facts_of_file(path: Path, *, usage_from: Month | None = None) -> facts.Facts:
    """Everything about the organisation in the SQLite file ``path``, in one read transaction."""
    return _read_file(path, usage_from)[0]


def indexed_facts_of_file(path: Path, *, usage_from: Month | None = None) -> LoadedFacts:
    """The same with the row ids and id maps one-row updates need (``LoadedFacts``)."""
    found, reader = _read_file(path, usage_from)
    return LoadedFacts(
        found,
        usage_from,
        reader.ids,
        reader.customer_names,
        reader.subscription_ids,
        reader.mcp_ids,
    )


def _read_file(path: Path, usage_from: Month | None) -> tuple[facts.Facts, _Reader]:
    connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    try:
        # One snapshot for every query, as the store's read sessions (BEGIN DEFERRED).
        connection.execute("BEGIN DEFERRED")
        try:
            reader = _Reader(connection)
            return reader.read(usage_from), reader
        finally:
            connection.execute("ROLLBACK")
    finally:
        connection.close()


class _Reader:
    """Runs ``facts_loader``'s queries on one connection and makes the domain's facts."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._connection = connection
        # What ``LoadedFacts`` holds besides the facts, filled by ``read``.
        self.ids: dict[str, tuple[int, ...]] = {}
        self.customer_names: dict[int, str] = {}
        self.subscription_ids: dict[int, str] = {}
        self.mcp_ids: dict[int, str] = {}

    def _columns(
        self,
        sql: str,
        converts: Sequence[Convert | None],
        parameters: Sequence[Any] = (),
        later: frozenset[int] = frozenset(),
    ) -> list[Sequence[Any]]:
        """The columns of ``sql``'s rows, each converted by its ``converts`` (those at the
        positions ``later`` when first read)."""
        rows = self._connection.execute(sql, parameters).fetchall()
        if not rows:
            return []
        columns = zip(*rows, strict=True)
        return [
            converted_later(column, convert)
            if position in later
            else converted_column(column, convert)
            for position, (column, convert) in enumerate(zip(columns, converts, strict=True))
        ]

    def _rows(
        self, sql: str, converts: Sequence[Convert | None], make: Callable[..., Any]
    ) -> tuple[Any, ...]:
        columns = self._columns(sql, converts)
        return tuple(map(make, *columns)) if columns else ()

    def read(self, usage_from: Month | None) -> facts.Facts:
        organization = self._organization()
        targets = self._rows(
            "SELECT competency, level FROM targets ORDER BY id",
            (None, member(Level)),
            facts.Target,
        )
        designations = self._columns(
            "SELECT designation FROM designation_targets ORDER BY id", (None,)
        )
        customer_columns = self._columns(
            "SELECT id, name, tenant_id FROM customers ORDER BY id", (None, None, None)
        )
        customer_names = names_by_id(customer_columns, 1)
        subscription_columns = self._columns(
            "SELECT id, external_id, customer_id, workload, association, associated_on,"
            " started_on, ended_on, trial FROM subscriptions ORDER BY id",
            (None, None, None, member(Workload), member(Association), day, day, day, flag),
        )
        look_up(subscription_columns, 2, customer_names)
        subscription_ids = names_by_id(subscription_columns, 1)
        usage_sql = (
            "SELECT id, subscription_id, month, consumption_usd, revenue_usd, active_users,"
            " service, paid_seats FROM usage"
        )
        parameters: tuple[str, ...] = ()
        if usage_from is not None:
            usage_sql += " WHERE month >= ?"
            parameters = (usage_from.first_day.isoformat(),)
        usage_columns = self._columns(
            usage_sql + " ORDER BY id",
            (None, None, month, money, money, None, shared, None),
            parameters,
            later=frozenset({3, 4}),  # the money: the rules add up a few subscriptions'
        )
        looked_up_later(usage_columns, 1, subscription_ids)  # the rules group the stored ids
        people_columns = self._columns(
            "SELECT id, name, mcp_id, email, associated, left_on FROM people ORDER BY id",
            (None, None, None, None, flag, day),
        )
        mcp_ids = names_by_id(people_columns, 2)
        exam_columns = self._columns(
            "SELECT id, person_id, exam_code, passed_on, exam_title, kind"
            " FROM exam_results ORDER BY id",
            (None, None, shared, day, None, member(CredentialKind)),
            later=frozenset({5}),  # the kind: the rules never read it
        )
        look_up(exam_columns, 1, mcp_ids)
        reference_columns = self._columns(
            "SELECT id, customer_id, competency, status, submitted_on, approved_on, contact"
            " FROM customer_references ORDER BY id",
            (None, None, None, member(ReferenceStatus), day, day, None),
        )
        look_up(reference_columns, 1, customer_names)
        fee_columns = self._columns(
            "SELECT id, membership_year_start, level, amount_usd, paid_on"
            " FROM fee_payments ORDER BY id",
            (None, day, member(Level), money, day),
        )
        self.customer_names, self.subscription_ids, self.mcp_ids = (
            customer_names,
            subscription_ids,
            mcp_ids,
        )
        self.ids = {
            name: tuple(columns[0]) if columns else ()
            for name, columns in (
                ("customers", customer_columns),
                ("subscriptions", subscription_columns),
                ("usage", usage_columns),
                ("people", people_columns),
                ("exams", exam_columns),
                ("references", reference_columns),
                ("fee_payments", fee_columns),
            )
        }
        return facts.Facts(
            organization=organization,
            targets=targets,
            customers=CustomerRows.from_sequences(customer_columns[1:]),
            subscriptions=SubscriptionRows.from_sequences(subscription_columns[1:]),
            usage=UsageRows.from_sequences(usage_columns[1:]),  # by column, the row ids left out
            people=PeopleRows.from_sequences(people_columns[1:]),
            exams=ExamRows.from_sequences(exam_columns[1:]),
            references=ReferenceRows.from_sequences(reference_columns[1:]),
            fee_payments=_made(fee_columns, facts.FeePayment),
            designation_targets=tuple(designations[0]) if designations else (),
        )

    def _organization(self) -> facts.Organization:
        row = self._connection.execute(
            "SELECT name, mpn_id, market, anniversary FROM organization LIMIT 1"
        ).fetchone()
        if row is None:
            return facts.Organization(name="", mpn_id="")  # facts_loader.EMPTY_ORGANIZATION
        name, mpn_id, market, anniversary = row
        return facts.Organization(
            name=name,
            mpn_id=mpn_id,
            market=Market(market),
            anniversary=None if anniversary is None else day(anniversary),
        )


def _made(columns: list[Sequence[Any]], make: Callable[..., Any]) -> tuple[Any, ...]:
    """The domain's records from columns whose first one is the row id."""
    # map() hands each record its fields straight from the columns (no tuple per row).
    return tuple(map(make, *columns[1:])) if columns else ()
