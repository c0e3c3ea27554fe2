"""Fixtures of the importer tests: a small catalogue's look-up (``db`` comes from tests/helpers)."""

from __future__ import annotations

import pytest
from importer_helpers import SmallCatalog

from mpn_desktop.importers.catalog_lookup import CatalogLookup


@pytest.fixture
def lookup() -> CatalogLookup:
    """The importer's look-up over a small hand-made catalogue."""
    return CatalogLookup(SmallCatalog())
