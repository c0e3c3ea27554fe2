"""Excel's ``sep=X`` first line names the delimiter: it is honoured and never read as a record.

Excel writes it (and reads a file with it as X-separated whatever its
locale); it was read as the header, and the import said line 1 is not the
header line.
"""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from helpers.fixtures import cli_options

from mpn_desktop.cli import main
from mpn_desktop.importers.planning import plan_import
from mpn_desktop.importers.reading import preview, sniff_format

_HEADER = ["MCP ID", "Full Name", "Exam Code", "Date Passed"]


def _name(delimiter: str) -> str:
    """A name holding another delimiter than the file's (it must stay one cell)."""
    return "Bo Chen, jr." if delimiter != "," else "Bo Chen; jr."


def _sheet(tmp_path: Path, delimiter: str, *, first: str | None = None, bom: bool = False) -> Path:
    lines = [
        first if first is not None else f"sep={delimiter}",
        delimiter.join(_HEADER),
        delimiter.join(["1234567", "Ana Ruiz", "70-533", "2017-11-25"]),
        delimiter.join(["1234568", _name(delimiter), "70-532", "2017-10-02"]),
    ]
    path = tmp_path / "excel.csv"
    path.write_bytes((codecs.BOM_UTF8 if bom else b"") + "\r\n".join(lines).encode() + b"\r\n")
    return path


@pytest.mark.parametrize("delimiter", [";", ",", "\t", "|"])
@pytest.mark.parametrize("bom", [False, True])
def test_the_delimiter_line_names_the_delimiter_and_is_skipped(
    tmp_path: Path, delimiter: str, bom: bool
) -> None:
    path = _sheet(tmp_path, delimiter, bom=bom)
    read = preview(path)
    assert read.format.delimiter == delimiter
    assert read.format.declared == delimiter
    assert read.header.line == 2
    assert read.header.fields == _HEADER
    assert [record.line for record in read.records] == [3, 4]
    assert read.records[1].fields[1] == _name(delimiter)


def test_sep_is_read_in_capitals_too_and_only_on_the_first_line(tmp_path: Path) -> None:
    assert sniff_format(_sheet(tmp_path, ";", first="SEP=;")).declared
    plain = tmp_path / "plain.csv"
    plain.write_text(";".join(_HEADER) + "\nsep=;\n1;2;3;4\n", encoding="utf-8")
    assert not sniff_format(plain).declared
    assert sniff_format(plain).header_line == 1


def test_a_given_delimiter_wins_and_the_line_is_still_skipped_and_told(tmp_path: Path) -> None:
    path = _sheet(tmp_path, ";", first="sep=,")
    fmt = sniff_format(path, delimiter=";")
    assert (fmt.delimiter, fmt.header_line) == (";", 2)
    assert fmt.skipped() == ["Line 1 (sep=) names the delimiter: comma."]


def test_the_plan_says_where_the_delimiter_came_from(tmp_path: Path) -> None:
    plan = plan_import(_sheet(tmp_path, ";"))
    assert plan.describe()[:2] == [
        "Reading excel.csv as utf-8, semicolon-separated.",
        "Line 1 (sep=) names the delimiter: semicolon.",
    ]


def test_import_exams_honours_the_delimiter_line(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _sheet(tmp_path, ";")
    assert main([*cli_options(db_url), "import-exams", str(path)]) == 0
    out = capsys.readouterr().out
    assert "2 added, 0 duplicates, 0 errors" in out


def test_import_usage_honours_the_delimiter_line(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = tmp_path / "usage.csv"
    sheet.write_text(
        "sep=;\n"
        "customer;subscription;workload;association;month;consumption_usd\n"
        "Fabrikam;sub-1;azure;dpor;2018-01;10,50\n",
        encoding="utf-8",
    )
    assert main([*cli_options(db_url), "import-usage", str(sheet)]) == 0
    out = capsys.readouterr().out
    assert "Line 1 (sep=) names the delimiter: semicolon." in out
    assert "1 added" in out
