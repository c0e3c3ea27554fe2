"""The search behind each tab's search box: rows whose shown text contains every word typed.

It also narrows a detail table to its master's record (the subscriptions of
the chosen customer). Sorting is passed on to the ``RecordTableModel``, which
orders its rows by typed values (dates, amounts and months as such, not as
text) with one key per row: far quicker than comparisons through Qt.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from mpn_desktop.ui.models.record_search import records_showing, search_words
from mpn_desktop.ui.models.record_table import RecordTableModel

Index = QModelIndex | QPersistentModelIndex

_ROWS_SEARCHED_TOGETHER = 1024
"""A search works out whether rows show its words this many rows at a time (a column at a
time, ``record_search``), when Qt first asks about one of them: all of a table's rows when
the words change, the few of a part put in or a row edited."""


class RecordFilterProxy(QSortFilterProxyModel):
    """Sorts and searches a ``RecordTableModel``; may keep only the rows with ``key == value``."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._words: tuple[str, ...] = ()
        self._fixed: tuple[str, object] | None = None
        self._paused_for_decorations = False
        self._found: dict[int, bytes] = {}
        """Whether rows show the words searched for, by rows' part (``_ROWS_SEARCHED_TOGETHER``
        rows each); forgotten whenever the model's rows or their cells change."""
        self.setDynamicSortFilter(True)

    def setSourceModel(self, model: Any) -> None:
        """Filters and sorts a ``RecordTableModel``."""
        if not isinstance(model, RecordTableModel):
            raise TypeError(f"a RecordFilterProxy shows a RecordTableModel, not {model!r}")
        before = self.sourceModel()
        if isinstance(before, RecordTableModel):
            for signal in self._changes_of(before):
                signal.disconnect(self._forget_found)
        # Connected before Qt's own handling (in the base class's setSourceModel), which asks
        # about the changed rows: what was found of them before is forgotten first.
        for signal in self._changes_of(model):
            signal.connect(self._forget_found)
        self._found.clear()
        super().setSourceModel(model)
        model.decorationsAboutToChange.connect(self._pause_for_decorations)
        model.decorationsChanged.connect(self._resume_after_decorations)

    @staticmethod
    def _changes_of(model: RecordTableModel) -> tuple[Any, ...]:
        """The model's signals announcing rows or cells about to change (or changed)."""
        return (
            model.dataChanged,
            model.layoutAboutToBeChanged,
            model.modelAboutToBeReset,
            model.rowsAboutToBeInserted,
            model.rowsAboutToBeRemoved,
            model.rowsAboutToBeMoved,
        )

    def _forget_found(self, *_changed: object) -> None:
        self._found.clear()

    def _pause_for_decorations(self) -> None:
        # Redrawn colours and worked-out cells (after every change of progress) leave the
        # records' own values alone, which is all the fixed filter reads: without a search,
        # no row can come or go, and asking each row again cost 36,000 calls on the large
        # organisation's months of usage. A search reads the shown text: it asks again.
        if not self._words and self.dynamicSortFilter():
            self._paused_for_decorations = True
            self.setDynamicSortFilter(False)

    def _resume_after_decorations(self) -> None:
        if self._paused_for_decorations:
            self._paused_for_decorations = False
            self.setDynamicSortFilter(True)

    def set_search_text(self, text: str) -> None:
        """Keeps the rows whose cells, together, contain every word of ``text`` (any case)."""
        words = search_words(text)
        if words != self._words:
            self.beginFilterChange()
            self._words = words
            self._found.clear()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def search_text(self) -> str:
        """The words searched for, joined by spaces."""
        return " ".join(self._words)

    def set_fixed_filter(self, key: str | None, value: object = None) -> None:
        """Keeps only the records whose ``key`` equals ``value``; ``None`` shows every record (a
        model reading by scope, ``RecordTableModel.set_scope``, holds only those)."""
        fixed = None if key is None else (key, value)
        if fixed == self._fixed:
            return
        model = self.sourceModel()
        scoped = model if isinstance(model, RecordTableModel) and model.reads_by_scope else None
        if scoped is not None and fixed is not None:
            # A model reading by scope takes only the new scope's rows first: this proxy then
            # filters those few, not the rows left behind (every month of usage after
            # "Show all usage": 36,000 calls).
            scoped.set_scope(fixed)
        self.beginFilterChange()
        self._fixed = fixed
        self._found.clear()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        if scoped is not None and fixed is None:
            scoped.set_scope(None)  # every record: the few shown before filtered first

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if self._fixed is None and not self._words:
            return True  # nothing searched: asked for each row after every reset, answered first
        model = self.sourceModel()
        assert isinstance(model, RecordTableModel)  # setSourceModel takes no other
        # Straight from the model's list: this runs once per row of a detail table
        # (36,000 usage rows on the large organisation) each time its master changes.
        record = model.record_at(source_row)
        if record is None or not self._in_fixed(record):
            return False
        if not self._words:
            return True
        part, at = divmod(source_row, _ROWS_SEARCHED_TOGETHER)
        found = self._found.get(part)
        if found is None:
            found = self._found[part] = self._search_part(model, part)
        return found[at] == 1

    def _in_fixed(self, record: dict[str, Any]) -> bool:
        if self._fixed is None:
            return True
        key, value = self._fixed
        return bool(record.get(key) == value)

    def _search_part(self, model: RecordTableModel, part: int) -> bytes:
        """For each row of a part, 1 when it is in the fixed filter and shows every word."""
        first = part * _ROWS_SEARCHED_TOGETHER
        rows = model.records_in(first, first + _ROWS_SEARCHED_TOGETHER)
        kept = [at for at, record in enumerate(rows) if self._in_fixed(record)]
        showing = records_showing(model.fields, [rows[at] for at in kept], self._words)
        found = bytearray(len(rows))
        for at, shows in zip(kept, showing, strict=True):
            found[at] = shows
        return bytes(found)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Has the source model order its rows (once, by key) instead of comparing here."""
        model = self.sourceModel()
        if isinstance(model, RecordTableModel):
            model.sort(column, order)
        else:
            super().sort(column, order)
