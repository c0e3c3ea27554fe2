"""Loads the facts the rules engine needs: one set-based query per kind of record.

SQLAlchemy Core selects (no ORM objects): the status panel reloads facts
after every edit, so this must stay fast on a large organisation. Rows are
fetched in one go and each column's type conversion (dates, enums, money)
is remembered per distinct value, as the same dates and enums repeat a lot.
``reload_facts`` re-reads only the tables an edit touched (and those naming
their rows), reusing the rest of the previous facts.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, fields, replace
from typing import Any, TypeVar

from sqlalchemy import Connection, Date, Dialect, Select, bindparam, select
from sqlalchemy.exc import DBAPIError

from mpn_desktop.domain import facts
from mpn_desktop.domain.column_rows import ColumnRows
from mpn_desktop.domain.customer_rows import CustomerRows
from mpn_desktop.domain.dates import Month
from mpn_desktop.domain.exam_rows import ExamRows
from mpn_desktop.domain.people_rows import PeopleRows
from mpn_desktop.domain.reference_rows import ReferenceRows
from mpn_desktop.domain.subscription_rows import SubscriptionRows
from mpn_desktop.domain.usage_rows import UsageRows
from mpn_desktop.store import models
from mpn_desktop.store.changes import RecordKind
from mpn_desktop.store.collector import collector_paused
from mpn_desktop.store.database import Database
from mpn_desktop.store.fact_columns import (
    composed,
    converted_column,
    converted_later,
    look_up,
    looked_up_later,
    names_by_id,
    shared,
)
from mpn_desktop.store.loaded_facts import LoadedFacts

_ORG: Any = models.Organization.__table__
_TARGETS: Any = models.Target.__table__
_CUSTOMERS: Any = models.Customer.__table__
_SUBSCRIPTIONS: Any = models.Subscription.__table__
_USAGE: Any = models.Usage.__table__
_PEOPLE: Any = models.Person.__table__
_EXAMS: Any = models.ExamResult.__table__
_REFERENCES: Any = models.Reference.__table__
_FEES: Any = models.FeePayment.__table__

_ByColumn = TypeVar("_ByColumn", bound=ColumnRows[Any, Any])

EMPTY_ORGANIZATION = facts.Organization(name="", mpn_id="")
"""Stands in for the organisation before the user has entered it."""


def _parameters(compiled: Any, values: Mapping[str, Any] | None) -> Any:
    """The query's bound values, converted for the driver as SQLAlchemy would (None if none)."""
    raw = compiled.construct_params(values)
    if not raw:
        return None
    dialect = compiled.dialect
    names = list(compiled.positiontup) if dialect.positional else list(raw)
    converted = []
    for name in names:
        process = compiled.binds[name].type.dialect_impl(dialect).bind_processor(dialect)
        converted.append(process(raw[name]) if process is not None else raw[name])
    return tuple(converted) if dialect.positional else dict(zip(names, converted, strict=True))


@dataclass(frozen=True)
class _Compiled:
    """A query compiled for one dialect."""

    compiled: Any
    sql: str


_COMPILED: dict[tuple[str, str, Select[Any]], _Compiled] = {}
"""Compiled once per dialect and driver: the queries are module constants."""

_Processors = tuple[Callable[[Any], Any] | None, ...]
_PROCESSORS: dict[tuple[str, str, Select[Any], tuple[Any, ...]], _Processors] = {}
"""The result processor of each column, per query and the driver's column types."""


def _compiled(query: Select[Any], dialect: Dialect) -> _Compiled:
    key = (dialect.name, dialect.driver, query)
    found = _COMPILED.get(key)
    if found is None:
        compiled = query.compile(dialect=dialect)
        found = _COMPILED[key] = _Compiled(compiled, str(compiled))
    return found


