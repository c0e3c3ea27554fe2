"""View ▸ History…: who changed the database, when, and which kinds of record."""

from __future__ import annotations

from collections.abc import Iterable

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

from mpn_desktop.domain.vocabulary import _ as domain_text
from mpn_desktop.errors import MpnError
from mpn_desktop.store.change_log import recent_changes
from mpn_desktop.store.changes import RecordKind
from mpn_desktop.store.schema_fields import SPECS
from mpn_desktop.ui import count_text
from mpn_desktop.ui.context import AppContext

SHOWN = 200
"""How many of the latest changes the list shows."""


def changed_kinds_text(kinds: Iterable[RecordKind]) -> str:
    """The kinds of record a change touched, as the store's refusals name them ("customers,
    subscriptions"), in the domain's language; the one organisation by its singular."""
    names = (
        SPECS[kind].label if kind is RecordKind.ORGANIZATION else SPECS[kind].several
        for kind in kinds
    )
    return ", ".join(sorted(domain_text(name) for name in names))


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
            self.tr("The latest changes, newest first (at most {count}).").format(
                count=count_text.count(SHOWN)
            )
            if changes
            else self.tr("No change has been saved to this database yet.")
        )
        self.table.setRowCount(len(changes))
        for row, change in enumerate(changes):
            what = changed_kinds_text(change.kinds)
            for column, text in enumerate(
                (change.at.astimezone().strftime("%Y-%m-%d %H:%M:%S"), change.user, what)
            ):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
