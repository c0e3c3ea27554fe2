"""Copy, paste and CSV export of the record tables, as Excel and LibreOffice exchange them."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QGuiApplication

from mpn_desktop.domain.enums import Workload
from mpn_desktop.importers.table_text import rows_of_pasted_text
from mpn_desktop.store import records
from mpn_desktop.store.changes import RecordKind
from mpn_desktop.ui.models.record_table import RECORD_ROLE
from mpn_desktop.ui.tabs.exams_tab import ExamsTab
from mpn_desktop.ui.tabs.fee_tab import FeeTab
from mpn_desktop.ui.tabs.record_section import RecordSection
from mpn_desktop.ui.tabs.sales_tab import SalesTab


def _tab(cls: Any, context: Any, qtbot: Any) -> Any:
    tab = cls(context)
    qtbot.addWidget(tab)
    tab.resize(1200, 700)
    tab.show()
    return tab


def _select_all(section: RecordSection) -> None:
    section.view.selectAll()


def _people(demo_db: Any) -> list[dict[str, Any]]:
    return [
        {key: value for key, value in person.items() if key != "id"}
        for person in records.list_records(demo_db, RecordKind.PERSON)
    ]


def test_copy_gives_values_with_a_header_row_not_what_the_cells_show(
    context: Any, qtbot: Any
) -> None:
    fee = _tab(FeeTab, context, qtbot)
    section = fee.sections[0]
    _select_all(section)
    text = section.transfer.copy()
    assert QGuiApplication.clipboard().text() == text
    rows = list(csv.reader(io.StringIO(text), delimiter="\t"))
    labels = [section.model.field_at(column).label for column in range(section.model.columnCount())]
    assert rows[0] == labels
    amounts = {row[labels.index("Amount")] for row in rows[1:]}
    assert all("US$" not in amount and "," not in amount for amount in amounts)
    assert all(Decimal(amount) > 0 for amount in amounts)
    days = [row[labels.index("Paid on")] for row in rows[1:] if row[labels.index("Paid on")]]
    assert days and all(date.fromisoformat(day) for day in days)
    exams = _tab(ExamsTab, context, qtbot)
    _select_all(exams.people)
    people_text = exams.people.transfer.copy()
    assert "\tTRUE\t" in people_text  # associated, as a spreadsheet's boolean


def test_pasting_copied_rows_back_changed_is_one_undo_step(
    context: Any, demo_db: Any, qtbot: Any
) -> None:
    tab = _tab(ExamsTab, context, qtbot)
    _select_all(tab.people)
    rows = rows_of_pasted_text(tab.people.transfer.copy())
    before = _people(demo_db)
    header = rows[0]
    edited = [header] + [
        [
            f"{cell} Jr" if position == header.index("Name") else cell
            for position, cell in enumerate(row)
        ]
        for row in rows[1:]
    ]
    text = "\r\n".join("\t".join(row) for row in edited)
    depth = context.undo_stack.count()
    with qtbot.waitSignal(context.changeApplied):
        command = tab.people.transfer.paste_text(text)
    assert command is not None and command.written is not None
    assert len(command.written.previous) == len(before) and not command.written.added
    assert all(person["name"].endswith(" Jr") for person in _people(demo_db))
    assert context.undo_stack.count() == depth + 1
    assert context.undo_stack.undoText().startswith("Paste ")
    with qtbot.waitSignal(context.changeApplied):
        context.undo_stack.undo()
    assert _people(demo_db) == before
    with qtbot.waitSignal(context.changeApplied):
        context.undo_stack.redo()
    assert all(person["name"].endswith(" Jr") for person in _people(demo_db))


def test_pasted_new_rows_go_in_and_the_refused_ones_are_listed(
    context: Any, demo_db: Any, qtbot: Any
) -> None:
    tab = _tab(ExamsTab, context, qtbot)
    before = _people(demo_db)
    text = (
        "MCP ID\tName\tAssociated\tLeft on\tNotes\r\n"
        "9000001\tNew One\tTRUE\t\tfrom HR\r\n"
        "not-an-id\tBad Id\tTRUE\t\t\r\n"
        "9000002\tNew Two\tFALSE\t2018-01-31\t\r\n"
        f"{before[0]['mcp_id']}\t{before[0]['name']}\tyes\t2017-02-30\t\r\n"
    )
    with qtbot.waitSignal(context.changeApplied):
        command = tab.people.transfer.paste_text(text)
    assert command is not None and command.written is not None
    assert len(command.written.added) == 2
    problem = tab.people.problem_label.text()
    assert "refused 2" in problem
    assert "line 3: MCP ID: “not-an-id” is not an MCP ID" in problem
    assert "line 5: Left on: “2017-02-30” is not a date: February 2017 has 28 days." in problem
    assert "Not pasted (no column takes them): Notes." in problem
    people = {person["mcp_id"]: person for person in _people(demo_db)}
    assert people["9000002"]["associated"] is False
    assert people["9000002"]["left_on"] == date(2018, 1, 31)
    assert people[before[0]["mcp_id"]] == before[0]
    with qtbot.waitSignal(context.changeApplied):
        context.undo_stack.undo()
    assert _people(demo_db) == before


def test_a_row_the_store_refuses_is_named_and_the_others_go_in(
    context: Any, demo_db: Any, qtbot: Any
) -> None:
    tab = _tab(SalesTab, context, qtbot)
    existing = records.list_records(demo_db, RecordKind.CUSTOMER)[0]["name"]
    # Without a header row, pasted below the last row: new customers.
    text = f"Wingtip Toys\twingtip.onmicrosoft.com\n{'x' * 300}\t\nTailspin\t\n"
    tab.customers.view.setCurrentIndex(QModelIndex())
    with qtbot.waitSignal(context.changeApplied):
        command = tab.customers.transfer.paste_text(text)
    assert command is not None and command.written is not None
    names = {customer["name"] for customer in records.list_records(demo_db, RecordKind.CUSTOMER)}
    assert {"Wingtip Toys", "Tailspin", existing} <= names
    assert "line 2:" in tab.customers.problem_label.text()
    assert "longer than 200" in tab.customers.problem_label.text()


def test_text_without_a_header_fills_cells_from_the_current_one(
    context: Any, demo_db: Any, qtbot: Any
) -> None:
    tab = _tab(SalesTab, context, qtbot)
    section = tab.subscriptions
    workload_column = section.model.column_of("workload")
    section.view.setCurrentIndex(section.proxy.index(0, workload_column))
    first_id = section.proxy.index(0, 0).data(RECORD_ROLE)["id"]
    with qtbot.waitSignal(context.changeApplied):
        command = section.transfer.paste_text("ems\n")
    assert command is not None
    stored = records.get_record(demo_db, RecordKind.SUBSCRIPTION, first_id)
    assert stored is not None and stored["workload"] is Workload.EMS


def _excel_round_trip(text: str, path: Path) -> str:
    """``text`` pasted into a sheet as a spreadsheet types it in, saved as .xlsx, opened
    again and copied: numbers, dates and booleans become cells of their kind on the way."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows_of_pasted_text(text):
        sheet.append([_as_spreadsheet_cell(cell) for cell in row])
    book.save(path)
    again = load_workbook(path)
    sheet = again.active
    assert sheet is not None
    lines = []
    for row in sheet.iter_rows(values_only=True):
        lines.append("\t".join(_as_copied(value) for value in row))
    return "\r\n".join(lines) + "\r\n"


