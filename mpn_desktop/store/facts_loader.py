"""Loads the facts the rules engine needs: one set-based query per kind of record.

SQLAlchemy Core selects (no ORM objects): the status panel reloads facts
after every edit, so this must stay fast on a large organisation. Rows are
fetched in one go and each column's type conversion (dates, enums, money)
is remembered per distinct value, as the same dates and enums repeat a lot.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from itertools import starmap
from typing import Any

from sqlalchemy import Connection, Select, select

from mpn_desktop.domain import facts
from mpn_desktop.domain.dates import Month
from mpn_desktop.store import models
from mpn_desktop.store.database import Database

_ORG: Any = models.Organization.__table__
_TARGETS: Any = models.Target.__table__
_CUSTOMERS: Any = models.Customer.__table__
_SUBSCRIPTIONS: Any = models.Subscription.__table__
_USAGE: Any = models.Usage.__table__
_PEOPLE: Any = models.Person.__table__
_EXAMS: Any = models.ExamResult.__table__
_REFERENCES: Any = models.Reference.__table__
_FEES: Any = models.FeePayment.__table__

EMPTY_ORGANIZATION = facts.Organization(name="", mpn_id="")
"""Stands in for the organisation before the user has entered it."""


def _convert_column(values: Sequence[Any], process: Callable[[Any], Any] | None) -> Sequence[Any]:
    if process is None:
        return values
    # Convert each distinct value once; the lookups then run at C speed.
    converted = {value: process(value) for value in set(values)}
    return list(map(converted.__getitem__, values))


def _parameters(compiled: Any) -> Any:
    """The query's bound values, converted for the driver as SQLAlchemy would (None if none)."""
    raw = compiled.construct_params()
    if not raw:
        return None
    dialect = compiled.dialect
    names = list(compiled.positiontup) if dialect.positional else list(raw)
    values = []
    for name in names:
        process = compiled.binds[name].type.dialect_impl(dialect).bind_processor(dialect)
        values.append(process(raw[name]) if process is not None else raw[name])
    return tuple(values) if dialect.positional else dict(zip(names, values, strict=True))


def _fetch(
    connection: Connection,
    query: Select[Any],
    lookups: Mapping[int, Mapping[Any, Any]] | None = None,
    conversions: Mapping[int, Callable[[Any], Any]] | None = None,
) -> Iterable[Sequence[Any]]:
    """All rows of ``query``, fetched at once and converted to Python types.

    ``lookups`` replaces the values of some columns (by position) through a
    mapping, e.g. a customer id by the customer's name: cheaper than a join;
    ``conversions`` turns them into domain values (once per distinct value).
    """
    dialect = connection.dialect
    compiled = query.compile(dialect=dialect)
    rows = connection.exec_driver_sql(str(compiled), _parameters(compiled)).fetchall()
    if not rows:
        return []
    processors = [
        column.type.dialect_impl(dialect).result_processor(dialect, None)
        for column in query.selected_columns
    ]
    columns = [
        _convert_column(values, process)
        for values, process in zip(zip(*rows, strict=True), processors, strict=True)
    ]
    for position, lookup in (lookups or {}).items():
        columns[position] = list(map(lookup.__getitem__, columns[position]))
    for position, convert in (conversions or {}).items():
        columns[position] = _convert_column(columns[position], convert)
    return zip(*columns, strict=True)


@contextmanager
def _collector_paused() -> Iterator[None]:
    # Building tens of thousands of rows and frozen facts triggers the cyclic
    # garbage collector over and over (it scans every live object each time),
    # which doubled the load time; none of these objects form cycles.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def load_facts(db: Database, *, usage_from: Month | None = None) -> facts.Facts:
    """Everything about the organisation, as the domain's frozen ``Facts``.

    ``usage_from`` leaves out usage of earlier months: evaluating on a day
    reads only the months from ``domain.performance.usage_window_start``,
    and usage is by far the largest table (a month per subscription).
    """
    with _collector_paused(), db.session(readonly=True) as session:
        return facts_from_connection(session.connection(), usage_from=usage_from)


