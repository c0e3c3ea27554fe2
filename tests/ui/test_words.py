"""Words a partner employee uses: terms explained where they appear (issue 14)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from mpn_desktop.ui.context import AppContext
from mpn_desktop.ui.tabs.exams_tab import ExamsTab
from mpn_desktop.ui.tabs.sales_tab import SalesTab
from mpn_desktop.ui.welcome_dialog import WelcomeDialog


def _header_help(section: Any, key: str) -> str:
    column = section.model.column_of(key)
    model = section.model
    tip = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    this = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.WhatsThisRole)
    assert tip == this
    return str(tip or "")


@pytest.mark.parametrize(
    "case",
    [
        (SalesTab, "subscriptions", "association", "Digital Partner of Record"),
        (SalesTab, "subscriptions", "external_id", "ID"),
        (SalesTab, "subscriptions", "started_on", "began"),
        (SalesTab, "customers", "tenant_id", "tenant"),
        (ExamsTab, "people", "associated", "MPN ID"),
    ],
)
def test_a_term_a_new_user_may_not_know_is_explained(
    sample_context: AppContext, qtbot: Any, case: tuple[type, str, str, str]
) -> None:
    tab, section, key, words = case
    widget = tab(sample_context)
    qtbot.addWidget(widget)
    assert words in _header_help(getattr(widget, section), key)


def test_the_market_is_explained(qtbot: Any, context: AppContext) -> None:
    dialog = WelcomeDialog(context)
    qtbot.addWidget(dialog)
    assert "developing" in dialog.market_combo.whatsThis()
    assert dialog.market_combo.toolTip() == dialog.market_combo.whatsThis()


def test_help_has_getting_started_and_the_keyboard_shortcuts(
    qtbot: Any, sample_context: AppContext, settings: Any
) -> None:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QTextBrowser

    from mpn_desktop.ui.main_window import MainWindow

    window = MainWindow(sample_context, settings)
    qtbot.addWidget(window)
    window.show()
    started = window.findChild(QAction, "gettingStartedAction")
    keys = window.findChild(QAction, "shortcutsAction")
    assert started is not None and keys is not None
    guide = window.show_getting_started()
    text = guide.findChild(QTextBrowser).toPlainText()
    for step in ("1. Sales performance", "2. Technical exams", "3. Customer references", "4. The"):
        assert step in text
    assert "Training details" in text and "reconciliation" in text  # where the data comes from
    guide.close()
    shortcuts = window.show_shortcuts().findChild(QTextBrowser).toPlainText()
    # Read off the actions: the import's key and Undo are there as the menus have them.
    assert "Import exam records" in shortcuts and "Ctrl+I" in shortcuts
    assert "Undo" in shortcuts


def _luminance(color: Any) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(color.red())
        + 0.7152 * channel(color.green())
        + 0.0722 * channel(color.blue())
    )


def _contrast(one: Any, other: Any) -> float:
    light, dark = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_the_import_wizard_s_error_colour_reads_on_a_dark_window(qapp: Any) -> None:
    from PySide6.QtGui import QColor, QPalette

    from mpn_desktop.ui.import_source_pages import error_style

    for window_colour in ("#2b2b2b", "#ffffff"):
        palette = QPalette()
        palette.setColor(QPalette.ColorRole.Window, QColor(window_colour))
        palette.setColor(
            QPalette.ColorRole.WindowText,
            QColor("#e0e0e0" if window_colour != "#ffffff" else "#000"),
        )
        shown = QColor(error_style(palette).split(":")[1].strip().rstrip(";"))
        # The fixed #b3261e read at 1.2:1 on a dark window; 4.5:1 is WCAG's floor for text.
        assert _contrast(shown, QColor(window_colour)) >= 4.5, window_colour
