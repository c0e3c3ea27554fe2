"""What the window's first reads need, imported ahead of them on a worker thread (start-up).

The window is painted before SQLAlchemy and its ORM are imported (a third of
start-up, issue 15); while the user looks at it, a worker imports the store's
modules the tabs and the status panel read with, and makes the engine, so
the first reads on the GUI thread find them loaded.
"""

from __future__ import annotations

import importlib

from mpn_desktop.store.collector import collector_paused
from mpn_desktop.store.database import Database

MODULES = (
    "mpn_desktop.store.records",
    "mpn_desktop.store.facts_loader",
    "mpn_desktop.store.usage_cells",
    "mpn_desktop.store.outside_changes",
)
"""The modules of the first reads: the tabs' records, the facts, the usage grid, the watch."""


def preload(db: Database) -> None:
    """Imports ``MODULES`` and makes ``db``'s engine with its mappers configured."""
    # Nothing imported is garbage: the collector's passes over the growing heap of
    # modules would only cost time (as at start-up, which runs without it).
    with collector_paused():
        for name in MODULES:
            importlib.import_module(name)
        from sqlalchemy.orm import configure_mappers

        configure_mappers()
        db.engine  # noqa: B018 (made here, off the GUI thread)
