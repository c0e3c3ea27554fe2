"""After an edit, designation scores from the kept facts equal those of a fresh load.

The usage sums and exam index are kept with the facts (``Facts.kept``) and
handed on by the one-row updates (``facts_rows.apply_rows``) and by
``reload_facts``; a changed usage, subscription, person or exam row must
never leave them stale. Each edit is scored on facts brought up to date both
ways and compared exactly with the scores of facts loaded afresh.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from mpn_desktop.domain.designation_score import score_designations
from mpn_desktop.domain.facts import Facts
from mpn_desktop.domain.usage_figures import UsageSums
from mpn_desktop.programs import shipped_scored_catalogs
from mpn_desktop.store import records
from mpn_desktop.store.changes import RecordKind
from mpn_desktop.store.database import Database
from mpn_desktop.store.documents import document_from_facts, load_document
from mpn_desktop.store.facts_loader import load_facts, load_indexed_facts, reload_facts
from mpn_desktop.store.facts_rows import apply_rows
from tests.domain.sp_organisations import exactly, sp_organisation

DAY = date(2024, 6, 30)
CATALOG = shipped_scored_catalogs()[1]


def _scores(facts: Facts) -> Any:
    return exactly(score_designations(CATALOG, facts, DAY))


@pytest.fixture
def sp_db(db: Database) -> Database:
    """A generated organisation in Solutions Partner form, with a customer and a person
    whose edits move a score (Azure usage through CSP, Azure certifications)."""
    load_document(db, document_from_facts(sp_organisation(random.Random(5), clean=True)))
    customer = records.add_record(db, RecordKind.CUSTOMER, {"name": "Fabrikam"}).value
    subscription = records.add_record(
        db,
        RecordKind.SUBSCRIPTION,
        {
            "external_id": "sub-fabrikam",
            "customer_id": customer.id,
            "workload": "azure",
            "association": "transacting",
            "associated_on": "2022-01-01",
            "started_on": "2022-01-01",
        },
    ).value
    for month, amount in (("2023-05", "2000"), ("2024-05", "9000.50")):
        records.add_record(
            db,
            RecordKind.USAGE,
            {
                "subscription_id": subscription.id,
                "month": month,
                "service": "Storage",
                "consumption_usd": amount,
            },
        )
    person = records.add_record(
        db, RecordKind.PERSON, {"mcp_id": "5555555", "name": "Pat Example"}
    ).value
    for code in ("AZ-104", "AZ-305", "DP-203"):
        records.add_record(
            db,
            RecordKind.EXAM,
            {"person_id": person.id, "exam_code": code, "passed_on": "2023-01-10"},
        )
    return db


def _fabrikam(db: Database) -> dict[str, Any]:
    return next(
        row
        for row in records.list_records(db, RecordKind.SUBSCRIPTION)
        if row["external_id"] == "sub-fabrikam"
    )


def _usage_row(db: Database) -> dict[str, Any]:
    """Fabrikam's usage of last month (the day's metrics read it)."""
    subscription = _fabrikam(db)["id"]
    return next(
        row
        for row in records.list_records(db, RecordKind.USAGE)
        if row["subscription_id"] == subscription and "2024-05" in str(row["month"])
    )


def _pat(db: Database) -> dict[str, Any]:
    return next(
        row for row in records.list_records(db, RecordKind.PERSON) if row["mcp_id"] == "5555555"
    )


def _edit_usage(db: Database) -> tuple[RecordKind, int]:
    row = _usage_row(db)
    values = {"consumption_usd": "98765.43", "active_users": 700, "paid_seats": 800}
    records.update_record(db, RecordKind.USAGE, row["id"], values)
    return RecordKind.USAGE, row["id"]


def _add_usage(db: Database) -> tuple[RecordKind, int]:
    added = records.add_record(
        db,
        RecordKind.USAGE,
        {
            "subscription_id": _fabrikam(db)["id"],
            "month": "2024-05",
            "service": "Sentinel",
            "consumption_usd": "25000",
            "active_users": 400,
            "paid_seats": 500,
        },
    ).value
    return RecordKind.USAGE, added.id


def _delete_usage(db: Database) -> tuple[RecordKind, int]:
    row = _usage_row(db)
    records.delete_record(db, RecordKind.USAGE, row["id"])
    return RecordKind.USAGE, row["id"]


def _move_subscription(db: Database) -> tuple[RecordKind, int]:
    subscription = _fabrikam(db)["id"]
    records.update_record(
        db, RecordKind.SUBSCRIPTION, subscription, {"association": "delegated_admin"}
    )
    return RecordKind.SUBSCRIPTION, subscription


def _add_exam(db: Database) -> tuple[RecordKind, int]:
    added = records.add_record(
        db,
        RecordKind.EXAM,
        {"person_id": _pat(db)["id"], "exam_code": "DP-300", "passed_on": "2024-01-10"},
    ).value
    return RecordKind.EXAM, added.id


def _person_leaves(db: Database) -> tuple[RecordKind, int]:
    person = _pat(db)["id"]
    records.update_record(db, RecordKind.PERSON, person, {"left_on": "2023-12-31"})
    return RecordKind.PERSON, person


EDITS: dict[str, Callable[[Database], tuple[RecordKind, int]]] = {
    "usage edited": _edit_usage,
    "usage added": _add_usage,
    "usage deleted": _delete_usage,
    "subscription's association changed": _move_subscription,
    "exam added": _add_exam,
    "person left": _person_leaves,
}


@pytest.mark.parametrize("edit", list(EDITS))
def test_an_edit_applied_row_by_row_scores_as_a_fresh_load(sp_db: Database, edit: str) -> None:
    before = load_indexed_facts(sp_db)
    scored_before = _scores(before.facts)  # the sums are kept with these facts
    kind, row_id = EDITS[edit](sp_db)
    applied = apply_rows(sp_db, before, [(kind, (row_id,))])
    assert applied is not None
    assert applied.facts.kept is before.facts.kept, "the kept figures are handed on"
    if kind is RecordKind.USAGE:
        sums = (applied.facts.subscriptions, applied.facts.usage)
        assert applied.facts.kept.find(UsageSums, sums) is not None, "updated, not added anew"
    fresh = _scores(load_facts(sp_db))
    assert fresh != scored_before, "the edit changes a score"
    assert _scores(applied.facts) == fresh
    assert _scores(before.facts) == scored_before, "the facts before the edit still score so"


@pytest.mark.parametrize("edit", list(EDITS))
def test_an_edit_reloaded_by_table_scores_as_a_fresh_load(sp_db: Database, edit: str) -> None:
    before = load_facts(sp_db)
    _scores(before)
    kind, _row_id = EDITS[edit](sp_db)
    reloaded = reload_facts(
        sp_db, before, frozenset({kind}), usage_from=None, previous_usage_from=None
    )
    assert _scores(reloaded) == _scores(load_facts(sp_db))
