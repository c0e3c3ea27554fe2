"""Reloading facts after an edit: only the touched tables are read again, equal to a full load."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sql_trace import selects, traced_statements

from mpn_desktop import catalog_files
from mpn_desktop.domain import facts
from mpn_desktop.domain.dates import Month
from mpn_desktop.domain.enums import Level, ReferenceStatus
from mpn_desktop.importers.catalog_lookup import CatalogLookup
from mpn_desktop.importers.importing import run_import
from mpn_desktop.importers.kinds import ExamImport
from mpn_desktop.importers.planning import plan_import
from mpn_desktop.store import records
from mpn_desktop.store.changes import Change, RecordKind
from mpn_desktop.store.database import Database
from mpn_desktop.store.facts_loader import fields_to_reread, load_facts, reload_facts
from mpn_desktop.store.import_removal import remove_import, restore_import

WINDOW = Month(2017, 3)
"""The usage window's first month on the demo's day (2018-03-15)."""

EDITS: dict[RecordKind, dict[str, Any]] = {
    RecordKind.CUSTOMER: {"name": "Renamed Traders"},
    RecordKind.SUBSCRIPTION: {"external_id": "sub-renamed", "trial": True},
    RecordKind.USAGE: {"consumption_usd": "98765.43", "active_users": 77},
    RecordKind.PERSON: {"mcp_id": "9999999", "associated": False},
    RecordKind.EXAM: {"exam_code": "70-535", "passed_on": "2018-01-09"},
    RecordKind.REFERENCE: {"status": ReferenceStatus.DECLINED, "contact": "Someone Else"},
    RecordKind.FEE_PAYMENT: {"amount_usd": "1.00", "paid_on": "2017-05-05"},
}
"""For each kind with rows of its own, an edit that changes what its facts say."""

RECORD_KINDS = list(EDITS)


def _usage_in_window(db: Database) -> dict[str, Any]:
    return next(row for row in records.list_records(db, RecordKind.USAGE) if row["month"] >= WINDOW)


def _first(db: Database, kind: RecordKind) -> dict[str, Any]:
    if kind is RecordKind.USAGE:
        return _usage_in_window(db)
    rows = records.list_records(db, kind)
    assert rows, f"the demo has no {kind.value}"
    return rows[0]


def _reloaded_as_loaded(db: Database, before: facts.Facts, change: Change) -> facts.Facts:
    """Checks that the reload after ``change`` equals a full load; returns it."""
    reloaded = reload_facts(db, before, change.kinds, usage_from=WINDOW, previous_usage_from=WINDOW)
    loaded = load_facts(db, usage_from=WINDOW)
    assert reloaded == loaded, f"after {change.description}"
    return reloaded


def _new_values(db: Database, kind: RecordKind) -> dict[str, Any]:
    """Values of a new record of ``kind``, pointing at the demo's first rows."""
    first = {k: _first(db, k)["id"] for k in (RecordKind.CUSTOMER, RecordKind.PERSON)}
    subscription = _first(db, RecordKind.SUBSCRIPTION)["id"]
    return {
        RecordKind.CUSTOMER: {"name": "New Customer Ltd"},
        RecordKind.SUBSCRIPTION: {
            "external_id": "sub-new",
            "customer_id": first[RecordKind.CUSTOMER],
            "workload": "azure",
            "association": "dpor",
            "associated_on": "2017-06-01",
            "started_on": "2017-06-01",
        },
        RecordKind.USAGE: {
            "subscription_id": subscription,
            "month": "2030-01",
            "consumption_usd": "5000",
        },
        RecordKind.PERSON: {"mcp_id": "8888888", "name": "New Person"},
        RecordKind.EXAM: {
            "person_id": first[RecordKind.PERSON],
            "exam_code": "70-534",
            "passed_on": "2018-02-02",
        },
        RecordKind.REFERENCE: {
            "customer_id": first[RecordKind.CUSTOMER],
            "competency": "cloud-productivity",
        },
        RecordKind.FEE_PAYMENT: {
            "membership_year_start": "2019-01-01",
            "level": "gold",
            "amount_usd": "4730",
        },
    }[kind]


@pytest.mark.parametrize("kind", RECORD_KINDS, ids=lambda kind: kind.value)
def test_after_an_edit_of_each_kind_the_reload_equals_a_full_load(
    demo_db: Database, kind: RecordKind
) -> None:
    before = load_facts(demo_db, usage_from=WINDOW)
    row = _first(demo_db, kind)
    change = records.update_record(demo_db, kind, row["id"], EDITS[kind]).change
    after = _reloaded_as_loaded(demo_db, before, change)
    assert after != before, "the edit shows in the facts"


