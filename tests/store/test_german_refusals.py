"""The store's refusals in the window's language: German in a German window (they read in
English before, inside boxes whose every other word was German)."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers.postgres import PostgresCluster
from helpers.watches import poll_until

from mpn_desktop.domain import vocabulary
from mpn_desktop.errors import RecordChanged, StoreError, ValidationError
from mpn_desktop.store import models, records
from mpn_desktop.store.changes import RecordKind
from mpn_desktop.store.database import Database


@pytest.fixture
def german() -> None:
    """The sentences in German (the autouse english_sentences_after puts English back)."""
    assert vocabulary.use_language("de") == "de"


def test_a_duplicate_says_so_in_german(db: Database, german: None) -> None:
    records.add_record(db, RecordKind.CUSTOMER, {"name": "Fabrikam"})
    with pytest.raises(ValidationError) as refused:
        records.add_record(db, RecordKind.CUSTOMER, {"name": "Fabrikam"})
    assert str(refused.value) == "Es gibt bereits einen Kunden mit diesem Namen"


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
        "Der Datensatz (Person) wurde geändert, seit er angezeigt wurde "
        "(E-Mail ist jetzt “neu@example.com”, war “ana@old.example”)"
    ), message
    assert "es wurde nichts gespeichert (Ihre Änderung: Name “Ana Ruiz”)" in message, message


def test_a_record_gone_is_said_in_german(db: Database, german: None) -> None:
    with pytest.raises(ValidationError) as refused:
        records.update_record(db, RecordKind.CUSTOMER, 12345, {"name": "Contoso"})
    assert str(refused.value) == "Es gibt keinen Datensatz (Kunde) mit der ID 12345 mehr"


def test_an_import_gone_is_said_in_german(db: Database, german: None) -> None:
    from mpn_desktop.store.import_removal import remove_import

    with pytest.raises(ValidationError) as refused:
        remove_import(db, 4321)
    assert str(refused.value) == "Es gibt keinen Import mit der ID 4321 mehr"


def test_a_value_refused_says_why_in_german(db: Database, german: None) -> None:
    with pytest.raises(ValidationError) as refused:
        records.add_record(db, RecordKind.PERSON, {"mcp_id": "abc", "name": "Ana"})
    assert str(refused.value) == (
        "Der Datensatz (Person) wurde nicht gespeichert: "
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


def test_a_file_that_is_not_a_database_is_refused_in_german(tmp_path: Path, german: None) -> None:
    """What the start-up box shows for a damaged or foreign file read in English before."""
    path = tmp_path / "notes.sqlite3"
    path.write_text("shopping list: milk, eggs\n" * 200)
    with pytest.raises(StoreError) as refused:
        Database.open(f"sqlite:///{path}")
    assert str(refused.value) == (
        f"{path}: Diese Datenbank kann nicht geöffnet werden: es ist keine Datenbankdatei. "
        f"Sie wurde nicht verändert. Neben ihr in {tmp_path} wurde keine fehlerfreie Sicherung "
        "gefunden; um eine anderswo aufbewahrte wiederherzustellen, führen Sie aus: "
        f'mpn-desktop --db "{path}" restore SICHERUNGSDATEI'
    )


@pytest.mark.sqlite_only
def test_a_newer_database_is_refused_in_german(db: Database, db_path: Path, german: None) -> None:
    from sqlalchemy import text

    with db.session() as session:
        session.execute(text("UPDATE alembic_version SET version_num = 'ffff_future'"))
    db.close()
    with pytest.raises(StoreError) as refused:
        Database.open(f"sqlite:///{db_path}")
    message = str(refused.value)
    assert (
        f"{db_path}: Diese Datenbank kann nicht geöffnet werden: sie wurde von einer neueren "
        "Version von mpn-desktop geschrieben (Schema ffff_future); aktualisieren Sie das "
        "Programm, um sie zu öffnen. Sie wurde nicht verändert."
    ) in message, message
    assert "Um zur neuesten fehlerfreien Sicherung" in message or "Neben ihr in" in message


def test_a_full_disk_is_said_in_german_and_advised_by_its_kind(
    tmp_path: Path, german: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The advice once tested ``"full" in problem``: in German there is no "full" to find."""
    from collections import namedtuple

    from mpn_desktop.store import disk_state

    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(disk_state.shutil, "disk_usage", lambda _folder: usage(10, 10, 1000))
    problem = disk_state.folder_problem(tmp_path / "tracker.sqlite3")
    assert problem is not None and problem.disk_full
    assert str(problem) == f"der Datenträger mit {tmp_path} ist voll (1.000 Bytes frei)"
    assert disk_state.what_to_do(problem) == (
        "Geben Sie auf diesem Datenträger Platz frei und versuchen Sie es dann erneut."
    )
    read_only = disk_state.FolderProblem("der Ordner ist schreibgeschützt")
    assert disk_state.what_to_do(read_only).startswith("Heben Sie den Schreibschutz auf")
    # What was refused begins its sentence after the path, as the other refusals do.
    from mpn_desktop.store import database

    path = tmp_path / "tracker.sqlite3"
    assert database._blocked(path, problem, database._CANNOT_OPEN).startswith(
        f"{path}: Die Datenbank kann nicht geöffnet werden: der Datenträger mit {tmp_path} "
    )


