"""Rows addressed by id and version: a write from an out-of-date view is refused, not misapplied."""

from __future__ import annotations

import getpass
import re

import pytest
from sqlalchemy.orm.exc import StaleDataError

from mpn_desktop.errors import RecordChanged
from mpn_desktop.store import models, records
from mpn_desktop.store.change_log import recent_changes
from mpn_desktop.store.changes import RecordKind as K
from mpn_desktop.store.database import Database


def _person(db: Database, mcp_id: str = "111", email: str = "ana@old.example") -> dict[str, object]:
    added = records.add_record(db, K.PERSON, {"mcp_id": mcp_id, "name": "Ana", "email": email})
    shown = records.get_record(db, K.PERSON, added.value.id)
    assert shown is not None and shown["version"] == added.value.version
    return shown


def test_every_write_gives_the_row_a_new_version(db: Database) -> None:
    shown = _person(db)
    edit = records.update_record(db, K.PERSON, int(shown["id"]), {"email": "a@b.example"}).value
    assert edit.version_before == shown["version"]
    assert edit.version_after not in (None, shown["version"])


def test_an_edit_of_a_row_changed_since_it_was_shown_is_refused_with_what_changed(
    db: Database,
) -> None:
    shown = _person(db)
    records.update_record(db, K.PERSON, int(shown["id"]), {"email": "new@elsewhere.example"})
    with pytest.raises(RecordChanged, match=re.escape("E-mail is now “new@elsewhere.example”")):
        records.update_record(db, K.PERSON, int(shown["id"]), {"name": "Ana Ruiz"}, expected=shown)
    now = records.get_record(db, K.PERSON, int(shown["id"]))
    assert now is not None and now["name"] == "Ana"


def test_a_delete_of_a_row_changed_or_gone_since_it_was_shown_is_refused(db: Database) -> None:
    shown = _person(db)
    records.update_record(db, K.PERSON, int(shown["id"]), {"name": "Someone else"})
    with pytest.raises(RecordChanged):
        records.delete_record(db, K.PERSON, int(shown["id"]), expected=shown)
    with pytest.raises(RecordChanged), db.transaction() as transaction:
        records.delete_records(
            transaction, K.PERSON, [int(shown["id"])], expected={int(shown["id"]): shown}
        )
    assert records.get_record(db, K.PERSON, int(shown["id"])) is not None


def test_undo_puts_back_the_values_and_the_version_so_the_row_is_as_it_was(
    db: Database,
) -> None:
    shown = _person(db)
    edit = records.update_record(
        db, K.PERSON, int(shown["id"]), {"email": "x@y.example"}, expected=shown
    ).value
    after = {**shown, **edit.after, "version": edit.version_after}
    records.update_record(
        db,
        K.PERSON,
        int(shown["id"]),
        edit.before,
        expected=after,
        new_version=edit.version_before,
    )
    assert records.get_record(db, K.PERSON, int(shown["id"])) == shown


def test_an_exam_put_back_under_a_person_who_changed_meanwhile_is_refused(db: Database) -> None:
    person = _person(db)
    exam = records.add_record(
        db, K.EXAM, {"person_id": person["id"], "exam_code": "70-533", "passed_on": "2017-11-02"}
    )
    deleted = records.delete_record(db, K.EXAM, exam.value.id).value
    records.update_record(db, K.PERSON, int(person["id"]), {"mcp_id": "999"})
    with pytest.raises(RecordChanged, match="was changed since"):
        records.restore_snapshot(db, deleted)
    assert records.list_records(db, K.EXAM) == []


def test_an_exam_added_under_a_person_changed_since_shown_is_refused(db: Database) -> None:
    shown = _person(db)
    records.update_record(db, K.PERSON, int(shown["id"]), {"mcp_id": "999", "name": "Ben"})
    exam = {"person_id": shown["id"], "exam_code": "70-533", "passed_on": "2017-11-02"}
    with pytest.raises(RecordChanged, match="person was changed since"):
        records.add_record(db, K.EXAM, exam, parents={"person_id": shown})
    assert records.list_records(db, K.EXAM) == []
    now = records.get_record(db, K.PERSON, int(shown["id"]))
    assert records.add_record(db, K.EXAM, exam, parents={"person_id": now}).value.id


def test_an_exam_moved_to_a_person_changed_since_shown_is_refused(db: Database) -> None:
    ana = _person(db)
    ben = _person(db, "222", "ben@old.example")
    exam = records.add_record(
        db, K.EXAM, {"person_id": ana["id"], "exam_code": "70-533", "passed_on": "2017-11-02"}
    ).value
    records.update_record(db, K.PERSON, int(ben["id"]), {"mcp_id": "999"})
    with pytest.raises(RecordChanged, match="person was changed since"):
        records.update_record(
            db, K.EXAM, exam.id, {"person_id": ben["id"]}, parents={"person_id": ben}
        )
    moved = records.get_record(db, K.EXAM, exam.id)
    assert moved is not None and moved["person_id"] == ana["id"]


