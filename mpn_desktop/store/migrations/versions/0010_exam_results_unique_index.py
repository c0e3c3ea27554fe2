"""Exam results' unique key (person, code, day) becomes a unique index instead of a constraint.

The key is the same and keeps its name. SQLite cannot drop the index behind
a table constraint, but it can drop a unique index: a first import into an
empty table then inserts its rows without it and builds it once from sorted
rows, instead of a million inserts into it in random key order.

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

_NAME = "uq_exam_results_person_id_exam_code_passed_on"
_KEY = ["person_id", "exam_code", "passed_on"]


def upgrade() -> None:
    # SQLite: batch mode rebuilds the table without the constraint (rows and ids
    # kept); PostgreSQL drops the constraint in place.
    with op.batch_alter_table("exam_results", schema=None) as batch_op:
        batch_op.drop_constraint(_NAME, type_="unique")
    op.create_index(_NAME, "exam_results", _KEY, unique=True)


def downgrade() -> None:
    op.drop_index(_NAME, table_name="exam_results")
    with op.batch_alter_table("exam_results", schema=None) as batch_op:
        batch_op.create_unique_constraint(_NAME, _KEY)
