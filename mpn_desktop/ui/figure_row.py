"""A figure in the status panel: its name and value on a line, a slim bar under them.

The competencies' step rows and the designations' metric rows are drawn the
same way; each fills the row from its own node.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QProgressBar,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

BAR_STEPS = 1000
"""A bar's range: fine enough that a small share still shows."""


def amounts_kept_whole(text: str) -> str:
    """``text`` with each amount's "US$" joined to its figure by a no-break space.

    The panel's labels wrap when it is narrow: "US$ 3,940 of US$ 1,530" then broke
    as "… of US$" / "1,530", the currency on one line and its figure on the next;
    now it wraps after "of" (or before the amount).
    """
    return text.replace("US$ ", "US$\u00a0")


def bullets_html(items: list[str]) -> str:
    """Rich text: one bullet per item, escaped."""
    rows = "".join(f"<li>{html.escape(item)}</li>" for item in items)
    return f"<ul style='margin-left:-24px; margin-top:0px; margin-bottom:0px'>{rows}</ul>"


class FigureRow:
    """The widgets of one figure, placed on rows ``row`` to ``row + rows - 1`` of a grid.

    Without ``detail``: the caption and the figure on a line, the bar under them.
    With it: the caption on a line of its own, the detail (have/need) and the
    figure on the next, the bar under them: a long name then takes the whole
    width, and the figure sits beside the short detail instead of wrapping.
    """

    def __init__(
        self, grid: QGridLayout, row: int, parent: QWidget, figure_name: str, detail: bool = False
    ) -> None:
        self.caption = QLabel(parent)
        # Both wrap: on a narrow panel (1024×700 at 150% scaling) the figure goes onto a
        # second line instead of making the panel wider than the window has room for.
        self.caption.setWordWrap(True)
        self.figure = QLabel(parent)
        self.figure.setWordWrap(True)
        self.figure.setObjectName(figure_name)
        self.figure.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.figure.setTextFormat(Qt.TextFormat.RichText)
        self.detail: QLabel | None = None
        self.bar = QProgressBar(parent)
        self.bar.setRange(0, BAR_STEPS)
        self.bar.setTextVisible(False)
        self.bar.setFixedHeight(max(6, parent.fontMetrics().height() // 2))
        self.bar.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        if detail:
            self.detail = QLabel(parent)
            self.detail.setWordWrap(True)
            grid.addWidget(self.caption, row, 0, 1, 2)
            grid.addWidget(self.detail, row + 1, 0)
            grid.addWidget(self.figure, row + 1, 1)
            grid.addWidget(self.bar, row + 2, 0, 1, 2)
        else:
            grid.addWidget(self.caption, row, 0)
            grid.addWidget(self.figure, row, 1)
            grid.addWidget(self.bar, row + 1, 0, 1, 2)
        self.rows = 3 if detail else 2
        """How many of the grid's rows the figure takes."""

    def widgets(self) -> tuple[QWidget, ...]:
        """The caption, the figure and the bar (and the detail, if any)."""
        shown = (self.caption, self.figure, self.bar)
        return shown if self.detail is None else (*shown, self.detail)

    def set_visible(self, visible: bool) -> None:
        """Shows or hides the whole row."""
        for widget in self.widgets():
            widget.setVisible(visible)


def card_layout(card: QFrame, name: str) -> tuple[QVBoxLayout, QLabel]:
    """A panel card's frame, its column and its bold title (``name`` + "Title" names it)."""
    card.setFrameShape(QFrame.Shape.StyledPanel)
    card.setObjectName(name)
    layout = QVBoxLayout(card)
    layout.setContentsMargins(10, 8, 10, 8)
    title = QLabel(card)
    title.setObjectName(name.removesuffix("Card") + "Title")
    title.setWordWrap(True)
    font = title.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.15)
    title.setFont(font)
    layout.addWidget(title)
    return layout, title
