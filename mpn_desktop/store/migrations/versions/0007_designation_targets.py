"""Targets may name a Solutions Partner designation: a table of their own.

A competency target has a level (silver or gold); a designation has none, so
the designations the organisation aims for are kept beside the competency
targets rather than in their table. Nothing else changes.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "designation_targets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("designation", sa.String(length=80), nullable=False),
        sa.CheckConstraint(
            "designation <> ''", name=op.f("ck_designation_targets_designation_not_empty")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_designation_targets")),
        sa.UniqueConstraint("designation", name=op.f("uq_designation_targets_designation")),
    )


def downgrade() -> None:
    op.drop_table("designation_targets")
