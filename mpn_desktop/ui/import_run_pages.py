"""The import wizard's last pages: the check of every record, then the import itself.

Both run the importer's ``run_import`` on a worker thread (a ``Task``):
the check as a dry run, the import for real. Either can be stopped; a stopped
or failed step writes nothing. A committed import is pushed onto the undo
stack as one ``ImportCommand``, so Edit ▸ Undo removes all of it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from mpn_desktop.errors import MpnError
from mpn_desktop.importers.importing import ImportResult, run_import
from mpn_desktop.importers.rejects import rejects_advice, write_rejects
from mpn_desktop.store import records
from mpn_desktop.store.usage_writing import MonthsChoice
from mpn_desktop.store.user_files import check_user_file
from mpn_desktop.ui import count_text
from mpn_desktop.ui.context import AppContext
from mpn_desktop.ui.import_kinds import EXAM_RECORDS, WizardKind
from mpn_desktop.ui.import_models import ProblemModel
from mpn_desktop.ui.import_questions import MonthsBox, RatesBox
from mpn_desktop.ui.import_source_pages import error_style, message_label
from mpn_desktop.ui.import_state import ImportState
from mpn_desktop.ui.import_task import import_task
from mpn_desktop.ui.status_text import semantic_colors
from mpn_desktop.ui.tasks import Task
from mpn_desktop.ui.undo_commands import ImportCommand

_PROGRESS_STEPS = 1000
_NOTES_BESIDE_PROBLEMS = 90
"""The check's notes' height (px) while a list of problems takes the page's room."""
_NO_LIMIT = 16_777_215
"""Qt's QWIDGETSIZE_MAX: no maximum height."""


def count_line(result: ImportResult, *, done: bool) -> str:
    """``N added, N duplicates, N errors, N unknown codes`` (``to add`` before the import).

    After errors nothing is added, whatever the other records are: all or nothing.
    """
    new = (_tr("{count} added") if done else _tr("{count} to add")).format(
        count=count_text.count(result.added)
    )
    parts = [
        new,
        _tr("%n duplicate(s)", "", result.duplicates),
        _tr("%n error(s)", "", len(result.errors)),
    ]
    if result.kind == EXAM_RECORDS.name:
        parts.append(_tr("%n unknown code(s)", "", len(result.unknown_codes)))
    return ", ".join(parts)


def bad_lines(result: ImportResult) -> int:
    """How many records have at least one problem."""
    return len({problem.line for problem in result.errors})


def _tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    return QCoreApplication.translate("ImportRunPages", text, disambiguation, n)


def notes_of(result: ImportResult) -> str:
    """What did not stop the import but is worth telling: names, unknown codes, ignored columns."""
    notes = list(result.warnings)
    if result.ignored_columns:
        columns = ", ".join(result.ignored_columns)
        notes.append(_tr("Columns ignored: {columns}").format(columns=columns))
    return "\n".join(notes)


