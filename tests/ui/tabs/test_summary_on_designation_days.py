"""A step tab's summary on a day of the Solutions Partner program: the designations' alone.

The competencies' summary was laid out first and thrown away when the designations' came
(~30 ms of the first fill of a window opened on such a day, as every window is today); and
a switch of light and dark put the competencies' summary back on a designations day.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from helpers.designation_windows import DAY, designation_day_window
from PySide6.QtGui import QColor, QPalette
from pytestqt.qtbot import QtBot

from mpn_desktop.domain.catalog import Catalog
from mpn_desktop.ui.main_window import MainWindow
from mpn_desktop.ui.tabs.step_tab import StepTab
from mpn_desktop.ui.tabs.summary_area import SummaryArea

COMPETENCY_DAY = date(2018, 3, 15)


@pytest.fixture
def summaries_set(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every text a tab's summary was given, in order."""
    given: list[str] = []
    set_text = SummaryArea.set_text

    def watched(self: SummaryArea, text: str) -> None:
        given.append(text)
        set_text(self, text)

    monkeypatch.setattr(SummaryArea, "set_text", watched)
    return given


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, catalog: Catalog) -> Iterator[MainWindow]:
    with designation_day_window(qtbot, tmp_path, catalog, DAY) as main:
        yield main


def _sales(window: MainWindow) -> StepTab:
    tab = window.step_tabs[0]
    assert isinstance(tab, StepTab)
    return tab


def test_a_designations_day_lays_out_the_designations_summary_alone(
    qtbot: QtBot, window: MainWindow, summaries_set: list[str]
) -> None:
    with qtbot.waitSignal(window.filled, timeout=30_000):
        window.fill()
    sales = _sales(window)
    shown = sales.summary.text()
    assert "Net customer adds" in shown  # the designations' metrics
    assert summaries_set and all("Net customer adds" in text for text in summaries_set)
    # Back to a day of the competencies: their summary comes back.
    with qtbot.waitSignal(window.progress_source.designationsChanged, timeout=30_000):
        window.context.set_as_of(COMPETENCY_DAY)
    assert "Net customer adds" not in sales.summary.text()
    assert sales.summary.text()


def test_switching_light_and_dark_on_a_designations_day_keeps_the_designations_summary(
    qtbot: QtBot, window: MainWindow
) -> None:
    with qtbot.waitSignal(window.filled, timeout=30_000):
        window.fill()
    sales = _sales(window)
    before = sales.summary.text()
    assert "Net customer adds" in before
    dark = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, "#2b2b2b"),
        (QPalette.ColorRole.WindowText, "#e8e8e8"),
        (QPalette.ColorRole.Base, "#1e1e1e"),
        (QPalette.ColorRole.Text, "#e8e8e8"),
    ):
        dark.setColor(role, QColor(colour))
    window.setPalette(dark)
    qtbot.waitUntil(lambda: sales.summary.text() != before, timeout=5_000)
    assert "Net customer adds" in sales.summary.text()
