"""Turns a database constraint violation into a sentence a person understands."""

from __future__ import annotations

import re
from functools import cache

from sqlalchemy import PrimaryKeyConstraint, UniqueConstraint
from sqlalchemy.exc import IntegrityError

from mpn_desktop.domain.vocabulary import N_, _
from mpn_desktop.domain.wording import or_list
from mpn_desktop.store.models import Base
from mpn_desktop.store.schema_fields import SPECS, field_label

# Keyed by what the database names: a unique column list or a CHECK constraint name.
_UNIQUE = {
    "organization.id": N_("there is already an organisation"),
    "targets.competency": N_("that competency is already a target"),
    "customers.name": N_("there is already a customer of that name"),
    "subscriptions.external_id": N_("there is already a subscription with that id"),
    "usage.subscription_id, usage.month, usage.service, usage.source": N_(
        "that subscription already has usage for that month"
    ),
    "people.mcp_id": N_("another person already has that MCP ID"),
    "exam_results.person_id, exam_results.exam_code, exam_results.passed_on": N_(
        "that person already has that exam on that day"
    ),
}

_CHECKS = {
    "ck_organization_single_row": N_("there can be only one organisation"),
    "ck_organization_name_not_empty": N_("Name: the organisation needs a name"),
    "ck_targets_competency_not_empty": N_("Competency: a target needs a competency"),
    "ck_customers_name_not_empty": N_("Name: a customer needs a name"),
    "ck_subscriptions_external_id_not_empty": N_("Subscription ID: a subscription needs one"),
    "ck_subscriptions_trial_is_boolean": N_("Trial: must be true or false"),
    "ck_subscriptions_ends_after_start": N_(
        "Ended on: a subscription cannot end before it started"
    ),
    "ck_usage_consumption_not_negative": N_("Consumption: consumption cannot be negative"),
    "ck_usage_revenue_not_negative": N_("Revenue: revenue cannot be negative"),
    "ck_usage_active_users_not_negative": N_("Active users: active users cannot be negative"),
    "ck_people_associated_is_boolean": N_("Associated: must be true or false"),
    "ck_people_mcp_id_not_empty": N_("MCP ID: a person needs an MCP ID"),
    "ck_exam_results_exam_code_not_empty": N_("Exam code: an exam result needs an exam code"),
    "ck_customer_references_competency_not_empty": N_("Competency: a reference needs a competency"),
    "ck_customer_references_approved_after_submitted": N_(
        "Approved on: a reference cannot be approved before it was submitted"
    ),
    "ck_fee_payments_amount_not_negative": N_("Amount: a fee cannot be negative"),
    "ck_import_batches_counts_not_negative": N_("an import cannot count fewer than 0 rows"),
}

# The tables that hold no kind of record the window edits, as a refusal names their records
# (the others are named by their kind's label: schema_fields.SPECS).
_OTHER_RECORDS = {
    "designation_targets": (N_("designation target"), N_("designation targets")),
    "replaced_usage": (N_("replaced usage record"), N_("replaced usage records")),
}

_UNIQUE_RE = re.compile(r"UNIQUE constraint failed: (.+)$", re.MULTILINE)
_CHECK_RE = re.compile(r"CHECK constraint failed: (\w+)")
# The statement SQLite refused names the table; its error names no more than "FOREIGN KEY".
_WRITTEN_TABLE_RE = re.compile(
    r'^\s*(INSERT(?:\s+OR\s+\w+)?\s+INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)"?', re.IGNORECASE
)
# PostgreSQL's detail: 'Key (customer_id)=(9) is not present in table "customers".' or
# 'Key (id)=(3) is still referenced from table "customers".'
_PG_MISSING_RE = re.compile(r"Key \((\w+)\)=.* is not present in table")
_PG_IN_USE_RE = re.compile(r'is still referenced from table "?(\w+)"?')
_PG_DELETED_RE = re.compile(r'^update or delete on table "?(\w+)"?')
_SOMETHING_MISSING = N_("the record refers to something that does not exist, or is still in use")
_EXISTS_ALREADY = N_("that record exists already")


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
        return _(_UNIQUE.get(unique.group(1).strip(), _EXISTS_ALREADY))
    check = _CHECK_RE.search(text)
    if check:
        name = check.group(1)
        if name in _CHECKS:
            return _(_CHECKS[name])
        # The enumerations' CHECKs are named ck_<table>_<enum name>.
        return _not_a_choice(name)
    if "FOREIGN KEY" in text:
        return _describe_sqlite_foreign_key(error)
    if "NOT NULL" in text:
        column = text.rsplit(":", 1)[-1].strip()
        return _required(field_label(column.split(".")[-1]))
    return _breaks_a_rule(text)


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
        return _(_UNIQUE.get(_unique_columns_by_name().get(name, ""), _EXISTS_ALREADY))
    if sqlstate == _PG_CHECK:
        if name in _CHECKS:
            return _(_CHECKS[name])
        return _not_a_choice(name)
    if sqlstate == _PG_FOREIGN_KEY:
        detail = str(getattr(diag, "message_detail", None) or "")
        table = str(getattr(diag, "table_name", None) or "")
        missing = _PG_MISSING_RE.search(detail)
        if missing:
            return _refers_to_nothing(table, [missing.group(1)])
        in_use = _PG_IN_USE_RE.search(detail)
        deleted = _PG_DELETED_RE.search(str(getattr(diag, "message_primary", None) or ""))
        if in_use and deleted:
            return _still_in_use(deleted.group(1), [in_use.group(1)])
        return _(_SOMETHING_MISSING)
    if sqlstate == _PG_NOT_NULL:
        column = getattr(diag, "column_name", None)
        return _required(field_label(column) if column else _("A field"))
    first_line = str(orig).splitlines()[0] if str(orig) else sqlstate
    return _breaks_a_rule(first_line)


