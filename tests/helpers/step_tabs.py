"""A step tab shown on its own as the user meets it, and the record form it opens (modal, so
the test's hands reach it from the event loop)."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from mpn_desktop.ui.context import AppContext
from mpn_desktop.ui.editors.record_form import RecordForm
from mpn_desktop.ui.tabs.step_tab import StepTab

Tab = TypeVar("Tab", bound=StepTab)

FORM_WAIT_S = 5.0
"""How long ``in_next_form`` waits for the form: one opens within milliseconds. It polled for
ever: a test whose action opened no form, or another dialog, hung in that dialog."""


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


def in_next_form(act: Callable[[RecordForm], None], *, within_s: float = FORM_WAIT_S) -> None:
    """Calls ``act`` with the next record form once it is the active modal window; call it
    before what opens the form, which waits in the form's own event loop.

    No form within ``within_s``: an AssertionError naming what was awaited, raised in the
    event loop (pytest-qt fails the test with it); a modal dialog open instead is closed,
    so that the test, waiting in that dialog's loop, goes on.
    """
    deadline = time.monotonic() + within_s
    # The test that armed the wait, named: a wait outliving its test fails in a later one.
    armed_by = os.environ.get("PYTEST_CURRENT_TEST", "?").removesuffix(" (call)")

    def look() -> None:
        form = QApplication.activeModalWidget()
        if isinstance(form, RecordForm):
            act(form)
            return
        if time.monotonic() < deadline:
            QTimer.singleShot(10, look)
            return
        instead = "no modal window" if form is None else f"a {type(form).__name__} instead"
        if isinstance(form, QDialog):
            form.reject()
        elif form is not None:
            form.close()
        raise AssertionError(
            f"no record form opened within {within_s:g} s for {_named(act)} "
            f"(in_next_form, armed by {armed_by}): {instead}"
        )

    QTimer.singleShot(0, look)


def _named(act: Callable[[RecordForm], None]) -> str:
    """The awaited action's name (a functools.partial has none: its repr says what it is)."""
    return getattr(act, "__qualname__", None) or repr(act)
