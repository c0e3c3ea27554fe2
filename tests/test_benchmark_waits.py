"""The GUI benchmarks wait on the program's signals through one helper, ``benchmarks/qt_timing``."""

from __future__ import annotations

import importlib
import re
import sys
import time
from pathlib import Path
from types import ModuleType

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

BENCHMARKS = Path(__file__).parents[1] / "benchmarks"


class _Source(QObject):
    """A signal to wait on."""

    happened = Signal()


def _qt_timing() -> ModuleType:
    sys.path.insert(0, str(BENCHMARKS))
    try:
        return importlib.import_module("qt_timing")
    finally:
        sys.path.pop(0)


def test_no_benchmark_runs_an_event_loop_of_its_own() -> None:
    # bench_postgres and bench_paste_usage each had a QEventLoop wait of their own.
    own_loops = sorted(
        script.name
        for script in BENCHMARKS.glob("*.py")
        if script.name != "qt_timing.py" and re.search(r"\bQEventLoop\b", script.read_text())
    )
    assert own_loops == []


def test_moment_fired_is_the_moment_the_signal_fired(qtbot: QtBot) -> None:
    qt_timing = _qt_timing()
    source = _Source()
    emitted: list[float] = []

    def emit() -> None:
        emitted.append(time.perf_counter())
        source.happened.emit()

    QTimer.singleShot(50, emit)
    moment = qt_timing.moment_fired(QApplication.instance(), source.happened, timeout_s=10)
    assert moment is not None
    assert emitted[0] <= moment <= time.perf_counter()


def test_moment_fired_is_none_when_the_signal_does_not_come(qtbot: QtBot) -> None:
    qt_timing = _qt_timing()
    source = _Source()
    assert qt_timing.moment_fired(QApplication.instance(), source.happened, timeout_s=0.05) is None


def test_ticks_until_runs_the_loop_past_the_signal_and_notes_its_turns(qtbot: QtBot) -> None:
    qt_timing = _qt_timing()
    source = _Source()
    begun: list[float] = []

    def begin() -> None:
        begun.append(time.perf_counter())
        QTimer.singleShot(30, source.happened.emit)

    ticks, fired = qt_timing.ticks_until(source.happened, 10, after_s=0.1, begin=begin)
    assert fired is not None and begun[0] < fired
    assert ticks[-1] >= fired + 0.09  # the loop went on for the work the signal queues
    assert len(ticks) > 2 and ticks == sorted(ticks)  # the turns of the loop, in order
    ticks, fired = qt_timing.ticks_until(source.happened, 0.05)
    assert fired is None
