"""A dialog to add or change one record: every field with its editor and, beside it, what is wrong.

A field says what is wrong as soon as something unacceptable is typed; OK
refuses while any field is wrong and points at the first one. What was typed
in the other fields is kept, so fixing one field never means typing the rest.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from mpn_desktop.ui.editors.field_editors import (
    AnyFieldEditor,
    FlagCheckBox,
    ValidatingLineEdit,
    make_field_editor,
)
from mpn_desktop.ui.models.fields import Field
from mpn_desktop.ui.palette_watch import follow_palette


def with_alt_letter(text: str, taken: set[str]) -> str:
    """``text`` with an Alt letter not in ``taken`` (added to it): a word's first, else any."""
    escaped = text.replace("&", "&&")
    starts = [i for i, char in enumerate(text) if char.isalnum() and (i == 0 or text[i - 1] == " ")]
    rest = [i for i, char in enumerate(text) if char.isalnum() and i not in starts]
    for i in starts + rest:
        letter = text[i].lower()
        if letter not in taken:
            taken.add(letter)
            at = i + text[:i].count("&")
            return f"{escaped[:at]}&{escaped[at:]}"
    return escaped


def _without_label(problem: str, label: str) -> str:
    """The problem without its "Label: " prefix: beside the field, the label is already there."""
    prefix = f"{label}: "
    if not problem.startswith(prefix):
        return problem
    rest = problem[len(prefix) :]
    return rest[:1].upper() + rest[1:]


def problem_text_color(palette: QPalette) -> QColor:
    """A red that reads on the palette's window colour, light or dark."""
    dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
    return QColor("#ff8a80") if dark else QColor("#b3261e")


