"""An amount in the status panel is never cut between its currency and its figure."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from mpn_desktop.domain.enums import Level
from mpn_desktop.domain.progress import Progress
from mpn_desktop.ui.status_panel import StatusPanel


def _lines(label: QLabel) -> list[str]:
    """The lines ``label``'s rich text wraps into at its width, as a QLabel lays it out."""
    document = QTextDocument()
    document.setDefaultFont(label.font())
    document.setDocumentMargin(0)
    document.setHtml(label.text())
    document.setTextWidth(label.contentsRect().width())
    document.size()  # lays the blocks out
    lines: list[str] = []
    block = document.begin()
    while block.isValid():
        layout = block.layout()
        for number in range(layout.lineCount()):
            line = layout.lineAt(number)
            lines.append(block.text()[line.textStart() : line.textStart() + line.textLength()])
        block = block.next()
    return lines


@pytest.mark.parametrize("width", [250, 300])
def test_a_narrow_panel_wraps_a_money_figure_between_amounts(
    qtbot: QtBot, make_progress: Callable[..., Progress], width: int
) -> None:
    """At 1024x700 the figure "✓ US$ 3,940 of US$ 1,530" read "… of US$" / "1,530"."""
    panel = StatusPanel()
    qtbot.addWidget(panel)
    panel.resize(width, 700)
    panel.show()
    panel.set_progress(make_progress(references=3))
    qtbot.waitUntil(lambda: not panel.showing_cards)
    card = panel.card("cloud-platform")
    figures = [
        label
        for level in (Level.SILVER, Level.GOLD)
        for label in card.sections[level].findChildren(QLabel, "stepFigure")
        if "US$" in label.text()
    ]
    wrapped = [_lines(label) for label in figures if len(_lines(label)) > 1]
    assert wrapped  # the test looks at figures that do wrap
    for lines in wrapped:
        assert not any(line.rstrip().endswith("US$") for line in lines), lines