class _StepPage(QWizardPage):
    """A page running one import step on a worker thread, with a progress bar and a stop button."""

    taskCreated = Signal(object)
    """A ``Task`` about to start (for observers that follow its progress)."""

    def __init__(
        self,
        context: AppContext,
        state: ImportState,
        parent: QWidget | None,
        kind: WizardKind = EXAM_RECORDS,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._state = state
        self._kind = kind
        self.task: Task | None = None
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setRange(0, _PROGRESS_STEPS)
        self.stop_button = QPushButton(self)
        self.stop_button.clicked.connect(self.stop)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress_bar, 1)
        progress_row.addWidget(self.stop_button)
        self.summary_label = message_label("", self)
        font = self.summary_label.font()
        font.setBold(True)
        self.summary_label.setFont(font)
        self.verdict_label = message_label("", self)
        for label in (self.summary_label, self.verdict_label):
            label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.notes = QPlainTextEdit(self)
        self.notes.setReadOnly(True)
        self.notes.setMaximumHeight(_NOTES_BESIDE_PROBLEMS)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addLayout(progress_row)
        self.layout_.addWidget(self.summary_label)
        self.layout_.addWidget(self.verdict_label)

    @property
    def running(self) -> bool:
        """Whether the step is still working."""
        return self.task is not None and self.task.running

    def _start(self, step: Callable[..., ImportResult]) -> None:
        self.progress_bar.setValue(0)
        self.progress_bar.setVisible(True)
        self.stop_button.setVisible(True)
        self.stop_button.setEnabled(True)
        self.summary_label.clear()
        self.verdict_label.clear()
        self.notes.clear()
        self.notes.setVisible(False)
        task = import_task(step, self)
        task.progressed.connect(self._progressed)
        task.done.connect(lambda: self._finish(task))
        self.task = task
        self.completeChanged.emit()
        self.taskCreated.emit(task)
        task.start()

    def _progressed(self, fraction: float) -> None:
        self.progress_bar.setValue(round(fraction * _PROGRESS_STEPS))

    def stop(self) -> None:
        """Asks the step to stop; it writes nothing."""
        if self.task is not None and not self.task.handled:
            self.task.cancel()
            self.stop_button.setEnabled(False)

    def stop_and_wait(self) -> None:
        """Stops the step and waits for it, then takes its outcome (the wizard is closing)."""
        task = self.task
        if task is None:
            return
        task.cancel()
        task.wait()
        self._finish(task)

    def _finish(self, task: Task) -> None:
        if task is not self.task or task.handled:
            return  # an earlier run's late signal, or already taken by stop_and_wait
        task.handled = True
        self.stop_button.setVisible(False)
        if task.result is not None:
            self.progress_bar.setValue(_PROGRESS_STEPS)
            self._succeeded(task.result)
        else:
            self.progress_bar.setVisible(False)
            self._failed(task.error, cancelled=task.cancelled)
        self.completeChanged.emit()

    def _show_verdict(self, text: str, *, ok: bool) -> None:
        self.verdict_label.setStyleSheet(
            f"color: {semantic_colors(self.palette()).ok.name()};"
            if ok
            else error_style(self.palette())
        )
        self.verdict_label.setText(text)

    def _show_notes(self, result: ImportResult) -> None:
        text = notes_of(result)
        self.notes.setPlainText(text)
        self.notes.setVisible(bool(text))

    def _succeeded(self, result: ImportResult) -> None:
        raise NotImplementedError

    def _failed(self, message: str, *, cancelled: bool) -> None:
        raise NotImplementedError

    def _step(self, *, dry_run: bool) -> Callable[..., ImportResult]:
        """The importer's run on the context's database, as the worker thread calls it."""
        db = self._context.db
        state = self._state
        assert state.path is not None, "a file was chosen"
        path, settings = state.path, state.settings()
        kind = self._kind.importer(self._context, state)
        skip, allow = state.skip_bad_rows, state.allow_other_mpn_id

        def step(progress: Callable[[float], None], cancelled: Callable[[], bool]) -> ImportResult:
            return run_import(
                db,
                kind,
                path,
                settings,
                dry_run=dry_run,
                progress=progress,
                cancel=cancelled,
                skip_bad_rows=skip,
                allow_other_mpn_id=allow,
            )

        return step


