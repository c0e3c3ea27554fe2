"""The main window: the four step tabs, the status panel beside them, menus and the "as of" day."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, Protocol, cast

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDockWidget,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QToolBar,
    QWidget,
)

from mpn_desktop.domain.dates import AS_OF_RANGE
from mpn_desktop.domain.enums import Level, StepKind
from mpn_desktop.domain.missing_lead import Lead, LeadKind
from mpn_desktop.errors import StoreError
from mpn_desktop.lazy_modules import import_after_paint
from mpn_desktop.store.changes import Change
from mpn_desktop.store.database import Database
from mpn_desktop.ui import help_dialogs
from mpn_desktop.ui.context import AppContext
from mpn_desktop.ui.editors.date_field import DateField
from mpn_desktop.ui.file_actions import FileActions
from mpn_desktop.ui.first_paint import AfterFirstPaint
from mpn_desktop.ui.first_reads import FirstRead, FirstReads, read_first
from mpn_desktop.ui.language import check_language_actions
from mpn_desktop.ui.menu_specs import MENUS, ActionSpec, Marker, MenuSpec, WindowAction
from mpn_desktop.ui.outside_watch import OutsideChangeWatch
from mpn_desktop.ui.progress_source import ProgressSource
from mpn_desktop.ui.qt_dates import python_date, qdate
from mpn_desktop.ui.screen_fit import keep_on_screen, resize_to_fit
from mpn_desktop.ui.settings import WindowSettings
from mpn_desktop.ui.status_line import StatusLine
from mpn_desktop.ui.status_panel import StatusPanel
from mpn_desktop.ui.tasks import Task, let_go, take_outcome, wait_for_running
from mpn_desktop.ui.undo_actions import UndoRedoAction
from mpn_desktop.ui.write_ahead import prepare_to_import, prepare_to_write

if TYPE_CHECKING:
    from mpn_desktop.domain.progress import Progress
    from mpn_desktop.domain.requirement_tree import RequirementTree

_WRITING_ACTIONS = (
    "importExamsAction",
    "importSalesAction",
    "loadJsonAction",
    "restoreBackupAction",
    "pasteRowsAction",
    "addRecordAction",
    "deleteRecordAction",
    "organisationAction",
)
"""The menu entries that change the database: disabled for a login that may only read."""


FILL_UNPAINTED_AFTER_MS = 500
"""A shown window not painted within this time fills all the same (see ``fill``)."""


def _read_first(db: Database, asked: list[FirstRead]) -> FirstReads:
    """On the fill's worker: the tabs' first reads, then the modules the window's modules
    declare ``after_paint`` (the engine, the designations' rules), else the first result
    shown imported them on the GUI thread (a stall of 50-80 ms on the large organisation)."""
    reads = read_first(db, asked)
    import_after_paint()
    return reads


class StepTabLike(Protocol):
    """What the main window asks of a step tab (see ``mpn_desktop.ui.tabs``)."""

    def apply_change(self, change: Change) -> None: ...
    def finish_loading(self, read: FirstReads | None = None) -> None: ...
    def first_reads(self) -> list[FirstRead]: ...
    def fit_a_waiting_table(self) -> bool: ...
    def set_progress(self, progress: Progress) -> None: ...
    def set_designations(self, tree: RequirementTree | None) -> None: ...
    def add_record(self) -> None: ...
    def delete_selected(self) -> None: ...
    def copy_selection(self) -> None: ...
    def paste_rows(self) -> None: ...
    def export_table_csv(self) -> None: ...
    def focus_search(self) -> None: ...
    def save_state(self) -> dict[str, Any]: ...
    def restore_state(self, state: dict[str, Any]) -> None: ...


@dataclass(frozen=True)
class TabSpec:
    """A step tab's module (of ``mpn_desktop.ui.tabs``) and class, objectName and title."""

    module: str
    class_name: str
    object_name: str
    title: str

    def tab_class(self) -> Callable[[AppContext, QWidget], QWidget]:
        """The tab's class, its module imported when the tab is first built: the tabs not
        shown are built after the first paint (``MainWindow.step_tabs``), and so imported."""
        module = importlib.import_module(f"mpn_desktop.ui.tabs.{self.module}")
        found: Callable[[AppContext, QWidget], QWidget] = getattr(module, self.class_name)
        return found


# The titles are marked for translation here and translated where shown (self.tr).
TAB_SPECS = (
    TabSpec(
        "sales_tab",
        "SalesTab",
        "salesTab",
        str(QT_TRANSLATE_NOOP("MainWindow", "Sales performance")),
    ),
    TabSpec(
        "exams_tab",
        "ExamsTab",
        "examsTab",
        str(QT_TRANSLATE_NOOP("MainWindow", "Exams and people")),
    ),
    TabSpec(
        "references_tab",
        "ReferencesTab",
        "referencesTab",
        str(QT_TRANSLATE_NOOP("MainWindow", "Customer references")),
    ),
    TabSpec("fee_tab", "FeeTab", "feeTab", str(QT_TRANSLATE_NOOP("MainWindow", "Fee"))),
)

_DESIGNATION_TITLES = {
    "salesTab": str(QT_TRANSLATE_NOOP("MainWindow", "Performance and customer success")),
    "examsTab": str(QT_TRANSLATE_NOOP("MainWindow", "Skilling: people and certifications")),
}
"""Tab titles on a day under the Solutions Partner program (the others keep theirs)."""


def _go_to_tab(index: int, tab: TabSpec) -> ActionSpec:
    """View ▸ 1 Sales performance … : Ctrl+1 to Ctrl+4 show the step tabs in turn."""
    return ActionSpec(
        _go_to_name(tab), tab.title, "tabs.setCurrentIndex", f"Ctrl+{index + 1}", args=(index,)
    )


def _go_to_name(tab: TabSpec) -> str:
    """The object name of View ▸ N's action showing the tab ("goToSalesTabAction")."""
    return f"goTo{tab.object_name[0].upper()}{tab.object_name[1:]}Action"


class MainWindow(QMainWindow):
    """The four steps in tabs, the status panel docked beside them, and the menus."""

    filled = Signal()
    """The tabs read their records and the status panel has its first evaluation (``fill``)."""

    def __init__(
        self,
        context: AppContext,
        settings: WindowSettings | None = None,
        parent: QWidget | None = None,
        *,
        evaluate_now: bool = True,
    ) -> None:
        """``evaluate_now=False`` paints first: the tabs say "Loading…" and the status panel
        waits until ``fill()`` (start-up calls it after ``show()``) reads the records."""
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.context = context
        context.window = self
        context.first_read_deferred = not evaluate_now
        self._fill_task: Task | None = None
        self._changed_while_filling = False
        """A change was announced while the worker read: its rows may be older than it."""
        self._fill_reads: FirstReads | None = None
        self._tabs_to_fill: list[QWidget] = []
        self._painted = False
        self._fill_after_paint = False
        self._fill_started = False
        # Watched whatever ``evaluate_now`` says: ``fill()`` on a shown window waits for its
        # first paint, and unwatched it would wait for the unpainted window's timeout instead.
        AfterFirstPaint(self, self._first_painted)
        self.settings = settings or WindowSettings()
        self.files = FileActions(context, self.settings, self)
        self.setWindowTitle(self.tr("MPN Competency Tracker"))
        self.setMinimumSize(800, 560)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("stepTabs")
        self.tabs.setAccessibleName(self.tr("The four steps"))
        self.tabs.setDocumentMode(True)
        self._built_tabs: list[QWidget | None] = []
        """The step tabs in TAB_SPECS' order; None: not built yet (see ``step_tabs``)."""
        self._tabs_waiting = False
        """Some step tabs are stand-ins, built when ``step_tabs`` is first read."""
        self._behind: set[QWidget] = set()
        """Tabs whose summaries wait for the latest evaluation until they come to the front."""
        # Painted first, the window builds the tab shown (and the Sales tab, which follows
        # the day's changes from the start) and an empty stand-in for each other tab; they
        # are built when the records are read (``_start_filling`` reads ``step_tabs``), or
        # when one is asked for before: a tab not shown was a twentieth of start-up.
        shown = self._last_tab()
        # Titled for the program of the "as of" day from the start: painted before the first
        # evaluation, the tabs would otherwise change their names when it comes.
        scored = context.scores_designations()
        for index, spec in enumerate(TAB_SPECS):
            title = _DESIGNATION_TITLES.get(spec.object_name) if scored else None
            tab: QWidget | None = None
            if evaluate_now or index in (0, shown):
                tab = self._build_tab(spec)
            else:
                self._tabs_waiting = True
            self._built_tabs.append(tab)
            self.tabs.addTab(tab or QWidget(self.tabs), self.tr(title or spec.title))
        self.tabs.currentChanged.connect(self._tab_to_front)
        self.setCentralWidget(self.tabs)

        self.panel = StatusPanel(self)
        self.panel.missingActivated.connect(self.add_missing)
        self.panel.leadActivated.connect(self.open_lead)
        self.panel_dock = QDockWidget(self.tr("Status"), self)
        self.panel_dock.setObjectName("statusDock")
        self.panel_dock.setWidget(self.panel)
        # Always visible: it can move to the other side but not float away or close.
        self.panel_dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable)
        self.panel_dock.setAllowedAreas(
            Qt.DockWidgetArea.LeftDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea
        )
        # Narrow enough to leave the tabs room at 1024×700 with 150% scaling (683 points).
        self.panel_dock.setMinimumWidth(200)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.panel_dock)

        self._build_as_of_bar()
        self._build_menus()
        self.status_line = StatusLine(context, self)
        self.setStatusBar(self.status_line)

        self.progress_source = ProgressSource(context, self)
        # Changes made elsewhere (another window, the command line) come in as edits do.
        self.outside_watch = OutsideChangeWatch(context, self, start=evaluate_now)
        self.progress_source.progressChanged.connect(self._show_progress)
        self.progress_source.designationsChanged.connect(self._show_designations)
        self.progress_source.failed.connect(self._evaluation_failed)
        self.files.designations = lambda: self.progress_source.designations
        for built in self._built_tabs:
            if built is not None:
                self._connect_tab(built)
        context.changeApplied.connect(self._apply_change)
        context.databaseChanged.connect(lambda _db: self._update_title())
        context.databaseChanged.connect(lambda _db: self._follow_read_only())
        self._follow_read_only()
        context.asOfChanged.connect(self._as_of_moved)
        self._update_title()
        self._restore_settings()
        self._remember_database(context.db)
        context.databaseChanged.connect(self._remember_database)
        if evaluate_now:
            self.progress_source.refresh_now()
        else:
            self.panel.show_loading()

    @property
    def step_tabs(self) -> list[QWidget]:
        """The four step tabs in TAB_SPECS' order, the ones not built yet built now."""
        self._build_waiting_tabs_if_any()
        return cast(list[QWidget], list(self._built_tabs))

    def _build_tab(self, spec: TabSpec) -> QWidget:
        tab = spec.tab_class()(self.context, self.tabs)
        tab.setObjectName(spec.object_name)
        return tab

    def _connect_tab(self, tab: QWidget) -> None:
        """What a step tab asks of the window, connected once it is built."""
        wants_import = getattr(tab, "importSalesRequested", None)
        if wants_import is not None:
            # A designation's usage note offers the sales-data import.
            wants_import.connect(self.files.import_sales)
        follow_facts = getattr(tab, "follow_facts", None)
        if follow_facts is not None:
            # The Sales tab's chart splits the evaluated usage by month.
            follow_facts(lambda: self.progress_source.facts)

    def _build_waiting_tabs(self) -> None:
        """Builds the tabs still stood in for, each in its stand-in's place, title and state."""
        while self._build_a_waiting_tab():
            pass

    def _build_a_waiting_tab(self) -> bool:
        """Builds the first tab still stood in for, in its stand-in's place, title and state;
        whether there was one."""
        index = next((at for at, tab in enumerate(self._built_tabs) if tab is None), None)
        if index is None:
            self._tabs_waiting = False
            return False
        spec = TAB_SPECS[index]
        shown = self.tabs.currentIndex()
        tab = self._build_tab(spec)
        self._built_tabs[index] = tab
        self._tabs_waiting = any(built is None for built in self._built_tabs)
        stand_in = self.tabs.widget(index)
        assert stand_in is not None  # one per tab until it is built
        title = self.tabs.tabText(index)
        self.tabs.removeTab(index)
        self.tabs.insertTab(index, tab, title)
        stand_in.deleteLater()
        self._connect_tab(tab)
        self._restore_tab_state(spec, tab)
        self.tabs.setCurrentIndex(shown)
        return True

    def _build_waiting_tabs_if_any(self) -> None:
        if self._tabs_waiting:
            self._build_waiting_tabs()

    def fill(self) -> None:
        """Start-up's second half, after the first paint: the store's modules (SQLAlchemy and
        its ORM) are imported and the tables' records read on a worker thread; then the tabs
        take them and the status panel is evaluated, on the GUI thread (``filled`` is
        emitted)."""
        # A shown window fills after its first paint, so that the worker does not hold the
        # GIL through it: the next turn of the event loop came before that paint (the show
        # posts it), and on a desktop the paint waits for the window system's expose too.
        if self.isVisible() and not self._painted:
            self._fill_after_paint = True
            # Should no paint come (a window on another desktop), not waiting for ever.
            QTimer.singleShot(FILL_UNPAINTED_AFTER_MS, self, self._start_filling)
        else:
            QTimer.singleShot(0, self, self._start_filling)

    def _first_painted(self) -> None:
        self._painted = True
        if self._fill_after_paint:
            self._start_filling()

    def _start_filling(self) -> None:
        if self._fill_started:
            return
        self._fill_started = True
        self._build_then_read()

    def _build_then_read(self) -> None:
        """The tabs still stood in for are built one per turn of the event loop (5-10 ms each
        on the large organisation: the three in one turn were the fill's first stall), then
        the worker reads what they all show."""
        if self._build_a_waiting_tab():
            QTimer.singleShot(0, self, self._build_then_read)
            return
        db = self.context.db
        tabs = [cast(StepTabLike, tab) for tab in self.step_tabs]
        asked = [read for tab in tabs for read in tab.first_reads()]
        task = Task(lambda _progress, _cancelled: _read_first(db, asked), self, name="preload")
        task.done.connect(lambda: self._filled(task, db))
        self._fill_task = task
        self.context.changeApplied.connect(self._note_change_while_filling)
        task.start()

    def _note_change_while_filling(self, _change: Change) -> None:
        self._changed_while_filling = True

    def _filled(self, task: Task, db: Database) -> None:
        self._fill_task = None
        let_go(task)
        # No failure shown, ours neither: read_first keeps the reads it was refused for the
        # tabs to read again (and say why); what escapes it (an installation without its
        # modules) is raised for the crash handler.
        take_outcome(task, lambda reads: self._take_first_reads(cast(FirstReads, reads), db))

    def _take_first_reads(self, reads: FirstReads, db: Database) -> None:
        self.context.first_read_deferred = False
        if self._changed_while_filling or self.context.db is not db:
            # Something was written (or another file opened) while the worker read:
            # the tabs read again here, after the watch starts, as they did before.
            if reads.source is not None:
                reads.source.close()
            self.outside_watch.start()
            read = None
        else:
            # The worker made the watch before it read: whatever others committed
            # after its reads is announced.
            self.outside_watch.start_with(reads.source, reads.source_error)
            read = reads
        self._fill_reads = read
        self._tabs_to_fill = list(self.step_tabs)
        self._fill_next_tab()

    def _fill_next_tab(self) -> None:
        """One tab takes its records per turn of the event loop, the status panel's evaluation
        after the last: the window answers between them (on the large organisation the tabs
        took 0.1-0.3 s each, 0.8 s with the evaluation)."""
        if self._changed_while_filling:
            self._fill_reads = None  # a change came in: the tabs still to fill read themselves
        cast(StepTabLike, self._tabs_to_fill.pop(0)).finish_loading(self._fill_reads)
        if self._tabs_to_fill:
            QTimer.singleShot(0, self, self._fill_next_tab)
            return
        self._fill_reads = None
        self.context.changeApplied.disconnect(self._note_change_while_filling)
        # The first evaluation reads every fact (0.1-0.3 s on the large organisation): on
        # the worker, the window answering meanwhile; ``filled`` once its result is shown.
        if self.progress_source.refresh_on_worker():
            self.progress_source.evaluated.connect(
                self._finish_filling, Qt.ConnectionType.SingleShotConnection
            )
            return
        self.progress_source.refresh_now()
        self._finish_filling()

    def _finish_filling(self) -> None:
        self.filled.emit()
        QTimer.singleShot(0, self, self._fit_waiting_tables)

    def _fit_waiting_tables(self) -> None:
        """The tables on tabs not shown fit their columns, one per turn of the event loop (0.05
        s each on the large organisation), so that the first look at a tab does not wait."""
        if any(cast(StepTabLike, tab).fit_a_waiting_table() for tab in self.step_tabs):
            QTimer.singleShot(0, self, self._fit_waiting_tables)

    # --- building -------------------------------------------------------------------------

    def _build_as_of_bar(self) -> None:
        bar = QToolBar(self.tr("As of"), self)
        bar.setObjectName("asOfToolBar")
        bar.setMovable(False)
        label = QLabel(self.tr("Status &as of:"), bar)
        # Typed whole (2018-03-01 or the locale's short date) or picked from a calendar.
        self.as_of_edit = DateField(bar)
        self.as_of_edit.setObjectName("asOfDate")
        self.as_of_edit.setAccessibleName(self.tr("Status as of"))
        self.as_of_edit.setWhatsThis(
            self.tr("Move this day to plan ahead: everything shown follows it.")
        )
        self.as_of_edit.setMaximumWidth(self.fontMetrics().horizontalAdvance("0000-00-00") * 2)
        self.as_of_edit.setDateRange(qdate(AS_OF_RANGE[0]), qdate(AS_OF_RANGE[1]))
        self.as_of_edit.setDate(qdate(self.context.as_of))
        self.as_of_edit.dateChanged.connect(self._as_of_edited)
        label.setBuddy(self.as_of_edit)
        bar.addWidget(label)
        bar.addWidget(self.as_of_edit)
        self.today_action = QAction(self.tr("&Today"), self)
        self.today_action.setObjectName("asOfTodayAction")
        self.today_action.setToolTip(self.tr("Show the status as of today"))
        self.today_action.triggered.connect(lambda: self.set_as_of(date.today()))
        bar.addAction(self.today_action)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)

    def _build_menus(self) -> None:
        """The menus of ``menu_specs.MENUS``, and the actions they name by objectName."""
        keys = QKeySequence.StandardKey
        self.undo_action = UndoRedoAction(self.context.undo_stack, redo=False, parent=self)
        self.undo_action.setObjectName("undoAction")
        self.undo_action.setShortcuts(keys.Undo)
        self.redo_action = UndoRedoAction(self.context.undo_stack, redo=True, parent=self)
        self.redo_action.setObjectName("redoAction")
        self.redo_action.setShortcuts(keys.Redo)
        self.panel_action = self.panel_dock.toggleViewAction()
        self.panel_action.setText(self.tr("&Status panel"))
        self.panel_action.setObjectName("showStatusPanelAction")
        self.panel_action.setShortcut(QKeySequence("Ctrl+0"))
        self.menu_actions: dict[str, QAction] = {}
        for spec in MENUS:
            self._fill_menu(self.menuBar().addMenu(self.tr(spec.title)), spec)
        check_language_actions(self.menu_actions, self.settings.language())
        recent = self.findChild(QMenu, "recentDatabasesMenu")
        assert recent is not None  # declared in MENUS
        self.recent_menu: QMenu = recent
        self.import_action = self.menu_actions["importExamsAction"]
        quit_action = self.menu_actions["quitAction"]
        if not quit_action.shortcuts() and sys.platform != "win32":
            # The desktop gave no Quit key (a plain X11 or Wayland session, not GNOME
            # or KDE): Ctrl+Q, as there. Windows closes with Alt+F4 and has no Quit key.
            quit_action.setShortcut(QKeySequence("Ctrl+Q"))

    def _fill_menu(self, menu: QMenu, spec: MenuSpec) -> None:
        menu.setObjectName(spec.name)
        if spec.filled_by:
            menu.aboutToShow.connect(getattr(self, spec.filled_by))
        if spec.prepares_writes or spec.prepares_imports:
            # While the user reads the menu, a worker loads what its writes need (0.5-1 s
            # of SQLAlchemy the GUI thread otherwise waited for on the first import or paste).
            prepare = prepare_to_import if spec.prepares_imports else prepare_to_write
            menu.aboutToShow.connect(lambda: prepare(self.context.db))
        for item in spec.items:
            if item is Marker.SEPARATOR:
                menu.addSeparator()
            elif item is Marker.STEP_TABS:
                for index, tab in enumerate(TAB_SPECS):
                    # The tab's title as it is (it follows the program of the day).
                    text = self._go_to_text(index, self.tabs.tabText(index))
                    self._add_action(menu, _go_to_tab(index, tab), text)
            elif isinstance(item, MenuSpec):
                self._fill_menu(menu.addMenu(self.tr(item.title)), item)
            elif isinstance(item, WindowAction):
                menu.addAction(getattr(self, item.attribute))
            elif isinstance(item, ActionSpec):
                self._add_action(menu, item)

    def _go_to_text(self, index: int, title: str) -> str:
        """View ▸ N's text for the tab at ``index`` titled ``title`` ("&1 Sales performance")."""
        return self.tr("&{number} {title}").format(number=index + 1, title=title)

    def _add_action(self, menu: QMenu, spec: ActionSpec, text: str = "") -> QAction:
        action = QAction(text or self.tr(spec.text), self)
        action.setObjectName(spec.name)
        if isinstance(spec.shortcut, QKeySequence.StandardKey):
            action.setShortcuts(spec.shortcut)
        elif spec.shortcut:
            action.setShortcut(QKeySequence(spec.shortcut))
        if spec.tooltip:
            action.setToolTip(self.tr(spec.tooltip))
        if spec.role is not None:
            action.setMenuRole(spec.role)
        target: Any = self
        for part in spec.call.split("."):
            target = getattr(target, part)
        action.triggered.connect(lambda _checked=False, call=target, args=spec.args: call(*args))
        menu.addAction(action)
        self.menu_actions[spec.name] = action
        return action

    # --- what the menus call --------------------------------------------------------------

    def copy_selection(self) -> None:
        """Edit ▸ Copy: a text field's selected text, or the focused table's selected rows
        as a spreadsheet takes them."""
        focused = QApplication.focusWidget()
        if isinstance(focused, QLineEdit | QTextEdit | QPlainTextEdit):
            focused.copy()
        else:
            self.current_tab().copy_selection()

    def paste_rows(self) -> None:
        """Edit ▸ Paste: into a text field, or the clipboard's rows into the focused table."""
        focused = QApplication.focusWidget()
        if isinstance(focused, QLineEdit | QTextEdit | QPlainTextEdit):
            focused.paste()
        else:
            self.current_tab().paste_rows()

    def export_table_csv(self) -> None:
        """File ▸ Export ▸ This table as CSV: the rows the focused table of the tab shows."""
        self.current_tab().export_table_csv()

    def add_record(self) -> None:
        """Edit ▸ Add: a new record in the tab shown."""
        self.current_tab().add_record()

    def delete_selected(self) -> None:
        """Edit ▸ Delete: the selected records of the tab shown."""
        self.current_tab().delete_selected()

    def focus_search(self) -> None:
        """Edit ▸ Find: the search box of the tab shown."""
        self.current_tab().focus_search()

    def show_requirements(self) -> None:
        """Help ▸ Requirements: the loaded catalogue."""
        help_dialogs.show_requirements(self.context, self)

    def add_missing(self, competency_id: str, level: str, step: str) -> None:
        """A "Still missing" item clicked: its step's tab, and the form that adds what is missing.

        A tab that can fill the form in for the competency (the reference's
        competency, the exam's code, the fee owed) has ``add_missing``; the
        sales step opens its tab, where what to add depends on the customer.
        """
        names = {
            StepKind.PERFORMANCE.value: "salesTab",
            StepKind.EXAMS.value: "examsTab",
            StepKind.REFERENCES.value: "referencesTab",
            StepKind.FEE.value: "feeTab",
        }
        name = names.get(step)
        if name is None:
            return
        widget = self._tab_widget(name)
        self.tabs.setCurrentWidget(widget)
        adder = getattr(widget, "add_missing", None)
        if adder is not None:
            adder(competency_id, Level(level))
        else:
            cast(StepTabLike, widget).focus_search()

    def open_lead(self, lead: Lead) -> None:
        """A designation's "Still missing" item clicked: the tab and the form its lead names
        (Add exam with the certification's exam; Add customer; the usage by month)."""
        name = "examsTab" if lead.kind is LeadKind.CERTIFICATION else "salesTab"
        widget = self._tab_widget(name)
        self.tabs.setCurrentWidget(widget)
        opener = getattr(widget, "open_lead", None)
        if opener is not None:
            opener(lead)

    def show_getting_started(self) -> QDialog:
        """Help ▸ Getting started: the four steps (or the Solutions Partner categories on a day
        of that program) and where their data comes from."""
        from mpn_desktop.ui.getting_started import show_getting_started

        scored = self.context.scores_designations()
        return show_getting_started(self, designations=scored)

    def show_shortcuts(self) -> QDialog:
        """Help ▸ Keyboard shortcuts, read off this window's actions."""
        from mpn_desktop.ui.getting_started import show_shortcuts

        return show_shortcuts(self)

    def show_about(self) -> None:
        """Help ▸ About."""
        help_dialogs.show_about(self.context, self)

    def current_tab(self) -> StepTabLike:
        """The step tab shown."""
        return cast(StepTabLike, self.tabs.currentWidget())

    def tab(self, object_name: str) -> StepTabLike:
        """A step tab by its objectName."""
        return cast(StepTabLike, self._tab_widget(object_name))

    def _tab_widget(self, object_name: str) -> QWidget:
        for widget in self.step_tabs:
            if widget.objectName() == object_name:
                return widget
        raise KeyError(object_name)

    def new_database(self) -> None:
        """Creates a database and, as it is empty, opens the welcome."""
        if self.files.new_database():
            self.welcome_if_empty()

    def welcome_if_empty(self) -> bool:
        """Opens the welcome when the database has no organisation; True when it was shown."""
        from mpn_desktop.ui.welcome_dialog import WelcomeDialog, needs_welcome, sample_loader

        if not needs_welcome(self.context):
            return False
        dialog = WelcomeDialog(self.context, self, load_sample=sample_loader(self.context))
        dialog.setObjectName("welcomeDialog")
        dialog.open()
        self.welcome = dialog
        return True

    def show_imports(self) -> QDialog:
        """Opens the list of past imports, where one can be removed whole."""
        from mpn_desktop.ui.imports_dialog import ImportsDialog

        dialog = ImportsDialog(self.context, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_history(self) -> QDialog:
        """Opens the list of the latest changes: when, who, which kinds of record."""
        from mpn_desktop.ui.history_dialog import HistoryDialog

        dialog = HistoryDialog(self.context, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def edit_organisation(self) -> QDialog:
        """Opens the organisation's details and targets to change (window-modal)."""
        from mpn_desktop.ui.organisation_dialog import OrganisationDialog

        dialog = OrganisationDialog(self.context, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def print_checklist(self) -> None:
        """Opens the print preview of the checklist."""
        # The checklist's report and renderer are imported when first asked for, not at start-up.
        from mpn_desktop.ui import checklist_actions

        checklist_actions.print_checklist(
            self.context,
            self.progress_source.progress,
            self,
            settings=self.settings,
            designations=self.progress_source.designations,
        )

    def export_checklist_pdf(self) -> None:
        """Writes the checklist to a PDF file the user chooses."""
        from mpn_desktop.ui import checklist_actions

        written = checklist_actions.export_checklist_pdf(
            self.context,
            self.progress_source.progress,
            self.settings,
            self,
            designations=self.progress_source.designations,
        )
        if written is not None:
            self.context.report(self.tr("Saved the checklist to {file}.").format(file=written))

    def refresh(self) -> None:
        """Reads every record again and recomputes the status (another copy may have written)."""
        self.context.reload()

    def set_as_of(self, day: date) -> None:
        """Moves the "as of" day (the date control follows)."""
        self.as_of_edit.setDate(qdate(day))

    # --- refreshing -----------------------------------------------------------------------

    def _as_of_edited(self, day: QDate) -> None:
        self.context.set_as_of(python_date(day))

    def _as_of_moved(self, day: date) -> None:
        if self.as_of_edit.date() != qdate(day):
            self.as_of_edit.setDate(qdate(day))

    def _apply_change(self, change: Change) -> None:
        # A table read again on the GUI thread can be refused (a team database's server
        # gone away): said once, the other tabs still refreshed, the rows shown kept.
        # Before, the refusal left the slot as a traceback (the crash dialog).
        refused: StoreError | None = None
        for tab in self.step_tabs:
            try:
                cast(StepTabLike, tab).apply_change(change)
            except StoreError as error:
                refused = refused or error
        if refused is not None:
            self.context.show_error(
                str(refused), failure=self.tr("The tables were not read again.")
            )

    def _show_progress(self, progress: Progress) -> None:
        # On a day of the Solutions Partner program the designations come next; back on a
        # day of the competencies after one, the designations' end draws the competencies
        # (else the panel drew the day before's designation cards again, then hid them).
        follow = (
            self.progress_source.designations is not None or self.panel.designations is not None
        )
        self.panel.set_progress(progress, designations_follow=follow)
        # The tab in front now; the others when they come to the front (each summary and
        # its computed columns cost a few ms an edit on the large organisation).
        for tab in self.step_tabs:
            if tab is self.tabs.currentWidget():
                cast(StepTabLike, tab).set_progress(progress)
            else:
                self._behind.add(tab)
        self._update_title()

    def _evaluation_failed(self) -> None:
        """The day's evaluation failed: tabs waiting for it say so instead of waiting."""
        for tab in self.step_tabs:
            failed = getattr(tab, "evaluation_failed", None)
            if failed is not None:
                failed()

    def _show_designations(self, tree: RequirementTree | None) -> None:
        """A day under the Solutions Partner program (or back): panel, summaries, tab titles."""
        self.panel.set_designations(tree)
        for index, (spec, tab) in enumerate(zip(TAB_SPECS, self.step_tabs, strict=True)):
            if tab not in self._behind:
                cast(StepTabLike, tab).set_designations(tree)
            title = spec.title if tree is None else _DESIGNATION_TITLES.get(spec.object_name)
            text = self.tr(title or spec.title)
            # Only a new title: setTabText relays the tab bar out even for the same text,
            # and the tab widget then repaints every tab's widgets (~2 ms an edit).
            if self.tabs.tabText(index) != text:
                self.tabs.setTabText(index, text)
                # View ▸ 1 … 4 name the tabs as their titles do.
                action = self.menu_actions.get(_go_to_name(spec))
                if action is not None:
                    action.setText(self._go_to_text(index, text))

    def _tab_to_front(self, _index: int) -> None:
        """A tab that missed evaluations while behind shows the latest one now; a stand-in
        brought to the front is replaced by its tab (built with the others)."""
        if self._tabs_waiting and self.tabs.currentWidget() not in self._built_tabs:
            QTimer.singleShot(0, self, self._build_waiting_tabs_if_any)
            return
        tab = self.tabs.currentWidget()
        source = getattr(self, "progress_source", None)
        if tab not in self._behind or source is None or source.progress is None:
            return
        self._behind.discard(tab)
        cast(StepTabLike, tab).set_progress(source.progress)
        cast(StepTabLike, tab).set_designations(source.designations)

    def _follow_read_only(self) -> None:
        """Disables what would write when the login may only read (the store refuses it anyway)."""
        writable = not self.context.db.read_only
        for name in _WRITING_ACTIONS:
            action = self.findChild(QAction, name)
            if action is not None:
                action.setEnabled(writable)

    def _update_title(self) -> None:
        progress = self.progress_source.progress if hasattr(self, "progress_source") else None
        where = self.context.db.path.name if self.context.db.path else self.context.db.where
        if self.context.db.read_only:
            where = self.tr("{where} (read-only)").format(where=where)
        name = progress.organization.name if progress and progress.organization.name else ""
        title = f"{name} — {where}" if name else where
        self.setWindowTitle(self.tr("{title} — MPN Competency Tracker").format(title=title))

    def _remember_database(self, db: Database) -> None:
        if db.path is not None:
            self.settings.remember_database(db.path)

    def _fill_recent_menu(self) -> None:
        """Lists the recent databases (the open one disabled) each time the menu opens."""
        self.recent_menu.clear()
        current = self.context.db.path
        recent = self.settings.recent_databases()
        for number, path in enumerate(recent, start=1):
            action = self.recent_menu.addAction(f"&{number} {path}")
            action.setObjectName(f"recentDatabase{number}")
            action.setEnabled(current is None or path != current.absolute())
            action.triggered.connect(
                lambda _checked=False, chosen=path: self.files.open_recent(chosen)
            )
        teams = self.settings.recent_team_databases()
        for number, url in enumerate(teams, start=len(recent) + 1):
            action = self.recent_menu.addAction(f"&{number} {url}")
            action.setObjectName(f"recentTeamDatabase{number - len(recent)}")
            action.setEnabled(self.context.db.path is not None or self.context.db.where != url)
            action.triggered.connect(
                lambda _checked=False, chosen=url: self.files.open_team_url(chosen)
            )
        if not recent and not teams:
            self.recent_menu.addAction(self.tr("No databases opened yet")).setEnabled(False)

    def choose_language(self, code: str) -> None:
        """View ▸ Language: remembers the choice, which takes effect at the next start."""
        self.settings.set_language(code)
        self.settings.sync()
        self.context.report(
            self.tr("The language changes when MPN Competency Tracker is started again.")
        )

    # --- settings -------------------------------------------------------------------------

    def _restore_settings(self) -> None:
        geometry = self.settings.geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
            # Saved on a larger screen (or before the scaling changed): bring it back on this one.
            keep_on_screen(self)
        else:
            # 1280×800 where there is room; on a 1366×768 laptop (or at 150% scaling) what fits.
            resize_to_fit(self, (1280, 800))
        state = self.settings.window_state()
        if state is not None:
            self.restoreState(state)
        else:
            # A third of the window for the panel, 340 points at most: its figures on one
            # line where there is room, the tabs the rest on a small screen.
            width = min(340, max(self.panel_dock.minimumWidth(), self.width() // 3))
            self.resizeDocks([self.panel_dock], [width], Qt.Orientation.Horizontal)
        self.panel_dock.setVisible(True)
        for spec, built in zip(TAB_SPECS, self._built_tabs, strict=True):
            if built is not None:  # the others when they are built
                self._restore_tab_state(spec, built)
        self.tabs.setCurrentIndex(self._last_tab())

    def _last_tab(self) -> int:
        """The index of the tab shown when the window was last closed."""
        return min(max(self.settings.last_tab(), 0), len(TAB_SPECS) - 1)

    def _restore_tab_state(self, spec: TabSpec, tab: QWidget) -> None:
        saved = self.settings.tab_state(spec.object_name)
        if saved:
            cast(StepTabLike, tab).restore_state(saved)

    def save_settings(self) -> None:
        """Remembers the window, the tabs' layouts and the tab shown."""
        self.settings.save_window(self.saveGeometry(), self.saveState())
        self.settings.set_last_tab(self.tabs.currentIndex())
        for spec, tab in zip(TAB_SPECS, self.step_tabs, strict=True):
            self.settings.set_tab_state(spec.object_name, cast(StepTabLike, tab).save_state())
        self.settings.sync()

    def commit_open_editor(self) -> None:
        """Saves what is typed in a table cell still being edited (as leaving the cell does)."""
        focused = QApplication.focusWidget()
        if focused is not None and self.isAncestorOf(focused):
            # The delegate commits the cell's value when its editor loses the focus.
            focused.clearFocus()

    def changeEvent(self, event: QEvent) -> None:
        """Coming back to the window, the user sees what was changed elsewhere meanwhile."""
        watch = getattr(self, "outside_watch", None)  # None while the window is being built
        if watch and event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            watch.check_now()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Keeps a cell being edited, remembers the settings, lets a running evaluation end."""
        self.commit_open_editor()
        self.save_settings()
        if self._fill_task is not None:
            self._fill_task.wait()
        self.progress_source.wait_for_worker()
        for tab in self.step_tabs:
            wait_for_reads = getattr(tab, "wait_for_reads", None)
            if wait_for_reads is not None:
                wait_for_reads()  # a tab's own reads off the GUI thread (the usage grid's)
        wait_for_running()  # any other read still running (a table's every month)
        self.outside_watch.stop()
        super().closeEvent(event)
