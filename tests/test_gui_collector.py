"""The window's garbage collection runs on the GUI thread alone (ui/gui_collector.py)."""

from __future__ import annotations

import gc
import threading
from typing import Any

from pytestqt.qtbot import QtBot

from mpn_desktop.ui.gui_collector import GuiThreadCollector, due_generation


class _Cycle:
    """An object in a reference cycle: only the cyclic collector frees it."""

    def __init__(self) -> None:
        self.me = self


def _threads_collecting(make_garbage: Any) -> list[int]:
    """The threads in which collections started while ``make_garbage`` ran."""
    seen: list[int] = []

    def note(phase: str, _info: dict[str, int]) -> None:
        if phase == "start":
            seen.append(threading.get_ident())

    gc.callbacks.append(note)
    try:
        make_garbage()
    finally:
        gc.callbacks.remove(note)
    return seen


def _garbage_on_a_worker() -> int:
    """Makes many times the first threshold of cyclic garbage on a worker thread; its id."""
    worker = threading.Thread(target=lambda: [_Cycle() for _ in range(gc.get_threshold()[0] * 20)])
    worker.start()
    worker.join()
    assert worker.ident is not None
    return worker.ident


def test_a_worker_making_garbage_collects_nothing_the_gui_thread_does(qtbot: QtBot) -> None:
    was_enabled = gc.isenabled()
    gc.enable()
    collector = GuiThreadCollector(interval_ms=10)
    try:
        collector.start()
        worker: list[int] = []
        in_threads = _threads_collecting(lambda: worker.append(_garbage_on_a_worker()))
        assert worker[0] not in in_threads
        assert due_generation() is not None  # the garbage waits for the GUI thread

        on_gui: list[int] = []

        def note(phase: str, _info: dict[str, int]) -> None:
            if phase == "start":
                on_gui.append(threading.get_ident())

        gc.callbacks.append(note)
        try:
            qtbot.waitUntil(lambda: bool(on_gui), timeout=5000)
        finally:
            gc.callbacks.remove(note)
        assert set(on_gui) == {threading.get_ident()}
    finally:
        collector.stop()
        assert gc.isenabled()  # as before start()
        if not was_enabled:
            gc.disable()


def test_without_it_the_worker_collects_in_its_own_thread() -> None:
    """The hazard the collector removes (the test above is not vacuous)."""
    was_enabled = gc.isenabled()
    gc.enable()
    try:
        worker: list[int] = []
        in_threads = _threads_collecting(lambda: worker.append(_garbage_on_a_worker()))
        assert worker[0] in in_threads
    finally:
        if not was_enabled:
            gc.disable()


def test_it_collects_the_generation_the_thresholds_name(qtbot: QtBot) -> None:
    collector = GuiThreadCollector()
    collector.start()
    try:
        gc.collect()
        assert due_generation() is None
        assert collector.collect_due() is None
        garbage = [_Cycle() for _ in range(gc.get_threshold()[0] + 10)]
        del garbage
        assert due_generation() == 0
        assert collector.collect_due() == 0
        assert due_generation() is None
    finally:
        collector.stop()


def test_stopping_when_the_window_goes_leaves_the_collector_as_it_was(qtbot: QtBot) -> None:
    was_enabled = gc.isenabled()
    gc.enable()
    try:
        collector = GuiThreadCollector()
        collector.start()
        collector.start()  # a second start changes nothing
        assert not gc.isenabled()
        with qtbot.waitSignal(collector.destroyed, timeout=2000):
            collector.deleteLater()
        assert gc.isenabled()
    finally:
        if not was_enabled:
            gc.disable()