@pytest.mark.parametrize("kind", RECORD_KINDS, ids=lambda kind: kind.value)
def test_after_an_add_of_each_kind_the_reload_equals_a_full_load(
    demo_db: Database, kind: RecordKind
) -> None:
    before = load_facts(demo_db, usage_from=WINDOW)
    change = records.add_record(demo_db, kind, _new_values(demo_db, kind)).change
    after = _reloaded_as_loaded(demo_db, before, change)
    assert after != before


@pytest.mark.parametrize("kind", RECORD_KINDS, ids=lambda kind: kind.value)
def test_after_a_delete_and_its_undo_of_each_kind_the_reload_equals_a_full_load(
    demo_db: Database, kind: RecordKind
) -> None:
    before = load_facts(demo_db, usage_from=WINDOW)
    # Deleting a customer, subscription or person also deletes the rows naming it.
    done = records.delete_record(demo_db, kind, _first(demo_db, kind)["id"])
    snapshot, change = done.value, done.change
    deleted = _reloaded_as_loaded(demo_db, before, change)
    assert deleted != before
    restored = _reloaded_as_loaded(
        demo_db, deleted, records.restore_snapshot(demo_db, snapshot).change
    )
    assert restored == before


def test_organisation_and_targets_are_reloaded(demo_db: Database) -> None:
    before = load_facts(demo_db, usage_from=WINDOW)
    change = records.set_organization(demo_db, {"name": "Renamed Cloud Ltd"}).change
    after = _reloaded_as_loaded(demo_db, before, change)
    assert after.organization.name == "Renamed Cloud Ltd"
    change = records.set_targets(demo_db, {"cloud-crm": Level.SILVER}).change
    targets = _reloaded_as_loaded(demo_db, after, change)
    assert targets.targets == (facts.Target("cloud-crm", Level.SILVER),)
    change = records.set_organization_and_targets(
        demo_db, {"name": "Both Ltd"}, {"cloud-platform": Level.GOLD}
    ).change
    both = _reloaded_as_loaded(demo_db, targets, change)
    assert both.organization.name == "Both Ltd" and len(both.targets) == 1


def test_a_renamed_customer_is_named_in_its_subscriptions_and_references(
    demo_db: Database,
) -> None:
    before = load_facts(demo_db, usage_from=WINDOW)
    customer = next(
        row
        for row in records.list_records(demo_db, RecordKind.CUSTOMER)
        if any(ref.customer == row["name"] for ref in before.references)
        and any(sub.customer == row["name"] for sub in before.subscriptions)
    )
    change = records.update_record(
        demo_db, RecordKind.CUSTOMER, customer["id"], {"name": "Tailspin Renamed"}
    ).change
    assert change.kinds == {RecordKind.CUSTOMER}
    after = _reloaded_as_loaded(demo_db, before, change)
    old_name = customer["name"]
    assert all(sub.customer != old_name for sub in after.subscriptions)
    assert all(ref.customer != old_name for ref in after.references)
    assert any(sub.customer == "Tailspin Renamed" for sub in after.subscriptions)
    assert any(ref.customer == "Tailspin Renamed" for ref in after.references)
    assert after.usage is before.usage, "usage names subscriptions, not customers: reused"


def test_a_renamed_subscription_is_named_in_its_usage(demo_db: Database) -> None:
    before = load_facts(demo_db, usage_from=WINDOW)
    row = _usage_in_window(demo_db)
    change = records.update_record(
        demo_db, RecordKind.SUBSCRIPTION, row["subscription_id"], {"external_id": "sub-moved"}
    ).change
    after = _reloaded_as_loaded(demo_db, before, change)
    assert any(usage.subscription == "sub-moved" for usage in after.usage)
    assert after.exams is before.exams and after.references is before.references


def test_exams_follow_a_changed_mcp_id(demo_db: Database) -> None:
    before = load_facts(demo_db, usage_from=WINDOW)
    exam = records.list_records(demo_db, RecordKind.EXAM)[0]
    person = records.get_record(demo_db, RecordKind.PERSON, exam["person_id"])
    assert person is not None
    change = records.update_record(
        demo_db, RecordKind.PERSON, person["id"], {"mcp_id": "7777777"}
    ).change
    assert change.kinds == {RecordKind.PERSON}
    after = _reloaded_as_loaded(demo_db, before, change)
    assert all(result.mcp_id != person["mcp_id"] for result in after.exams)
    assert any(result.mcp_id == "7777777" for result in after.exams)
    assert after.usage is before.usage and after.subscriptions is before.subscriptions


def test_moving_the_usage_window_reloads_usage_alone(demo_db: Database) -> None:
    before = load_facts(demo_db, usage_from=WINDOW)
    for usage_from in (Month(2016, 1), Month(2017, 9), None):
        after = reload_facts(
            demo_db, before, frozenset(), usage_from=usage_from, previous_usage_from=WINDOW
        )
        assert after == load_facts(demo_db, usage_from=usage_from)
        assert after.usage != before.usage
        assert after.exams is before.exams and after.customers is before.customers
    same = reload_facts(demo_db, before, frozenset(), usage_from=WINDOW, previous_usage_from=WINDOW)
    assert same is before, "nothing changed: nothing read"


