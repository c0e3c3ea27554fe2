"""Many rows of one kind added or changed as one operation (a paste), and that operation undone.

Each row is checked as a form's record is and written in a savepoint of its
own: a row the store refuses (a bad value, a name that exists already) is
named with its reason and left out, the others are written in the same one
transaction. Undo takes every row of the batch back in one transaction too.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import UniqueConstraint
from sqlalchemy.exc import IntegrityError

from mpn_desktop.errors import ValidationError
from mpn_desktop.store.changes import Change, OpResult, RecordKind
from mpn_desktop.store.constraints import describe_violation
from mpn_desktop.store.database import Database
from mpn_desktop.store.records import Record, add_record, delete_records, update_record
from mpn_desktop.store.schema_fields import SPECS
from mpn_desktop.store.transactions import Transaction, writing


@dataclass(frozen=True)
class RowEdit:
    """One row to write: a new record (``record_id`` None) or new values for one."""

    values: Mapping[str, Any]
    record_id: int | None = None
    line: int = 0
    """Where the row came from (the line of the pasted text), for naming a refusal."""


@dataclass(frozen=True)
class WrittenRows:
    """What a batch did: the records it added, the values it replaced, the rows it refused."""

    added: tuple[int, ...] = ()
    previous: tuple[tuple[int, Record], ...] = ()
    refused: tuple[tuple[int, str], ...] = field(default=())
    """(line, reason) of each row left out."""

    @property
    def touched(self) -> tuple[int, ...]:
        """The ids of every record written."""
        return self.added + tuple(record_id for record_id, _ in self.previous)


def natural_key(kind: RecordKind) -> tuple[str, ...]:
    """The fields that name one record of ``kind`` uniquely (its table's unique constraint),
    by which a pasted row finds the record it changes; () when there is none."""
    table: Any = SPECS[kind].model.__table__
    for constraint in table.constraints:
        if isinstance(constraint, UniqueConstraint):
            return tuple(column.name for column in constraint.columns)
    for column in table.columns:
        if column.unique:
            return (column.name,)
    return ()


def write_rows(
    target: Database | Transaction, kind: RecordKind, edits: Sequence[RowEdit]
) -> OpResult[WrittenRows]:
    """Adds and changes the rows of ``edits``; each refused one is left out and named."""
    added: list[int] = []
    previous: list[tuple[int, Record]] = []
    refused: list[tuple[int, str]] = []
    with writing(target) as session:
        transaction = Transaction(session)
        for edit in edits:
            try:
                with session.begin_nested():
                    if edit.record_id is None:
                        added.append(add_record(transaction, kind, edit.values).value.id)
                    else:
                        edited = update_record(transaction, kind, edit.record_id, edit.values)
                        # With the version it had, which undo puts back with the values.
                        old = {**edited.value.before, "version": edited.value.version_before}
                        previous.append((edit.record_id, old))
            except ValidationError as error:
                refused.append((edit.line, str(error)))
            except IntegrityError as error:
                refused.append((edit.line, describe_violation(error)))
    written = WrittenRows(tuple(added), tuple(previous), tuple(refused))
    return OpResult(written, Change.of(f"Paste {SPECS[kind].label}", kind))


def unwrite_rows(
    target: Database | Transaction, kind: RecordKind, written: WrittenRows
) -> OpResult[None]:
    """Takes back what ``write_rows`` did: the old values back, the added records deleted."""
    kinds = {kind}
    with writing(target) as session:
        transaction = Transaction(session)
        for record_id, old in reversed(written.previous):
            values = {name: value for name, value in old.items() if name != "version"}
            update_record(transaction, kind, record_id, values, new_version=old.get("version"))
        if written.added:
            kinds |= delete_records(transaction, kind, written.added).change.kinds
    return OpResult(None, Change(frozenset(kinds), f"Unpaste {SPECS[kind].label}"))
