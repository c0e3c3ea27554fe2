"""What pasted rows mean for a table: which records they change, which they add, which are wrong.

Text with a header row (the column names, as the table or the JSON document
names them) is matched by name, in any order, and each row finds the record
it changes by the table's natural key (a customer's name, a person's MCP ID);
a row that finds none is a new record. Text without a header fills the
table's cells from the current one, as a spreadsheet does: rows past the
table's end are new records. Every cell is read as the form reads what is
typed (``parse_text``); a row with a wrong cell is refused whole, with why.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from mpn_desktop.lazy_modules import LazyModule
from mpn_desktop.ui import count_text
from mpn_desktop.ui.models.fields import Field, parse_text

if TYPE_CHECKING:
    from mpn_desktop.store import row_batches
    from mpn_desktop.store.row_batches import RowEdit
else:
    row_batches = LazyModule("mpn_desktop.store.row_batches")  # imports SQLAlchemy

Record = dict[str, Any]
Reader = Callable[[str], object]
"""Reads a pasted cell as a field's value; ValueError says what is wrong."""


def _tr(text: str) -> str:
    return QCoreApplication.translate("PastePlan", text)


@dataclass
class PastePlan:
    """The rows to write, and those refused before anything is written (line, reason)."""

    edits: list[RowEdit] = field(default_factory=list)
    refused: list[tuple[int, str]] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)

    @property
    def new_count(self) -> int:
        """How many rows add a record."""
        return sum(1 for edit in self.edits if edit.record_id is None)


def _as_they_are(values: Mapping[str, Any], _record: Record | None) -> dict[str, Any]:
    return dict(values)


@dataclass(frozen=True)
class PasteTarget:
    """The table pasted into: its columns in the order shown, and its rows."""

    fields: Sequence[Field]
    """The columns as the user sees them, left to right."""
    shown: Sequence[Record]
    """The records in the order shown (after sorting and filtering)."""
    records: Sequence[Record]
    """Every record of the table, shown or not: a header row's rows are matched among them."""
    fixed: Mapping[str, Any]
    """Values every new record gets (the chosen subscription of a usage row)."""
    key: tuple[str, ...]
    """The fields naming one record (``natural_key``)."""
    prepare: Callable[[Mapping[str, Any], Record | None], dict[str, Any]] = _as_they_are
    """Turns parsed values into the values to store (an empty amount is 0), given the
    record they change (None for a new one)."""
    aliases: Mapping[str, tuple[Field, Reader]] = dataclasses.field(default_factory=dict)
    """Other column names a header row may use for a field, with how to read them (a
    spreadsheet of exams names the person by "MCP ID")."""


@dataclass(frozen=True)
class Header:
    """What a header row says: the field of each column, how to read the columns named by
    an alias, and the names that are no column."""

    columns: dict[int, Field]
    readers: dict[int, Reader]
    unknown: list[str]


def header_columns(
    first_row: Sequence[str],
    fields: Sequence[Field],
    aliases: Mapping[str, tuple[Field, Reader]] | None = None,
) -> Header | None:
    """The columns of ``first_row`` when it is a header row, else None.

    It is one when most of its cells name a column (a spreadsheet may add a
    column of its own, "Notes"); otherwise it holds values.
    """
    names: dict[str, tuple[Field, Reader | None]] = {}
    for name, (item, reader) in (aliases or {}).items():
        names[name.casefold()] = (item, reader)
    for item in fields:
        names[item.label.casefold()] = (item, None)
        names[item.key.casefold()] = (item, None)
    header = Header({}, {}, [])
    for position, text in enumerate(first_row):
        named = names.get(text.strip().casefold())
        if named is not None:
            header.columns[position] = named[0]
            if named[1] is not None:
                header.readers[position] = named[1]
        elif text.strip():
            header.unknown.append(text.strip())
    if not header.columns or len(header.unknown) > len(header.columns):
        return None
    return header


def plan_paste(
    rows: Sequence[Sequence[str]], target: PasteTarget, *, start_row: int, start_column: int
) -> PastePlan:
    """The plan for ``rows`` (cells of pasted text) pasted into ``target``.

    ``start_row`` and ``start_column`` are the current cell (in the order
    shown); they place text without a header row.
    """
    plan = PastePlan()
    if not rows:
        return plan
    header = header_columns(rows[0], target.fields, target.aliases)
    if header is not None:
        plan.ignored_columns = header.unknown + [
            item.label for item in header.columns.values() if not item.is_editable
        ]
        _plan_by_header(rows[1:], header, target, plan)
    else:
        _plan_by_position(rows, target, start_row, start_column, plan)
    return plan


def _parsed(
    cells: Sequence[str],
    columns: Mapping[int, Field],
    line: int,
    plan: PastePlan,
    readers: Mapping[int, Reader] | None = None,
) -> dict[str, Any] | None:
    values: dict[str, Any] = {}
    problems = []
    for position, item in columns.items():
        if not item.is_editable:
            continue
        text = cells[position] if position < len(cells) else ""
        reader = (readers or {}).get(position)
        try:
            values[item.key] = reader(text) if reader is not None else parse_text(item, text)
        except ValueError as error:
            problems.append(str(error))
    if problems:
        plan.refused.append((line, " ".join(problems)))
        return None
    return values


def _plan_by_header(
    rows: Sequence[Sequence[str]], header: Header, target: PasteTarget, plan: PastePlan
) -> None:
    known: dict[tuple[Any, ...], Record] = {}
    if target.key:
        for record in target.records:
            known[tuple(record.get(name) for name in target.key)] = record
    for line, cells in enumerate(rows, start=2):
        values = _parsed(cells, header.columns, line, plan, header.readers)
        if values is None:
            continue
        whole = {**target.fixed, **values}
        key = tuple(whole.get(name) for name in target.key) if target.key else None
        changed = known.get(key) if key is not None else None
        if changed is None:
            plan.edits.append(row_batches.RowEdit(target.prepare(whole, None), None, line))
        else:
            plan.edits.append(
                row_batches.RowEdit(target.prepare(values, changed), changed["id"], line)
            )


def _plan_by_position(
    rows: Sequence[Sequence[str]],
    target: PasteTarget,
    start_row: int,
    start_column: int,
    plan: PastePlan,
) -> None:
    for offset, cells in enumerate(rows):
        line = offset + 1
        columns = {
            position: target.fields[start_column + position]
            for position in range(len(cells))
            if start_column + position < len(target.fields)
        }
        values = _parsed(cells, columns, line, plan)
        if values is None:
            continue
        row = start_row + offset
        if 0 <= row < len(target.shown):
            changed = target.shown[row]
            plan.edits.append(
                row_batches.RowEdit(target.prepare(values, changed), changed["id"], line)
            )
        else:
            plan.edits.append(
                row_batches.RowEdit(target.prepare({**target.fixed, **values}, None), None, line)
            )


def refusal_text(refused: Sequence[tuple[int, str]], *, limit: int = 5) -> str:
    """The refused rows in a few lines: "line 3: MCP ID: “x” is not an MCP ID"."""
    lines = [
        _tr("line {line}: {reason}").format(line=line, reason=reason)
        for line, reason in refused[:limit]
    ]
    if len(refused) > limit:
        lines.append(_tr("… and {count} more").format(count=count_text.count(len(refused) - limit)))
    return "\n".join(lines)
