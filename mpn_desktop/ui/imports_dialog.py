"""File ▸ Past imports: the imports (exam records, sales data) still in the database, each
removable as a whole."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mpn_desktop.domain import wording
from mpn_desktop.store import records
from mpn_desktop.store.changes import Change, RecordKind
from mpn_desktop.ui import locale_text
from mpn_desktop.ui.context import AppContext
from mpn_desktop.ui.screen_fit import resize_to_fit
from mpn_desktop.ui.undo_commands import RemoveImportCommand

Index = QModelIndex | QPersistentModelIndex


def _local_time(moment: object) -> str:
    # Batches are stamped in UTC; people think in their own time.
    if not isinstance(moment, datetime):
        return ""
    local = moment.replace(tzinfo=UTC).astimezone()
    return f"{locale_text.day(local.date())} {local:%H:%M}"


_FILE_COLUMN = 1
_FILE_WIDTH = 320
"""The widest the file column opens (px): a longer name is cut in its middle."""
_FILE_LEAST = 96
"""The narrowest it becomes to fit a small screen (px)."""
_MONTHS_COLUMN = 6
"""The column saying what was chosen for the months a usage file brought only some services of."""


class ImportsModel(QAbstractTableModel):
    """The import batches, newest first: when, which file, and what each added."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[dict[str, Any]] = []
        self._headers = (
            self.tr("Imported"),
            self.tr("File"),
            self.tr("Added"),
            self.tr("Duplicates skipped"),
            self.tr("Created"),
            self.tr("Kind"),
            self.tr("Months held"),
        )
        self._months_tip = self.tr(
            "A usage file bringing only some services of months the database held: whether "
            "its lines were added to those months or the months were replaced by them. Not "
            "recorded: the file brought whole months, or it was imported before the choice was "
            "recorded."
        )

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        """Shows ``rows`` (as ``records.import_batches`` gives them)."""
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def batch(self, row: int) -> dict[str, Any]:
        """The batch shown in ``row``."""
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.ToolTipRole and section == _MONTHS_COLUMN:
            return self._months_tip
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return self._headers[section] if 0 <= section < len(self._headers) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        batch = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            values = (
                _local_time(batch["imported_at"]),
                batch["file_name"],
                wording.number(batch["added_count"], figures=locale_text.figures()),
                wording.number(batch["duplicate_count"], figures=locale_text.figures()),
                self._created(batch),
                self._kind(batch),
                self._months(batch),
            )
            return values[column] if 0 <= column < len(values) else None
        if role == Qt.ItemDataRole.ToolTipRole and column == _MONTHS_COLUMN:
            return self._months_tip if batch.get("kind") == "usage" else None
        if role == Qt.ItemDataRole.TextAlignmentRole and 2 <= column <= 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _created(self, batch: dict[str, Any]) -> str:
        if batch.get("kind") == "usage":
            # %Ln: the count with the locale's separators, as the table's other figures.
            return self.tr("{customers}, {subscriptions}").format(
                customers=self.tr("%Ln customer(s)", "", batch["customers_added_count"]),
                subscriptions=self.tr(
                    "%Ln subscription(s)", "", batch["subscriptions_added_count"]
                ),
            )
        return self.tr("%Ln person(s)", "", batch["people_added_count"])

    def _months(self, batch: dict[str, Any]) -> str:
        # An exam import has no months to ask about.
        if batch.get("kind") != "usage":
            return ""
        choice = batch.get("months_choice")
        if choice == "add":
            return self.tr("Lines added")
        if choice == "replace":
            return self.tr("Replaced whole")
        return self.tr("Not recorded")

    def _kind(self, batch: dict[str, Any]) -> str:
        if batch.get("kind") == "usage":
            replaced = int(batch.get("replaced_count") or 0)
            text = self.tr("Usage ({source})").format(source=batch.get("source", ""))
            if replaced:
                text += self.tr(", %Ln row(s) replaced", "", replaced)
            return text
        return self.tr("Exam records")


class ImportsDialog(QDialog):
    """Lists the past imports; "Remove import" takes one out whole (Edit ▸ Undo puts it back)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.setObjectName("importsDialog")
        self.setWindowTitle(self.tr("Past imports"))
        resize_to_fit(self, (760, 360))
        self._layout = layout = QVBoxLayout(self)
        self.intro = intro = QLabel(
            self.tr(
                "Each import of exam records or sales data, newest first. Removing one takes "
                "out what it added and the people, customers and subscriptions only it "
                "created, and puts back the usage it had replaced; Edit ▸ Undo undoes that."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.model = ImportsModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("importsTable")
        self.view.setAccessibleName(self.tr("Past imports"))
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        # Every column as wide as its text, a long file name cut in its middle (its end
        # tells files apart); the last column takes what room is left.
        self.view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.view.setWordWrap(False)
        self.view.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.view, 1)
        self.empty_label = QLabel(
            self.tr(
                "No imports in this database yet: File ▸ Import exam records… (Ctrl+I) "
                "brings in a Partner Center training report, File ▸ Import sales data… a "
                "reconciliation file or a usage sheet."
            ),
            self,
        )
        self.empty_label.setObjectName("importsEmpty")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # It takes the table's place: without the stretch the intro floated mid-dialog.
        layout.addWidget(self.empty_label, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.remove_button = QPushButton(self.tr("&Remove import"), self)
        self.remove_button.setObjectName("removeImportButton")
        buttons.addButton(self.remove_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.remove_button.clicked.connect(self.remove_selected)
        layout.addWidget(buttons)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        context.changeApplied.connect(self._changed)
        self.reload()
        # Opened wide enough for its columns (the screen allowing): at 760 px the months
        # held and the kind were out of view, the created records cut.
        wanted = self._columns_width()
        resize_to_fit(self, (max(760, wanted), 360))
        if self.width() < wanted:
            # A small screen: the file's name gives up the width (cut in its middle).
            file_width = self.view.columnWidth(_FILE_COLUMN) - (wanted - self.width())
            self.view.setColumnWidth(_FILE_COLUMN, max(_FILE_LEAST, file_width))

    def _columns_width(self) -> int:
        """The dialog's width showing every column whole (the file's at most _FILE_WIDTH)."""
        margins = self._layout.contentsMargins()
        frame = 2 * self.view.frameWidth() + self.view.verticalScrollBar().sizeHint().width()
        return self.view.horizontalHeader().length() + frame + margins.left() + margins.right()

    def reload(self) -> None:
        """Reads the batches again."""
        self.model.set_rows(records.import_batches(self._context.db))
        empty = self.model.rowCount() == 0
        self.view.setVisible(not empty)
        self.empty_label.setVisible(empty)
        if not empty:
            self.view.resizeColumnsToContents()
            if self.view.columnWidth(_FILE_COLUMN) > _FILE_WIDTH:
                self.view.setColumnWidth(_FILE_COLUMN, _FILE_WIDTH)
            self.view.selectRow(0)
        self._update_buttons()

    def _changed(self, change: Change) -> None:
        if change.touches(RecordKind.IMPORT_BATCH):
            self.reload()

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(bool(self.view.selectionModel().selectedRows()))

    def remove_selected(self) -> bool:
        """Removes the chosen import as one undoable command; True when it went."""
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return False
        batch = self.model.batch(rows[0].row())
        command = RemoveImportCommand(
            self._context,
            int(batch["id"]),
            count=int(batch["added_count"]),
            file_name=str(batch["file_name"]),
            usage=batch.get("kind") == "usage",
        )
        self._context.undo_stack.push(command)
        return command.done
