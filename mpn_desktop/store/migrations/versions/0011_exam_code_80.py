"""Exam results' exam code holds 80 characters instead of 40.

A designation certification is kept under the shorter of its name and id
written as a code; 23 of the shipped ones (mostly Dynamics 365 and
Microsoft 365: D365-SUPPLY-CHAIN-FUNCTIONAL-CONSULTANT-ASSOCIATE, 49) are
longer than 40 both ways, so their records could not be stored at all.
The longest shipped spelling, id or name, is 75. Widening keeps every row.

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # SQLite: batch mode rebuilds the table with the wider column (rows, ids and the
    # unique index kept); PostgreSQL alters the column's type in place.
    with op.batch_alter_table("exam_results", schema=None) as batch_op:
        batch_op.alter_column(
            "exam_code",
            existing_type=sa.String(length=40),
            type_=sa.String(length=80),
            existing_nullable=False,
        )


def downgrade() -> None:
    # PostgreSQL refuses while a code longer than 40 characters is stored (none is
    # deleted for it); SQLite does not enforce the length.
    with op.batch_alter_table("exam_results", schema=None) as batch_op:
        batch_op.alter_column(
            "exam_code",
            existing_type=sa.String(length=80),
            type_=sa.String(length=40),
            existing_nullable=False,
        )
