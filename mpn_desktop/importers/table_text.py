"""A table as text for spreadsheets: the clipboard's tab-separated rows, and a CSV file.

Values are written as values, not as the window shows them (2000.5, not
US$ 2,000.50; 2017-11-02; dpor; TRUE), so a spreadsheet computes with them and
pasting them back gives the same records. Text that a spreadsheet would run as
a formula is neutralised (``formulas``) and the mark is taken off again when
such text is pasted back.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal
from enum import Enum

from mpn_desktop.importers.formulas import neutralise_for_csv, remove_csv_mark

CSV_ENCODING = "utf-8-sig"
"""UTF-8 with a byte order mark: Excel opens such a CSV as UTF-8, not in the system's code page."""


def cell_text(value: object) -> str:
    """A value as a spreadsheet cell's text: plain figures, ISO dates, TRUE/FALSE."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, Decimal):
        text = f"{value.normalize():f}"
        return text
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        return neutralise_for_csv(value)
    return str(value)


def _rows_text(header: Sequence[str], rows: Iterable[Sequence[object]], delimiter: str) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow([neutralise_for_csv(name) for name in header])
    for row in rows:
        writer.writerow([cell_text(value) for value in row])
    return out.getvalue()


def tab_separated(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """The rows as the clipboard holds a spreadsheet's selection, the header row first."""
    return _rows_text(header, rows, "\t")


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    """The rows as a CSV file Excel and LibreOffice open as they are (UTF-8 with BOM)."""
    return _rows_text(header, rows, ",").encode(CSV_ENCODING)


def rows_of_pasted_text(text: str) -> list[list[str]]:
    """The cells of tab-separated text (Excel's and LibreOffice's clipboard format).

    Quoted cells may hold tabs and line breaks; blank lines are skipped;
    a neutralised formula comes back as the text it was.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    rows = []
    for row in csv.reader(io.StringIO(text), delimiter="\t"):
        if any(cell.strip() for cell in row):
            rows.append([remove_csv_mark(cell) for cell in row])
    return rows