def _as_spreadsheet_cell(text: str) -> Any:
    if text in ("TRUE", "FALSE"):
        return text == "TRUE"
    try:
        return datetime.fromisoformat(text) if len(text) == 10 and text[4] == "-" else float(text)
    except ValueError:
        return text


def _as_copied(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, float):
        return f"{value:.15g}"
    return str(value)


def test_copy_and_paste_round_trip_through_a_spreadsheet_file(
    context: Any, demo_db: Any, qtbot: Any, tmp_path: Path
) -> None:
    """Fee payments copied, kept in an .xlsx, copied from it and pasted into an empty
    database: the same payments."""
    fee = _tab(FeeTab, context, qtbot)
    section = fee.sections[0]
    _select_all(section)
    copied = _excel_round_trip(section.transfer.copy(), tmp_path / "copied.xlsx")
    before = [
        {key: value for key, value in payment.items() if key not in ("id", "version")}
        for payment in records.list_records(demo_db, RecordKind.FEE_PAYMENT)
    ]
    ids = [payment["id"] for payment in records.list_records(demo_db, RecordKind.FEE_PAYMENT)]
    records.delete_records(demo_db, RecordKind.FEE_PAYMENT, ids)
    section.reload()
    with qtbot.waitSignal(context.changeApplied):
        command = section.transfer.paste_text(copied)
    assert command is not None and command.written is not None
    assert not command.written.refused
    after = [
        {key: value for key, value in payment.items() if key not in ("id", "version")}
        for payment in records.list_records(demo_db, RecordKind.FEE_PAYMENT)
    ]
    assert sorted(map(str, after)) == sorted(map(str, before))


