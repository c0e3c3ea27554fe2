"""Loads the facts the rules engine needs: one set-based query per kind of record.

SQLAlchemy Core selects (no ORM objects): the status panel reloads facts
after every edit, so this must stay fast on a large organisation. Rows are
fetched in one go and each column's type conversion (dates, enums, money)
is remembered per distinct value, as the same dates and enums repeat a lot.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
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


def _fetch(connection: Connection, query: Select[Any]) -> Iterable[Sequence[Any]]:
    """All rows of ``query``, fetched at once and converted to Python types."""
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
    return facts.Facts(
        organization=organization,
        targets=_targets(connection),
        customers=_customers(connection),
        subscriptions=_subscriptions(connection),
        usage=_usage(connection, usage_from),
        people=_people(connection),
        exams=_exams(connection),
        references=_references(connection),
        fee_payments=_fees(connection),
    )


def _targets(connection: Connection) -> tuple[facts.Target, ...]:
    query = select(_TARGETS.c.competency, _TARGETS.c.level).order_by(_TARGETS.c.id)
    return tuple(facts.Target(row[0], row[1]) for row in _fetch(connection, query))


def _customers(connection: Connection) -> tuple[facts.Customer, ...]:
    query = select(_CUSTOMERS.c.name, _CUSTOMERS.c.tenant_id).order_by(_CUSTOMERS.c.id)
    return tuple(facts.Customer(row[0], row[1]) for row in _fetch(connection, query))


def _subscriptions(connection: Connection) -> tuple[facts.Subscription, ...]:
    s = _SUBSCRIPTIONS
    query = (
        select(
            s.c.external_id,
            _CUSTOMERS.c.name,
            s.c.workload,
            s.c.association,
            s.c.associated_on,
            s.c.started_on,
            s.c.ended_on,
            s.c.trial,
        )
        .join(_CUSTOMERS, _CUSTOMERS.c.id == s.c.customer_id)
        .order_by(s.c.id)
    )
    return tuple(facts.Subscription(*row) for row in _fetch(connection, query))


def _usage(connection: Connection, usage_from: Month | None) -> tuple[facts.Usage, ...]:
    u = _USAGE
    query = (
        select(
            _SUBSCRIPTIONS.c.external_id,
            u.c.month,
            u.c.consumption_usd,
            u.c.revenue_usd,
            u.c.active_users,
        )
        .join(_SUBSCRIPTIONS, _SUBSCRIPTIONS.c.id == u.c.subscription_id)
        .order_by(u.c.id)
    )
    if usage_from is not None:
        query = query.where(u.c.month >= usage_from.first_day)
    months: dict[Any, Month] = {}
    result = []
    for sub_id, first_day, consumption, revenue, users in _fetch(connection, query):
        month = months.get(first_day)
        if month is None:
            month = months[first_day] = Month.of(first_day)
        result.append(facts.Usage(sub_id, month, consumption, revenue, users))
    return tuple(result)


def _people(connection: Connection) -> tuple[facts.Person, ...]:
    p = _PEOPLE
    query = select(p.c.name, p.c.mcp_id, p.c.email, p.c.associated, p.c.left_on).order_by(p.c.id)
    return tuple(facts.Person(*row) for row in _fetch(connection, query))


def _exams(connection: Connection) -> tuple[facts.ExamResult, ...]:
    e = _EXAMS
    query = (
        select(_PEOPLE.c.mcp_id, e.c.exam_code, e.c.passed_on, e.c.exam_title, e.c.kind)
        .join(_PEOPLE, _PEOPLE.c.id == e.c.person_id)
        .order_by(e.c.id)
    )
    return tuple(facts.ExamResult(*row) for row in _fetch(connection, query))


def _references(connection: Connection) -> tuple[facts.Reference, ...]:
    r = _REFERENCES
    query = (
        select(
            _CUSTOMERS.c.name,
            r.c.competency,
            r.c.status,
            r.c.submitted_on,
            r.c.approved_on,
            r.c.contact,
        )
        .join(_CUSTOMERS, _CUSTOMERS.c.id == r.c.customer_id)
        .order_by(r.c.id)
    )
    return tuple(facts.Reference(*row) for row in _fetch(connection, query))


def _fees(connection: Connection) -> tuple[facts.FeePayment, ...]:
    f = _FEES
    query = select(f.c.membership_year_start, f.c.level, f.c.amount_usd, f.c.paid_on).order_by(
        f.c.id
    )
    return tuple(facts.FeePayment(*row) for row in _fetch(connection, query))
