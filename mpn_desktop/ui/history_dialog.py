"""View > History…: who changed the database, when, and which kinds of record."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mpn_desktop.errors import MpnError
from mpn_desktop.store.change_log import recent_changes
from mpn_desktop.store.changes import RecordKind
from mpn_desktop.ui.context import AppContext

SHOWN = 200
"""How many of the latest changes the list shows."""

# Marked here, translated when shown (the translator is installed after import).
_KIND_WORDS: dict[RecordKind, str] = {
    RecordKind.ORGANIZATION: str(QT_TRANSLATE_NOOP("HistoryDialog", "organisation")),
    RecordKind.TARGET: str(QT_TRANSLATE_NOOP("HistoryDialog", "targets")),
    RecordKind.CUSTOMER: str(QT_TRANSLATE_NOOP("HistoryDialog", "customers")),
    RecordKind.SUBSCRIPTION: str(QT_TRANSLATE_NOOP("HistoryDialog", "subscriptions")),
    RecordKind.USAGE: str(QT_TRANSLATE_NOOP("HistoryDialog", "usage")),
    RecordKind.PERSON: str(QT_TRANSLATE_NOOP("HistoryDialog", "people")),
    RecordKind.EXAM: str(QT_TRANSLATE_NOOP("HistoryDialog", "exams")),
    RecordKind.REFERENCE: str(QT_TRANSLATE_NOOP("HistoryDialog", "references")),
    RecordKind.FEE_PAYMENT: str(QT_TRANSLATE_NOOP("HistoryDialog", "fee payments")),
    RecordKind.IMPORT_BATCH: str(QT_TRANSLATE_NOOP("HistoryDialog", "imports")),
}


class HistoryDialog(QDialog):
    """The latest committed changes, newest first: when, who (the database user), what."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyDialog")
        self.setWindowTitle(self.tr("History"))
        self.resize(560, 420)
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("historyTable")
        self.table.setHorizontalHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("Changed")])
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        try:
            changes = recent_changes(context.db, SHOWN)
        except MpnError as error:
            self.note.setText(str(error))
            return
        self.note.setText(
            self.tr("The latest changes, newest first (at most {count}).").format(count=SHOWN)
            if changes
            else self.tr("No change has been saved to this database yet.")
        )
        self.table.setRowCount(len(changes))
        for row, change in enumerate(changes):
            what = ", ".join(
                sorted(
                    QCoreApplication.translate("HistoryDialog", _KIND_WORDS[kind])
                    for kind in change.kinds
                )
            )
            for column, text in enumerate(
                (change.at.astimezone().strftime("%Y-%m-%d %H:%M:%S"), change.user, what)
            ):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
