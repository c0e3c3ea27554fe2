"""Reads a workbook written by ``export FILE.xlsx`` (and maybe edited since) back into a document.

Sheets and columns are found by name, in any order; the ``Status`` sheet is
the program's own summary and is left out. The document then passes every
check of ``load FILE.json``, and each problem names the sheet, row and column
("sheet 'exams', row 5, column D (passed_on): 2017-13-45 is not a date").
"""

from __future__ import annotations

import zipfile
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import ParseError

from mpn_desktop.domain import wording
from mpn_desktop.domain.vocabulary import _, ngettext
from mpn_desktop.errors import MpnError, ValidationError
from mpn_desktop.input_files import open_input
from mpn_desktop.shown import shown_path, shown_value
from mpn_desktop.store.document_check import FORMAT, Key, check_document
from mpn_desktop.store.value_kinds import kind_of
from mpn_desktop.store.workbook_cells import from_cell, unescape_text
from mpn_desktop.store.workbook_write import ORGANIZATION_SHEET, STATUS_SHEET, sheet_keys

MAX_UNPACKED_BYTES = 1 << 30
"""An .xlsx is a zip file; one that would unpack to more than this is not a workbook of ours."""

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")


def is_workbook_path(path: Path) -> bool:
    """Whether ``path`` names an Excel workbook (by its extension, as the user chose it)."""
    return path.suffix.casefold() in WORKBOOK_SUFFIXES


@dataclass
class _Sheet:
    """Where the rows of one table were found: for naming places in messages."""

    title: str
    columns: dict[str, int] = field(default_factory=dict)
    """Field -> column number (1 is A)."""
    rows: list[int] = field(default_factory=list)
    """Row number of each record, in order."""


@dataclass
class _Reading:
    """What was read so far, and what was wrong with it."""

    sheets: dict[str, _Sheet] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    unreadable: set[str] = field(default_factory=set)
    """Places whose cell had a problem already: their "missing" says nothing more."""

    def place(self, section: str, index: int | None, name: str | None) -> str:
        """A place as a person finds it in the workbook."""
        sheet = self.sheets.get(section)
        where = _sheet(sheet.title if sheet is not None else section)
        if index is None and section == ORGANIZATION_SHEET:
            index = 0  # the organisation is the sheet's one record
        if index is not None:
            row = sheet.rows[index] if sheet is not None and index < len(sheet.rows) else None
            where += (
                _(", row {row}").format(row=row)
                if row is not None
                else _(", record {number}").format(number=index + 1)
            )
        if name is not None:
            column = sheet.columns.get(name) if sheet is not None else None
            where += (
                _(", column {letter} ({name})").format(letter=_column_letter(column), name=name)
                if column is not None
                else f", {name}"
            )
        return where


def _sheet(title: str) -> str:
    """A sheet as a problem names it: "sheet 'usage'"."""
    return _("sheet {title}").format(title=repr(title))


def read_workbook(path: Path, competencies: Collection[str] | None = None) -> dict[str, Any]:
    """The document a workbook holds, checked as ``load FILE.json`` checks one.

    Raises ``ValidationError`` listing every problem by sheet, row and column,
    or ``MpnError`` when the file is not a workbook at all.
    """
    book = _open(path)
    reading = _Reading()
    document: dict[str, Any] = {"format": FORMAT}
    known = sheet_keys()
    try:
        for sheet in book.worksheets:
            title = str(sheet.title)
            section = next((name for name in known if name.casefold() == title.casefold()), None)
            if title.casefold() == STATUS_SHEET.casefold():
                continue  # the program's summary of the progress: worked out, not loaded
            if section is None:
                reading.problems.append(
                    _(
                        "{sheet}: not a table of the document (the sheets are {sheets}; "
                        "{status} is left out)"
                    ).format(
                        sheet=_sheet(title), sheets=", ".join(known), status=repr(STATUS_SHEET)
                    )
                )
                continue
            if section in reading.sheets:
                reading.problems.append(
                    _("{sheet}: a second sheet for {section} (the first is {first})").format(
                        sheet=_sheet(title),
                        section=section,
                        first=repr(reading.sheets[section].title),
                    )
                )
                continue
            reading.sheets[section] = _Sheet(title)
            document[section] = _read_rows(sheet, section, known[section], reading)
    except (ParseError, zipfile.BadZipFile, KeyError) as error:
        # Sheets are read lazily: damaged XML inside the archive shows only now.
        raise ValidationError(
            _(
                "{path}: a sheet of the workbook is damaged ({error}); save it again from the "
                "spreadsheet program; nothing was written"
            ).format(path=shown_path(path), error=shown_value(error, 80))
        ) from None
    finally:
        book.close()
    if ORGANIZATION_SHEET in document:
        document[ORGANIZATION_SHEET] = _one_organization(document[ORGANIZATION_SHEET], reading)
    return _checked(document, competencies, path, reading)


