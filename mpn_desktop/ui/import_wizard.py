"""File ▸ Import exam records and File ▸ Import sales data: one wizard, from a file to one
undoable import, for each import kind (``ui.import_kinds``).

Pages: the file → a preview with the encoding, delimiter, header line and date order →
the column mapping → a check of every record → the import on a worker thread.
The steps are the importer's own (``mpn_desktop.importers``); the wizard only
shows them and collects the choices in an ``ImportState``.
"""

from __future__ import annotations

from enum import IntEnum
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget, QWizard

from mpn_desktop.ui.context import AppContext
from mpn_desktop.ui.import_kinds import EXAM_RECORDS, WizardKind
from mpn_desktop.ui.import_mapping_memory import MappingMemory
from mpn_desktop.ui.import_mapping_page import MappingPage
from mpn_desktop.ui.import_questions import RatesBox
from mpn_desktop.ui.import_run_pages import CheckPage, RunPage
from mpn_desktop.ui.import_source_pages import FilePage, PreviewPage
from mpn_desktop.ui.import_state import ImportState
from mpn_desktop.ui.screen_fit import resize_to_fit


class PageId(IntEnum):
    """The wizard's pages, in order."""

    FILE = 0
    PREVIEW = 1
    MAPPING = 2
    CHECK = 3
    RUN = 4


class ImportWizard(QWizard):
    """Imports a file of one kind (exam records by default) into the context's database.

    ``path`` starts on the preview of that file (as a file dropped on the main
    window does); ``settings`` is where column mappings are remembered (the
    program's settings file by default); ``start_folder`` is where Browse starts.
    """

    def __init__(
        self,
        context: AppContext,
        parent: QWidget | None = None,
        *,
        path: Path | None = None,
        settings: QSettings | None = None,
        start_folder: str | None = None,
        kind: WizardKind = EXAM_RECORDS,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importWizard")
        self.kind = kind
        self.setWindowTitle(kind.window_title)
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        resize_to_fit(self, (860, 600))
        self.context = context
        memory = MappingMemory(settings)
        self.state = ImportState(recall=memory.recall, fields_for=kind.fields_for)
        self.file_page = FilePage(self.state, start_folder or str(Path.home()), self, kind)
        self.preview_page = PreviewPage(self.state, self)
        self.mapping_page = MappingPage(self.state, memory, self, kind)
        self.check_page = CheckPage(context, self.state, self, kind, RatesBox(memory))
        self.run_page = RunPage(context, self.state, self, kind)
        for page_id, page in (
            (PageId.FILE, self.file_page),
            (PageId.PREVIEW, self.preview_page),
            (PageId.MAPPING, self.mapping_page),
            (PageId.CHECK, self.check_page),
            (PageId.RUN, self.run_page),
        ):
            self.setPage(page_id, page)
        if path is not None:
            # Straight on to the preview, with the file page behind it for Back.
            self.file_page.use_path(path)
            self.restart()
            self.next()

    def reject(self) -> None:
        """Closes the wizard; a step still running is stopped first (and writes nothing).

        An import that committed before it could stop is kept and goes on the
        undo stack like any other.
        """
        for page in (self.check_page, self.run_page):
            page.stop_and_wait()
        super().reject()
