"""Import batches record what the user chose for the months a usage file brought only
some services of.

Such a usage import waits for a choice: the file's lines added to the months
(``add``) or the months replaced by them (``replace``). ``months_choice`` keeps
it with the import, so Past imports and ``imports`` say what was done. Imports
stored before read NULL, "not recorded" (an exam import, a usage file bringing
whole months, or an import made before the choice was recorded).

Revision ID: 0012
Revises: 0011
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("import_batches", schema=None) as batch_op:
        batch_op.add_column(sa.Column("months_choice", sa.String(length=16), nullable=True))
        batch_op.create_check_constraint(
            batch_op.f("ck_import_batches_months_choice_known"),
            "months_choice IN ('add', 'replace')",
        )


def downgrade() -> None:
    with op.batch_alter_table("import_batches", schema=None) as batch_op:
        batch_op.drop_constraint("ck_import_batches_months_choice_known", type_="check")
        batch_op.drop_column("months_choice")
