"""The usage of the measurement window as a grid: subscriptions down, the 12 months across.

One figure at a time (consumption, revenue or active users); a total column
and a total row; below the total, what each targeted level needs. Month cells
of a subscription are typed into like a spreadsheet's: the model reads the
text as the forms do and hands the cells to ``write`` (which pushes one undo
command); it holds no rule and no SQL.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QFont

from mpn_desktop.domain import wording
from mpn_desktop.domain.dates import Month
from mpn_desktop.domain.enums import Level
from mpn_desktop.domain.wording import Figures
from mpn_desktop.lazy_modules import LazyModule
from mpn_desktop.ui import locale_text
from mpn_desktop.ui.models.fields import Field, FieldKind, enum_label, parse_text
from mpn_desktop.ui.models.record_table import MUTED_BACKGROUND
from mpn_desktop.ui.models.usage_pivot import WindowUsage

if TYPE_CHECKING:
    from mpn_desktop.store import usage_cells
    from mpn_desktop.store.usage_cells import UsageCell
else:
    usage_cells = LazyModule("mpn_desktop.store.usage_cells")  # imports SQLAlchemy

Record = dict[str, Any]
Index = QModelIndex | QPersistentModelIndex
WriteCells = Callable[[str, list["UsageCell"]], None]

MONTHS = 12


def _tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    return QCoreApplication.translate("UsageGrid", text, disambiguation, n)


FIGURES: dict[str, Field] = {
    "consumption_usd": Field("consumption_usd", _tr("Consumption (US$)"), FieldKind.MONEY),
    "revenue_usd": Field("revenue_usd", _tr("Revenue (US$)"), FieldKind.MONEY),
    "active_users": Field("active_users", _tr("Active users"), FieldKind.COUNT),
    "paid_seats": Field("paid_seats", _tr("Paid seats"), FieldKind.COUNT),
}
"""The figures the grid shows, as fields that read what is typed."""


def figure_label(key: str) -> str:
    """A figure's name in the window's language (the key itself for a figure not shown).

    Translated when asked, not when FIGURES is built: the module is imported before
    the chosen language's translator is installed.
    """
    return _tr(FIGURES[key].label) if key in FIGURES else key


@dataclass(frozen=True)
class GridRow:
    """A subscription's row: its id, the name shown, and its figure per month."""

    subscription_id: int
    name: str
    values: list[Any]
    trial: bool = False
    credited: bool = True
    split: set[int] = dataclasses.field(default_factory=set)
    """Columns whose month is made of several rows (by service, or imported): shown as
    their sum, changed where they come from, not typed over."""
    total: Any = Decimal(0)
    """The sum of ``values`` (worked out where the usage is summed, off the GUI thread)."""


