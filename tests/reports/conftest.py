"""Fixtures of the checklist tests: the demo organisation's facts (``catalog``: tests/helpers)."""

from __future__ import annotations

import pytest

from mpn_desktop.domain.facts import Facts
from mpn_desktop.store.database import Database
from mpn_desktop.store.facts_loader import load_facts


@pytest.fixture
def demo_facts(demo_db: Database) -> Facts:
    """The demo organisation, stored in a real SQLite file and read back."""
    return load_facts(demo_db)


@pytest.fixture
def empty_facts(db: Database) -> Facts:
    """What a new, empty database holds."""
    return load_facts(db)
