"""Edit ▸ Undo and Redo, naming what they take back: "Undo: delete reference Fabrikam"."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QUndoStack

_VERBS = frozenset(
    {"add", "change", "delete", "edit", "import", "load", "move", "remove", "restore", "set"}
)
"""First words of the undo commands' texts, lower-cased after "Undo:"."""


def as_object(text: str) -> str:
    """A command's text as the object of "Undo:": "Delete reference X" -> "delete reference X".

    Only a known verb is lower-cased: a name or a word in capitals stays as written.
    """
    first = text.partition(" ")[0]
    if first[:1].isupper() and first[1:].islower() and first.lower() in _VERBS:
        return text[0].lower() + text[1:]
    return text


class UndoRedoAction(QAction):
    """Undo (or Redo) of ``stack``, its text and enabled state following the stack.

    QUndoStack's own actions read "Undo Delete reference Fabrikam". The state
    comes from the signals' arguments: the stack still signals while it is
    being destroyed, when it can no longer be asked.
    """

    def __init__(self, stack: QUndoStack, *, redo: bool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._redo = redo
        self._what = stack.redoText() if redo else stack.undoText()
        self._able = stack.canRedo() if redo else stack.canUndo()
        if redo:
            stack.canRedoChanged.connect(self._set_able)
            stack.redoTextChanged.connect(self._set_what)
            self.triggered.connect(stack.redo)
        else:
            stack.canUndoChanged.connect(self._set_able)
            stack.undoTextChanged.connect(self._set_what)
            self.triggered.connect(stack.undo)
        self._update()

    def _set_able(self, able: bool) -> None:
        self._able = able
        self._update()

    def _set_what(self, what: str) -> None:
        self._what = what
        self._update()

    def _update(self) -> None:
        if self._able and self._what:
            template = self.tr("Redo: {what}") if self._redo else self.tr("Undo: {what}")
            shown = template.format(what=as_object(self._what))
        else:
            shown = self.tr("Redo") if self._redo else self.tr("Undo")
        # The Alt letter on the verb; an "&" in a record's name is shown as written.
        self.setText("&" + shown.replace("&", "&&"))
        self.setToolTip(shown)
        self.setEnabled(self._able)
