"""A table model over one kind of store record: one row per record, one column per ``Field``.

The model holds no rule and no SQL: rows come from a loader (the store's
``list_records``) and an accepted edit is handed to the ``edit`` callback
(which pushes an undo command); the table shows the new value once the store
says the record changed and the tab calls ``reload``. It holds every record
of its kind; ``scoped_table.ScopedRecordTableModel`` holds only those it shows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QIcon

from mpn_desktop.ui.models.fields import (
    Field,
    FieldKind,
    cell_text,
    format_value,
    parse_text,
)
from mpn_desktop.ui.models.record_sorting import (
    NamesFrom,
    in_order_around,
    place_in_order,
    row_key,
    sorted_rows,
)
from mpn_desktop.ui.models.row_release import free_in_parts

Record = dict[str, Any]
Index = QModelIndex | QPersistentModelIndex
RecordLoader = Callable[[], list[Record]]
RecordEdit = Callable[[Record, Field, object], None]
RecordFetch = Callable[[int], Record | None]
Scope = tuple[str, object] | None
"""The records a model holds: those whose field holds the value; None: every record."""

_LONG_TEXT = 24
"""Cells with more characters than this repeat their text in a tooltip."""

RECORD_ROLE = int(Qt.ItemDataRole.UserRole) + 1
SORT_ROLE = int(Qt.ItemDataRole.UserRole) + 2
ID_ROLE = int(Qt.ItemDataRole.UserRole) + 3


@dataclass(frozen=True)
class RowStyle:
    """How a row stands out: a semantic background, a note, italics, an icon on its first cell.

    Backgrounds are translucent so they read on light and dark palettes alike.
    """

    background: QColor | None = None
    tooltip: str = ""
    italic: bool = False
    icon: QIcon | None = None


RowStyler = Callable[[Record], RowStyle | None]

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_EDIT = int(Qt.ItemDataRole.EditRole)
_CHECK_STATE = int(Qt.ItemDataRole.CheckStateRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
"""The roles ``data`` answers, as plain ints: it runs for each of the seven roles the delegate
asks of every cell painted, and each look-up of a Qt enumeration's member is a Python call."""
_RIGHT_ALIGNED = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_STYLED_ROLES = frozenset(
    int(role)
    for role in (
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.DecorationRole,
    )
)
"""The roles a ``RowStyle`` answers (``_style_data``)."""
_ANSWERED = frozenset({_DISPLAY, _EDIT, _CHECK_STATE, _ALIGNMENT, SORT_ROLE, RECORD_ROLE, ID_ROLE})
"""The roles ``data`` may answer besides a ``RowStyle``'s."""

WARNING_BACKGROUND = QColor(255, 165, 0, 70)
MUTED_BACKGROUND = QColor(128, 128, 128, 50)


