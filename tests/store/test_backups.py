"""Backups next to the file, pruned; restore checks the file first and keeps what it replaces."""

from __future__ import annotations

import shutil
import sqlite3
import stat
from pathlib import Path

import pytest

from mpn_desktop.domain import vocabulary
from mpn_desktop.errors import StoreError
from mpn_desktop.store import backups
from mpn_desktop.store.changes import RecordKind as K
from mpn_desktop.store.database import Database
from mpn_desktop.store.engine import integrity_check
from mpn_desktop.store.records import add_record, list_records

# SQLite files: their backups, their stored schema versions.
pytestmark = pytest.mark.sqlite_only

FIXTURES = Path(__file__).parent / "fixtures"


def _names(db_path: Path) -> list[str]:
    with Database.open(f"sqlite:///{db_path}") as db:
        return [row["name"] for row in list_records(db, K.CUSTOMER)]


def test_backup_is_a_consistent_copy_next_to_the_file(db: Database, db_path: Path) -> None:
    add_record(db, K.CUSTOMER, {"name": "Fabrikam"})
    saved = backups.backup(db_path)  # while the database is open
    assert saved.parent == db_path.parent
    assert backups.latest_backup(db_path) == saved
    assert integrity_check(saved) == ["ok"]
    assert _names(saved) == ["Fabrikam"]


def test_only_the_last_few_automatic_backups_are_kept(db: Database, db_path: Path) -> None:
    made = [backups.backup(db_path) for _ in range(backups.KEEP_BACKUPS + 3)]
    assert backups.list_backups(db_path) == made[-backups.KEEP_BACKUPS :]


def test_a_backup_onto_an_existing_file_is_refused_and_leaves_it_as_it_was(
    db: Database, db_path: Path, tmp_path: Path
) -> None:
    chosen = tmp_path / "monday.sqlite3"
    chosen.write_bytes(b"the user's own file")
    with pytest.raises(StoreError, match=r"monday\.sqlite3: a file of that name exists already"):
        backups.backup(db_path, chosen)
    assert chosen.read_bytes() == b"the user's own file"


def test_restore_brings_back_the_backup_and_keeps_what_it_replaced(
    db: Database, db_path: Path
) -> None:
    add_record(db, K.CUSTOMER, {"name": "Fabrikam"})
    saved = backups.backup(db_path, db_path.parent / "keep" / "monday.sqlite3")
    add_record(db, K.CUSTOMER, {"name": "Litware"})
    db.close()
    kept = backups.restore(db_path, saved)
    assert kept is not None
    assert _names(db_path) == ["Fabrikam"]
    assert _names(kept) == ["Fabrikam", "Litware"]


def test_restore_refuses_a_bad_backup_and_changes_nothing(db: Database, db_path: Path) -> None:
    add_record(db, K.CUSTOMER, {"name": "Fabrikam"})
    junk = db_path.parent / "junk.sqlite3"
    junk.write_bytes(b"not a database at all" * 100)
    with pytest.raises(StoreError, match=r"junk\.sqlite3: cannot restore from this file"):
        backups.restore(db_path, junk)
    assert backups.list_backups(db_path) == []
    assert _names(db_path) == ["Fabrikam"]


def test_restore_over_a_damaged_file_keeps_its_exact_bytes(tmp_path: Path) -> None:
    db_path = tmp_path / "tracker.sqlite3"
    db_path.write_bytes(b"garbage" * 50)
    good = tmp_path / "good.sqlite3"
    shutil.copy(FIXTURES / "schema_0002.db", good)
    kept = backups.restore(db_path, good)
    assert kept is not None and kept.read_bytes() == b"garbage" * 50
    assert _names(db_path) == ["Fabrikam", "Litware"]


def test_an_old_schema_is_backed_up_before_it_is_migrated(tmp_path: Path) -> None:
    db_path = tmp_path / "tracker.sqlite3"
    shutil.copy(FIXTURES / "schema_0001.db", db_path)
    original = db_path.read_bytes()
    Database.open(f"sqlite:///{db_path}").close()
    (saved,) = backups.list_backups(db_path)
    assert "before-schema" in saved.name
    assert backups.problem_with(saved) is None
    with Database.open(f"sqlite:///{saved}"):
        pass  # opening it migrates the copy, proving it held the old data
    assert original != db_path.read_bytes()


def test_backup_into_a_folder_that_is_a_file_is_a_store_error(
    db: Database, db_path: Path, tmp_path: Path
) -> None:
    # Before: mkdir's FileExistsError / NotADirectoryError escaped as a traceback.
    plain = tmp_path / "plain.txt"
    plain.write_text("a file")
    with pytest.raises(StoreError, match=r"plain.txt: cannot create .*it is a file, not a folder"):
        backups.backup(db_path, plain / "copy.sqlite3")
    with pytest.raises(StoreError, match=r"plain.txt/sub: cannot create the folder"):
        backups.backup(db_path, plain / "sub" / "copy.sqlite3")
    assert plain.read_text() == "a file"


