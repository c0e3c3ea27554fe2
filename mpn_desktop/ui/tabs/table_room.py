"""How high a part of a tab must be for each of its tables to show a number of whole rows.

A step tab gives its summary only the room its tables leave once they show
``ROWS_KEPT`` whole rows: at the first start on a small screen (1024×700 at
150% scaling) the summary took the room and the Skilling tab's two tables
showed no whole row.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLayout, QSplitter, QStyle, QTableView, QTabWidget, QWidget

from mpn_desktop.ui.tabs.record_section import RecordSection

ROWS_KEPT = 3
"""Whole rows each table of a tab keeps in view before its summary takes any room."""


def table_height(view: QTableView, rows: int) -> int:
    """The height at which ``view`` shows ``rows`` whole rows under its column headings,
    room kept for its horizontal scroll bar (narrow, the columns scroll)."""
    height = 2 * view.frameWidth() + rows * view.verticalHeader().defaultSectionSize()
    header = view.horizontalHeader()
    if not header.isHidden():
        height += header.sizeHint().height()
    if view.horizontalScrollBarPolicy() != Qt.ScrollBarPolicy.ScrollBarAlwaysOff:
        bar = view.horizontalScrollBar()
        height += view.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, bar)
    return height


def rows_height(widget: QWidget, rows: int) -> int:
    """The least height at which every table in ``widget`` shows ``rows`` whole rows, the
    rest at its least height (at ``widget``'s width)."""
    if isinstance(widget, RecordSection):
        view = widget.view
        least = least_height(widget)
        return least - least_height(view) + max(least_height(view), table_height(view, rows))
    if isinstance(widget, QSplitter):
        heights = [rows_height(child, rows) for child in _parts(widget) if not child.isHidden()]
        if not heights:
            return 0
        if widget.orientation() == Qt.Orientation.Horizontal:
            return max(heights)
        return sum(heights) + widget.handleWidth() * (len(heights) - 1)
    if isinstance(widget, QTabWidget):
        # Its pages by turns: the highest page's need, so that the summary's room does not
        # change with the page shown.
        page_height = max((rows_height(page, rows) for page in _parts(widget)), default=0)
        current = widget.currentWidget()
        around = least_height(widget) - (least_height(current) if current is not None else 0)
        return around + page_height
    return least_height(widget)


def least_height(widget: QWidget) -> int:
    """The height a layout gives ``widget`` at least, at its width (a wrapped label's lines)."""
    layout = widget.layout()
    if layout is not None and layout.hasHeightForWidth():
        least = layout.totalMinimumHeightForWidth(widget.width())
    elif widget.hasHeightForWidth():
        least = widget.heightForWidth(widget.width())
    else:
        least = widget.minimumSizeHint().height()
    if widget.minimumHeight() > 0:
        least = max(least, widget.minimumHeight()) if layout is not None else widget.minimumHeight()
    return min(max(least, 0), widget.maximumHeight())


def layout_rows_height(layout: QLayout, rows: int, skipped: QWidget) -> int:
    """The least height of a vertical ``layout`` whose tables show ``rows`` whole rows each,
    ``skipped`` (the summary) left out."""
    margins = layout.contentsMargins()
    heights: list[int] = []
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item is None or item.isEmpty():
            continue
        widget = item.widget()
        if widget is skipped:
            continue
        if widget is not None:
            heights.append(rows_height(widget, rows))
        elif (inner := item.layout()) is not None:
            heights.append(inner.minimumSize().height())
    spacing = max(layout.spacing(), 0)
    return margins.top() + margins.bottom() + sum(heights) + spacing * max(len(heights) - 1, 0)


def rows_first_sizes(splitter: QSplitter, rows: int) -> list[int]:
    """Sizes for a vertical ``splitter``'s parts at its height: each as high as its tables
    need for ``rows`` whole rows, the lower ones giving way first (down to their least
    height) where the room runs out, the room left over shared as those needs are."""
    children = _parts(splitter)
    shown = [child for child in children if not child.isHidden()]
    needs = [rows_height(child, rows) for child in shown]
    room = splitter.height() - splitter.handleWidth() * max(len(shown) - 1, 0)
    sizes = list(needs)
    over = sum(needs) - room
    for index in reversed(range(len(sizes))):
        if over <= 0:
            break
        cut = min(over, max(sizes[index] - least_height(shown[index]), 0))
        sizes[index] -= cut
        over -= cut
    if over < 0 and sum(needs) > 0:
        spare = -over
        shares = [spare * need // sum(needs) for need in needs]
        shares[-1] += spare - sum(shares)
        sizes = [size + share for size, share in zip(sizes, shares, strict=True)]
    shown_sizes = iter(sizes)
    return [next(shown_sizes) if not child.isHidden() else 0 for child in children]


def _parts(holder: QSplitter | QTabWidget) -> list[QWidget]:
    """The widgets a splitter or tab widget holds, in order."""
    parts = (holder.widget(index) for index in range(holder.count()))
    return [part for part in parts if part is not None]
