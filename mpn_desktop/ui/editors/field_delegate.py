"""The table delegate: edits a cell with its field's validating editor and refuses bad values.

A value that is not acceptable never reaches the model: the delegate keeps the
cell as it was and reports the reason through ``problemFound``, which the tab
shows right under the table.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QWidget

from mpn_desktop.ui.editors.field_editors import (
    ChoiceComboBox,
    FlagCheckBox,
    ValidatingLineEdit,
    make_field_editor,
)
from mpn_desktop.ui.models.fields import Field

Index = QModelIndex | QPersistentModelIndex
FieldLookup = Callable[[Index], Field | None]


class FieldDelegate(QStyledItemDelegate):
    """Edits cells through ``make_field_editor``; ``field_at`` names the field of a cell."""

    problemFound = Signal(str)

    def __init__(
        self,
        field_at: FieldLookup,
        completions: dict[str, Sequence[str]] | None = None,
        parent: QWidget | None = None,
        *,
        editing_begins: Callable[[], object] | None = None,
    ) -> None:
        """``editing_begins`` is called as an editor opens (a write may follow)."""
        super().__init__(parent)
        self._field_at = field_at
        self._completions = completions or {}
        self._editing_begins = editing_begins

    def set_completions(self, key: str, words: Sequence[str]) -> None:
        """The words offered while typing into the field with that key."""
        self._completions[key] = words

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        if self._editing_begins is not None:
            self._editing_begins()
        field = self._field_at(index)
        if field is None:
            return super().createEditor(parent, option, index)
        editor = make_field_editor(field, self._completions.get(field.key, ()), parent)
        if isinstance(editor, ValidatingLineEdit):
            editor.edited.connect(lambda: self._report(editor))
        editor.setAutoFillBackground(True)
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, ValidatingLineEdit | ChoiceComboBox | FlagCheckBox):
            editor.set_value(index.data(Qt.ItemDataRole.EditRole))
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if not isinstance(editor, ValidatingLineEdit | ChoiceComboBox | FlagCheckBox):
            super().setModelData(editor, model, index)
            return
        try:
            value = editor.value()
        except ValueError as problem:
            self.problemFound.emit(str(problem))
            return
        self.problemFound.emit("")
        if value != index.data(Qt.ItemDataRole.EditRole):
            model.setData(index, value, Qt.ItemDataRole.EditRole)

    def _report(self, editor: ValidatingLineEdit) -> None:
        self.problemFound.emit(editor.problem() or "")
