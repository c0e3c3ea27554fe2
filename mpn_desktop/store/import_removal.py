"""Removing a past import as a whole, and putting it back exactly: undo and redo of an import.

An import is recorded as a batch. The rows it added (exam results, usage)
and the records it created (people, customers, subscriptions) point at it;
the usage rows it replaced wait in ``replaced_usage``. Removing it deletes
what it added, puts back what it replaced, and deletes the records it created
that nothing else needs (one that has since got other rows stays, only
unmarked). What was removed is returned, so that ``restore_import`` can put
back the same rows with the same ids. Undoing a fresh import and removing
an old one from Past imports are the same operation, and so are redoing
the import and undoing its removal.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, bindparam, delete, exists, insert, select, update
from sqlalchemy.orm import Session

from mpn_desktop.domain.vocabulary import _
from mpn_desktop.errors import ValidationError
from mpn_desktop.store import models
from mpn_desktop.store.changes import Change, OpResult, RecordKind
from mpn_desktop.store.database import Database
from mpn_desktop.store.transactions import Transaction, writing

Row = dict[str, Any]


def _table(model: type[models.Base]) -> Table:
    table: Table = model.__table__  # type: ignore[assignment]
    return table


_BATCHES = _table(models.ImportBatch)
_EXAMS = _table(models.ExamResult)
_USAGE = _table(models.Usage)
_REPLACED = _table(models.ReplacedUsage)
_PEOPLE = _table(models.Person)
_CUSTOMERS = _table(models.Customer)
_SUBSCRIPTIONS = _table(models.Subscription)
_REFERENCES = _table(models.Reference)

_ADDED = (_EXAMS, _USAGE)
"""Tables of the rows an import adds: removed with it."""
_CREATED = (_CUSTOMERS, _SUBSCRIPTIONS, _PEOPLE)
"""Tables of the records an import creates, parents first: removed when nothing needs them."""
_KINDS = {
    "exams": (RecordKind.IMPORT_BATCH, RecordKind.EXAM, RecordKind.PERSON),
    "usage": (
        RecordKind.IMPORT_BATCH,
        RecordKind.USAGE,
        RecordKind.SUBSCRIPTION,
        RecordKind.CUSTOMER,
    ),
}


@dataclass(frozen=True, slots=True)
class RemovedImport:
    """Everything one removal took out or put back, to be undone exactly."""

    batch: Row
    added: dict[str, tuple[Row, ...]]
    """Per table (``exam_results``, ``usage``): the rows the import had added."""
    created: dict[str, tuple[Row, ...]]
    """Per table (customers, subscriptions, people): the records it created, now deleted."""
    unmarked: dict[str, tuple[int, ...]]
    """Per table: the records it created that stay (others need them), now unmarked."""
    replaced: tuple[Row, ...]
    """The ``replaced_usage`` rows: the usage the import had replaced, now back in ``usage``."""

    @property
    def file_name(self) -> str:
        """The name of the file the import read."""
        return str(self.batch["file_name"])

    @property
    def exams(self) -> tuple[Row, ...]:
        """The exam results the import had added."""
        return self.added.get("exam_results", ())

    @property
    def people(self) -> tuple[Row, ...]:
        """The people the import had created and nobody else needed."""
        return self.created.get("people", ())

    @property
    def usage(self) -> tuple[Row, ...]:
        """The usage rows the import had added."""
        return self.added.get("usage", ())

    @property
    def change(self) -> Change:
        """What removing (or restoring) this import touches."""
        kinds = _KINDS.get(str(self.batch.get("kind", "exams")), _KINDS["exams"])
        return Change.of(f"Remove import of {self.file_name}", *kinds)


def remove_import(target: Database | Transaction, batch_id: int) -> OpResult[RemovedImport]:
    """Removes the import ``batch_id`` in one transaction; returns what it removed."""
    with writing(target) as session:
        removed = _remove(session, batch_id)
    return OpResult(removed, removed.change)


def _rows(session: Session, table: Table, column: str, batch_id: int) -> tuple[Row, ...]:
    query = select(table).where(table.c[column] == batch_id).order_by(table.c.id)
    return tuple(dict(row._mapping) for row in session.execute(query))


def _remove(session: Session, batch_id: int) -> RemovedImport:
    batch = session.execute(select(_BATCHES).where(_BATCHES.c.id == batch_id)).first()
    if batch is None:
        raise ValidationError(_("there is no import with id {id} any more").format(id=batch_id))
    added = {table.name: _rows(session, table, "import_batch_id", batch_id) for table in _ADDED}
    created = {table.name: _rows(session, table, "import_batch_id", batch_id) for table in _CREATED}
    replaced = _rows(session, _REPLACED, "import_batch_id", batch_id)
    for table in _ADDED:
        session.execute(delete(table).where(table.c.import_batch_id == batch_id))
    _put_back_replaced(session, replaced)
    session.execute(delete(_REPLACED).where(_REPLACED.c.import_batch_id == batch_id))
    # Children before parents: a subscription the import created may hold its customer.
    unmarked: dict[str, tuple[int, ...]] = {}
    for table, needed in reversed(_needed_by()):
        session.execute(delete(table).where(table.c.import_batch_id == batch_id, ~needed))
        unmarked[table.name] = tuple(
            session.scalars(select(table.c.id).where(table.c.import_batch_id == batch_id))
        )
        session.execute(
            update(table).where(table.c.import_batch_id == batch_id).values(import_batch_id=None)
        )
    session.execute(delete(_BATCHES).where(_BATCHES.c.id == batch_id))
    deleted = {
        name: tuple(row for row in rows if row["id"] not in set(unmarked[name]))
        for name, rows in created.items()
    }
    return RemovedImport(dict(batch._mapping), added, deleted, unmarked, replaced)


def _needed_by() -> list[tuple[Table, Any]]:
    """Per created table, parents first: the condition that another row still needs a record."""
    return [
        (
            _CUSTOMERS,
            exists().where(_SUBSCRIPTIONS.c.customer_id == _CUSTOMERS.c.id)
            | exists().where(_REFERENCES.c.customer_id == _CUSTOMERS.c.id),
        ),
        (
            _SUBSCRIPTIONS,
            exists().where(_USAGE.c.subscription_id == _SUBSCRIPTIONS.c.id)
            | exists().where(_REPLACED.c.subscription_id == _SUBSCRIPTIONS.c.id),
        ),
        (_PEOPLE, exists().where(_EXAMS.c.person_id == _PEOPLE.c.id)),
    ]


def _put_back_replaced(session: Session, replaced: tuple[Row, ...]) -> None:
    """Puts the usage rows an import replaced back into ``usage`` with their ids."""
    if not replaced:
        return
    batches = set(session.scalars(select(_BATCHES.c.id)))
    session.execute(
        insert(_USAGE),
        [
            {
                **{k: v for k, v in row.items() if k not in _REPLACED_ONLY},
                "id": row["usage_id"],
                # The import that had added it may have been removed meanwhile.
                "import_batch_id": row["origin_batch_id"]
                if row["origin_batch_id"] in batches
                else None,
            }
            for row in replaced
        ],
    )


_REPLACED_ONLY = ("id", "usage_id", "origin_batch_id", "import_batch_id")
_IDS_PER_STATEMENT = 500


def restore_import(target: Database | Transaction, removed: RemovedImport) -> OpResult[None]:
    """Puts a removed import back with the same ids (undo of ``remove_import``, redo of an import).

    Refused (a ``ValidationError`` from the constraints) when the same record
    has been entered again since.
    """
    batch_id = removed.batch["id"]
    with writing(target) as session:
        session.execute(insert(_BATCHES), [removed.batch])
        if removed.replaced:
            usage_ids = [row["usage_id"] for row in removed.replaced]
            for first in range(0, len(usage_ids), _IDS_PER_STATEMENT):
                chunk = usage_ids[first : first + _IDS_PER_STATEMENT]
                session.execute(delete(_USAGE).where(_USAGE.c.id.in_(chunk)))
            session.execute(insert(_REPLACED), list(removed.replaced))
        for table in _CREATED:
            rows = removed.created.get(table.name, ())
            if rows:
                session.execute(insert(table), list(rows))
            ids = removed.unmarked.get(table.name, ())
            if ids:
                session.execute(
                    update(table)
                    .where(table.c.id == bindparam("record"))
                    .values(import_batch_id=batch_id),
                    [{"record": record} for record in ids],
                )
        for table in _ADDED:
            rows = removed.added.get(table.name, ())
            if rows:
                session.execute(insert(table), list(rows))
    change = removed.change
    return OpResult(
        None,
        Change(
            change.kinds,
            f"Restore import of {removed.file_name}",
            import_batch=batch_id,
            import_file=removed.file_name,
        ),
    )