class RecordTableModel(QAbstractTableModel):
    """Rows of records of one kind, shown and edited through their ``Field`` columns."""

    problemFound = Signal(str)

    decorationsAboutToChange = Signal()
    """Only worked-out cells, names of other records and row styles are about to be redrawn
    (``refresh_decorations``): no record's own value changes."""

    decorationsChanged = Signal()
    """The redraw ``decorationsAboutToChange`` announced is done."""

    def __init__(
        self,
        fields: Sequence[Field],
        load: RecordLoader,
        edit: RecordEdit | None = None,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._fields = tuple(fields)
        self._load = load
        self._edit = edit
        self._rows: list[Record] = []
        self._row_by_id: dict[object, int] = {}
        self._styler: RowStyler | None = None
        self._styled: tuple[Record, RowStyle | None] | None = None
        """The record last styled and its style: a view asks three roles of each cell, and
        paints a row's cells one after the other (the styler ran for each)."""
        self._order: tuple[int, bool] | None = None
        """The column rows are sorted by, and whether descending."""
        self._names_from: dict[str, NamesFrom] = {}
        """The columns naming other records whose names a worker can make (``names_from``)."""
        self._column_flags: tuple[Qt.ItemFlag, ...] | None = None
        """Each column's cells' flags (``flags``), worked out when first asked."""

    # -- what the tab asks -------------------------------------------------

    @property
    def fields(self) -> tuple[Field, ...]:
        """The columns, in order."""
        return self._fields

    def field_at(self, column: int) -> Field:
        """The field shown in a column."""
        return self._fields[column]

    def relabel(self, key: str, label: str, help_text: str = "") -> None:
        """Names the column of ``key`` anew (its header, tooltip and form label): a column whose
        meaning depends on the program of the day (the Fee tab's level)."""
        column = self.column_of(key)
        field = self._fields[column]
        if (field.label, field.help) == (label, help_text):
            return
        changed = replace(field, label=label, help=help_text)
        self._fields = (*self._fields[:column], changed, *self._fields[column + 1 :])
        self._column_flags = None
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, column, column)

    def column_of(self, key: str) -> int:
        """The column showing the field with that key."""
        return next(i for i, field in enumerate(self._fields) if field.key == key)

    def row_of_id(self, record_id: object) -> int | None:
        """The row of the record with that id, if shown."""
        # From an index of the rows by id, checked against the row (rows move, come and
        # go in many places) and built again when wrong: 36,000 months of usage were
        # scanned twice for each edited cell.
        row = self._row_by_id.get(record_id)
        if row is not None and row < len(self._rows) and self._rows[row].get("id") == record_id:
            return row
        self._row_by_id = {record.get("id"): row for row, record in enumerate(self._rows)}
        return self._row_by_id.get(record_id)

    def record_at(self, row: int) -> Record | None:
        """The record shown in ``row``, None past the last one (what RECORD_ROLE gives)."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def records(self) -> list[Record]:
        """Every record held, in row order (a scoped model's: its scope's)."""
        return list(self._rows)

    def records_in(self, first: int, end: int) -> list[Record]:
        """The records of rows ``first`` to ``end`` (not included), in row order."""
        return self._rows[first:end]

    @property
    def reads_by_scope(self) -> bool:
        """Whether the model holds only the records of its scope (``set_scope``)."""
        return False

    def scope(self) -> Scope:
        """The records held: (field, value) when only those whose field holds it."""
        return None

    def set_scope(self, scope: Scope) -> None:
        """Holds only the records whose field holds the value (None: every record), read
        again when the rows were read before. This model holds every record whatever the
        scope (``ScopedRecordTableModel`` does not)."""

    def in_scope(self, record: Record) -> bool:
        """Whether the model holds ``record`` when the store has it (its scope's)."""
        return True

    @property
    def reading(self) -> bool:
        """Whether the rows are being read off the GUI thread (none, or some, held meanwhile)."""
        return False

    def set_row_styler(self, styler: RowStyler | None) -> None:
        """Chooses how rows stand out (warnings, people who do not count)."""
        self._styler = styler
        self._styled = None
        self.refresh_decorations()

    def plain_order(self) -> tuple[Field, bool] | None:
        """The rows' order (field, descending) when another thread can put rows in it: a
        stored value's column (not one computed or named from other records)."""
        if self._order is None:
            return None
        column, descending = self._order
        field = self._fields[column]
        if field.compute is not None or field.kind is FieldKind.CHOICE:
            return None
        return field, descending

    def names_from(self, key: str, names: NamesFrom) -> None:
        """Says how the column ``key`` (naming other records) writes its names, so that start-up's
        worker can order the rows by it (``worker_order``): the names must be the ones the
        column's ``label_of`` gives once the named records are read."""
        self._names_from[key] = names

    def worker_order(self) -> tuple[Field, bool, NamesFrom | None] | None:
        """The rows' order when start-up's worker can put them in it: ``plain_order``, or a
        column naming other records whose names it can make (their kind and how)."""
        plain = self.plain_order()
        if plain is not None:
            return (*plain, None)
        if self._order is None:
            return None
        column, descending = self._order
        field = self._fields[column]
        names = self._names_from.get(field.key)
        if field.compute is not None or names is None:
            return None
        return field, descending, names

    def reload(self, read: list[Record] | None = None, *, ordered: bool = False) -> None:
        """Reads the rows again (or takes ``read``, the rows read already on a worker, and
        ``ordered``: put in ``plain_order`` there); keeps the rows in place when only values
        changed."""
        if read is None:
            rows = self._in_order(self._load())
        else:
            rows = read if ordered else self._in_order(read)
        same_rows = len(rows) == len(self._rows) and [r.get("id") for r in rows] == [
            r.get("id") for r in self._rows
        ]
        replaced = self._rows
        if same_rows and rows:
            self._rows = rows
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(rows) - 1, len(self._fields) - 1)
            )
        else:
            self.beginResetModel()
            self._rows = rows
            self.endResetModel()
        free_in_parts(replaced, self)

    def refresh_records(self, ids: Iterable[int], fetch: RecordFetch) -> None:
        """Reads only the records with ``ids`` again: changed rows redrawn, new ones added,
        deleted ones removed, every other row left alone (a cell edit costs one row); a record
        outside the scope is not held (one moved out of it is removed)."""
        for record_id in ids:
            record = fetch(record_id)
            if record is not None and not self.in_scope(record):
                record = None
            row = self.row_of_id(record_id)
            if record is None and row is not None:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._rows[row]
                self.endRemoveRows()
            elif record is not None and row is not None:
                self._rows[row] = record
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(self._fields) - 1))
            elif record is not None:
                end = len(self._rows)
                self.beginInsertRows(QModelIndex(), end, end)
                self._rows.append(record)
                self._row_by_id[record_id] = end
                self.endInsertRows()
            row = self.row_of_id(record_id)
            if row is not None and self._order is not None:
                column, descending = self._order
                if not in_order_around(self._rows, row, self._fields[column], descending):
                    self._put_in_order(row)

    # -- sorting -------------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Orders the rows by one column (the proxy passes the view's request on to here)."""
        if not 0 <= column < len(self._fields):
            self._order = None
            return
        self._order = (column, order == Qt.SortOrder.DescendingOrder)
        self._sort_rows()

    def _in_order(self, rows: list[Record]) -> list[Record]:
        if self._order is None:
            return rows
        column, descending = self._order
        return sorted_rows(rows, self._fields[column], descending)

    def _sort_rows(self) -> None:
        """Puts the rows in order; selections and open editors follow their rows."""
        self._reorder(self._in_order(self._rows))

    def _put_in_order(self, row: int) -> None:
        """Moves ``row``, the one row out of order, to where sorting every row would put it."""
        assert self._order is not None
        column, descending = self._order
        try:
            place = place_in_order(self._rows, row, self._fields[column], descending)
        except TypeError:  # keys that do not compare: sorted by their text
            self._sort_rows()
            return
        if place == row:
            return
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        self._rows.insert(place, self._rows.pop(row))
        low, high = min(row, place), max(row, place)
        step = 1 if place < row else -1  # the rows between move one place the other way

        def moved(at: int) -> int:
            return place if at == row else at + step if low <= at <= high else at

        self.changePersistentIndexList(
            persistent, [self.index(moved(index.row()), index.column()) for index in persistent]
        )
        # Only the rows between the two places moved: the index by id follows them there
        # (built again for all 10,000 exams at the next lookup otherwise).
        for at in range(low, high + 1):
            self._row_by_id[self._rows[at].get("id")] = at
        self.layoutChanged.emit()

    def _reorder(self, ordered: list[Record]) -> None:
        """Shows the rows in the order of ``ordered``; selections and open editors follow."""
        if all(new is old for new, old in zip(ordered, self._rows, strict=True)):
            return
        self.layoutAboutToBeChanged.emit()
        new_row = {id(record): row for row, record in enumerate(ordered)}
        moved = {row: new_row[id(record)] for row, record in enumerate(self._rows)}
        persistent = self.persistentIndexList()
        self._rows = ordered
        self.changePersistentIndexList(
            persistent,
            [self.index(moved[index.row()], index.column()) for index in persistent],
        )
        self.layoutChanged.emit()

    def depends_on_more_than_its_records(self) -> bool:
        """Whether some cell or style comes from elsewhere (progress, other records)."""
        return self._styler is not None or any(
            field.compute is not None or field.kind is FieldKind.CHOICE for field in self._fields
        )

    def refresh_decorations(self) -> None:
        """Redraws computed columns, names of other records and row styles (e.g. after new
        progress), and orders the rows again when they are ordered by such a column; a
        table showing nothing but its own records has nothing to redraw."""
        self._styled = None  # what a row's style comes from has changed
        if self._rows and self.depends_on_more_than_its_records():
            self.decorationsAboutToChange.emit()
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(self._fields) - 1)
            )
            self.decorationsChanged.emit()
            if self._order is not None and self.plain_order() is None:
                # Ordered by what the column shows (an exam's person by name): the exams
                # stayed in the order of names not known yet, their people's ids as text.
                column, descending = self._order
                self.sort(
                    column,
                    Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder,
                )

    # -- QAbstractTableModel ----------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._fields)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._fields):
            if role == Qt.ItemDataRole.DisplayRole:
                return self._fields[section].label
            field = self._fields[section]
            if role == Qt.ItemDataRole.ToolTipRole and not field.is_editable:
                worked_out = self.tr("{label} (worked out, not edited)").format(label=field.label)
                return f"{worked_out}\n{field.help}" if field.help else worked_out
            if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.WhatsThisRole) and field.help:
                return field.help
        return super().headerData(section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            role not in _ANSWERED
            and role != _TOOLTIP  # a long text's tooltip is the cell's own
            and (self._styler is None or role not in _STYLED_ROLES)
        ):
            # Of the eight roles a view asks of each cell it paints or measures, two
            # (foreground, size hint) are never answered here and three (decoration, font,
            # background) only by a row styler: answered before the cell is looked at.
            return None
        # Plain bounds checks: data() runs for every cell drawn, checkIndex costs more.
        if not index.isValid() or index.model() is not self:
            return None
        row, column = index.row(), index.column()
        if row >= len(self._rows) or column >= len(self._fields):
            return None
        record = self._rows[row]
        field = self._fields[column]
        # The value is worked out for the roles that show it only (a computed column's
        # function ran for each of the seven roles the delegate asks of a cell).
        if role == _DISPLAY:
            return cell_text(field, field.value_of(record))
        if role == _EDIT:
            return field.value_of(record)
        if role == _CHECK_STATE and field.kind is FieldKind.BOOL:
            return Qt.CheckState.Checked if field.value_of(record) else Qt.CheckState.Unchecked
        if role == _ALIGNMENT and field.kind in (FieldKind.MONEY, FieldKind.COUNT):
            return _RIGHT_ALIGNED
        if role == SORT_ROLE:
            return row_key(field, record)
        if role == RECORD_ROLE:
            return record
        if role == ID_ROLE:
            return record.get("id")
        styled = self._style_data(record, column, role)
        if styled is None and role == _TOOLTIP:
            # A long text (e.g. the competencies a person counts for) may be cut off
            # in its cell: the tooltip shows all of it.
            text = format_value(field, field.value_of(record))
            return text if len(text) > _LONG_TEXT else None
        return styled

    def _style_data(self, record: Record, column: int, role: int) -> Any:
        if role not in _STYLED_ROLES or (role == _DECORATION and column != 0):
            # The delegate asks seven roles of each cell it paints or measures; the styler
            # (a reference's validity, a person's progress) answers four: asked for each, it
            # was most of the time fitting the References tab's columns took.
            return None
        if self._styler is None:
            return None
        styled = self._styled
        if styled is not None and styled[0] is record:  # held here: no other at its address
            style = styled[1]
        else:
            style = self._styler(record)
            self._styled = (record, style)
        if style is None:
            return None
        if role == Qt.ItemDataRole.BackgroundRole and style.background is not None:
            return QBrush(style.background)
        if role == Qt.ItemDataRole.ToolTipRole and style.tooltip:
            return style.tooltip
        if role == Qt.ItemDataRole.FontRole and style.italic:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.DecorationRole and column == 0 and style.icon is not None:
            return style.icon
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        # Worked out once per column: asked for every cell painted, the flags' arithmetic
        # (Python's enum.Flag) cost more than the rest of the call.
        if self._column_flags is None:
            self._column_flags = tuple(self._flags_of(field) for field in self._fields)
        return self._column_flags[index.column()]

    def _flags_of(self, field: Field) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if field.is_editable and self._edit is not None:
            if field.kind is FieldKind.BOOL:
                flags |= Qt.ItemFlag.ItemIsUserCheckable
            else:
                flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or self._edit is None:
            return False
        field = self._fields[index.column()]
        if not field.is_editable:
            return False
        if role == Qt.ItemDataRole.CheckStateRole and field.kind is FieldKind.BOOL:
            value = Qt.CheckState(value) == Qt.CheckState.Checked
        elif role != Qt.ItemDataRole.EditRole:
            return False
        if isinstance(value, str):
            try:
                value = parse_text(field, value)
            except ValueError as problem:
                self.problemFound.emit(str(problem))
                return False
        record = self._rows[index.row()]
        if record.get(field.key) == value:
            return True
        self._edit(record, field, value)
        return True
