"""Record operations: checked values, what changed, exact undo of deletes and of imports."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import insert

from mpn_desktop.domain.dates import Month
from mpn_desktop.domain.enums import Level, Market, Workload
from mpn_desktop.errors import MpnError, ValidationError
from mpn_desktop.store import models, records
from mpn_desktop.store.changes import RecordKind as K
from mpn_desktop.store.database import Database
from mpn_desktop.store.import_removal import remove_import, restore_import


def _customer_with_usage(db: Database) -> tuple[int, int]:
    customer_id = records.add_record(db, K.CUSTOMER, {"name": "Fabrikam"}).value.id
    sub_id = records.add_record(
        db,
        K.SUBSCRIPTION,
        {
            "external_id": "sub-1",
            "customer_id": customer_id,
            "workload": "azure",
            "association": "dpor",
            "associated_on": date(2017, 1, 15),
            "started_on": "2017-01-15",
        },
    ).value.id
    for month in ("2017-11", "2017-12"):
        records.add_record(
            db, K.USAGE, {"subscription_id": sub_id, "month": month, "consumption_usd": "1250.5"}
        )
    records.add_record(
        db, K.REFERENCE, {"customer_id": customer_id, "competency": "cloud-platform"}
    )
    return customer_id, sub_id


def test_records_come_back_with_python_types(db: Database) -> None:
    _customer_with_usage(db)
    subscription = records.list_records(db, K.SUBSCRIPTION)[0]
    assert subscription["workload"] is Workload.AZURE
    assert subscription["started_on"] == date(2017, 1, 15)
    assert subscription["trial"] is False
    usage = records.list_records(db, K.USAGE)
    assert [row["month"] for row in usage] == [Month(2017, 11), Month(2017, 12)]
    assert usage[0]["consumption_usd"] == Decimal("1250.50")


def test_add_returns_the_id_and_the_change(db: Database) -> None:
    done = records.add_record(db, K.PERSON, {"mcp_id": "123", "name": "Ana"})
    new_id, change = done.value.id, done.change
    assert change.kinds == {K.PERSON}
    assert records.get_record(db, K.PERSON, new_id)["name"] == "Ana"  # type: ignore[index]


def test_bad_values_are_refused_naming_every_field(db: Database) -> None:
    with pytest.raises(ValidationError) as error:
        records.add_record(
            db,
            K.FEE_PAYMENT,
            {"membership_year_start": "2017-02-30", "level": "bronze", "amount_usd": "-3"},
        )
    problems = error.value.problems
    # Named as the window names them, never by their column (issue 14: "approved_on: …").
    assert any(p.startswith("Membership year from:") for p in problems)
    assert any(p.startswith("Level:") and "silver, gold" in p for p in problems)
    assert any(p.startswith("Amount (US$):") and "negative" in p for p in problems)
    assert not any("_" in p.split(":")[0] for p in problems)
    assert records.list_records(db, K.FEE_PAYMENT) == []


def test_unknown_fields_and_missing_required_fields_are_refused(db: Database) -> None:
    with pytest.raises(ValidationError, match="Colour: a customer has no such field"):
        records.add_record(db, K.CUSTOMER, {"name": "X", "colour": "red"})
    with pytest.raises(ValidationError, match="MCP ID: a person needs a value"):
        records.add_record(db, K.PERSON, {"name": "Ana"})


def test_a_reference_to_a_missing_record_is_refused(db: Database) -> None:
    with pytest.raises(ValidationError, match="Customer: there is no customer with id 9"):
        records.add_record(db, K.REFERENCE, {"customer_id": 9, "competency": "cloud-crm"})


def test_a_duplicate_becomes_a_sentence(db: Database) -> None:
    records.add_record(db, K.PERSON, {"mcp_id": "123"})
    other = records.add_record(db, K.PERSON, {"mcp_id": "456"}).value.id
    with pytest.raises(ValidationError, match="another person already has that MCP ID"):
        records.update_record(db, K.PERSON, other, {"mcp_id": "123"})


def test_update_returns_the_old_values_which_undo_it(db: Database) -> None:
    person = records.add_record(db, K.PERSON, {"mcp_id": "123", "name": "Ana"}).value.id
    done = records.update_record(
        db, K.PERSON, person, {"name": "Ana Ruiz", "left_on": "2018-01-31"}
    )
    old, change = done.value.before, done.change
    assert old == {"name": "Ana", "left_on": None}
    assert change.kinds == {K.PERSON}
    records.update_record(db, K.PERSON, person, old)
    row = records.get_record(db, K.PERSON, person)
    assert row is not None and row["name"] == "Ana" and row["left_on"] is None


def test_deleting_a_customer_takes_its_dependants_and_restoring_brings_them_back(
    db: Database,
) -> None:
    customer_id, _ = _customer_with_usage(db)
    before = {kind: records.list_records(db, kind) for kind in K}
    done = records.delete_record(db, K.CUSTOMER, customer_id)
    snapshot, change = done.value, done.change
    assert change.kinds == {K.CUSTOMER, K.SUBSCRIPTION, K.USAGE, K.REFERENCE}
    assert records.list_records(db, K.USAGE) == []
    assert records.list_records(db, K.REFERENCE) == []
    restored = records.restore_snapshot(db, snapshot).change
    assert restored.kinds == change.kinds
    assert {kind: records.list_records(db, kind) for kind in K} == before


def test_deleting_a_person_takes_their_exams(db: Database) -> None:
    person = records.add_record(db, K.PERSON, {"mcp_id": "123"}).value.id
    records.add_record(
        db, K.EXAM, {"person_id": person, "exam_code": "70-533", "passed_on": "2017-11-02"}
    )
    done = records.delete_record(db, K.PERSON, person)
    snapshot, change = done.value, done.change
    assert change.kinds == {K.PERSON, K.EXAM}
    assert records.list_records(db, K.EXAM) == []
    records.restore_snapshot(db, snapshot)
    assert records.list_records(db, K.EXAM)[0]["person_id"] == person


def test_deleting_what_is_gone_says_so(db: Database) -> None:
    with pytest.raises(ValidationError, match="no customer with id 5"):
        records.delete_record(db, K.CUSTOMER, 5)


def test_organisation_set_and_undo(db: Database) -> None:
    assert records.get_organization(db) is None
    old = records.set_organization(db, {"name": "Contoso", "mpn_id": "4123456"}).value
    assert old is None
    done = records.set_organization(db, {"market": "developing"})
    old, change = done.value, done.change
    assert old is not None and old["market"] is Market.DEVELOPED
    assert change.kinds == {K.ORGANIZATION}
    organization = records.get_organization(db)
    assert organization is not None and organization["market"] is Market.DEVELOPING


def test_targets_are_replaced_and_the_old_ones_returned(db: Database) -> None:
    records.set_targets(db, {"cloud-platform": Level.GOLD})
    done = records.set_targets(db, {"cloud-crm": "silver"})
    old, change = done.value, done.change
    assert old == {"cloud-platform": Level.GOLD}
    assert change.kinds == {K.TARGET}
    assert [(t["competency"], t["level"]) for t in records.list_records(db, K.TARGET)] == [
        ("cloud-crm", Level.SILVER)
    ]


def _import(db: Database, mcp_ids: list[str], existing: int | None) -> int:
    """Writes an import batch as the importer does (Core inserts), creating missing people."""
    with db.session() as session:
        batch = models.ImportBatch(
            file_name="exams.csv",
            sha256="0" * 64,
            imported_at=datetime(2018, 1, 2, 10, 0),
            added_count=len(mcp_ids),
        )
        session.add(batch)
        session.flush()
        for mcp_id in mcp_ids:
            person_id = existing if mcp_id == "existing" else None
            if person_id is None:
                person = models.Person(mcp_id=mcp_id, name=mcp_id, import_batch_id=batch.id)
                session.add(person)
                session.flush()
                person_id = person.id
            session.execute(
                insert(models.ExamResult),
                [
                    {
                        "person_id": person_id,
                        "exam_code": "70-533",
                        "passed_on": date(2017, 11, 2),
                        "import_batch_id": batch.id,
                    }
                ],
            )
        return batch.id


def _import_and_an_exam_typed_after(db: Database) -> tuple[int, dict[str, int]]:
    """Ana (111) typed in; an import of exams for her and two new people, 222 and 333; then
    another exam typed in for 333 (who stays when the import is undone). The import's id and
    each person's id by MCP ID."""
    ana = records.add_record(db, K.PERSON, {"mcp_id": "111", "name": "Ana"}).value.id
    batch = _import(db, ["existing", "222", "333"], existing=ana)
    created = {p["mcp_id"]: p["id"] for p in records.list_records(db, K.PERSON)}
    records.add_record(
        db, K.EXAM, {"person_id": created["333"], "exam_code": "70-535", "passed_on": "2018-01-05"}
    )
    return batch, created


