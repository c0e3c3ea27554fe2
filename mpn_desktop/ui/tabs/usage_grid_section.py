"""The Sales tab's usage by month: a chart of the credited figure above the grid of the window.

The grid follows the as-of day (its 12 months are the measurement window's)
and the figure the targeted competency measures; typing a cell or pasting a
block of cells is one undo step; Ctrl+C copies the selection with its months
and subscriptions as a spreadsheet pastes it. The chart redraws with the
status panel, from the same progress. While the page is hidden (the user
works on the records), reading and redrawing wait until it is shown: an
edit elsewhere no longer reads the window's usage again (tens of ms on the
large organisation) for a grid nobody sees.

On a day under the Solutions Partner program the window is the months a
designation's usage growth compares (the year-ago month to last month: 13; the
twelve months before and the twelve ending last month: 24), the figure the
designation counts, and no silver or gold anywhere.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from mpn_desktop.domain.dates import Month
from mpn_desktop.domain.enums import Level
from mpn_desktop.lazy_modules import LazyModule
from mpn_desktop.ui import locale_text
from mpn_desktop.ui.context import AppContext
from mpn_desktop.ui.editors.field_delegate import FieldDelegate
from mpn_desktop.ui.editors.record_form import problem_text_color
from mpn_desktop.ui.models.usage_grid import FIGURES, MONTHS, UsageGridModel, figure_label
from mpn_desktop.ui.models.usage_pivot import WindowUsage, pivot_usage
from mpn_desktop.ui.tabs.record_view import RecordTableView
from mpn_desktop.ui.tabs.usage_grid_chart import UsageChartDrawing
from mpn_desktop.ui.tabs.usage_grid_edits import UsageGridEdits
from mpn_desktop.ui.tabs.usage_grid_panes import UsageGridPanes
from mpn_desktop.ui.tabs.window_usage_reader import Window, WindowUsageReader
from mpn_desktop.ui.write_ahead import prepare_to_write

if TYPE_CHECKING:
    from mpn_desktop.domain import (
        designation_score,
        designation_usage_months,
        performance,
        usage_months,
    )
    from mpn_desktop.domain.designation_usage_months import DesignationUsage
    from mpn_desktop.domain.facts import Facts
    from mpn_desktop.domain.progress import Progress
    from mpn_desktop.domain.requirement_tree import RequirementTree
    from mpn_desktop.domain.usage_months import MonthlyFigures
    from mpn_desktop.store.usage_cells import UsageCell
    from mpn_desktop.ui.paste_command import UsageCellsCommand
else:
    # The months a window reads: asked when the grid is first shown, after start-up's first
    # paint; the scoring engine behind ``last_month`` is imported then (see progress_source).
    designation_score = LazyModule("mpn_desktop.domain.designation_score")
    performance = LazyModule("mpn_desktop.domain.performance")
    designation_usage_months = LazyModule(
        "mpn_desktop.domain.designation_usage_months", after_paint=True
    )
    usage_months = LazyModule("mpn_desktop.domain.usage_months", after_paint=True)

Record = dict[str, Any]


class UsageGridSection(QWidget):
    """The chart and the grid of the measurement window's usage."""

    def __init__(
        self,
        context: AppContext,
        subscriptions: Callable[[], Sequence[Record]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("usageGridSection")
        self.context = context
        self._subscriptions = subscriptions
        self._usage = pivot_usage((), Month(2018, 1), MONTHS)
        """The usage of the window, as last read from the store (summed by subscription and
        month on the reader's worker)."""
        self._read_window: Window | None = None
        """The first month and count of the months ``_usage`` holds."""
        self._asked_window: Window | None = None
        """The months last asked of the reader (delivered to ``_usage`` when read)."""
        self._reader = WindowUsageReader(context, self)
        self._reader.usageRead.connect(self._usage_read)
        self._evaluation_due = True
        """The as-of day or the database changed and the day's evaluation has not come yet:
        the chart and the grid's counted row would be the previous day's, so they wait."""
        self._evaluation_failed = False
        """The day's evaluation failed: what is waited for does not come (until an edit or
        another day evaluates again)."""
        self._facts: Callable[[], Facts | None] = lambda: None
        self._progress: Progress | None = None
        self._figures: MonthlyFigures | None = None
        self._tree: RequirementTree | None = None
        """The designations of the last evaluation (None: the competencies' day)."""
        self._designation_usage: DesignationUsage | None = None
        self._preferred_designation = ""
        """The designation the user chose to chart (remembered; "" or not targeted: the
        first targeted one that measures usage growth)."""
        self._chosen_by_user = False
        self._usage_stale = True
        """The window's usage is to be read again before the grid is next drawn."""
        self._chart_stale = False
        """The chart is to be drawn from ``_progress`` before the grid is next drawn."""
        self._grid_stale = True
        self._months_shown: tuple[Month, ...] = ()
        """The months the grid showed last (scrolled to the latest when they change)."""
        self._names_measured: tuple[tuple[str, ...], str, int] = ((), "", 0)
        """The subscriptions' names last measured, in which font, and the widest's width: the
        same names at each redraw after an edit are not measured again (1,000 of them took
        4-10 ms of the GUI thread)."""
        self.charting = UsageChartDrawing(self, self._column_spacing)
        self.charting.designationChosen.connect(self.choose_designation)
        self.chart = self.charting.chart
        self.chart.partChosen.connect(self.show_figure)
        self.designation = self.charting.designation
        self.designation_label = self.charting.designation_label
        self.designation_row = self.charting.designation_row
        self.model = UsageGridModel(self._write, self)
        self.view = RecordTableView(self)  # its empty text says what is worked out
        self.view.setObjectName("usageGrid")
        self.view.setAccessibleName(self.tr("Usage by month"))
        self.view.setModel(self.model)
        # Qt's own editors; the store's write path loads while a cell is typed into.
        self.view.setItemDelegate(
            FieldDelegate(
                lambda _index: None,
                parent=self.view,
                editing_begins=lambda: prepare_to_write(self.context.db),
            )
        )
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self._month_names_width = (
            max(
                self.fontMetrics().horizontalAdvance(locale_text.month(Month(2018, number)))
                for number in range(1, 13)
            )
            # The header's margins (4 points a side): thirteen months fit at 1280×800 (12 took
            # one month under the frozen total until scrolled).
            + 8
        )
        """The least width of a month's column: its name's (the figures may need more)."""
        self.view.horizontalHeader().setMinimumSectionSize(self._month_names_width)
        # The total column and the Total and Counted rows stay in sight as the months and
        # the subscriptions scroll (where the window has room for them).
        self.panes = UsageGridPanes(self.view, self._pinned_from, self)
        self.total_column = self.panes.total_column
        self.figure = QComboBox(self)
        self.figure.setObjectName("usageFigure")
        for key in FIGURES:
            self.figure.addItem(figure_label(key), key)
        self.figure.setAccessibleName(self.tr("Figure shown"))
        self.figure.activated.connect(self._figure_chosen)
        heading = QLabel(self.tr("<b>Usage by month</b>"), self)
        heading.setBuddy(self.view)
        self.problem_label = QLabel(self)
        self.problem_label.setObjectName("usageGridProblem")
        self.problem_label.setWordWrap(True)
        self.problem_label.setVisible(False)
        self.problem_label.setStyleSheet(f"color: {problem_text_color(self.palette()).name()};")
        self.edits = UsageGridEdits(context, self.model, self.view, self.problem_label)
        self.model.problemFound.connect(self.edits.show_problem)
        # A cell chosen by the user is where a paste lands: the write path loads meanwhile.
        self.view.selectionModel().currentChanged.connect(self.edits.cell_chosen)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self.edits.show_menu)

        top = QHBoxLayout()
        top.addWidget(heading)
        top.addStretch(1)
        top.addWidget(self.figure)
        layout = self._column = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.designation_row)
        layout.addWidget(self.chart)
        layout.addLayout(top)
        layout.addWidget(self.panes, 1)
        layout.addWidget(self.problem_label)
        context.asOfChanged.connect(lambda _day: self._day_changed())
        context.databaseChanged.connect(lambda _db: self._day_changed())

    def _column_spacing(self) -> int:
        return self._column.spacing()

    def _write(self, field: str, cells: list[UsageCell]) -> None:
        # Typed cells are written through the edits (made once the grid is).
        self.edits.write(field, cells)

    def _pinned_from(self) -> int:
        """The first row kept in sight under the others: the subscriptions' come before."""
        return len(self.model.grid_rows)

    def follow_facts(self, facts: Callable[[], Facts | None]) -> None:
        """Where the chart finds the facts of the last evaluation (the progress source's)."""
        self._facts = facts

    # -- reading -----------------------------------------------------------

    def reload(self) -> None:
        """Reads the window's usage again (after a change of usage or of the as-of day)."""
        self._usage_stale = True
        self._refresh()

    def pivot(self) -> None:
        """Shows the usage read last for the window of the as-of day."""
        self._grid_stale = True
        self._refresh()

    @property
    def settled(self) -> bool:
        """Whether the chart and the grid show the day's evaluation and the usage last
        written (nothing is being read or worked out for them)."""
        return not (
            self._evaluation_due
            or self._usage_stale
            or self._reader.busy
            or self._chart_stale
            or self._grid_stale
        )

    def wait_for_reads(self) -> None:
        """Blocks until a read of the window's usage running now ends (before a close)."""
        self._reader.wait()

    def _day_changed(self) -> None:
        """Another as-of day or database: nothing shown is the day's until it is evaluated."""
        self._evaluation_due = True
        self._evaluation_failed = False
        self.reload()

    def evaluation_failed(self) -> None:
        """The day's evaluation could not be worked out (the window said why): the chart and
        the grid say so instead of waiting for a result that does not come."""
        if self._evaluation_due:
            self._evaluation_failed = True
            self._show_working()

    def _refresh(self) -> None:
        """Does what is due (read, chart, grid) when the page is shown; else when it is."""
        if not self.isVisible():
            return
        if self._evaluation_due:
            # The new day's months are read meanwhile; the chart and the grid say so.
            self._ask_usage(self._window())
            self._show_working()
            return
        # The chart first: on a designations day its metric says how many months to read.
        if self._chart_stale and self._designations_day():
            self._chart_stale = False
            self._draw_designation_chart()
            self._grid_stale = True
        elif self._chart_stale and self._progress is not None:
            self._chart_stale = False
            self._draw_chart(self._progress)
            self._grid_stale = True
        window = self._window()
        self._ask_usage(window)
        if window != self._read_window:
            self._show_working()  # other months than those read: not shown until read
        elif self._grid_stale:
            self._grid_stale = False
            self.view.set_empty_text("")
            self._pivot()

    def _ask_usage(self, window: Window) -> None:
        """Has the months' usage read (off the GUI thread) when it changed or is not asked."""
        if self._usage_stale or window != self._asked_window:
            self._usage_stale = False
            self._asked_window = window
            self._reader.ask(window)

    def _usage_read(self, window: Window, usage: WindowUsage) -> None:
        if window != self._asked_window:
            return  # months no longer shown (another day came meanwhile)
        self._usage, self._read_window = usage, window
        self._grid_stale = True
        self._refresh()

    def _show_working(self) -> None:
        """The chart and the grid say what is being worked out instead of showing figures
        that are not the day's (the previous day's usage or evaluation)."""
        day = locale_text.day(self.context.as_of)
        if self._evaluation_failed:
            text = self.tr(
                "The usage by month of {day} could not be worked out: the window showed why."
            ).format(day=day)
        else:
            text = self.tr("Working out the usage by month of {day}…").format(day=day)
        if self._evaluation_due:
            self._chart_stale = True
            self.chart.set_waiting(text)
        self._grid_stale = True
        if self.model.rowCount() or self.view.empty_text() != text:
            self.model.clear()
            self.view.verticalHeader().setFixedWidth(0)  # no names' strip beside the text
            self.view.set_empty_text(text)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._refresh()

    def _designations_day(self) -> bool:
        """Whether the as-of day is under the Solutions Partner program."""
        return self.context.scores_designations()

    def _window(self) -> Window:
        """The first month shown and how many: on a designations day those the charted
        metric compares (13 until it is known), else the competencies' 12-month window."""
        if self._designations_day():
            usage = self._designation_usage
            count = (
                len(usage.months) if usage is not None else designation_usage_months.WINDOW_MONTHS
            )
            return designation_usage_months.window_months(
                designation_score.last_month(self.context.as_of), count
            )[0], count
        return performance.usage_window_start(self.context.as_of), MONTHS

    def set_designations(self, tree: RequirementTree | None) -> None:
        """Redraws the chart (and the grid) with the designations' evaluation (None on a
        competencies' day, after ``set_progress``: every evaluation ends with it)."""
        self._tree = tree
        evaluated = tree.as_of if tree is not None else None
        if tree is None and self._progress is not None:
            evaluated = self._progress.as_of
        if evaluated == self.context.as_of:
            self._evaluation_due = False
            self._evaluation_failed = False
        self._chart_stale = True
        self._refresh()

    def chosen_designation(self) -> str:
        """The designation the user chose to chart ("" when none was chosen)."""
        return self._preferred_designation

    def choose_designation(self, designation_id: str) -> None:
        """Charts that targeted designation's usage growth (remembered when it is not
        targeted today: the first targeted one is charted meanwhile)."""
        self._preferred_designation = designation_id
        self._chart_stale = True
        self._refresh()

    def _draw_designation_chart(self) -> None:
        scored = self.context.program_on(self.context.as_of).scored
        usage = self._designation_usage = self.charting.draw_designation(
            scored,
            self._tree,
            self._facts(),
            designation_score.last_month(self.context.as_of),
            preferred=self._preferred_designation,
            figure=str(self.figure.currentData()) if self._chosen_by_user else "",
        )
        if usage is not None and not self._chosen_by_user:
            self._show_figure_of(usage.figure)

    def _draw_chart(self, progress: Progress) -> None:
        self._figures, field = self.charting.draw_competency(
            self.context.catalog, progress, self._facts()
        )
        if field and not self._chosen_by_user:
            self._show_figure_of(field)

    def _show_figure_of(self, key: str) -> None:
        """The figure the chart measures, in the grid (the user has chosen none)."""
        index = self.figure.findData(key)
        if index >= 0:
            self.figure.setCurrentIndex(index)

    def _pivot(self) -> None:
        if self._designations_day():
            self._pivot_designation()
            return
        subscriptions, usage = self._subscriptions(), self._usage
        subject = (
            usage_months.chart_subject(self.context.catalog, self._progress)
            if self._progress is not None
            else None
        )
        needs: tuple[tuple[Level, Decimal], ...] = ()
        if subject is not None:
            market = self._progress.organization.market if self._progress else None
            if market is not None:
                needs = tuple(
                    (level, subject.measure.need(level, market))
                    for level in subject.measure.thresholds
                )
        shows_measure = subject is not None and self._shows_measure(subject.measure)
        self.model.set_data(
            subscriptions,
            usage,
            str(self.figure.currentData()),
            needs=needs if shows_measure else (),
            credited=subject.credited if subject is not None else None,
            credited_amounts=(
                self._figures.amounts if shows_measure and self._figures is not None else None
            ),
        )
        self._fit_row_headers()
        self._fit_months()
        self._latest_months_shown()

    def _pivot_designation(self) -> None:
        """The months a designation measures; its counted figure under the total."""
        usage = self._designation_usage
        shown = str(self.figure.currentData())
        counts = usage is not None and usage.figure == shown
        self.model.set_data(
            self._subscriptions(),
            self._usage,
            shown,
            credited=usage.credited if usage is not None else None,
            credited_amounts=usage.amounts if counts and usage is not None else None,
            credited_heading=self.tr("Counted"),
        )
        self._fit_row_headers()
        self._fit_months()
        self._latest_months_shown()

    def _latest_months_shown(self) -> None:
        """Other months than before (another day, designation or part): the latest in view."""
        shown = self.model.months
        if shown != self._months_shown:
            self._months_shown = shown
            self.panes.show_latest_months()

    def _fit_row_headers(self) -> None:
        """The subscriptions' names and the rows' under them ("Silver needs", "Credited"),
        within reason: the months need the room. The large organisation's "sub-0001" alone
        cut "Silver needs" to "Silver need"."""
        model = self.model
        names = (*(row.name for row in model.grid_rows), *model.headings())
        font = self.font().key()
        measured_names, measured_font, longest = self._names_measured
        if names != measured_names or font != measured_font:
            metrics = self.fontMetrics()
            longest = max((metrics.horizontalAdvance(name) for name in names), default=0)
            self._names_measured = (names, font, longest)
        width = min(longest + 12, 170)
        self.view.verticalHeader().setFixedWidth(width)
        self.panes.total_rows.set_names_width(width)

    def _fit_months(self) -> None:
        """The months as wide as their Total and Counted figures at least, which were cut off
        (a large organisation's "444,902.17" in a column as wide as "2026-01": "444,90…");
        where they do not all fit, the months scroll sideways, the latest in view."""
        model, grid = self.model, self.view
        # The pinned rows alone: a few rows of sums, the widest figures of a month (the
        # subscriptions' thousands of rows would be measured on every redraw).
        totals = (
            grid.sizeHintForIndex(model.index(row, column)).width() + 1
            for row in range(self._pinned_from(), model.rowCount())
            for column in range(len(model.months))
        )
        # A list: with no pinned rows, max() of one int alone would raise.
        grid.horizontalHeader().setMinimumSectionSize(max([self._month_names_width, *totals]))

    def _shows_measure(self, measure: Any) -> bool:
        figures = FIGURES.get(str(self.figure.currentData()))
        return figures is not None and usage_months.usage_field(measure) == figures.key

    def set_progress(self, progress: Progress) -> None:
        """Redraws the chart (and the grid's credited rows) with the panel's progress."""
        self._progress = progress
        self._chart_stale = True
        self._refresh()

    def show_figure(self, key: str) -> None:
        """Shows that figure ("active_users") as if the user chose it (a missing usage led
        here); an unknown key changes nothing."""
        index = self.figure.findData(key)
        if index >= 0:
            self.figure.setCurrentIndex(index)
            self._figure_chosen(index)

    def _figure_chosen(self, _index: int) -> None:
        self._chosen_by_user = True
        if self._designations_day():
            self._chart_stale = True  # the figure may choose the metric's part charted
        self.pivot()

    # -- editing (usage_grid_edits) -----------------------------------------

    def show_problem(self, message: str) -> None:
        """What was wrong with the last value typed or pasted (hidden when empty)."""
        self.edits.show_problem(message)

    def clear_selected(self) -> UsageCellsCommand | None:
        """Edit ▸ Delete on the grid: the selected months set to 0, one undo step."""
        return self.edits.clear_selected()

    def copy(self) -> str:
        """Copies the selected cells with their months and subscriptions (values, not text)."""
        return self.edits.copy()

    def paste(self) -> UsageCellsCommand | None:
        """Pastes the clipboard's cells into the grid from the current cell."""
        return self.edits.paste()

    def paste_text(self, text: str) -> UsageCellsCommand | None:
        """Pastes tab-separated ``text`` into the grid, as one undo step."""
        return self.edits.paste_text(text)