def _describe_sqlite_foreign_key(error: IntegrityError) -> str:
    """A refused reference named by its table and field, as the other refusals are.

    SQLite says "FOREIGN KEY constraint failed" alone; the statement it refused
    names the table: a delete leaves records of other tables pointing at a row,
    an insert or update points at a row that does not exist.
    """
    statement = str(error.statement or "")
    written = _WRITTEN_TABLE_RE.match(statement)
    if written is None or written.group(2) not in Base.metadata.tables:
        return _(_SOMETHING_MISSING)
    verb, table = written.group(1).split()[0].upper(), written.group(2)
    if verb == "DELETE":
        referring = [
            key.parent.table.name
            for other in Base.metadata.tables.values()
            for key in other.foreign_keys
            if key.column.table.name == table and key.ondelete != "CASCADE"
        ]
        return _still_in_use(table, referring)
    values = _values_written(statement, error.params)
    references = [key.parent.name for key in Base.metadata.tables[table].foreign_keys]
    # A reference left empty (None) points at nothing, so it cannot be the one refused.
    return _refers_to_nothing(
        table, [c for c in references if c in values and values[c] is not None]
    )


def _values_written(statement: str, params: object) -> dict[str, object]:
    """The columns an INSERT or UPDATE writes, with their values where the parameters say.

    A value not known (several rows at once, named parameters) is given as "?", so the
    column still counts as written.
    """
    head = statement.split(" WHERE ", 1)[0]
    if head.lstrip().upper().startswith("UPDATE"):
        columns = re.findall(r"(\w+)\s*=\s*\?", head)
    else:
        listed = re.search(r"\(([^)]*)\)\s*VALUES", head, re.IGNORECASE)
        columns = [c.strip().strip('"') for c in listed.group(1).split(",")] if listed else []
    row = params if isinstance(params, tuple | list) else ()
    if len(row) >= len(columns) and not any(isinstance(v, tuple | list) for v in row):
        return dict(zip(columns, row, strict=False))
    return dict.fromkeys(columns, "?")


def _refers_to_nothing(table: str, columns: list[str]) -> str:
    """'Customer: the customer it refers to does not exist' for each reference written."""
    found = Base.metadata.tables.get(table)
    sentences = [
        _("{field}: the {record} it refers to does not exist").format(
            field=field_label(key.parent.name), record=_record(key.column.table.name)
        )
        for key in (found.foreign_keys if found is not None else ())
        if key.parent.name in columns
    ]
    return "; ".join(sorted(sentences)) or _(_SOMETHING_MISSING)


def _still_in_use(table: str, referring: list[str]) -> str:
    """'the import is still in use by customers or people' for a refused delete (SQLite
    does not say which of the tables that may refer to it does)."""
    if not referring:
        return _(_SOMETHING_MISSING)
    users = sorted({_records(other) for other in referring})
    return _("the {record} is still in use by {records}").format(
        record=_record(table), records=or_list(users)
    )


@cache
def _records_of_tables() -> dict[str, tuple[str, str]]:
    """Each table -> its records as a refusal names them: one, and several."""
    kinds = {spec.model.__tablename__: (spec.label, spec.several) for spec in SPECS.values()}
    return {**_OTHER_RECORDS, **kinds}


def _record(table: str) -> str:
    return _(_records_of_tables().get(table, (table, table))[0])


def _records(table: str) -> str:
    return _(_records_of_tables().get(table, (table, table))[1])


def _not_a_choice(name: str) -> str:
    return _("a value is not one of the allowed choices ({constraint})").format(constraint=name)


def _required(field: str) -> str:
    return _("{field}: a value is required").format(field=field)


def _breaks_a_rule(said: str) -> str:
    return _("the change breaks a rule of the database ({said})").format(said=said)
