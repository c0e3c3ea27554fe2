"""A step tab's summary: rich text in a scroll area as high as its lines, cut under whole lines.

The area sizes the summary itself (one layout of the text per new text or
width); shorter than its text, it ends under the last whole line.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QSize
from PySide6.QtGui import QResizeEvent, QTextDocument
from PySide6.QtWidgets import QLabel, QScrollArea, QWidget


class SummaryLabel(QLabel):
    """The summary: rich text that ``SummaryArea`` sizes itself.

    Qt's size hints of a word-wrapped rich-text label lay the whole table out
    five times over, and a scroll area asks for them after each new text (a
    third of the redraw after an edit on the large organisation), though one
    that does not resize its widget makes no use of them.
    """

    def sizeHint(self) -> QSize:
        return self.size()

    def minimumSizeHint(self) -> QSize:
        return QSize(0, 0)


class SummaryArea(QScrollArea):
    """The summary's scroll area: as high as the wrapped summary is at the width it has.

    It sizes the summary itself, as wide as the area and as high as the text is
    at that width: a new text is laid out once for its height (see
    ``SummaryLabel``), and the tab is laid out again only when that height changed.
    Shorter than the summary, it shows whole lines: the room under the last line that
    fits stays empty (a line cut through its middle read as a part of a sentence).
    """

    def __init__(self, summary: SummaryLabel, parent: QWidget) -> None:
        super().__init__(parent)
        self._summary = summary
        self._fitted: tuple[str, int] | None = None
        """The text and width the summary's height was found for."""
        self._cut: tuple[str, int, int] | None = None
        """The text, width and height the whole lines shown were found for."""
        self.setWidgetResizable(False)
        self.setWidget(summary)

    def set_text(self, text: str) -> None:
        """Shows ``text`` (rich text) in the summary, at the height it needs."""
        if text != self._summary.text():
            self._summary.setText(text)
            self._fit()

    def _fit(self) -> None:
        """The summary as wide as the visible part, as high as its text is at that width."""
        width = self.viewport().width()
        if self._fitted == (self._summary.text(), width):
            return
        self._fitted = (self._summary.text(), width)
        height = max(self._summary.heightForWidth(width), 0)  # -1: no text yet
        if height != self._summary.height():
            self._summary.resize(width, height)
            self.updateGeometry()
        elif width != self._summary.width():
            self._summary.resize(width, height)
        self._show_whole_lines()

    def _show_whole_lines(self) -> None:
        """Ends the visible part under the last line that fits whole (when the summary is
        higher than the area), by a bottom margin as high as the rest."""
        height = self.height() - 2 * self.frameWidth()
        key = (self._summary.text(), self._summary.width(), height)
        if key == self._cut:
            return
        self._cut = key
        shown = (
            height
            if self._summary.height() <= height
            else whole_lines_height(self._summary, height)
        )
        if self.viewportMargins().bottom() != height - shown:
            self.setViewportMargins(0, 0, 0, height - shown)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._show_whole_lines()

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width(), self._summary.height())

    def minimumSizeHint(self) -> QSize:
        """No height of its own: a layout takes the larger of the two hints, and a scroll
        area's (its scroll bar's, 68 points) left a gap under a short summary."""
        return QSize(super().minimumSizeHint().width(), 0)

    def viewportEvent(self, event: QEvent) -> bool:
        handled = super().viewportEvent(event)
        if event.type() == QEvent.Type.Resize:
            # Wider or narrower (the window, or the scroll bar shown or hidden), the
            # summary wraps onto other lines: another height.
            self._fit()
        return handled

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fitted = None  # the same text in another font: another height
            self._fit()


def _line_spans(label: QLabel, width: int) -> list[tuple[float, float]]:
    """The top and bottom of each line of ``label``'s rich text laid out at ``width``, as the
    label lays it out."""
    document = QTextDocument()
    document.setDefaultFont(label.font())
    document.setDocumentMargin(0)  # as a QLabel's own document
    document.setHtml(label.text())
    document.setTextWidth(width)
    layout = document.documentLayout()
    spans: list[tuple[float, float]] = []
    block = document.begin()
    while block.isValid():
        top = layout.blockBoundingRect(block).top()
        lines = block.layout()
        for number in range(lines.lineCount()):
            line = lines.lineAt(number)
            spans.append((top + line.y(), top + line.y() + line.height()))
        block = block.next()
    return spans


def _cut_through(spans: list[tuple[float, float]], cut: float) -> list[float]:
    """The tops of the lines a cut at ``cut`` goes through (a line's last point is its
    leading: a table cell's padding may push it past the cut)."""
    return [top for top, bottom in spans if top < cut - 0.5 and bottom > cut + 1.5]


def whole_lines_height(label: QLabel, height: int) -> int:
    """The greatest height up to ``height`` at which no line of ``label``'s rich text (laid
    out at its width, as the label lays it out) is cut through."""
    spans = _line_spans(label, label.width())
    cut = float(height)
    while True:
        # A line beside another (a table's cells) may start higher: move up until none is cut.
        through = _cut_through(spans, cut)
        if not through:
            return max(int(cut), 0)
        cut = min(through)


def least_whole_rows_height(label: QLabel, width: int) -> int:
    """The least height showing more of ``label``'s rich text at ``width`` than its first
    line, no line cut: a summary's column headings alone ("Silver  Gold") say nothing, the
    first competency's row under them does."""
    spans = _line_spans(label, width)
    if not spans:
        return 0
    # The first row: the lines beside the first one (a table's cells, padded a point lower).
    first_line = min(bottom for _top, bottom in spans)
    first = max(bottom for top, bottom in spans if top < first_line - 0.5)
    for bottom in sorted(bottom for _top, bottom in spans):
        if bottom > first + 0.5 and not _cut_through(spans, bottom):
            return math.ceil(bottom)
    return math.ceil(max(bottom for _top, bottom in spans))
