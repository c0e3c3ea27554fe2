"""Waiting for a database watch to notice a change made by another connection."""

from __future__ import annotations

import time

from mpn_desktop.store.changes import Change
from mpn_desktop.store.outside_changes import OutsideChanges


def poll_until(watch: OutsideChanges, seconds: float = 5) -> Change | None:
    """The first change ``watch.poll()`` reports within ``seconds`` (None: none came): a
    PostgreSQL notification arrives on the listener's thread a moment after the commit."""
    deadline = time.monotonic() + seconds
    change = None
    while change is None and time.monotonic() < deadline:
        change = watch.poll()
        time.sleep(0.02)
    return change