class RecordForm(QDialog):
    """Edits the given fields of one record; ``values()`` gives them typed once accepted."""

    def __init__(
        self,
        title: str,
        fields: Sequence[Field],
        values: Mapping[str, Any] | None = None,
        completions: Mapping[str, Sequence[str]] | None = None,
        parent: QWidget | None = None,
        *,
        refusal: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("recordForm")
        self._editors: dict[str, AnyFieldEditor] = {}
        self._messages: dict[str, QLabel] = {}
        self._rules: list[Callable[[RecordForm], dict[str, str]]] = []
        # Why the store refused what was typed last time (the form reopens with it).
        self.refusal = QLabel(refusal, self)
        self.refusal.setObjectName("refusal")
        self.refusal.setWordWrap(True)
        self.refusal.setVisible(bool(refusal))
        form = QFormLayout()
        # Every field as wide as the form: combo boxes at their own width left a ragged edge.
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # No parent yet: the buttons join the Tab order when laid out, after the fields.
        self._buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        # Alt and a letter goes to a field; the buttons keep the letters their style gives them.
        taken = {
            button.text().replace("&&", "").partition("&")[2][:1].lower()
            for button in self._buttons.buttons()
        }
        starred = False
        for field in fields:
            if not field.is_editable:
                continue
            editor = make_field_editor(field, (completions or {}).get(field.key, ()), self)
            if values is not None and field.key in values:
                editor.set_value(values[field.key])
            message = QLabel(self)
            message.setObjectName(f"problem_{field.key}")
            message.setWordWrap(True)
            message.setVisible(False)
            box = QWidget(self)
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            column.addWidget(editor)
            column.addWidget(message)
            label = QLabel(self)
            if isinstance(editor, FlagCheckBox):
                # The box says what it is; the same words again to its left would read twice.
                editor.setText(with_alt_letter(field.label, taken))
            else:
                text = with_alt_letter(field.label, taken)
                label.setText(text + (" *" if field.required else ""))
                label.setBuddy(editor)
                starred = starred or field.required
            if field.help:
                # The editor's own tooltip says what is wrong; the label says what it is.
                label.setToolTip(field.help)
                editor.setWhatsThis(field.help)
                if isinstance(editor, FlagCheckBox):
                    editor.setToolTip(field.help)
            form.addRow(label, box)
            self._editors[field.key] = editor
            self._messages[field.key] = message
            editor.edited.connect(self._refresh)
        self._buttons.accepted.connect(self.accept)
        self._buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.refusal)
        layout.addLayout(form)
        # The stars beside labels mean nothing until something says so.
        self.required_note = QLabel(self.tr("* required"), self)
        self.required_note.setObjectName("requiredNote")
        self.required_note.setEnabled(False)  # drawn muted, as a hint
        self.required_note.setVisible(starred)
        layout.addWidget(self.required_note)
        layout.addWidget(self._buttons)
        self.setMinimumWidth(420)
        self._recolour()
        follow_palette(self, self._recolour)
        self._refresh()

    def _recolour(self) -> None:
        """What is wrong, in a red that reads on the palette, light or dark."""
        style = f"color: {problem_text_color(self.palette()).name()};"
        for label in (self.refusal, *self._messages.values()):
            label.setStyleSheet(style)

    def editor(self, key: str) -> AnyFieldEditor:
        """The editor of a field."""
        return self._editors[key]

    def message(self, key: str) -> str:
        """What is wrong with a field, or an empty string."""
        label = self._messages[key]
        return label.text() if not label.isHidden() else ""

    def add_note(self, text: str, object_name: str) -> QLabel:
        """A wrapped line of text above the fields (what the form was opened for)."""
        note = QLabel(text, self)
        note.setObjectName(object_name)
        note.setWordWrap(True)
        layout = self.layout()
        if isinstance(layout, QVBoxLayout):
            layout.insertWidget(1, note)
        return note

    def add_rule(self, rule: Callable[[RecordForm], dict[str, str]]) -> None:
        """A rule across fields (approved on or after submitted), checked while typing.

        ``rule`` gives, for the fields it finds wrong, why (reading
        ``readable_values``, so a half-filled form is checked too); its reasons
        block OK as any other.
        """
        self._rules.append(rule)
        self._refresh()

    def problems(self) -> dict[str, str]:
        """Every field that is not acceptable, with the reason."""
        found: dict[str, str] = {}
        for key, editor in self._editors.items():
            problem = editor.problem()
            if problem is not None:
                found[key] = problem
        for rule in self._rules:
            for key, problem in rule(self).items():
                found.setdefault(key, problem)
        return found

    def readable_values(self) -> dict[str, object]:
        """The values of the fields that read as typed (the others are left out)."""
        return {
            key: editor.value() for key, editor in self._editors.items() if editor.problem() is None
        }

    def values(self) -> dict[str, object]:
        """Every field's typed value; ValueError when one is not acceptable."""
        return {key: editor.value() for key, editor in self._editors.items()}

    def accept(self) -> None:
        problems = self.problems()
        if not problems:
            super().accept()
            return
        self._refresh(show_empty=True)
        self._editors[next(iter(problems))].setFocus()

    def _refresh(self, show_empty: bool = False) -> None:
        problems = self.problems()
        for key, label in self._messages.items():
            editor = self._editors[key]
            typed = isinstance(editor, ValidatingLineEdit) and bool(editor.text().strip())
            problem = problems.get(key)
            # A required field left empty is only reported once OK is pressed.
            visible = problem is not None and (typed or show_empty)
            label.setText(_without_label(problem or "", editor.field.label))
            label.setVisible(visible)
            # A screen reader says why the field is wrong (the line under it is not read).
            editor.setAccessibleDescription(problem or "")
        self._grow_to_fit()

    def _grow_to_fit(self) -> None:
        """Makes room for a message that just appeared (the dialog never shrinks under the user)."""
        layout = self.layout()
        if layout is None or not self.isVisible():
            return
        layout.activate()
        wanted = self.sizeHint()
        if wanted.height() > self.height() or wanted.width() > self.width():
            self.resize(max(wanted.width(), self.width()), max(wanted.height(), self.height()))