def test_restore_into_a_folder_that_is_a_file_is_a_store_error(
    db: Database, db_path: Path, tmp_path: Path
) -> None:
    saved = backups.backup(db_path)
    plain = tmp_path / "plain.txt"
    plain.write_text("a file")
    with pytest.raises(StoreError, match="it is a file, not a folder"):
        backups.restore(plain / "tracker.sqlite3", saved)


def test_restore_onto_a_folder_changes_nothing(db: Database, db_path: Path, tmp_path: Path) -> None:
    # Before: shutil.copy2 of the folder raised IsADirectoryError.
    saved = backups.backup(db_path)
    folder = tmp_path / "folder.sqlite3"
    folder.mkdir()
    (folder / "inside.txt").write_text("kept")
    with pytest.raises(StoreError, match="is a folder; nothing was restored"):
        backups.restore(folder, saved)
    assert [p.name for p in folder.iterdir()] == ["inside.txt"]
    with pytest.raises(StoreError, match="it is a folder, not a database file"):
        backups.restore(db_path, folder)


def test_backup_into_the_database_or_its_journal_is_refused(db: Database, db_path: Path) -> None:
    # Before: a backup to tracker.sqlite3-wal was written where SQLite keeps its log.
    db.close()  # checkpointed: no -wal file now, so "exists already" cannot refuse it
    for target in (Path(f"{db_path}-wal"), Path(f"{db_path}-journal")):
        with pytest.raises(StoreError, match="is the database itself"):
            backups.backup(db_path, target)
        assert not target.exists()
    with pytest.raises(StoreError, match="is the database itself"):
        backups.backup(db_path, db_path)


def test_restore_from_the_database_itself_is_refused_and_keeps_nothing(
    db: Database, db_path: Path
) -> None:
    # Before: a "before-restore" copy was made, then the copy onto itself failed
    # with "database is locked".
    add_record(db, K.CUSTOMER, {"name": "Fabrikam"})
    db.close()
    with pytest.raises(StoreError, match="it is the database itself"):
        backups.restore(db_path, db_path.parent / "." / db_path.name)
    assert backups.list_backups(db_path) == []
    assert _names(db_path) == ["Fabrikam"]


def test_a_refused_file_kept_aside_is_never_listed_as_a_backup(tmp_path: Path) -> None:
    db_path = tmp_path / "tracker.sqlite3"
    with Database.open(f"sqlite:///{db_path}"):
        pass
    good = backups.backup(db_path)
    db_path.write_bytes(b"damaged" * 500)
    kept = backups.restore(db_path, good)
    assert kept is not None and kept.name.startswith("tracker.refused-")
    legacy = tmp_path / "tracker.backup-20260101-000000-000000-replaced-by-restore.sqlite3"
    legacy.write_bytes(b"damaged" * 500)
    assert backups.list_backups(db_path) == [good]


def test_restoring_the_oldest_of_the_kept_backups_keeps_it(db: Database, db_path: Path) -> None:
    # Before: the backup taken of what restore replaces pruned the oldest
    # backup, the very file being restored; the restore failed and it was gone.
    add_record(db, K.CUSTOMER, {"name": "Fabrikam"})
    made = [backups.backup(db_path) for _ in range(backups.KEEP_BACKUPS)]
    add_record(db, K.CUSTOMER, {"name": "Litware"})
    db.close()
    kept = backups.restore(db_path, made[0])
    assert made[0].exists()
    assert _names(db_path) == ["Fabrikam"]
    assert kept is not None and _names(kept) == ["Fabrikam", "Litware"]


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_backups_and_restored_databases_are_readable_by_their_owner_only(
    db: Database, db_path: Path, tmp_path: Path
) -> None:
    # Before: a restore into a new or refused file made it 0644 (SQLite's default).
    add_record(db, K.CUSTOMER, {"name": "Fabrikam"})
    saved = backups.backup(db_path)
    chosen = backups.backup(db_path, tmp_path / "elsewhere" / "copy.sqlite3")
    assert _mode(saved) == 0o600 and _mode(chosen) == 0o600
    assert _mode(chosen.parent) == 0o700

    fresh = tmp_path / "new" / "tracker.sqlite3"
    assert backups.restore(fresh, saved) is None
    assert _mode(fresh) == 0o600 and _mode(fresh.parent) == 0o700
    assert _names(fresh) == ["Fabrikam"]

    refused = tmp_path / "refused.sqlite3"
    refused.write_bytes(b"not a database" * 100)
    refused.chmod(0o600)
    kept = backups.restore(refused, saved)
    assert kept is not None and _mode(kept) == 0o600
    assert _mode(refused) == 0o600
    assert _names(refused) == ["Fabrikam"]


