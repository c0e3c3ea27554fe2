"""Test databases copied from a migrated template instead of migrated for every test.

Running the migrations costs 0.1-0.4 s per database, copying a migrated file
0.02-0.04 s; loading the demo organisation costs as much again, so a template
is also kept per demo day. A template is built once per test session, the
first time a test asks for it, through ``Database.open`` and ``load_sample``
as the program does, so a copy is exactly what the program would have made.
On PostgreSQL the templates are databases of the session's cluster, copied
with ``CREATE DATABASE ... TEMPLATE``.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from sqlalchemy.engine import make_url

from helpers.postgres import PostgresCluster
from mpn_desktop.store.database import Database
from mpn_desktop.store.sample import load_sample


def _build(url: str, demo_day: date | None) -> None:
    """Migrates the database at ``url`` and loads the demo of ``demo_day`` into it (if a day
    is given), as the program does; closed afterwards."""
    with Database.open(url) as database:
        if demo_day is not None:
            load_sample(database, demo_day)


class SqliteTemplates:
    """Migrated SQLite files (empty, or holding the demo of one day) to copy per test."""

    def __init__(self, folder: Path) -> None:
        self._folder = folder
        self._made: dict[date | None, Path] = {}

    def template(self, demo_day: date | None = None) -> Path:
        """The template file: empty when ``demo_day`` is None, else the demo of that day."""
        made = self._made.get(demo_day)
        if made is not None:
            return made
        name = "empty" if demo_day is None else f"demo-{demo_day.isoformat()}"
        path = self._folder / f"{name}.sqlite3"
        _build(f"sqlite:///{path}", demo_day)
        # Closing the last connection checkpointed the WAL: the file alone is the database.
        self._made[demo_day] = path
        return path

    def copy_to(self, path: Path, demo_day: date | None = None) -> str:
        """Copies a template to ``path`` (owner-only, as the program creates it); its URL."""
        shutil.copyfile(self.template(demo_day), path)
        path.chmod(0o600)
        return f"sqlite:///{path}"


class PostgresTemplates:
    """Template databases of the session's cluster (empty, or the demo of one day) to copy."""

    def __init__(self, cluster: PostgresCluster) -> None:
        self.cluster = cluster
        self._made: dict[date | None, str] = {}

    def template(self, demo_day: date | None = None) -> str:
        """The template database's name, built on first use."""
        made = self._made.get(demo_day)
        if made is not None:
            return made
        name = "tmpl_empty" if demo_day is None else f"tmpl_demo_{demo_day:%Y%m%d}"
        self.cluster.create_database(name=name)
        _build(self.cluster.url(name), demo_day)
        # A template must have no open connection while it is copied: closed above.
        self._made[demo_day] = name
        return name

    def copy(self, demo_day: date | None = None) -> str:
        """A new database copied from a template; its URL (drop it with ``drop``)."""
        return self.cluster.url(self.cluster.create_database(self.template(demo_day)))

    def drop(self, url: str) -> None:
        """Drops a database ``copy`` made."""
        name = make_url(url).database
        assert name, url
        self.cluster.drop_database(name)
