"""Fixtures of the hostile suite: a database with the demo organisation, the attacks' target."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from mpn_desktop.store.database import Database
from mpn_desktop.store.sample import load_sample

DEMO_DAY = date(2018, 3, 15)


@pytest.fixture
def demo_path(tmp_path: Path) -> Path:
    """A closed database file holding the demo organisation (its WAL checkpointed away)."""
    path = tmp_path / "data" / "tracker.sqlite3"
    path.parent.mkdir()
    with Database.open(f"sqlite:///{path}") as db:
        load_sample(db, DEMO_DAY)
    return path