def test_undoing_an_import_removes_its_exams_and_the_people_it_created(db: Database) -> None:
    batch, _ = _import_and_an_exam_typed_after(db)
    assert [b["id"] for b in records.import_batches(db)] == [batch]
    change = remove_import(db, batch).change
    assert change.kinds == {K.IMPORT_BATCH, K.EXAM, K.PERSON}
    people = records.list_records(db, K.PERSON)
    assert [(p["mcp_id"], p["import_batch_id"]) for p in people] == [("111", None), ("333", None)]
    assert [e["exam_code"] for e in records.list_records(db, K.EXAM)] == ["70-535"]
    assert records.import_batches(db) == []


def test_organisation_and_targets_change_together_or_not_at_all(db: Database) -> None:
    records.set_organization(
        db, {"name": "Contoso", "mpn_id": "4123456", "market": Market.DEVELOPED}
    )
    records.set_targets(db, {"cloud-platform": Level.SILVER})
    done = records.set_organization_and_targets(
        db, {"name": "Contoso Europe"}, {"cloud-platform": Level.GOLD, "cloud-crm": "silver"}
    )
    (old, old_targets), change = done.value, done.change
    assert old is not None and old["name"] == "Contoso"
    assert old_targets == {"cloud-platform": Level.SILVER}
    assert change.touches(K.ORGANIZATION) and change.touches(K.TARGET)
    assert records.get_targets(db) == {"cloud-platform": Level.GOLD, "cloud-crm": Level.SILVER}
    # A wrong level refuses the whole change: the name stays as it was.
    with pytest.raises(ValidationError):
        records.set_organization_and_targets(
            db, {"name": "Contoso Asia"}, {"cloud-platform": "platinum"}
        )
    organization = records.get_organization(db)
    assert organization is not None and organization["name"] == "Contoso Europe"
    assert records.get_targets(db)["cloud-platform"] is Level.GOLD
    with pytest.raises(ValidationError):
        records.set_organization_and_targets(db, {"name": "  "}, {"cloud-crm": Level.GOLD})
    assert records.get_targets(db) == {"cloud-platform": Level.GOLD, "cloud-crm": Level.SILVER}


