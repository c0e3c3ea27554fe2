"""What the File menu does: open or create a database, export and load JSON, back up, checklists.

Each action asks for a file with ``QFileDialog`` (starting in the last folder
used), calls the store through ``AppContext.run`` so a refused operation is a
message rather than a traceback, and lets the context announce what changed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TR_NOOP, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from mpn_desktop.lazy_modules import LazyModule
from mpn_desktop.store import backups
from mpn_desktop.store.changes import Change
from mpn_desktop.store.database import Database
from mpn_desktop.store.sqlite_files import is_sqlite_file
from mpn_desktop.ui import questions
from mpn_desktop.ui.context import AppContext
from mpn_desktop.ui.import_drop import accept_csv_drops
from mpn_desktop.ui.settings import WindowSettings
from mpn_desktop.ui.write_ahead import prepare_to_import

if TYPE_CHECKING:
    from mpn_desktop.domain.requirement_tree import RequirementTree
    from mpn_desktop.store import documents, workbook_read, workbook_write
    from mpn_desktop.ui.import_kinds import WizardKind
else:
    # Loaded when a file is first exported or loaded (they import SQLAlchemy's ORM).
    documents = LazyModule("mpn_desktop.store.documents")
    workbook_read = LazyModule("mpn_desktop.store.workbook_read")
    workbook_write = LazyModule("mpn_desktop.store.workbook_write")

# Marked for the .ts (lupdate files them under the empty context); translated where shown.
_DB_FILTER = str(QT_TR_NOOP("Tracker databases (*.sqlite3 *.sqlite *.db);;All files (*)"))
_JSON_FILTER = str(QT_TR_NOOP("JSON documents (*.json);;All files (*)"))
_WORKBOOK_FILTER = str(QT_TR_NOOP("Excel workbooks (*.xlsx)"))
_LOAD_FILTER = str(
    QT_TR_NOOP(
        "JSON documents and workbooks (*.json *.xlsx *.xlsm);;JSON documents (*.json);;"
        "Excel workbooks (*.xlsx *.xlsm);;All files (*)"
    )
)
_PDF_FILTER = str(QT_TR_NOOP("PDF documents (*.pdf)"))


def _other_kind_of_file(path: Path) -> str:
    """ "csv", "json" or "xlsx" for a file of that kind chosen where a database was asked for,
    else ""."""
    if not path.is_file():
        return ""
    try:
        if is_sqlite_file(path):
            return ""
        with path.open("rb") as handle:
            start = handle.read(512).lstrip(b"\xef\xbb\xbf \t\r\n")
    except OSError:
        return ""  # opening it as a database says what is wrong with it
    if path.suffix.lower() == ".json" or start.startswith(b"{"):
        return "json"
    if workbook_read.is_workbook_path(path):
        return "xlsx"
    if path.suffix.lower() in {".csv", ".tsv", ".txt"}:
        return "csv"
    return ""


class FileActions(QObject):
    """The File menu's operations on the context's database."""

    def __init__(self, context: AppContext, settings: WindowSettings, window: QWidget) -> None:
        super().__init__(window)
        self._context = context
        self._settings = settings
        self._window = window
        self.designations: Callable[[], RequirementTree | None] = lambda: None
        """The Solutions Partner scores of the window's day, when the main window has them."""
        self._waiting_for_importers = False
        # A CSV file dropped onto the window opens the import wizard on it; while it is
        # dragged over, a worker loads what the wizard needs (0.5-1 s on the GUI thread).
        accept_csv_drops(window, self.import_file, lambda: prepare_to_import(self._context.db))

    def _start_in(self, name: str = "") -> str:
        folder = Path(self._settings.last_folder())
        return str(folder / name) if name else str(folder)

    # --- databases ------------------------------------------------------------------------

    def open_database_file(self, path: Path) -> bool:
        """Switches to the database in ``path`` (created when missing); False if refused.

        A CSV or JSON file chosen by mistake is not refused with a message about
        databases: the user is offered to import or load it instead.
        """
        other = _other_kind_of_file(path)
        if other:
            return self._offer_other_use(path, other)
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

    def open_team_database(self) -> bool:
        """File ▸ Open team database…: asks host, database and user, then opens it."""
        from mpn_desktop.ui.team_database_dialog import TeamDatabaseDialog

        recent = self._settings.recent_team_databases()
        dialog = TeamDatabaseDialog(recent[0] if recent else None, self._window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        return self.open_team_url(dialog.url())

    def open_team_url(self, url: str) -> bool:
        """Switches to the team database at ``url``; remembers it (never a password)."""
        db = self._context.run(
            lambda: Database.open(url), failure=self.tr("The team database was not opened.")
        )
        if db is None:
            return False
        self._settings.remember_team_database(url)
        self._context.set_database(db, Change.everything(self.tr("Open team database")))
        return True

    def _offer_other_use(self, path: Path, kind: str) -> bool:
        """Offers to import a CSV file, or load a JSON document, that was opened as a database."""
        if kind == "csv":
            if questions.ask(
                self._window,
                self.tr("Open database"),
                self.tr(
                    "{file} is a CSV file, not a tracker database. Import the exam records "
                    "in it into the open database?"
                ).format(file=path.name),
                self.tr("&Import…"),
            ):
                self.import_file(path)
                return True
            return False
        if questions.ask(
            self._window,
            self.tr("Open database"),
            (
                self.tr(
                    "{file} is a spreadsheet, not a tracker database. Load the organisation "
                    "in it into the open database?"
                )
                if kind == "xlsx"
                else self.tr(
                    "{file} is a JSON document, not a tracker database. Load the organisation "
                    "in it into the open database?"
                )
            ).format(file=path.name),
            self.tr("&Load…"),
            details=self.tr(
                "Loading replaces everything in the open database; a backup of it is made first."
            ),
        ):
            return self.load_json_file(path)
        return False

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
            documents.write_document_file(documents.export_document(db), path, database=db.path)
            return path

        done = self._context.run(
            write,
            failure=self.tr("The organisation was not exported."),
        )
        if done:
            self._settings.remember_file(path)
            self._context.report(self.tr("Exported the organisation to {file}.").format(file=path))
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

    def export_workbook_to(self, path: Path) -> bool:
        """Writes the whole organisation to ``path`` as a workbook, with a Status sheet."""
        db, catalog, as_of = self._context.db, self._context.catalog, self._context.as_of
        # On a Solutions Partner day the Status sheet holds the designations' scores.
        tree = self.designations()
        done = self._context.run(
            lambda: workbook_write.export_workbook(db, catalog, as_of, path, tree=tree),
            failure=self.tr("The organisation was not exported."),
        )
        if done is not None:
            self._settings.remember_file(path)
            self._context.report(
                self.tr("Exported the organisation to the spreadsheet {file}.").format(file=path)
            )
        return done is not None

    def export_workbook(self) -> bool:
        """Asks where to write the workbook and writes it."""
        name, _ = QFileDialog.getSaveFileName(
            self._window,
            self.tr("Export spreadsheet"),
            self._start_in("organisation.xlsx"),
            self.tr(_WORKBOOK_FILTER),
        )
        if not name:
            return False
        path = Path(name)
        if not workbook_read.is_workbook_path(path):
            path = path.with_name(path.name + ".xlsx")
        return self.export_workbook_to(path)

    def load_json_from(self, path: Path, *, replace: bool) -> bool:
        """Loads a whole organisation from ``path`` (a JSON document or a workbook);
        the undo history no longer applies."""
        db = self._context.db
        # Targets and references must name a competency of the catalogue in use.
        competencies = {item.id for item in self._context.catalog.competencies}

        def read() -> object:
            if workbook_read.is_workbook_path(path):
                return workbook_read.read_workbook(path, competencies)
            return documents.read_document_file(path)

        change = self._context.run(
            lambda: documents.load_document(
                db,
                read(),
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
        self._context.report(self.tr("Loaded the organisation from {file}.").format(file=path))
        return True

    def load_json(self) -> bool:
        """Asks for a document, confirms replacing what the database holds, and loads it."""
        name, _ = QFileDialog.getOpenFileName(
            self._window, self.tr("Load"), self._start_in(), self.tr(_LOAD_FILTER)
        )
        if not name:
            return False
        if not questions.ask(
            self._window,
            self.tr("Load"),
            self.tr(
                "Loading replaces everything in this database with the document's "
                "organisation, and cannot be undone. A backup is made first. Go on?"
            ),
            self.tr("&Load"),
            destructive=True,
        ):
            return False
        return self.load_json_file(Path(name))

    def load_json_file(self, path: Path) -> bool:
        """Backs up the database file, then replaces what it holds with the document in ``path``."""
        # The confirmation promised a backup first: without one, nothing is replaced.
        if self._context.db.path is not None and self.backup_to(None, quiet=True) is None:
            return False
        return self.load_json_from(path, replace=True)

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
            # In the status bar, not a box to close: a backup is routine.
            self._context.report(self.tr("Backed up the database to {file}.").format(file=saved))
        return saved

    def backup(self) -> Path | None:
        """Asks where to put a backup and makes it."""
        source = self._context.db.path
        # Dated, so that the next backup is not refused for the name of the last one
        # (a backup never replaces a file).
        stamp = datetime.now().strftime("%Y-%m-%d-%H%M")
        suggested = f"{source.stem if source else 'tracker'}-backup-{stamp}.sqlite3"
        name, _ = QFileDialog.getSaveFileName(
            self._window, self.tr("Backup"), self._start_in(suggested), self.tr(_DB_FILTER)
        )
        if not name:
            return None
        self._settings.remember_file(name)
        return self.backup_to(Path(name))

    def restore_backup(self) -> bool:
        """Asks for a backup and replaces the open database with it (File ▸ Restore from backup…).

        The store's restore checks the file first and keeps what the database
        held in a file next to it; the window then reopens the restored file.
        """
        current = self._context.db.path
        if current is None:
            self._context.show_error(self.tr("Only a database file can be restored."))
            return False
        pattern = backups.backup_glob(current)
        name, _ = QFileDialog.getOpenFileName(
            self._window,
            self.tr("Restore from backup"),
            str(current.absolute().parent),
            self.tr("Backups of {file} ({pattern});;All files (*)").format(
                file=current.name, pattern=pattern
            ),
        )
        return bool(name) and self.restore_from(Path(name))

    def restore_from(self, backup_file: Path, *, ask: bool = True) -> bool:
        """Replaces the open database with ``backup_file`` (asked first when ``ask``)."""
        current = self._context.db.path
        if current is None:
            return False
        if ask and not questions.ask(
            self._window,
            self.tr("Restore from backup"),
            self.tr("Replace everything in {database} with the backup {file}?").format(
                database=current.name, file=backup_file.name
            ),
            self.tr("&Restore"),
            details=self.tr(
                "What the database holds now is kept in a backup next to it, so this "
                "restore can itself be taken back the same way."
            ),
            destructive=True,
        ):
            return False
        # Let go of the file while it is replaced; the store reconnects if the restore fails.
        self._context.db.close()
        # In a tuple: the store returns None for "nothing was kept", run None for a refusal.
        restored = self._context.run(
            lambda: (backups.restore(current, backup_file),),
            failure=self.tr("Nothing was restored."),
        )
        if restored is None:
            return False
        kept = restored[0]
        db = self._context.run(
            lambda: Database.open(f"sqlite:///{current}"),
            failure=self.tr("The restored database was not opened."),
        )
        if db is None:
            return False
        self._context.set_database(db, Change.everything(self.tr("Restore from backup")))
        message = self.tr("Restored {database} from {file}.").format(
            database=current.name, file=backup_file.name
        )
        if kept is not None:
            message += " " + self.tr("What it held before is in {file}.").format(file=kept.name)
        self._context.report(message)
        return True

    # --- imports --------------------------------------------------------------------------

    def import_exams(self) -> None:
        """Opens the import wizard (once what it needs is loaded)."""
        self._when_importers_loaded(lambda: self.import_exams_from(None))

    def _when_importers_loaded(self, open_wizard: Callable[[], object]) -> None:
        """Calls ``open_wizard`` once the importers and the write path are loaded.

        Ctrl+I and Ctrl+Shift+I reach the action without the File menu, whose opening
        starts loading them: here a worker loads them (0.5-1 s the GUI thread would
        otherwise stall for) under a busy cursor, and the wizard opens when it is done.
        """
        if self._waiting_for_importers:
            return  # the key pressed again while loading: one wizard
        worker = prepare_to_import(self._context.db)
        if worker is None or not worker.is_alive():
            open_wizard()
            return
        self._waiting_for_importers = True
        QGuiApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        timer = QTimer(self)
        timer.setInterval(20)
        busy = [True]

        def restore_cursor() -> None:
            # Once: when the wizard opens, or when the window closes before it does.
            if busy[0]:
                busy[0] = False
                QGuiApplication.restoreOverrideCursor()

        def open_when_loaded() -> None:
            if worker.is_alive():
                return
            timer.stop()
            timer.deleteLater()
            restore_cursor()
            self._waiting_for_importers = False
            open_wizard()

        timer.timeout.connect(open_when_loaded)
        timer.destroyed.connect(restore_cursor)
        timer.start()

    def import_file(self, path: Path) -> QDialog:
        """Opens the import wizard of the kind the file's header names (sales data or exams)."""
        from mpn_desktop.ui.import_kinds import kind_of_file

        return self.import_exams_from(path, kind=kind_of_file(path))

    def import_sales(self) -> None:
        """Opens the import wizard for sales data (usage, customers, subscriptions), once
        what it needs is loaded."""
        self._when_importers_loaded(lambda: self.import_sales_from(None))

    def import_sales_from(self, path: Path | None) -> QDialog:
        """Opens the sales-data import wizard, on the preview of ``path`` when given."""
        from mpn_desktop.ui.import_kinds import SALES_DATA

        return self.import_exams_from(path, kind=SALES_DATA)

    def import_exams_from(self, path: Path | None, *, kind: WizardKind | None = None) -> QDialog:
        """Opens the import wizard, on the preview of ``path`` when given (a dropped file)."""
        # Imported here: the wizard and the importers behind it (a tenth of the
        # window's start-up) are needed only once the user imports something.
        from mpn_desktop.ui.import_kinds import EXAM_RECORDS
        from mpn_desktop.ui.import_wizard import ImportWizard

        wizard = ImportWizard(
            self._context,
            self._window,
            path=path,
            start_folder=self._start_in(),
            kind=kind or EXAM_RECORDS,
        )
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.open()
        return wizard