def _column_letter(position: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(position)


def _open(path: Path) -> Any:
    # openpyxl here, not at the top: the main window imports this module, and
    # openpyxl costs start-up a third of a second for a workbook rarely opened.
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    # A regular file only: a FIFO or a link to /dev/zero named .xlsx used to hang.
    open_input(path).close()
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(item.file_size for item in archive.infolist())
        if unpacked > MAX_UNPACKED_BYTES:
            raise ValidationError(
                _(
                    "{path}: would unpack to {size} MB, more than an organisation's workbook "
                    "holds; nothing was written"
                ).format(path=path, size=f"{unpacked / (1 << 20):,.0f}")
            )
        return load_workbook(path, read_only=True, data_only=True)
    except FileNotFoundError:
        raise MpnError(f"{path}: {_('no such file')}") from None
    except IsADirectoryError:
        raise MpnError(_("{path}: is a folder, not a workbook").format(path=path)) from None
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, ParseError) as error:
        detail = f" ({error})" if isinstance(error, InvalidFileException) else ""
        raise ValidationError(
            _(
                "{path}: not an Excel workbook (.xlsx){detail}; save it from the spreadsheet "
                "program as 'Excel 2007-365 (.xlsx)'"
            ).format(path=path, detail=detail)
        ) from None
    except OSError as error:
        reason = _("cannot be read ({reason})").format(reason=error.strerror)
        raise MpnError(f"{path}: {reason}") from None


def _read_rows(
    sheet: Any, section: str, keys: dict[str, Key], reading: _Reading
) -> list[dict[str, Any]]:
    """The records of one sheet: row 1 names the columns, each later row with a value is one."""
    if hasattr(sheet, "reset_dimensions"):
        # Some writers store a wrong sheet size; reading to the real end is safer.
        sheet.reset_dimensions()
    found = reading.sheets[section]
    rows = sheet.iter_rows()
    header = next(rows, ())
    columns = _header(header, section, keys, found, reading)
    records: list[dict[str, Any]] = []
    for cells in rows:
        record: dict[str, Any] = {}
        row_number: int | None = None
        stray: list[int] = []
        for cell in cells:
            value = getattr(cell, "value", None)
            if value is None:
                continue
            position = getattr(cell, "column", None)
            row_number = getattr(cell, "row", row_number)
            name = columns.get(position) if isinstance(position, int) else None
            if name is None:
                if not (isinstance(value, str) and not value.strip()) and position is not None:
                    stray.append(position)
                continue
            if getattr(cell, "data_type", None) == "e":
                record[name] = _CellError(str(value))
                continue
            converted = from_cell(kind_of(keys[name].parse), value)
            if converted is not None:
                record[name] = converted
        if not record and not stray:
            continue  # an empty (or only formatted) row
        index = len(records)
        found.rows.append(row_number or 0)
        for position in stray:
            reading.problems.append(
                _("{place}, column {letter}: holds a value but row 1 names no column there").format(
                    place=reading.place(section, index, None), letter=_column_letter(position)
                )
            )
        for name, value in list(record.items()):
            if isinstance(value, _CellError):
                place = reading.place(section, index, name)
                reading.problems.append(
                    _("{place}: the formula's result is an error ({value})").format(
                        place=place, value=value
                    )
                )
                reading.unreadable.add(place)
                del record[name]
        records.append(record)
    # Required columns the sheet lacks: said once for the sheet, not once per row.
    for name, key in keys.items():
        if key.required and name not in found.columns and records:
            reading.problems.append(
                _("{sheet}: no column {name} (it is needed)").format(
                    sheet=_sheet(found.title), name=repr(name)
                )
            )
            reading.unreadable.update(
                reading.place(section, index, name) for index in range(len(records))
            )
    return records


class _CellError(str):
    """A cell holding a formula's error (#N/A, #VALUE!) instead of a value."""


def _header(
    header: Any, section: str, keys: dict[str, Key], found: _Sheet, reading: _Reading
) -> dict[int, str]:
    columns: dict[int, str] = {}
    by_folded = {name.casefold(): name for name in keys}
    for cell in header:
        value = getattr(cell, "value", None)
        position = getattr(cell, "column", None)
        if value is None or not isinstance(position, int):
            continue
        text = unescape_text(str(value)).strip()
        if not text:
            continue
        letter = _column_letter(position)
        name = by_folded.get(text.casefold())
        if name is None:
            reading.problems.append(
                _(
                    "{sheet}, column {letter}: {text} is not a column of {section} (its columns "
                    "are {columns})"
                ).format(
                    sheet=_sheet(found.title),
                    letter=letter,
                    text=repr(text),
                    section=section,
                    columns=", ".join(keys),
                )
            )
        elif name in found.columns:
            reading.problems.append(
                _(
                    "{sheet}, column {letter}: a second column {name} (the first is column {first})"
                ).format(
                    sheet=_sheet(found.title),
                    letter=letter,
                    name=repr(name),
                    first=_column_letter(found.columns[name]),
                )
            )
        else:
            found.columns[name] = position
            columns[position] = name
    return columns


def _one_organization(records: list[dict[str, Any]], reading: _Reading) -> dict[str, Any] | None:
    if len(records) > 1:
        reading.problems.append(
            _("{place}: a workbook holds one organisation (the one of {first})").format(
                place=reading.place(ORGANIZATION_SHEET, 1, None),
                first=reading.place(ORGANIZATION_SHEET, 0, None),
            )
        )
    return records[0] if records else None


def _checked(
    document: dict[str, Any],
    competencies: Collection[str] | None,
    path: Path,
    reading: _Reading,
) -> dict[str, Any]:
    problems = list(reading.problems)
    try:
        # The places said unreadable (a missing column, a failed formula) are not said
        # again as missing, one row at a time.
        check_document(document, competencies, str(path), reading.place, reading.unreadable)
    except ValidationError as error:
        problems.extend(error.problems)
    if problems:
        raise ValidationError(
            ngettext(
                "{path}: the workbook has {count} problem; nothing was written",
                "{path}: the workbook has {count} problems; nothing was written",
                len(problems),
            ).format(path=path, count=wording.number(len(problems))),
            problems,
        )
    return document
