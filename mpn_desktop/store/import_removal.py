"""Removing a past import as a whole, and putting it back exactly (for undo).

An import is recorded as a batch: its exam results and the people it created
point at it. Removing it deletes those results and the people nobody else
needs; a person the import created who has since got other results stays and
is only unmarked. What was removed is returned, so that undo can put back the
same rows with the same ids.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, delete, insert, select, update
from sqlalchemy.orm import Session

from mpn_desktop.errors import ValidationError
from mpn_desktop.store import models
from mpn_desktop.store.changes import Change, OpResult, RecordKind
from mpn_desktop.store.database import Database
from mpn_desktop.store.transactions import Transaction, writing

Row = dict[str, Any]
_KINDS = (RecordKind.IMPORT_BATCH, RecordKind.EXAM, RecordKind.PERSON)


@dataclass(frozen=True, slots=True)
class RemovedImport:
    """Everything one removal took out: the batch, its results and people, and who was unmarked."""

    batch: Row
    exams: tuple[Row, ...]
    people: tuple[Row, ...]
    unmarked_people: tuple[int, ...]

    @property
    def file_name(self) -> str:
        """The name of the file the import read."""
        return str(self.batch["file_name"])


def remove_import(target: Database | Transaction, batch_id: int) -> OpResult[RemovedImport]:
    """Removes the import ``batch_id`` in one transaction; returns what it removed."""
    batches: Any = models.ImportBatch.__table__
    exams: Any = models.ExamResult.__table__
    people: Any = models.Person.__table__
    with writing(target) as session:
        batch = session.execute(select(batches).where(batches.c.id == batch_id)).first()
        if batch is None:
            raise ValidationError(f"there is no import with id {batch_id} any more")
        exam_rows = [
            dict(row._mapping)
            for row in session.execute(
                select(exams).where(exams.c.import_batch_id == batch_id).order_by(exams.c.id)
            )
        ]
        created = [
            dict(row._mapping)
            for row in session.execute(
                select(people).where(people.c.import_batch_id == batch_id).order_by(people.c.id)
            )
        ]
        unmarked = delete_import_rows(session, batch_id)
        kept = set(unmarked)
        removed_people = [row for row in created if row["id"] not in kept]
    removed = RemovedImport(dict(batch._mapping), tuple(exam_rows), tuple(removed_people), unmarked)
    return OpResult(removed, Change.of(f"Remove import of {removed.file_name}", *_KINDS))


def delete_import_rows(session: Session, batch_id: int) -> tuple[int, ...]:
    """Deletes an import's results, the people only it needed, and the batch.

    Returns the people it created who stay (they have other results), now
    unmarked. Subqueries, not lists of ids: an import may have made thousands.
    """
    exams: Any = models.ExamResult.__table__
    people: Any = models.Person.__table__
    session.execute(delete(exams).where(exams.c.import_batch_id == batch_id))
    session.execute(
        delete(people).where(
            people.c.import_batch_id == batch_id,
            people.c.id.not_in(select(exams.c.person_id)),
        )
    )
    unmarked = tuple(
        session.scalars(select(people.c.id).where(people.c.import_batch_id == batch_id))
    )
    session.execute(
        update(people).where(people.c.import_batch_id == batch_id).values(import_batch_id=None)
    )
    session.execute(delete(models.ImportBatch).where(models.ImportBatch.id == batch_id))
    return unmarked


def restore_import(target: Database | Transaction, removed: RemovedImport) -> OpResult[None]:
    """Puts a removed import back with the same ids (undo of ``remove_import``).

    Refused (a ``StoreError`` from the constraints) when the same person or
    result has been entered again since.
    """
    batches: Any = models.ImportBatch.__table__
    exams: Any = models.ExamResult.__table__
    people: Any = models.Person.__table__
    with writing(target) as session:
        session.execute(insert(batches), [removed.batch])
        if removed.people:
            session.execute(insert(people), list(removed.people))
        if removed.unmarked_people:
            session.execute(
                update(people)
                .where(people.c.id == bindparam("person"))
                .values(import_batch_id=removed.batch["id"]),
                [{"person": person} for person in removed.unmarked_people],
            )
        if removed.exams:
            session.execute(insert(exams), list(removed.exams))
    return OpResult(None, Change.of(f"Restore import of {removed.file_name}", *_KINDS))
