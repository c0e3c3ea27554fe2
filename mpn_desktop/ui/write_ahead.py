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

import importlib
import logging
import threading
import weakref
from typing import TYPE_CHECKING

from mpn_desktop.lazy_modules import LazyModule
from mpn_desktop.store.database import Database

if TYPE_CHECKING:
    from mpn_desktop.store import records_sqlite
else:
    # Asked when an edit starts, not at start-up (the window is built before its reads).
    records_sqlite = LazyModule("mpn_desktop.store.records_sqlite")

log = logging.getLogger(__name__)

_PREPARED: weakref.WeakSet[Database] = weakref.WeakSet()
"""The databases whose write path a worker loads or loaded."""

_LOCK = threading.Lock()

IMPORTER_MODULES = (
    "mpn_desktop.importers.kinds",
    "mpn_desktop.importers.usage_import",
    "mpn_desktop.importers.planning",
)
"""What the import wizard opens with besides the write path (no Qt in them): 0.2-0.25 s on
the GUI thread after it was loaded, when ``exam_writing`` still imported SQLAlchemy's
PostgreSQL dialect on SQLite too (now only where PostgreSQL is written)."""

_IMPORTERS_ASKED = threading.Event()
"""Set once a worker was asked to load the importers (they are the same for every database)."""


def prepare_to_write(db: Database) -> threading.Thread | None:
    """Loads ``db``'s write path on a worker unless it is loaded or being loaded; the worker's
    thread (None: nothing to load)."""
    return _prepare(db, importers=False)


def prepare_to_import(db: Database) -> threading.Thread | None:
    """As ``prepare_to_write``, and the importers the wizard needs (once per process)."""
    return _prepare(db, importers=True)


def _prepare(db: Database, *, importers: bool) -> threading.Thread | None:
    with _LOCK:
        store = db not in _PREPARED and records_sqlite.reads_with_driver(db)
        if store:
            _PREPARED.add(db)
        modules = IMPORTER_MODULES if importers and not _IMPORTERS_ASKED.is_set() else ()
        if importers:
            _IMPORTERS_ASKED.set()
    if not store and not modules:
        return None
    worker = threading.Thread(
        target=_load, args=(db if store else None, modules), name="write-ahead", daemon=True
    )
    worker.start()
    return worker


def _load(db: Database | None, modules: tuple[str, ...]) -> None:
    from mpn_desktop.store.preload import preload

    try:
        if db is not None:
            preload(db)
        for name in modules:
            importlib.import_module(name)
    except Exception:  # the write itself loads it again and says what is wrong
        log.info("loading the store ahead of a write failed", exc_info=True)
