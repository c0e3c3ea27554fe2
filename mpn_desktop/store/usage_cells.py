"""Cells of the usage grid written in bulk: one figure per (subscription, month), and undone.

Typing or pasting into the Sales tab's grid sets one field (consumption,
revenue or active users) of many months at once: the months that have a
usage row are updated, the others get a new row with the other figures at 0.
One transaction, two ``executemany`` statements, however many cells (a paste
of 10,000 cells must not take 10,000 round trips); undo puts back the values
replaced and deletes the rows added.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import bindparam, delete, insert, select, update

from mpn_desktop.domain.dates import Month
from mpn_desktop.domain.vocabulary import _
from mpn_desktop.errors import ValidationError
from mpn_desktop.store import models
from mpn_desktop.store.changes import Change, OpResult, RecordKind
from mpn_desktop.store.database import Database
from mpn_desktop.store.models import new_version
from mpn_desktop.store.schema_fields import SPECS, field_label
from mpn_desktop.store.transactions import Transaction, writing

FIELDS = ("consumption_usd", "revenue_usd", "active_users", "paid_seats")
"""The usage figures a grid cell can hold."""


@dataclass(frozen=True)
class UsageCell:
    """One cell: a subscription's month (its first day) and the figure to store there."""

    subscription_id: int
    month: date
    value: Any


@dataclass(frozen=True)
class WrittenCells:
    """What a write did, for undo: the field, the values replaced (by row id), the rows added."""

    field: str
    previous: tuple[tuple[int, Any], ...]
    added: tuple[int, ...]
    split: tuple[tuple[int, date], ...] = ()
    """Cells left as they were: their month is split by service or came from an import
    (several rows make it up), so one figure typed over it would not say which to change."""
    versions: tuple[int, ...] = ()
    """The versions the rows of ``previous`` had, which undo puts back with their values."""


def write_cells(
    target: Database | Transaction, field: str, cells: Sequence[UsageCell]
) -> OpResult[WrittenCells]:
    """Sets ``field`` of each cell's month; every value is checked first, and one wrong
    value refuses the whole write with its place named."""
    if field not in FIELDS:
        raise ValidationError(f"{field}: not a figure of a month of usage")
    parse = SPECS[RecordKind.USAGE].fields[field].parse
    checked: dict[tuple[int, date], Any] = {}
    problems = []
    for cell in cells:
        try:
            checked[(cell.subscription_id, cell.month)] = parse(cell.value)
        except ValueError as error:
            problems.append(f"{cell.month:%Y-%m}: {field_label(field)}: {error}")
    if problems:
        raise ValidationError(
            _("nothing was written: {problems}").format(problems="; ".join(problems[:5])),
            problems,
        )
    table: Any = models.Usage.__table__
    subscriptions: Any = models.Subscription.__table__
    with writing(target) as session:
        ids = {key[0] for key in checked}
        known = set(session.scalars(select(subscriptions.c.id).where(subscriptions.c.id.in_(ids))))
        if known != ids:
            raise ValidationError(
                _("there is no subscription with id {id} any more; nothing was written").format(
                    id=min(ids - known)
                )
            )
        # By month only: a list of a thousand subscription ids made SQLite's plan slower
        # than reading every subscription's rows of those months.
        existing: dict[tuple[int, date], tuple[int, Any]] = {}
        split: set[tuple[int, date]] = set()
        versions: dict[int, int] = {}
        for row_id, subscription_id, month, value, service, source, version in session.execute(
            select(
                table.c.id,
                table.c.subscription_id,
                table.c.month,
                table.c[field],
                table.c.service,
                table.c.source,
                table.c.version,
            ).where(table.c.month.in_({key[1] for key in checked}))
        ):
            if subscription_id not in ids:
                continue
            if service or source:
                split.add((subscription_id, month))
            else:
                existing[(subscription_id, month)] = (row_id, value)
                versions[row_id] = version
        changes = []
        previous = []
        new_rows = []
        for key, value in checked.items():
            if key in split:
                continue
            found = existing.get(key)
            if found is None:
                new_rows.append({"subscription_id": key[0], "month": key[1], field: value})
            elif found[1] != value:
                changes.append({"row_id": found[0], "value": value, "new_version": new_version()})
                previous.append((found[0], found[1]))
        if changes:
            # A new version per row: a window still showing the old value refuses to write it.
            session.execute(
                update(table)
                .where(table.c.id == bindparam("row_id"))
                .values({field: bindparam("value"), "version": bindparam("new_version")}),
                changes,
            )
        added: list[int] = []
        if new_rows:
            defaults = {name: SPECS[RecordKind.USAGE].fields[name].default for name in FIELDS}
            rows = [{**defaults, **row} for row in new_rows]
            session.execute(insert(table), rows)
            # The new rows are those of these subscriptions and months that were not there.
            wanted = {(row["subscription_id"], row["month"]) for row in rows}
            added = [
                row_id
                for row_id, subscription_id, month in session.execute(
                    select(table.c.id, table.c.subscription_id, table.c.month).where(
                        table.c.month.in_({row["month"] for row in rows}),
                        table.c.service == "",
                        table.c.source == "",
                    )
                )
                if (subscription_id, month) in wanted
            ]
    written = WrittenCells(
        field,
        tuple(previous),
        tuple(added),
        tuple(sorted(split & checked.keys())),
        tuple(versions[row_id] for row_id, _ in previous),
    )
    return OpResult(written, Change.of("Edit usage", RecordKind.USAGE))


def window_usage(db: Database, first: Month, last: Month) -> list[dict[str, Any]]:
    """The usage rows of the months ``first`` to ``last``: subscription_id, month (a
    ``Month``), the figures, and ``part``: whether the row is one service's or an
    import's share of the month rather than the month as typed. One query."""
    table: Any = models.Usage.__table__
    query = select(
        table.c.subscription_id,
        table.c.month,
        (table.c.service != "") | (table.c.source != ""),
        *(table.c[name] for name in FIELDS),
    ).where(table.c.month >= first.first_day, table.c.month <= last.first_day)
    months: dict[date, Month] = {}
    found = []
    with db.session(readonly=True) as session:
        for subscription_id, day, part, *figures in session.execute(query):
            month = months.get(day)
            if month is None:
                month = months[day] = Month.of(day)
            found.append(
                {
                    "subscription_id": subscription_id,
                    "month": month,
                    "part": bool(part),
                    **dict(zip(FIELDS, figures, strict=True)),
                }
            )
    return found


def unwrite_cells(target: Database | Transaction, written: WrittenCells) -> OpResult[None]:
    """Takes back what ``write_cells`` did: the replaced values back, the added rows deleted."""
    table: Any = models.Usage.__table__
    with writing(target) as session:
        if written.previous:
            session.execute(
                update(table)
                .where(table.c.id == bindparam("row_id"))
                .values({written.field: bindparam("value"), "version": bindparam("new_version")}),
                [
                    {"row_id": row_id, "value": value, "new_version": version}
                    for (row_id, value), version in zip(
                        written.previous, written.versions, strict=True
                    )
                ],
            )
        if written.added:
            session.execute(delete(table).where(table.c.id.in_(written.added)))
    return OpResult(None, Change.of("Undo usage edit", RecordKind.USAGE))
