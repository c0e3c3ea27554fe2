"""The schema itself refuses bad rows (written straight in SQL, past every Python check)."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from mpn_desktop.domain import vocabulary
from mpn_desktop.errors import ValidationError
from mpn_desktop.store import constraints
from mpn_desktop.store.database import Database
from mpn_desktop.store.schema_fields import SPECS

SETUP = [
    "INSERT INTO organization (id, name, mpn_id, market) VALUES (1, 'Org', '1', 'developed')",
    "INSERT INTO customers (id, name) VALUES (1, 'Fabrikam')",
    "INSERT INTO subscriptions (id, external_id, customer_id, workload, association,"
    " associated_on, started_on, trial) VALUES (1, 'sub-1', 1, 'azure', 'dpor',"
    " '2017-01-01', '2017-01-01', FALSE)",
    "INSERT INTO usage (subscription_id, month, consumption_usd, revenue_usd, active_users)"
    " VALUES (1, '2017-12-01', 10, 0, 0)",
    "INSERT INTO people (id, name, email, mcp_id, associated) VALUES (1, 'Ana', '', '111', TRUE)",
    "INSERT INTO exam_results (person_id, exam_code, exam_title, passed_on, kind)"
    " VALUES (1, '70-533', '', '2017-11-02', 'exam')",
    "INSERT INTO targets (competency, level) VALUES ('cloud-platform', 'gold')",
]

SUB = (
    "INSERT INTO subscriptions (external_id, customer_id, workload, association,"
    " associated_on, started_on, ended_on, trial) VALUES ({})"
)
USAGE = (
    "INSERT INTO usage (subscription_id, month, consumption_usd, revenue_usd, active_users)"
    " VALUES ({})"
)
EXAM = (
    "INSERT INTO exam_results (person_id, exam_code, exam_title, passed_on, kind,"
    " import_batch_id) VALUES ({})"
)
REF = (
    "INSERT INTO customer_references (customer_id, competency, status, submitted_on,"
    " approved_on, contact) VALUES ({})"
)
FEE = "INSERT INTO fee_payments (membership_year_start, level, amount_usd) VALUES ({})"
PERSON = "INSERT INTO people (name, email, mcp_id, associated, import_batch_id) VALUES ({})"
BATCH = (
    "INSERT INTO import_batches (file_name, sha256, imported_at, added_count,"
    " duplicate_count, error_count, people_added_count) VALUES ({})"
)

BAD_ROWS = {
    "second organisation": "INSERT INTO organization (id, name, mpn_id, market)"
    " VALUES (2, 'Other', '2', 'developed')",
    "organisation without a name": "UPDATE organization SET name = ''",
    "unknown market": "UPDATE organization SET market = 'emerging'",
    "target twice": "INSERT INTO targets (competency, level) VALUES ('cloud-platform', 'silver')",
    "unknown level": "INSERT INTO targets (competency, level) VALUES ('cloud-crm', 'platinum')",
    "customer twice": "INSERT INTO customers (name) VALUES ('Fabrikam')",
    "customer without a name": "INSERT INTO customers (name) VALUES ('')",
    "subscription id twice": SUB.format(
        "'sub-1', 1, 'azure', 'dpor', '2017-01-01', '2017-01-01', NULL, FALSE"
    ),
    "subscription of no customer": SUB.format(
        "'sub-2', 99, 'azure', 'dpor', '2017-01-01', '2017-01-01', NULL, FALSE"
    ),
    "unknown workload": SUB.format(
        "'sub-2', 1, 'sharepoint', 'dpor', '2017-01-01', '2017-01-01', NULL, FALSE"
    ),
    "unknown association": SUB.format(
        "'sub-2', 1, 'azure', 'friend', '2017-01-01', '2017-01-01', NULL, FALSE"
    ),
    "subscription ends before it starts": SUB.format(
        "'sub-2', 1, 'azure', 'dpor', '2017-01-01', '2017-01-01', '2016-12-31', FALSE"
    ),
    "trial neither true nor false": SUB.format(
        "'sub-2', 1, 'azure', 'dpor', '2017-01-01', '2017-01-01', NULL, 2"
    ),
    "usage month twice": USAGE.format("1, '2017-12-01', 1, 0, 0"),
    "negative consumption": USAGE.format("1, '2018-01-01', -1, 0, 0"),
    "negative revenue": USAGE.format("1, '2018-01-01', 0, -0.01, 0"),
    "negative active users": USAGE.format("1, '2018-01-01', 0, 0, -5"),
    "usage of no subscription": USAGE.format("42, '2018-01-01', 1, 0, 0"),
    "MCP ID twice": PERSON.format("'Ben', '', '111', TRUE, NULL"),
    "person without MCP ID": PERSON.format("'Ben', '', '', TRUE, NULL"),
    "associated neither true nor false": PERSON.format("'Ben', '', '222', 'maybe', NULL"),
    "person of no import": PERSON.format("'Ben', '', '222', TRUE, 77"),
    "exam twice on a day": EXAM.format("1, '70-533', 'again', '2017-11-02', 'exam', NULL"),
    "exam of no person": EXAM.format("9, '70-533', '', '2017-11-02', 'exam', NULL"),
    "exam without code": EXAM.format("1, '', '', '2017-11-03', 'exam', NULL"),
    "unknown credential kind": EXAM.format("1, '70-534', '', '2017-11-02', 'badge', NULL"),
    "exam of no import": EXAM.format("1, '70-534', '', '2017-11-02', 'exam', 5"),
    "unknown reference status": REF.format("1, 'cloud-platform', 'maybe', NULL, NULL, ''"),
    "reference of no customer": REF.format("8, 'cloud-platform', 'draft', NULL, NULL, ''"),
    "reference approved before submitted": REF.format(
        "1, 'cloud-platform', 'approved', '2017-09-01', '2017-08-01', ''"
    ),
    "negative fee": FEE.format("'2017-06-30', 'gold', -1"),
    "unknown fee level": FEE.format("'2017-06-30', 'bronze', 100"),
    "negative import counts": BATCH.format("'a.csv', 'x', '2018-01-01 00:00:00', -1, 0, 0, 0"),
    "usage without a subscription": USAGE.format("NULL, '2018-02-01', 0, 0, 0"),
}


@pytest.fixture
def filled(db: Database) -> Database:
    with db.session() as session:
        for statement in SETUP:
            session.execute(text(statement))
    return db


NOT_A_BOOLEAN = {"trial neither true nor false", "associated neither true nor false"}
"""Refused by a CHECK where a flag is an integer (SQLite), by the column's type elsewhere."""


