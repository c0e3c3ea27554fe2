"""Outside changes on SQLite: another connection's commits are noticed, our own are not."""

from __future__ import annotations

import getpass
import threading
from pathlib import Path

import pytest

from mpn_desktop.domain import vocabulary
from mpn_desktop.store import records
from mpn_desktop.store.change_log import recent_changes
from mpn_desktop.store.changes import RecordKind
from mpn_desktop.store.database import Database
from mpn_desktop.store.outside_changes import DataVersionWatch, OutsideChange, outside_changes

# PRAGMA data_version is SQLite's; a server database brings a source of its own.
pytestmark = pytest.mark.sqlite_only


def test_a_commit_by_another_connection_is_noticed_once(db: Database, db_path: Path) -> None:
    watch = outside_changes(db)
    assert isinstance(watch, DataVersionWatch)
    try:
        assert watch.poll() is None
        with Database.open(f"sqlite:///{db_path}") as other:
            records.add_record(other, RecordKind.CUSTOMER, {"name": "Fabrikam"})
        change = watch.poll()
        assert isinstance(change, OutsideChange)
        assert change.kinds == {RecordKind.CUSTOMER}, "only what changed is named"
        assert watch.poll() is None
    finally:
        watch.close()


def test_our_own_commits_are_not_taken_for_outside_changes(db: Database) -> None:
    watch = outside_changes(db)
    assert watch is not None
    try:
        added = records.add_record(db, RecordKind.CUSTOMER, {"name": "Fabrikam"})
        records.update_record(db, RecordKind.CUSTOMER, added.value.id, {"name": "Litware"})
        # One from a worker thread too (an import commits on one).
        worker = threading.Thread(
            target=records.add_record, args=(db, RecordKind.PERSON, {"mcp_id": "1"})
        )
        worker.start()
        worker.join()
        assert watch.poll() is None
    finally:
        watch.close()


def test_an_outside_commit_before_one_of_ours_is_still_noticed(db: Database, db_path: Path) -> None:
    watch = outside_changes(db)
    assert watch is not None
    try:
        with Database.open(f"sqlite:///{db_path}") as other:
            records.add_record(other, RecordKind.CUSTOMER, {"name": "Fabrikam"})
        records.add_record(db, RecordKind.CUSTOMER, {"name": "Litware"})
        assert watch.poll() is not None
    finally:
        watch.close()


def test_a_database_in_memory_has_no_outside_writer() -> None:
    with Database.open("sqlite://") as memory:
        assert outside_changes(memory) is None


def test_targets_replaced_elsewhere_are_named_though_they_carry_no_version(
    db: Database, db_path: Path
) -> None:
    records.set_targets(db, {"cloud-platform": "gold"})
    watch = outside_changes(db)
    assert watch is not None
    try:
        with Database.open(f"sqlite:///{db_path}") as other:
            records.set_targets(other, {"cloud-platform": "silver"})
        change = watch.poll()
        assert change is not None and change.kinds == {RecordKind.TARGET}
    finally:
        watch.close()


@pytest.mark.parametrize(
    ("language", "named"),
    [
        ("en", "Changed elsewhere (last change by {who} at {when})"),
        ("de", "Anderswo geändert (letzte Änderung von {who} um {when})"),
    ],
)
def test_an_outside_change_names_the_last_logged_change_who_and_when(
    db: Database, db_path: Path, language: str, named: str
) -> None:
    """In the window's language (the autouse fixture makes it English again afterwards)."""
    assert vocabulary.use_language(language) == language
    watch = outside_changes(db)
    assert watch is not None
    try:
        with Database.open(f"sqlite:///{db_path}") as other:
            records.add_record(other, RecordKind.CUSTOMER, {"name": "Fabrikam"})
        change = watch.poll()
        assert isinstance(change, OutsideChange) and change.named, "the window tells it"
        (last,) = recent_changes(db, limit=1)
        when = f"{last.at.astimezone():%H:%M:%S}"
        assert change.description == named.format(who=getpass.getuser(), when=when)
    finally:
        watch.close()
