"""Qt table models of the import wizard: the first records of the file, and the problems found."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TR_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from mpn_desktop.importers.reading import Record
from mpn_desktop.importers.validation import RowProblem

_Index = QModelIndex | QPersistentModelIndex
_DISPLAY = Qt.ItemDataRole.DisplayRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole


class PreviewModel(QAbstractTableModel):
    """The first records as the import reads them: one column per CSV column, rows by line.

    The date column shows each cell with the day it is read as, so changing the
    date order shows its effect at once.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._header: tuple[str, ...] = ()
        self._labels: tuple[str, ...] = ()
        self._records: tuple[Record, ...] = ()
        self._date_column: int | None = None
        self._read_date: Callable[[str], str] = str

    def show_records(
        self,
        header: Sequence[str],
        records: Sequence[Record],
        *,
        field_labels: Sequence[str] = (),
        date_column: int | None = None,
        read_date: Callable[[str], str] = str,
    ) -> None:
        """Shows ``records`` under ``header``; ``field_labels`` say what each column is read as."""
        self.beginResetModel()
        self._header = tuple(header)
        self._labels = tuple(field_labels)
        self._records = tuple(records)
        self._date_column = date_column
        self._read_date = read_date
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        if parent.isValid():
            return 0
        return max([len(self._header), *(len(record.fields) for record in self._records)])

    def data(self, index: _Index, role: int = _DISPLAY) -> Any:
        if not index.isValid() or role not in (_DISPLAY, _TOOLTIP):
            return None
        fields = self._records[index.row()].fields
        text = fields[index.column()] if index.column() < len(fields) else ""
        if index.column() == self._date_column and text.strip():
            read = self._read_date(text)
            shown = f"{text} → {read}" if read else text
            if role == _TOOLTIP and read == "?":
                return self.tr("This date cannot be read as it is (see the date order).")
            return shown
        return text

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if role != _DISPLAY:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(self._records[section].line) if section < len(self._records) else None
        name = self._header[section] if section < len(self._header) else ""
        label = self._labels[section] if section < len(self._labels) else ""
        return f"{name}\n({label})" if label else name


class ProblemModel(QAbstractTableModel):
    """Why records cannot be imported: line, field and message, in file order."""

    COLUMNS = (str(QT_TR_NOOP("Line")), str(QT_TR_NOOP("Field")), str(QT_TR_NOOP("Problem")))

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._problems: tuple[RowProblem, ...] = ()

    def show_problems(self, problems: Sequence[RowProblem]) -> None:
        """Lists ``problems``."""
        self.beginResetModel()
        self._problems = tuple(problems)
        self.endResetModel()

    def as_text(self, rows: Sequence[int] | None = None, file: str = "") -> str:
        """The problems of ``rows`` (all by default), one a line, to paste into a message:
        each names ``file`` first, as the command line prints them ("exams.csv: line 3, ...")."""
        chosen = self._problems if rows is None else [self._problems[row] for row in rows]
        named = f"{file}: " if file else ""
        return "\n".join(f"{named}{problem}" for problem in chosen)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._problems)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: _Index, role: int = _DISPLAY) -> Any:
        if not index.isValid() or role not in (_DISPLAY, _TOOLTIP):
            return None
        problem = self._problems[index.row()]
        if role == _TOOLTIP:
            return str(problem)
        # A problem of the record as a whole (too few fields, the header again) has no field.
        field = problem.field_name or self.tr("whole line")
        return (problem.line, field, problem.message)[index.column()]

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if role != _DISPLAY or orientation != Qt.Orientation.Horizontal:
            return None
        return self.tr(self.COLUMNS[section])
