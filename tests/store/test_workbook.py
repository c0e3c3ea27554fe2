"""The organisation as an .xlsx workbook: written with real cells, read back exactly, edits welcome.

A workbook edited by another program (dates typed as text, numbers as text,
columns moved) loads; what cannot be meant is refused with its sheet, row and
column, and nothing is written.
"""

from __future__ import annotations

import copy
import json
import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook

from mpn_desktop.catalog_files import load_catalog
from mpn_desktop.domain import vocabulary
from mpn_desktop.domain.competency_tree import requirement_tree
from mpn_desktop.domain.evaluate import evaluate
from mpn_desktop.domain.progress_table import tree_rows
from mpn_desktop.errors import MpnError, ValidationError
from mpn_desktop.store.database import Database
from mpn_desktop.store.documents import export_document, load_document
from mpn_desktop.store.facts_loader import load_facts
from mpn_desktop.store.sample import sample_document
from mpn_desktop.store.workbook_cells import escape_text, unescape_text
from mpn_desktop.store.workbook_read import read_workbook
from mpn_desktop.store.workbook_write import STATUS_SHEET, write_workbook

COMPETENCIES = {item.id for item in load_catalog(None).competencies}


def _edge_document() -> dict[str, Any]:
    """The sample with the values a spreadsheet is most likely to bend."""
    document = copy.deepcopy(sample_document(date(2018, 3, 15)))
    document["customers"].append({"name": '=HYPERLINK("http://x")', "tenant_id": None})
    document["customers"].append(
        # A tab is text; other control characters are refused by load (issue 11).
        {"name": "Tab\tand _x0041_ ünïcödé 🚀", "tenant_id": "+1"}
    )
    document["subscriptions"].append(
        {
            "id": "00123",
            "customer": '=HYPERLINK("http://x")',
            "workload": "azure",
            "association": "dpor",
            "associated_on": "1899-12-31",
            "started_on": "1000-01-01",
            "ended_on": "9999-12-31",
            "trial": True,
        }
    )
    document["usage"].extend(
        [
            {
                "subscription": "00123",
                "month": "1899-02",
                "consumption_usd": 0.01,
                "revenue_usd": 999999999999.99,
                "active_users": 2**53 + 1,
            },
            {
                "subscription": "00123",
                "month": "2017-12",
                "consumption_usd": 1250.1,
                "revenue_usd": 0.3,
                "active_users": 0,
            },
        ]
    )
    document["people"].append(
        {"name": "-1", "email": "@x", "mcp_id": "0001234", "associated": False, "left_on": None}
    )
    # Usage by service and imported, and the Solutions Partner associations.
    for association, name in (("cpor", "sub-cpor"), ("pal", "sub-pal")):
        document["subscriptions"].append(
            {
                "id": name,
                "customer": '=HYPERLINK("http://x")',
                "workload": "azure",
                "association": association,
                "associated_on": "2022-10-01",
                "started_on": "2022-10-01",
                "ended_on": None,
                "trial": False,
            }
        )
    for service, seats in (("Virtual Machines", 0), ("Microsoft 365 E3", 250)):
        document["usage"].append(
            {
                "subscription": "sub-cpor",
                "month": "2023-01",
                "consumption_usd": 10.5,
                "revenue_usd": 0,
                "active_users": 0,
                "service": service,
                "paid_seats": seats,
                "source": "reconciliation:INV-1",
            }
        )
    return document


def _database(tmp_path: Path, name: str) -> Database:
    return Database.open(f"sqlite:///{tmp_path / name}")


def _round_trip(tmp_path: Path, document: dict[str, Any]) -> tuple[Any, Any]:
    first_db = _database(tmp_path, "first.sqlite3")
    load_document(first_db, document, competencies=COMPETENCIES)
    exported = export_document(first_db)
    first_db.close()
    book = tmp_path / "org.xlsx"
    write_workbook(exported, [], book)
    second_db = _database(tmp_path, "second.sqlite3")
    load_document(second_db, read_workbook(book, COMPETENCIES), competencies=COMPETENCIES)
    again = export_document(second_db)
    second_db.close()
    return exported, again


def test_sample_and_edge_values_come_back_exactly(tmp_path: Path) -> None:
    exported, again = _round_trip(tmp_path, _edge_document())
    assert json.dumps(again, sort_keys=True) == json.dumps(exported, sort_keys=True)
    assert any(row["name"].startswith("Tab\tand _x0041_") for row in again["customers"])


def _status_rows(db: Database, day: date) -> list[tuple[Any, ...]]:
    progress = evaluate(load_catalog(None), load_facts(db), day)
    return list(tree_rows(requirement_tree(progress)))


