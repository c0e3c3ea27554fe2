"""Event-loop timing the GUI benchmarks share: how long until a signal, and the longest stall.

The benchmarks wait on the program's signals through this module alone (a test
checks that no other script runs an event loop of its own).
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable
from typing import Any


def wait_for(
    app: Any,
    signal: Any,
    timeout_s: float = 30.0,
    *,
    paint: bool = False,
    gui_cpu: list[float] | None = None,
) -> tuple[float, float]:
    """Runs the event loop until ``signal`` fires; (seconds waited, longest event-loop stall).

    With ``paint`` the pending events (the redrawn panel) are processed before the ticker
    stops, so the stall includes the paint. With ``gui_cpu``, the longest CPU time this
    (the GUI) thread spent between two ticks is appended to it: the stall without the time
    the thread waited for a core or for the interpreter lock while a worker ran (on a
    loaded machine most of a wall-clock stall can be that).
    """
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    signal.connect(loop.quit)
    ticks: list[float] = [time.perf_counter()]
    cpu_ticks: list[float] = [time.thread_time()]

    def tick() -> None:
        ticks.append(time.perf_counter())
        cpu_ticks.append(time.thread_time())

    ticker = QTimer()
    ticker.setInterval(1)
    ticker.timeout.connect(tick)
    ticker.start()
    QTimer.singleShot(int(timeout_s * 1000), loop.quit)
    started = time.perf_counter()
    loop.exec()
    waited = time.perf_counter() - started
    signal.disconnect(loop.quit)
    if paint:
        app.processEvents()
    ticker.stop()
    tick()
    stall = max(later - earlier for earlier, later in itertools.pairwise(ticks))
    if gui_cpu is not None:
        gui_cpu.append(max(later - earlier for earlier, later in itertools.pairwise(cpu_ticks)))
    return waited, stall


def moment_fired(app: Any, signal: Any, timeout_s: float) -> float | None:
    """Runs the event loop until ``signal`` fires: the ``perf_counter`` then (None: not in time)."""
    fired: list[float] = []

    def note(*_arguments: object) -> None:
        fired.append(time.perf_counter())

    signal.connect(note)  # before ``wait_for``'s quit, so it is called first
    try:
        wait_for(app, signal, timeout_s)
    finally:
        signal.disconnect(note)
    return fired[0] if fired else None


def ticks_until(
    signal: Any,
    timeout_s: float,
    *,
    after_s: float = 0.0,
    begin: Callable[[], object] | None = None,
) -> tuple[list[float], float | None]:
    """Runs the event loop until ``signal`` fires and ``after_s`` more (the work it queues),
    ``begin()`` called once a 1 ms timer ticks: the ``perf_counter`` of every turn of the
    loop, and of the signal (None: it did not fire within ``timeout_s``)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    fired: list[float] = []

    def note(*_arguments: object) -> None:
        fired.append(time.perf_counter())
        QTimer.singleShot(int(after_s * 1000), loop.quit)

    signal.connect(note)
    ticks = [time.perf_counter()]
    ticker = QTimer()
    ticker.setInterval(1)
    ticker.timeout.connect(lambda: ticks.append(time.perf_counter()))
    QTimer.singleShot(int(timeout_s * 1000), loop.quit)
    ticker.start()
    if begin is not None:
        begin()
    loop.exec()
    ticker.stop()
    signal.disconnect(note)
    return ticks, fired[0] if fired else None
