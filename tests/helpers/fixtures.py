"""The fixtures every test folder shares, under one set of names.

``catalog``   the shipped catalogue (``Catalog``), loaded once per session.
``backend``   "sqlite", or "postgresql" for the tests ``both_backends`` parametrizes.
``db_url``    the URL of a new, empty, migrated database of the test's ``backend``.
``db``        that database, open (``Database``).
``demo_day``  the day the demo organisation is dated around (folders may override it).
``demo_db``   a new database holding the demo organisation of ``demo_day``, open.
``db_path``   the file behind ``db`` or ``demo_db`` (SQLite only: mark the test sqlite_only).
``db_args``   the command-line options naming ``db_url`` (``--db FILE`` or ``--db-url URL``).
``postgres``  the session's PostgreSQL cluster (started on first use).
``own_postgres`` a PostgreSQL cluster of the test alone (it may stop and start it).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from helpers.databases import PostgresTemplates, SqliteTemplates
from helpers.postgres import PostgresCluster, server_bin_dir
from mpn_desktop.domain.catalog import Catalog
from mpn_desktop.store.database import Database
from mpn_desktop.store.engine import sqlite_path

DEMO_DAY = date(2018, 3, 15)
"""The day the demo organisation is dated around unless a folder says otherwise."""

BACKENDS = ("sqlite", "postgresql")

# Where a test that takes a database runs on both backends (unless marked
# sqlite_only): the store, the importers and the commands, which are what
# talks to the database. The window's tests run on SQLite alone: the store
# they call is the same, and twice the GUI suite would double CI's time.
_BOTH_BACKENDS_UNDER = ("store", "importers")
_BOTH_BACKENDS_MODULES = ("test_cmd_",)


def runs_on_both_backends(item_path: Path, tests_root: Path, sqlite_only: bool) -> bool:
    """Whether a test module's tests that take a database are run on PostgreSQL too."""
    if sqlite_only:
        return False
    relative = item_path.relative_to(tests_root)
    if relative.parts[0] in _BOTH_BACKENDS_UNDER:
        return True
    return len(relative.parts) == 1 and relative.name.startswith(_BOTH_BACKENDS_MODULES)


def parametrize_backends(metafunc: pytest.Metafunc, tests_root: Path) -> None:
    """Runs a test that takes a database once per backend where ``runs_on_both_backends``."""
    if "backend" not in metafunc.fixturenames:
        return
    sqlite_only = metafunc.definition.get_closest_marker("sqlite_only") is not None
    if runs_on_both_backends(metafunc.definition.path, tests_root, sqlite_only):
        metafunc.parametrize(
            "backend",
            ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)],
            scope="function",
        )


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    """The shipped 2017-2018 catalogue."""
    from mpn_desktop.catalog_files import load_catalog

    return load_catalog()


@pytest.fixture(scope="session")
def sqlite_templates(tmp_path_factory: pytest.TempPathFactory) -> SqliteTemplates:
    """The session's migrated SQLite templates (built on first use)."""
    return SqliteTemplates(tmp_path_factory.mktemp("templates"))


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresCluster]:
    """A throwaway PostgreSQL cluster for the session, on a socket in a temp folder.

    Without PostgreSQL's server programs or psycopg the tests that need it
    skip, except in CI (``CI`` set), where they fail: there they must run.
    """
    yield from _started_cluster()


@pytest.fixture
def own_postgres() -> Iterator[PostgresCluster]:
    """A cluster of the test alone, for a test that stops and starts it again
    (``pause``/``resume``, as a restarted server): the session's is shared."""
    yield from _started_cluster()


def _started_cluster() -> Iterator[PostgresCluster]:
    problem = _why_no_postgres()
    if problem:
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the PostgreSQL tests, but {problem}", pytrace=False)
        pytest.skip(problem)
    bin_dir = server_bin_dir()
    assert bin_dir is not None
    cluster = PostgresCluster(bin_dir)
    try:
        cluster.start()
        yield cluster
    finally:
        cluster.stop()


def _why_no_postgres() -> str | None:
    if server_bin_dir() is None:
        return "PostgreSQL's server (initdb, pg_ctl) is not installed (Debian: postgresql)"
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return "psycopg is not installed (pip install mpn-desktop[postgres])"
    return None


@pytest.fixture(scope="session")
def postgres_templates(postgres: PostgresCluster) -> PostgresTemplates:
    """The session's template databases on the cluster (built on first use)."""
    return PostgresTemplates(postgres)


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
def db_url(backend: str, request: pytest.FixtureRequest) -> Iterator[str]:
    """A new, empty database at head, copied from the template."""
    yield from _fresh_database(backend, request, None)


@pytest.fixture
def db_args(db_url: str) -> list[str]:
    """The command-line options naming the test's new database."""
    return cli_options(db_url)


def cli_options(url: str) -> list[str]:
    """``--db FILE`` for a SQLite file, ``--db-url URL`` for any other database."""
    path = sqlite_path(url)
    return ["--db", str(path)] if path is not None else ["--db-url", url]


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    """A new, empty database, open."""
    database = Database.open(db_url)
    yield database
    database.close()


@pytest.fixture
def demo_db(backend: str, request: pytest.FixtureRequest, demo_day: date) -> Iterator[Database]:
    """A new database holding the demo organisation dated around ``demo_day``, open."""
    for url in _fresh_database(backend, request, demo_day):
        database = Database.open(url)
        yield database
        database.close()


def _fresh_database(
    backend: str, request: pytest.FixtureRequest, demo_day: date | None
) -> Iterator[str]:
    if backend == "sqlite":
        templates: SqliteTemplates = request.getfixturevalue("sqlite_templates")
        yield templates.copy_to(request.getfixturevalue("db_path"), demo_day)
    elif backend == "postgresql":
        postgres_templates: PostgresTemplates = request.getfixturevalue("postgres_templates")
        url = postgres_templates.copy(demo_day)
        yield url
        postgres_templates.drop(url)
    else:
        raise pytest.UsageError(f"no such backend: {backend}")
