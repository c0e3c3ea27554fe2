"""Fixtures of the store tests: a fresh database file in tmp_path, and one with the demo."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from mpn_desktop.store.database import Database
from mpn_desktop.store.sample import load_sample

DEMO_DAY = date(2018, 3, 15)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Where the test's database file lives."""
    return tmp_path / "tracker.sqlite3"


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    """A new, empty database file."""
    database = Database.open(f"sqlite:///{db_path}")
    yield database
    database.close()


@pytest.fixture
def demo_db(db: Database) -> Database:
    """The database holding the demo organisation, dated around 2018-03-15."""
    load_sample(db, DEMO_DAY)
    return db
