"""``export FILE.xlsx`` and ``load FILE.xlsx``: the organisation back, problems by sheet and row."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from mpn_desktop.cli import main


def _other(tmp_path: Path) -> list[str]:
    """A second database to load into: a SQLite file, whichever backend the test's is."""
    return ["--db", str(tmp_path / "other.sqlite3")]


def test_export_xlsx_then_load_it_then_export_json_is_the_first_json(
    db_args: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = db_args
    assert main([*db, "demo"]) == 0
    first = tmp_path / "first.json"
    book = tmp_path / "org.xlsx"
    assert main([*db, "export", str(first)]) == 0
    assert main([*db, "export", "--as-of", "2018-03-15", str(book)]) == 0
    assert f"to {book}" in capsys.readouterr().out
    other = _other(tmp_path)
    assert main([*other, "load", str(book)]) == 0
    assert f"from {book}" in capsys.readouterr().out
    second = tmp_path / "second.json"
    assert main([*other, "export", str(second)]) == 0
    assert first.read_text() == second.read_text()
    # And loaded back over the test's own database (its backend's load).
    assert main([*db, "load", "--replace", str(book)]) == 0
    third = tmp_path / "third.json"
    assert main([*db, "export", str(third)]) == 0
    assert first.read_text() == third.read_text()
    status = load_workbook(book, read_only=True)["Status"]
    assert next(status.iter_rows(min_row=2, max_row=2, values_only=True))[0].date().isoformat() == (
        "2018-03-15"
    )


def test_a_wrong_cell_is_named_by_sheet_row_and_column_and_nothing_is_loaded(
    db_args: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = db_args
    assert main([*db, "demo"]) == 0
    book_path = tmp_path / "org.xlsx"
    first = tmp_path / "first.json"
    assert main([*db, "export", str(first)]) == 0
    assert main([*db, "export", str(book_path)]) == 0
    book = load_workbook(book_path)
    book["exams"]["D3"] = "2017-13-45"
    book.save(book_path)
    capsys.readouterr()
    other = _other(tmp_path)
    assert main([*other, "load", str(book_path)]) == 1
    err = capsys.readouterr().err
    assert "sheet 'exams', row 3, column D (passed_on): 2017-13-45 is not a date" in err
    assert "Traceback" not in err
    assert not (tmp_path / "other.sqlite3").exists()
    # Over the test's own database, the refused workbook leaves what it held.
    assert main([*db, "load", "--replace", str(book_path)]) == 1
    assert "sheet 'exams', row 3, column D (passed_on)" in capsys.readouterr().err
    second = tmp_path / "second.json"
    assert main([*db, "export", str(second)]) == 0
    assert first.read_text() == second.read_text()


@pytest.mark.parametrize("command", ["export", "load"])
def test_another_spreadsheet_format_is_a_usage_error(
    db_args: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    assert main([*db_args, command, str(tmp_path / "org.ods")]) == 2
    said = capsys.readouterr().err
    # Before, export too: "save the spreadsheet as .xlsx", as if it read one.
    if command == "load":
        assert "save the spreadsheet as .xlsx" in said
    else:
        assert "name the file with one of these endings" in said and "save the" not in said


@pytest.mark.sqlite_only  # about the database's own file on disk, which only SQLite has
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
    db_args: list[str], tmp_path: Path
) -> None:
    assert main([*db_args, "demo"]) == 0
    book = tmp_path / "org.xlsx"
    assert main([*db_args, "export", "--as-of", "2023-06-15", str(book)]) == 0
    rows = list(load_workbook(book, read_only=True)["Status"].iter_rows(values_only=True))
    header = rows[0]
    records = [dict(zip(header, row, strict=False)) for row in rows[1:]]
    assert {record["program"] for record in records} == {"solutions-partner"}
    designation = next(record for record in records if record["part"] is None)
    assert designation["max_points"] == 100 and designation["unit"] == "points"
    assert any(record["item"] for record in records)  # the metrics under the categories


def test_designations_aimed_for_go_through_a_workbook_and_back(
    db_args: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    from mpn_desktop.store.sample import sample_document

    document = sample_document()
    document["targets"] = [*document["targets"], {"designation": "security"}]
    source = tmp_path / "org.json"
    source.write_text(json.dumps(document), encoding="utf-8")
    assert main([*db_args, "load", str(source)]) == 0
    first, book = tmp_path / "first.json", tmp_path / "org.xlsx"
    assert main([*db_args, "export", str(first)]) == 0
    assert main([*db_args, "export", str(book)]) == 0
    other = _other(tmp_path)
    assert main([*other, "load", str(book)]) == 0
    second = tmp_path / "second.json"
    assert main([*other, "export", str(second)]) == 0
    assert first.read_text() == second.read_text()
    assert {"designation": "security"} in json.loads(second.read_text())["targets"]
    capsys.readouterr()


def test_the_status_sheet_lists_a_designation_s_missing_lines_as_status_does(
    db_args: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The designation's row joins its missing lines in the order 'status' prints them
    # (metrics at zero first, then the largest gain), not in the order of its metric rows.
    assert main([*db_args, "demo"]) == 0
    book = tmp_path / "org.xlsx"
    day = "2026-12-06"
    assert main([*db_args, "export", "--as-of", day, str(book)]) == 0
    capsys.readouterr()
    assert main([*db_args, "status", "--as-of", day]) == 0
    said: dict[str, list[str]] = {}
    name = ""
    for line in capsys.readouterr().out.splitlines():
        if line.startswith("Solutions Partner for "):
            name = line.split(" - target")[0].split(": ")[0]
            said[name] = []
        elif line.startswith("  missing: "):
            said[name].append(line.removeprefix("  missing: "))
    rows = list(load_workbook(book, read_only=True)["Status"].iter_rows(values_only=True))
    records = [dict(zip(rows[0], row, strict=False)) for row in rows[1:]]
    sheet = {
        str(record["label"]): str(record.get("missing") or "")
        for record in records
        if record["part"] is None
    }
    shown = {label: lines for label, lines in said.items() if lines}
    assert len(shown) >= 2 and max(len(lines) for lines in shown.values()) >= 4
    for label, lines in shown.items():
        assert sheet[label] == "; ".join(lines), label
