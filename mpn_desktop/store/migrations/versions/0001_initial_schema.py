"""Initial schema: organisation, targets, customers, subscriptions, usage, people, exams,
references, fee payments and import batches.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "customers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("tenant_id", sa.String(length=80), nullable=True),
        sa.CheckConstraint("name <> ''", name=op.f("ck_customers_name_not_empty")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_customers")),
        sa.UniqueConstraint("name", name=op.f("uq_customers_name")),
    )
    op.create_table(
        "fee_payments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("membership_year_start", sa.Date(), nullable=False),
        sa.Column(
            "level",
            sa.Enum(
                "silver", "gold", name="level", native_enum=False, create_constraint=True, length=32
            ),
            nullable=False,
        ),
        sa.Column("amount_usd", sa.Numeric(precision=14, scale=2), nullable=False),
        sa.Column("paid_on", sa.Date(), nullable=True),
        sa.CheckConstraint("amount_usd >= 0", name=op.f("ck_fee_payments_amount_not_negative")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fee_payments")),
    )
    op.create_table(
        "import_batches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.String(length=500), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.Column("added_count", sa.Integer(), nullable=False),
        sa.Column("duplicate_count", sa.Integer(), nullable=False),
        sa.Column("error_count", sa.Integer(), nullable=False),
        sa.Column("people_added_count", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "added_count >= 0 AND duplicate_count >= 0 AND error_count >= 0 "
            "AND people_added_count >= 0",
            name=op.f("ck_import_batches_counts_not_negative"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_batches")),
    )
    op.create_table(
        "organization",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("mpn_id", sa.String(length=40), nullable=False),
        sa.Column(
            "market",
            sa.Enum(
                "developed",
                "developing",
                name="market",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("anniversary", sa.Date(), nullable=True),
        sa.CheckConstraint("name <> ''", name=op.f("ck_organization_name_not_empty")),
        sa.CheckConstraint("id = 1", name=op.f("ck_organization_single_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_organization")),
    )
    op.create_table(
        "targets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("competency", sa.String(length=80), nullable=False),
        sa.Column(
            "level",
            sa.Enum(
                "silver", "gold", name="level", native_enum=False, create_constraint=True, length=32
            ),
            nullable=False,
        ),
        sa.CheckConstraint("competency <> ''", name=op.f("ck_targets_competency_not_empty")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_targets")),
        sa.UniqueConstraint("competency", name=op.f("uq_targets_competency")),
    )
    op.create_table(
        "customer_references",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("competency", sa.String(length=80), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "draft",
                "submitted",
                "customer_approved",
                "approved",
                "auto_approved",
                "declined",
                name="reference_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("submitted_on", sa.Date(), nullable=True),
        sa.Column("approved_on", sa.Date(), nullable=True),
        sa.CheckConstraint(
            "competency <> ''", name=op.f("ck_customer_references_competency_not_empty")
        ),
        sa.CheckConstraint(
            "approved_on IS NULL OR submitted_on IS NULL OR approved_on >= submitted_on",
            name=op.f("ck_customer_references_approved_after_submitted"),
        ),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customers.id"],
            name=op.f("fk_customer_references_customer_id_customers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_customer_references")),
    )
    with op.batch_alter_table("customer_references", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_customer_references_customer_id"), ["customer_id"], unique=False
        )

    op.create_table(
        "people",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=False),
        sa.Column("mcp_id", sa.String(length=40), nullable=False),
        sa.Column("associated", sa.Boolean(), nullable=False),
        sa.Column("left_on", sa.Date(), nullable=True),
        sa.CheckConstraint("mcp_id <> ''", name=op.f("ck_people_mcp_id_not_empty")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_people")),
        sa.UniqueConstraint("mcp_id", name=op.f("uq_people_mcp_id")),
    )
    op.create_table(
        "subscriptions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("external_id", sa.String(length=80), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column(
            "workload",
            sa.Enum(
                "azure",
                "office365",
                "dynamics-crm",
                "ems",
                name="workload",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "association",
            sa.Enum(
                "dpor",
                "delegated_admin",
                "transacting",
                "fasttrack",
                name="association",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("associated_on", sa.Date(), nullable=False),
        sa.Column("started_on", sa.Date(), nullable=False),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("trial", sa.Boolean(), nullable=False),
        sa.CheckConstraint(
            "external_id <> ''", name=op.f("ck_subscriptions_external_id_not_empty")
        ),
        sa.CheckConstraint(
            "ended_on IS NULL OR ended_on >= started_on",
            name=op.f("ck_subscriptions_ends_after_start"),
        ),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customers.id"],
            name=op.f("fk_subscriptions_customer_id_customers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_subscriptions")),
        sa.UniqueConstraint("external_id", name=op.f("uq_subscriptions_external_id")),
    )
    with op.batch_alter_table("subscriptions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_subscriptions_customer_id"), ["customer_id"], unique=False
        )

    op.create_table(
        "exam_results",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("exam_code", sa.String(length=40), nullable=False),
        sa.Column("exam_title", sa.String(length=300), nullable=False),
        sa.Column("passed_on", sa.Date(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "exam",
                "assessment",
                "certification",
                name="credential_kind",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("import_batch_id", sa.Integer(), nullable=True),
        sa.CheckConstraint("exam_code <> ''", name=op.f("ck_exam_results_exam_code_not_empty")),
        sa.ForeignKeyConstraint(
            ["import_batch_id"],
            ["import_batches.id"],
            name=op.f("fk_exam_results_import_batch_id_import_batches"),
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["people.id"],
            name=op.f("fk_exam_results_person_id_people"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exam_results")),
        sa.UniqueConstraint(
            "person_id",
            "exam_code",
            "passed_on",
            name=op.f("uq_exam_results_person_id_exam_code_passed_on"),
        ),
    )
    with op.batch_alter_table("exam_results", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_exam_results_import_batch_id"), ["import_batch_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_exam_results_person_id"), ["person_id"], unique=False)

    op.create_table(
        "usage",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("subscription_id", sa.Integer(), nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("consumption_usd", sa.Numeric(precision=14, scale=2), nullable=False),
        sa.Column("revenue_usd", sa.Numeric(precision=14, scale=2), nullable=False),
        sa.Column("active_users", sa.Integer(), nullable=False),
        sa.CheckConstraint("active_users >= 0", name=op.f("ck_usage_active_users_not_negative")),
        sa.CheckConstraint("consumption_usd >= 0", name=op.f("ck_usage_consumption_not_negative")),
        sa.CheckConstraint("revenue_usd >= 0", name=op.f("ck_usage_revenue_not_negative")),
        sa.ForeignKeyConstraint(
            ["subscription_id"],
            ["subscriptions.id"],
            name=op.f("fk_usage_subscription_id_subscriptions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_usage")),
        sa.UniqueConstraint(
            "subscription_id", "month", name=op.f("uq_usage_subscription_id_month")
        ),
    )
    with op.batch_alter_table("usage", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_usage_subscription_id"), ["subscription_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("usage", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_usage_subscription_id"))

    op.drop_table("usage")
    with op.batch_alter_table("exam_results", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_exam_results_person_id"))
        batch_op.drop_index(batch_op.f("ix_exam_results_import_batch_id"))

    op.drop_table("exam_results")
    with op.batch_alter_table("subscriptions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_subscriptions_customer_id"))

    op.drop_table("subscriptions")
    op.drop_table("people")
    with op.batch_alter_table("customer_references", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_customer_references_customer_id"))

    op.drop_table("customer_references")
    op.drop_table("targets")
    op.drop_table("organization")
    op.drop_table("import_batches")
    op.drop_table("fee_payments")
    op.drop_table("customers")
