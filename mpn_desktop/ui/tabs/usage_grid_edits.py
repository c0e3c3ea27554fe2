"""Typing, pasting, copying and clearing the cells of the Sales tab's usage grid: each change
one undo step of the months it writes, what was wrong said under the grid."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QObject, QPoint, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QLabel, QMenu, QTableView

from mpn_desktop.domain.dates import Month
from mpn_desktop.lazy_modules import LazyModule
from mpn_desktop.ui import count_text, locale_text
from mpn_desktop.ui.context import AppContext
from mpn_desktop.ui.models.usage_grid import UsageGridModel
from mpn_desktop.ui.write_ahead import prepare_to_write

if TYPE_CHECKING:
    from mpn_desktop.importers import table_text
    from mpn_desktop.store import usage_cells
    from mpn_desktop.store.usage_cells import UsageCell
    from mpn_desktop.ui import paste_command
    from mpn_desktop.ui.paste_command import UsageCellsCommand
else:
    usage_cells = LazyModule("mpn_desktop.store.usage_cells")  # imports SQLAlchemy
    # At the first copy, paste or edit of a cell: not before the window's first paint.
    table_text = LazyModule("mpn_desktop.importers.table_text")
    paste_command = LazyModule("mpn_desktop.ui.paste_command")


class UsageGridEdits(QObject):
    """The grid's edits: a typed cell, a pasted block, Delete on a selection, each one undo
    step; Copy with the months and subscriptions as a spreadsheet pastes them back."""

    def __init__(
        self,
        context: AppContext,
        model: UsageGridModel,
        view: QTableView,
        problem_label: QLabel,
    ) -> None:
        super().__init__(view)
        self.context = context
        self.model = model
        self.view = view
        self.problem_label = problem_label

    def show_menu(self, position: QPoint) -> None:
        """Copy and Paste for the cells under the mouse."""
        # The keys are Edit ▸ Copy's and Paste's (the Sales tab sends them here).
        menu = QMenu(self.view)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        for text, key, slot in (
            (self.tr("&Copy"), QKeySequence.StandardKey.Copy, self.copy),
            (self.tr("&Paste"), QKeySequence.StandardKey.Paste, self.paste),
        ):
            action = menu.addAction(text)
            action.setShortcuts(key)
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(slot)
        menu.popup(self.view.viewport().mapToGlobal(position))

    def show_problem(self, message: str) -> None:
        """What was wrong with the last value typed or pasted (hidden when empty)."""
        self.problem_label.setText(message)
        self.problem_label.setVisible(bool(message))

    def write(self, field: str, cells: list[UsageCell]) -> None:
        """A cell typed into (the model's setData), as one undo step."""
        label = (
            self.tr("%n month(s) of usage", "", len(cells))
            if len(cells) > 1
            else (
                self.tr("usage of {month}").format(
                    month=locale_text.month(Month.of(cells[0].month))
                )
            )
        )
        # A cell typed into (the model's setData): "Edit usage of 2017-12" in the menu.
        self.context.undo_stack.push(
            paste_command.UsageCellsCommand(self.context, field, cells, label, typed=True)
        )

    def clear_selected(self) -> UsageCellsCommand | None:
        """Edit ▸ Delete on the grid: the selected months set to 0, one undo step (the
        subscriptions stay; a month split by service is changed where it comes from)."""
        model = self.model
        rows = model.grid_rows
        cells = [
            usage_cells.UsageCell(
                rows[index.row()].subscription_id, model.months[index.column()].first_day, 0
            )
            for index in self.view.selectionModel().selectedIndexes()
            if model.flags(index) & Qt.ItemFlag.ItemIsEditable
            and model.value_at(index.row(), index.column()) not in (None, 0)
        ]
        if not cells:
            return None
        command = paste_command.UsageCellsCommand(
            self.context,
            model.field.key,
            cells,
            self.tr("%n month(s) of usage", "", len(cells)),
            typed=True,
        )
        self.context.undo_stack.push(command)
        return command if command.done else None

    def copy(self) -> str:
        """Copies the selected cells with their months and subscriptions (values, not text)."""
        indexes = self.view.selectionModel().selectedIndexes() or [self.view.currentIndex()]
        indexes = [index for index in indexes if index.isValid()]
        if not indexes:
            return ""
        rows = sorted({index.row() for index in indexes})
        columns = sorted({index.column() for index in indexes})
        header = [self.tr("Subscription")] + [self.model.column_key(column) for column in columns]
        body = [
            [self.model.headerData(row, Qt.Orientation.Vertical)]
            + [self.model.value_at(row, column) for column in columns]
            for row in rows
        ]
        text = table_text.tab_separated(header, body)
        QGuiApplication.clipboard().setText(text)
        return text

    def cell_chosen(self, current: QModelIndex) -> None:
        """A cell chosen by the user is where a paste lands: the write path loads meanwhile."""
        if current.isValid() and self.view.hasFocus():
            prepare_to_write(self.context.db)

    def paste(self) -> UsageCellsCommand | None:
        """Pastes the clipboard's cells into the grid from the current cell."""
        return self.paste_text(QGuiApplication.clipboard().text())

    def paste_text(self, text: str) -> UsageCellsCommand | None:
        """Pastes tab-separated ``text`` into the grid, as one undo step."""
        current = self.view.currentIndex()
        cells, problems = self.model.cells_of(
            table_text.rows_of_pasted_text(text),
            current.row() if current.isValid() else 0,
            min(current.column(), len(self.model.months) - 1) if current.isValid() else 0,
        )
        command = None
        if cells:
            command = paste_command.UsageCellsCommand(
                self.context,
                self.model.field.key,
                cells,
                self.tr("%n month(s) of usage", "", len(cells)),
            )
            self.context.undo_stack.push(command)
        shown = problems[:5]
        if len(problems) > 5:
            shown.append(
                self.tr("… and {count} more").format(count=count_text.count(len(problems) - 5))
            )
        self.show_problem(
            self.tr(
                "Pasted %n cell(s); refused {refused}:\n{rows}",
                "",
                len(cells) if command is not None and command.done else 0,
            ).format(
                refused=count_text.count(len(problems)),
                rows="\n".join(shown),
            )
            if problems
            else ""
        )
        return command if command is not None and command.done else None
