"""The ``import-exams`` command as DESIGN.md fixes it: output, exit codes, all or nothing."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from mpn_desktop.cli import main

FIXTURES = Path(__file__).parent / "importers" / "fixtures"


def exam_rows(db_path: Path) -> list[tuple[str, str, str]]:
    with sqlite3.connect(db_path) as connection:
        return sorted(
            connection.execute(
                "SELECT p.mcp_id, e.exam_code, e.passed_on FROM exam_results e "
                "JOIN people p ON p.id = e.person_id"
            ).fetchall()
        )


def run(db_path: Path, *args: str) -> int:
    return main(["--db", str(db_path), "import-exams", *args])


def test_import_prints_the_summary_and_exits_0(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db_path = tmp_path / "t.sqlite3"
    code = run(db_path, str(FIXTURES / "partner_center_training_details.csv"))
    out = capsys.readouterr().out
    assert code == 0
    assert "3 added, 0 duplicates, 0 errors" in out.splitlines()
    assert "Ignored columns: PartnerName, Month" in out
    assert exam_rows(db_path) == [
        ("5000001", "70-533", "2017-11-25"),
        ("5000002", "TA-CLOUD-PLATFORM", "2017-10-02"),
        ("5000003", "MCSA-LINUX-AZURE", "2017-09-15"),
    ]


def test_reimport_adds_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db_path = tmp_path / "t.sqlite3"
    path = str(FIXTURES / "utf8_comma_iso.csv")
    assert run(db_path, path) == 0
    capsys.readouterr()
    assert run(db_path, path) == 0
    out = capsys.readouterr().out
    assert "0 added, 3 duplicates, 0 errors" in out.splitlines()
    assert len(exam_rows(db_path)) == 3


def test_errors_exit_1_with_every_line_and_nothing_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db_path = tmp_path / "t.sqlite3"
    code = run(db_path, str(FIXTURES / "embedded_newlines.csv"))
    captured = capsys.readouterr()
    assert code == 1
    assert (
        "embedded_newlines.csv: line 7, MCP ID: 'not-an-id' is not an MCP ID (digits only)"
        in captured.err
    )
    assert "0 added, 0 duplicates, 1 errors" in captured.out.splitlines()
    assert "Nothing was imported: fix the error above and import again." in captured.err
    assert exam_rows(db_path) == []


def test_every_error_of_a_file_is_printed_and_counted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "two-wrong.csv"
    path.write_text(
        "MCP ID,Exam Code,Date Passed\n1000001,70-533,2017-11-25\n12x,70-533,2017-11-25\n"
        "1000003,,2017-02-30\n",
        encoding="utf-8",
    )
    db_path = tmp_path / "t.sqlite3"
    assert run(db_path, str(path)) == 1
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [
        "two-wrong.csv: line 3, MCP ID: '12x' is not an MCP ID (digits only)",
        "two-wrong.csv: line 4, exam code: missing (and no exam title to look it up by)",
        "two-wrong.csv: line 4, date passed: '2017-02-30' is not a real date",
        "Nothing was imported: fix the 3 errors above and import again.",
    ]
    assert "0 added, 0 duplicates, 3 errors" in captured.out.splitlines()
    assert exam_rows(db_path) == []


def test_dry_run_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db_path = tmp_path / "t.sqlite3"
    assert run(db_path, "--dry-run", str(FIXTURES / "utf8_comma_iso.csv")) == 0
    out = capsys.readouterr().out
    assert "3 added, 0 duplicates, 0 errors" in out.splitlines()
    assert "Dry run: nothing was written." in out
    assert exam_rows(db_path) == []


def test_ambiguous_dates_are_a_usage_error_until_date_format_is_given(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db_path = tmp_path / "t.sqlite3"
    path = str(FIXTURES / "ambiguous_dates.csv")
    assert run(db_path, path) == 2
    assert "--date-format" in capsys.readouterr().err
    assert run(db_path, "--date-format", "MDY", path) == 0
    assert exam_rows(db_path) == [
        ("7000001", "70-533", "2017-03-04"),
        ("7000002", "70-532", "2017-05-06"),
    ]


def test_options_override_detection(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "odd.csv"
    path.write_text("Person|Test|When\n1234567|70-533|2017-11-25\n", encoding="utf-8")
    db_path = tmp_path / "t.sqlite3"
    code = run(
        db_path,
        "--delimiter",
        "|",
        "--encoding",
        "utf-8",
        "--map",
        "Person=mcp_id",
        "--map",
        "Test=exam_code",
        "--map",
        "When=passed_on",
        str(path),
    )
    assert code == 0, capsys.readouterr().err
    assert exam_rows(db_path) == [("1234567", "70-533", "2017-11-25")]


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--map", "Nope=mcp_id"], "no column 'Nope'"),
        (["--encoding", "klingon"], "--encoding"),
        (["--date-format", "sometimes"], "--date-format"),
    ],
)
def test_bad_options_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], words: str
) -> None:
    db_path = tmp_path / "t.sqlite3"
    assert run(db_path, *args, str(FIXTURES / "utf8_comma_iso.csv")) == 2
    assert words in capsys.readouterr().err
    assert not db_path.exists()


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("empty.csv", "the file is empty"),
        ("header_only.csv", "header line but no records"),
        ("binary.png", "looks binary"),
        ("not_csv.txt", "does not look like a CSV file"),
    ],
)
def test_unusable_files_exit_1_with_a_message_and_no_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, words: str
) -> None:
    db_path = tmp_path / "t.sqlite3"
    assert run(db_path, str(FIXTURES / name)) == 1
    err = capsys.readouterr().err
    assert words in err and name in err
    assert "Traceback" not in err
    assert not db_path.exists() or exam_rows(db_path) == []


def test_missing_usage_is_exit_2(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--db", str(tmp_path / "t.sqlite3"), "import-exams"])
    assert exit_info.value.code == 2


def test_file_path_with_spaces(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "my exams (2017).csv"
    shutil.copy(FIXTURES / "utf8_bom_semicolon_dotted.csv", path)
    assert run(tmp_path / "t.sqlite3", str(path)) == 0
    assert "2 added, 0 duplicates, 0 errors" in capsys.readouterr().out


def test_a_missing_column_is_named_with_a_map_that_would_fix_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "sheet.csv"
    source.write_text("MCP ID,Exam,Taken on\n1234567,70-533,2017-06-01\n", encoding="utf-8")
    db_path = tmp_path / "t.sqlite3"
    assert run(db_path, str(source)) == 1
    err = capsys.readouterr().err
    assert "line 1: an exam record needs a date-passed column" in err
    assert '--map "Taken on"=passed_on' in err
    assert run(db_path, str(source), "--map", "Taken on=passed_on") == 0
    assert exam_rows(db_path) == [("1234567", "70-533", "2017-06-01")]


def test_bad_records_are_skipped_into_rejects_and_another_mpn_id_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db_path = tmp_path / "t.sqlite3"
    assert main(["--db", str(db_path), "demo"]) == 0
    source = tmp_path / "exams.csv"
    source.write_text(
        "MCP ID,Name,Exam,Date Passed,MPN ID\n"
        "9000001,Hana Sato,70-533,2017-06-01,\n"
        "98x,Ivo Horvat,70-347,2017-07-01,\n",
        encoding="utf-8",
    )
    capsys.readouterr()
    assert run(db_path, str(source)) == 1
    assert "--skip-bad-rows REJECTS.csv" in capsys.readouterr().out
    rejects = tmp_path / "rejects.csv"
    assert run(db_path, str(source), "--skip-bad-rows", str(rejects)) == 0
    assert ("9000001", "70-533", "2017-06-01") in exam_rows(db_path)
    lines = rejects.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "MCP ID,Name,Exam,Date Passed,MPN ID,error"
    assert lines[1].startswith("98x,Ivo Horvat,70-347,2017-07-01,,MCP ID:")
    other = tmp_path / "other.csv"
    other.write_text(
        "MCP ID,Name,Exam,Date Passed,MPN ID\n9000003,Jo Kim,70-533,2017-06-01,7777777\n",
        encoding="utf-8",
    )
    capsys.readouterr()
    assert run(db_path, str(other)) == 1
    err = capsys.readouterr().err
    assert "the file is for MPN ID 7777777, and this database's organisation is MPN ID" in err
    assert ("9000003", "70-533", "2017-06-01") not in exam_rows(db_path)
    assert run(db_path, str(other), "--allow-other-mpn-id") == 0
    assert ("9000003", "70-533", "2017-06-01") in exam_rows(db_path)
