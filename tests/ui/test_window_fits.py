"""Every window and dialog opens within the screen's free area (no button off the screen)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QApplication, QGroupBox, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from mpn_desktop.ui import checklist_actions, screen_fit
from mpn_desktop.ui.context import AppContext
from mpn_desktop.ui.main_window import MainWindow
from mpn_desktop.ui.screen_fit import available_area, fitted_size, keep_on_screen
from mpn_desktop.ui.settings import WindowSettings
from mpn_desktop.ui.tabs.sales_tab import SalesTab


def _inside(widget: QWidget) -> bool:
    return available_area(widget).contains(widget.frameGeometry())


@pytest.mark.parametrize(
    ("screen", "expected"),
    [
        # a 1366×768 laptop; the same at 150% scaling (911×512 points); a 1024×700 window area
        (QRect(0, 0, 1366, 768), QSize(1256, 706)),
        (QRect(0, 0, 911, 512), QSize(838, 471)),
        (QRect(0, 0, 1024, 700), QSize(942, 644)),
        (QRect(0, 0, 2560, 1440), QSize(1280, 800)),  # room enough: the size asked for
    ],
)
def test_a_window_asks_for_no_more_than_the_screen_has(screen: QRect, expected: QSize) -> None:
    assert fitted_size(QSize(1280, 800), screen) == expected


def test_the_first_start_fits_the_screen(
    qtbot: QtBot, sample_context: AppContext, settings: WindowSettings
) -> None:
    area = QApplication.primaryScreen().availableGeometry()
    assert area.height() < 1000, "the offscreen screen is smaller than 1280×800 is asked for"
    window = MainWindow(sample_context, settings)
    qtbot.addWidget(window)
    window.show()
    assert window.height() <= area.height() and window.width() <= area.width()
    assert _inside(window)


def test_a_window_saved_on_a_larger_screen_comes_back_onto_this_one(
    qtbot: QtBot, sample_context: AppContext, settings: WindowSettings
) -> None:
    window = MainWindow(sample_context, settings)
    qtbot.addWidget(window)
    window.setMinimumSize(0, 0)
    window.setGeometry(1500, 900, 1900, 1200)
    keep_on_screen(window)
    window.show()
    assert _inside(window)


def test_the_print_preview_fits_the_screen(
    qtbot: QtBot, sample_context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    from mpn_desktop.domain.evaluate import evaluate
    from mpn_desktop.store.facts_loader import load_facts

    progress = evaluate(sample_context.catalog, load_facts(sample_context.db), sample_context.as_of)
    preview: Any = checklist_actions.print_checklist(sample_context, progress, parent)
    assert preview is not None
    area = available_area(preview)
    # 900×1000 asked for; the offscreen screen has less height than that.
    assert preview.height() <= area.height() and preview.width() <= area.width()
    preview.close()


def test_the_status_panel_s_cards_fit_its_viewport(
    qtbot: QtBot, sample_context: AppContext, settings: WindowSettings
) -> None:
    # The cards were wider than the panel's viewport: their right border was cut.
    window = MainWindow(sample_context, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.panel.progress is not None)
    panel = window.panel
    body = panel.widget()
    assert body.width() <= panel.viewport().width()
    for competency in ("cloud-platform", "cloud-productivity"):
        card = panel.card(competency)
        assert card.geometry().right() < panel.viewport().width()


def test_the_window_fits_1024_by_700_at_150_percent(
    qtbot: QtBot, sample_context: AppContext, settings: WindowSettings
) -> None:
    # 1024×700 at 150% scaling is 683×467 points, and a layout's needs are in points at
    # any scaling: the window's contents needed 783×493 there, and the Sales tab's tables
    # and buttons were squeezed and cut.
    area = QSize(683, 467)
    window = MainWindow(sample_context, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.panel.progress is not None)
    needed = window.minimumSizeHint()
    assert needed.width() <= area.width() and needed.height() <= area.height(), needed


def test_the_first_start_at_1024_by_700_at_150_percent_is_not_below_its_minimum(
    qtbot: QtBot,
    sample_context: AppContext,
    settings: WindowSettings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The first start took 92% of the 683×467 points (628×429, room for the frame) while
    # the contents needed 431 points of height: the window opened 2 points squeezed.
    area = QRect(0, 0, 683, 467)
    monkeypatch.setattr(screen_fit, "available_area", lambda _widget: area)
    window = MainWindow(sample_context, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.panel.progress is not None)
    needed = window.minimumSizeHint()
    # The minimum fits the share of the screen a first start takes (its frame fits too) …
    room = fitted_size(QSize(1280, 800), area)
    assert needed.width() <= room.width() and needed.height() <= room.height(), needed
    # … and the window opens no smaller than it.
    assert window.width() >= needed.width() and window.height() >= needed.height()
    assert window.width() <= area.width() and window.height() <= area.height()


def test_a_window_is_never_sized_below_what_its_contents_need(qtbot: QtBot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.setMinimumSize(0, 0)
    child = QWidget(widget)
    child.setMinimumSize(300, 200)
    QVBoxLayout(widget).addWidget(child)
    needed = widget.minimumSizeHint()
    screen_fit.resize_to_fit(widget, (100, 100))
    assert widget.width() >= needed.width() and widget.height() >= needed.height()


def test_the_fee_tab_s_membership_box_keeps_its_lines_on_a_short_window(
    qtbot: QtBot, sample_context: AppContext, settings: WindowSettings
) -> None:
    # At 1024×700 with 150% scaling the box's wrapped lines ("Silver paid …; US$ 3,940
    # still owed for gold") were cut in half: the payments table kept its height instead.
    window = MainWindow(sample_context, settings)
    qtbot.addWidget(window)
    window.show()
    window.setMinimumSize(0, 0)
    window.resize(628, 429)
    window.tabs.setCurrentWidget(window.findChild(QWidget, "feeTab"))
    qtbot.waitUntil(lambda: window.panel.progress is not None)
    box = window.tabs.currentWidget().findChild(QGroupBox)
    assert box is not None
    qtbot.waitUntil(lambda: box.height() >= box.heightForWidth(box.width()))


def test_the_monthly_usage_placeholder_reads_at_the_window_s_minimum_size(
    qtbot: QtBot, sample_context: AppContext, settings: WindowSettings
) -> None:
    # At its minimum the window's Monthly usage table is a row high: its placeholder was
    # drawn with a line's margin and its second line cut (at 689×425 not a word showed).
    window = MainWindow(sample_context, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.panel.progress is not None)
    sales = window.step_tabs[0]
    assert isinstance(sales, SalesTab)
    view = sales.usage.view
    wrapped = int(
        Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
    )
    whole = "Choose a subscription above to see its monthly usage."
    for size, said in ((QSize(800, 560), whole), (window.minimumSizeHint(), "")):
        window.setMinimumSize(size)
        window.resize(size)
        qtbot.waitUntil(lambda size=size: window.size() == size)  # type: ignore[misc]
        qtbot.wait(20)
        area, text = view.empty_text_shown()
        assert text in (whole, "Choose a subscription above."), (size, text)
        assert not said or text == said
        assert view.viewport().rect().contains(area)
        needed = view.fontMetrics().boundingRect(area, wrapped, text)
        assert area.contains(needed), (size, area, needed, text)
