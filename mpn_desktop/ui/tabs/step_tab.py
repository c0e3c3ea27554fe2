"""What the four step tabs share: a search box, summary lines, record sections and their state.

The main window drives a tab only through ``apply_change``, ``set_progress``,
``add_record``, ``delete_selected``, ``focus_search`` and ``save_state`` /
``restore_state``; each tab fills in its sections and its summary.
"""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeySequence, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetItem,
)

from mpn_desktop.domain.enums import StepKind
from mpn_desktop.lazy_modules import LazyModule
from mpn_desktop.store.changes import Change, RecordKind
from mpn_desktop.ui.context import AppContext
from mpn_desktop.ui.first_reads import FirstRead, FirstReads
from mpn_desktop.ui.models.record_table import Record
from mpn_desktop.ui.palette_watch import follow_palette
from mpn_desktop.ui.tabs.record_section import RecordSection
from mpn_desktop.ui.tabs.summary import (
    designation_summary_html,
    summary_html,
    summary_tooltip,
)
from mpn_desktop.ui.tabs.summary_area import (
    SummaryArea,
    SummaryLabel,
    least_whole_rows_height,
)
from mpn_desktop.ui.tabs.table_room import ROWS_KEPT, layout_rows_height, rows_first_sizes

if TYPE_CHECKING:
    from mpn_desktop.domain import competency_tree
    from mpn_desktop.domain.progress import Progress
    from mpn_desktop.domain.requirement_tree import RequirementTree
else:
    competency_tree = LazyModule("mpn_desktop.domain.competency_tree", after_paint=True)

SEARCH_PAUSE_ROWS = 20_000
"""From this many rows in a tab's tables, a search waits for a pause in typing: each pass
over "Show all usage" (75,000 months of a large organisation) holds the window 0.4-0.7 s."""
SEARCH_PAUSE_MS = 250
"""The pause in typing after which such a search runs (Enter runs it at once)."""


class _GivingWayItem(QWidgetItem):
    """A layout item whose preferred height at a width is its least: the room left over
    comes to it by its stretch, and it gives way first on a short tab.

    A vertical QBoxLayout takes a height-for-width item's height-for-width as its minimum
    too: a record section's (its heading wraps) is its table's full preferred height, and
    on a short tab (1024×700 at 150% scaling, German) the layout then squeezed it and the
    Fee tab's membership box alike, and laid the payments over the box's last lines.
    """

    def heightForWidth(self, width: int) -> int:
        widget = self.widget()
        layout = widget.layout() if widget is not None else None
        if widget is None or layout is None or self.isEmpty():
            return super().heightForWidth(width)
        height = layout.totalMinimumHeightForWidth(width)
        return max(widget.minimumHeight(), min(height, widget.maximumHeight()))