def _processors(query: Select[Any], dialect: Dialect, description: Any) -> _Processors:
    # The driver's type code of each column (None throughout on SQLite) picks
    # the processor: psycopg, say, hands numerics over as Decimal already.
    codes = tuple(column[1] for column in description)
    key = (dialect.name, dialect.driver, query, codes)
    found = _PROCESSORS.get(key)
    if found is None:
        found = _PROCESSORS[key] = tuple(
            column.type.dialect_impl(dialect).result_processor(dialect, code)
            for column, code in zip(query.selected_columns, codes, strict=True)
        )
    return found


def _fetch(
    connection: Connection,
    query: Select[Any],
    lookups: Mapping[int, Mapping[Any, Any]] | None = None,
    conversions: Mapping[int, Callable[[Any], Any]] | None = None,
    values: Mapping[str, Any] | None = None,
) -> Iterable[Sequence[Any]]:
    """All rows of ``query``, fetched at once and converted to Python types (see ``_columns``)."""
    columns = _columns(connection, query, lookups, conversions, values)
    return zip(*columns, strict=True) if columns else []


def _columns(
    connection: Connection,
    query: Select[Any],
    lookups: Mapping[int, Mapping[Any, Any]] | None = None,
    conversions: Mapping[int, Callable[[Any], Any]] | None = None,
    values: Mapping[str, Any] | None = None,
    *,
    later: frozenset[int] = frozenset(),
) -> list[Sequence[Any]]:
    """The columns of all rows of ``query`` (none without rows), converted to Python types.

    ``lookups`` replaces the values of some columns (by position) through a
    mapping, e.g. a customer id by the customer's name: cheaper than a join;
    ``conversions`` turns them into domain values (once per distinct value);
    ``values`` fills the query's bound parameters; the columns at the
    positions ``later`` (neither looked up nor converted again) are converted
    when first read (``ConvertedColumn``).
    """
    plan = _compiled(query, connection.dialect)
    parameters = _parameters(plan.compiled, values)
    # Straight to the driver's PEP 249 cursor, in the session's transaction:
    # wrapping tens of thousands of rows in SQLAlchemy's Row objects cost a
    # tenth of the load. The SQL and parameters are the dialect's own.
    cursor = connection.connection.cursor()
    try:
        if parameters is None:
            cursor.execute(plan.sql)
        else:
            cursor.execute(plan.sql, parameters)
        rows = cursor.fetchall()
        processors = _processors(query, connection.dialect, cursor.description)
    except connection.dialect.loaded_dbapi.Error as error:
        # The driver's own error (sqlite3.OperationalError: no such table) as SQLAlchemy
        # would have raised it: the session turns that into a StoreError naming the file.
        raise DBAPIError.instance(
            plan.sql, parameters, error, connection.dialect.loaded_dbapi.Error
        ) from error
    finally:
        cursor.close()
    if not rows:
        return []
    lookups = lookups or {}
    conversions = conversions or {}
    # A column converted twice (the driver's value to a date, then the date to a Month)
    # goes through one function: one pass over its values instead of two.
    columns = [
        converted_later(column, process)
        if position in later
        else converted_column(
            column,
            process
            if position in lookups or position not in conversions
            else composed(process, conversions[position]),
        )
        for position, (column, process) in enumerate(
            zip(zip(*rows, strict=True), processors, strict=True)
        )
    ]
    for position, lookup in lookups.items():
        look_up(columns, position, lookup)
        if position in conversions:
            columns[position] = converted_column(columns[position], conversions[position])
    return columns


def load_facts(db: Database, *, usage_from: Month | None = None) -> facts.Facts:
    """Everything about the organisation, as the domain's frozen ``Facts``.

    ``usage_from`` leaves out usage of earlier months: evaluating on a day
    reads only the months from ``domain.performance.usage_window_start``,
    and usage is by far the largest table (a month per subscription).
    """
    with collector_paused(), db.session(readonly=True) as session:
        return facts_from_connection(session.connection(), usage_from=usage_from)


