"""One-row updates of loaded facts: the records a change names are read again, nothing else.

An edit of one month of usage used to read the whole 12,000-row usage window
again (25 ms on the large organisation). The undo commands name the records
they wrote (``RecordsChange``); ``apply_rows`` reads those rows by id and puts
them in place in the kept facts, through the row ids ``LoadedFacts`` keeps
beside each tuple. A renamed customer, subscription or person also re-reads
the rows that carry its name (its subscriptions and references, usage, exam
results). The result equals a full load as long as nothing but the named
records changed; a change it cannot apply row by row gives None, and the
caller reloads the tables instead.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import Connection, Select

from mpn_desktop.domain import facts
from mpn_desktop.domain.column_rows import ColumnRows
from mpn_desktop.domain.dates import Month
from mpn_desktop.domain.usage_figures import carry_usage_sums
from mpn_desktop.store import models
from mpn_desktop.store.changes import RecordKind
from mpn_desktop.store.database import Database
from mpn_desktop.store.facts_loader import (
    CUSTOMERS_QUERY,
    EXAMS_QUERY,
    FEES_QUERY,
    PEOPLE_QUERY,
    REFERENCES_QUERY,
    SUBSCRIPTIONS_QUERY,
    USAGE_QUERY,
)
from mpn_desktop.store.loaded_facts import LoadedFacts

ROWS_AT_MOST = 500
"""More named rows than this are read faster as whole tables (``reload_indexed_facts``)."""

Found = dict[int, Any]
"""Row id -> its fact now, or None when the row is gone (or out of the usage window)."""


@dataclass(frozen=True)
class _Table:
    """How the rows of one kind become facts: the query (id first), the field of ``Facts``,
    the column naming another row (by position) and the map giving its name."""

    query: Select[Any]
    field: str
    make: Callable[..., Any]
    names_column: int | None = None
    names: str = ""
    """The ``LoadedFacts`` map the named row's id is looked up in."""


_TABLES: Mapping[RecordKind, _Table] = {
    RecordKind.CUSTOMER: _Table(CUSTOMERS_QUERY, "customers", facts.Customer),
    RecordKind.SUBSCRIPTION: _Table(
        SUBSCRIPTIONS_QUERY, "subscriptions", facts.Subscription, 2, "customer_names"
    ),
    RecordKind.USAGE: _Table(USAGE_QUERY, "usage", facts.Usage, 1, "subscription_ids"),
    RecordKind.PERSON: _Table(PEOPLE_QUERY, "people", facts.Person),
    RecordKind.EXAM: _Table(EXAMS_QUERY, "exams", facts.ExamResult, 1, "mcp_ids"),
    RecordKind.REFERENCE: _Table(
        REFERENCES_QUERY, "references", facts.Reference, 1, "customer_names"
    ),
    RecordKind.FEE_PAYMENT: _Table(FEES_QUERY, "fee_payments", facts.FeePayment),
}

_NAMED_BY: Mapping[RecordKind, tuple[str, tuple[tuple[RecordKind, Any], ...]]] = {
    # kind: (the LoadedFacts map of its names, the kinds naming it and their column)
    RecordKind.CUSTOMER: (
        "customer_names",
        (
            (RecordKind.SUBSCRIPTION, models.Subscription.__table__.c.customer_id),
            (RecordKind.REFERENCE, models.Reference.__table__.c.customer_id),
        ),
    ),
    RecordKind.SUBSCRIPTION: (
        "subscription_ids",
        ((RecordKind.USAGE, models.Usage.__table__.c.subscription_id),),
    ),
    RecordKind.PERSON: ("mcp_ids", ((RecordKind.EXAM, models.ExamResult.__table__.c.person_id),)),
}
"""Records other rows name (by name, external id, MCP ID) and the rows that do."""


def can_apply_rows(kind: RecordKind, ids: Iterable[int]) -> bool:
    """Whether ``apply_rows`` takes a change of these records (else tables are read again)."""
    return kind in _TABLES and len(set(ids)) <= ROWS_AT_MOST


def apply_rows(
    db: Database, loaded: LoadedFacts, changed: Iterable[tuple[RecordKind, Iterable[int]]]
) -> LoadedFacts | None:
    """``loaded`` made current after the records ``changed`` names were added, edited or deleted.

    Equal to a full load from ``loaded.usage_from`` as long as nothing else
    changed; None when a named kind has no rows of its own here (organisation,
    targets, imports) or a named row points at one the facts do not hold.
    """
    steps = [(kind, frozenset(ids)) for kind, ids in changed]
    if not all(can_apply_rows(kind, ids) for kind, ids in steps):
        return None
    with db.session(readonly=True) as session:
        connection = session.connection()
        current = loaded
        for kind, ids in steps:
            applied = _apply(connection, current, kind, ids)
            if applied is None:
                return None
            current = applied
        return current


