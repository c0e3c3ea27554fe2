"""The export document as an .xlsx workbook: a sheet per table, and the progress on a Status sheet.

Each sheet is named as its section of the JSON document and has the same
column names in a frozen header row; dates, months, amounts and true/false are
real cells of their kind (not text), text is always text (never a formula),
and each column is as wide as its widest value (within reason).
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mpn_desktop.domain.catalog import Catalog
from mpn_desktop.domain.competency_tree import requirement_tree
from mpn_desktop.domain.evaluate import evaluate
from mpn_desktop.domain.performance import usage_window_start
from mpn_desktop.domain.progress_table import STATUS_COLUMNS, Cell, tree_rows
from mpn_desktop.domain.requirement_tree import RequirementTree
from mpn_desktop.store.database import Database
from mpn_desktop.store.document_check import (
    DESIGNATION_TARGET_KEYS,
    ORGANIZATION_KEYS,
    SECTIONS,
    Key,
)
from mpn_desktop.store.documents import export_document
from mpn_desktop.store.facts_loader import load_facts
from mpn_desktop.store.user_files import write_user_file
from mpn_desktop.store.value_kinds import ValueKind, kind_of
from mpn_desktop.store.workbook_cells import NUMBER_FORMATS, escape_text, to_cell

if TYPE_CHECKING:
    # openpyxl is imported where a workbook is written: the main window imports
    # this module, and openpyxl would cost every start-up a third of a second.
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

STATUS_SHEET = "Status"
ORGANIZATION_SHEET = "organization"

_MIN_WIDTH = 8
_MAX_WIDTH = 60
_MEASURED_ROWS = 2000
"""Column widths are measured on the first rows only: a long usage sheet says nothing new."""

_WIDTHS = {ValueKind.DAY: 11, ValueKind.MONTH: 8, ValueKind.FLAG: 6}


def sheet_keys() -> dict[str, dict[str, Key]]:
    """Every table of the document, in sheet order, with its fields.

    The targets sheet has a row per competency target (competency, level) or per
    designation aimed for (designation): its three columns may each be empty,
    and the document's check says what a row lacks.
    """
    targets = {**SECTIONS["targets"], **DESIGNATION_TARGET_KEYS}
    optional = {name: replace(key, required=False) for name, key in targets.items()}
    return {ORGANIZATION_SHEET: ORGANIZATION_KEYS, **SECTIONS, "targets": optional}


def build_workbook(
    document: Mapping[str, Any], status: Iterable[Sequence[Cell]] | None
) -> Workbook:
    """The workbook of ``document`` (the export document, JSON-ready) and of the status rows."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    bold = Font(bold=True)
    for name, keys in sheet_keys().items():
        rows: list[Mapping[str, Any]]
        if name == ORGANIZATION_SHEET:
            rows = [document[name]] if document.get(name) else []
        else:
            rows = list(document.get(name) or [])
        kinds = [kind_of(key.parse) for key in keys.values()]
        _write_sheet(
            book.create_sheet(name),
            list(keys),
            kinds,
            ([row.get(column) for column in keys] for row in rows),
            bold,
        )
    if status is not None:
        _write_sheet(
            book.create_sheet(STATUS_SHEET),
            list(STATUS_COLUMNS),
            [_status_kind(column) for column in STATUS_COLUMNS],
            ([_json_ready(value) for value in row] for row in status),
            bold,
        )
    return book


def export_workbook(
    db: Database,
    catalog: Catalog,
    as_of: date,
    path: Path,
    *,
    database: Path | None = None,
    tree: RequirementTree | None = None,
) -> dict[str, Any]:
    """Writes the organisation in ``db`` to ``path`` with its progress on ``as_of``.

    ``tree`` is the progress to put on the Status sheet when the caller has it
    (a Solutions Partner day's scores); else ``catalog`` evaluates the stored
    facts. Returns the export document written (for the caller's summary).
    ``database`` (default: ``db``'s file) is never written over, nor its
    journal or backups.
    """
    document = export_document(db)
    if tree is None:
        facts = load_facts(db, usage_from=usage_window_start(as_of))
        tree = requirement_tree(evaluate(catalog, facts, as_of))
    write_workbook(document, tree_rows(tree), path, database=database or db.path)
    return document


def write_workbook(
    document: Mapping[str, Any],
    status: Iterable[Sequence[Cell]] | None,
    path: Path,
    *,
    database: Path | None = None,
) -> None:
    """Saves the workbook of ``document`` to ``path`` through ``write_user_file``."""
    book = build_workbook(document, status)
    content = io.BytesIO()
    book.save(content)
    write_user_file(path, content.getvalue(), database=database)


def _status_kind(column: str) -> ValueKind:
    if column == "as_of":
        return ValueKind.DAY
    if column in ("targeted", "met"):
        return ValueKind.FLAG
    if column in ("have", "need", "points", "max_points"):
        # Amounts, people and points alike: numbers in the General format.
        return ValueKind.COUNT
    return ValueKind.TEXT


def _json_ready(value: Cell) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def _write_sheet(
    sheet: WriteOnlyWorksheet,
    columns: list[str],
    kinds: list[ValueKind],
    rows: Iterable[list[Any]],
    bold: Font,
) -> None:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.utils import get_column_letter

    widths = [max(_MIN_WIDTH, len(column) + 2) for column in columns]
    written: list[list[Any]] = []
    for number, row in enumerate(rows):
        values = [to_cell(kind, value) for kind, value in zip(kinds, row, strict=True)]
        if number < _MEASURED_ROWS:
            for position, (kind, value) in enumerate(zip(kinds, values, strict=True)):
                widths[position] = max(widths[position], _width(kind, value))
        written.append(values)
    # Column widths and the frozen row must be set before the first row is written.
    # A write-only sheet has column_dimensions at run time; the type stubs lack it.
    dimensions = sheet.column_dimensions  # type: ignore[attr-defined]
    for position, width in enumerate(widths, start=1):
        dimensions[get_column_letter(position)].width = min(width, _MAX_WIDTH)
    sheet.freeze_panes = "A2"
    header = []
    for column in columns:
        cell = WriteOnlyCell(sheet, value=escape_text(column))
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    for values in written:
        sheet.append([_cell(sheet, kind, value) for kind, value in zip(kinds, values, strict=True)])


def _cell(sheet: WriteOnlyWorksheet, kind: ValueKind, value: Any) -> Any:
    # A plain value where openpyxl writes it right by itself (a cell object each costs
    # seconds on a large organisation): text not starting with "=" (which it would take
    # for a formula), whole numbers, booleans and days (it formats those yyyy-mm-dd).
    if value is None:
        return None
    if isinstance(value, str):
        if not value.startswith("="):
            return value
        from openpyxl.cell import WriteOnlyCell

        cell = WriteOnlyCell(sheet, value=value)
        cell.data_type = "s"
        return cell
    if kind not in (ValueKind.MONTH, ValueKind.MONEY):
        return value
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value=value)
    cell.number_format = NUMBER_FORMATS[kind]
    return cell


def _width(kind: ValueKind, value: Any) -> int:
    if kind in _WIDTHS and not isinstance(value, str):
        return _WIDTHS[kind]
    if value is None:
        return 0
    if isinstance(value, bool):
        return 6
    if isinstance(value, (int, float, Decimal)):
        return len(f"{value:,.2f}") + 2
    longest_line = max(len(line) for line in str(value).splitlines() or [""])
    return longest_line + 2
