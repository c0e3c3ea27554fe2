"""Fixtures of the checklist tests: the shipped catalogue and the demo organisation's facts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from checklist_helpers import AS_OF

from mpn_desktop.domain.facts import Facts
from mpn_desktop.store.database import Database
from mpn_desktop.store.facts_loader import load_facts
from mpn_desktop.store.sample import load_sample


@pytest.fixture(scope="session")
def catalog() -> Any:
    """The catalogue that ships with the program."""
    from mpn_desktop.catalog_files import load_catalog

    return load_catalog()


@pytest.fixture
def demo_facts(tmp_path: Path) -> Facts:
    """The demo organisation, stored in a real SQLite file and read back."""
    with Database.open(f"sqlite:///{tmp_path / 'demo.sqlite3'}") as db:
        load_sample(db, AS_OF)
        return load_facts(db)


@pytest.fixture
def empty_facts(tmp_path: Path) -> Facts:
    """What a new, empty database holds."""
    with Database.open(f"sqlite:///{tmp_path / 'empty.sqlite3'}") as db:
        return load_facts(db)