def test_cells_are_real_dates_numbers_and_text_under_a_frozen_header(tmp_path: Path) -> None:
    db = _database(tmp_path, "t.sqlite3")
    load_document(db, _edge_document())
    path = tmp_path / "org.xlsx"
    write_workbook(export_document(db), _status_rows(db, date(2018, 3, 15)), path)
    db.close()
    book = load_workbook(path)
    assert book.sheetnames == [
        "organization",
        "targets",
        "customers",
        "subscriptions",
        "usage",
        "people",
        "exams",
        "references",
        "fee_payments",
        STATUS_SHEET,
    ]
    exams = book["exams"]
    assert [cell.value for cell in exams[1]] == [
        "mcp_id",
        "exam_code",
        "exam_title",
        "passed_on",
        "kind",
    ]
    assert exams.freeze_panes == "A2"
    assert isinstance(exams["D2"].value, datetime)
    assert exams["D2"].number_format == "yyyy-mm-dd"
    title_width = exams.column_dimensions["C"].width
    assert title_width is not None and title_width > exams.column_dimensions["A"].width
    usage = book["usage"]
    months = [row[1] for row in usage.iter_rows(min_row=2, values_only=True)]
    assert datetime(2017, 12, 1) in months
    assert "1899-02" in months  # before spreadsheets' first day: ISO text
    assert usage["B2"].number_format == "yyyy-mm"
    assert all(
        isinstance(row[2], (int, float)) for row in usage.iter_rows(min_row=2, values_only=True)
    )
    customers = [row[0] for row in book["customers"].iter_rows(min_row=2, values_only=True)]
    formula_name = '=HYPERLINK("http://x")'
    assert formula_name in customers
    cell = next(c for c in book["customers"]["A"] if c.value == formula_name)
    assert cell.data_type == "s"  # text, never a formula
    people = {row[2]: row for row in book["people"].iter_rows(min_row=2, values_only=True)}
    assert people["0001234"][3] is False
    status = book[STATUS_SHEET]
    header = [cell.value for cell in status[1]]
    assert header[:6] == ["as_of", "program", "requirement", "part", "item", "detail"]
    assert status["A2"].value == datetime(2018, 3, 15)
    rows = [
        dict(zip(header, row, strict=True)) for row in status.iter_rows(min_row=2, values_only=True)
    ]
    gold_references = next(
        row
        for row in rows
        if (row["requirement"], row["part"], row["item"])
        == ("cloud-platform", "gold", "references")
    )
    assert isinstance(gold_references["have"], int) and gold_references["met"] is False
    assert "more approved customer reference" in gold_references["missing"]
    competency = next(
        row for row in rows if row["requirement"] == "cloud-platform" and row["part"] is None
    )
    assert competency["targeted"] is True and competency["label"] == "Cloud Platform"


def _book_from(rows_by_sheet: dict[str, list[list[Any]]], path: Path) -> Path:
    book = Workbook()
    assert book.active is not None
    book.remove(book.active)
    for title, rows in rows_by_sheet.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def test_a_workbook_edited_by_another_program_loads(tmp_path: Path) -> None:
    """Columns moved, dates and amounts typed as text, an MCP ID taken for a number,
    TRUE as a word, blank rows, no Status sheet: the same organisation comes back."""
    path = _book_from(
        {
            "organization": [
                ["mpn_id", "Name", "anniversary"],
                [4123456, "Contoso Cloud Ltd", "2018-06-30"],
            ],
            "targets": [["level", "competency"], ["gold", "cloud-platform"]],
            "customers": [["name"], ["Fabrikam"], [None], ["  "], ["Contoso"]],
            "subscriptions": [
                [
                    "trial",
                    "started_on",
                    "id",
                    "customer",
                    "workload",
                    "association",
                    "associated_on",
                ],
                [
                    "FALSE",
                    datetime(2017, 1, 15),
                    "sub-1",
                    "Fabrikam",
                    "azure",
                    "dpor",
                    "2017-01-15",
                ],
            ],
            "usage": [
                ["month", "subscription", "consumption_usd", "active_users"],
                ["2017-12", "sub-1", "1250.50", "3"],
                [datetime(2018, 1, 1), "sub-1", 1250.5, 3.0],
            ],
            "people": [["mcp_id", "name"], [1234567, "Ana Ruiz"]],
            "exams": [
                ["passed_on", "exam_code", "mcp_id"],
                [datetime(2017, 11, 2), "70-533", 1234567.0],
            ],
        },
        tmp_path / "edited.xlsx",
    )
    document = read_workbook(path, COMPETENCIES)
    db = _database(tmp_path, "t.sqlite3")
    load_document(db, document, competencies=COMPETENCIES)
    exported = export_document(db)
    db.close()
    assert exported["organization"] == {
        "name": "Contoso Cloud Ltd",
        "mpn_id": "4123456",
        "market": "developed",
        "anniversary": "2018-06-30",
    }
    assert [row["name"] for row in exported["customers"]] == ["Fabrikam", "Contoso"]
    assert exported["usage"] == [
        {
            "subscription": "sub-1",
            "month": "2017-12",
            "consumption_usd": 1250.5,
            "revenue_usd": 0,
            "active_users": 3,
        },
        {
            "subscription": "sub-1",
            "month": "2018-01",
            "consumption_usd": 1250.5,
            "revenue_usd": 0,
            "active_users": 3,
        },
    ]
    assert exported["exams"][0]["passed_on"] == "2017-11-02"
    assert exported["exams"][0]["mcp_id"] == "1234567"
    assert exported["subscriptions"][0]["trial"] is False