@pytest.mark.parametrize(("name", "statement"), list(BAD_ROWS.items()), ids=list(BAD_ROWS))
def test_the_schema_refuses(filled: Database, name: str, statement: str) -> None:
    if name in NOT_A_BOOLEAN and filled.engine.dialect.supports_native_boolean:
        with pytest.raises(DBAPIError, match="boolean"), filled.session() as session:
            session.execute(text(statement))
    else:
        with pytest.raises(ValidationError) as error, filled.session() as session:
            session.execute(text(statement))
        assert "Traceback" not in str(error.value)
    with filled.session(readonly=True) as session:
        assert session.execute(text("SELECT count(*) FROM usage")).scalar() == 1


def test_deleting_a_customer_cascades_to_its_subscriptions_and_usage(filled: Database) -> None:
    with filled.session() as session:
        session.execute(text("DELETE FROM customers WHERE id = 1"))
    with filled.session(readonly=True) as session:
        assert session.execute(text("SELECT count(*) FROM subscriptions")).scalar() == 0
        assert session.execute(text("SELECT count(*) FROM usage")).scalar() == 0


STILL_IN_USE = {
    # SQLite does not say which table refers to the import: every one that may is named.
    ("sqlite", "en"): "the import is still in use by customers, exam results, people, "
    "subscriptions or usage records",
    ("sqlite", "de"): "Der Datensatz (Import) wird noch verwendet von: Abonnements, Kunden, "
    "Nutzungsdatensätze, Personen oder Prüfungsergebnisse",
    ("postgresql", "en"): "the import is still in use by usage records",
    ("postgresql", "de"): "Der Datensatz (Import) wird noch verwendet von: Nutzungsdatensätze",
}


@pytest.mark.parametrize("language", ["en", "de"])
def test_an_import_still_in_use_is_refused_naming_the_records_as_their_kinds_do(
    filled: Database, language: str
) -> None:
    """The records are named by their kind's label and plural (schema_fields.SPECS), the
    one place that names them, not by a copy of the names kept for the refusals."""
    with filled.session() as session:
        session.execute(text(BATCH.format("'u.csv', 'x', '2018-01-01 00:00:00', 1, 0, 0, 0")))
        session.execute(text("UPDATE usage SET import_batch_id = (SELECT id FROM import_batches)"))
    assert vocabulary.use_language(language) == language
    with pytest.raises(ValidationError) as refused, filled.session() as session:
        session.execute(text("DELETE FROM import_batches"))
    assert str(refused.value) == STILL_IN_USE[filled.engine.dialect.name, language]


def test_every_kinds_records_are_named_in_refusals_by_its_label() -> None:
    for spec in SPECS.values():
        table = spec.model.__tablename__
        assert (constraints._record(table), constraints._records(table)) == (
            spec.label,
            spec.several,
        )
