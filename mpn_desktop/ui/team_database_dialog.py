"""File ▸ Open team database…: the host, database and user of a shared PostgreSQL database."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from mpn_desktop.store.engine import team_url, team_url_parts


class TeamDatabaseDialog(QDialog):
    """Asks where the team database is; never for a password (libpq's ~/.pgpass holds it)."""

    def __init__(self, last_url: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("teamDatabaseDialog")
        self.setWindowTitle(self.tr("Open team database"))
        self.setMinimumWidth(440)  # room for the note on one or two lines
        form = QFormLayout(self)
        intro = QLabel(
            self.tr(
                "A PostgreSQL database the team shares. The password is not asked here: "
                "it is read from your ~/.pgpass file (or a service file), as psql does."
            )
        )
        intro.setWordWrap(True)
        form.addRow(intro)
        self.host = QLineEdit(self)
        self.host.setObjectName("hostEdit")
        self.host.setPlaceholderText(self.tr("db.example.com (empty: this computer)"))
        self.port = QSpinBox(self)
        self.port.setObjectName("portEdit")
        self.port.setRange(1, 65535)
        self.port.setValue(5432)
        self.database = QLineEdit(self)
        self.database.setObjectName("databaseEdit")
        self.user = QLineEdit(self)
        self.user.setObjectName("userEdit")
        form.addRow(self.tr("&Host:"), self.host)
        form.addRow(self.tr("&Port:"), self.port)
        form.addRow(self.tr("&Database:"), self.database)
        form.addRow(self.tr("&User:"), self.user)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self._open = buttons.button(QDialogButtonBox.StandardButton.Open)
        form.addRow(buttons)
        self.database.textChanged.connect(self._enable)
        if last_url:
            host, database, user, port = team_url_parts(last_url)
            self.host.setText(host)
            self.database.setText(database)
            self.user.setText(user)
            if port:
                self.port.setValue(port)
        self._enable()

    def _enable(self) -> None:
        self._open.setEnabled(bool(self.database.text().strip()))

    def url(self) -> str:
        """The database's URL, without a password."""
        port = self.port.value()
        return team_url(
            self.host.text(), self.database.text(), self.user.text(), None if port == 5432 else port
        )
