"""Applies the Alembic migrations shipped inside the package, programmatically.

Alembic itself (with its DDL modules, mako and pygments: a fifth of a second
and 11-17 MiB) is imported only when a migration must run. Opening a database
whose schema is current needs only the head revision, read here from the
revision scripts' own ``revision = ...`` lines, and the stored revision,
read with one Core query (a test checks both against Alembic's answers).
SQLAlchemy too is imported only when a connection is given: the revision
scripts' chain is read without it (a SQLite file's stored revision is read
with the sqlite3 driver, see ``sqlite_files``).
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory
    from sqlalchemy import Connection

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
VERSION_TABLE = "alembic_version"
"""Where Alembic records the revision (its default name, unchanged)."""


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic configuration pointing at the package's scripts (no alembic.ini)."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def script_directory() -> ScriptDirectory:
    """The revision scripts of this version of the program (imports Alembic)."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


@cache
def _revision_links() -> dict[str, str | None]:
    """Each shipped revision and the one it revises, read from the scripts' assignments."""
    links: dict[str, str | None] = {}
    for script in sorted((MIGRATIONS_DIR / "versions").glob("*.py")):
        if script.name.startswith("_"):
            continue  # __init__.py, as Alembic passes it over
        values: dict[str, object] = {}
        for node in ast.parse(script.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.Assign) and len(node.targets) == 1:
                target = node.targets[0]
                if isinstance(target, ast.Name) and target.id in ("revision", "down_revision"):
                    values[target.id] = ast.literal_eval(node.value)
        revision, down = values.get("revision"), values.get("down_revision")
        assert isinstance(revision, str), f"{script.name} names no revision"
        assert down is None or isinstance(down, str), f"{script.name}: one down_revision"
        links[revision] = down
    return links


def head_revision() -> str:
    """The schema revision this version of the program writes (the chain is linear)."""
    links = _revision_links()
    heads = set(links) - {down for down in links.values() if down is not None}
    assert len(heads) == 1, f"the migrations must form one chain, not heads {sorted(heads)}"
    return heads.pop()


def known_revisions() -> set[str]:
    """Every revision this version of the program knows (older ones and the head)."""
    return set(_revision_links())


def current_revision(connection: Connection) -> str | None:
    """The revision recorded in the database, None for an empty one."""
    from sqlalchemy import inspect, text

    if not inspect(connection).has_table(VERSION_TABLE):
        return None
    rows = connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).fetchall()
    if len(rows) > 1:
        # Several heads: Alembic's own refusal says what it makes of them.
        from alembic.runtime.migration import MigrationContext

        return MigrationContext.configure(connection).get_current_revision()
    return str(rows[0][0]) if rows else None


def upgrade(connection: Connection, revision: str = "head") -> None:
    """Brings the schema on ``connection`` up to ``revision`` inside its transaction."""
    from alembic import command

    command.upgrade(alembic_config(connection), revision)


def create_fresh_sqlite(connection: Connection) -> bool:
    """Gives a SQLite database with no tables at all the head schema in one go.

    Running the ten migrations on a brand-new file costs a fifth of a second
    (and Alembic's import); the statements they leave behind, snapshotted in
    ``fresh_schema``, build the very same schema at once (a test compares the
    two files). False, and nothing done, for any other database, or when the
    snapshot is not of the head revision (a migration added since: the
    migrations run instead until the snapshot is regenerated).
    """
    from mpn_desktop.store import fresh_schema

    if connection.dialect.name != "sqlite" or head_revision() != fresh_schema.REVISION:
        return False
    if connection.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar():
        return False
    for statement in fresh_schema.STATEMENTS:
        connection.exec_driver_sql(statement)
    connection.exec_driver_sql(
        f"INSERT INTO {VERSION_TABLE} (version_num) VALUES (?)", (fresh_schema.REVISION,)
    )
    return True
