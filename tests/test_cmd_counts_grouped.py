"""Counts the commands print are written as every figure is (``wording.number``): "1,200"
in English and "1.200" in German, in the import's summary as in ``load``'s and ``imports``'."""

from __future__ import annotations

from pathlib import Path

import pytest

from mpn_desktop.cli import main

PEOPLE = 1_200


def _exams(path: Path, *, bad: int = 0) -> Path:
    lines = ["MCP ID,Full Name,Exam Code,Date Passed"]
    lines += [f"{5_000_000 + i},Person {i},70-533,2017-11-25" for i in range(PEOPLE)]
    lines += [f"x{i},Bad {i},70-533,2017-11-25" for i in range(bad)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _out(words: list[str], capsys: pytest.CaptureFixture[str], code: int = 0) -> list[str]:
    assert main(words) == code
    captured = capsys.readouterr()
    return [*captured.out.splitlines(), *captured.err.splitlines()]


def test_an_import_s_counts_are_grouped_in_english_and_german(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = ["--db", str(tmp_path / "tracker.sqlite3")]
    csv = str(_exams(tmp_path / "exams.csv"))
    out = _out([*db, "import-exams", csv], capsys)
    # Before: "1200 added, 0 duplicates, 0 errors" beside "(1,200 people added)".
    assert "1,200 added, 0 duplicates, 0 errors" in out
    # The import named as 'imports' names it (before: "Imported as batch 1").
    assert "Import 1 done (1,200 people added); " in out[-1]
    out = _out(["--language", "de", *db, "import-exams", csv], capsys)
    # Before: "hinzugefügt: 0, Duplikate: 1200, Fehler: 0".
    assert "0 hinzugefügt, 1.200 Duplikate, 0 Fehler" in out
    listing = _out([*db, "imports"], capsys)
    assert listing[1].split()[4] == "1,200"
    removed = _out(["--language", "de", *db, "imports", "--remove", "1"], capsys)
    assert "entfernt: 1.200 Prüfungsergebnisse, 1.200 Personen, " in removed[0]


def test_one_duplicate_and_one_error_are_singular(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = ["--db", str(tmp_path / "tracker.sqlite3")]
    csv = tmp_path / "one.csv"
    csv.write_text("MCP ID,Full Name,Exam Code,Date Passed\n5000001,A,70-533,2017-11-25\n")
    _out([*db, "import-exams", str(csv)], capsys)
    # Before: "0 added, 1 duplicates, 0 errors".
    assert "0 added, 1 duplicate, 0 errors" in _out([*db, "import-exams", str(csv)], capsys)
    csv.write_text("MCP ID,Full Name,Exam Code,Date Passed\nx,A,70-533,2017-11-25\n")
    assert "0 added, 0 duplicates, 1 error" in _out([*db, "import-exams", str(csv)], capsys, 1)


def test_the_errors_of_a_large_file_are_counted_grouped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = ["--language", "de", "--db", str(tmp_path / "tracker.sqlite3")]
    out = _out([*db, "import-exams", str(_exams(tmp_path / "bad.csv", bad=1_001))], capsys, 1)
    assert "0 hinzugefügt, 0 Duplikate, 1.001 Fehler" in out
    assert "... und 981 weitere Fehler" in out