def test_a_restore_from_a_file_that_is_no_backup_is_refused_in_german(
    tmp_path: Path, german: None
) -> None:
    """What the start-up box's 'Restore' or File > Restore says when the backup is unusable."""
    from mpn_desktop.store.backups import restore

    empty = tmp_path / "leer.sqlite3"
    empty.write_bytes(b"")
    with pytest.raises(StoreError) as refused:
        restore(tmp_path / "tracker.sqlite3", empty)
    assert str(refused.value) == (
        f"{empty}: Aus dieser Datei kann nicht wiederhergestellt werden: "
        "sie ist leer (0 Bytes), keine Sicherung"
    )
    with pytest.raises(StoreError) as refused:
        restore(empty, empty)
    assert str(refused.value).endswith(": es ist die Datenbank selbst")


def test_a_document_refused_says_its_problems_in_german(db: Database, german: None) -> None:
    from mpn_desktop.store.documents import load_document
    from mpn_desktop.store.sample import sample_document

    document = sample_document()
    document["references"][0]["customer"] = "Nobody Inc"
    document["people"].append(dict(document["people"][0]))
    document["customers"][0]["colour"] = "blue"
    del document["fee_payments"][0]["level"]
    with pytest.raises(ValidationError) as refused:
        load_document(db, document, source="org.json")
    assert str(refused.value).startswith(
        "org.json: Das Dokument hat 4 Probleme; es wurde nichts geschrieben"
    ), str(refused.value)
    problems = refused.value.problems
    assert "references[0].customer: kein Kunde heißt 'Nobody Inc'" in problems
    repeat = len(document["people"]) - 1
    assert any(
        p.startswith(f"people[{repeat}]: wiederholt eine MCP-ID (wie people[0])") for p in problems
    ), problems
    assert "customers[0].colour: unbekanntes Feld" in problems
    assert "fee_payments[0].level: fehlt" in problems


def test_a_document_over_a_database_with_data_is_refused_in_german(
    db: Database, german: None
) -> None:
    from mpn_desktop.store.documents import load_document
    from mpn_desktop.store.sample import sample_document

    load_document(db, sample_document())
    with pytest.raises(ValidationError) as refused:
        load_document(db, sample_document())
    assert str(refused.value) == (
        "Die Datenbank enthält bereits eine Organisation; es wurde nichts geschrieben. "
        "Laden Sie mit --replace, um alles darin zu ersetzen."
    )


