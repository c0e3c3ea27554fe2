"""A step tab shown on its own as the user meets it, and the record form it opens (modal, so
the test's hands reach it from the event loop)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from mpn_desktop.ui.context import AppContext
from mpn_desktop.ui.editors.record_form import RecordForm
from mpn_desktop.ui.tabs.step_tab import StepTab

Tab = TypeVar("Tab", bound=StepTab)


def shown_tab(cls: type[Tab], context: AppContext, qtbot: QtBot, *, active: bool = True) -> Tab:
    """A tab of ``cls`` on ``context`` (getting its changes), shown 1000×650; ``active``: in
    the active window, where alone keyboard focus (editors, the search box) exists."""
    tab = cls(context)
    qtbot.addWidget(tab)
    context.changeApplied.connect(tab.apply_change)
    tab.resize(1000, 650)
    tab.show()
    if active:
        tab.activateWindow()
        qtbot.waitUntil(tab.isActiveWindow)
    return tab


def in_next_form(act: Callable[[RecordForm], None]) -> None:
    """Calls ``act`` with the next record form once it is the active modal window; call it
    before what opens the form, which waits in the form's own event loop."""

    def look() -> None:
        form = QApplication.activeModalWidget()
        if not isinstance(form, RecordForm):
            QTimer.singleShot(10, look)
            return
        act(form)

    QTimer.singleShot(0, look)
