"""The store's write path loaded on a worker as the user starts to edit, before the first write.

An idle window on a plain SQLite file reads with the sqlite3 driver and holds
no SQLAlchemy (issue 15: a quarter of its memory). The first write needs
SQLAlchemy, its ORM and the engine: 0.5-1 s to load, which the GUI thread
would wait for when the edit is saved. A form opening or a cell editor
starting calls ``prepare_to_write``, and a worker loads them while the user
types; a write that comes first loads them itself (the import system's
locks make both ways safe together).
"""

from __future__ import annotations

import logging
import threading
import weakref

from mpn_desktop.store import records_sqlite
from mpn_desktop.store.database import Database

log = logging.getLogger(__name__)

_PREPARED: weakref.WeakSet[Database] = weakref.WeakSet()
"""The databases whose write path a worker loads or loaded."""

_LOCK = threading.Lock()


def prepare_to_write(db: Database) -> threading.Thread | None:
    """Loads ``db``'s write path on a worker unless it is loaded or being loaded; the worker's
    thread (None: nothing to load)."""
    with _LOCK:
        if db in _PREPARED or not records_sqlite.reads_with_driver(db):
            return None
        _PREPARED.add(db)
    worker = threading.Thread(target=_load, args=(db,), name="write-ahead", daemon=True)
    worker.start()
    return worker


def _load(db: Database) -> None:
    from mpn_desktop.store.preload import preload

    try:
        preload(db)
    except Exception:  # the write itself loads it again and says what is wrong
        log.info("loading the store ahead of a write failed", exc_info=True)
