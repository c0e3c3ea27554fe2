"""A record with fewer (or more) fields than the header, first in the file or further on.

A first record too short for the header made the file "not look like a CSV
file"; the same record at line 500 was read, and its fields said "missing"
without saying why. Now both say how many fields the record has.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers.fixtures import cli_options
from importer_helpers import HEADER, import_file, stored_exams

from mpn_desktop.cli import main
from mpn_desktop.importers.catalog_lookup import CatalogLookup
from mpn_desktop.importers.importing import ImportResult
from mpn_desktop.importers.reading import detect_delimiter
from mpn_desktop.store.database import Database

_GOOD = "1000001,Ana Ruiz,70-533,,2017-11-25,"


def _file(path: Path, *records: str) -> Path:
    path.write_text("\n".join([",".join(HEADER), *records]) + "\n", encoding="utf-8")
    return path


def _problems(result: ImportResult, line: int) -> list[str]:
    """The problems of one line, as said after its number."""
    return [
        str(problem).removeprefix(f"line {line}")
        for problem in result.errors
        if problem.line == line
    ]


def test_a_short_first_record_is_named_as_a_short_record_further_on_is(
    db: Database, lookup: CatalogLookup, tmp_path: Path
) -> None:
    first = import_file(db, lookup, _file(tmp_path / "first.csv", "1000002"))
    later = import_file(
        db,
        lookup,
        _file(tmp_path / "later.csv", *[_GOOD] * 498, "1000002"),
        dry_run=True,
    )
    assert _problems(first, 2) == [
        ": 1 field where the header has 6",
        ", exam code: missing (and no exam title to look it up by)",
        ", date passed: missing",
    ]
    assert _problems(later, 500) == _problems(first, 2)
    assert stored_exams(db) == set()


def test_records_of_any_width_under_a_header_are_read_as_its_delimiter(tmp_path: Path) -> None:
    # No width is shared by half the records: the header's columns decide.
    path = _file(tmp_path / "ragged.csv", "1,a", "2,b,c", "3,b,c,d", "4")
    assert detect_delimiter(path, "utf-8") == ","


def test_the_command_says_which_line_is_short(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _file(tmp_path / "short.csv", "1000002,Ana Ruiz")
    code = main([*cli_options(db_url), "import-exams", str(path)])
    err = capsys.readouterr().err
    assert code == 1
    assert "does not look like a CSV file" not in err
    assert "short.csv: line 2: 2 fields where the header has 6" in err.splitlines()
    assert "Nothing was imported" in err


def test_a_record_shifted_by_an_unquoted_delimiter_is_named_and_kept_whole(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "names.csv"
    path.write_text(
        "MCP ID,Full Name,Exam Code,Date Passed\n"
        "1000001,Núñez, José,70-533,2017-11-25\n"
        "1000002,Ana Ruiz,70-532,2017-03-04\n",
        encoding="utf-8",
    )
    rejects = tmp_path / "rejects.csv"
    code = main([*cli_options(db_url), "import-exams", str(path), "--skip-bad-rows", str(rejects)])
    err = capsys.readouterr().err
    assert code == 0
    said = "names.csv: line 2: 5 fields where the header has 4 (is a cell holding the delimiter"
    assert any(line.startswith(said) for line in err.splitlines())
    # Every cell of the record is in the rejects file, the date after the shift too.
    lines = rejects.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "MCP ID,Full Name,Exam Code,Date Passed,,error"
    assert lines[1].startswith("1000001,Núñez, José,70-533,2017-11-25,")


def test_a_trailing_delimiter_on_every_record_is_no_problem(
    db: Database, lookup: CatalogLookup, tmp_path: Path
) -> None:
    path = _file(tmp_path / "trailing.csv", f"{_GOOD},", "x,Bad,70-533,,2017-11-25,,")
    result = import_file(db, lookup, path, dry_run=True)
    assert [str(problem) for problem in result.errors] == [
        "line 3, MCP ID: 'x' is not an MCP ID (digits only)"
    ]


def test_a_short_usage_record_is_named(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = tmp_path / "usage.csv"
    sheet.write_text(
        "customer,subscription,workload,association,month,consumption_usd\n"
        "Fabrikam,sub-1,azure,dpor,2018-01,10\n"
        "Fabrikam,sub-1\n",
        encoding="utf-8",
    )
    code = main([*cli_options(db_url), "import-usage", str(sheet)])
    err = capsys.readouterr().err.splitlines()
    assert code == 1
    assert err[0] == "usage.csv: line 3: 2 fields where the header has 6"
    assert err[1].startswith("usage.csv: line 3, month: missing")


def test_a_record_that_does_not_fit_the_header_is_told_in_german(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "kurz.csv"
    path.write_text(
        "MCP ID,Full Name,Exam Code,Date Passed,\n"
        "1000001,Ana Ruiz,70-533,2017-11-25,Notiz\n"
        "1000002,Núñez, José,70-532,2017-03-04,Notiz\n"
        "1000003\n",
        encoding="utf-8",
    )
    assert main(["--language", "de", *cli_options(db_url), "import-exams", str(path)]) == 1
    out, err = capsys.readouterr()
    assert "Ignorierte Spalten: Spalte 5 (ohne Namen)" in out.splitlines()
    lines = err.splitlines()
    assert (
        "kurz.csv: Zeile 3: 6 Felder, die Kopfzeile hat 5 (steht das Trennzeichen in einer "
        "Zelle ohne Anführungszeichen?)"
    ) in lines
    assert "kurz.csv: Zeile 4: 1 Feld, die Kopfzeile hat 5" in lines
