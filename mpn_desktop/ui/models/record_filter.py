"""The search behind each tab's search box: rows whose shown text contains every word typed.

It also narrows a detail table to its master's record (the subscriptions of
the chosen customer). Sorting is passed on to the ``RecordTableModel``, which
orders its rows by typed values (dates, amounts and months as such, not as
text) with one key per row: far quicker than comparisons through Qt.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from mpn_desktop.ui.models.record_table import RECORD_ROLE, RecordTableModel

Index = QModelIndex | QPersistentModelIndex


class RecordFilterProxy(QSortFilterProxyModel):
    """Sorts and searches a ``RecordTableModel``; may keep only the rows with ``key == value``."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._words: tuple[str, ...] = ()
        self._fixed: tuple[str, object] | None = None
        self._paused_for_decorations = False
        self.setDynamicSortFilter(True)

    def setSourceModel(self, model: Any) -> None:
        super().setSourceModel(model)
        if isinstance(model, RecordTableModel):
            model.decorationsAboutToChange.connect(self._pause_for_decorations)
            model.decorationsChanged.connect(self._resume_after_decorations)

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
        words = tuple(word.casefold() for word in text.split())
        if words != self._words:
            self.beginFilterChange()
            self._words = words
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
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        if scoped is not None and fixed is None:
            scoped.set_scope(None)  # every record: the few shown before filtered first

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if self._fixed is None and not self._words:
            return True  # nothing searched: asked for each row after every reset, answered first
        model = self.sourceModel()
        if self._fixed is not None:
            # Straight from the model's list: this runs once per row of a detail table
            # (36,000 usage rows on the large organisation) each time its master changes.
            if isinstance(model, RecordTableModel):
                record = model.record_at(source_row)
            else:
                record = model.data(model.index(source_row, 0, source_parent), RECORD_ROLE)
            key, value = self._fixed
            if record is None or record.get(key) != value:
                return False
        if not self._words:
            return True
        shown = []
        for column in range(model.columnCount(source_parent)):
            index = model.index(source_row, column, source_parent)
            shown.append(str(model.data(index) or ""))
            value = model.data(index, Qt.ItemDataRole.EditRole)
            if isinstance(value, date):
                # Days are shown the locale's way (01.03.2018); ISO is found too.
                shown.append(value.isoformat())
        text = " ".join(shown).casefold()
        return all(word in text for word in self._words)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Has the source model order its rows (once, by key) instead of comparing here."""
        model = self.sourceModel()
        if isinstance(model, RecordTableModel):
            model.sort(column, order)
        else:
            super().sort(column, order)