def test_an_edit_at_a_moved_window_also_reloads_usage(demo_db: Database) -> None:
    before = load_facts(demo_db, usage_from=WINDOW)
    change = records.update_record(
        demo_db, RecordKind.FEE_PAYMENT, _first(demo_db, RecordKind.FEE_PAYMENT)["id"], {}
    ).change
    later = Month(2017, 6)
    after = reload_facts(
        demo_db, before, change.kinds, usage_from=later, previous_usage_from=WINDOW
    )
    assert after == load_facts(demo_db, usage_from=later)


def _exams_csv(path: Path) -> Path:
    path.write_text(
        "MPNId,PartnerName,MCPID,IndividualFirstName,IndividualLastName,Email,"
        "TrainingActivityId,TrainingTitle,TrainingType,TrainingCompletionDate,Month\n"
        "4123456,Contoso Cloud Ltd,6000001,Dee,Ng,dee@contoso.example,70-533,"
        "Implementing Microsoft Azure Infrastructure Solutions,Exam,2017-11-25T00:00:00,2017-11\n",
        encoding="utf-8",
    )
    return path


def test_an_import_its_removal_and_its_restore_reload_as_a_full_load(
    demo_db: Database, tmp_path: Path
) -> None:
    before = load_facts(demo_db, usage_from=WINDOW)
    path = _exams_csv(tmp_path / "exams.csv")
    result = run_import(
        demo_db,
        ExamImport(CatalogLookup(catalog_files.load_catalog())),
        path,
        plan_import(path).settings,
        today=date(2018, 3, 15),
    )
    assert result.change is not None and result.batch_id is not None
    imported = _reloaded_as_loaded(demo_db, before, result.change)
    assert any(person.mcp_id == "6000001" for person in imported.people)
    done = remove_import(demo_db, result.batch_id)
    removed, change = done.value, done.change
    assert _reloaded_as_loaded(demo_db, imported, change) == before
    assert _reloaded_as_loaded(demo_db, before, restore_import(demo_db, removed).change) == imported


def test_everything_reloads_every_table(demo_db: Database, tmp_path: Path) -> None:
    before = load_facts(demo_db, usage_from=WINDOW)
    with Database.open(f"sqlite:///{tmp_path / 'other.sqlite3'}") as other:
        # Another organisation entirely: nothing of ``before`` may survive.
        records.set_organization(other, {"name": "Other Ltd"})
        change = Change.everything("Load")
        reloaded = reload_facts(
            other, before, change.kinds, usage_from=WINDOW, previous_usage_from=WINDOW
        )
        assert reloaded == load_facts(other, usage_from=WINDOW)
        assert reloaded == facts.Facts(organization=facts.Organization("Other Ltd", ""))


def test_each_kind_rereads_its_table_and_those_naming_it() -> None:
    assert fields_to_reread(frozenset({RecordKind.CUSTOMER})) == {
        "customers",
        "subscriptions",
        "references",
    }
    assert fields_to_reread(frozenset({RecordKind.SUBSCRIPTION})) == {"subscriptions", "usage"}
    assert fields_to_reread(frozenset({RecordKind.PERSON})) == {"people", "exams"}
    # Every field holding facts; ``kept`` holds figures worked out from them, never read.
    fact_fields = {field.name for field in dataclasses.fields(facts.Facts) if field.compare}
    assert "kept" not in fact_fields
    assert fields_to_reread(frozenset({RecordKind.IMPORT_BATCH})) == fact_fields
    every_field = set().union(*(fields_to_reread(frozenset({kind})) for kind in RecordKind))
    assert every_field == fact_fields


def test_a_reference_edit_reads_references_and_customer_names_in_one_transaction(
    demo_db: Database,
) -> None:
    before = load_facts(demo_db, usage_from=WINDOW)
    reference = _first(demo_db, RecordKind.REFERENCE)
    change = records.update_record(
        demo_db, RecordKind.REFERENCE, reference["id"], {"contact": "New Contact"}
    ).change
    with traced_statements(demo_db) as statements:
        after = reload_facts(
            demo_db, before, change.kinds, usage_from=WINDOW, previous_usage_from=WINDOW
        )
    queries = selects(statements)
    assert len(queries) == 2, queries
    assert "customers" in queries[0] and "references" in queries[1]
    words = [s.split()[0].upper() for s in statements]
    # One read transaction around both queries: one consistent snapshot.
    in_transaction = [w for w in words if w in {"BEGIN", "SELECT", "COMMIT", "ROLLBACK"}]
    assert in_transaction[0] == "BEGIN" and in_transaction[1:3] == ["SELECT", "SELECT"]
    assert in_transaction.count("BEGIN") == 1
    assert after.references[0].contact == "New Contact"
    assert after.usage is before.usage and after.exams is before.exams
