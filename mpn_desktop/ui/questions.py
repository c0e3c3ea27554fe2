"""A yes-or-cancel question whose yes button names the action ("Delete", "Import…")."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


def ask(
    parent: QWidget | None,
    title: str,
    question: str,
    action: str,
    *,
    details: str = "",
    destructive: bool = False,
) -> bool:
    """Asks ``question``; True when the user chose ``action`` (Cancel or Escape: False).

    Tests replace this function to answer without a modal loop.
    """
    box = QMessageBox(parent)
    box.setObjectName("question")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setText(question)
    if details:
        box.setInformativeText(details)
    roles = QMessageBox.ButtonRole
    role = roles.DestructiveRole if destructive else roles.AcceptRole
    chosen = box.addButton(action, role)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(chosen)
    box.exec()
    return box.clickedButton() is chosen