def facts_from_connection(
    connection: Connection, *, usage_from: Month | None = None
) -> facts.Facts:
    """The same from an open connection (inside its transaction, so one consistent snapshot)."""
    org_row = connection.execute(select(_ORG)).first()
    organization = (
        facts.Organization(
            name=org_row.name,
            mpn_id=org_row.mpn_id,
            market=org_row.market,
            anniversary=org_row.anniversary,
        )
        if org_row is not None
        else EMPTY_ORGANIZATION
    )
    # Rows that point at a customer, subscription or person get its name or
    # id from these maps, filled by the queries of those tables.
    customer_names: dict[int, str] = {}
    subscription_ids: dict[int, str] = {}
    mcp_ids: dict[int, str] = {}
    customers = _customers(connection, customer_names)
    subscriptions = _subscriptions(connection, customer_names, subscription_ids)
    people = _people(connection, mcp_ids)
    return facts.Facts(
        organization=organization,
        targets=_targets(connection),
        customers=customers,
        subscriptions=subscriptions,
        usage=_usage(connection, usage_from, subscription_ids),
        people=people,
        exams=_exams(connection, mcp_ids),
        references=_references(connection, customer_names),
        fee_payments=_fees(connection),
    )


def _targets(connection: Connection) -> tuple[facts.Target, ...]:
    query = select(_TARGETS.c.competency, _TARGETS.c.level).order_by(_TARGETS.c.id)
    return tuple(facts.Target(row[0], row[1]) for row in _fetch(connection, query))


def _customers(connection: Connection, names: dict[int, str]) -> tuple[facts.Customer, ...]:
    query = select(_CUSTOMERS.c.id, _CUSTOMERS.c.name, _CUSTOMERS.c.tenant_id).order_by(
        _CUSTOMERS.c.id
    )
    found = []
    for row_id, name, tenant_id in _fetch(connection, query):
        names[row_id] = name
        found.append(facts.Customer(name, tenant_id))
    return tuple(found)


def _subscriptions(
    connection: Connection, customer_names: Mapping[int, str], ids: dict[int, str]
) -> tuple[facts.Subscription, ...]:
    s = _SUBSCRIPTIONS
    query = select(
        s.c.id,
        s.c.external_id,
        s.c.customer_id,
        s.c.workload,
        s.c.association,
        s.c.associated_on,
        s.c.started_on,
        s.c.ended_on,
        s.c.trial,
    ).order_by(s.c.id)
    found = []
    for row_id, *row in _fetch(connection, query, {2: customer_names}):
        ids[row_id] = row[0]
        found.append(facts.Subscription(*row))
    return tuple(found)


_MONTHS: Mapping[int, Callable[[Any], Any]] = {1: Month.of}


def _usage(
    connection: Connection, usage_from: Month | None, subscription_ids: Mapping[int, str]
) -> tuple[facts.Usage, ...]:
    u = _USAGE
    query = select(
        u.c.subscription_id,
        u.c.month,
        u.c.consumption_usd,
        u.c.revenue_usd,
        u.c.active_users,
    ).order_by(u.c.id)
    if usage_from is not None:
        query = query.where(u.c.month >= usage_from.first_day)
    # One Month per distinct month, shared by the rows (the engine compares them often).
    return tuple(starmap(facts.Usage, _fetch(connection, query, {0: subscription_ids}, _MONTHS)))


def _people(connection: Connection, mcp_ids: dict[int, str]) -> tuple[facts.Person, ...]:
    p = _PEOPLE
    query = select(p.c.id, p.c.name, p.c.mcp_id, p.c.email, p.c.associated, p.c.left_on).order_by(
        p.c.id
    )
    found = []
    for row_id, *row in _fetch(connection, query):
        mcp_ids[row_id] = row[1]
        found.append(facts.Person(*row))
    return tuple(found)


def _exams(connection: Connection, mcp_ids: Mapping[int, str]) -> tuple[facts.ExamResult, ...]:
    e = _EXAMS
    query = select(e.c.person_id, e.c.exam_code, e.c.passed_on, e.c.exam_title, e.c.kind).order_by(
        e.c.id
    )
    return tuple(starmap(facts.ExamResult, _fetch(connection, query, {0: mcp_ids})))


def _references(
    connection: Connection, customer_names: Mapping[int, str]
) -> tuple[facts.Reference, ...]:
    r = _REFERENCES
    query = select(
        r.c.customer_id,
        r.c.competency,
        r.c.status,
        r.c.submitted_on,
        r.c.approved_on,
        r.c.contact,
    ).order_by(r.c.id)
    return tuple(starmap(facts.Reference, _fetch(connection, query, {0: customer_names})))


def _fees(connection: Connection) -> tuple[facts.FeePayment, ...]:
    f = _FEES
    query = select(f.c.membership_year_start, f.c.level, f.c.amount_usd, f.c.paid_on).order_by(
        f.c.id
    )
    return tuple(facts.FeePayment(*row) for row in _fetch(connection, query))
