"""Fixtures of the importer tests: a small catalogue and a fresh database."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from importer_helpers import SmallCatalog

from mpn_desktop.importers.catalog_lookup import CatalogLookup
from mpn_desktop.store.database import Database


@pytest.fixture
def catalog() -> CatalogLookup:
    return CatalogLookup(SmallCatalog())


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = Database.open(f"sqlite:///{tmp_path / 'tracker.sqlite3'}")
    yield database
    database.close()
