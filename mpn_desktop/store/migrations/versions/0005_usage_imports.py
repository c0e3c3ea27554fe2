"""Usage imports: usage per service with paid seats and its source, imports of usage undone
exactly, and the associations CPOR and PAL.

- ``usage`` gains ``service`` ("" is the subscription's total), ``paid_seats``,
  ``source`` (where an imported row came from; "" when typed in) and
  ``import_batch_id``; its unique key becomes subscription, month, service
  and source. Existing rows keep their figures ("" service and source, 0 seats),
  so every result on existing data stays the same.
- ``customers`` and ``subscriptions`` gain ``import_batch_id`` (the import
  that created them, so that undoing it removes them again).
- ``import_batches`` records its ``kind`` (``exams`` for every existing one),
  the ``source`` kind of file, and what it replaced and created.
- ``replaced_usage`` keeps the rows an import replaced, to put them back.
- ``subscriptions.association`` accepts ``cpor`` and ``pal``.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_OLD_ASSOCIATIONS = ("dpor", "delegated_admin", "transacting", "fasttrack")
_NEW_ASSOCIATIONS = (*_OLD_ASSOCIATIONS, "cpor", "pal")


def _association(values: tuple[str, ...]) -> sa.Enum:
    return sa.Enum(
        *values, name="association", native_enum=False, create_constraint=True, length=32
    )


def _change_associations(old: tuple[str, ...], new: tuple[str, ...]) -> None:
    if op.get_bind().dialect.name == "sqlite":
        # SQLite cannot change a CHECK: batch mode rebuilds the table.
        with op.batch_alter_table("subscriptions", schema=None, recreate="always") as batch_op:
            batch_op.alter_column(
                "association",
                existing_type=_association(old),
                type_=_association(new),
                existing_nullable=False,
            )
        return
    # Elsewhere the CHECK is replaced in place: rebuilding the table would drop
    # its primary key, which usage's foreign key depends on.
    name = op.f("ck_subscriptions_association")
    op.drop_constraint(name, "subscriptions", type_="check")
    choices = ", ".join(f"'{value}'" for value in new)
    op.create_check_constraint(name, "subscriptions", f"association IN ({choices})")


def _batch_column(table: str) -> None:
    with op.batch_alter_table(table, schema=None) as batch_op:
        batch_op.add_column(sa.Column("import_batch_id", sa.Integer(), nullable=True))
        batch_op.create_index(
            batch_op.f(f"ix_{table}_import_batch_id"), ["import_batch_id"], unique=False
        )
        batch_op.create_foreign_key(
            batch_op.f(f"fk_{table}_import_batch_id_import_batches"),
            "import_batches",
            ["import_batch_id"],
            ["id"],
        )


def upgrade() -> None:
    with op.batch_alter_table("import_batches", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("kind", sa.String(length=16), server_default="exams", nullable=False)
        )
        batch_op.add_column(
            sa.Column("source", sa.String(length=40), server_default="", nullable=False)
        )
        for name in ("replaced_count", "customers_added_count", "subscriptions_added_count"):
            batch_op.add_column(sa.Column(name, sa.Integer(), server_default="0", nullable=False))
        batch_op.create_check_constraint(
            batch_op.f("ck_import_batches_kind_known"), "kind IN ('exams', 'usage')"
        )
    _batch_column("customers")
    _batch_column("subscriptions")
    _change_associations(_OLD_ASSOCIATIONS, _NEW_ASSOCIATIONS)
    _batch_column("usage")
    with op.batch_alter_table("usage", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("service", sa.String(length=200), server_default="", nullable=False)
        )
        batch_op.add_column(
            sa.Column("paid_seats", sa.Integer(), server_default="0", nullable=False)
        )
        batch_op.add_column(
            sa.Column("source", sa.String(length=80), server_default="", nullable=False)
        )
        batch_op.create_check_constraint(
            batch_op.f("ck_usage_paid_seats_not_negative"), "paid_seats >= 0"
        )
        batch_op.drop_constraint("uq_usage_subscription_id_month", type_="unique")
        batch_op.create_unique_constraint(
            batch_op.f("uq_usage_subscription_id_month_service_source"),
            ["subscription_id", "month", "service", "source"],
        )
    op.create_table(
        "replaced_usage",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("import_batch_id", sa.Integer(), nullable=False),
        sa.Column("usage_id", sa.Integer(), nullable=False),
        sa.Column("subscription_id", sa.Integer(), nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("consumption_usd", sa.Numeric(precision=14, scale=2), nullable=False),
        sa.Column("revenue_usd", sa.Numeric(precision=14, scale=2), nullable=False),
        sa.Column("active_users", sa.Integer(), nullable=False),
        sa.Column("service", sa.String(length=200), nullable=False),
        sa.Column("paid_seats", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=80), nullable=False),
        sa.Column("origin_batch_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["import_batch_id"],
            ["import_batches.id"],
            name=op.f("fk_replaced_usage_import_batch_id_import_batches"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["subscription_id"],
            ["subscriptions.id"],
            name=op.f("fk_replaced_usage_subscription_id_subscriptions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_replaced_usage")),
    )
    with op.batch_alter_table("replaced_usage", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_replaced_usage_import_batch_id"), ["import_batch_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_replaced_usage_subscription_id"), ["subscription_id"], unique=False
        )


def downgrade() -> None:
    op.drop_table("replaced_usage")
    # Rows of several services or sources for one month become the month's one row again.
    op.execute(
        "DELETE FROM usage WHERE id NOT IN "
        "(SELECT min(id) FROM usage GROUP BY subscription_id, month)"
    )
    with op.batch_alter_table("usage", schema=None) as batch_op:
        batch_op.drop_constraint("uq_usage_subscription_id_month_service_source", type_="unique")
        batch_op.create_unique_constraint(
            batch_op.f("uq_usage_subscription_id_month"), ["subscription_id", "month"]
        )
        batch_op.drop_constraint("ck_usage_paid_seats_not_negative", type_="check")
        for name in ("source", "paid_seats", "service"):
            batch_op.drop_column(name)
    op.execute("UPDATE subscriptions SET association = 'transacting' WHERE association = 'cpor'")
    op.execute("UPDATE subscriptions SET association = 'dpor' WHERE association = 'pal'")
    _change_associations(_NEW_ASSOCIATIONS, _OLD_ASSOCIATIONS)
    for table in ("usage", "subscriptions", "customers"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_constraint(
                f"fk_{table}_import_batch_id_import_batches", type_="foreignkey"
            )
            batch_op.drop_index(f"ix_{table}_import_batch_id")
            batch_op.drop_column("import_batch_id")
    with op.batch_alter_table("import_batches", schema=None) as batch_op:
        batch_op.drop_constraint("ck_import_batches_kind_known", type_="check")
        for name in (
            "subscriptions_added_count",
            "customers_added_count",
            "replaced_count",
            "source",
            "kind",
        ):
            batch_op.drop_column(name)
