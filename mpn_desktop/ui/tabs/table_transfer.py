"""Copy, paste and CSV export of one record table, as a spreadsheet user expects them.

Ctrl+C copies the selected rows as tab-separated text with a header row
(values, not what the cells show: 2000.5, 2017-11-02), which Excel and
LibreOffice paste as cells; Ctrl+V pastes such text (from them or from another
table) as new or changed records through the forms' checks, in one undo step,
and says which rows it refused. "Export table as CSV…" writes the rows shown.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TR_NOOP, QObject, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu

from mpn_desktop.lazy_modules import LazyModule
from mpn_desktop.ui import count_text
from mpn_desktop.ui.models.fields import Field, FieldKind, format_value
from mpn_desktop.ui.models.record_table import RECORD_ROLE, Record

if TYPE_CHECKING:
    from mpn_desktop.importers import table_text
    from mpn_desktop.store import row_batches, user_files
    from mpn_desktop.ui import paste_command
    from mpn_desktop.ui.models import paste_plan
    from mpn_desktop.ui.paste_command import PasteRowsCommand
    from mpn_desktop.ui.tabs.record_section import RecordSection
else:
    row_batches = LazyModule("mpn_desktop.store.row_batches")  # imports SQLAlchemy
    # At the first copy, paste or export: not before the window's first paint.
    table_text = LazyModule("mpn_desktop.importers.table_text")
    user_files = LazyModule("mpn_desktop.store.user_files")
    paste_plan = LazyModule("mpn_desktop.ui.models.paste_plan")
    paste_command = LazyModule("mpn_desktop.ui.paste_command")

_CSV_FILTER = str(QT_TR_NOOP("CSV files (*.csv);;All files (*)"))


class TableTransfer(QObject):
    """The clipboard and CSV actions of one ``RecordSection``'s table."""

    def __init__(self, section: RecordSection) -> None:
        super().__init__(section)
        self._section = section
        view = section.view
        self.copy_action = self._action(self.tr("&Copy"), QKeySequence.StandardKey.Copy, self.copy)
        self.paste_action = self._action(
            self.tr("&Paste"), QKeySequence.StandardKey.Paste, self.paste
        )
        self.export_action = self._action(self.tr("Export table as &CSV…"), None, self.export_csv)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self._show_menu)

    def _action(self, text: str, key: QKeySequence.StandardKey | None, slot: Any) -> QAction:
        action = QAction(text, self._section.view)
        if key is not None:
            # Shown in the table's menu; the key itself is Edit ▸ Copy's (or Paste's), which
            # acts on the focused table: bound twice, Qt would refuse both as ambiguous.
            action.setShortcuts(key)
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(slot)
        return action

    def _show_menu(self, position: Any) -> None:
        menu = QMenu(self._section.view)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        for action in (self.copy_action, self.paste_action, self.export_action):
            menu.addAction(action)
        self.copy_action.setEnabled(bool(self._section.selected_records()))
        menu.popup(self._section.view.viewport().mapToGlobal(position))

    # -- what the table shows, as values --------------------------------------------------

    def columns(self) -> list[Field]:
        """The columns in the order shown, hidden ones left out."""
        header = self._section.view.horizontalHeader()
        model = self._section.model
        shown = [
            header.logicalIndex(visual)
            for visual in range(header.count())
            if not header.isSectionHidden(header.logicalIndex(visual))
        ]
        return [model.field_at(logical) for logical in shown]

    @staticmethod
    def value_of(item: Field, record: Record) -> object:
        """A cell's value for a spreadsheet: a choice by its name, a worked-out column as shown,
        everything else as stored."""
        value = item.value_of(record)
        if value is not None and (item.kind is FieldKind.CHOICE or item.compute is not None):
            return format_value(item, value)
        return value

    def rows_text(self, records: Sequence[Record]) -> tuple[list[str], list[list[object]]]:
        """The header (column names) and the value rows of ``records``."""
        columns = self.columns()
        return (
            [item.label for item in columns],
            [[self.value_of(item, record) for item in columns] for record in records],
        )

    def shown_records(self) -> list[Record]:
        """Every record the table shows, in the order shown."""
        proxy = self._section.proxy
        return [proxy.index(row, 0).data(RECORD_ROLE) for row in range(proxy.rowCount())]

    # -- the actions ------------------------------------------------------------------------

    def copy(self) -> str:
        """Copies the selected rows (all shown when none is selected); returns the text."""
        chosen = self._section.selected_records() or self.shown_records()
        header, rows = self.rows_text(chosen)
        text = table_text.tab_separated(header, rows)
        QGuiApplication.clipboard().setText(text)
        return text

    def paste(self) -> PasteRowsCommand | None:
        """Pastes the clipboard's text into the table (one undo step); None when nothing was."""
        return self.paste_text(QGuiApplication.clipboard().text())

    def paste_text(self, text: str) -> PasteRowsCommand | None:
        """Pastes ``text`` (tab-separated rows, maybe with a header row) into the table."""
        section = self._section
        rows = table_text.rows_of_pasted_text(text)
        if not rows:
            section.show_problem(
                self.tr("There is nothing to paste (the clipboard holds no text).")
            )
            return None
        fixed = section.new_values_for_paste()
        if fixed is None:
            return None
        current = section.view.currentIndex()
        columns = self.columns()
        start_column = 0
        if current.isValid():
            field = section.model.field_at(current.column())
            start_column = next(
                (position for position, item in enumerate(columns) if item is field), 0
            )
        target = paste_plan.PasteTarget(
            fields=columns,
            shown=self.shown_records(),
            records=section.model.records(),
            fixed=fixed,
            key=row_batches.natural_key(section.kind),
            prepare=section.values_to_store,
            aliases={
                name: (section.model.field_at(section.model.column_of(key)), reader)
                for name, (key, reader) in section.paste_aliases.items()
            },
        )
        plan = paste_plan.plan_paste(
            rows,
            target,
            start_row=current.row() if current.isValid() else len(target.shown),
            start_column=start_column,
        )
        refused = list(plan.refused)
        command: PasteRowsCommand | None = None
        if plan.edits:
            count = len(plan.edits)
            command = paste_command.PasteRowsCommand(
                section.context,
                section.kind,
                plan.edits,
                section.count_label(count),
            )
            section.context.undo_stack.push(command)
            if command.written is not None:
                refused.extend(command.written.refused)
        refused.sort()
        self._tell(command, refused, plan.ignored_columns)
        return command if command is not None and command.done else None

    def _tell(
        self,
        command: PasteRowsCommand | None,
        refused: list[tuple[int, str]],
        ignored: list[str],
    ) -> None:
        section = self._section
        written = command.written if command is not None and command.done else None
        added = len(written.added) if written else 0
        changed = len(written.previous) if written else 0
        lines = []
        if refused:
            lines.append(
                self.tr(
                    "Pasted {added} new and {changed} changed; refused {count}:\n{rows}"
                ).format(
                    added=count_text.count(added),
                    changed=count_text.count(changed),
                    count=count_text.count(len(refused)),
                    rows=paste_plan.refusal_text(refused),
                )
            )
        if ignored:
            lines.append(
                self.tr("Not pasted (no column takes them): {columns}.").format(
                    columns=", ".join(ignored)
                )
            )
        section.show_problem("\n".join(lines))
        if written:
            section.context.report(
                self.tr("Pasted {added} and {changed} into {table}.").format(
                    added=self.tr("%n new row(s)", "", added),
                    changed=self.tr("%n changed row(s)", "", changed),
                    table=section.title,
                ),
                undoable=True,
            )

    def export_csv(self) -> bool:
        """Asks where to write the rows shown as CSV, and writes them."""
        name, _ = QFileDialog.getSaveFileName(
            self._section.view,
            self.tr("Export table as CSV"),
            f"{self._section.objectName().removesuffix('Section')}.csv",
            self.tr(_CSV_FILTER),
        )
        return bool(name) and self.export_csv_to(Path(name))

    def export_csv_to(self, path: Path) -> bool:
        """Writes the rows the table shows to ``path`` (UTF-8 with BOM, formulas neutralised)."""
        header, rows = self.rows_text(self.shown_records())
        context = self._section.context
        done = context.run(
            lambda: user_files.write_user_file(
                path, table_text.csv_bytes(header, rows), database=context.db.path
            ),
            failure=self.tr("The table was not exported."),
        )
        if done is not None:
            context.report(
                self.tr("Exported %n row(s) of {table} to {file}.", "", len(rows)).format(
                    table=self._section.title, file=path
                )
            )
        return done is not None
