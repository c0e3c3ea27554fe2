"""Fixtures for the step tabs: a context over the sample organisation (``demo_db``)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from mpn_desktop.domain.catalog import Catalog
from mpn_desktop.store.database import Database


@pytest.fixture
def context(demo_db: Database, catalog: Catalog, demo_day: date, qtbot: Any) -> Any:
    """An application context over ``demo_db``; every tab made with it gets its changes."""
    from mpn_desktop.ui.context import AppContext

    return AppContext(demo_db, catalog, demo_day)
