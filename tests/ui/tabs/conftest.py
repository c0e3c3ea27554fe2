"""Fixtures for the step tabs: a real SQLite file with the sample organisation, and a context."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from mpn_desktop.store.database import Database
from mpn_desktop.store.sample import load_sample

AS_OF = date(2018, 3, 1)


def shipped_catalog() -> Any:
    """The shipped catalogue, or None while the catalogue module is not there."""
    try:
        from mpn_desktop.catalog_files import load_catalog
    except ImportError:
        return None
    return load_catalog()


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    """A database file holding the sample organisation as of 2018-03-01."""
    database = Database.open(f"sqlite:///{tmp_path / 'tracker.sqlite3'}")
    load_sample(database, AS_OF)
    yield database
    database.close()


@pytest.fixture
def context(db: Database, qtbot: Any) -> Any:
    """An application context over ``db``; every tab made with it gets its changes."""
    from mpn_desktop.ui.context import AppContext

    return AppContext(db, shipped_catalog(), AS_OF)
