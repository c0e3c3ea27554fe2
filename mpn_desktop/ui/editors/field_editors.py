"""One editor widget per kind of field, each checking what is typed as it is typed.

A line editor shows a warning sign inside the field, with the reason as its
tooltip, while the text is not acceptable; combo boxes only offer allowed
values. Forms and table delegates use the same editors.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from enum import Enum

from PySide6.QtCore import QSignalBlocker, QStringListModel, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QLineEdit,
    QStyle,
    QWidget,
)

from mpn_desktop.ui.editors.calendar_popup import attach_calendar
from mpn_desktop.ui.models.fields import (
    Field,
    FieldKind,
    edit_text,
    enum_label,
    parse_text,
)

_PLACEHOLDERS = {
    FieldKind.DATE: "YYYY-MM-DD",
    FieldKind.MONTH: "YYYY-MM",
    FieldKind.MONEY: "0.00",
    FieldKind.COUNT: "0",
    FieldKind.MCP_ID: "1234567",
    FieldKind.EMAIL: "name@example.com",
}


class ValidatingLineEdit(QLineEdit):
    """A line editor for text, e-mail, MCP ID, credential, date, month, amount or count fields."""

    edited = Signal()

    def __init__(
        self, field: Field, completions: Sequence[str] = (), parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.field = field
        self.setAccessibleName(field.label)
        self.setPlaceholderText(field.placeholder or _PLACEHOLDERS.get(field.kind, ""))
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        self._warning = QAction(icon, "", self)
        self.addAction(self._warning, QLineEdit.ActionPosition.TrailingPosition)
        # Hidden after it is added: an action added while hidden still shows its icon.
        self._warning.setVisible(False)
        if completions:
            completer = QCompleter(QStringListModel(list(completions), self), self)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            self.setCompleter(completer)
        if field.kind is FieldKind.DATE:
            attach_calendar(self, self._typed_day, self.set_value)
        self.textChanged.connect(self._check)
        self._problem: str | None = None
        self._check()

    def _typed_day(self) -> date | None:
        try:
            value = parse_text(self.field, self.text())
        except ValueError:
            return None
        return value if isinstance(value, date) else None

    def value(self) -> object:
        return parse_text(self.field, self.text())

    def set_value(self, value: object) -> None:
        self.setText(edit_text(self.field, value))
        # Show a long value from its start (a title read "mplementing Microsoft Azure…").
        self.setCursorPosition(0)

    def problem(self) -> str | None:
        return self._problem

    def _check(self) -> None:
        try:
            parse_text(self.field, self.text())
        except ValueError as error:
            self._problem = str(error)
        else:
            self._problem = None
        self._warning.setVisible(self._problem is not None and bool(self.text().strip()))
        self._warning.setToolTip(self._problem or "")
        self.setToolTip(self._problem or "")
        # A screen reader says why the field is wrong, not only that something is.
        self.setAccessibleDescription(self._problem or "")
        self.edited.emit()


class ChoiceComboBox(QComboBox):
    """A combo box over an enumeration or a list of choices; an empty entry when not required."""

    edited = Signal()

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.setAccessibleName(field.label)
        if not field.required:
            self.addItem(self.tr("—"), None)
        for value, label in self.choices():
            self.addItem(label, value)
        self.currentIndexChanged.connect(lambda _index: self.edited.emit())

    def choices(self) -> list[tuple[object, str]]:
        """The values offered, with their labels."""
        if self.field.kind is FieldKind.ENUM and self.field.enum is not None:
            members: list[Enum] = list(self.field.enum)
            return [(member, enum_label(member)) for member in members]
        if self.field.choices is not None:
            return list(self.field.choices())
        return []

    def value(self) -> object:
        value = self.currentData()
        if value is None and self.field.required:
            raise ValueError(self.tr("{label} is required.").format(label=self.field.label))
        return value

    def set_value(self, value: object) -> None:
        for row in range(self.count()):
            if self.itemData(row) == value:
                self.setCurrentIndex(row)
                return
        if value is not None:
            # A value the list does not offer (e.g. a retired competency) stays visible.
            self.addItem(str(value), value)
            self.setCurrentIndex(self.count() - 1)

    def problem(self) -> str | None:
        try:
            self.value()
        except ValueError as error:
            return str(error)
        return None


class FlagCheckBox(QCheckBox):
    """A yes/no field."""

    edited = Signal()

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(field.label, parent)
        self.field = field
        self.setAccessibleName(field.label)
        self.toggled.connect(lambda _on: self.edited.emit())

    def value(self) -> object:
        return self.isChecked()

    def set_value(self, value: object) -> None:
        with QSignalBlocker(self):
            self.setChecked(bool(value))
        self.edited.emit()

    def problem(self) -> str | None:
        return None


AnyFieldEditor = ValidatingLineEdit | ChoiceComboBox | FlagCheckBox


def make_field_editor(
    field: Field, completions: Sequence[str] = (), parent: QWidget | None = None
) -> AnyFieldEditor:
    """The editor that suits the field's kind."""
    if field.kind in (FieldKind.ENUM, FieldKind.CHOICE):
        return ChoiceComboBox(field, parent)
    if field.kind is FieldKind.BOOL:
        return FlagCheckBox(field, parent)
    return ValidatingLineEdit(field, completions, parent)
