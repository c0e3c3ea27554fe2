"""The Fee tab at the size a first start takes on 1024×700 at 150% scaling (683×467 points):
the payments show whole rows and the summary whole lines."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from helpers.sample_windows import first_start
from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QApplication, QFormLayout, QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from mpn_desktop.ui.flow_layout import FlowLayout
from mpn_desktop.ui.settings import WindowSettings
from mpn_desktop.ui.tabs.fee_tab import FeeTab, _OneLineFirstLabel

AREA = QRect(0, 0, 683, 467)

SHOWN = [
    (day, language)
    for day in (date(2018, 3, 15), date(2023, 8, 15), date(2026, 12, 6))
    for language in ("en", "de")
]


@pytest.mark.parametrize("shown", SHOWN, ids=lambda shown: f"{shown[0]}-{shown[1]}")
def test_a_first_start_shows_whole_payments_and_whole_summary_lines(
    qtbot: QtBot,
    tmp_path: Path,
    settings: WindowSettings,
    request: pytest.FixtureRequest,
    shown: tuple[date, str],
) -> None:
    # At the German first start on 2023-08-15 (628×454) the payments table showed its
    # header and 8 points of a row, and the summary two lines and the top of a third.
    with first_start(qtbot, tmp_path, settings, request, shown=shown, area=AREA) as window:
        fee = window.findChild(FeeTab, "feeTab")
        assert fee is not None
        window.tabs.setCurrentWidget(fee)
        needed = window.minimumSizeHint()
        qtbot.waitUntil(
            lambda: window.width() >= needed.width() and window.height() >= needed.height()
        )
        for _ in range(4):  # the layouts a page shown asks for
            QApplication.processEvents()
        assert window.height() <= AREA.height()
        view = fee.payments.view
        assert fee.payments.model.rowCount() >= 2
        # Both of the sample's payments, whole.
        for row in range(2):
            assert view.rowViewportPosition(row) >= 0
            bottom = view.rowViewportPosition(row) + view.rowHeight(row)
            assert bottom <= view.viewport().height(), (row, view.viewport().height())
        if fee.summary_area.isVisible():
            area = fee.summary_area
            shown_height = area.viewport().height()
            line = fee.summary.fontMetrics().lineSpacing()
            assert fee.summary.height() > shown_height  # it scrolls there
            # One paragraph: whole lines end on a multiple of the line spacing.
            assert shown_height % line == 0 and shown_height >= 2 * line, shown_height


def test_a_wrapping_label_stays_one_line_beside_a_button_where_both_fit(qtbot: QtBot) -> None:
    # "1 December (2022-12-01)" took two lines beside "Change…" with room to spare: the
    # flow placed it at the narrower width Qt hints for a wrapping label.
    form_owner = QWidget()
    qtbot.addWidget(form_owner)
    form = QFormLayout(form_owner)

    label = _OneLineFirstLabel(form_owner)
    label.setText("1 December (2022-12-01)")
    button = QPushButton("Change…", form_owner)
    row = FlowLayout()
    row.addWidget(label)
    row.addWidget(button)
    form.addRow(QLabel("Anniversary:"), row)
    one_line = label.fontMetrics().height()
    wide = label.fontMetrics().horizontalAdvance(label.text()) + button.sizeHint().width() + 120
    form_owner.resize(QSize(wide + 40, 200))
    form_owner.show()
    qtbot.waitUntil(lambda: label.width() > 0)
    assert label.height() <= one_line + 2
    # On the button's line, centred on it (it stood at the line's top, above the button's text).
    assert abs(label.geometry().center().y() - button.geometry().center().y()) <= 1
    # Too narrow for both: the button goes under the label, which is as high as its lines.
    form_owner.resize(QSize(label.fontMetrics().horizontalAdvance("1 December") + 140, 200))
    qtbot.waitUntil(lambda: button.y() > label.y())
    assert label.height() >= label.heightForWidth(label.width())
