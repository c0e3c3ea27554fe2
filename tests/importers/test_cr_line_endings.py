"""Files whose lines end in CR alone (Excel for Mac's "CSV (Macintosh)", classic Mac OS).

They were refused as "this does not look like a CSV file": the delimiter was
detected on the sample read as one line.
"""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from importer_helpers import FIXTURES, import_file, stored_exams

from mpn_desktop.cli import main
from mpn_desktop.errors import ImportFailed
from mpn_desktop.importers import reading
from mpn_desktop.importers.catalog_lookup import CatalogLookup
from mpn_desktop.importers.reading import (
    CsvFormat,
    RecordReader,
    detect_encoding,
    line_of_bad_bytes,
    sniff_format,
)
from mpn_desktop.store.database import Database

_LINES = (FIXTURES / "utf8_comma_iso.csv").read_text(encoding="utf-8").splitlines()


def _cr_only(path: Path, lines: list[str] | tuple[str, ...], *, mark: bytes = b"") -> Path:
    path.write_bytes(mark + "".join(f"{line}\r" for line in lines).encode("utf-8"))
    return path


@pytest.mark.parametrize("mark", [b"", codecs.BOM_UTF8])
def test_a_cr_only_file_imports_as_its_lf_twin(
    db: Database, lookup: CatalogLookup, tmp_path: Path, mark: bytes
) -> None:
    path = _cr_only(tmp_path / "mac.csv", _LINES, mark=mark)
    assert sniff_format(path).delimiter == ","
    result = import_file(db, lookup, path)
    assert result.errors == ()
    assert result.summary == "3 added, 0 duplicates, 0 errors"
    assert {(row[0], row[2]) for row in stored_exams(db)} == {
        ("1234567", "70-533"),
        ("1234568", "70-532"),
        ("1234569", "70-346"),
    }


def test_excel_for_mac_unicode_text_with_cr_line_ends_imports(
    db: Database, lookup: CatalogLookup, tmp_path: Path
) -> None:
    # "UTF-16 Unicode Text": a byte order mark, tabs, and (classic Mac) CR alone.
    path = tmp_path / "mac.txt"
    text = "".join(line.replace(",", "\t") + "\r" for line in _LINES)
    path.write_bytes(text.encode("utf-16"))
    assert sniff_format(path).describe() == "utf-16, tab-separated"
    assert import_file(db, lookup, path).summary == "3 added, 0 duplicates, 0 errors"


def test_the_command_imports_a_cr_only_file(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from helpers.fixtures import cli_options

    path = _cr_only(tmp_path / "mac.csv", _LINES, mark=codecs.BOM_UTF8)
    code = main([*cli_options(db_url), "import-exams", str(path)])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "3 added, 0 duplicates, 0 errors" in out.splitlines()
    assert "does not look like a CSV file" not in err


def test_a_cr_only_file_over_many_blocks_is_read_line_by_line(tmp_path: Path) -> None:
    # The plain-block reader splits blocks with str.splitlines: a CR ends a line
    # there as in csv; a CR LF cut between two blocks is one line break.
    rows = [f"{1000000 + i},P {i},70-533,,2017-01-0{1 + i % 9}" for i in range(60)]
    text = "MCP ID,Name,Exam Code,Exam Title,Date Passed\r" + "\r".join(rows) + "\r\n"
    path = tmp_path / "mac.csv"
    path.write_bytes(text.encode("utf-8"))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(reading, "_CHUNK", 7)
        with RecordReader(path, CsvFormat("utf-8", ",")) as reader:
            records = [record for batch in reader.batches(10) for record in batch]
    assert len(records) == 61
    assert records[1] == (2, rows[0].split(","))
    assert records[-1] == (61, rows[-1].split(","))


def test_bad_bytes_in_a_cr_only_file_are_named_by_their_line(tmp_path: Path) -> None:
    path = tmp_path / "mac.csv"
    path.write_bytes(b"MCP ID,Exam Code\r1,70-533\r\n2,70-532\r3,\xff\r")
    assert line_of_bad_bytes(path, "utf-8") == 4
    with (
        RecordReader(path, CsvFormat("utf-8", ",")) as reader,
        pytest.raises(ImportFailed, match=r"line 4: bytes that are not utf-8"),
    ):
        list(reader)


def test_a_few_bad_bytes_in_a_cr_only_utf8_file_are_named_by_their_line(tmp_path: Path) -> None:
    path = tmp_path / "mac.csv"
    lines = ["MCP ID,Name", *(f"{i},José" for i in range(1, 9)), "9,Jos\udce9"]
    path.write_bytes("\r".join(lines).encode("utf-8", "surrogateescape"))
    with pytest.raises(ImportFailed, match=r"1 byte on line 10 that"):
        detect_encoding(path)


def test_a_cr_only_file_in_mac_roman_keeps_its_accents(
    db: Database, lookup: CatalogLookup, tmp_path: Path
) -> None:
    # Excel for Mac's "CSV (Macintosh)": CR line ends, Mac Roman (é is 0x8e, cp1252's Ž).
    path = tmp_path / "mac.csv"
    text = "".join(f"{line}\r" for line in _LINES[:3])
    path.write_bytes(text.encode("mac_roman"))
    assert detect_encoding(path) == "mac-roman"
    import_file(db, lookup, path)
    assert {row[1] for row in stored_exams(db)} == {"José Núñez", "Ana Ruiz"}
