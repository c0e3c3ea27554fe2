"""A contact for each customer reference; people remember the import that created them.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from typing import Literal

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _recreate() -> Literal["always", "auto"]:
    # SQLite cannot add a foreign key to an existing table: batch mode rebuilds
    # "people" (the store runs migrations with foreign keys off, then checks them).
    # Other databases alter the table in place: rebuilding it would drop its
    # primary key, which exam_results' foreign key depends on.
    return "always" if op.get_bind().dialect.name == "sqlite" else "auto"


def upgrade() -> None:
    with op.batch_alter_table("customer_references", schema=None) as batch_op:
        batch_op.add_column(sa.Column("contact", sa.Text(), nullable=False, server_default=""))
    with op.batch_alter_table("people", schema=None, recreate=_recreate()) as batch_op:
        batch_op.add_column(sa.Column("import_batch_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_people_import_batch_id_import_batches"),
            "import_batches",
            ["import_batch_id"],
            ["id"],
        )
        batch_op.create_index(
            batch_op.f("ix_people_import_batch_id"), ["import_batch_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("people", schema=None, recreate=_recreate()) as batch_op:
        batch_op.drop_index(batch_op.f("ix_people_import_batch_id"))
        batch_op.drop_constraint(
            batch_op.f("fk_people_import_batch_id_import_batches"), type_="foreignkey"
        )
        batch_op.drop_column("import_batch_id")
    with op.batch_alter_table("customer_references", schema=None) as batch_op:
        batch_op.drop_column("contact")
