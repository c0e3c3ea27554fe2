"""File ▸ Print checklist… and Export checklist as PDF… on a real database."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from checklist_helpers import AS_OF, pdf_page_sizes, pdf_pages
from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrintPreviewWidget
from PySide6.QtWidgets import QFileDialog, QMenu, QWidget

from mpn_desktop.reports.render import default_page_size
from mpn_desktop.store.database import Database
from mpn_desktop.ui import checklist_actions
from mpn_desktop.ui.context import AppContext
from mpn_desktop.ui.settings import WindowSettings

LETTER_WIDTH = 612.0
A4_WIDTH = 595.0


@pytest.fixture
def context(demo_db: Database, catalog: Any, qapp: Any) -> AppContext:
    """An application context on a database holding the demo organisation."""
    return AppContext(demo_db, catalog, as_of=AS_OF)


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
    assert "c.pdf: the folder" in shown.args[0] and "does not exist" in shown.args[0]


def test_print_opens_the_preview(context: AppContext, window: QWidget, qtbot: Any) -> None:
    dialog = checklist_actions.print_checklist(context, None, window)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.objectName() == "checklistPrintPreview"
    assert dialog.parent() is window
    dialog.close()


class SaveDialog:
    """Stands in for the save dialog: answers with a file and a file type, keeps what it showed."""

    def __init__(self, path: Path, file_type: str) -> None:
        self.answer = (str(path), file_type)
        self.shown: list[tuple[str, str]] = []

    def __call__(self, _parent: Any, _title: str, _folder: str, types: str, chosen: str) -> Any:
        self.shown.append((types, chosen))
        return self.answer


def test_export_on_the_paper_the_user_chose_and_remembers_it(
    context: AppContext, window: QWidget, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = WindowSettings(tmp_path / "settings.ini")
    dialog = SaveDialog(tmp_path / "letter.pdf", "PDF document, Letter paper (*.pdf)")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    written = checklist_actions.export_checklist_pdf(context, None, settings, window)
    assert written is not None
    assert all(width == pytest.approx(LETTER_WIDTH, abs=1) for width, _ in pdf_page_sizes(written))
    types, preselected = dialog.shown[0]
    assert types.split(";;") == [
        "PDF document, A4 paper (*.pdf)",
        "PDF document, Letter paper (*.pdf)",
    ]
    assert preselected == types.split(";;")[default_page_size() == "Letter"]
    assert settings.checklist_page_size() == "Letter"

    # The next export offers Letter first; choosing A4 then gives A4 pages.
    dialog.answer = (str(tmp_path / "a4.pdf"), "PDF document, A4 paper (*.pdf)")
    written = checklist_actions.export_checklist_pdf(context, None, settings, window)
    assert dialog.shown[1][1] == "PDF document, Letter paper (*.pdf)"
    assert written is not None
    assert all(width == pytest.approx(A4_WIDTH, abs=1) for width, _ in pdf_page_sizes(written))
    assert settings.checklist_page_size() == "A4"


def test_the_preview_opens_on_the_chosen_paper_and_remembers_a_change(
    context: AppContext, window: QWidget, qtbot: Any, tmp_path: Path
) -> None:
    settings = WindowSettings(tmp_path / "settings.ini")
    settings.set_checklist_page_size("Letter")
    dialog = checklist_actions.print_checklist(context, None, window, settings)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    printer = dialog.printer()  # type: ignore[attr-defined]
    assert printer.pageLayout().pageSize().id() == QPageSize.PageSizeId.Letter
    # What the page setup of the preview does when the user picks A4: a new paper, a repaint.
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    preview = dialog.findChild(QPrintPreviewWidget)
    assert preview is not None
    preview.updatePreview()
    assert preview.pageCount() >= 2
    assert settings.checklist_page_size() == "A4"
    dialog.close()


def test_the_preview_on_the_locale_paper_remembers_nothing(
    context: AppContext, window: QWidget, qtbot: Any, tmp_path: Path
) -> None:
    settings = WindowSettings(tmp_path / "settings.ini")
    dialog = checklist_actions.print_checklist(context, None, window, settings)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    printer = dialog.printer()  # type: ignore[attr-defined]
    expected = (
        QPageSize.PageSizeId.Letter if default_page_size() == "Letter" else QPageSize.PageSizeId.A4
    )
    assert printer.pageLayout().pageSize().id() == expected
    preview = dialog.findChild(QPrintPreviewWidget)
    assert preview is not None
    preview.updatePreview()
    assert settings.checklist_page_size() == ""
    dialog.close()


def test_the_file_menu_prints_and_exports_the_checklist(
    context: AppContext, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtGui import QAction
    from PySide6.QtPrintSupport import QPrintPreviewDialog

    from mpn_desktop.ui.main_window import MainWindow

    main = MainWindow(context, WindowSettings(tmp_path / "settings.ini"))
    qtbot.addWidget(main)
    main.show()
    file_menu = main.menuBar().actions()[0].menu()
    assert isinstance(file_menu, QMenu)
    names = [action.objectName() for action in file_menu.actions()]
    assert {"printChecklistAction", "exportChecklistPdfAction"} <= set(names)

    print_action = main.findChild(QAction, "printChecklistAction")
    assert print_action is not None and print_action.isEnabled()
    print_action.trigger()
    preview = main.findChild(QPrintPreviewDialog, "checklistPrintPreview")
    assert preview is not None
    qtbot.waitUntil(preview.isVisible)
    preview.close()

    dialog = SaveDialog(tmp_path / "from the menu", "PDF document, A4 paper (*.pdf)")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    export_action = main.findChild(QAction, "exportChecklistPdfAction")
    assert export_action is not None
    export_action.trigger()
    text = " ".join(pdf_pages(tmp_path / "from the menu.pdf"))
    assert "Contoso Cloud Ltd" in text and "Page 1 of" in text