def test_a_target_naming_no_designation_is_refused_in_german(db: Database, german: None) -> None:
    from mpn_desktop.store.documents import load_document
    from mpn_desktop.store.sample import sample_document

    document = sample_document()
    document["targets"] = [{"designation": "azure"}]
    with pytest.raises(ValidationError) as refused:
        load_document(db, document)
    (problem,) = refused.value.problems
    assert problem.startswith(
        "targets[0].designation: 'azure' ist keine Designation; bekannt sind: "
    ), problem


@pytest.mark.postgresql
def test_a_team_databases_change_made_elsewhere_is_named_in_german(
    postgres: PostgresCluster, german: None
) -> None:
    import re

    from mpn_desktop.store.outside_changes import outside_changes

    url = postgres.url(postgres.create_database())
    with Database.open(url) as mine, Database.open(url) as theirs:
        watch = outside_changes(mine)
        assert watch is not None
        try:
            records.add_record(theirs, RecordKind.CUSTOMER, {"name": "Fabrikam"})
            change = poll_until(watch)
            assert change is not None
            # Named by the database login that wrote it, at the commit's time.
            assert re.fullmatch(
                r"Anderswo geändert \(letzte Änderung von \S+ um \d\d:\d\d:\d\d\)",
                change.description,
            ), change.description
        finally:
            watch.close()


def test_a_private_folder_or_file_that_cannot_be_made_is_said_in_german(
    tmp_path: Path, german: None
) -> None:
    """The backup's and the database's folders and the database file (store/private_files);
    English in a German window before."""
    from mpn_desktop.store import backups
    from mpn_desktop.store.private_files import create_private_file

    plain = tmp_path / "plain.txt"
    plain.write_text("a file")
    with Database.open(f"sqlite:///{tmp_path / 'tracker.sqlite3'}") as db:
        assert db.path is not None
        with pytest.raises(StoreError) as refused:
            backups.backup(db.path, plain / "copy.sqlite3")
        assert str(refused.value) == (
            f"{plain}: Der Ordner für die Sicherung kann nicht angelegt werden: es ist eine "
            "Datei, kein Ordner"
        )
    with pytest.raises(StoreError) as refused:
        Database.open(f"sqlite:///{plain / 'sub' / 'tracker.sqlite3'}")
    assert str(refused.value).startswith(
        f"{plain / 'sub'}: Der Datenbankordner kann nicht angelegt werden ("
    ), str(refused.value)
    with pytest.raises(StoreError) as refused:
        create_private_file(tmp_path / "missing" / "tracker.sqlite3")
    assert str(refused.value).startswith(
        f"{tmp_path / 'missing' / 'tracker.sqlite3'}: Die Datei kann nicht angelegt werden ("
    ), str(refused.value)


@pytest.mark.parametrize(
    ("url", "said"),
    [
        (
            "nonsense",
            "'nonsense' ist keine Datenbank-URL (erwartet wird zum Beispiel "
            "sqlite:///pfad/zur/datei.sqlite3)",
        ),
        (
            "nosuchdb://host/x",
            "nosuchdb://host/x: SQLAlchemy kennt keine Datenbank dieses Namens (mpn-desktop "
            "nimmt sqlite:///DATEI, oder postgresql://BENUTZER@HOST/DATENBANK für ein Team)",
        ),
        (
            "mysql://ana:secret@localhost/mpn",
            "mysql://ana:***@localhost/mpn: Der Datenbanktreiber, den sie braucht, ist nicht "
            "installiert (No module named 'MySQLdb')",
        ),
        (
            "sqlite:///x.sqlite3?mode=ro",
            "sqlite:///x.sqlite3?mode=ro: Die Option „mode“ nach „?“ wird für SQLite nicht "
            "unterstützt; geben Sie die Datei allein an (sqlite:///x.sqlite3)",
        ),
    ],
)
def test_a_url_the_program_cannot_open_is_refused_in_german(
    url: str, said: str, german: None
) -> None:
    """What the start-up box says for a database URL it cannot use (English before)."""
    with pytest.raises(StoreError) as refused:
        Database.open(url)
    assert str(refused.value) == said
