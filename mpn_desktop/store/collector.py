"""Pausing Python's cyclic garbage collector while a long build runs (an import, a load)."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class _Pauses:
    """How many blocks pause the collector now, and whether it was on before the first."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.count = 0
        self.was_enabled = False


_PAUSES = _Pauses()


@contextmanager
def collector_paused() -> Iterator[None]:
    """Runs the block with automatic garbage collection off; it is back on afterwards.

    An import keeps a batch of records alive at a time (a list and tuples
    per record), so the collector ran over and over, each time walking every
    object of the program: a fifth of an import's time. The loop makes no
    reference cycles (memory is freed as it goes, by reference counting), so
    nothing piles up while the collector waits. Process-wide and nestable:
    the collector is back on when the last paused block ends, and only if it
    was on before the first one began.
    """
    with _PAUSES.lock:
        if _PAUSES.count == 0:
            _PAUSES.was_enabled = gc.isenabled()
            gc.disable()
        _PAUSES.count += 1
    try:
        yield
    finally:
        with _PAUSES.lock:
            _PAUSES.count -= 1
            if _PAUSES.count == 0 and _PAUSES.was_enabled:
                gc.enable()
