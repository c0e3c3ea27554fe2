"""``export FILE.xlsx`` and ``load FILE.xlsx``: the organisation back, problems by sheet and row."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from mpn_desktop.cli import main


def _db(tmp_path: Path, name: str = "tracker.sqlite3") -> list[str]:
    return ["--db", str(tmp_path / name)]


def test_export_xlsx_then_load_it_then_export_json_is_the_first_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*_db(tmp_path), "demo"]) == 0
    first = tmp_path / "first.json"
    book = tmp_path / "org.xlsx"
    assert main([*_db(tmp_path), "export", str(first)]) == 0
    assert main([*_db(tmp_path), "export", "--as-of", "2018-03-15", str(book)]) == 0
    assert f"to {book}" in capsys.readouterr().out
    other = _db(tmp_path, "other.sqlite3")
    assert main([*other, "load", str(book)]) == 0
    assert f"from {book}" in capsys.readouterr().out
    second = tmp_path / "second.json"
    assert main([*other, "export", str(second)]) == 0
    assert first.read_text() == second.read_text()
    status = load_workbook(book, read_only=True)["Status"]
    assert next(status.iter_rows(min_row=2, max_row=2, values_only=True))[0].date().isoformat() == (
        "2018-03-15"
    )


def test_a_wrong_cell_is_named_by_sheet_row_and_column_and_nothing_is_loaded(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*_db(tmp_path), "demo"]) == 0
    book_path = tmp_path / "org.xlsx"
    assert main([*_db(tmp_path), "export", str(book_path)]) == 0
    book = load_workbook(book_path)
    book["exams"]["D3"] = "2017-13-45"
    book.save(book_path)
    capsys.readouterr()
    other = _db(tmp_path, "other.sqlite3")
    assert main([*other, "load", str(book_path)]) == 1
    err = capsys.readouterr().err
    assert "sheet 'exams', row 3, column D (passed_on): 2017-13-45 is not a date" in err
    assert "Traceback" not in err
    assert not (tmp_path / "other.sqlite3").exists()


@pytest.mark.parametrize("command", ["export", "load"])
def test_another_spreadsheet_format_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    assert main([*_db(tmp_path), command, str(tmp_path / "org.ods")]) == 2
    assert "save the spreadsheet as .xlsx" in capsys.readouterr().err


def test_export_never_writes_a_workbook_over_the_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = tmp_path / "tracker.xlsx"
    assert main(["--db", str(database), "demo"]) == 0
    before = database.read_bytes()
    assert main(["--db", str(database), "export", str(database)]) == 1
    assert "is the database itself" in capsys.readouterr().err
    assert database.read_bytes() == before


def test_the_status_sheet_of_a_solutions_partner_day_holds_the_designations(
    tmp_path: Path,
) -> None:
    assert main([*_db(tmp_path), "demo"]) == 0
    book = tmp_path / "org.xlsx"
    assert main([*_db(tmp_path), "export", "--as-of", "2023-06-15", str(book)]) == 0
    rows = list(load_workbook(book, read_only=True)["Status"].iter_rows(values_only=True))
    header = rows[0]
    records = [dict(zip(header, row, strict=False)) for row in rows[1:]]
    assert {record["program"] for record in records} == {"solutions-partner"}
    designation = next(record for record in records if record["part"] is None)
    assert designation["max_points"] == 100 and designation["unit"] == "points"
    assert any(record["item"] for record in records)  # the metrics under the categories


def test_designations_aimed_for_go_through_a_workbook_and_back(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    from mpn_desktop.store.sample import sample_document

    document = sample_document()
    document["targets"] = [*document["targets"], {"designation": "security"}]
    source = tmp_path / "org.json"
    source.write_text(json.dumps(document), encoding="utf-8")
    assert main([*_db(tmp_path), "load", str(source)]) == 0
    first, book = tmp_path / "first.json", tmp_path / "org.xlsx"
    assert main([*_db(tmp_path), "export", str(first)]) == 0
    assert main([*_db(tmp_path), "export", str(book)]) == 0
    other = _db(tmp_path, "other.sqlite3")
    assert main([*other, "load", str(book)]) == 0
    second = tmp_path / "second.json"
    assert main([*other, "export", str(second)]) == 0
    assert first.read_text() == second.read_text()
    assert {"designation": "security"} in json.loads(second.read_text())["targets"]
    capsys.readouterr()