def test_export_table_as_csv_opens_in_excel_as_it_is(
    context: Any, demo_db: Any, qtbot: Any, tmp_path: Path
) -> None:
    records.add_record(demo_db, RecordKind.CUSTOMER, {"name": "=cmd|' /C calc'!A0"})
    tab = _tab(SalesTab, context, qtbot)
    tab.customers.reload()
    path = tmp_path / "customers.csv"
    assert tab.customers.transfer.export_csv_to(path)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0] == ["Customer", "Tenant ID"]
    assert ["'=cmd|' /C calc'!A0", ""] in rows
    assert len(rows) - 1 == tab.customers.proxy.rowCount()


def test_exam_rows_from_a_spreadsheet_name_the_person_by_mcp_id(
    context: Any, demo_db: Any, qtbot: Any
) -> None:
    tab = _tab(ExamsTab, context, qtbot)
    person = records.list_records(demo_db, RecordKind.PERSON)[0]
    count = len(records.list_records(demo_db, RecordKind.EXAM))
    text = (
        "MCP ID\tCode\tKind\tPassed on\r\n"
        f"{person['mcp_id']}\t70-535\texam\t2018-02-20\r\n"
        "99999999\t70-533\texam\t2018-02-21\r\n"
    )
    with qtbot.waitSignal(context.changeApplied):
        command = tab.exams.transfer.paste_text(text)
    assert command is not None and command.written is not None
    assert len(command.written.added) == 1
    exams = records.list_records(demo_db, RecordKind.EXAM)
    assert len(exams) == count + 1
    added = records.get_record(demo_db, RecordKind.EXAM, command.written.added[0])
    assert added is not None and added["person_id"] == person["id"]
    assert "line 3: MCP ID: “99999999” is nobody's here" in tab.exams.problem_label.text()


def test_a_pasted_exam_code_brings_its_title_as_typing_it_does(
    context: Any, demo_db: Any, qtbot: Any
) -> None:
    tab = _tab(ExamsTab, context, qtbot)
    person = records.list_records(demo_db, RecordKind.PERSON)[0]
    text = f"MCP ID\tCode\tTitle\tPassed on\r\n{person['mcp_id']}\t70-533\t\t2018-02-20\r\n"
    with qtbot.waitSignal(context.changeApplied):
        command = tab.exams.transfer.paste_text(text)
    assert command is not None and command.written is not None
    added = records.get_record(demo_db, RecordKind.EXAM, command.written.added[0])
    assert added is not None
    assert added["exam_title"] == "Implementing Microsoft Azure Infrastructure Solutions"


def test_a_status_pasted_over_a_reference_keeps_its_approval_day(
    context: Any, demo_db: Any, qtbot: Any
) -> None:
    from mpn_desktop.ui.tabs.references_tab import ReferencesTab

    tab = _tab(ReferencesTab, context, qtbot)
    section = tab.sections[0]
    status_column = section.model.column_of("status")
    row = next(
        position
        for position in range(section.proxy.rowCount())
        if section.proxy.index(position, 0).data(RECORD_ROLE)["approved_on"] is not None
    )
    record = section.proxy.index(row, 0).data(RECORD_ROLE)
    section.view.setCurrentIndex(section.proxy.index(row, status_column))
    # Pasted over its status, "submitted" then "approved": the day it was approved stays.
    for status in ("submitted", "approved"):
        with qtbot.waitSignal(context.changeApplied):
            assert section.transfer.paste_text(f"{status}\r\n") is not None
    stored = records.get_record(demo_db, RecordKind.REFERENCE, record["id"])
    assert stored is not None and stored["status"].value == "approved"
    assert stored["approved_on"] == record["approved_on"]
