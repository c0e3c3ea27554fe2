"""A row of buttons that wraps onto further lines when its width runs out, as text does.

A row of two buttons ("Abonnement hinzufügen…", "Löschen") needs their widths side by
side; under a narrow table (1024×700 at 150% scaling, German) that made the whole window
wider than the screen. Wrapped, the row needs only its widest button.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QSizePolicy, QStyle, QWidget


class FlowLayout(QLayout):
    """Lays its items left to right at their size hints, starting a new line when one
    does not fit; its minimum width is the widest item's, its height that of the lines
    the width it was last given takes.

    The height is not a height-for-width: a height-for-width reaches up to the window,
    whose minimum height Qt then takes from the layouts' preferred heights (the Exams
    tab's window needed 472 points of height instead of 425).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._height = -1
        """The height of the lines at the width last given (-1: one line, not laid out)."""
        self.setContentsMargins(QMargins(0, 0, 0, 0))

    # -- QLayout's items -------------------------------------------------

    def addItem(self, item: QLayoutItem) -> None:
        """Takes ``item`` as the last of the row."""
        self._items.append(item)

    def count(self) -> int:
        """How many items the row holds."""
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        """The item at ``index``, or None past the end."""
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        """Removes and returns the item at ``index`` (None past the end)."""
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    # -- sizes -----------------------------------------------------------

    def expandingDirections(self) -> Qt.Orientation:
        """Takes no more room than its lines need."""
        return Qt.Orientation(0)

    def sizeHint(self) -> QSize:
        """All items on one line."""
        margins = self.contentsMargins()
        width = sum(item.sizeHint().width() for item in self._shown())
        width += self._spacing() * max(len(self._shown()) - 1, 0)
        return QSize(width + margins.left() + margins.right(), self._lines_height())

    def minimumSize(self) -> QSize:
        """The widest item (the others wrap under it), as high as the lines are."""
        margins = self.contentsMargins()
        width = max((item.minimumSize().width() for item in self._shown()), default=0)
        return QSize(width + margins.left() + margins.right(), self._lines_height())

    def setGeometry(self, rect: QRect) -> None:
        """Places the items in ``rect``, line by line; asks for more height (or less) when
        the lines at this width are more (or fewer) than the height it had."""
        super().setGeometry(rect)
        height = self._place(rect, move=True)
        if height != self._lines_height():
            self._height = height
            self.invalidate()

    def _lines_height(self) -> int:
        if self._height >= 0:
            return self._height
        margins = self.contentsMargins()
        line = max((item.sizeHint().height() for item in self._shown()), default=0)
        return line + margins.top() + margins.bottom()

    # -- placing ---------------------------------------------------------

    def _shown(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _spacing(self) -> int:
        if self.spacing() >= 0:
            return self.spacing()
        parent = self.parentWidget()
        if parent is None:
            return 6
        return parent.style().layoutSpacing(
            QSizePolicy.ControlType.PushButton,
            QSizePolicy.ControlType.PushButton,
            Qt.Orientation.Horizontal,
        ) or parent.style().pixelMetric(QStyle.PixelMetric.PM_LayoutHorizontalSpacing)

    def _place(self, rect: QRect, *, move: bool) -> int:
        """Lays the items out in ``rect`` (moving them when ``move``); returns the height.

        Items lower than their line are centred in it: a one-line label beside a button
        reads on the button's line (it stood at the line's top, 4 points above its text).
        """
        margins = self.contentsMargins()
        area = rect.marginsRemoved(margins)
        spacing = self._spacing()
        x, y, line_height = area.x(), area.y(), 0
        line: list[tuple[QLayoutItem, QRect]] = []
        for item in self._shown():
            hint = item.sizeHint().expandedTo(item.minimumSize())
            width = min(hint.width(), area.width()) if area.width() > 0 else hint.width()
            if x > area.x() and x + width > area.x() + area.width():
                if move:
                    _centre(line, line_height)
                line = []
                x, y = area.x(), y + line_height + spacing
                line_height = 0
            # A wrapping label given less than its hint is as high as its lines are.
            height = item.heightForWidth(width) if item.hasHeightForWidth() else hint.height()
            line.append((item, QRect(QPoint(x, y), QSize(width, height))))
            x += width + spacing
            line_height = max(line_height, height)
        if move:
            _centre(line, line_height)
        return y + line_height - rect.y() + margins.bottom()


def _centre(line: list[tuple[QLayoutItem, QRect]], height: int) -> None:
    """Gives each item of a line its place, centred in the line's ``height``."""
    for item, place in line:
        item.setGeometry(place.translated(0, (height - place.height()) // 2))