def load_indexed_facts(db: Database, *, usage_from: Month | None = None) -> LoadedFacts:
    """``load_facts``, with the row ids and id maps that one-row updates need."""
    with collector_paused(), db.session(readonly=True) as session:
        read = _Read(session.connection(), _ALL_FIELDS, usage_from)
        return LoadedFacts(
            facts.Facts(**read.found),
            usage_from,
            read.ids,
            read.customer_names,
            read.subscription_ids,
            read.mcp_ids,
        )


_ALL_FIELDS = frozenset(field.name for field in fields(facts.Facts) if field.compare)
"""The fields holding facts (``Facts.kept`` holds figures worked out from them, not read)."""

_REREAD: Mapping[RecordKind, frozenset[str]] = {
    RecordKind.ORGANIZATION: frozenset({"organization"}),
    RecordKind.TARGET: frozenset({"targets", "designation_targets"}),
    # Subscriptions and references carry their customer's name.
    RecordKind.CUSTOMER: frozenset({"customers", "subscriptions", "references"}),
    # Usage carries its subscription's external id.
    RecordKind.SUBSCRIPTION: frozenset({"subscriptions", "usage"}),
    RecordKind.USAGE: frozenset({"usage"}),
    # Exam results carry their person's MCP ID.
    RecordKind.PERSON: frozenset({"people", "exams"}),
    RecordKind.EXAM: frozenset({"exams"}),
    RecordKind.REFERENCE: frozenset({"references"}),
    RecordKind.FEE_PAYMENT: frozenset({"fee_payments"}),
    # An import (or its removal) writes people and exams through its batch:
    # rare enough to read everything rather than reason about it.
    RecordKind.IMPORT_BATCH: _ALL_FIELDS,
}
"""The fields of ``Facts`` to read again when records of a kind changed."""


def fields_to_reread(kinds: frozenset[RecordKind]) -> frozenset[str]:
    """The fields of ``Facts`` that changes to ``kinds`` may have made out of date."""
    found: set[str] = set()
    for kind in kinds:
        # A kind this table does not know (added later) is read as "anything".
        found |= _REREAD.get(kind, _ALL_FIELDS)
    return frozenset(found)


def reload_facts(
    db: Database,
    previous: facts.Facts,
    kinds: frozenset[RecordKind],
    *,
    usage_from: Month | None,
    previous_usage_from: Month | None,
) -> facts.Facts:
    """``previous`` (loaded from ``previous_usage_from``) made current after ``kinds`` changed.

    Equal to ``load_facts(db, usage_from=usage_from)`` as long as nothing but
    records of ``kinds`` changed since ``previous`` was loaded: the tables of
    those kinds, and those whose rows name them, are read again in one read
    transaction; every other tuple of ``previous`` is reused as it is. Usage
    is read again too when ``usage_from`` differs from ``previous_usage_from``.
    """
    wanted = set(fields_to_reread(kinds))
    if usage_from != previous_usage_from:
        wanted.add("usage")
    if not wanted:
        return previous
    with collector_paused(), db.session(readonly=True) as session:
        read = _Read(session.connection(), frozenset(wanted), usage_from, with_ids=False)
        return replace(previous, **read.found)


def reload_indexed_facts(
    db: Database, previous: LoadedFacts, kinds: frozenset[RecordKind], *, usage_from: Month | None
) -> LoadedFacts:
    """``reload_facts`` for ``LoadedFacts``: the ids and maps of the tables read again follow."""
    wanted = set(fields_to_reread(kinds))
    if usage_from != previous.usage_from:
        wanted.add("usage")
    if not wanted:
        return previous
    with collector_paused(), db.session(readonly=True) as session:
        read = _Read(session.connection(), frozenset(wanted), usage_from)
    # A map read anyway (its table was) is the current one; else the kept one still is.
    return LoadedFacts(
        replace(previous.facts, **read.found),
        usage_from,
        {**previous.ids, **read.ids},
        read.customer_names if "customers" in wanted else previous.customer_names,
        read.subscription_ids if "subscriptions" in wanted else previous.subscription_ids,
        read.mcp_ids if "people" in wanted else previous.mcp_ids,
    )


