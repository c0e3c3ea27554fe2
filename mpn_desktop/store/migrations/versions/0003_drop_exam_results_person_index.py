"""Exam results lose the index on person_id alone: the unique key already starts with it.

The unique constraint (person_id, exam_code, passed_on) serves every look-up
by person and the cascade from people; a second index on its leading column
only made each inserted exam record update one more B-tree (a fifth of the
insert time of an import).

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index(op.f("ix_exam_results_person_id"), table_name="exam_results")


def downgrade() -> None:
    op.create_index(op.f("ix_exam_results_person_id"), "exam_results", ["person_id"], unique=False)
