"""A checklist the window could not write says so once: the box's first line, the reason under it.

Before, the reason under "The checklist was not saved." began "the checklist was not
written: ..." again; under German both lines read "Die Checkliste wurde nicht geschrieben".
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget

from mpn_desktop.store.database import Database
from mpn_desktop.ui import checklist_actions
from mpn_desktop.ui.context import AppContext


@pytest.mark.parametrize(
    ("language", "first_line", "reason"),
    [
        ("en", "The checklist was not saved.", "{path}: the folder {folder} does not exist"),
        (
            "de",
            "Die Checkliste wurde nicht geschrieben.",
            "{path}: Der Ordner {folder} existiert nicht",
        ),
    ],
)
def test_the_box_says_the_checklist_was_not_written_once(
    language: str,
    first_line: str,
    reason: str,
    *,
    demo_db: Database,
    catalog: Any,
    qtbot: Any,
    tmp_path: Path,
    request: pytest.FixtureRequest,
) -> None:
    if language == "de":
        request.getfixturevalue("german")
    window = QWidget()
    qtbot.addWidget(window)
    context = AppContext(demo_db, catalog, as_of=date(2018, 3, 15))
    context.window = window
    folder = tmp_path / "no such folder"
    path = folder / "c.pdf"
    with qtbot.waitSignal(context.errorShown) as shown:
        assert checklist_actions.write_checklist_pdf(context, None, path) is None
    box = window.findChild(QMessageBox, "operationErrorBox")
    assert box is not None
    assert (box.text(), box.informativeText()) == (
        first_line,
        reason.format(path=path, folder=folder),
    )
    assert shown.args[0] == box.informativeText()
