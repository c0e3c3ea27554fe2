"""The dialog shown after an unexpected error: what happened, where the log is, and the details."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from mpn_desktop.ui.screen_fit import resize_to_fit


class CrashDialog(QDialog):
    """Tells the user an action failed unexpectedly, that their data is safe, and where the log is.

    "Continue" closes the dialog (the program keeps running: the failed action's
    database transaction was rolled back); "Quit" emits ``quitRequested``.
    """

    quitRequested = Signal()

    def __init__(
        self,
        summary: str,
        details: str,
        log_path: Path | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("crashDialog")
        self.setWindowTitle(self.tr("mpn-desktop: unexpected error"))
        self._details = details
        self._log_path = log_path

        icon = QLabel()
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical).pixmap(48, 48)
        )
        headline = QLabel(self.tr("<b>Something unexpected went wrong.</b>"))
        explanation = QLabel(
            self.tr(
                "The action you were doing did not finish. Your data is safe: every change is "
                "saved in one step, so a change that was being saved was either saved whole "
                "or not at all. You can go on working, or quit and start mpn-desktop again."
            )
        )
        explanation.setWordWrap(True)

        self.summary_label = QLabel(summary)
        self.summary_label.setObjectName("crashSummary")
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.log_label = QLabel(self._log_text())
        self.log_label.setObjectName("crashLogPath")
        self.log_label.setWordWrap(True)
        self.log_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.details_view = QPlainTextEdit(details)
        self.details_view.setObjectName("crashDetails")
        self.details_view.setReadOnly(True)
        self.details_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.details_view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.details_view.setAccessibleName(self.tr("Error details"))

        self.copied_label = QLabel()
        self.copied_label.setObjectName("crashCopied")

        buttons = QDialogButtonBox()
        self.copy_button = QPushButton(self.tr("&Copy details"))
        self.copy_button.setObjectName("copyDetailsButton")
        self.copy_button.setAutoDefault(False)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.open_log_button = QPushButton(self.tr("Open &log folder"))
        self.open_log_button.setObjectName("openLogFolderButton")
        self.open_log_button.setAutoDefault(False)
        self.open_log_button.setEnabled(log_path is not None)
        buttons.addButton(self.open_log_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.quit_button = QPushButton(self.tr("&Quit"))
        self.quit_button.setObjectName("quitButton")
        self.quit_button.setAutoDefault(False)
        buttons.addButton(self.quit_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.continue_button = QPushButton(self.tr("C&ontinue"))
        self.continue_button.setObjectName("continueButton")
        self.continue_button.setDefault(True)
        buttons.addButton(self.continue_button, QDialogButtonBox.ButtonRole.AcceptRole)

        self.copy_button.clicked.connect(self.copy_details)
        self.open_log_button.clicked.connect(self.open_log_folder)
        self.quit_button.clicked.connect(self._quit)
        self.continue_button.clicked.connect(self.accept)

        top = QHBoxLayout()
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        text = QVBoxLayout()
        text.addWidget(headline)
        text.addWidget(explanation)
        text.addWidget(self.summary_label)
        text.addWidget(self.log_label)
        top.addLayout(text, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.details_view, 1)
        layout.addWidget(self.copied_label)
        layout.addWidget(buttons)
        resize_to_fit(self, (640, 420))

    def details(self) -> str:
        """The text "Copy details" puts on the clipboard."""
        return self._details

    def copy_details(self) -> None:
        """Puts the details (versions, log path, traceback) on the clipboard."""
        QGuiApplication.clipboard().setText(self._details)
        self.copied_label.setText(self.tr("The details are on the clipboard."))

    def open_log_folder(self) -> None:
        """Opens the folder holding the log file in the system's file manager."""
        if self._log_path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._log_path.parent)))

    def _log_text(self) -> str:
        if self._log_path is None:
            return self.tr("The log file could not be written, so the details are only here.")
        return self.tr("The details were written to the log file:\n{path}").format(
            path=self._log_path
        )

    def _quit(self) -> None:
        self.reject()
        self.quitRequested.emit()