def test_each_problem_names_sheet_row_and_column_and_nothing_is_read(tmp_path: Path) -> None:
    path = _book_from(
        {
            "customers": [["name", "notes"], ["Fabrikam", "x"], ["Fabrikam", None]],
            "people": [["name", "mcp_id"], ["Ana", "1"]],
            "exams": [
                ["mcp_id", "exam_code", "passed_on"],
                ["1", "70-533", "02/11/2017"],
                ["1", "70-534", datetime(2017, 11, 2, 10, 30)],
                ["9", "70-535", datetime(2017, 11, 2)],
            ],
            "usage": [["subscription", "consumption_usd"], ["sub-x", "1.250,50"]],
            "Sheet1": [["whatever"]],
        },
        tmp_path / "bad.xlsx",
    )
    with pytest.raises(ValidationError) as raised:
        read_workbook(path, COMPETENCIES)
    problems = raised.value.problems
    assert "the workbook has" in str(raised.value)
    assert str(path) in str(raised.value)
    expected = [
        "sheet 'customers', column B: 'notes' is not a column of customers",
        "sheet 'customers', row 3: repeats a customer name (as sheet 'customers', row 2)",
        "sheet 'exams', row 2, column C (passed_on): 02/11/2017 is not a date (expected",
        "sheet 'exams', row 3, column C (passed_on): 2017-11-02 10:30 is not a date",
        "sheet 'exams', row 4, column A (mcp_id): no person has the MCP ID '9'",
        "sheet 'usage', row 2, column B (consumption_usd): 1.250,50 is not an amount",
        "sheet 'usage': no column 'month' (it is needed)",
        "sheet 'usage', row 2, column A (subscription): no subscription has the id 'sub-x'",
        "sheet 'Sheet1': not a table of the document",
    ]
    for start in expected:
        assert any(problem.startswith(start) for problem in problems), (start, problems)
    # A column missing from the sheet is said once, not again as each row's "missing".
    assert not any("month: missing" in problem for problem in problems)


def test_the_status_sheet_is_left_out_and_an_error_cell_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "org.xlsx"
    db = _database(tmp_path, "t.sqlite3")
    load_document(db, sample_document(date(2018, 3, 15)))
    write_workbook(export_document(db), _status_rows(db, date(2018, 3, 15)), path)
    db.close()
    assert read_workbook(path, COMPETENCIES)["people"]
    # An error cell as LibreOffice or Excel saves a formula that failed.
    book = load_workbook(path)
    book["people"]["C2"] = "#N/A"
    book["people"]["C2"].data_type = "e"
    book.save(path)
    with pytest.raises(ValidationError) as raised:
        read_workbook(path, COMPETENCIES)
    assert any(
        problem.startswith(
            "sheet 'people', row 2, column C (mcp_id): the formula's result is an error"
        )
        for problem in raised.value.problems
    )
    assert not any(problem.endswith("mcp_id: missing") for problem in raised.value.problems)


