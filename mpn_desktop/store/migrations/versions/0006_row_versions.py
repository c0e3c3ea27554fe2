"""Every table a user edits row by row gets a version column (SQLAlchemy's ``version_id_col``).

An edit or an undo names the row's id and the version it saw, and is refused
when the row changed (or was replaced by a ``load --replace``) meanwhile.
Rows already there get version 0; every later write gives a random one.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_TABLES = (
    "organization",
    "customers",
    "subscriptions",
    "usage",
    "people",
    "exam_results",
    "customer_references",
    "fee_payments",
)


def upgrade() -> None:
    for table in _TABLES:
        # ADD COLUMN with a default: no copy of the table, on SQLite as elsewhere.
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(
                sa.Column("version", sa.BigInteger(), server_default=sa.text("0"), nullable=False)
            )


def downgrade() -> None:
    for table in _TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("version")
