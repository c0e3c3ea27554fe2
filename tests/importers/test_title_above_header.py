"""A sheet's title above its header line: the import finds the header line below it and
skips the lines above, saying so; ``--header-line`` chooses another.

A title of one cell made the file "not look like a CSV file"; one with
trailing delimiters was read as the header. Session 12 named the header line
and asked the user to delete the lines above it; the reader now skips them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers.fixtures import cli_options

from mpn_desktop.cli import main
from mpn_desktop.errors import ImportFailed
from mpn_desktop.importers.planning import plan_import
from mpn_desktop.importers.reading import CsvFormat, RecordReader, detect_delimiter

_TABLE = "MCP ID;Full Name;Exam Code;Date Passed\n1234567;Ana Ruiz;70-533;2017-11-25\n"


@pytest.mark.parametrize(
    ("title", "header", "said"),
    [
        ("Exam results 2017\n", 2, "The header is on line 2; line 1 skipped."),
        ("Exam results 2017;;;\n\n", 3, "The header is on line 3; lines 1-2 skipped."),
    ],
)
def test_the_header_line_below_a_title_is_found_and_the_lines_above_skipped(
    tmp_path: Path, title: str, header: int, said: str
) -> None:
    path = tmp_path / "sheet.csv"
    path.write_text(title + _TABLE, encoding="utf-8")
    assert detect_delimiter(path, "utf-8") == ";"
    plan = plan_import(path)
    assert plan.preview.header.line == header
    assert plan.preview.header.fields == ["MCP ID", "Full Name", "Exam Code", "Date Passed"]
    assert [record.line for record in plan.preview.records] == [header + 1]
    assert plan.settings.format.header_line == header
    assert plan.describe()[1] == said


def test_a_file_of_prose_is_still_not_csv(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text("Exam results\nplease find them attached\nRegards\n", encoding="utf-8")
    with pytest.raises(ImportFailed, match="does not look like a CSV file"):
        detect_delimiter(path, "utf-8")


def test_records_below_a_title_are_imported_with_their_own_line_numbers(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "sheet.csv"
    path.write_text(
        "Exam results 2017;;;\nExported 2017-12-01;;;\n"
        + _TABLE
        + "12a4;Bo Chen;70-532;2017-10-02\n",
        encoding="utf-8",
    )
    assert main([*cli_options(db_url), "import-exams", str(path)]) == 1
    out, err = capsys.readouterr()
    assert "The header is on line 3; lines 1-2 skipped." in out
    assert "sheet.csv: line 5, MCP ID: '12a4' is not an MCP ID" in err
    assert "1 to add" not in out and "0 added, 0 duplicates, 1 error" in out


def test_the_usage_command_reads_the_header_line_below_a_title(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = tmp_path / "usage.csv"
    sheet.write_text(
        "Usage, January 2018\n"
        "customer,subscription,workload,association,month,consumption_usd\n"
        "Fabrikam,sub-1,azure,dpor,2018-01,10\n",
        encoding="utf-8",
    )
    assert main([*cli_options(db_url), "import-usage", str(sheet)]) == 0
    out = capsys.readouterr().out
    assert "The header is on line 2; line 1 skipped." in out
    assert "1 added" in out


def test_header_line_chooses_the_header_the_first_line_hides(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The title names a column ("Name"), so it reads as a header of the wrong columns.
    path = tmp_path / "sheet.csv"
    path.write_text("Name;Exported 2017-12-01;;\n" + _TABLE, encoding="utf-8")
    assert main([*cli_options(db_url), "import-exams", "--dry-run", str(path)]) == 1
    assert "line 1: an exam record needs" in capsys.readouterr().err
    options = ["import-exams", "--dry-run", "--header-line", "2", str(path)]
    assert main([*cli_options(db_url), *options]) == 0
    out = capsys.readouterr().out
    assert "The header is on line 2; line 1 skipped." in out
    assert "1 to add, 0 duplicates, 0 errors" in out


def test_header_line_one_reads_the_title_as_the_user_asked(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "sheet.csv"
    path.write_text("Exam results 2017;;;\n" + _TABLE, encoding="utf-8")
    options = ["import-exams", "--dry-run", "--header-line", "1", str(path)]
    assert main([*cli_options(db_url), *options]) == 1
    assert "none of the columns of line 1 ('Exam results 2017')" in capsys.readouterr().err


@pytest.mark.parametrize("given", ["0", "-1", "two"])
def test_header_line_is_a_line_number(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], given: str
) -> None:
    path = tmp_path / "sheet.csv"
    path.write_text(_TABLE, encoding="utf-8")
    with pytest.raises(SystemExit) as stopped:
        main([*cli_options(db_url), "import-exams", f"--header-line={given}", str(path)])
    assert stopped.value.code == 2
    assert f"'{given}' is not a line number (a whole number from 1)" in capsys.readouterr().err


def test_a_header_line_past_the_records_says_so(tmp_path: Path) -> None:
    path = tmp_path / "sheet.csv"
    path.write_text("Exam results 2017;;;\n" + _TABLE, encoding="utf-8")
    with pytest.raises(ImportFailed, match="the file has no records from line 9 on"):
        plan_import(path, header_line=9)


def test_the_skipped_lines_are_said_in_german(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "blatt.csv"
    path.write_text("sep=;\nPrüfungen 2017\nStand 1.12.2017\n" + _TABLE, encoding="utf-8")
    assert main(["--language", "de", *cli_options(db_url), "import-exams", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Zeile 1 (sep=) nennt das Trennzeichen: Semikolon." in out
    assert "Die Kopfzeile ist Zeile 4; Zeilen 2-3 übersprungen." in out


def _file_of(tmp_path: Path, lines: int, *, quoted: bool) -> Path:
    """A file of ``lines`` records: split by the reader itself, or (``quoted``: every
    seventh record a quoted cell of two lines) read by csv."""
    path = tmp_path / "many.csv"
    rows = [
        f'"{line}","a\nb"' if quoted and line % 7 == 0 else f"{line},x"
        for line in range(1, lines + 1)
    ]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("quoted", [False, True])
@pytest.mark.parametrize("header_line", [1, 2, 5, 15, 16, 40, 58])
def test_the_reader_starts_at_the_header_line_in_records_and_in_batches(
    tmp_path: Path, header_line: int, quoted: bool
) -> None:
    path = _file_of(tmp_path, 60, quoted=quoted)
    fmt = CsvFormat("utf-8", ",", header_line)
    with RecordReader(path, fmt) as reader:
        records = list(reader.numbered())
    with RecordReader(path, fmt) as reader:
        batched = [pair for batch in reader.batches(4) for pair in batch]
    with RecordReader(path, CsvFormat("utf-8", ",")) as reader:
        every = list(reader.numbered())
    assert records == batched == [pair for pair in every if pair[0] >= header_line]
    assert records, "the file has records below every line tried"
