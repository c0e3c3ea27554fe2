"""A combo box that may be narrower than its choices: the current one then ends in "…".

Qt draws a choice wider than the box cut off at the box's edge ("Solutions Partner für I");
this box writes as much of it as fits with "…", and its tooltip holds it whole.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QComboBox, QStyle, QStyleOptionComboBox, QStylePainter, QWidget


class ElidingComboBox(QComboBox):
    """A combo box at least ``letters`` wide; narrower than its current choice, it elides it."""

    def __init__(self, parent: QWidget | None = None, letters: int = 8) -> None:
        super().__init__(parent)
        # As wide as the choices where there is room, down to a few letters where not.
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M" * letters))
        self.currentTextChanged.connect(self.setToolTip)

    def shown_text(self) -> str:
        """The current choice as it is drawn: whole, or as much as fits and "…"."""
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        field = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, self
        )
        return self.fontMetrics().elidedText(
            option.currentText, Qt.TextElideMode.ElideRight, field.width()
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draws the box as Qt does, with the current choice elided to the field."""
        if self.isEditable():
            super().paintEvent(event)
            return
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        option.currentText = self.shown_text()
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)