def test_in_german_a_missing_column_or_an_error_cell_is_said_once_not_again_per_row(
    tmp_path: Path,
) -> None:
    """The rows' "fehlt" were told apart from the others by the English ': missing': in a
    German window every row said again what its sheet's missing column had said."""
    path = _book_from(
        {
            "customers": [["name"], ["Fabrikam"]],
            "subscriptions": [
                ["id", "customer", "workload", "association", "associated_on", "started_on"],
                ["sub-1", "Fabrikam", "azure", "dpor", date(2017, 1, 1), date(2017, 1, 1)],
            ],
            "usage": [["subscription", "consumption_usd"], ["sub-1", 1], ["sub-1", 2]],
            "people": [["name", "mcp_id"], ["Ana", "#N/A"]],
        },
        tmp_path / "bad.xlsx",
    )
    book = load_workbook(path)
    book["people"]["B2"].data_type = "e"
    book.save(path)
    assert vocabulary.use_language("de") == "de"
    with pytest.raises(ValidationError) as raised:
        read_workbook(path, COMPETENCIES)
    problems = raised.value.problems
    assert problems == [
        "Tabellenblatt 'usage': keine Spalte 'month' (sie wird gebraucht)",
        "Tabellenblatt 'people', Zeile 2, Spalte B (mcp_id): Das Ergebnis der Formel ist ein "
        "Fehler (#N/A)",
    ]


def test_a_workbooks_problems_are_said_in_german_by_sheet_row_and_column(tmp_path: Path) -> None:
    """English in a German window before (the place, and what the reading found wrong)."""
    path = _book_from(
        {
            "customers": [["name", "notes"], ["Fabrikam", "x"]],
            "people": [["name", "mcp_id"], ["Ana", "1"]],
            "exams": [["mcp_id", "exam_code", "passed_on"], ["9", "70-535", date(2017, 11, 2)]],
            "usage": [["subscription", "consumption_usd"], ["sub-x", 1]],
            "Sheet1": [["whatever"]],
        },
        tmp_path / "bad.xlsx",
    )
    assert vocabulary.use_language("de") == "de"
    with pytest.raises(ValidationError) as raised:
        read_workbook(path, COMPETENCIES)
    problems = raised.value.problems
    assert str(raised.value) == (
        f"{path}: Die Arbeitsmappe hat {len(problems)} Probleme; es wurde nichts geschrieben"
    )
    expected = [
        "Tabellenblatt 'customers', Spalte B: 'notes' ist keine Spalte von customers (seine "
        "Spalten sind name, tenant_id)",
        "Tabellenblatt 'exams', Zeile 2, Spalte A (mcp_id): keine Person hat die MCP-ID '9'",
        "Tabellenblatt 'usage': keine Spalte 'month' (sie wird gebraucht)",
        "Tabellenblatt 'Sheet1': keine Tabelle des Dokuments (die Tabellenblätter sind ",
    ]
    for start in expected:
        assert any(problem.startswith(start) for problem in problems), (start, problems)
    text = tmp_path / "org.xlsx"
    text.write_text("name,mpn_id\nContoso,1\n")
    with pytest.raises(ValidationError) as raised:
        read_workbook(text)
    assert str(raised.value) == (
        f"{text}: keine Excel-Arbeitsmappe (.xlsx); speichern Sie sie in der Tabellenkalkulation "
        "als „Excel 2007-365 (.xlsx)“"
    )


def test_a_file_that_is_not_a_workbook_is_named_not_a_traceback(tmp_path: Path) -> None:
    text = tmp_path / "org.xlsx"
    text.write_text("name,mpn_id\nContoso,1\n")
    with pytest.raises(ValidationError, match=r"org\.xlsx: not an Excel workbook"):
        read_workbook(text)
    other_zip = tmp_path / "other.xlsx"
    with zipfile.ZipFile(other_zip, "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(ValidationError, match="not an Excel workbook"):
        read_workbook(other_zip)
    with pytest.raises(MpnError, match="no such file"):
        read_workbook(tmp_path / "missing.xlsx")


def test_a_zip_that_unpacks_to_too_much_is_refused_unread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mpn_desktop.store import workbook_read

    path = tmp_path / "org.xlsx"
    write_workbook(sample_document(date(2018, 3, 15)), None, path)
    monkeypatch.setattr(workbook_read, "MAX_UNPACKED_BYTES", 1000)
    with pytest.raises(ValidationError, match="would unpack to"):
        read_workbook(path)


@pytest.mark.parametrize(
    "text",
    ["plain", "\x01\x0b\x1f", "_x0041_", "_x005F_x0041_", "a_x000B_b\x0b", "_x", "\ufffe"],
)
def test_text_an_xlsx_cannot_hold_is_escaped_and_comes_back(text: str) -> None:
    escaped = escape_text(text)
    assert not any(ord(character) < 32 and character not in "\t\n\r" for character in escaped)
    assert unescape_text(escaped) == text


def test_libreoffices_unescaped_literal_stays_as_typed() -> None:
    # LibreOffice writes the text "_x0041_" without escaping its underscore.
    assert unescape_text("_x0041_") == "_x0041_"
    assert unescape_text("_x000B_") == "\x0b"
