"""Applies the Alembic migrations shipped inside the package, programmatically."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic configuration pointing at the package's scripts (no alembic.ini)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def script_directory() -> ScriptDirectory:
    """The revision scripts of this version of the program."""
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    """The schema revision this version of the program writes."""
    head = script_directory().get_current_head()
    assert head is not None, "the package ships no migration"
    return head


def known_revisions() -> set[str]:
    """Every revision this version of the program knows (older ones and the head)."""
    return {script.revision for script in script_directory().walk_revisions()}


def current_revision(connection: Connection) -> str | None:
    """The revision recorded in the database, None for an empty one."""
    return MigrationContext.configure(connection).get_current_revision()


def upgrade(connection: Connection, revision: str = "head") -> None:
    """Brings the schema on ``connection`` up to ``revision`` inside its transaction."""
    command.upgrade(alembic_config(connection), revision)