def test_a_failed_restore_into_a_new_file_leaves_no_empty_database(
    db: Database, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    saved = backups.backup(db_path)
    db.close()

    def failing(_source: Path, _destination: Path, **_options: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(backups.sqlite_files, "online_backup", failing)
    fresh = tmp_path / "new.sqlite3"
    with pytest.raises(StoreError, match=r"restoring from .* failed"):
        backups.restore(fresh, saved)
    assert not fresh.exists()


def test_restore_while_another_copy_has_the_database_open(db: Database, db_path: Path) -> None:
    # Before: the restored copy was switched out of WAL, which another open
    # connection forbids: "restoring ... failed (database is locked)" was
    # reported after the database had in fact been replaced.
    add_record(db, K.CUSTOMER, {"name": "Fabrikam"})
    saved = backups.backup(db_path)
    add_record(db, K.CUSTOMER, {"name": "Litware"})
    other_copy = sqlite3.connect(db_path)
    try:
        assert other_copy.execute("SELECT count(*) FROM customers").fetchone() == (2,)
        kept = backups.restore(db_path, saved)
        assert other_copy.execute("SELECT name FROM customers").fetchall() == [("Fabrikam",)]
    finally:
        other_copy.close()
    assert kept is not None and _names(kept) == ["Fabrikam", "Litware"]
    assert _names(db_path) == ["Fabrikam"]
    assert integrity_check(db_path) == ["ok"]
    with db.session(readonly=True) as session:  # the program's own connection follows too
        assert session.connection().exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_a_file_moved_aside_by_restore_keeps_the_commits_in_its_wal(
    db: Database, db_path: Path, tmp_path: Path
) -> None:
    # Before: only the main file was kept and its WAL deleted, so the last
    # commits of a newer version of the program (not yet checkpointed) were lost.
    add_record(db, K.CUSTOMER, {"name": "Fabrikam"})
    saved = backups.backup(db_path)
    db.close()
    crashed = tmp_path / "crashed.sqlite3"
    writer = sqlite3.connect(db_path)
    try:
        writer.execute("PRAGMA wal_autocheckpoint=0")
        writer.execute("UPDATE alembic_version SET version_num = '9999'")
        writer.execute("INSERT INTO customers (name) VALUES ('Newer Ltd')")
        writer.commit()
        # As a newer version killed at this moment leaves it: the commit in the WAL only.
        shutil.copy(db_path, crashed)
        shutil.copy(f"{db_path}-wal", f"{crashed}-wal")
    finally:
        writer.close()

    kept = backups.restore(crashed, saved)
    assert kept is not None and ".refused-" in kept.name
    check = sqlite3.connect(kept)
    try:
        names = {row[0] for row in check.execute("SELECT name FROM customers")}
        version = check.execute("SELECT version_num FROM alembic_version").fetchone()
    finally:
        check.close()
    assert names == {"Fabrikam", "Newer Ltd"} and version == ("9999",)
    assert _names(crashed) == ["Fabrikam"]


RESTORE_ADVICE = {
    "en": (
        " No sound backup of it was found next to it in {folder}; to restore one kept "
        'elsewhere, run: mpn-desktop --db "{path}" restore BACKUP-FILE',
        " To go back to the latest sound backup ({name}), run: "
        'mpn-desktop --db "{path}" restore "{latest}"',
    ),
    "de": (
        " Neben ihr in {folder} wurde keine fehlerfreie Sicherung gefunden; um eine anderswo "
        'aufbewahrte wiederherzustellen, führen Sie aus: mpn-desktop --db "{path}" restore '
        "SICHERUNGSDATEI",
        " Um zur neuesten fehlerfreien Sicherung ({name}) zurückzukehren, führen Sie aus: "
        'mpn-desktop --db "{path}" restore "{latest}"',
    ),
}


@pytest.mark.parametrize("language", ["en", "de"])
def test_a_damaged_database_ends_with_the_same_advice_opened_or_backed_up(
    db: Database, db_path: Path, tmp_path: Path, language: str
) -> None:
    """Opening it and backing it up say the one sentence of backups.restore_advice; before,
    the backup's named no folder where no sound backup was found."""
    for number in range(300):
        add_record(db, K.CUSTOMER, {"name": f"Customer {number:03} " + "x" * 100})
    db.close()
    sound = backups.backup(db_path)
    kept_away = sound.rename(tmp_path / "elsewhere.sqlite3")
    size = db_path.stat().st_size
    with db_path.open("r+b") as handle:
        handle.seek(size // 2)
        handle.write(b"\xa5" * 8192)  # as a disk fault would
    vocabulary.use_language(language)
    none_found, latest_found = RESTORE_ADVICE[language]
    assert _refusals_end_with(db_path, none_found.format(folder=db_path.parent, path=db_path))
    kept_away.rename(sound)
    advice = latest_found.format(name=sound.name, path=db_path, latest=sound)
    assert _refusals_end_with(db_path, advice)


def _refusals_end_with(db_path: Path, advice: str) -> bool:
    """Whether opening and backing up the database are refused ending with ``advice``."""
    with pytest.raises(StoreError) as opened:
        Database.open(f"sqlite:///{db_path}")
    with pytest.raises(StoreError) as backed_up:
        backups.backup(db_path)
    assert str(opened.value).endswith(advice), str(opened.value)
    assert str(backed_up.value).endswith(advice), str(backed_up.value)
    return True
