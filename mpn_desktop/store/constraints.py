"""Turns a database constraint violation into a sentence a person understands."""

from __future__ import annotations

import re
from functools import cache

from sqlalchemy import PrimaryKeyConstraint, UniqueConstraint
from sqlalchemy.exc import IntegrityError

from mpn_desktop.store.models import Base
from mpn_desktop.store.schema_fields import field_label

# Keyed by what the database names: a unique column list or a CHECK constraint name.
_UNIQUE = {
    "organization.id": "there is already an organisation",
    "targets.competency": "that competency is already a target",
    "customers.name": "there is already a customer of that name",
    "subscriptions.external_id": "there is already a subscription with that id",
    "usage.subscription_id, usage.month, usage.service, usage.source": (
        "that subscription already has usage for that month"
    ),
    "people.mcp_id": "another person already has that MCP ID",
    "exam_results.person_id, exam_results.exam_code, exam_results.passed_on": (
        "that person already has that exam on that day"
    ),
}

_CHECKS = {
    "ck_organization_single_row": "there can be only one organisation",
    "ck_organization_name_not_empty": "Name: the organisation needs a name",
    "ck_targets_competency_not_empty": "Competency: a target needs a competency",
    "ck_customers_name_not_empty": "Name: a customer needs a name",
    "ck_subscriptions_external_id_not_empty": "Subscription ID: a subscription needs one",
    "ck_subscriptions_trial_is_boolean": "Trial: must be true or false",
    "ck_subscriptions_ends_after_start": "Ended on: a subscription cannot end before it started",
    "ck_usage_consumption_not_negative": "Consumption: consumption cannot be negative",
    "ck_usage_revenue_not_negative": "Revenue: revenue cannot be negative",
    "ck_usage_active_users_not_negative": "Active users: active users cannot be negative",
    "ck_people_associated_is_boolean": "Associated: must be true or false",
    "ck_people_mcp_id_not_empty": "MCP ID: a person needs an MCP ID",
    "ck_exam_results_exam_code_not_empty": "Exam code: an exam result needs an exam code",
    "ck_customer_references_competency_not_empty": "Competency: a reference needs a competency",
    "ck_customer_references_approved_after_submitted": (
        "Approved on: a reference cannot be approved before it was submitted"
    ),
    "ck_fee_payments_amount_not_negative": "Amount: a fee cannot be negative",
    "ck_import_batches_counts_not_negative": "an import cannot count fewer than 0 rows",
}

_UNIQUE_RE = re.compile(r"UNIQUE constraint failed: (.+)$", re.MULTILINE)
_CHECK_RE = re.compile(r"CHECK constraint failed: (\w+)")


# PostgreSQL's SQLSTATE classes of integrity violations (psycopg's error.sqlstate).
_PG_NOT_NULL, _PG_FOREIGN_KEY, _PG_UNIQUE, _PG_CHECK = "23502", "23503", "23505", "23514"


def describe_violation(error: IntegrityError) -> str:
    """The rule a write broke, in the user's words."""
    sqlstate = getattr(error.orig, "sqlstate", None)
    if sqlstate is not None:
        return _describe_postgres(error.orig, sqlstate)
    text = str(error.orig)
    unique = _UNIQUE_RE.search(text)
    if unique:
        return _UNIQUE.get(unique.group(1).strip(), "that record exists already")
    check = _CHECK_RE.search(text)
    if check:
        name = check.group(1)
        if name in _CHECKS:
            return _CHECKS[name]
        # The enumerations' CHECKs are named ck_<table>_<enum name>.
        return f"a value is not one of the allowed choices ({name})"
    if "FOREIGN KEY" in text:
        return "the record refers to something that does not exist, or is still in use"
    if "NOT NULL" in text:
        column = text.rsplit(":", 1)[-1].strip()
        return f"{field_label(column.split('.')[-1])}: a value is required"
    return f"the change breaks a rule of the database ({text})"


@cache
def _unique_columns_by_name() -> dict[str, str]:
    """Each unique or primary key's name -> its columns, as SQLite names them ("t.a, t.b")."""
    found: dict[str, str] = {}
    for table in Base.metadata.tables.values():
        for constraint in table.constraints:
            if isinstance(constraint, UniqueConstraint | PrimaryKeyConstraint) and constraint.name:
                columns = ", ".join(f"{table.name}.{column.name}" for column in constraint.columns)
                found[str(constraint.name)] = columns
        for index in table.indexes:
            if index.unique and index.name:
                columns = ", ".join(f"{table.name}.{column.name}" for column in index.columns)
                found[str(index.name)] = columns
    return found


def _describe_postgres(orig: object, sqlstate: str) -> str:
    """The same sentences for PostgreSQL, which names the constraint (``diag``)."""
    diag = getattr(orig, "diag", None)
    name = str(getattr(diag, "constraint_name", None) or "")
    if sqlstate == _PG_UNIQUE:
        return _UNIQUE.get(_unique_columns_by_name().get(name, ""), "that record exists already")
    if sqlstate == _PG_CHECK:
        if name in _CHECKS:
            return _CHECKS[name]
        return f"a value is not one of the allowed choices ({name})"
    if sqlstate == _PG_FOREIGN_KEY:
        return "the record refers to something that does not exist, or is still in use"
    if sqlstate == _PG_NOT_NULL:
        column = getattr(diag, "column_name", None)
        return f"{field_label(column) if column else 'A field'}: a value is required"
    first_line = str(orig).splitlines()[0] if str(orig) else sqlstate
    return f"the change breaks a rule of the database ({first_line})"