class CheckPage(_StepPage):
    """Every record checked as a dry run: counts, and every problem by line and field.

    When some records are bad, "Import the N good rows, skip M" imports the
    others and writes the bad ones to a CSV file; a currency without a rate
    gets a rate to type in (remembered); a file of another MPN ID is imported
    only when the user says so.
    """

    def __init__(
        self,
        context: AppContext,
        state: ImportState,
        parent: QWidget | None = None,
        kind: WizardKind = EXAM_RECORDS,
        rates: RatesBox | None = None,
    ):
        super().__init__(context, state, parent, kind)
        self.setObjectName("importCheckPage")
        self.setTitle(self.tr("Check"))
        self.setSubTitle(
            self.tr("Every record is checked as the import will read it. Nothing is written yet.")
        )
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Import"))
        self.progress_bar.setObjectName("importCheckProgress")
        self.stop_button.setObjectName("importCheckStop")
        self.stop_button.setText(self.tr("&Stop"))
        self.summary_label.setObjectName("importCheckSummary")
        self.verdict_label.setObjectName("importCheckVerdict")
        self.notes.setObjectName("importCheckNotes")
        self.problems = ProblemModel(self)
        self.problem_table = QTableView(self)
        self.problem_table.setObjectName("importProblemTable")
        self.problem_table.setAccessibleName(self.tr("Problems in the file"))
        self.problem_table.setModel(self.problems)
        self.problem_table.setWordWrap(False)
        self.problem_table.verticalHeader().setVisible(False)
        header = self.problem_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.problem_table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        copy_shortcut = QShortcut(QKeySequence.StandardKey.Copy, self.problem_table)
        copy_shortcut.activated.connect(self.copy_problems)
        self.copy_button = QPushButton(self.tr("&Copy the list"), self)
        self.copy_button.setObjectName("importCopyProblems")
        self.copy_button.clicked.connect(self.copy_problems)
        self.again_button = QPushButton(self.tr("Check &again"), self)
        self.again_button.setObjectName("importCheckAgain")
        self.again_button.setToolTip(self.tr("Read the file again, e.g. after fixing it"))
        self.again_button.clicked.connect(self.check)
        self.skip_button = QPushButton(self)
        self.skip_button.setObjectName("importSkipBadRows")
        self.skip_button.setToolTip(
            self.tr("The bad records go to a CSV file, with what is wrong, to fix and import")
        )
        self.skip_button.clicked.connect(self.skip_bad_rows)
        self.skip_button.setVisible(False)
        self.allow_button = QPushButton(self.tr("Import it &anyway"), self)
        self.allow_button.setObjectName("importAllowOtherMpnId")
        self.allow_button.clicked.connect(self.allow_other_mpn_id)
        self.allow_button.setVisible(False)
        self.rates = rates or RatesBox(None, self)
        self.rates.setObjectName("importRates")
        self.rates.ratesGiven.connect(self.use_rates)
        self.rates.setVisible(False)
        self.months = MonthsBox(self)
        self.months.setObjectName("importMonths")
        self.months.chosen.connect(self.choose_months)
        self.months.setVisible(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        buttons.addWidget(self.allow_button)
        buttons.addWidget(self.skip_button)
        buttons.addWidget(self.again_button)
        self.layout_.addWidget(self.rates)
        self.layout_.addWidget(self.months)
        self.layout_.addWidget(self.problem_table, 100)
        self.layout_.addLayout(buttons)
        # The notes take the room the page has (a usage file's months, its columns ignored)
        # unless a list of problems needs it (_set_problems_visible caps them then).
        self.layout_.addWidget(self.notes, 1)
        self.layout_.addStretch(0)  # takes the room while there is neither

    def initializePage(self) -> None:
        path = self._state.path
        if path is not None:
            # The file's name, so the problems below are of a file the page names.
            self.setSubTitle(
                self.tr(
                    "Every record of {file} is checked as the import will read it. "
                    "Nothing is written yet."
                ).format(file=path.name)
            )
        self.check()

    def cleanupPage(self) -> None:
        self.stop()

    def check(self) -> None:
        """Checks the whole file (again); a check still stopping (after Back) is waited for."""
        previous = self.task
        if previous is not None and previous.running:
            previous.cancel()
            previous.wait()
            previous.handled = True
        self._state.check = None
        self._state.skip_bad_rows = False
        self.setCommitPage(True)
        self.problems.show_problems(())
        self._set_problems_visible(False)
        self.skip_button.setVisible(False)
        self.allow_button.setVisible(False)
        self.rates.setVisible(False)
        # The months' question stays while the check runs again with the choice made.
        self.months.setEnabled(False)
        if self._state.months is None:
            self.months.setVisible(False)
        self.again_button.setEnabled(False)
        self.verdict_label.setStyleSheet("")
        self._start(self._step(dry_run=True))
        self.verdict_label.setText(self.tr("Checking every record…"))

    def copy_problems(self) -> None:
        """Puts the selected problems (else all), one per line, on the clipboard."""
        rows = sorted({index.row() for index in self.problem_table.selectedIndexes()})
        path = self._state.path
        file = path.name if path is not None else ""
        QGuiApplication.clipboard().setText(self.problems.as_text(rows or None, file))

    def _set_problems_visible(self, visible: bool) -> None:
        self.problem_table.setVisible(visible)
        self.copy_button.setVisible(visible)
        self.notes.setMaximumHeight(_NOTES_BESIDE_PROBLEMS if visible else _NO_LIMIT)

    def skip_bad_rows(self) -> None:
        """Asks where the bad records go, then imports the good ones."""
        state = self._state
        assert state.path is not None, "a file was checked"
        suggested = state.path.with_name(f"{state.path.stem} rejects.csv")
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the records that are not imported"),
            str(suggested),
            self.tr("CSV files (*.csv);;All files (*)"),
        )
        if not name:
            return
        try:  # a bad place is said now, before anything is imported
            check_user_file(Path(name), database=self._context.db.path, reads=[state.path])
        except MpnError as error:
            self._context.show_error(
                str(error), [], self.tr("The records that are not imported cannot be saved there.")
            )
            return
        state.skip_bad_rows = True
        state.rejects_path = Path(name)
        self.completeChanged.emit()
        wizard = self.wizard()
        if wizard is not None:
            wizard.next()

    def allow_other_mpn_id(self) -> None:
        """Checks the file again, this time taking it although it names another MPN ID."""
        self._state.allow_other_mpn_id = True
        self.check()

    def use_rates(self) -> None:
        """Checks the file again with the rates typed in."""
        self._state.rates.update(self.rates.rates())
        self.check()

    def choose_months(self, choice: MonthsChoice) -> None:
        """Checks the file again with what its lines do to the months it shares."""
        if choice is not self._state.months:
            self._state.months = choice
            self.check()

    def _ask_months(self, result: ImportResult) -> bool:
        """Shows the months the file brings only some services of; True when the file is
        checked again with the safe choice first (adding its lines: nothing goes)."""
        self.months.setEnabled(True)
        self.months.setVisible(bool(result.overlaps))
        if not result.overlaps:
            return False
        if self._state.months is None:
            self._state.months = MonthsChoice.ADD
            self.months.show_months(result.overlaps, MonthsChoice.ADD)
            self.check()  # the counts of the import as it will be done
            return True
        self.months.show_months(result.overlaps, self._state.months)
        return False

    def _succeeded(self, result: ImportResult) -> None:
        if self._ask_months(result):
            return
        self._state.check = result
        # With nothing new the check is the last page, and its button Finish, not Import.
        self.setCommitPage(not self.nothing_new())
        self.again_button.setEnabled(True)
        self.summary_label.setText(count_line(result, done=False))
        self._show_notes(result)
        if result.missing_rates:
            self.rates.ask(result.missing_rates)
            self.rates.setVisible(True)
        if result.other_mpn_ids and not self._state.allow_other_mpn_id:
            organization = records.get_organization(self._context.db) or {}
            self.allow_button.setVisible(True)
            self._show_verdict(
                self.tr(
                    "This file is for MPN ID {ids}, and this organisation is MPN ID {own}. "
                    "Nothing is imported unless you say the file is meant for it."
                ).format(ids=", ".join(result.other_mpn_ids), own=organization.get("mpn_id", "")),
                ok=False,
            )
            return
        if result.missing_rates:
            self.problems.show_problems(result.errors)
            self._set_problems_visible(True)
            self._show_verdict(
                self.tr(
                    "The amounts are in {currencies}: give the US$ rate above, and the file is "
                    "checked again with it."
                ).format(currencies=", ".join(result.missing_rates)),
                ok=False,
            )
            return
        if result.errors:
            bad = bad_lines(result)
            good = result.records_read - bad
            if good > 0 and not result.missing_rates:
                self.skip_button.setText(
                    self.tr("Import the %n good row(s), skip {bad}", "", good).format(bad=bad)
                )
                self.skip_button.setVisible(True)
            self.problems.show_problems(result.errors)
            self._set_problems_visible(True)
            fine = good
            others = self.tr("the %n other record(s) fine", "", fine)
            self._show_verdict(
                self.tr(
                    "Nothing can be imported: %n problem(s) in the file (listed below), "
                    "though {others}. An import is all or nothing unless you skip the bad "
                    "records: fix the file, then Check again, or import the good ones and "
                    "keep the bad ones in a file to fix.",
                    "",
                    len(result.errors),
                ).format(others=others),
                ok=False,
            )
        elif not self.has_something_to_import():
            self._show_verdict(
                self.tr(
                    "Nothing new to import: %n record(s) already in the database.",
                    "",
                    result.duplicates,
                ),
                ok=True,
            )
        else:
            self._show_verdict(
                self.tr(
                    "Ready: Import adds {records} (%n) in one step you can undo.",
                    "",
                    result.new_records,
                ).format(records=self._kind.records(result.new_records)),
                ok=True,
            )

    def _failed(self, message: str, *, cancelled: bool) -> None:
        self.again_button.setEnabled(True)
        self.months.setEnabled(True)
        if cancelled:
            self._show_verdict(self.tr("The check was stopped. Check again to go on."), ok=False)
        else:
            self._show_verdict(
                self.tr("The file cannot be imported: {message}").format(message=message), ok=False
            )

    def has_something_to_import(self) -> bool:
        """The check passed and found records or people that are not in the database yet."""
        result = self._state.check
        return (
            result is not None
            and not result.errors
            and not (result.other_mpn_ids and not self._state.allow_other_mpn_id)
            and (
                result.new_records > 0
                or result.people_added > 0
                or result.replaced > 0
                or result.customers_added > 0
                or result.subscriptions_added > 0
            )
        )

    def nothing_new(self) -> bool:
        """The check passed and every record is in the database already."""
        result = self._state.check
        return (
            result is not None
            and not result.errors
            and not result.other_mpn_ids
            and not self.has_something_to_import()
        )

    def nextId(self) -> int:
        # With nothing new, the check is the last page: Finish closes the wizard.
        return -1 if self.nothing_new() else super().nextId()

    def isComplete(self) -> bool:
        if self.running:
            return False
        skipping = self._state.skip_bad_rows and self._state.check is not None
        return skipping or self.has_something_to_import() or self.nothing_new()