class StepTab(QWidget):
    """Base of the step tabs: a search line, a summary and one or more ``RecordSection``."""

    step: StepKind | None = None
    """The step whose figures the summary shows."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.progress: Progress | None = None
        self._designations: RequirementTree | None = None
        """The designations' scores the summary shows (None: the competencies')."""
        self.sections: list[RecordSection] = []
        self.splitters: list[QSplitter] = []
        self._rows_first: set[QSplitter] = set()
        """The vertical splitters whose tables have their whole rows first (not moved by the
        user, no sizes restored)."""
        self._current: RecordSection | None = None
        self.loaded = False
        """Whether the records were read (start-up paints the window before reading them)."""

        self.search = QLineEdit(self)
        self.search.setObjectName("searchBox")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search this tab"))
        find = QKeySequence(QKeySequence.StandardKey.Find).toString(
            QKeySequence.SequenceFormat.NativeText
        )
        self.search.setPlaceholderText(self.tr("Search ({shortcut})").format(shortcut=find))
        self._search_pause = QTimer(self)
        self._search_pause.setSingleShot(True)
        self._search_pause.setInterval(SEARCH_PAUSE_MS)
        self._search_pause.timeout.connect(self._search_typed)
        self.search.textChanged.connect(self._search)
        self.search.returnPressed.connect(self._search_now)
        self.summary = SummaryLabel(self)
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setAccessibleName(self.tr("Summary"))
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        search_row = QHBoxLayout()
        # Alt+D, not Alt+F: Alt+F opens the File menu, as in every program.
        search_label = QLabel(self.tr("Fin&d:"), self)
        search_label.setBuddy(self.search)
        search_row.addWidget(search_label)
        search_row.addWidget(self.search, 1)
        # The summary's disclosure button, on the search's line (it takes no line of its own).
        self.summary_toggle = QToolButton(self)
        self.summary_toggle.setObjectName("summaryToggle")
        self.summary_toggle.setText(self.tr("Summary"))
        self.summary_toggle.setAccessibleName(self.tr("Show the summary"))
        # Not checkable: a disclosure arrow, not a button held down while the summary shows.
        self.summary_toggle.setAutoRaise(True)
        self.summary_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.summary_toggle.clicked.connect(lambda: self._summary_chosen(not self.summary_shown()))
        # No higher than the search box: the line stays as high as without it.
        self.summary_toggle.setMaximumHeight(self.search.sizeHint().height())
        search_row.addWidget(self.summary_toggle)
        self.body = QVBoxLayout(self)
        # The tab's frame is around it already: 4 points above and below, not the style's 9
        # (the tables' rows need them on a short window).
        margins = self.body.contentsMargins()
        self.body.setContentsMargins(margins.left(), 4, margins.right(), 4)
        self.body.addLayout(search_row)
        # The summary scrolls when the window is short (1024×700 at 150% scaling is 467
        # points high): at its full height it pushed the tables under their buttons.
        self.summary_area = summary_area = SummaryArea(self.summary, self)
        summary_area.setObjectName("summaryArea")
        summary_area.setFrameShape(QFrame.Shape.NoFrame)
        summary_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        summary_area.setMinimumHeight(self.fontMetrics().height() * 2)  # see _fit_summary
        self.body.addWidget(summary_area)
        self._summary_text = False
        """Whether the tab has a summary to show (the Fee tab on a competencies' day has none)."""
        self._summary_wanted: bool | None = None
        """The user's choice of the disclosure button (None: not chosen, the room decides)."""
        self._summary_fits = True
        """Whether the summary's least useful height fits beside the tables' whole rows."""
        self._least_for: tuple[str, int] | None = None
        self._least = 0
        """The summary's least useful height, for the text and width in ``_least_for``."""
        self._update_summary_shown()
        follow_palette(self, self._recolour)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """The summary gives way first on a short tab: each table keeps ``ROWS_KEPT`` whole
        rows, the summary a third at most and its least useful height at least (it scrolls);
        where that leaves less, it is folded unless the user unfolded it."""
        self._fit_summary(event.size().height())
        super().resizeEvent(event)

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.LayoutRequest:
            # Laid out anew without a resize (the summary's button shown, a heading on more
            # lines): the tables' rows may need another height.
            self._fit_summary(self.height())
        return handled

    def showEvent(self, event: QShowEvent) -> None:
        # A tab laid out while hidden (another tab in view) measures its tables when shown.
        super().showEvent(event)
        self._fit_summary(self.height())

    def _fit_summary(self, height: int) -> None:
        least = self._least_summary_height()
        tables = layout_rows_height(self.body, ROWS_KEPT, self.summary_area)
        room = height - tables - max(self.body.spacing(), 0)
        self.summary_area.setMinimumHeight(least)
        self.summary_area.setMaximumHeight(max(least, min(height // 3, room)))
        fits = room >= least
        if fits != self._summary_fits:
            self._summary_fits = fits
            self._update_summary_shown()

    def _least_summary_height(self) -> int:
        """The summary's least useful height: two lines, and more of it than its first line
        (its column headings), laid out as wide as the tab lets it be."""
        margins = self.body.contentsMargins()
        bar = self.summary_area.verticalScrollBar()
        width = (
            self.width()
            - margins.left()
            - margins.right()
            - self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, bar)
        )
        key = (self.summary.text(), width)
        if key != self._least_for:
            self._least_for = key
            two_lines = self.fontMetrics().height() * 2
            rows = least_whole_rows_height(self.summary, width) if self.summary.text() else 0
            self._least = max(two_lines, min(rows, self.summary.heightForWidth(width)))
        return self._least

    def show_summary(self, present: bool) -> None:
        """Whether the tab has a summary to show; shown when wanted (see ``summary_shown``)."""
        self._summary_text = present
        self._update_summary_shown()

    def summary_shown(self) -> bool:
        """Whether the summary is unfolded: as the user chose it, or where it fits."""
        wanted = self._summary_wanted
        return self._summary_fits if wanted is None else wanted

    def _summary_chosen(self, shown: bool) -> None:
        self._summary_wanted = shown
        self._update_summary_shown()

    def _update_summary_shown(self) -> None:
        shown = self.summary_shown()
        self.summary_area.setVisible(self._summary_text and shown)
        toggle = self.summary_toggle
        toggle.setVisible(self._summary_text)
        toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        toggle.setAccessibleName(
            self.tr("Hide the summary") if shown else self.tr("Show the summary")
        )
        # Folded, the summary is read on the button's tooltip.
        toggle.setToolTip(self.tr("Hide the summary") if shown else self.summary.text())

    def add_giving_way(self, widget: QWidget, stretch: int) -> None:
        """Adds ``widget`` under the others, taking the room they leave (by ``stretch``) and
        shrinking to its least height before they shrink (see ``_GivingWayItem``)."""
        self.body.addItem(_GivingWayItem(widget))
        self.body.setStretch(self.body.count() - 1, stretch)

    def _recolour(self) -> None:
        """Colours the summary anew for the new palette (light and dark switched): the
        designations' on a day of the Solutions Partner program, else the competencies'."""
        if self.progress is not None:
            self.set_progress(self.progress)
        if self._designations is not None:
            self.set_designations(self._designations)

    # -- building ----------------------------------------------------------

    def add_section(self, section: RecordSection) -> RecordSection:
        """Registers a section: it is searched, reloaded and can be the current one."""
        self.sections.append(section)
        section.shown_record = self.shown_record
        section.view.installEventFilter(self)
        if self._current is None:
            self._current = section
        return section

    def shown_record(self, kind: RecordKind, record_id: object) -> Record | None:
        """The record of ``kind`` with ``record_id`` as one of this tab's tables shows it."""
        for section in self.sections:
            if section.kind is kind:
                row = section.model.row_of_id(record_id)
                if row is not None:
                    return section.model.records()[row]
        return None

    def chain_focus(self, *stops: QWidget | RecordSection) -> None:
        """Sets the Tab order through ``stops``; a section is its table, then its buttons."""
        widgets: list[QWidget] = []
        for stop in stops:
            if isinstance(stop, RecordSection):
                widgets += [stop.view, stop.add_button, stop.delete_button]
            else:
                widgets.append(stop)
            if stop is self.search:
                widgets.append(self.summary_toggle)  # beside it on its line
        for before, after in pairwise(widgets):
            self.setTabOrder(before, after)

    def add_splitter(self, splitter: QSplitter, name: str) -> QSplitter:
        """Registers a splitter whose sizes are remembered; a vertical one shares its height
        so that each table shows ``ROWS_KEPT`` whole rows first, until the user moves it."""
        splitter.setObjectName(name)
        splitter.setChildrenCollapsible(False)
        self.splitters.append(splitter)
        if splitter.orientation() == Qt.Orientation.Vertical:
            self._rows_first.add(splitter)
            splitter.installEventFilter(self)
            splitter.splitterMoved.connect(lambda _pos, _index: self._rows_first.discard(splitter))
        return splitter

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() in (QEvent.Type.Resize, QEvent.Type.Show)
            and isinstance(watched, QSplitter)
            and watched in self._rows_first
        ):
            # Before the splitter shares its new height as its parts had it (set here, the
            # sizes are the ones it keeps).
            watched.setSizes(rows_first_sizes(watched, ROWS_KEPT))
        if event.type() == QEvent.Type.FocusIn:
            for section in self.sections:
                if section.view is watched:
                    self._current = section
        return super().eventFilter(watched, event)

    def kinds_shown(self) -> set[RecordKind]:
        """Record kinds whose change means a reload (the sections' and those their columns name)."""
        return {section.kind for section in self.sections}

    def load_first(self) -> None:
        """The tab's first read: at once, or, while start-up paints the window first (the
        context's ``first_read_deferred``), "Loading…" until ``finish_loading``."""
        if self.context.first_read_deferred:
            for section in self.sections:
                section.set_loading(True)
            return
        self.reload()

    def finish_loading(self, read: FirstReads | None = None) -> None:
        """Reads the records the tab deferred at start-up (changes made meanwhile included);
        ``read``: what start-up's worker read of them already (``first_reads``)."""
        if self.loaded:
            return
        for section in self.sections:
            section.set_loading(False)
        self.reload(read)

    def fit_a_waiting_table(self) -> bool:
        """Fits the columns of one table filled while hidden; whether there was one."""
        return any(section.fit_columns_if_waiting() for section in self.sections)

    def first_reads(self) -> list[FirstRead]:
        """What start-up's worker reads for the tab's tables: their kinds, in their orders (a
        table holding only its filter's records reads those itself)."""
        asked = []
        for section in self.sections:
            if section.model.reads_by_scope:
                continue
            order = section.model.worker_order()
            asked.append(
                FirstRead(section.kind)
                if order is None
                else FirstRead(section.kind, order[:2], order[2])
            )
        return asked

    def reload(self, read: FirstReads | None = None) -> None:
        """Reads every section, and whatever else the tab shows, again (a section whose
        records ``read`` holds takes a copy of them instead)."""
        self.loaded = True
        for section in self.sections:
            if read is None:
                section.reload()
                continue
            order = section.model.worker_order()
            rows, ordered = read.rows_for(section.kind, None if order is None else order[:2])
            section.reload(rows, ordered=ordered)
        self.records_changed(Change.everything(self.tr("Reload")))
        for section in self.sections:
            section.fit_columns_once()

    # -- what the main window calls ------------------------------------------

    def apply_change(self, change: Change) -> None:
        """Refreshes what the change touched: the rows it names, or the tables of its kinds."""
        if not self.loaded:
            return  # the first read, still to come, reads what the change wrote
        if not change.touches(*self.kinds_shown()):
            return
        for section in self.sections:
            section.apply_change(change)
        self.records_changed(change)
        for section in self.sections:
            section.fit_columns_once(change)

    def records_changed(self, change: Change) -> None:
        """After the sections took a change in: what the tab shows besides them.

        E.g. the customers' names a subscription table shows: the tab keeps
        them and redraws the table's names when the customers changed.
        """

    def set_progress(self, progress: Progress) -> None:
        """Shows the new progress: summary lines and whatever columns come from it."""
        self.progress = progress
        # On a day of the Solutions Partner program the designations' summary comes next
        # (set_designations): the competencies' laid out first was thrown away (~30 ms of
        # the first fill of a window opened on such a day, as every window is today).
        if not self.context.scores_designations(progress.as_of):
            self._show_competencies_summary(progress)
        for section in self.sections:
            if section.follows_progress:
                section.model.refresh_decorations()

    def _show_competencies_summary(self, progress: Progress) -> None:
        tree = competency_tree.requirement_tree(progress)
        text = self.summary_html(tree)
        if text != self.summary.text():
            # Only new lines can need another height: a relayout of the window costs
            # several ms (set_text lays the tab out again only for another height).
            self.summary_area.set_text(text)
            self.show_summary(bool(text))
        if self.step is not None:
            # What the step asks for, in the catalogue's words: too long to show, but at hand.
            about = summary_tooltip(tree, self.step)
            self.summary.setToolTip(about)
            self.summary.setAccessibleDescription(about)

    def summary_html(self, tree: RequirementTree) -> str:
        """The summary of this step (rich text): silver and gold figures per competency."""
        return "" if self.step is None else summary_html(tree, self.step, self.palette())

    def set_designations(self, tree: RequirementTree | None) -> None:
        """On a day under the Solutions Partner program: the designations' figures this tab's
        records feed, in place of the competencies' (None: leave the competencies' summary)."""
        self._designations = tree
        if tree is None or self.step is None:
            return
        self.summary_area.set_text(designation_summary_html(tree, self.step, self.palette()))
        self.show_summary(True)
        self.summary.setToolTip("")
        self.summary.setAccessibleDescription("")

    def current_section(self) -> RecordSection | None:
        """The section Add and Delete act on: the one last focused."""
        return self._current

    def add_record(self) -> None:
        """Edit ▸ Add: a new record in the current section."""
        if self._current is not None:
            self._current.add_record()

    def delete_selected(self) -> None:
        """Edit ▸ Delete: deletes the current section's selected record."""
        if self._current is not None:
            self._current.delete_selected()

    def copy_selection(self) -> None:
        """Edit ▸ Copy: the current section's selected rows, as tab-separated values."""
        if self._current is not None:
            self._current.transfer.copy()

    def paste_rows(self) -> None:
        """Edit ▸ Paste: the clipboard's rows into the current section (one undo step)."""
        if self._current is not None:
            self._current.transfer.paste()

    def export_table_csv(self) -> None:
        """File ▸ Export ▸ This table as CSV: the current section's rows shown."""
        if self._current is not None:
            self._current.transfer.export_csv()

    def focus_search(self) -> None:
        """Edit ▸ Find: puts the cursor in the search box, its text selected."""
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def save_state(self) -> dict[str, Any]:
        """Splitter sizes and column widths, for the settings file."""
        return {
            "splitters": {
                splitter.objectName(): bytes(splitter.saveState().toBase64().data()).decode()
                for splitter in self.splitters
            },
            "columns": {section.objectName(): section.save_state() for section in self.sections},
        } | ({} if self._summary_wanted is None else {"summary": self._summary_wanted})

    def restore_state(self, state: dict[str, Any]) -> None:
        """Puts back what ``save_state`` gave; unknown or damaged entries are skipped."""
        splitters = _mapping(state, "splitters")
        columns = _mapping(state, "columns")
        for splitter in self.splitters:
            text = splitters.get(splitter.objectName())
            if isinstance(text, str) and text:
                splitter.restoreState(QByteArray.fromBase64(text.encode("ascii")))
                self._rows_first.discard(splitter)
        for section in self.sections:
            text = columns.get(section.objectName())
            if isinstance(text, str):
                section.restore_state(text)
        shown = state.get("summary") if isinstance(state, dict) else None
        if isinstance(shown, bool):
            self._summary_wanted = shown
            self._update_summary_shown()

    def _search(self, text: str) -> None:
        # Searching tens of thousands of rows takes a noticeable moment: done once typing
        # pauses (or at Enter), not for every letter typed. Few rows, or a cleared box, at once.
        if text and sum(s.model.rowCount() for s in self.sections) >= SEARCH_PAUSE_ROWS:
            self._search_pause.start()
            return
        self._search_pause.stop()
        self._search_for(text)

    def _search_now(self) -> None:
        """The search waiting for a pause in typing, done at once (Enter)."""
        if self._search_pause.isActive():
            self._search_pause.stop()
            self._search_typed()

    def _search_typed(self) -> None:
        self._search_for(self.search.text())

    def _search_for(self, text: str) -> None:
        for section in self.sections:
            section.set_search_text(text)


def _mapping(state: object, key: str) -> dict[str, Any]:
    """``state[key]`` when both are dictionaries (a hand-edited settings file may hold anything)."""
    if not isinstance(state, dict):
        return {}
    value = state.get(key)
    return value if isinstance(value, dict) else {}
