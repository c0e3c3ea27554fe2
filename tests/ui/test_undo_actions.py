"""Edit ▸ Undo and Redo texts: the command's text as the object of "Undo:"."""

from __future__ import annotations

import pytest

from mpn_desktop.ui.undo_actions import as_object


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
