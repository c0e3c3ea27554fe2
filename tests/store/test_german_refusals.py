"""The store's refusals in the window's language: German in a German window (they read in
English before, inside boxes whose every other word was German)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from mpn_desktop.domain import vocabulary
from mpn_desktop.errors import RecordChanged, StoreError, ValidationError
from mpn_desktop.store import models, records
from mpn_desktop.store.changes import RecordKind
from mpn_desktop.store.database import Database


@pytest.fixture
def german() -> Iterator[None]:
    assert vocabulary.use_language("de") == "de"
    yield
    vocabulary.use_language("en")


def test_a_duplicate_says_so_in_german(db: Database, german: None) -> None:
    records.add_record(db, RecordKind.CUSTOMER, {"name": "Fabrikam"})
    with pytest.raises(ValidationError) as refused:
        records.add_record(db, RecordKind.CUSTOMER, {"name": "Fabrikam"})
    assert str(refused.value) == "es gibt bereits einen Kunden mit diesem Namen"


def test_a_reference_to_nothing_says_so_in_german(db: Database, german: None) -> None:
    with pytest.raises(ValidationError) as refused, db.session() as session:
        session.add(models.Customer(name="Fabrikam", import_batch_id=999))
    assert str(refused.value) == (
        "Import: Der Datensatz (Import), auf den verwiesen wird, existiert nicht"
    )


def test_a_stale_edit_is_refused_in_german_naming_the_fields(db: Database, german: None) -> None:
    added = records.add_record(
        db, RecordKind.PERSON, {"mcp_id": "111", "name": "Ana", "email": "ana@old.example"}
    )
    shown = records.get_record(db, RecordKind.PERSON, added.value.id)
    assert shown is not None
    records.update_record(db, RecordKind.PERSON, added.value.id, {"email": "neu@example.com"})
    with pytest.raises(RecordChanged) as refused:
        records.update_record(
            db, RecordKind.PERSON, added.value.id, {"name": "Ana Ruiz"}, expected=shown
        )
    message = str(refused.value)
    assert message.startswith(
        "der Datensatz (Person) wurde geändert, seit er angezeigt wurde "
        "(E-Mail ist jetzt “neu@example.com”, war “ana@old.example”)"
    ), message
    assert "es wurde nichts gespeichert (Ihre Änderung: Name “Ana Ruiz”)" in message, message


def test_a_record_gone_is_said_in_german(db: Database, german: None) -> None:
    with pytest.raises(ValidationError) as refused:
        records.update_record(db, RecordKind.CUSTOMER, 12345, {"name": "Contoso"})
    assert str(refused.value) == "es gibt keinen Datensatz (Kunde) mit der ID 12345 mehr"


def test_an_import_gone_is_said_in_german(db: Database, german: None) -> None:
    from mpn_desktop.store.import_removal import remove_import

    with pytest.raises(ValidationError) as refused:
        remove_import(db, 4321)
    assert str(refused.value) == "es gibt keinen Import mit der ID 4321 mehr"


def test_a_value_refused_says_why_in_german(db: Database, german: None) -> None:
    with pytest.raises(ValidationError) as refused:
        records.add_record(db, RecordKind.PERSON, {"mcp_id": "abc", "name": "Ana"})
    assert str(refused.value) == (
        "der Datensatz (Person) wurde nicht gespeichert: "
        "MCP-ID: 'abc' ist keine MCP-ID (nur Ziffern, höchstens 20)"
    )


def test_a_failure_of_no_known_kind_is_said_in_german(tmp_path: Path, german: None) -> None:
    """Before, the last of the store's failures read in English in a German window
    ('the database failed while writing'), where being busy or the server away did not."""
    from sqlalchemy import text

    with (
        Database.open(f"sqlite:///{tmp_path / 'tracker.sqlite3'}") as db,
        pytest.raises(StoreError) as refused,
        db.session() as session,
    ):
        session.execute(text("SELECT * FROM no_such_table"))
    message = str(refused.value)
    assert message.endswith(
        ": Die Datenbank hat beim Schreiben versagt (no such table: no_such_table)"
    ), message
