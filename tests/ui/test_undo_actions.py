"""Edit ▸ Undo and Redo texts: the command's text as the object of "Undo:"."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QUndoCommand, QUndoStack

from mpn_desktop.ui.undo_actions import UndoRedoAction, as_object


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Delete reference Fabrikam", "delete reference Fabrikam"),
        ("Edit MCP ID of Ana Ruiz", "edit MCP ID of Ana Ruiz"),
        ("Import 4 exam records from exams.csv", "import 4 exam records from exams.csv"),
        ("Change organisation and targets", "change organisation and targets"),
        ("Fabrikam renamed", "Fabrikam renamed"),  # not a verb: a name stays as written
        ("MCP ID changed", "MCP ID changed"),
        ("", ""),
    ],
)
def test_a_command_text_reads_as_the_object_of_undo(text: str, shown: str) -> None:
    assert as_object(text) == shown


def test_an_ampersand_in_a_name_is_shown_not_taken_for_the_alt_letter(qapp: object) -> None:
    stack = QUndoStack()
    undo = UndoRedoAction(stack, redo=False)
    redo = UndoRedoAction(stack, redo=True)
    stack.push(QUndoCommand("Delete customer Smith & Co"))
    # "&&" draws one "&"; a lone one would underline the " " and drop the "&".
    assert undo.text() == "&Undo: delete customer Smith && Co"
    assert undo.toolTip() == "Undo: delete customer Smith & Co"
    assert undo.isEnabled() and not redo.isEnabled() and redo.text() == "&Redo"
