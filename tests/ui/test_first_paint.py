"""``AfterFirstPaint`` calls back at the next turn after the first paint, and not at all when
the widget is gone by then (before, the timer had no context object: the call ran on a
deleted window)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QRect
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from mpn_desktop.ui.first_paint import AfterFirstPaint


def _painted(widget: QWidget) -> None:
    """The widget's first Paint event, through its event filters (no window system needed)."""
    QCoreApplication.sendEvent(widget, QPaintEvent(QRect(0, 0, 10, 10)))


def test_the_call_comes_at_the_next_turn_after_the_first_paint_and_once(
    qtbot: QtBot, qapp: QApplication
) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    calls: list[str] = []
    AfterFirstPaint(widget, lambda: calls.append("then"))
    qapp.processEvents()
    assert calls == []
    _painted(widget)
    assert calls == []  # not inside the paint
    qtbot.waitUntil(lambda: calls == ["then"])
    _painted(widget)
    qapp.processEvents()
    assert calls == ["then"]


def test_a_widget_deleted_before_the_next_turn_is_not_called_back(
    qtbot: QtBot, qapp: QApplication
) -> None:
    calls: list[str] = []
    widget = QWidget()
    AfterFirstPaint(widget, lambda: calls.append("then"))
    _painted(widget)
    widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    for _turn in range(3):
        qapp.processEvents()
    assert calls == []
