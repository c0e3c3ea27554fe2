"""Composed operations: several store operations in one caller's transaction, all or none."""

from __future__ import annotations

import pytest

from mpn_desktop.errors import ValidationError
from mpn_desktop.store import records
from mpn_desktop.store.changes import OpResult
from mpn_desktop.store.changes import RecordKind as K
from mpn_desktop.store.database import Database


def _people(db: Database, *mcp_ids: str) -> list[int]:
    return [records.add_record(db, K.PERSON, {"mcp_id": mcp_id}).value.id for mcp_id in mcp_ids]


def _mcp_ids(db: Database) -> list[str]:
    return [person["mcp_id"] for person in records.list_records(db, K.PERSON)]


def test_operations_given_one_transaction_commit_together(db: Database) -> None:
    with db.transaction() as transaction:
        first = records.add_record(transaction, K.PERSON, {"mcp_id": "111"})
        records.add_record(
            transaction,
            K.EXAM,
            {"person_id": first.value.id, "exam_code": "70-533", "passed_on": "2017-11-02"},
        )
    assert _mcp_ids(db) == ["111"]
    assert [exam["person_id"] for exam in records.list_records(db, K.EXAM)] == [first.value.id]


def test_a_refusal_inside_a_transaction_undoes_the_operations_before_it(db: Database) -> None:
    with pytest.raises(ValidationError), db.transaction() as transaction:
        records.add_record(transaction, K.PERSON, {"mcp_id": "111"})
        records.add_record(transaction, K.PERSON, {"mcp_id": "111"})  # the same MCP ID
    assert _mcp_ids(db) == []


def test_deleting_several_records_is_all_or_nothing(db: Database) -> None:
    ids = _people(db, "111", "222", "333")
    with pytest.raises(ValidationError, match="no person with id 99"):
        records.delete_records(db, K.PERSON, [ids[0], 99, ids[2]])
    assert _mcp_ids(db) == ["111", "222", "333"]

    done = records.delete_records(db, K.PERSON, [ids[0], ids[2]])
    assert _mcp_ids(db) == ["222"]
    assert K.PERSON in done.change.kinds
    records.restore_snapshot(db, done.value)
    assert _mcp_ids(db) == ["111", "222", "333"]


def test_every_operation_returns_its_value_beside_its_change(db: Database) -> None:
    added = records.add_record(db, K.CUSTOMER, {"name": "Fabrikam"})
    edited = records.update_record(db, K.CUSTOMER, added.value.id, {"name": "Litware"})
    deleted = records.delete_record(db, K.CUSTOMER, added.value.id)
    for result in (added, edited, deleted, records.restore_snapshot(db, deleted.value)):
        assert isinstance(result, OpResult)
        assert result.change.touches(K.CUSTOMER)
    assert edited.value.before == {"name": "Fabrikam"}
