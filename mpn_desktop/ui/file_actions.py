"""What the File menu does: open or create a database, export and load JSON, back up, checklists.

Each action asks for a file with ``QFileDialog`` (starting in the last folder
used), calls the store through ``AppContext.run`` so a refused operation is a
message rather than a traceback, and lets the context announce what changed.
"""

from __future__ import annotations

import importlib
import importlib.util
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from mpn_desktop.store import backups, documents
from mpn_desktop.store.changes import Change
from mpn_desktop.store.database import Database
from mpn_desktop.ui.context import AppContext
from mpn_desktop.ui.settings import WindowSettings

_DB_FILTER = "Tracker databases (*.sqlite3 *.sqlite *.db);;All files (*)"
_JSON_FILTER = "JSON documents (*.json);;All files (*)"
_PDF_FILTER = "PDF documents (*.pdf)"


def module_available(name: str) -> bool:
    """Whether a module of the program is installed (parts still being written are not)."""
    try:
        return importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:
        return False


class FileActions(QObject):
    """The File menu's operations on the context's database."""

    def __init__(self, context: AppContext, settings: WindowSettings, window: QWidget) -> None:
        super().__init__(window)
        self._context = context
        self._settings = settings
        self._window = window
        if self.can_import():
            # A CSV file dropped onto the window opens the import wizard on it.
            drops = importlib.import_module("mpn_desktop.ui.import_drop")
            drops.accept_csv_drops(window, self.import_exams_from)

    def _start_in(self, name: str = "") -> str:
        folder = Path(self._settings.last_folder())
        return str(folder / name) if name else str(folder)

    # --- databases ------------------------------------------------------------------------

    def open_database_file(self, path: Path) -> bool:
        """Switches to the database in ``path`` (created when missing); False if refused."""
        db = self._context.run(
            lambda: Database.open(f"sqlite:///{path}"),
            failure=self.tr("The database was not opened."),
        )
        if db is None:
            return False
        self._settings.remember_file(path)
        self._settings.remember_database(path)
        self._context.set_database(db, Change.everything(self.tr("Open database")))
        return True

    def open_recent(self, path: Path) -> bool:
        """Opens a database from File ▸ Open recent; one that is gone leaves the list."""
        if not path.is_file():
            QMessageBox.warning(
                self._window,
                self.tr("Open recent"),
                self.tr(
                    "{file} is not there any more (moved, renamed or deleted); it is taken "
                    "off the list."
                ).format(file=path),
            )
            self._settings.forget_database(path)
            return False
        return self.open_database_file(path)

    def new_database(self) -> bool:
        """Asks where to create a new database and opens it."""
        name, _ = QFileDialog.getSaveFileName(
            self._window,
            self.tr("New database"),
            self._start_in("tracker.sqlite3"),
            self.tr(_DB_FILTER),
        )
        if not name:
            return False
        path = Path(name)
        if path.exists():
            # The save dialog has already asked whether to replace it; replacing
            # a tracker database would lose its data, so open it instead.
            QMessageBox.information(
                self._window,
                self.tr("New database"),
                self.tr("{file} already exists; it is opened as it is.").format(file=path),
            )
        return self.open_database_file(path)

    def open_database(self) -> bool:
        """Asks for an existing database and opens it."""
        name, _ = QFileDialog.getOpenFileName(
            self._window, self.tr("Open database"), self._start_in(), self.tr(_DB_FILTER)
        )
        return bool(name) and self.open_database_file(Path(name))

    # --- JSON -----------------------------------------------------------------------------

    def export_json_to(self, path: Path) -> bool:
        """Writes the whole organisation to ``path`` as the ``mpn-desktop/1`` document."""
        db = self._context.db

        def write() -> Path:
            documents.write_document_file(documents.export_document(db), path)
            return path

        done = self._context.run(
            write,
            failure=self.tr("The organisation was not exported."),
        )
        if done:
            self._settings.remember_file(path)
        return bool(done)

    def export_json(self) -> bool:
        """Asks where to export the organisation and writes it."""
        name, _ = QFileDialog.getSaveFileName(
            self._window,
            self.tr("Export JSON"),
            self._start_in("organisation.json"),
            self.tr(_JSON_FILTER),
        )
        return bool(name) and self.export_json_to(Path(name))

    def load_json_from(self, path: Path, *, replace: bool) -> bool:
        """Loads a whole organisation from ``path``; the undo history no longer applies."""
        db = self._context.db
        # Targets and references must name a competency of the catalogue in use.
        competencies = {item.id for item in self._context.catalog.competencies}
        change = self._context.run(
            lambda: documents.load_document(
                db,
                documents.read_document_file(path),
                replace,
                competencies=competencies,
                source=str(path),
            ),
            failure=self.tr("Nothing was loaded from {file}.").format(file=path.name),
        )
        if change is None:
            return False
        self._context.undo_stack.clear()
        self._settings.remember_file(path)
        return True

    def load_json(self) -> bool:
        """Asks for a document, confirms replacing what the database holds, and loads it."""
        name, _ = QFileDialog.getOpenFileName(
            self._window, self.tr("Load JSON"), self._start_in(), self.tr(_JSON_FILTER)
        )
        if not name:
            return False
        answer = QMessageBox.question(
            self._window,
            self.tr("Load JSON"),
            self.tr(
                "Loading replaces everything in this database with the document's "
                "organisation, and cannot be undone. A backup is made first. Go on?"
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        if self._context.db.path is not None:
            self.backup_to(None, quiet=True)
        return self.load_json_from(Path(name), replace=True)

    # --- backup ---------------------------------------------------------------------------

    def backup_to(self, destination: Path | None, *, quiet: bool = False) -> Path | None:
        """Backs up the database file (next to it when ``destination`` is None)."""
        source = self._context.db.path
        if source is None:
            self._context.show_error(self.tr("Only a database file can be backed up."))
            return None
        saved = self._context.run(
            lambda: backups.backup(source, destination),
            failure=self.tr("The backup was not made."),
        )
        if saved is not None and not quiet:
            QMessageBox.information(
                self._window,
                self.tr("Backup"),
                self.tr("The database was backed up to {file}.").format(file=saved),
            )
        return saved

    def backup(self) -> Path | None:
        """Asks where to put a backup and makes it."""
        source = self._context.db.path
        suggested = f"{source.stem}-backup.sqlite3" if source else "tracker-backup.sqlite3"
        name, _ = QFileDialog.getSaveFileName(
            self._window, self.tr("Backup"), self._start_in(suggested), self.tr(_DB_FILTER)
        )
        if not name:
            return None
        self._settings.remember_file(name)
        return self.backup_to(Path(name))

    # --- optional parts -------------------------------------------------------------------

    @staticmethod
    def can_import() -> bool:
        """Whether the import wizard is part of this build."""
        return module_available("mpn_desktop.ui.import_wizard")

    def import_exams(self) -> None:
        """Opens the import wizard."""
        self.import_exams_from(None)

    def import_exams_from(self, path: Path | None) -> QDialog:
        """Opens the import wizard, on the preview of ``path`` when given (a dropped file)."""
        wizard_module = importlib.import_module("mpn_desktop.ui.import_wizard")
        wizard: QDialog = wizard_module.ImportWizard(
            self._context, self._window, path=path, start_folder=self._start_in()
        )
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.open()
        return wizard
