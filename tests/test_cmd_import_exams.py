"""The ``import-exams`` command as DESIGN.md fixes it: output, exit codes, all or nothing."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers.fixtures import cli_options
from sqlalchemy import create_engine, text

from mpn_desktop.cli import main

FIXTURES = Path(__file__).parent / "importers" / "fixtures"


def exam_rows(db: Path | str) -> list[tuple[str, str, str]]:
    """The exam records stored in a database file or at a URL (of any backend)."""
    url = db if isinstance(db, str) else f"sqlite:///{db}"
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(
                text(
                    "SELECT p.mcp_id, e.exam_code, e.passed_on FROM exam_results e "
                    "JOIN people p ON p.id = e.person_id"
                )
            ).all()
    finally:
        engine.dispose()
    return sorted((mcp_id, code, str(day)) for mcp_id, code, day in rows)


def run(db: Path | str, *args: str) -> int:
    options = cli_options(db) if isinstance(db, str) else ["--db", str(db)]
    return main([*options, "import-exams", *args])


def test_import_prints_the_summary_and_exits_0(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = run(db_url, str(FIXTURES / "partner_center_training_details.csv"))
    out = capsys.readouterr().out
    assert code == 0
    assert "3 added, 0 duplicates, 0 errors" in out.splitlines()
    assert "Ignored columns: PartnerName, Month" in out
    assert exam_rows(db_url) == [
        ("5000001", "70-533", "2017-11-25"),
        ("5000002", "TA-CLOUD-PLATFORM", "2017-10-02"),
        ("5000003", "MCSA-LINUX-AZURE", "2017-09-15"),
    ]


def test_reimport_adds_nothing(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(FIXTURES / "utf8_comma_iso.csv")
    assert run(db_url, path) == 0
    capsys.readouterr()
    assert run(db_url, path) == 0
    out = capsys.readouterr().out
    assert "0 added, 3 duplicates, 0 errors" in out.splitlines()
    assert len(exam_rows(db_url)) == 3


def test_errors_exit_1_with_every_line_and_nothing_written(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = run(db_url, str(FIXTURES / "embedded_newlines.csv"))
    captured = capsys.readouterr()
    assert code == 1
    assert (
        "embedded_newlines.csv: line 7, MCP ID: 'not-an-id' is not an MCP ID (digits only)"
        in captured.err
    )
    assert "0 added, 0 duplicates, 1 error" in captured.out.splitlines()
    assert "Nothing was imported: fix the error above and import again." in captured.err
    assert exam_rows(db_url) == []


def test_every_error_of_a_file_is_printed_and_counted(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "two-wrong.csv"
    path.write_text(
        "MCP ID,Exam Code,Date Passed\n1000001,70-533,2017-11-25\n12x,70-533,2017-11-25\n"
        "1000003,,2017-02-30\n",
        encoding="utf-8",
    )
    assert run(db_url, str(path)) == 1
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [
        "two-wrong.csv: line 3, MCP ID: '12x' is not an MCP ID (digits only)",
        "two-wrong.csv: line 4, exam code: missing (and no exam title to look it up by)",
        "two-wrong.csv: line 4, date passed: '2017-02-30' is not a real date",
        "Nothing was imported: fix the 3 errors above and import again.",
    ]
    assert "0 added, 0 duplicates, 3 errors" in captured.out.splitlines()
    assert exam_rows(db_url) == []


def test_dry_run_writes_nothing(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(db_url, "--dry-run", str(FIXTURES / "utf8_comma_iso.csv")) == 0
    out = capsys.readouterr().out
    assert "3 to add, 0 duplicates, 0 errors" in out.splitlines()
    assert "Dry run: nothing was written." in out
    assert exam_rows(db_url) == []


def test_ambiguous_dates_are_a_usage_error_until_date_format_is_given(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(FIXTURES / "ambiguous_dates.csv")
    assert run(db_url, path) == 2
    assert "--date-format" in capsys.readouterr().err
    assert run(db_url, "--date-format", "MDY", path) == 0
    assert exam_rows(db_url) == [
        ("7000001", "70-533", "2017-03-04"),
        ("7000002", "70-532", "2017-05-06"),
    ]


def test_options_override_detection(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "odd.csv"
    path.write_text("Person|Test|When\n1234567|70-533|2017-11-25\n", encoding="utf-8")
    code = run(
        db_url,
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
    assert exam_rows(db_url) == [("1234567", "70-533", "2017-11-25")]


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
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "sheet.csv"
    source.write_text("MCP ID,Exam,Taken on\n1234567,70-533,2017-06-01\n", encoding="utf-8")
    assert run(db_url, str(source)) == 1
    err = capsys.readouterr().err
    assert "line 1: an exam record needs a date-passed column" in err
    assert '--map "Taken on"=passed_on' in err
    assert run(db_url, str(source), "--map", "Taken on=passed_on") == 0
    assert exam_rows(db_url) == [("1234567", "70-533", "2017-06-01")]


def test_bad_records_are_skipped_into_rejects_and_another_mpn_id_is_refused(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*cli_options(db_url), "demo"]) == 0
    source = tmp_path / "exams.csv"
    source.write_text(
        "MCP ID,Name,Exam,Date Passed,MPN ID\n"
        "9000001,Hana Sato,70-533,2017-06-01,\n"
        "98x,Ivo Horvat,70-347,2017-07-01,\n",
        encoding="utf-8",
    )
    capsys.readouterr()
    assert run(db_url, str(source)) == 1
    assert "--skip-bad-rows REJECTS.csv" in capsys.readouterr().out
    rejects = tmp_path / "rejects.csv"
    assert run(db_url, str(source), "--skip-bad-rows", str(rejects)) == 0
    assert ("9000001", "70-533", "2017-06-01") in exam_rows(db_url)
    lines = rejects.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "MCP ID,Name,Exam,Date Passed,MPN ID,error"
    assert lines[1].startswith("98x,Ivo Horvat,70-347,2017-07-01,,line 3: MCP ID:")
    other = tmp_path / "other.csv"
    other.write_text(
        "MCP ID,Name,Exam,Date Passed,MPN ID\n9000003,Jo Kim,70-533,2017-06-01,7777777\n",
        encoding="utf-8",
    )
    capsys.readouterr()
    assert run(db_url, str(other)) == 1
    err = capsys.readouterr().err
    assert "the file is for MPN ID 7777777, and this database's organisation is MPN ID" in err
    assert ("9000003", "70-533", "2017-06-01") not in exam_rows(db_url)
    assert run(db_url, str(other), "--allow-other-mpn-id") == 0
    assert ("9000003", "70-533", "2017-06-01") in exam_rows(db_url)


@pytest.fixture
def german_messages() -> Iterator[list[str]]:
    """``--language de`` for the command, and English again for the tests after it."""
    from mpn_desktop.domain.vocabulary import use_language

    try:
        yield ["--language", "de"]
    finally:
        use_language("en")


def test_import_messages_follow_language_de(
    db_url: str, german_messages: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    path = FIXTURES / "partner_center_training_details.csv"
    assert main([*german_messages, *cli_options(db_url), "import-exams", str(path)]) == 0
    out = capsys.readouterr().out
    assert "partner_center_training_details.csv wird gelesen: utf-8, getrennt durch" in out
    assert "Ignorierte Spalten: PartnerName, Month" in out
    assert "3 hinzugefügt, 0 Duplikate, 0 Fehler" in out.splitlines()
    assert "Import 1 abgeschlossen (3 Personen angelegt); „mpn-desktop imports" in out
    assert "added" not in out and "Reading" not in out


def test_import_errors_follow_language_de(
    db_url: str, german_messages: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    path = FIXTURES / "embedded_newlines.csv"
    assert main([*german_messages, *cli_options(db_url), "import-exams", str(path)]) == 1
    captured = capsys.readouterr()
    line = "embedded_newlines.csv: Zeile 7, MCP-ID: 'not-an-id' ist keine MCP-ID (nur Ziffern)"
    assert line in captured.err
    assert "0 hinzugefügt, 0 Duplikate, 1 Fehler" in captured.out.splitlines()
    fix = "Es wurde nichts importiert: Beheben Sie den Fehler oben und importieren Sie erneut."
    assert fix in captured.err
    assert exam_rows(db_url) == []


def test_import_options_and_file_problems_follow_language_de(
    db_url: str, german_messages: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = FIXTURES / "partner_center_training_details.csv"
    options = [*german_messages, *cli_options(db_url), "import-exams"]
    assert main([*options, str(path), "--map", "nothing"]) == 2
    assert "--map: 'nothing' hat nicht die Form COLUMN=FIELD" in capsys.readouterr().err
    header_only = tmp_path / "header.csv"
    header_only.write_text("MCP ID,Name,Exam,Date Passed\n", encoding="utf-8")
    assert main([*options, str(header_only)]) == 1
    assert "Die Datei hat eine Kopfzeile, aber keine Datensätze" in capsys.readouterr().err
