"""What the user chose for the months a usage file brought only some services of is kept with
the import: ``import_batches.months_choice``, said by ``imports`` and kept through its removal
and undo; imports before it (an upgraded database) read "not recorded"."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from helpers.fixtures import cli_options
from helpers.usage_files import RECON, broken_recon, newer_export

from mpn_desktop.cli import main
from mpn_desktop.store.database import Database
from mpn_desktop.store.import_removal import remove_import, restore_import
from mpn_desktop.store.records import import_batches

FIXTURES = Path(__file__).parents[1] / "store" / "fixtures"


def _months_column(database: list[str], capsys: pytest.CaptureFixture[str]) -> list[str]:
    """Each import's months column of the listing, newest first (the file after it cut off)."""
    capsys.readouterr()
    assert main([*database, "imports"]) == 0
    heading, *lines = capsys.readouterr().out.splitlines()
    start = heading.index({"--language": "vorhandene Monate"}.get(database[0], "months held"))
    end = heading.rindex("  ") + 2  # the file's heading, after the columns' gap
    return [line[start:end].strip() for line in lines]


def _choices(url: str) -> list[str | None]:
    with Database.open(url) as db:
        return [batch["months_choice"] for batch in import_batches(db)]


def test_each_choice_is_kept_with_its_import_listed_and_kept_through_removal_and_undo(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = cli_options(db_url)
    rejects = tmp_path / "rejects.csv"
    broken = broken_recon(tmp_path)
    assert main([*database, "import-usage", str(broken), "--skip-bad-rows", str(rejects)]) == 0
    # The skipped line alone, corrected: its lines added to the month the first import kept.
    lines = RECON.read_text(encoding="utf-8-sig").splitlines(keepends=True)
    one = tmp_path / "one line.csv"
    one.write_text(lines[0] + lines[3], encoding="utf-8")
    assert main([*database, "import-usage", str(one), "--add-to-months"]) == 0
    assert main([*database, "import-usage", str(newer_export(tmp_path)), "--replace-months"]) == 0

    assert _choices(db_url) == ["replace", "add", None]
    assert _months_column(database, capsys) == ["replaced whole", "lines added", "not recorded"]
    german = ["--language", "de", *database]
    assert _months_column(german, capsys) == ["ganz ersetzt", "Zeilen ergänzt", "nicht erfasst"]

    with Database.open(db_url) as db:
        batches = import_batches(db)
        for batch in batches[:2]:
            removed = remove_import(db, batch["id"]).value
            assert removed.batch["months_choice"] == batch["months_choice"]
            restore_import(db, removed)
        assert import_batches(db) == batches, "undoing the removal puts the choice back"
    assert main([*database, "imports", "--remove", str(batches[0]["id"])]) == 0
    assert _choices(db_url) == ["add", None]


def test_an_option_given_for_a_file_of_whole_months_records_no_choice(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    database = cli_options(db_url)
    assert main([*database, "import-usage", str(RECON), "--replace-months"]) == 0
    assert _choices(db_url) == [None]
    assert _months_column(database, capsys) == ["not recorded"]


def test_a_database_of_the_previous_schema_upgrades_its_imports_to_not_asked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """schema_0011.db holds an exam import and a usage import that replaced a row."""
    path = tmp_path / "stored.sqlite3"
    shutil.copyfile(FIXTURES / "schema_0011.db", path)
    url = f"sqlite:///{path}"
    with Database.open(url) as db:
        batches = import_batches(db)
        assert [(batch["kind"], batch["months_choice"]) for batch in batches] == [
            ("usage", None),
            ("exams", None),
        ]
        # The usage import still comes out and back whole.
        removed = remove_import(db, batches[0]["id"]).value
        assert len(removed.replaced) == 1
        restore_import(db, removed)
        assert import_batches(db) == batches
    # An exam import has no months to ask about: its cell stays empty.
    assert _months_column(["--db", str(path)], capsys) == ["not recorded", ""]
    connection = sqlite3.connect(path)
    try:
        connection.execute("UPDATE import_batches SET months_choice = 'add' WHERE id = 2")
        with pytest.raises(sqlite3.IntegrityError):
            connection.execute("UPDATE import_batches SET months_choice = 'other' WHERE id = 2")
    finally:
        connection.close()
