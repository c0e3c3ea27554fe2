"""Subscriptions' trial and people's associated flag hold only true or false (a CHECK each).

Where the database has no boolean type of its own (SQLite) a flag is an
integer, and another tool writing 2 or 'yes' into it went unnoticed. The
program writes only 0 and 1; any other value, which the program read as
true, is first stored as 1, so no database is left unable to open.
A database with native booleans (PostgreSQL) needs, and gets, no CHECK.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_FLAGS = (("subscriptions", "trial"), ("people", "associated"))


def upgrade() -> None:
    if op.get_bind().dialect.supports_native_boolean:
        return  # the column's own type holds only true and false
    for table, column in _FLAGS:
        op.execute(f"UPDATE {table} SET {column} = 1 WHERE {column} NOT IN (0, 1)")
        with op.batch_alter_table(table, schema=None, recreate="always") as batch_op:
            batch_op.alter_column(
                column,
                existing_type=sa.Boolean(),
                type_=sa.Boolean(
                    create_constraint=True, name=op.f(f"ck_{table}_{column}_is_boolean")
                ),
                existing_nullable=False,
            )


def downgrade() -> None:
    if op.get_bind().dialect.supports_native_boolean:
        return
    for table, column in _FLAGS:
        with op.batch_alter_table(table, schema=None, recreate="always") as batch_op:
            batch_op.alter_column(
                column,
                existing_type=sa.Boolean(
                    create_constraint=True, name=op.f(f"ck_{table}_{column}_is_boolean")
                ),
                type_=sa.Boolean(),
                existing_nullable=False,
            )