class UsageGridModel(QAbstractTableModel):
    """Rows: subscriptions, the total, then each level's need; columns: 12 months, the total."""

    problemFound = Signal(str)

    def __init__(self, write: WriteCells, parent: Any = None) -> None:
        super().__init__(parent)
        self._write = write
        self._rows: list[GridRow] = []
        self._months: tuple[Month, ...] = ()
        self._field = FIGURES["consumption_usd"]
        self._extra: list[tuple[str, list[Any] | None, Any]] = []
        """The rows under the subscriptions: (heading, month values or None, 12-month value)."""

    # -- what is shown ---------------------------------------------------

    @property
    def field(self) -> Field:
        """The figure shown."""
        return self._field

    @property
    def months(self) -> tuple[Month, ...]:
        """The months across."""
        return self._months

    @property
    def grid_rows(self) -> list[GridRow]:
        """The subscriptions' rows, in order."""
        return self._rows

    def set_data(
        self,
        subscriptions: Sequence[Record],
        usage: WindowUsage,
        field: str,
        *,
        needs: tuple[tuple[Level, Decimal], ...] = (),
        credited: frozenset[str] | None = None,
        credited_amounts: Sequence[Decimal] | None = None,
        credited_heading: str | None = None,
    ) -> None:
        """Shows ``usage``, the months of a window (12 for a competency's, 13 for a
        designation's growth) summed by subscription, ``field`` of each.

        ``credited`` names the subscriptions the rules count (the others are shown
        muted); ``credited_amounts`` are the months as the rules credit them, shown
        under the total with each level's ``needs`` (under ``credited_heading`` when given).
        """
        self.beginResetModel()
        self._field = FIGURES[field]
        count = usage.count
        self._months = tuple(usage.first.plus(offset) for offset in range(count))
        ordered = sorted(subscriptions, key=lambda item: str(item["external_id"]).casefold())
        rows = [
            GridRow(
                record["id"],
                str(record["external_id"]),
                usage.values_of(field, record["id"]),
                trial=bool(record.get("trial")),
                credited=credited is None or record["external_id"] in credited,
                split=usage.split_of(record["id"]),
                total=usage.total_of(field, record["id"]),
            )
            for record in ordered
        ]
        self._rows = rows
        # Column by column, the rows in order, no month and 0 skipped (as in usage_pivot):
        # the sums the grid always showed.
        counted = [row.values for row in rows if not row.trial]
        totals = (
            [sum(filter(None, column), Decimal(0)) for column in zip(*counted, strict=True)]
            if counted
            else [Decimal(0)] * count
        )
        self._extra = [(_tr("Total"), totals, sum(totals, Decimal(0)))]
        if credited_amounts is not None:
            amounts = list(credited_amounts)
            self._extra.append(
                (credited_heading or _tr("Credited"), amounts, sum(amounts, Decimal(0)))
            )
        self._extra.extend(
            (_tr("{level} needs").format(level=enum_label(level)), None, need)
            for level, need in needs
        )
        self.endResetModel()

    def clear(self) -> None:
        """Shows nothing (while the figures of another day are read and worked out)."""
        self.beginResetModel()
        self._rows, self._months, self._extra = [], (), []
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows) + len(self._extra)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or not self._months else len(self._months) + 1

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if section < len(self._months):
                return locale_text.month(self._months[section])
            if len(self._months) == MONTHS:
                return _tr("12 months")
            return _tr("%n month(s)", "", len(self._months))
        if section < len(self._rows):
            return self._rows[section].name
        return self._extra[section - len(self._rows)][0]

    def _value(self, row: int, column: int) -> Any:
        if row < len(self._rows):
            grid_row = self._rows[row]
            return grid_row.values[column] if column < len(grid_row.values) else grid_row.total
        _heading, months, whole = self._extra[row - len(self._rows)]
        if column == len(self._months):
            return whole
        return months[column] if months is not None else None

    def column_key(self, column: int) -> str:
        """A column's heading as copied: its month in ISO ("2025-11", what a paste reads back
        and a spreadsheet takes in any language), else the total's heading."""
        if column < len(self._months):
            return str(self._months[column])
        return str(self.headerData(column, Qt.Orientation.Horizontal))

    def _text(self, row: int, column: int, figures: Figures | None = None) -> str:
        """A cell's figure as shown (``figures``: the locale's separators, read once by a
        caller asking for many)."""
        value = self._value(row, column)
        if value is None:
            return ""
        figures = figures or locale_text.figures()
        if self._field.kind is FieldKind.MONEY:
            # Whole dollars without cents: twelve months must fit across the grid.
            return wording.number(Decimal(value), figures=figures)
        return wording.number(int(value), figures=figures)

    def longest_in(self, column: int) -> list[int]:
        """The rows whose figure in ``column`` is written with the most characters, or one
        less: the only ones that can be the widest (a figure's digits are as wide as each
        other, its separators narrower), so a fit measures these, not every subscription."""
        figures = locale_text.figures()
        lengths = [len(self._text(row, column, figures)) for row in range(self.rowCount())]
        most = max(lengths, default=0)
        return [row for row, length in enumerate(lengths) if length >= most - 1]

    def value_at(self, row: int, column: int) -> Any:
        """The figure of a cell (None where there is none)."""
        return self._value(row, column)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.EditRole:
            value = self._value(row, column)
            if value is None:
                return ""
            return f"{value:f}" if isinstance(value, Decimal) else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and (
            row >= len(self._rows) or column == len(self._months)
        ):
            font = QFont()
            font.setBold(True)
            font.setItalic(row >= len(self._rows) and self._extra[row - len(self._rows)][1] is None)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and row >= len(self._rows):
            heading = self._extra[row - len(self._rows)][0]
            if heading == _tr("Credited"):
                return _tr(
                    "What the rules count: subscriptions of an accepted workload and "
                    "association, in the months the association was in force, no trials."
                )
        if row < len(self._rows):
            grid_row = self._rows[row]
            if role == Qt.ItemDataRole.BackgroundRole and (grid_row.trial or not grid_row.credited):
                return QBrush(MUTED_BACKGROUND)
            if role == Qt.ItemDataRole.ToolTipRole:
                if column in grid_row.split:
                    return _tr(
                        "The sum of this month's services or imported rows: change them in the "
                        "months of usage (Customers and subscriptions), or import the file again."
                    )
                if grid_row.trial:
                    return _tr("A trial subscription: its usage never counts.")
                if not grid_row.credited:
                    return _tr(
                        "Not counted for the competency shown: its workload or association "
                        "is not one the rules accept, or it was not associated in these months."
                    )
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if (
            index.isValid()
            and index.row() < len(self._rows)
            and index.column() < len(self._months)
            and index.column() not in self._rows[index.row()].split
        ):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not self.flags(index) & Qt.ItemFlag.ItemIsEditable:
            return False
        try:
            parsed = parse_text(self._field, str(value))
        except ValueError as error:
            self.problemFound.emit(str(error))
            return False
        self.problemFound.emit("")
        row = self._rows[index.row()]
        month = self._months[index.column()]
        self._write(
            self._field.key,
            [
                usage_cells.UsageCell(
                    row.subscription_id, month.first_day, 0 if parsed is None else parsed
                )
            ],
        )
        return True

    # -- pasting -----------------------------------------------------------

    def cells_of(
        self, rows: Sequence[Sequence[str]], start_row: int, start_column: int
    ) -> tuple[list[UsageCell], list[str]]:
        """The cells pasted text sets, and what was wrong (by line and month).

        Text whose first row names months ("2017-12") and whose rows start with a
        subscription id (what the grid's own Copy gives) goes where it names;
        other text fills the grid from the current cell, as a spreadsheet does.
        """
        cells: list[UsageCell] = []
        problems: list[str] = []
        if not rows:
            return cells, problems
        named = self._month_header(rows[0])
        header = named[0] if named is not None else None
        if named is not None and named[1]:
            problems.append(
                _tr("{months}: outside the window ({first} to {last}); not pasted").format(
                    months=", ".join(named[1]),
                    first=locale_text.month(self._months[0]),
                    last=locale_text.month(self._months[-1]),
                )
            )
        by_name = {row.name.casefold(): position for position, row in enumerate(self._rows)}
        body = rows[1:] if header is not None else rows
        for offset, texts in enumerate(body):
            line = offset + (2 if header is not None else 1)
            if header is not None:
                target = by_name.get(texts[0].strip().casefold()) if texts else None
                if target is None and texts and texts[0].strip() in self._headings():
                    continue  # the grid's own Total, Credited or needs row, copied along
                if target is None:
                    problems.append(
                        _tr("line {line}: no subscription {name}").format(
                            line=line, name=texts[0] if texts else ""
                        )
                    )
                    continue
                placed = [(header.get(position), text) for position, text in enumerate(texts)]
            else:
                target = start_row + offset
                if target >= len(self._rows):
                    problems.append(
                        _tr("line {line}: below the last subscription").format(line=line)
                    )
                    continue
                placed = [(start_column + position, text) for position, text in enumerate(texts)]
            for column, text in placed:
                if column is None or not 0 <= column < len(self._months):
                    continue
                if column in self._rows[target].split:
                    problems.append(
                        _tr(
                            "line {line}, {month}: split by service or imported; not changed"
                        ).format(line=line, month=locale_text.month(self._months[column]))
                    )
                    continue
                try:
                    value = parse_text(self._field, text)
                except ValueError as error:
                    problems.append(
                        _tr("line {line}, {month}: {problem}").format(
                            line=line,
                            month=locale_text.month(self._months[column]),
                            problem=error,
                        )
                    )
                    continue
                cells.append(
                    usage_cells.UsageCell(
                        self._rows[target].subscription_id,
                        self._months[column].first_day,
                        0 if value is None else value,
                    )
                )
        return cells, problems

    def headings(self) -> list[str]:
        """The names of the rows under the subscriptions (Total, Credited, each need), in order."""
        return [heading for heading, _months, _whole in self._extra]

    def _headings(self) -> set[str]:
        return set(self.headings())

    def _month_header(self, first: Sequence[str]) -> tuple[dict[int, int], list[str]] | None:
        """Column of the text -> column of the grid, and the months outside the window,
        when ``first`` names months."""
        column_of = {str(month): position for position, month in enumerate(self._months)}
        found: dict[int, int] = {}
        outside: list[str] = []
        for position, text in enumerate(first):
            try:
                month = Month.parse(text)
            except ValueError:
                continue
            if str(month) in column_of:
                found[position] = column_of[str(month)]
            else:
                outside.append(str(month))
        return (found, outside) if found or outside else None
