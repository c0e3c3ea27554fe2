"""Who changed what: every committed write is logged with its time, database user and kinds."""

from __future__ import annotations

import getpass
from datetime import UTC, datetime, timedelta

import pytest

from mpn_desktop.errors import ValidationError
from mpn_desktop.store import records
from mpn_desktop.store.change_log import recent_changes
from mpn_desktop.store.changes import RecordKind
from mpn_desktop.store.database import Database


def test_each_committed_write_is_logged_with_who_and_when(db: Database) -> None:
    before = datetime.now(UTC) - timedelta(seconds=1)
    assert recent_changes(db) == []
    customer = records.add_record(db, RecordKind.CUSTOMER, {"name": "Fabrikam"}).value
    with pytest.raises(ValidationError):  # refused, rolled back: not logged
        records.add_record(db, RecordKind.CUSTOMER, {"name": "Fabrikam"})
    records.add_record(db, RecordKind.PERSON, {"name": "Ana", "mcp_id": "1234567"})
    newest, oldest = recent_changes(db)
    assert oldest.kinds == {RecordKind.CUSTOMER} and newest.kinds == {RecordKind.PERSON}
    assert before <= oldest.at <= newest.at <= datetime.now(UTC) + timedelta(seconds=1)
    expected_user = getpass.getuser() if db.path is not None else "mpn"
    assert newest.user == expected_user
    assert customer is not None
    assert len(recent_changes(db, limit=1)) == 1