def _who(db: Database) -> str:
    """The user the change log records for this test's writes."""
    return getpass.getuser() if db.path is not None else "mpn"


def test_a_refused_edit_says_who_changed_the_row_and_when(db: Database) -> None:
    shown = _person(db)
    records.update_record(db, K.PERSON, int(shown["id"]), {"name": "Ana Ruiz"})
    records.add_record(db, K.CUSTOMER, {"name": "Fabrikam"})  # a later change of another kind
    with pytest.raises(RecordChanged) as refused:
        records.update_record(
            db, K.PERSON, int(shown["id"]), {"email": "x@y.example"}, expected=shown
        )
    # The last change of people, not the customer's that came after it.
    (last_person_change,) = [c for c in recent_changes(db) if K.PERSON in c.kinds][:1]
    when = f"{last_person_change.at:%Y-%m-%d %H:%M} UTC"
    assert f"(Name is now “Ana Ruiz”, was “Ana”) by {_who(db)} at {when}; nothing was saved" in str(
        refused.value
    )


def test_a_refused_undo_of_a_deleted_row_says_who_deleted_it(db: Database) -> None:
    shown = _person(db)
    records.delete_record(db, K.PERSON, int(shown["id"]))
    with pytest.raises(RecordChanged, match=rf"since it was shown by {_who(db)} at \d{{4}}-"):
        records.update_record(db, K.PERSON, int(shown["id"]), {"name": "Ben"}, expected=shown)


def test_a_row_changed_between_read_and_write_is_refused_naming_who_changed_it(
    db: Database,
) -> None:
    shown = _person(db)
    if db.path is None:
        # PostgreSQL: another client commits between this session's read and its write.
        with pytest.raises(RecordChanged) as refused, db.session() as session:
            person = session.get(models.Person, shown["id"])
            assert person is not None
            with Database.open(db.url) as other:
                records.update_record(other, K.PERSON, int(shown["id"]), {"name": "Ben"})
            person.email = "x@y.example"
            session.flush()
    else:
        # SQLite's writer holds the file's write lock: the race cannot happen, the path can.
        records.update_record(db, K.PERSON, int(shown["id"]), {"name": "Ben"})
        with pytest.raises(RecordChanged) as refused, db.session():
            raise StaleDataError("UPDATE statement on table 'people' expected to update 1 row(s)")
    assert f"while it was being saved by {_who(db)} at " in str(refused.value)
    now = records.get_record(db, K.PERSON, int(shown["id"]))
    assert now is not None and now["email"] == "ana@old.example"


def test_the_refusal_names_who_changed_that_very_row_not_the_last_of_its_kind(
    db: Database,
) -> None:
    """Ana's row was changed by 'ana-editor'; a later change of another person, by someone
    else, must not be named for it."""
    shown = _person(db)
    other = _person(db, mcp_id="222", email="ben@old.example")
    records.update_record(db, K.PERSON, int(shown["id"]), {"name": "Ana Ruiz"})
    records.update_record(db, K.PERSON, int(other["id"]), {"name": "Ben Okafor"})
    logged = [c for c in recent_changes(db) if K.PERSON in c.kinds]
    assert len(logged) >= 2
    # Give the two logged edits their authors, as two people's windows would have written them.
    with db.session() as session:
        entries = session.query(models.ChangeLogEntry).order_by(models.ChangeLogEntry.id).all()
        by_row = {entry.records: entry for entry in entries if entry.records}
        by_row[f",people:{shown['id']},"].db_user = "ana-editor"
        by_row[f",people:{other['id']},"].db_user = "ben-editor"
    with pytest.raises(RecordChanged) as refused:
        records.update_record(
            db, K.PERSON, int(shown["id"]), {"email": "x@y.example"}, expected=shown
        )
    assert " by ana-editor at " in str(refused.value)
    assert "ben-editor" not in str(refused.value)


def test_versions_made_at_once_are_62_bit_numbers_never_0(monkeypatch: pytest.MonkeyPatch) -> None:
    versions = models.new_versions(5000)
    assert len(versions) == 5000 and len(set(versions)) == 5000
    assert all(0 < version < 2**62 for version in versions)
    assert max(versions) > 2**61  # all 62 bits are drawn
    # Bytes that read as 0 (or as numbers of 64 bits) come out in the range all the same.
    monkeypatch.setattr(models.random, "randbytes", lambda size: b"\x00" * 8 + b"\xff" * 8)
    zero, full = models.new_versions(2)
    assert 0 < zero <= 2**62 and full == 2**62 - 1