class _Read:
    """The ``wanted`` fields of ``Facts`` read afresh, inside the connection's transaction.

    ``found`` holds them; ``ids`` the row ids of those with rows of their own.
    Rows that point at a customer, subscription or person get its name or id
    from maps filled by the query of that table when it is read too, else from
    a query of two columns (far cheaper than the rows that need them).
    """

    def __init__(
        self,
        connection: Connection,
        wanted: frozenset[str],
        usage_from: Month | None,
        *,
        with_ids: bool = True,
    ) -> None:
        self.found: dict[str, Any] = {}
        self.ids: dict[str, tuple[int, ...]] = {}
        self.with_ids = with_ids
        """Whether the tables no other row names (usage, exams, references, fees) are read
        with their ids: only one-row updates need them (``LoadedFacts``)."""
        found = self.found
        if "organization" in wanted:
            found["organization"] = _organization(connection)
        if "targets" in wanted:
            found["targets"] = _targets(connection)
        if "designation_targets" in wanted:
            found["designation_targets"] = tuple(
                row[0] for row in _fetch(connection, _DESIGNATION_TARGETS_QUERY)
            )
        self.customer_names: dict[int, str] = {}
        if "customers" in wanted:
            columns = _columns(connection, CUSTOMERS_QUERY)
            self.customer_names = names_by_id(columns, 1)
            # By column: the rules never read a customer (the export and edits make them).
            found["customers"] = self._by_column("customers", CustomerRows, columns, with_id=True)
        elif {"subscriptions", "references"} & wanted:
            self.customer_names = _id_map(connection, _CUSTOMER_NAMES_QUERY)
        self.subscription_ids: dict[int, str] = {}
        if "subscriptions" in wanted:
            columns = _columns(connection, SUBSCRIPTIONS_QUERY, {2: self.customer_names})
            self.subscription_ids = names_by_id(columns, 1)
            found["subscriptions"] = self._by_column(
                "subscriptions", SubscriptionRows, columns, with_id=True
            )
        elif "usage" in wanted:
            self.subscription_ids = _id_map(connection, _SUBSCRIPTION_IDS_QUERY)
        if "usage" in wanted:
            # The subscriptions' external ids are looked up when first read (the rules read
            # the rows' subscription ids as stored, and look up the groups').
            (named,) = self._at({1: None})
            # One Month per distinct month, shared by the rows (the engine compares them often);
            # one str per service (``shared``: the designations' sums look them up often).
            converted = self._at(_USAGE_CONVERSIONS)
            # The money is converted when first read: the rules add up a few subscriptions'.
            # Not as integer cents from SQLite: a per-row test that a cent is exact
            # (``CAST(round(x * 100) AS INTEGER) / 100.0 = x``) cost 2.7 ms a column over a
            # 31,000-row window (``round(x, 2) = x``: 6.3 ms), more than all the designations'
            # money reads cost (1.1 ms, mostly converting slices, not adding Decimals up).
            money = frozenset(self._at(_MONEY))
            if usage_from is None:
                query = self._query(USAGE_QUERY)
                columns = _columns(connection, query, None, converted, later=money)
            else:
                values = {"usage_from": usage_from.first_day}
                query = self._query(_USAGE_FROM_QUERY)
                columns = _columns(connection, query, None, converted, values, later=money)
            looked_up_later(columns, named, self.subscription_ids)
            found["usage"] = self._by_column("usage", UsageRows, columns)
        self.mcp_ids: dict[int, str] = {}
        if "people" in wanted:
            columns = _columns(connection, PEOPLE_QUERY)
            self.mcp_ids = names_by_id(columns, 2)
            # By column: the people index reads who counts from the columns (no Person made).
            found["people"] = self._by_column("people", PeopleRows, columns, with_id=True)
        elif "exams" in wanted:
            self.mcp_ids = _id_map(connection, _MCP_IDS_QUERY)
        if "exams" in wanted:
            query = self._query(EXAMS_QUERY)
            # The kind (the rules never read it) is converted when first read; the code is
            # one str per distinct code (``shared``: the people index looks each one up).
            kind = frozenset(self._at({5: None}))
            lookups = self._at({1: self.mcp_ids})
            columns = _columns(connection, query, lookups, self._at(_CODES), later=kind)
            found["exams"] = self._by_column("exams", ExamRows, columns)
        if "references" in wanted:
            query = self._query(REFERENCES_QUERY)
            columns = _columns(connection, query, self._at({1: self.customer_names}))
            # By column: the rules read three of its fields (records made for the evidence).
            found["references"] = self._by_column("references", ReferenceRows, columns)
        if "fee_payments" in wanted:
            columns = _columns(connection, self._query(FEES_QUERY))
            found["fee_payments"] = self._rows(
                "fee_payments", facts.FeePayment, columns, self.with_ids
            )

    def _query(self, query: Select[Any]) -> Select[Any]:
        """``query``, or the same without its first column (the id) when ids are not kept."""
        return query if self.with_ids else _WITHOUT_ID[query]

    def _at(self, positions: Mapping[int, Any]) -> dict[int, Any]:
        """Column positions of ``_query``'s query (one less without the id)."""
        shift = 0 if self.with_ids else 1
        return {position - shift: value for position, value in positions.items()}

    def _by_column(
        self,
        name: str,
        rows: type[_ByColumn],
        columns: list[Sequence[Any]],
        *,
        with_id: bool | None = None,
    ) -> _ByColumn:
        """The rows of a table held by column as read (no object per row); the first column
        is the row id when ids are kept (``with_id``: whether the query has it whatever
        ``with_ids`` says, as those other rows name always have)."""
        if self.with_ids if with_id is None else with_id:
            self.ids[name] = tuple(columns[0]) if columns else ()
            columns = columns[1:]
        return rows.from_sequences(columns)

    def _rows(
        self,
        name: str,
        make: Callable[..., Any],
        columns: list[Sequence[Any]],
        with_id: bool = True,
    ) -> tuple[Any, ...]:
        """The facts of one table from its columns, the first of which is the row id
        (unless not ``with_id``)."""
        if not columns:
            if with_id:
                self.ids[name] = ()
            return ()
        # map() hands each record its fields straight from the columns (no tuple per row).
        if not with_id:
            return tuple(map(make, *columns))
        self.ids[name] = tuple(columns[0])
        return tuple(map(make, *columns[1:]))


