"""Help ▸ Requirements: the loaded catalogue as a document, with a find box."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QPalette, QShortcut, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from mpn_desktop.domain.catalog import Catalog
from mpn_desktop.domain.designations import ScoredCatalog
from mpn_desktop.ui.designation_requirements_html import designation_requirements_html
from mpn_desktop.ui.requirements_html import DocumentColours, requirements_html
from mpn_desktop.ui.screen_fit import resize_to_fit


def palette_colours(palette: QPalette) -> DocumentColours:
    """The document's colours from a palette, so that a dark scheme gets a dark document."""
    role = QPalette.ColorRole
    text = palette.color(role.Text)
    dark = text.lightness() > palette.color(role.Base).lightness()
    return DocumentColours(
        text=text.name(),
        muted=palette.color(role.PlaceholderText).name(),
        header=palette.color(role.AlternateBase).name(),
        rule=palette.color(role.Mid).name(),
        accent="#8ab4f8" if dark else "#1f4e79",
    )


class RequirementsDialog(QDialog):
    """The loaded catalogue's requirements, with their sources and notes, to read or copy."""

    def __init__(
        self,
        catalog: Catalog,
        parent: QWidget | None = None,
        *,
        scored: ScoredCatalog | None = None,
    ) -> None:
        """``scored``: the Solutions Partner catalogue in force, shown instead of ``catalog``."""
        super().__init__(parent)
        self.setObjectName("requirementsDialog")
        self.setWindowTitle(self.tr("Requirements of the loaded catalogue"))
        resize_to_fit(self, (860, 680))
        layout = QVBoxLayout(self)
        find_row = QHBoxLayout()
        find_label = QLabel(self.tr("&Find:"), self)
        self.find_box = QLineEdit(self)
        self.find_box.setObjectName("requirementsFind")
        self.find_box.setPlaceholderText(self.tr("An exam code, a competency, a figure (Ctrl+F)"))
        self.find_box.setAccessibleName(self.tr("Find in the requirements"))
        self.find_box.setClearButtonEnabled(True)
        find_label.setBuddy(self.find_box)
        find_row.addWidget(find_label)
        find_row.addWidget(self.find_box, 1)
        self.find_status = QLabel(self)
        self.find_status.setObjectName("requirementsFindStatus")
        find_row.addWidget(self.find_status)
        layout.addLayout(find_row)
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("requirementsText")
        self.browser.setAccessibleName(self.tr("Requirements"))
        self.browser.setOpenExternalLinks(True)
        colours = palette_colours(self.palette())
        if scored is not None:
            self.setWindowTitle(self.tr("Requirements of the Solutions Partner designations"))
            self.browser.setHtml(designation_requirements_html(scored, colours))
        else:
            self.browser.setHtml(requirements_html(catalog, colours))
        layout.addWidget(self.browser, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.find_box.textEdited.connect(lambda _text: self.find_next(from_start=True))
        self.find_box.returnPressed.connect(self.find_next)
        for key, slot in (
            (QKeySequence.StandardKey.Find, self._focus_find),
            (QKeySequence.StandardKey.FindNext, self.find_next),
            (QKeySequence.StandardKey.FindPrevious, self.find_previous),
        ):
            QShortcut(QKeySequence(key), self).activated.connect(slot)
        self.browser.setFocus()

    def _focus_find(self) -> None:
        self.find_box.setFocus()
        self.find_box.selectAll()

    def find_next(self, *, from_start: bool = False) -> bool:
        """Selects the next place the find box's text occurs, wrapping at the end."""
        return self._find(QTextDocument.FindFlag(0), from_start=from_start)

    def find_previous(self) -> bool:
        """Selects the previous place the find box's text occurs, wrapping at the start."""
        return self._find(QTextDocument.FindFlag.FindBackward)

    def _find(self, flags: QTextDocument.FindFlag, *, from_start: bool = False) -> bool:
        text = self.find_box.text()
        if not text:
            self.find_status.clear()
            return False
        if from_start:
            self.browser.moveCursor(self.browser.textCursor().MoveOperation.Start)
        found = self.browser.find(text, flags)
        if not found:
            # Wrap around once, as a find box in any editor does.
            backward = bool(flags & QTextDocument.FindFlag.FindBackward)
            operation = self.browser.textCursor().MoveOperation
            self.browser.moveCursor(operation.End if backward else operation.Start)
            found = self.browser.find(text, flags)
        self.find_status.setText("" if found else self.tr("Not found"))
        return found