class RunPage(_StepPage):
    """The import itself, then what it did; Edit ▸ Undo takes it back as a whole."""

    def __init__(
        self,
        context: AppContext,
        state: ImportState,
        parent: QWidget | None = None,
        kind: WizardKind = EXAM_RECORDS,
    ):
        super().__init__(context, state, parent, kind)
        self.setObjectName("importRunPage")
        self.setTitle(self.tr("Import"))
        self.setSubTitle(self.tr("The records are written in one transaction."))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Close"))
        self.progress_bar.setObjectName("importRunProgress")
        self.stop_button.setObjectName("importRunCancel")
        self.stop_button.setText(self.tr("&Cancel import"))
        self.summary_label.setObjectName("importRunSummary")
        self.verdict_label.setObjectName("importRunVerdict")
        self.notes.setObjectName("importRunNotes")
        # Nothing else below the verdict: the notes (a usage file's months) take the room.
        self.notes.setMaximumHeight(_NO_LIMIT)
        self.layout_.addWidget(self.notes, 1)
        self.layout_.addStretch(0)  # takes the room when there are no notes
        self.command: ImportCommand | None = None

    def initializePage(self) -> None:
        self.command = None
        self._state.result = None
        self._start(self._step(dry_run=False))
        self.verdict_label.setStyleSheet("")
        self.verdict_label.setText(self.tr("Importing…"))

    def _succeeded(self, result: ImportResult) -> None:
        self._state.result = result
        self.summary_label.setText(count_line(result, done=result.committed))
        self._show_notes(result)
        if result.errors and not result.rejected:
            self._show_verdict(
                self.tr(
                    "Nothing was imported: the file changed since the check and now has "
                    "%n problem(s). Start the import again to see them.",
                    "",
                    len(result.errors),
                ),
                ok=False,
            )
            return
        if result.needs_months_choice:
            # The check found none of these months: the file or the database changed since.
            self._show_verdict(
                self.tr(
                    "Nothing was imported: since the check, the file or the database changed, "
                    "and the file now brings only some services of months the database "
                    "holds. Start the import again to choose what to do with them."
                ),
                ok=False,
            )
            return
        if not result.committed or result.batch_id is None or result.change is None:
            self._show_verdict(self.tr("Nothing new was imported."), ok=True)
            return
        self.command = push_import(self._context, result)
        rejects = self._write_rejects(result)
        self._show_verdict(
            self.tr("Imported {records} from {file} ({added}). ").format(
                records=self._kind.records(result.new_records),
                file=result.path.name,
                added=self._added(result),
            )
            + rejects
            + self.tr("Edit ▸ Undo removes the whole import."),
            ok=True,
        )

    def _added(self, result: ImportResult) -> str:
        if result.kind == EXAM_RECORDS.name:
            return self.tr("%n person(s) added", "", result.people_added)
        return self.tr("{customers} and {subscriptions} added").format(
            customers=self.tr("%n customer(s)", "", result.customers_added),
            subscriptions=self.tr("%n subscription(s)", "", result.subscriptions_added),
        )

    def _write_rejects(self, result: ImportResult) -> str:
        """Writes the skipped records to the file chosen; says where (or why not)."""
        state = self._state
        if not result.rejected or state.rejects_path is None or state.mapping is None:
            return ""
        try:
            written = write_rejects(
                state.rejects_path, state.mapping.header, result, database=self._context.db.path
            )
        except MpnError as error:
            return self.tr("The skipped records were not saved: {error}. ").format(error=error)
        saved = self.tr(
            "%n record(s) with errors skipped and saved to {path}. ", "", len(result.rejected)
        ).format(path=str(written))
        advice = rejects_advice(result)
        return f"{saved}{advice} " if advice else saved

    def _failed(self, message: str, *, cancelled: bool) -> None:
        if cancelled:
            self._show_verdict(self.tr("The import was cancelled: nothing was written."), ok=False)
        else:
            self._show_verdict(
                self.tr("Nothing was imported: {message}").format(message=message), ok=False
            )

    def isComplete(self) -> bool:
        return not self.running


def push_import(context: AppContext, result: ImportResult) -> ImportCommand:
    """Puts a committed import on the undo stack (announcing it); undo removes it whole."""
    assert result.batch_id is not None and result.change is not None, "the import committed"
    command = ImportCommand(
        context,
        result.batch_id,
        result.change,
        count=result.new_records,
        file_name=result.path.name,
        usage=result.kind == "usage",
    )
    context.undo_stack.push(command)
    return command
