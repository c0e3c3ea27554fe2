"""A checklist printed to a file that cannot be written says so to the user (it was only logged)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from checklist_helpers import AS_OF

from mpn_desktop.errors import MpnError
from mpn_desktop.store.database import Database


@pytest.mark.expect_logged_warnings
def test_a_failed_print_to_file_is_told_with_its_reason(
    qtbot: Any, demo_db: Database, catalog: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget
    from PySide6.QtWidgets import QWidget

    from mpn_desktop.ui import checklist_actions
    from mpn_desktop.ui.context import AppContext

    def refuse(path: Path, content: bytes, **options: Any) -> object:
        raise MpnError(f"{path}: the disk is full")

    monkeypatch.setattr(checklist_actions, "write_user_file", refuse)
    context = AppContext(demo_db, catalog, as_of=AS_OF)
    parent = QWidget()
    qtbot.addWidget(parent)
    path = tmp_path / "printed.pdf"
    with context.errors_caught() as caught:
        dialog = checklist_actions.print_checklist(context, None, parent)
        assert dialog is not None
        # The print dialog's "Print to File": the dialog's own printer, to a PDF file.
        printer = dialog.printer()  # type: ignore[attr-defined]
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(path))
        preview = dialog.findChild(QPrintPreviewWidget)
        with qtbot.waitSignal(dialog.paintRequested):  # type: ignore[attr-defined]
            preview.print()
        dialog.close()
    assert len(caught) == 1 and f"{path}: the disk is full" in caught[0]
    assert not path.exists()
