"""File ▸ Print checklist… and Export checklist as PDF… on a real database."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from checklist_helpers import AS_OF, pdf_pages
from PySide6.QtWidgets import QFileDialog, QWidget

from mpn_desktop.store.database import Database
from mpn_desktop.store.sample import load_sample
from mpn_desktop.ui import checklist_actions
from mpn_desktop.ui.context import AppContext
from mpn_desktop.ui.settings import WindowSettings


@pytest.fixture
def context(tmp_path: Path, catalog: Any, qapp: Any) -> Iterator[AppContext]:
    """An application context on a database holding the demo organisation."""
    db = Database.open(f"sqlite:///{tmp_path / 'tracker.sqlite3'}")
    load_sample(db, AS_OF)
    yield AppContext(db, catalog, as_of=AS_OF)
    db.close()


@pytest.fixture
def window(qtbot: Any) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def test_export_writes_the_pdf_where_the_user_chose(
    context: AppContext,
    window: QWidget,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    chosen = tmp_path / "for the meeting"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(chosen), ""))
    settings = WindowSettings(tmp_path / "settings.ini")
    written = checklist_actions.export_checklist_pdf(context, None, settings, window)
    assert written == tmp_path / "for the meeting.pdf"
    text = " ".join(pdf_pages(written))
    assert "Contoso Cloud Ltd" in text and "As of 2018-03-15" in text
    assert settings.last_folder() == str(tmp_path)


def test_export_cancelled_writes_nothing(
    context: AppContext, window: QWidget, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: ("", ""))
    settings = WindowSettings(tmp_path / "settings.ini")
    assert checklist_actions.export_checklist_pdf(context, None, settings, window) is None


def test_a_file_that_cannot_be_written_is_shown_as_a_message(
    context: AppContext, window: QWidget, tmp_path: Path, qtbot: Any
) -> None:
    context.window = window
    path = tmp_path / "no such folder" / "c.pdf"
    with qtbot.waitSignal(context.errorShown) as shown:
        assert checklist_actions.write_checklist_pdf(context, None, path) is None
    assert "could not be written" in shown.args[0]


def test_print_opens_the_preview(context: AppContext, window: QWidget, qtbot: Any) -> None:
    dialog = checklist_actions.print_checklist(context, None, window)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.objectName() == "checklistPrintPreview"
    assert dialog.parent() is window
    dialog.close()
