"""One titled table of records inside a tab: sortable, searchable, edited in place or by a form.

Every edit, add and delete becomes an undo command on the context's stack;
the table itself only reloads when the tab passes on a change that touches its
record kind.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from html import escape
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from mpn_desktop.domain.vocabulary import _ as domain_text
from mpn_desktop.errors import MpnError
from mpn_desktop.lazy_modules import LazyModule
from mpn_desktop.store.changes import Change, OutsideChange, RecordKind
from mpn_desktop.store.schema_fields import SPECS
from mpn_desktop.ui import count_text
from mpn_desktop.ui.context import AppContext
from mpn_desktop.ui.delete_question import (
    ask_to_delete,
    delete_question,
    deleted_message,
    taken_along,
)
from mpn_desktop.ui.editors.field_delegate import FieldDelegate
from mpn_desktop.ui.editors.record_form import RecordForm, problem_text_color
from mpn_desktop.ui.flow_layout import FlowLayout
from mpn_desktop.ui.language import in_sentence
from mpn_desktop.ui.models.fields import Field, FieldKind
from mpn_desktop.ui.models.record_filter import RecordFilterProxy
from mpn_desktop.ui.models.record_table import RECORD_ROLE, Record, RecordTableModel
from mpn_desktop.ui.models.scoped_table import ScopedRecordTableModel
from mpn_desktop.ui.models.store_fields import from_store
from mpn_desktop.ui.palette_watch import follow_palette
from mpn_desktop.ui.record_changes import RecordsChange
from mpn_desktop.ui.tabs.record_view import RecordTableView
from mpn_desktop.ui.tabs.table_transfer import TableTransfer
from mpn_desktop.ui.tasks import Task, let_go, take_outcome
from mpn_desktop.ui.undo_commands import (
    AddRecordCommand,
    DeleteRecordCommand,
    DeleteRecordsCommand,
    EditRecordCommand,
)
from mpn_desktop.ui.write_ahead import prepare_to_write

if TYPE_CHECKING:
    from mpn_desktop.store import records, records_sqlite
else:
    records = LazyModule("mpn_desktop.store.records")  # SQLAlchemy's ORM: after the first paint
    records_sqlite = LazyModule("mpn_desktop.store.records_sqlite", after_paint=True)

_ROWS_MEASURED = 50
"""Rows a column is fitted to (those in sight first): a sample, not all 36,000 months of usage
(100 rows took 0.05-0.2 s per table of the large organisation on the GUI thread)."""

_FIGURES = frozenset({FieldKind.MONEY, FieldKind.COUNT, FieldKind.DATE, FieldKind.MONTH})
"""Columns whose values cut off cannot be read ("US$ 1,070…"): widened for new rows."""

_ROWS_REFRESHED_ONE_BY_ONE = 200
"""More rows changed elsewhere than this, and the table is read again whole (quicker then)."""

Describe = Callable[[Record], str]
ExpandEdit = Callable[[Record, Field, object], dict[str, object]]


_UNNAMED = frozenset(
    {RecordKind.USAGE, RecordKind.EXAM, RecordKind.REFERENCE, RecordKind.FEE_PAYMENT}
)
"""Kinds of record no other table shows a name of (a month, an exam, a reference, a fee)."""


class RecordSection(QWidget):
    """A table of one record kind with Add and Delete buttons and a line for problems.

    The kind's name (``SPECS``' label, "person") and ``describe`` ("Ana Ruiz") name a
    record for the undo menu, the kind's plural several of them ("Delete 3 people"), or
    ``plural`` where the window counts them otherwise ("months of usage");
    ``new_values`` gives the values a new record starts with (e.g. the chosen
    customer of a subscription); ``load`` narrows the store's list when given;
    ``read_by_filter``: the table holds only the records its fixed filter lets through
    (``RecordFilterProxy.set_fixed_filter``), read from the store when it changes (the
    chosen subscription's months of usage, not all 36,000 of a large organisation), and
    every record, when no filter is fixed, read on a worker thread ("Loading…" meanwhile);
    ``expand_edit`` turns one cell's edit into the fields to write together (a
    known exam code also sets its title); ``form_hook`` links a form's fields.
    """

    selectionChanged = Signal(object)
    """The selected ``Record``, or None."""

    headingLinkActivated = Signal()
    """The link after the heading (``set_heading``'s ``link``) was clicked."""

    columnsFitted = Signal()
    """The columns were fitted to the first rows shown (once; the user's widths stay after)."""

    def __init__(
        self,
        context: AppContext,
        kind: RecordKind,
        title: str,
        fields: Sequence[Field],
        *,
        plural: str = "",
        describe: Describe,
        object_name: str,
        add_text: str,
        new_values: Callable[[], Mapping[str, Any] | None] | None = None,
        load: Callable[[], list[Record]] | None = None,
        expand_edit: ExpandEdit | None = None,
        form_hook: Callable[[RecordForm], None] | None = None,
        read_by_filter: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.context = context
        self.kind = kind
        self.title = title
        self._plural = plural
        self._describe = describe
        self._new_values = new_values
        self._loads_everything = load is None
        self.shown_record: Callable[[RecordKind, object], Record | None] | None = None
        """Finds a record of another kind as the tab shows it (set by the tab)."""
        self.follows_progress = False
        """Whether cells or row colours come from the progress (redrawn when it changes)."""
        self.defer_while_hidden = False
        """Whether a change waits until the table is shown again: a large table on a page
        the user left (the months of usage while the grid is pasted into) is read once
        when it comes back, not after every change."""
        self._stale = False
        self._widen_when_shown = False
        """A change came in while the table was hidden: its first column is measured on show."""
        self._fit_when_shown = False
        """The columns are fitted when the table is first shown (it was hidden when filled)."""
        self.paste_aliases: dict[str, tuple[str, Callable[[str], object]]] = {}
        """Other column names pasted rows may use for a field, with how to read them:
        {"MCP ID": ("person_id", person_of_mcp_id)}."""
        self._expand_edit = expand_edit
        self._form_hook = form_hook
        self._completions: dict[str, Sequence[str]] = {}
        self._sized = False
        fields = tuple(from_store(kind, field) for field in fields)
        self._select_once_read: object = None
        """The id of the record selected when a read off the GUI thread began (kept selected)."""
        if read_by_filter:
            scoped = ScopedRecordTableModel(
                fields,
                load or self._load_all,
                self._load_where,
                self._edit,
                self,
                load_later=self._load_later,
            )
            scoped.readingChanged.connect(self._reading_changed)
            # Its first rows come when the user chooses what to see (none at start-up):
            # the columns are fitted to them then, as other tables' are when filled.
            scoped.modelReset.connect(self._fit_first_rows)
            self.model: RecordTableModel = scoped
        else:
            self.model = RecordTableModel(fields, load or self._load_all, self._edit, self)
        self.proxy = RecordFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self._add_text = add_text
        self._waiting_for = ""
        self._waiting_for_short = ""
        self._loading = False
        self.view = RecordTableView(self)
        self.view.setObjectName(f"{object_name}Table")
        self.view.setAccessibleName(title)
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.setTabKeyNavigation(False)
        self.view.verticalHeader().setVisible(False)
        # Compact rows, sized from the font so they scale with the system's settings.
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        # Fitting columns looks at a sample of rows, not all 36,000 months of usage (the
        # header of the columns sets how many rows QTableView.sizeHintForColumn measures).
        self.view.horizontalHeader().setResizeContentsPrecision(_ROWS_MEASURED)
        header = self.view.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSortIndicatorShown(True)
        self.delegate = FieldDelegate(
            lambda index: self.model.field_at(index.column()),
            self._completions,
            self.view,
            editing_begins=lambda: prepare_to_write(self.context.db),
        )
        self.view.setItemDelegate(self.delegate)
        self.view.selectionModel().selectionChanged.connect(self._announce_selection)
        for signal in (self.proxy.modelReset, self.proxy.rowsInserted, self.proxy.rowsRemoved):
            signal.connect(self._update_empty_text)
        self.proxy.layoutChanged.connect(self._update_empty_text)
        self.view.doubleClicked.connect(self._open_read_only_cell)

        self.heading = QLabel(f"<b>{escape(title)}</b>", self)
        self.heading.setObjectName(f"{object_name}Heading")
        self.heading.setBuddy(self.view)
        self.heading.setWordWrap(True)
        self.heading.linkActivated.connect(lambda _link: self.headingLinkActivated.emit())
        self.add_button = QPushButton(add_text, self)
        self.add_button.setAccessibleName(add_text)
        self.add_button.clicked.connect(self.add_record)
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.delete_button.setAccessibleName(
            self.tr("Delete the selected row of {title}").format(title=title)
        )
        self.delete_button.clicked.connect(self.delete_selected)
        self.delete_button.setEnabled(False)
        self.problem_label = QLabel(self)
        self.problem_label.setObjectName(f"{object_name}Problem")
        self.problem_label.setWordWrap(True)
        self.problem_label.setVisible(False)
        self._recolour()
        follow_palette(self, self._recolour)
        self.delegate.problemFound.connect(self._show_cell_problem)
        self.model.problemFound.connect(self.show_problem)

        # The buttons sit under the table, as under a list in a settings dialog: a
        # heading and two buttons on one line need more width than a narrow table has.
        self._let_delete_button_narrow()
        # One whole row (or the empty table's line) under the headings at least, not the 70
        # pixels every scroll area asks: two tables one above the other fit a short window
        # (1024×700 at 150% scaling), and a table squeezed to its least still shows a row.
        scroll_bar = self.view.horizontalScrollBar()
        self.view.setMinimumHeight(
            2 * self.view.frameWidth()
            + self.view.horizontalHeader().sizeHint().height()
            + self.view.verticalHeader().defaultSectionSize()
            + self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, scroll_bar)
        )
        # Side by side where the width allows, "Delete" under "Add …" where it does not: the
        # two side by side made the German Sales tab wider than 1024×700 at 150% has room for.
        buttons = FlowLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # 3 points between heading, table and buttons, not the style's 6: two sections one
        # above the other show three whole rows each at 1024×700 at 150% scaling.
        layout.setSpacing(3)
        layout.addWidget(self.heading)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.problem_label)
        layout.addLayout(buttons)
        self._update_empty_text()
        self.transfer = TableTransfer(self)
        """Copy, paste and CSV export of the table."""

    # -- reading ---------------------------------------------------------

    def _load_all(self) -> list[Record]:
        return records_sqlite.list_records(self.context.db, self.kind)

    def _load_where(self, key: str, value: object) -> list[Record]:
        return records_sqlite.list_records(self.context.db, self.kind, (key, value))

    def _load_later(
        self, read: Callable[[], list[Record]], take: Callable[[list[Record]], None]
    ) -> None:
        """Runs ``read`` on a worker thread and hands its rows to ``take`` here; a database
        in memory (one connection, this thread's) is read at once."""
        if self.context.db.in_memory:
            take(read())
            return
        task = Task(lambda _progress, _cancelled: read(), self, name=f"read {self.kind.value}")

        def unreadable(error: MpnError) -> None:
            self.context.show_error(str(error), failure=self.tr("The table could not be read."))
            take([])

        def done() -> None:
            let_go(task)
            take_outcome(task, take, unreadable)

        task.done.connect(done)
        task.start()

    def reload(self, read: list[Record] | None = None, *, ordered: bool = False) -> None:
        """Reads the records again (or takes ``read``: this kind's records, read already, and
        ``ordered``: in the model's ``plain_order``), keeping the selected one selected."""
        selected = self.selected_record()
        if selected is None and self.model.reading and self._select_once_read is not None:
            selected = {"id": self._select_once_read}  # still awaited from the read before
        self.model.reload(read, ordered=ordered)
        if selected is None:
            return
        if self.model.reading:
            self._select_once_read = selected.get("id")  # selected when the rows come
        else:
            self.select_id(selected.get("id"))

    def _fit_first_rows(self) -> None:
        if not self._sized and self.model.rowCount() > 0:
            self.fit_columns_once()

    def _reading_changed(self, reading: bool) -> None:
        self.set_loading(reading)
        if not reading and self._sized:
            self._widen_figures()
        if not reading:
            wanted, self._select_once_read = self._select_once_read, None
            if wanted is not None:
                self.select_id(wanted)

    def apply_change(self, change: Change) -> None:
        """Refreshes the rows a change wrote when it names them, else reloads on any touch."""
        if (
            self.defer_while_hidden
            and change.touches(self.kind)
            and not self.isVisibleTo(self.window())
        ):
            self._stale = True
            return
        ids: Sequence[int] | None = (
            change.records_of(self.kind) if isinstance(change, RecordsChange) else None
        )
        if ids is None and isinstance(change, OutsideChange) and change.touches(self.kind):
            ids = self._rows_changed_elsewhere()
        if ids is not None and self._loads_everything:
            self.model.refresh_records(
                ids,
                lambda record_id: records_sqlite.get_record(self.context.db, self.kind, record_id),
            )
            self._update_empty_text()
        elif change.touches(self.kind):
            self.reload()

    def _rows_changed_elsewhere(self) -> list[int] | None:
        """The ids of the rows another program added, changed or deleted, found by their
        versions (36,000 months of usage are compared in milliseconds, where reading them
        all again took seconds); None when the table is better read again whole."""
        if not self._loads_everything or not records_sqlite.is_versioned_kind(self.kind):
            return None
        if self.model.scope() is not None:
            return None  # the scope's few rows are read again
        now = records_sqlite.row_versions(self.context.db, self.kind)
        shown = {record["id"]: record.get("version") for record in self.model.records()}
        changed = [
            record_id for record_id, version in now.items() if shown.get(record_id) != version
        ]
        changed += [record_id for record_id in shown if record_id not in now]
        return changed if len(changed) <= _ROWS_REFRESHED_ONE_BY_ONE else None

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.reload()
        self.fit_columns_if_waiting()
        if self._widen_when_shown:
            self._widen_when_shown = False
            self._widen_first_column()

    def fit_columns_once(self, change: Change | None = None) -> None:
        """Fits the columns to the first rows shown; afterwards the user's widths stay.

        Called by the tab once the names its columns show (customers, people) are known,
        and after each ``change`` that touched this table (only its rows can widen it).
        """
        if not self._sized and self.model.rowCount() == 0 and not self.model.reading:
            self._fit_titles()
        elif not self._sized and self.model.rowCount() > 0:
            if not self.view.isVisible():
                # A table on a tab not shown is fitted when first shown, or once the window
                # is filled, one table per turn of the event loop (``fit_columns_if_waiting``):
                # at start-up the hidden tabs' tables took 0.35 s of the large organisation's
                # fill on the GUI thread at once.
                self._fit_when_shown = True
                return
            self._fit_columns()
        elif self._sized and self.model.rowCount() > 0:
            if change is not None and not change.touches(self.kind) and change.kinds <= _UNNAMED:
                return  # no row of this table shows those records
            if not self.view.isVisible():
                self._widen_when_shown = True  # measured when seen (a hidden table's rows
                return  # would be measured for nothing, 10,000 exams for a person's edit)
            ids = change.records_of(self.kind) if isinstance(change, RecordsChange) else None
            self._widen_first_column(ids)

    def fit_columns_if_waiting(self) -> bool:
        """Fits the columns now if they wait for the table to be shown; whether they did."""
        if not self._fit_when_shown:
            return False
        self._fit_when_shown = False
        if self._sized:
            return False
        self._fit_columns()
        return True

    def _fit_titles(self) -> None:
        """An empty table's columns as wide as their titles at least (German's "Ausgeschieden
        am" was cut at the default 100 pixels); its first rows fit them afterwards."""
        header = self.view.horizontalHeader()
        for column in range(header.count()):
            wanted = header.sectionSizeHint(column)
            if not header.isSectionHidden(column) and self.view.columnWidth(column) < wanted:
                self.view.setColumnWidth(column, wanted)

    def _fit_columns(self) -> None:
        """Fits every column to its header and to a sample of the rows shown."""
        self.view.resizeColumnsToContents()
        self._sized = True
        self.columnsFitted.emit()

    def _widen_first_column(self, ids: Sequence[int] | None = None) -> None:
        """The name column grows for a longer name that came in (an import); it never shrinks.

        The first column names the record (customer, person, month): cut, the
        row cannot be told apart. Other widths stay the user's. ``ids``: only
        those records' rows can be longer (an edit measures one row, not a hundred).
        """
        header = self.view.horizontalHeader()
        if header.isSectionHidden(0) or header.count() == 1:  # one column stretches anyway
            return
        if ids is None:
            hint = self.view.sizeHintForColumn(0)
        else:
            hint = 0
            for record_id in ids:
                row = self.model.row_of_id(record_id)
                index = (
                    self.proxy.mapFromSource(self.model.index(row, 0)) if row is not None else None
                )
                if index is not None and index.isValid():
                    # As QTableView.sizeHintForColumn measures each cell.
                    width = self.view.sizeHintForIndex(index).width()
                    hint = max(hint, width + (1 if self.view.showGrid() else 0))
        wanted = min(hint, max(self.view.viewport().width() // 2, 1))
        if wanted > self.view.columnWidth(0):
            self.view.setColumnWidth(0, wanted)

    def _widen_figures(self) -> None:
        """The figures, days and months of rows read for another choice widen their columns
        where they need more room, never narrower: after "Show all usage" the large
        organisation's revenues read "US$ 1,070…" in a column fitted to one subscription's
        months. Other columns (names, services) stay as wide as the user left them."""
        header = self.view.horizontalHeader()
        stretched = header.count() - 1 if header.stretchLastSection() else -1
        for column in range(header.count()):
            if column == stretched or header.isSectionHidden(column):
                continue
            if self.model.field_at(column).kind not in _FIGURES:
                continue
            wanted = self.view.sizeHintForColumn(column)
            if wanted > self.view.columnWidth(column):
                self.view.setColumnWidth(column, wanted)

    def set_completions(self, key: str, words: Sequence[str]) -> None:
        """Words offered while typing the field ``key``, in the table and in the form."""
        self._completions[key] = list(words)

    def selected_record(self) -> Record | None:
        """The record of the current row when it is selected, else the first selected one."""
        selection = self.view.selectionModel()
        current = selection.currentIndex()
        if current.isValid() and selection.isRowSelected(current.row(), current.parent()):
            record: Record | None = current.data(RECORD_ROLE)
            return record
        rows = selection.selectedRows()
        return rows[0].data(RECORD_ROLE) if rows else None

    def selected_records(self) -> list[Record]:
        """Every selected record, in the order shown."""
        rows = sorted(self.view.selectionModel().selectedRows(), key=lambda index: index.row())
        return [index.data(RECORD_ROLE) for index in rows]

    def select_id(self, record_id: object) -> bool:
        """Selects the record with that id when it is shown."""
        row = self.model.row_of_id(record_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        self.view.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.view.scrollTo(index)
        return True

    def set_heading(self, text: str, link: str = "") -> None:
        """Changes the title shown above the table (e.g. naming the chosen master record).

        ``link`` is a clickable phrase after it ("Show everyone's"), which emits
        ``headingLinkActivated``.
        """
        shown = f"<b>{escape(text)}</b>"
        if link:
            shown += f" — <a href='#'>{escape(link, quote=False)}</a>"
        self.heading.setText(shown)
        self.heading.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
            if link
            else Qt.TextInteractionFlag.NoTextInteraction
        )
        self.view.setAccessibleName(text)

    def set_search_text(self, text: str) -> None:
        """Keeps the rows containing every word of ``text``."""
        self.proxy.set_search_text(text)
        self._update_empty_text()

    def set_waiting_for(self, text: str, short: str = "") -> None:
        """What the table waits for before it shows anything ("Choose a subscription above…"),
        with a shorter form for a squeezed table ("" for none)."""
        self._waiting_for, self._waiting_for_short = text, short
        self._update_empty_text()

    def set_loading(self, loading: bool) -> None:
        """Says "Loading…" in the empty table until the records are read (start-up)."""
        self._loading = loading
        self._update_empty_text()

    def _update_empty_text(self) -> None:
        short = ""
        if self._loading:
            text = self.tr("Loading…")
        elif self._waiting_for:
            text, short = self._waiting_for, self._waiting_for_short
        elif self.proxy.search_text():
            text = self.tr("Nothing here matches “{words}”.").format(words=self.proxy.search_text())
        elif self.model.rowCount() > 0:
            text = self.tr("Nothing here for this choice.")
        else:
            text = self.tr("Nothing yet: “{add}” adds the first one.").format(
                add=self._add_text.rstrip("…")
            )
        self.view.set_empty_text(text, short)

    def _recolour(self) -> None:
        """The problem line in a red that reads on the palette, light or dark."""
        self.problem_label.setStyleSheet(f"color: {problem_text_color(self.palette()).name()};")

    def show_problem(self, message: str) -> None:
        """Shows what is wrong with the last value typed, or hides the line when empty."""
        self.problem_label.setText(message)
        self.problem_label.setVisible(bool(message))

    def _show_cell_problem(self, message: str) -> None:
        """A cell's problem, naming the row it is in ("Ana Ruiz — MCP ID: …")."""
        index = self.view.currentIndex()
        record = index.data(RECORD_ROLE) if message and index.isValid() else None
        where = self._describe(record) if record is not None else ""
        self.show_problem(f"{where} — {message}" if where else message)

    # -- writing ---------------------------------------------------------

    def _edit(self, record: Record, field: Field, value: object) -> None:
        label = self.tr("{field} of {record}").format(
            field=in_sentence(field.label), record=self._describe(record)
        )
        values = (
            self._expand_edit(record, field, value)
            if self._expand_edit is not None
            else {field.key: value}
        )
        self.context.undo_stack.push(
            # The record as shown: the store refuses the edit if the row changed since.
            EditRecordCommand(
                self.context,
                self.kind,
                record,
                self._empty_as_default(values),
                label,
                parents=self._parents_shown(values),
            )
        )

    def _empty_as_default(self, values: Mapping[str, Any]) -> dict[str, Any]:
        """``values`` with a field left empty given the store's default (an empty amount is 0).

        The editors give None for an optional field left empty; the store takes None
        for an optional date but not for an amount or a count, which default to 0.
        """
        fields = SPECS[self.kind].fields
        result = dict(values)
        for key, value in values.items():
            spec = fields.get(key)
            if value is None and spec is not None and spec.default is not None:
                result[key] = spec.default
        return result

    def add_record(self) -> None:
        """Asks for a new record in a form; when refused, the form reopens with what was typed."""
        values: Mapping[str, Any] | None = self._new_values() if self._new_values else {}
        if values is None:
            return
        fixed = dict(values)
        typed: Mapping[str, Any] = fixed
        refusal = ""
        prepare_to_write(self.context.db)
        while True:
            form = RecordForm(
                # Titled as the button that opened it ("Add person"), not "Add to people".
                self._add_text.rstrip("…"),
                [field for field in self.model.fields if field.is_editable],
                typed,
                self._completions,
                self,
                refusal=refusal,
            )
            if self._form_hook is not None:
                self._form_hook(form)
            if form.exec() != RecordForm.DialogCode.Accepted:
                return
            typed = {**fixed, **form.values()}
            command = AddRecordCommand(
                self.context,
                self.kind,
                self._empty_as_default(typed),
                self.name_of(typed),
                parents=self._parents_shown(typed),
            )
            # The reason goes into the reopened form: a box under it could not be clicked.
            with self.context.errors_caught() as refused:
                self.context.undo_stack.push(command)
            if command.done:
                self.select_id(command.record_id)
                return
            refusal = self.tr("Not added: {reason}").format(
                reason="; ".join(refused) or self.tr("the database refused it.")
            )

    def new_values_for_paste(self) -> dict[str, Any] | None:
        """The values every pasted new record starts with; None when it cannot have any yet
        (a month of usage before a subscription is chosen: the section says so)."""
        values = self._new_values() if self._new_values else {}
        return None if values is None else dict(values)

    def values_to_store(
        self, values: Mapping[str, Any], record: Record | None = None
    ) -> dict[str, Any]:
        """Values read from pasted cells, as the store takes them: what a cell's edit of
        ``record`` (None: a new one) brings along where the row leaves it empty (a known
        exam code its title and kind, an approved status its day), and an empty amount 0."""
        result = dict(values)
        if self._expand_edit is not None:
            seen = {**(record or {}), **values}
            for key, value in values.items():
                field = next((item for item in self.model.fields if item.key == key), None)
                if field is None:
                    continue
                for other, extra in self._expand_edit(seen, field, value).items():
                    if other != key and values.get(other) in (None, ""):
                        result[other] = extra
        return self._empty_as_default(result)

    def _noun(self) -> str:
        # The kind's own name (schema_fields.SPECS), as the store's refusals say it.
        return domain_text(SPECS[self.kind].label)

    def count_label(self, count: int) -> str:
        """Several records as the undo menu names them: "3 people"."""
        if count == 1:
            return self._noun()
        plural = self._plural or domain_text(SPECS[self.kind].several)
        return self.tr("{count} {plural}").format(count=count_text.count(count), plural=plural)

    def _parents_shown(self, values: Mapping[str, Any]) -> dict[str, Record]:
        """The records ``values`` name (an exam's person) as the tab shows them, if it does."""
        if self.shown_record is None:
            return {}
        found: dict[str, Record] = {}
        for name, parent_kind in SPECS[self.kind].references.items():
            shown = self.shown_record(parent_kind, values.get(name))
            if shown is not None:
                found[name] = shown
        return found

    def name_of(self, record: Record) -> str:
        """The record as the undo menu names it: "person Ana Ruiz"."""
        return f"{self._noun()} {self._describe(record)}".strip()

    def delete_selected(self) -> None:
        """Deletes the selected records (and what depends on them) in one step undo puts back.

        A delete that takes other records along asks first, counting them (the
        store counts what the delete would remove); the status bar then says
        what went, with Undo.
        """
        chosen = self.selected_records()
        if not chosen:
            return
        ids = [record["id"] for record in chosen]
        counts = self.context.run(
            lambda: records_sqlite.count_dependants(self.context.db, self.kind, ids),
            failure=self.tr("Nothing was deleted."),
        )
        if counts is None:
            return
        several = len(chosen) > 1
        what = (
            self.count_label(len(chosen))
            if several
            else self._describe(chosen[0]) or self.name_of(chosen[0])
        )
        their = several or self.kind is RecordKind.PERSON
        question = delete_question(what, counts, their=their)
        if taken_along(counts) and not ask_to_delete(self, question):
            return
        if several:
            command: DeleteRecordCommand | DeleteRecordsCommand = DeleteRecordsCommand(
                self.context, self.kind, chosen, what
            )
        else:
            command = DeleteRecordCommand(
                self.context, self.kind, chosen[0], self.name_of(chosen[0])
            )
        self.context.undo_stack.push(command)
        if command.done:
            # "Deleted reference Fabrikam": the kind named, as the undo menu names it.
            done = what if several else self.name_of(chosen[0])
            self.context.report(deleted_message(done, counts, their=their), undoable=True)

    # -- state -----------------------------------------------------------

    def save_state(self) -> str:
        """The column widths and sort order, as text for the settings file."""
        state: QByteArray = self.view.horizontalHeader().saveState()
        return bytes(state.toBase64().data()).decode("ascii")

    def restore_state(self, text: str) -> None:
        """Puts back what ``save_state`` gave; anything unreadable is ignored."""
        if not text or not text.isascii():
            return
        state = QByteArray.fromBase64(text.encode("ascii"))
        if self.view.horizontalHeader().restoreState(state):
            self._sized = True

    def _let_delete_button_narrow(self) -> None:
        """The style makes every button 80 pixels wide at least; "Delete" needs less, and
        the difference kept the Sales tab wider than 1024×700 at 150% scaling has room for."""
        text = self.delete_button.text()
        padding = self.delete_button.fontMetrics().horizontalAdvance("MM")
        self.delete_button.setMinimumWidth(
            self.delete_button.fontMetrics().horizontalAdvance(text) + padding
        )

    def _announce_selection(self) -> None:
        record = self.selected_record()
        count = len(self.view.selectionModel().selectedRows())
        self.delete_button.setEnabled(count > 0)
        if count > 0:
            # A chosen row is what Delete, paste and edits act on: a worker loads the write
            # path now (Delete counted what it takes along with SQLAlchemy, loaded 0.5-1 s on
            # the GUI thread at the first click). An idle window, nothing chosen, loads none.
            prepare_to_write(self.context.db)
        # "Delete" for one row (or none), "Delete 3" for several.
        self.delete_button.setText(self.tr("Delete %n", "", max(count, 1)))
        self._let_delete_button_narrow()
        self.selectionChanged.emit(record)

    def _open_read_only_cell(self, index: QModelIndex) -> None:
        source = self.proxy.mapToSource(index)
        if not self.model.field_at(source.column()).is_editable:
            self.show_problem(
                self.tr("{label} is worked out from the other records.").format(
                    label=self.model.field_at(source.column()).label
                )
            )