def _everything(db: Database) -> tuple[list[Any], ...]:
    return (
        records.list_records(db, K.PERSON),
        records.list_records(db, K.EXAM),
        records.import_batches(db),
    )


def test_a_removed_import_is_put_back_exactly_with_the_same_ids(db: Database) -> None:
    batch, created = _import_and_an_exam_typed_after(db)
    before = _everything(db)
    done = remove_import(db, batch)
    removed, change = done.value, done.change
    assert change.kinds == {K.IMPORT_BATCH, K.EXAM, K.PERSON}
    assert removed.file_name == "exams.csv"
    assert [p["mcp_id"] for p in removed.people] == ["222"]
    assert removed.unmarked["people"] == (created["333"],)
    people = records.list_records(db, K.PERSON)
    assert [(p["mcp_id"], p["import_batch_id"]) for p in people] == [("111", None), ("333", None)]
    assert records.import_batches(db) == []
    restore_import(db, removed)
    assert _everything(db) == before
    with pytest.raises(ValidationError, match="no import with id"):
        remove_import(db, batch + 1)


def test_an_import_whose_person_was_entered_again_is_not_put_back_half(db: Database) -> None:
    batch = _import(db, ["222"], existing=None)
    removed = remove_import(db, batch).value
    records.add_record(db, K.PERSON, {"mcp_id": "222", "name": "Bo again"})
    after = _everything(db)
    with pytest.raises(MpnError):
        restore_import(db, removed)
    assert _everything(db) == after


def test_a_missing_value_is_said_missing_not_none(db: Database) -> None:
    customer = records.add_record(db, K.CUSTOMER, {"name": "Fabrikam"}).value.id
    with pytest.raises(ValidationError) as refused:
        records.add_record(
            db,
            K.SUBSCRIPTION,
            {
                "external_id": "sub-1",
                "customer_id": customer,
                "workload": Workload.AZURE,
                "association": "dpor",
                "associated_on": None,
                "started_on": "2017-01-01",
            },
        )
    assert "Associated on: missing: a date (YYYY-MM-DD) is needed" in str(refused.value)
    assert "None" not in str(refused.value)


def test_the_records_of_one_value_are_listed_by_id_as_every_record_is(demo_db: Database) -> None:
    usage = records.list_records(demo_db, K.USAGE)
    subscription = usage[-1]["subscription_id"]
    assert records.list_records(demo_db, K.USAGE, ("subscription_id", subscription)) == [
        row for row in usage if row["subscription_id"] == subscription
    ]
    typed = records.list_records(demo_db, K.USAGE, ("import_batch_id", None))
    assert typed == [row for row in usage if row["import_batch_id"] is None] != []
    assert records.list_records(demo_db, K.USAGE, ("subscription_id", 999_999)) == []
