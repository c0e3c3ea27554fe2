"""Rows a table no longer holds, freed a part per turn of the event loop rather than at once.

Choosing a subscription after "Show all usage" put its few months in place of
the large organisation's 75,282: freeing those records (each a dict of eleven
values) at once took 90-100 ms of the GUI thread, a stall the user felt right
after the click. Freed a part per turn, each part costs a few milliseconds.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject, QTimer

ROWS_FREED_PER_TURN = 5_000
"""Rows freed per turn of the event loop (about 5 ms of usage records on a busy machine)."""


def free_in_parts(rows: Sequence[Any], owner: QObject) -> None:
    """Keeps the items of ``rows``, which the caller lets go of, and frees them a part per
    turn while ``owner`` lives (a short list is left to the caller). ``rows`` itself is
    not changed: whoever else holds it keeps its items alive anyway."""
    if len(rows) <= ROWS_FREED_PER_TURN:
        return
    kept = list(rows)

    def free_a_part() -> None:
        del kept[-ROWS_FREED_PER_TURN:]
        if kept:
            QTimer.singleShot(0, owner, free_a_part)

    QTimer.singleShot(0, owner, free_a_part)
