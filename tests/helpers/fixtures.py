"""The fixtures every test folder shares, under one set of names.

``catalog``   the shipped catalogue (``Catalog``), loaded once per session.
``db_url``    the URL of a new, empty, migrated database of the test's ``backend``.
``db``        that database, open (``Database``).
``demo_day``  the day the demo organisation is dated around (folders may override it).
``demo_db``   a database holding the demo organisation of ``demo_day``.
``db_path``   the file behind ``db`` (SQLite only).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from helpers.databases import SqliteTemplates
from mpn_desktop.domain.catalog import Catalog
from mpn_desktop.store.database import Database

DEMO_DAY = date(2018, 3, 15)
"""The day the demo organisation is dated around unless a folder says otherwise."""


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    """The shipped 2017-2018 catalogue."""
    from mpn_desktop.catalog_files import load_catalog

    return load_catalog()


@pytest.fixture(scope="session")
def sqlite_templates(tmp_path_factory: pytest.TempPathFactory) -> SqliteTemplates:
    """The session's migrated SQLite templates (built on first use)."""
    return SqliteTemplates(tmp_path_factory.mktemp("templates"))


@pytest.fixture
def backend() -> str:
    """The database the test runs on; store, importer and command tests run on both."""
    return "sqlite"


@pytest.fixture
def demo_day() -> date:
    """The day the demo organisation is dated around."""
    return DEMO_DAY


@pytest.fixture
def db_path(backend: str, tmp_path: Path) -> Path:
    """Where the test's SQLite file lives."""
    if backend != "sqlite":
        raise pytest.UsageError("a test using db_path works on a file: mark it sqlite_only")
    return tmp_path / "tracker.sqlite3"


@pytest.fixture
def db_url(backend: str, request: pytest.FixtureRequest, sqlite_templates: SqliteTemplates) -> str:
    """A new, empty database at head, copied from the template."""
    return _fresh_url(backend, request, sqlite_templates, None)


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    """A new, empty database, open."""
    database = Database.open(db_url)
    yield database
    database.close()


@pytest.fixture
def demo_db(
    backend: str, request: pytest.FixtureRequest, sqlite_templates: SqliteTemplates, demo_day: date
) -> Iterator[Database]:
    """A database holding the demo organisation dated around ``demo_day``."""
    database = Database.open(_fresh_url(backend, request, sqlite_templates, demo_day))
    yield database
    database.close()


def _fresh_url(
    backend: str,
    request: pytest.FixtureRequest,
    sqlite_templates: SqliteTemplates,
    demo_day: date | None,
) -> str:
    if backend == "sqlite":
        path: Path = request.getfixturevalue("db_path")
        return sqlite_templates.copy_to(path, demo_day)
    raise pytest.UsageError(f"no such backend: {backend}")
