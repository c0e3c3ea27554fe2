"""Hostile CSV files against ``import-exams``: each is refused clearly or imported whole.

The database is the demo organisation's; a refused import must leave its bytes
as they were.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from helpers.databases import SqliteTemplates

from hostile.input_attacks import Outcome, demo_document, demo_file, fingerprint, run, run_process
from mpn_desktop.catalog_files import load_catalog
from mpn_desktop.errors import MpnError
from mpn_desktop.importers.catalog_lookup import CatalogLookup
from mpn_desktop.importers.importing import run_import
from mpn_desktop.importers.kinds import ExamImport
from mpn_desktop.importers.planning import plan_import
from mpn_desktop.store import records
from mpn_desktop.store.database import Database

HEADER = "MCP ID,Full Name,Exam Code,Date Passed\n"
FIXTURES = Path(__file__).parent.parent / "importers" / "fixtures"


@pytest.fixture
def demo(sqlite_templates: SqliteTemplates, tmp_path: Path) -> Path:
    return demo_file(sqlite_templates, tmp_path)


def _rows(count: int, start: int = 3000000) -> str:
    return "".join(f"{start + i},Person {i},70-533,2017-11-02\n" for i in range(count))


def _import(
    capsys: pytest.CaptureFixture[str], db: Path, content: str | bytes, *options: str
) -> Outcome:
    path = db.parent / "attack.csv"
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8", newline="")
    else:
        path.write_bytes(content)
    before = fingerprint(db)
    outcome = run(capsys, "--db", db, "import-exams", path, *options)
    if outcome.code != 0:
        assert fingerprint(db) == before, "a refused import changed the database"
    return outcome


def test_a_binary_file(capsys: pytest.CaptureFixture[str], demo: Path) -> None:
    content = (FIXTURES / "binary.png").read_bytes()
    assert "looks binary" in _import(capsys, demo, content).refused()


def test_a_nul_past_the_first_64_kib_is_refused_with_line_and_column(
    capsys: pytest.CaptureFixture[str], demo: Path
) -> None:
    # It was stored, and the export then could not be loaded back.
    content = HEADER + _rows(3000) + "3999999,Ana\x00Ruiz,70-533,2017-11-02\n"
    assert len(content.encode()) > 64 * 1024
    err = _import(capsys, demo, content).refused()
    assert "attack.csv: line 3002, column 12: holds a NUL character" in err


@pytest.mark.parametrize(
    ("bad", "name"),
    [
        ("\x1b]0;pwned\x07", "the control character \\x1b"),
        ("\x1b[2J", "the control character \\x1b"),
        ("\x85", "the control character \\x85"),
        ("\x9b2J", "the control character \\x9b"),
        ("\x0c", "the control character \\x0c"),
        ("\x7f", "the control character \\x7f"),
    ],
)
def test_a_control_character_after_row_20_is_refused(
    capsys: pytest.CaptureFixture[str], demo: Path, bad: str, name: str
) -> None:
    # Only the 20 records of the preview were checked: `status` could then
    # clear the terminal or retitle it.
    content = HEADER + _rows(24) + f"3999999,Ana{bad}Ruiz,70-533,2017-11-02\n" + _rows(5, 4000000)
    err = _import(capsys, demo, content).refused()
    assert f"line 26, column 12: holds {name}" in err


def test_a_control_character_in_the_header(capsys: pytest.CaptureFixture[str], demo: Path) -> None:
    err = _import(capsys, demo, "MCP ID,Full\x1bName,Exam Code,Date Passed\n" + _rows(2))
    assert "line 1, column 12: holds the control character \\x1b" in err.refused()


def test_a_control_character_on_a_record_split_by_crlf_blocks(
    capsys: pytest.CaptureFixture[str], demo: Path
) -> None:
    # CR LF line ends across the reader's one-megabyte blocks keep their line numbers.
    rows = _rows(30000).replace("\n", "\r\n")
    content = HEADER.replace("\n", "\r\n") + rows + "3999999,A\x1b,70-533,2017-11-02\r\n"
    assert len(content) > 1 << 20
    assert "line 30002, column 10:" in _import(capsys, demo, content).refused()


def test_a_utf8_file_with_a_few_cp1252_bytes_names_their_lines(
    capsys: pytest.CaptureFixture[str], demo: Path
) -> None:
    # It was read whole as cp1252: "José" was stored as "JosÃ©", exit 0.
    text = HEADER + "3000001,José Núñez,70-533,2017-11-02\n" + _rows(50)
    content = text.encode("utf-8") + "3999999,Renée,70-533,2017-11-02\n".encode("cp1252")
    err = _import(capsys, demo, content).refused()
    assert "is UTF-8 text except for 1 byte on line 53 that are not UTF-8" in err


def test_a_cp1252_file_throughout_is_still_read_as_cp1252(
    capsys: pytest.CaptureFixture[str], demo: Path
) -> None:
    content = (HEADER + "3000001,José Núñez,70-533,2017-11-02\n" + _rows(5)).encode("cp1252")
    outcome = _import(capsys, demo, content)
    assert outcome.code == 0, outcome.err
    assert "as cp1252" in outcome.out
    with Database.open(f"sqlite:///{demo}") as db:
        names = {person["name"] for person in records.list_records(db, records.RecordKind.PERSON)}
    assert "José Núñez" in names


def test_a_hundred_thousand_columns(capsys: pytest.CaptureFixture[str], demo: Path) -> None:
    header = ",".join(f"c{i}" for i in range(100_000))
    err = _import(capsys, demo, header + "\n" + ",".join("1" * 100_000) + "\n").refused()
    assert "'c11' and 99,988 more" in err


@pytest.mark.parametrize("skip_bad_rows", [False, True])
def test_a_quote_never_closed(
    capsys: pytest.CaptureFixture[str], demo: Path, skip_bad_rows: bool
) -> None:
    options = ("--skip-bad-rows", str(demo.parent / "rejects.csv")) if skip_bad_rows else ()
    # The rest of the file was read as one cell: with --skip-bad-rows, the
    # records after the quote went to the rejects file inside that one cell.
    content = HEADER + _rows(30) + '3000001,"Ana Ruiz,70-533,2017-11-02\n' + _rows(3, 4000000)
    err = _import(capsys, demo, content, *options).refused()
    assert 'line 32: a quote (") opened in this record is never closed' in err
    assert "lines 32 to 35 read as one record" in err


def test_a_ten_megabyte_cell_is_not_echoed(capsys: pytest.CaptureFixture[str], demo: Path) -> None:
    content = HEADER + "x" * 10_000_000 + ",Ana,70-533,2017-11-02\n"
    assert "line 2: not a well-formed CSV record" in _import(capsys, demo, content).refused()


def test_a_hundred_thousand_character_cell_is_cut_short(
    capsys: pytest.CaptureFixture[str], demo: Path
) -> None:
    content = HEADER + _rows(1) + "x" * 100_000 + ",Ana,70-533,2017-11-02\n"
    err = _import(capsys, demo, content).refused()
    assert "(99,940 more characters)' is not an MCP ID" in err


def test_fifty_thousand_bad_rows_print_the_first_and_a_count(
    capsys: pytest.CaptureFixture[str], demo: Path
) -> None:
    content = HEADER + "".join(f"bad{i},P,70-533,2017-11-02\n" for i in range(50_001))
    err = _import(capsys, demo, content).refused(limit=10_000)
    assert "attack.csv: line 2, MCP ID: 'bad0' is not an MCP ID" in err
    assert "... and 49,981 more errors" in err
    assert len(err.splitlines()) < 30


@pytest.mark.parametrize("encoding", ["idna", "punycode", "undefined", "unicode_escape", "rot13"])
def test_a_codec_that_is_no_file_encoding_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], demo: Path, encoding: str
) -> None:
    err = _import(capsys, demo, HEADER + _rows(2), "--encoding", encoding).refused(code=2)
    assert f"--encoding: {encoding!r} is not a text encoding" in err


def test_a_fifo_is_refused_without_waiting(
    sqlite_templates: SqliteTemplates, tmp_path: Path
) -> None:
    demo = demo_file(sqlite_templates, tmp_path)
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    err = run_process("--db", demo, "import-exams", fifo, timeout=60).refused()
    assert f"{fifo}: is a named pipe (FIFO), not a file" in err


def test_a_folder_is_refused(capsys: pytest.CaptureFixture[str], demo: Path) -> None:
    folder = demo.parent / "folder.csv"
    folder.mkdir()
    err = run(capsys, "--db", demo, "import-exams", folder).refused()
    assert f"{folder}: is a folder, not a file" in err


def test_a_file_that_changes_while_read_imports_nothing(demo: Path) -> None:
    path = demo.parent / "growing.csv"
    path.write_text(HEADER + _rows(5000), encoding="utf-8")
    lookup = CatalogLookup(load_catalog())
    plan = plan_import(path, date_format="MDY")
    before = fingerprint(demo)

    def another_program_writes(_fraction: float) -> None:
        with path.open("a", encoding="utf-8") as more:
            more.write(_rows(10, 5000000))

    with Database.open(f"sqlite:///{demo}") as db, pytest.raises(MpnError) as refused:
        run_import(db, ExamImport(lookup), path, plan.settings, progress=another_program_writes)
    assert "the file changed while it was being read" in str(refused.value)
    assert fingerprint(demo) == before


def test_a_line_break_in_a_quoted_cell_becomes_a_space_and_the_export_loads_back(
    capsys: pytest.CaptureFixture[str], demo: Path, tmp_path: Path
) -> None:
    content = HEADER + '3000001,"Ana\nRuiz",70-533,2017-11-02\n'
    outcome = _import(capsys, demo, content)
    assert outcome.code == 0, outcome.err
    document = demo_document(demo)
    assert {"Ana Ruiz"} <= {person["name"] for person in document["people"]}
    exported = tmp_path / "again.json"
    assert run(capsys, "--db", demo, "export", exported).code == 0
    other = tmp_path / "other.sqlite3"
    outcome = run(capsys, "--db", other, "load", exported)
    assert outcome.code == 0, outcome.err


def test_a_file_name_that_is_not_utf8_is_imported_and_stored_readably(
    capsys: pytest.CaptureFixture[str], demo: Path
) -> None:
    # The name's bad byte reached SQLite as a lone surrogate: "an unexpected error".
    name = os.fsdecode(b"caf\xe9.csv")
    path = demo.parent / name
    shutil.copyfile(FIXTURES / "utf8_comma_iso.csv", path)
    outcome = run(capsys, "--db", demo, "import-exams", path)
    assert outcome.code == 0, outcome.err
    with Database.open(f"sqlite:///{demo}") as db:
        batches = records.import_batches(db)
    assert batches[0]["file_name"] == "caf\ufffd.csv"


def test_unicode_line_separators_are_text_and_keep_the_line_numbers(
    capsys: pytest.CaptureFixture[str], demo: Path
) -> None:
    # The reader splits checked blocks with str.splitlines, which also splits
    # on U+2028/U+2029: those blocks must be split as the file object does.
    content = (
        HEADER
        + "3000001,Ana\u2028Ruiz,70-533,2017-11-02\n"
        + _rows(2)
        + "bad,B,70-533,2017-11-02\n"
    )
    err = _import(capsys, demo, content).refused()
    assert "attack.csv: line 5, MCP ID: 'bad' is not an MCP ID" in err
    assert "line 2" not in err
