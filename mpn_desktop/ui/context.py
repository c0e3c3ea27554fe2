"""The one small application context every tab and dialog is given (no globals)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMessageBox, QWidget

from mpn_desktop.domain.program_choice import (
    ProgramOnDay,
    Shipped,
    choose_program,
    chosen_on,
    in_full,
)
from mpn_desktop.errors import MpnError, RecordChanged
from mpn_desktop.store.changes import Change, OpResult, RecordKind
from mpn_desktop.ui import count_text
from mpn_desktop.ui.record_changes import naming_records
from mpn_desktop.ui.tasks import wait_for_running

if TYPE_CHECKING:
    from mpn_desktop.domain.catalog import Catalog
    from mpn_desktop.domain.designations import ScoredCatalog
    from mpn_desktop.store.database import Database

log = logging.getLogger(__name__)
_PROBLEMS_SHOWN = 5

T = TypeVar("T")


def change_of(result: object) -> Change | None:
    """The ``Change`` a store operation made (its ``OpResult``'s), or None for other work."""
    if isinstance(result, OpResult):
        return result.change
    if isinstance(result, Change):
        return result
    return None


class AppContext(QObject):
    """The open database, the catalogue, the undo stack and the "as of" day.

    Every write of the user interface goes through ``run``: it turns the
    program's own errors into a message for the user and announces what changed
    once, through ``changeApplied``, so the tabs and the status panel refresh
    the same way for an edit, an undo and an import.
    """

    asOfChanged = Signal(object)
    """The new "as of" ``date``."""

    changeApplied = Signal(object)
    """A ``Change`` that was committed to the database."""

    databaseChanged = Signal(object)
    """Another ``Database`` was opened in place of the current one."""

    errorShown = Signal(str)
    """A message the user was shown because an operation failed."""

    reported = Signal(str, bool)
    """What just happened, for the status bar, and whether Undo takes it back."""

    def __init__(
        self,
        db: Database,
        catalog: Catalog,
        as_of: date | None = None,
        parent: QObject | None = None,
        *,
        scored_catalogs: tuple[ScoredCatalog | Shipped, ...] = (),
        chosen_scored: ScoredCatalog | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._catalog = catalog
        self._scored = scored_catalogs if chosen_scored is None else (chosen_scored,)
        """The Solutions Partner catalogues, read already or known by their dates alone
        (``programs.shipped_catalogs``): a day's rules read only the one chosen, and the
        window's first paint none (``scores_designations`` reads their dates)."""
        self._chosen = chosen_scored
        """A Solutions Partner catalogue the user named (``--catalog``): every day is scored
        by it, as the commands score every day by such a file."""
        self._as_of = as_of or date.today()
        self.undo_stack = QUndoStack(self)
        self.window: QWidget | None = None
        """The widget error messages are shown over (the main window once it exists)."""
        self.first_read_deferred = False
        """True while start-up paints the window before the tabs read the records
        (``MainWindow.fill`` reads them after the first paint)."""
        self._parentless_box: QMessageBox | None = None
        self._open_boxes: dict[str, QMessageBox] = {}
        """The refusal boxes still open, by the message they show."""
        self._caught: list[str] | None = None

    @property
    def db(self) -> Database:
        """The open database."""
        return self._db

    @property
    def catalog(self) -> Catalog:
        """The requirements catalogue in use."""
        return self._catalog

    @property
    def scored_catalogs(self) -> tuple[ScoredCatalog, ...]:
        """The Solutions Partner catalogues the program chooses from, by day, every one read
        in full (for the exam codes they know: an edit or an import asks)."""
        return tuple(in_full(catalogue) for catalogue in self._scored)

    def program_on(self, day: date) -> ProgramOnDay:
        """The rules for ``day``: a Solutions Partner catalogue, or the competencies (None).

        Also asked on the worker thread (the designations scored with an evaluation): a
        catalogue first read there is parsed once under ``programs``' lock."""
        if self._chosen is not None:
            return ProgramOnDay(self._chosen)
        return choose_program(day, self._scored, self._catalog.effective_until)

    def scores_designations(self, day: date | None = None) -> bool:
        """Whether ``day`` (the as-of day unless given) is scored under the Solutions Partner
        program's designations, not the 2017-2018 competencies.

        Told by the catalogues' dates alone: the window asks before its first paint, which
        then reads no catalogue in full (the evaluation reads the day's, on the worker)."""
        if self._chosen is not None:
            return True
        on = self._as_of if day is None else day
        return chosen_on(on, self._scored, self._catalog.effective_until)[0] is not None

    @property
    def as_of(self) -> date:
        """The day progress is evaluated on (today unless the user plans ahead)."""
        return self._as_of

    def set_as_of(self, day: date) -> None:
        """Moves the "as of" day; announces it when it really changed."""
        if day != self._as_of:
            self._as_of = day
            self.asOfChanged.emit(day)

    def set_database(self, db: Database, change: Change) -> None:
        """Switches to another database; the undo history belonged to the old one.

        ``change`` should name every record kind, so that every view reloads.
        """
        old = self._db
        self.undo_stack.clear()
        if old is not db:
            # A worker may still read the old one (a table, the evaluation, the usage grid).
            wait_for_running()
        self._db = db
        if old is not db:
            old.close()
        self.databaseChanged.emit(db)
        self.changeApplied.emit(change)

    def run(
        self,
        operation: Callable[[], T],
        *,
        failure: str | None = None,
        touched: Callable[[T], tuple[RecordKind, Iterable[int]]] | None = None,
    ) -> T | None:
        """Runs one store operation; returns its result, or None after showing why it failed.

        ``failure`` is the first line of the message (e.g. "The reference was not
        saved."); the error's own text, which says what and where, follows it.
        ``touched`` names, from the result, the kind and ids of the records the
        operation wrote, so that tables refresh those rows only.
        """
        try:
            result = operation()
        except RecordChanged as error:
            # Written elsewhere since it was shown: nothing was written; offer a reload.
            self.show_error(str(error), failure=failure, offer_reload=True)
            return None
        except MpnError as error:
            self.show_error(str(error), getattr(error, "problems", []), failure)
            return None
        change = change_of(result)
        if change is not None:
            if touched is not None:
                kind, ids = touched(result)
                change = naming_records(change, kind, ids)
            self.changeApplied.emit(change)
        return result

    def report(self, message: str, *, undoable: bool = False) -> None:
        """Says in the window's status bar what just happened (a backup, an export, a delete).

        ``undoable`` when the last step of the undo stack is what ``message`` describes.
        """
        log.info("reported: %s", message)
        self.reported.emit(message, undoable)

    def announce(self, change: Change) -> None:
        """Passes on a change made outside ``run`` (an import finished by a worker)."""
        self.changeApplied.emit(change)

    def reload(self) -> None:
        """Every view reads the database again (it may have been written elsewhere)."""
        self.announce(Change.everything(self.tr("Reload")))

    @contextmanager
    def errors_caught(self) -> Iterator[list[str]]:
        """Collects the messages of operations refused inside, instead of showing them in a box.

        For a caller that shows them itself: a record form reopened over a box
        would block the box (the form is modal) and leave the user guessing.
        """
        outer = self._caught
        self._caught = []
        try:
            yield self._caught
        finally:
            self._caught = outer

    def show_error(
        self,
        message: str,
        problems: list[str] | None = None,
        failure: str | None = None,
        *,
        offer_reload: bool = False,
    ) -> None:
        """Shows a failed operation's message without blocking the caller (window-modal).

        ``offer_reload`` adds a Reload button (the record was changed elsewhere).
        """
        log.info("operation refused: %s", message)
        if self._caught is not None:
            self._caught.append(message)
            self.errorShown.emit(message)
            return
        failed = failure or self.tr("That could not be done.")
        # A box with no list of problems and no Reload says nothing but the message.
        plain = not problems and not offer_reload
        same = self._open_boxes.get(message) if plain else None
        if same is not None:
            # One cause (the server away) refuses every reader of a new day at once: one
            # box says it, naming each thing that failed, instead of a box over a box.
            if failed not in same.text().split("\n"):
                same.setText(same.text() + "\n" + failed)
            return
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("MPN Competency Tracker"))
        box.setText(failed)
        shown = message
        if problems:
            # The first few problems in the box itself; all of them behind "Show Details".
            shown += "\n\n" + "\n".join(f"• {problem}" for problem in problems[:_PROBLEMS_SHOWN])
            if len(problems) > _PROBLEMS_SHOWN:
                shown += "\n" + self.tr("… and {count} more (Show Details…)").format(
                    count=count_text.count(len(problems) - _PROBLEMS_SHOWN)
                )
            box.setDetailedText("\n".join(problems))
        box.setInformativeText(shown)
        box.setObjectName("operationErrorBox")
        if offer_reload:
            box.setStandardButtons(QMessageBox.StandardButton.Close)
            reload_button = box.addButton(self.tr("&Reload"), QMessageBox.ButtonRole.AcceptRole)
            reload_button.setObjectName("reloadButton")
            reload_button.clicked.connect(self.reload)
            box.setDefaultButton(reload_button)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if plain:
            self._open_boxes[message] = box
            box.finished.connect(lambda _result: self._open_boxes.pop(message, None))
        if self.window is None:
            # Without a parent the box lives only as long as a Python reference to it.
            self._parentless_box = box
        box.open()
        self.errorShown.emit(shown)