def _id_map(connection: Connection, query: Select[Any]) -> dict[int, str]:
    """Row id -> the name or id other rows refer to it by, from a query of those two columns."""
    return {row[0]: row[1] for row in _fetch(connection, query)}


def facts_from_connection(
    connection: Connection, *, usage_from: Month | None = None
) -> facts.Facts:
    """The same from an open connection (inside its transaction, so one consistent snapshot)."""
    return facts.Facts(**_Read(connection, _ALL_FIELDS, usage_from, with_ids=False).found)


_ORGANIZATION_QUERY = select(_ORG.c.name, _ORG.c.mpn_id, _ORG.c.market, _ORG.c.anniversary).limit(1)


def _organization(connection: Connection) -> facts.Organization:
    # Through the driver's cursor as the other tables (SQLAlchemy's Result and Row for
    # one row cost as much as converting a table of a thousand).
    for name, mpn_id, market, anniversary in _fetch(connection, _ORGANIZATION_QUERY):
        return facts.Organization(name=name, mpn_id=mpn_id, market=market, anniversary=anniversary)
    return EMPTY_ORGANIZATION


_TARGETS_QUERY = select(_TARGETS.c.competency, _TARGETS.c.level).order_by(_TARGETS.c.id)
_DESIGNATION_TARGETS: Any = models.DesignationTarget.__table__
_DESIGNATION_TARGETS_QUERY = select(_DESIGNATION_TARGETS.c.designation).order_by(
    _DESIGNATION_TARGETS.c.id
)