def _apply(
    connection: Connection, loaded: LoadedFacts, kind: RecordKind, ids: frozenset[int]
) -> LoadedFacts | None:
    table = _TABLES[kind]
    id_column = table.query.selected_columns[0]
    found = _read(connection, loaded, table, table.query.where(id_column.in_(sorted(ids))))
    if found is None:
        return None
    found.update((row_id, None) for row_id in ids - found.keys())
    updated = _put(loaded, table.field, found)
    naming = _NAMED_BY.get(kind)
    if naming is None:
        return updated
    # A row renamed (or gone) changes the rows that carry its name: read those again too.
    map_name, dependants = naming
    names: dict[int, str] = dict(getattr(loaded, map_name))
    renamed = []
    for row_id, fact in found.items():
        name = None if fact is None else _name_of(fact)
        if names.get(row_id) != name:
            renamed.append(row_id)
        if name is None:
            names.pop(row_id, None)
        else:
            names[row_id] = name
    updated = replace(updated, **{map_name: names})  # type: ignore[arg-type]
    for dependant, column in dependants:
        if not renamed:
            break
        rows_of = _TABLES[dependant]
        query = rows_of.query.where(column.in_(renamed))
        moved = _read(connection, updated, rows_of, query)
        if moved is None:
            return None
        updated = _put(updated, rows_of.field, moved)
    return updated


def _now_at(before: Any, changes: list[tuple[int, Any, bool]], at: int) -> Any:
    """The row at ``at`` once ``changes`` (all at smaller positions, or at ``at`` itself
    for none of them) are made to ``before``: the row there before them, shifted."""
    shift = 0
    for position, fact, inserted in changes:
        if position <= at:
            shift += 1 if inserted else (-1 if fact is None else 0)
    return before[at - shift]


def _name_of(fact: Any) -> str:
    """The name other rows carry of a customer, subscription or person."""
    if isinstance(fact, facts.Customer):
        return fact.name
    if isinstance(fact, facts.Subscription):
        return fact.id
    assert isinstance(fact, facts.Person)
    return fact.mcp_id


def _read(
    connection: Connection, loaded: LoadedFacts, table: _Table, query: Select[Any]
) -> Found | None:
    """The rows of ``query`` as facts by row id (usage before the window left out)."""
    names: Mapping[int, str] = getattr(loaded, table.names) if table.names else {}
    usage_from = loaded.usage_from if table.field == "usage" else None
    found: Found = {}
    for row in connection.execute(query):
        row_id, *values = row
        if table.names_column is not None:
            named = names.get(values[table.names_column - 1])
            if named is None:
                return None  # a row the kept facts do not know: read the tables instead
            values[table.names_column - 1] = named
        if table.field == "usage":
            values[1] = month = Month.of(values[1])
            if usage_from is not None and month < usage_from:
                continue
        found[row_id] = table.make(*values)
    return found


def _put(loaded: LoadedFacts, field: str, found: Found) -> LoadedFacts:
    """``loaded`` with the rows of ``found`` put in, replaced or taken out, in id order."""
    stored: tuple[int, ...] = loaded.ids.get(field, ())
    # Copied only once a row comes or goes: an edit replacing rows keeps the very ids (a
    # copy of the 68,700 usage ids to a list and back cost ~1.7 ms CPU per edit).
    ids: list[int] | None = None
    before = getattr(loaded.facts, field)
    removed, added = [], []
    # (position, row or None to take it out, whether it is put in before the one there)
    changes: list[tuple[int, Any, bool]] = []
    for row_id, fact in sorted(found.items()):
        current = stored if ids is None else ids
        at = bisect_left(current, row_id)
        here = at < len(current) and current[at] == row_id
        if here:
            # Positions before ``at`` only saw changes of smaller ids: where it was, shifted.
            removed.append(_now_at(before, changes, at))
        if fact is None:
            if here:
                ids = list(stored) if ids is None else ids
                del ids[at]
                changes.append((at, None, False))
        elif here:
            changes.append((at, fact, False))
        else:
            ids = list(stored) if ids is None else ids
            ids.insert(at, row_id)
            changes.append((at, fact, True))
        if fact is not None:
            added.append(fact)
    if isinstance(before, ColumnRows):
        # Held by column (usage, exams, people, customers, subscriptions, references):
        # changed there, without an object per row.
        rows: Any = before.edited(changes)
    else:
        rows = list(before)
        for at, fact, inserted in changes:
            if fact is None:
                del rows[at]
            elif inserted:
                rows.insert(at, fact)
            else:
                rows[at] = fact
        rows = tuple(rows)
    updated = replace(loaded.facts, **{field: rows})
    if field == "usage":
        # The designations' usage sums follow the rows (else they are added up again).
        carry_usage_sums(loaded.facts, updated, removed, added)
    if ids is None:
        return replace(loaded, facts=updated)  # no row came or went: the same ids
    return replace(loaded, facts=updated, ids={**loaded.ids, field: tuple(ids)})
