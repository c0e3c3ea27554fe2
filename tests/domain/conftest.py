"""Fixtures of the rules-engine tests: the shipped catalogue, loaded once."""

from __future__ import annotations

import pytest

from mpn_desktop.catalog_files import load_catalog
from mpn_desktop.domain.catalog import Catalog


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    """The shipped 2017-2018 catalogue."""
    return load_catalog()
