"""The main window's status bar: what the last delete, import, backup or export did, with Undo."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLabel, QStatusBar, QToolButton, QWidget

from mpn_desktop.ui.context import AppContext


class StatusLine(QStatusBar):
    """One line saying what just happened; an Undo (or Redo) button beside it where it applies.

    It follows the undo stack, so every undoable step (an edit, a delete, an
    import, a paste) is named as it happens, and ``AppContext.report`` for what
    undo does not cover (a backup, an export). A message stays until the next
    one: nothing is lost to a timeout.
    """

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusLine")
        self._context = context
        self.message_label = QLabel(self)
        self.message_label.setObjectName("statusMessage")
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        self.undo_button = QToolButton(self)
        self.undo_button.setObjectName("statusUndoButton")
        self.undo_button.setAutoRaise(True)
        self.undo_button.clicked.connect(self._undo_or_redo)
        self.undo_button.setVisible(False)
        self.addWidget(self.message_label, 1)
        self.addPermanentWidget(self.undo_button)
        self._redo_next = False
        self._index = context.undo_stack.index()
        context.undo_stack.indexChanged.connect(self._stack_moved)
        context.reported.connect(self.show_message)

    @property
    def stack(self) -> QUndoStack:
        """The undo stack of the open database."""
        return self._context.undo_stack

    def text(self) -> str:
        """The message shown."""
        return self.message_label.text()

    def show_message(self, message: str, undoable: bool = False) -> None:
        """Shows ``message``; with ``undoable``, an Undo button takes the last step back."""
        self.message_label.setText(message)
        self.message_label.setAccessibleName(message)
        self._offer(undo=undoable and self.stack.canUndo(), redo=False)

    def _offer(self, *, undo: bool, redo: bool) -> None:
        self._redo_next = redo and not undo
        self.undo_button.setText(self.tr("&Redo") if self._redo_next else self.tr("&Undo"))
        self.undo_button.setVisible(undo or redo)

    def _stack_moved(self, index: int) -> None:
        if not shiboken6.isValid(self._context.undo_stack):
            return  # the stack clears itself while it is destroyed, at the program's end
        previous, self._index = self._index, index
        if self.stack.count() == 0:
            # The history was cleared (another database opened): nothing to take back.
            self._offer(undo=False, redo=False)
            return
        if index > previous:
            done = self.stack.text(index - 1)
            self.message_label.setText(self.tr("Done: {what}.").format(what=done))
            self._offer(undo=True, redo=False)
        elif index < previous:
            undone = self.stack.text(index)
            self.message_label.setText(self.tr("Undone: {what}.").format(what=undone))
            self._offer(undo=False, redo=True)
        self.message_label.setAccessibleName(self.message_label.text())

    def _undo_or_redo(self) -> None:
        if self._redo_next:
            self.stack.redo()
        else:
            self.stack.undo()
