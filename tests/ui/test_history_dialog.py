"""View > History…: the kinds of record a change touched, named as the store names them."""

from __future__ import annotations

from datetime import date

import pytest
from pytestqt.qtbot import QtBot

from mpn_desktop.store import records
from mpn_desktop.store.changes import RecordKind
from mpn_desktop.store.schema_fields import SPECS
from mpn_desktop.ui.context import AppContext
from mpn_desktop.ui.history_dialog import HistoryDialog


@pytest.mark.parametrize(
    ("language", "exams", "people"),
    [("en", "exam results", "people"), ("de", "Prüfungsergebnisse", "Personen")],
)
def test_the_history_names_a_change_s_records_as_the_store_does(
    *,
    language: str,
    exams: str,
    people: str,
    context: AppContext,
    qtbot: QtBot,
    request: pytest.FixtureRequest,
) -> None:
    """Before, the dialog kept its own words (_KIND_WORDS): 'exams' ('Prüfungen') where
    the store's refusals and the delete question say 'exam results'."""
    if language == "de":
        request.getfixturevalue("german")
    person = records.add_record(
        context.db, RecordKind.PERSON, {"name": "Ana Ruiz", "mcp_id": "1234567"}
    )
    records.add_record(
        context.db,
        RecordKind.EXAM,
        {"person_id": person.value.id, "exam_code": "70-533", "passed_on": date(2017, 11, 2)},
    )
    dialog = HistoryDialog(context)
    qtbot.addWidget(dialog)
    shown = [dialog.table.item(row, 2).text() for row in range(dialog.table.rowCount())]
    assert shown[:2] == [exams, people]


def test_every_kind_of_record_is_named_by_its_spec() -> None:
    from mpn_desktop.ui.history_dialog import changed_kinds_text

    for kind in RecordKind:
        if kind is not RecordKind.ORGANIZATION:
            assert changed_kinds_text([kind]) == SPECS[kind].several
    # The database holds one organisation.
    assert changed_kinds_text([RecordKind.ORGANIZATION]) == "organisation"
    assert changed_kinds_text([RecordKind.USAGE, RecordKind.CUSTOMER]) == (
        "customers, usage records"
    )
