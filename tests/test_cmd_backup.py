"""The backup and restore commands."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers.postgres import PostgresCluster

from mpn_desktop.cli import main
from mpn_desktop.store.backups import list_backups


def test_backup_next_to_the_file_and_restore_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "tracker.sqlite3"
    assert main(["--db", str(db), "demo"]) == 0
    assert main(["--db", str(db), "backup"]) == 0
    (saved,) = list_backups(db)
    assert str(saved) in capsys.readouterr().out
    assert main(["--db", str(db), "demo", "--replace"]) == 0

    assert main(["--db", str(db), "restore", str(saved)]) == 0
    out = capsys.readouterr().out
    assert "Restored" in out and "kept in" in out
    # The one restored, the one 'demo --replace' made, and the one the restore replaced.
    reasons = [path.stem.split("-", 4)[-1] for path in list_backups(db)]
    assert reasons == ["manual", "before-demo", "before-restore"]


def test_backup_to_a_chosen_file(tmp_path: Path) -> None:
    db = tmp_path / "tracker.sqlite3"
    assert main(["--db", str(db), "demo"]) == 0
    chosen = tmp_path / "usb" / "copy.sqlite3"
    assert main(["--db", str(db), "backup", str(chosen)]) == 0
    assert chosen.exists()
    assert main(["--db", str(tmp_path / "fresh.sqlite3"), "restore", str(chosen)]) == 0


def test_the_refusal_message_tells_how_to_restore_and_that_works(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "tracker.sqlite3"
    assert main(["--db", str(db), "demo"]) == 0
    assert main(["--db", str(db), "backup"]) == 0
    for suffix in ("-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    db.write_bytes(b"\x00" * 4096)
    capsys.readouterr()
    assert main(["--db", str(db), "export", str(tmp_path / "x.json")]) == 1
    err = capsys.readouterr().err
    assert "restore" in err
    command = err.split("run: ", 1)[1].strip()
    latest = command.rsplit('"', 2)[-2]
    assert main(["--db", str(db), "restore", latest]) == 0
    assert main(["--db", str(db), "export", str(tmp_path / "x.json")]) == 0


def test_restore_refuses_a_file_that_is_not_a_backup(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    junk = tmp_path / "junk.sqlite3"
    junk.write_text("hello")
    assert main(["--db", str(tmp_path / "t.sqlite3"), "restore", str(junk)]) == 1
    assert "cannot restore from this file: it is not a database file" in capsys.readouterr().err


def test_backup_needs_a_sqlite_file_or_postgresql(capsys: pytest.CaptureFixture[str]) -> None:
    # A database in memory has no file to copy; mysql:// is refused before any command runs.
    assert main(["--db-url", "sqlite://", "backup"]) == 1
    assert "sqlite://: backup and restore work on SQLite files and PostgreSQL only" in (
        capsys.readouterr().err
    )


@pytest.mark.parametrize("url", ["postgresqlx://db/mpn", "postgresql_like://db/mpn"])
def test_backup_tells_postgresql_by_the_urls_scheme_not_its_first_letters(
    url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before, any URL starting 'postgresql' was taken for PostgreSQL and opened to be
    written as a document (the check before the command refuses these, not backup)."""
    import argparse

    from mpn_desktop.commands.backup import run_backup, run_restore
    from mpn_desktop.errors import StoreError

    monkeypatch.chdir(tmp_path)
    for run in (run_backup, run_restore):
        args = argparse.Namespace(db_url=url, db=None, file=str(tmp_path / "x.json"))
        with pytest.raises(StoreError) as refused:
            run(args)
        assert str(refused.value) == (
            f"{url}: backup and restore work on SQLite files and PostgreSQL only"
        )
    assert list(tmp_path.iterdir()) == []


@pytest.mark.postgresql
def test_a_postgresql_database_is_backed_up_as_a_document_and_restored_from_it(
    postgres: PostgresCluster, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = postgres.url(postgres.create_database())
    assert main(["--db-url", url, "demo"]) == 0
    saved = tmp_path / "team.json"
    assert main(["--db-url", url, "backup", str(saved)]) == 0
    out = capsys.readouterr().out
    assert f"to {saved} as a JSON document" in out and "mpn-desktop/1" in out
    document = json.loads(saved.read_text())
    assert document["organization"]["name"] == "Contoso Cloud Ltd"

    assert main(["--db-url", url, "load", "--replace", str(_other_organisation(tmp_path))]) == 0
    assert main(["--db-url", url, "restore", str(saved)]) == 0
    out = capsys.readouterr().out
    assert "Restored" in out and "What it held before is kept in" in out
    again = tmp_path / "again.json"
    assert main(["--db-url", url, "export", str(again)]) == 0
    assert json.loads(again.read_text()) == document
    kept = Path(out.rsplit("kept in ", 1)[1].strip().rstrip("."))
    assert json.loads(kept.read_text())["organization"]["name"] == "Fabrikam Partner"


@pytest.mark.postgresql
def test_libpqs_short_spelling_postgres_is_backed_up_too(
    postgres: PostgresCluster, tmp_path: Path
) -> None:
    """--db-url postgres://... opens a team database (245c00a); backup refused it as
    neither a SQLite file nor PostgreSQL."""
    url = postgres.url(postgres.create_database())
    assert main(["--db-url", url, "demo"]) == 0
    short = url.replace("postgresql+psycopg://", "postgres://")
    saved = tmp_path / "team.json"
    assert main(["--db-url", short, "backup", str(saved)]) == 0
    assert json.loads(saved.read_text())["organization"]["name"] == "Contoso Cloud Ltd"


def _other_organisation(tmp_path: Path) -> Path:
    path = tmp_path / "other.json"
    path.write_text(
        json.dumps(
            {
                "format": "mpn-desktop/1",
                "organization": {
                    "name": "Fabrikam Partner",
                    "mpn_id": "9999999",
                    "market": "developed",
                },
            }
        )
    )
    return path


@pytest.mark.postgresql
def test_a_postgresql_backup_also_calls_pg_dump_when_it_is_on_the_path_and_says_so(
    postgres: PostgresCluster,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    url = postgres.url(postgres.create_database())
    assert main(["--db-url", url, "demo"]) == 0
    capsys.readouterr()
    saved = tmp_path / "team.json"
    assert main(["--db-url", url, "backup", str(saved)]) == 0
    out = capsys.readouterr().out
    archive = tmp_path / "team.pgdump"
    assert f"pg_dump's archive of the whole database to {archive}" in out
    assert archive.read_bytes()[:5] == b"PGDMP"  # pg_dump's custom format
    assert archive.stat().st_mode & 0o077 == 0
    assert json.loads(saved.read_text())["organization"]["name"] == "Contoso Cloud Ltd"

    # Without pg_dump: the document alone, and the output says so.
    monkeypatch.setenv("PATH", str(tmp_path / "nothing-here"))
    again = tmp_path / "again.json"
    assert main(["--db-url", url, "backup", str(again)]) == 0
    out = capsys.readouterr().out
    assert "No pg_dump archive was written (pg_dump is not on the PATH)" in out
    assert again.exists() and not (tmp_path / "again.pgdump").exists()
