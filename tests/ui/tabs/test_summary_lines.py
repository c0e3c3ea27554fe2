"""A step tab's summary, shorter than its text, ends under a whole line."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from mpn_desktop.ui.tabs.summary_area import least_whole_rows_height, whole_lines_height


def _label(qtbot: QtBot, html: str, width: int = 300) -> QLabel:
    label = QLabel()
    qtbot.addWidget(label)
    label.setWordWrap(True)
    label.setText(html)
    label.resize(width, label.heightForWidth(width))
    return label


def test_a_paragraph_is_cut_under_its_last_whole_line(qtbot: QtBot) -> None:
    label = _label(qtbot, "<p>" + "one two three four five six " * 12 + "</p>")
    line = label.fontMetrics().lineSpacing()
    assert label.height() > 3 * line
    assert whole_lines_height(label, 3 * line - 3) == 2 * line
    assert whole_lines_height(label, 3 * line + 4) == 3 * line


def test_a_table_row_shows_whole_at_two_lines_high(qtbot: QtBot) -> None:
    # The Skilling tab's summary is a table (cellpadding 1): its rows' lines end a point
    # below a multiple of the line spacing, and at two lines high it showed one.
    html = (
        '<table cellspacing="0" cellpadding="1">'
        "<tr><td><b>Cloud Platform</b><br>target: gold</td><td>1 of 1<br>person</td></tr>"
        "<tr><td><b>Cloud Productivity</b><br>target: silver</td><td>1 of 2<br>people</td></tr>"
        "</table>"
    )
    label = _label(qtbot, html)
    line = label.fontMetrics().lineSpacing()
    assert whole_lines_height(label, 2 * line) == 2 * line
    # Cutting through the second row's first line shows the first row alone.
    assert 2 * line <= whole_lines_height(label, 3 * line) < 2 * line + 4


def test_a_summary_shows_at_least_a_row_under_its_column_headings(qtbot: QtBot) -> None:
    # At two lines high the References tab's summary (2018, first start) showed "Silver
    # Gold" alone: the padded cells of the first row put the next line a point under the cut.
    html = (
        '<table cellspacing="0" cellpadding="1">'
        "<tr><td></td><td>Silver</td><td>Gold</td></tr>"
        "<tr><td><b>Cloud Platform</b><br>target: gold</td><td>4 of 3</td><td>4 of 5</td></tr>"
        "</table>"
    )
    label = _label(qtbot, html)
    line = label.fontMetrics().lineSpacing()
    least = least_whole_rows_height(label, label.width())
    assert least > 2 * line  # the headings and the first row's first line
    assert whole_lines_height(label, least) == least  # no line cut
    assert least < label.height()  # not the whole table
    # A paragraph: two lines.
    label = _label(qtbot, "<p>" + "one two three four five six " * 12 + "</p>")
    assert least_whole_rows_height(label, label.width()) == 2 * line