def _targets(connection: Connection) -> tuple[facts.Target, ...]:
    return tuple(facts.Target(row[0], row[1]) for row in _fetch(connection, _TARGETS_QUERY))


# Every query of a table with rows of their own starts with the row id (``LoadedFacts.ids``),
# then the fields of the domain's record in order, the row it names as its id.
CUSTOMERS_QUERY = select(_CUSTOMERS.c.id, _CUSTOMERS.c.name, _CUSTOMERS.c.tenant_id).order_by(
    _CUSTOMERS.c.id
)

_CUSTOMER_NAMES_QUERY = select(_CUSTOMERS.c.id, _CUSTOMERS.c.name)

SUBSCRIPTIONS_QUERY = select(
    _SUBSCRIPTIONS.c.id,
    _SUBSCRIPTIONS.c.external_id,
    _SUBSCRIPTIONS.c.customer_id,
    _SUBSCRIPTIONS.c.workload,
    _SUBSCRIPTIONS.c.association,
    _SUBSCRIPTIONS.c.associated_on,
    _SUBSCRIPTIONS.c.started_on,
    _SUBSCRIPTIONS.c.ended_on,
    _SUBSCRIPTIONS.c.trial,
).order_by(_SUBSCRIPTIONS.c.id)

_SUBSCRIPTION_IDS_QUERY = select(_SUBSCRIPTIONS.c.id, _SUBSCRIPTIONS.c.external_id)

_USAGE_CONVERSIONS: Mapping[int, Callable[[Any], Any]] = {2: Month.of, 6: shared}
"""The usage query's month and service."""
_CODES: Mapping[int, Callable[[Any], Any]] = {2: shared}
"""The exams query's code."""
_MONEY: Mapping[int, None] = {3: None, 4: None}
"""The usage query's consumption and revenue (``UsageRows.held_columns``)."""

USAGE_QUERY = select(
    _USAGE.c.id,
    _USAGE.c.subscription_id,
    _USAGE.c.month,
    _USAGE.c.consumption_usd,
    _USAGE.c.revenue_usd,
    _USAGE.c.active_users,
    _USAGE.c.service,
    _USAGE.c.paid_seats,
).order_by(_USAGE.c.id)
_USAGE_FROM_QUERY = USAGE_QUERY.where(_USAGE.c.month >= bindparam("usage_from", type_=Date))


PEOPLE_QUERY = select(
    _PEOPLE.c.id,
    _PEOPLE.c.name,
    _PEOPLE.c.mcp_id,
    _PEOPLE.c.email,
    _PEOPLE.c.associated,
    _PEOPLE.c.left_on,
).order_by(_PEOPLE.c.id)

_MCP_IDS_QUERY = select(_PEOPLE.c.id, _PEOPLE.c.mcp_id)

EXAMS_QUERY = select(
    _EXAMS.c.id,
    _EXAMS.c.person_id,
    _EXAMS.c.exam_code,
    _EXAMS.c.passed_on,
    _EXAMS.c.exam_title,
    _EXAMS.c.kind,
).order_by(_EXAMS.c.id)

REFERENCES_QUERY = select(
    _REFERENCES.c.id,
    _REFERENCES.c.customer_id,
    _REFERENCES.c.competency,
    _REFERENCES.c.status,
    _REFERENCES.c.submitted_on,
    _REFERENCES.c.approved_on,
    _REFERENCES.c.contact,
).order_by(_REFERENCES.c.id)

FEES_QUERY = select(
    _FEES.c.id,
    _FEES.c.membership_year_start,
    _FEES.c.level,
    _FEES.c.amount_usd,
    _FEES.c.paid_on,
).order_by(_FEES.c.id)


_WITHOUT_ID: Mapping[Select[Any], Select[Any]] = {
    query: query.with_only_columns(*list(query.selected_columns)[1:])
    for query in (USAGE_QUERY, _USAGE_FROM_QUERY, EXAMS_QUERY, REFERENCES_QUERY, FEES_QUERY)
}
"""The queries of the tables no other row names, without the id (a plain load needs none)."""
