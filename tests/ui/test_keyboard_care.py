"""The keyboard in the main window: Alt letters that are never shared, and Tab in reading order."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QGroupBox, QLabel, QWidget
from pytestqt.qtbot import QtBot

from mpn_desktop.ui.context import AppContext
from mpn_desktop.ui.main_window import MainWindow
from mpn_desktop.ui.settings import WindowSettings
from mpn_desktop.ui.tabs.exams_tab import ExamsTab
from mpn_desktop.ui.tabs.sales_tab import SalesTab


def alt_letter(text: str) -> str | None:
    """The letter Alt reaches in ``text`` ("&File" → "f"), or None."""
    found = re.search(r"&([^&])", text.replace("&&", ""))
    return found.group(1).lower() if found else None


def alt_letters(top: QWidget, extra: list[str] | None = None) -> dict[str, list[str]]:
    """Every Alt letter shown in ``top`` (labels with a buddy, buttons, group boxes), by letter."""
    texts = list(extra or [])
    for widget in top.findChildren(QWidget):
        if not widget.isVisibleTo(top):
            continue
        labelled = isinstance(widget, QLabel) and widget.buddy() is not None
        if labelled or isinstance(widget, QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
    letters: dict[str, list[str]] = {}
    for text in texts:
        letter = alt_letter(text)
        if letter is not None:
            letters.setdefault(letter, []).append(text)
    return letters


def shared(letters: dict[str, list[str]]) -> dict[str, list[str]]:
    return {letter: texts for letter, texts in letters.items() if len(texts) > 1}


@pytest.fixture
def window(qtbot: QtBot, sample_context: AppContext, settings: WindowSettings) -> MainWindow:
    main = MainWindow(sample_context, settings)
    qtbot.addWidget(main)
    main.resize(1280, 800)
    main.show()
    main.activateWindow()
    qtbot.waitUntil(main.isActiveWindow)
    return main


def test_no_alt_letter_is_shared_on_any_tab(qtbot: QtBot, window: MainWindow) -> None:
    menus = [action.text() for action in window.menuBar().actions()]
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        assert shared(alt_letters(window, menus)) == {}, window.tabs.tabText(index)


def test_alt_f_opens_the_file_menu_and_alt_d_goes_to_find(qtbot: QtBot, window: MainWindow) -> None:
    window.tabs.setCurrentIndex(1)
    tab = window.tabs.currentWidget()
    assert isinstance(tab, ExamsTab)
    tab.people.view.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    popup = QApplication.activePopupWidget()
    assert popup is not None and popup.objectName() == "fileMenu"
    popup.close()
    assert not tab.search.hasFocus()

    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)
    assert tab.search.hasFocus()


def test_tab_goes_from_a_table_to_its_own_buttons_then_to_the_next_table(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.tabs.setCurrentIndex(0)
    tab = window.tabs.currentWidget()
    assert isinstance(tab, SalesTab)
    tab.customers.view.setFocus()
    tab.customers.view.selectRow(0)
    assert tab.customers.delete_button.isEnabled()
    visited = []
    for _ in range(4):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget())
    assert visited == [
        tab.customers.add_button,
        tab.customers.delete_button,
        tab.subscriptions.view,
        tab.subscriptions.add_button,
    ]
