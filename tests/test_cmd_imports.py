"""The ``imports`` command: lists the exam imports, and removes one whole."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from mpn_desktop.cli import main

USAGE = Path(__file__).parent / "importers" / "fixtures" / "usage"


def _exam_count(url: str) -> int:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return int(connection.execute(text("SELECT count(*) FROM exam_results")).scalar_one())
    finally:
        engine.dispose()


def _two_peoples_exams(folder: Path) -> Path:
    """An exam sheet of two people, one exam each."""
    source = folder / "sheet.csv"
    source.write_text(
        "MCP ID,Name,Exam,Date\n1234567,Ana Ruiz,70-533,2017-06-01\n"
        "7654321,Bo Chen,70-347,2017-07-01\n",
        encoding="utf-8",
    )
    return source


def test_imports_are_listed_and_one_is_removed_whole(
    db_args: list[str], db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = db_args
    assert main([*db, "imports"]) == 0
    assert "No imports" in capsys.readouterr().out
    source = _two_peoples_exams(tmp_path)
    assert main([*db, "import-exams", str(source)]) == 0
    out = capsys.readouterr().out
    assert "(2 people added)" in out and "imports --remove 1" in out
    assert main([*db, "imports"]) == 0
    listing = capsys.readouterr().out.splitlines()
    assert listing[1].split()[0] == "1" and listing[1].endswith("sheet.csv")
    assert _exam_count(db_url) == 2
    assert main([*db, "imports", "--remove", "1"]) == 0
    assert "2 exam records, 2 people it created" in capsys.readouterr().out
    assert _exam_count(db_url) == 0
    assert main([*db, "imports", "--remove", "1"]) == 1
    assert "imports --remove 1: " in capsys.readouterr().err


def test_removing_an_unknown_import_names_the_database_and_its_imports(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Before: "there is no import with id 7 any more", though there never was one,
    # with no word of which ids there are.
    path = tmp_path / "t.sqlite3"
    db = ["--db", str(path)]
    assert main([*db, "imports", "--remove", "7"]) == 1
    err = capsys.readouterr().err
    assert f"imports --remove 7: {path} holds no imports; nothing removed" in err
    source = tmp_path / "sheet.csv"
    source.write_text("MCP ID,Name,Exam,Date\n1234567,Ana Ruiz,70-533,2017-06-01\n")
    assert main([*db, "import-exams", str(source)]) == 0
    capsys.readouterr()
    assert main([*db, "imports", "--remove", "7"]) == 1
    err = capsys.readouterr().err
    assert f"{path} holds no import with id 7 (its imports: 1); nothing removed" in err
    assert "'mpn-desktop imports' lists them" in err
    assert "any more" not in err


def test_imports_are_listed_and_removed_in_german(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before, the listing, the removal and its refusals were English under --language de."""
    path = tmp_path / "t.sqlite3"
    db = ["--language", "de", "--db", str(path)]
    assert main([*db, "imports"]) == 0
    assert capsys.readouterr().out == "Keine Importe in dieser Datenbank.\n"
    assert main([*db, "imports", "--remove", "7"]) == 1
    assert f"imports --remove 7: {path} enthält keine Importe; nichts wurde entfernt" in (
        capsys.readouterr().err
    )
    source = _two_peoples_exams(tmp_path)
    assert main([*db, "import-exams", str(source)]) == 0
    capsys.readouterr()
    assert main([*db, "imports"]) == 0
    heading, row = capsys.readouterr().out.splitlines()
    assert heading.split() == [
        "ID",
        "importiert",
        "(UTC)",
        "Art",
        "neu",
        "dopp.",
        "angelegt",
        "vorhandene",
        "Monate",
        "Datei",
    ]
    assert row.split()[3:] == ["Prüfungen", "2", "0", "2", "Personen", "sheet.csv"]
    assert main([*db, "imports", "--remove", "1"]) == 0
    assert capsys.readouterr().out == (
        "Import 1 von sheet.csv entfernt: 2 Prüfungsergebnisse, 2 Personen, die er angelegt "
        "hatte.\n"
    )


@pytest.mark.parametrize(
    ("language", "said"),
    [
        ("en", ["usage", "10", "0", "3 customers, 4 subscriptions", "2 people"]),
        ("de", ["Nutzung", "10", "0", "3 Kunden, 4 Abonnements", "2 Personen"]),
    ],
)
def test_the_listing_says_what_each_import_created(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], language: str, said: list[str]
) -> None:
    """A usage import creates customers and subscriptions, not people: before, the listing's
    last figure was its people, "0", whatever it had created."""
    db = ["--language", language, "--db", str(tmp_path / "t.sqlite3")]
    assert main([*db, "import-exams", str(_two_peoples_exams(tmp_path))]) == 0
    assert main([*db, "import-usage", str(USAGE / "csp-usage-based-recon.2019-01.csv")]) == 0
    capsys.readouterr()
    assert main([*db, "imports"]) == 0
    heading, usage, exams = capsys.readouterr().out.splitlines()
    # The created column starts where its heading does; the file follows it.
    at = heading.index({"en": "created", "de": "angelegt"}[language])
    kind, added, duplicates = usage.split()[3:6]
    assert [kind, added, duplicates] == said[:3]
    assert usage[at:].startswith(said[3] + "  ")
    assert exams[at:].startswith(said[4] + "  ")
    assert usage.endswith("csp-usage-based-recon.2019-01.csv")
