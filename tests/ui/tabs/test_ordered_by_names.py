"""A table ordered by a column naming other records (an exam's person) follows their names.

The Exams tab's exams are ordered by their person's name at first. They were
ordered before the people's names were known, by each person's id as text
("1", "10", "100", "2", ...), and stayed so once the names came: on the large
organisation "Person 0009" came second, after "Person 0000". They are now
ordered by names, read before the exams are, and ordered again whenever the
names a table shows change.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mpn_desktop.domain.catalog import Catalog
from mpn_desktop.store import records
from mpn_desktop.store.changes import RecordKind
from mpn_desktop.store.database import Database
from mpn_desktop.ui.context import AppContext
from mpn_desktop.ui.models.fields import Field, FieldKind
from mpn_desktop.ui.models.record_table import RecordTableModel
from mpn_desktop.ui.tabs import exams_tab
from mpn_desktop.ui.tabs.exams_tab import ExamsTab


def _shown(model: RecordTableModel) -> list[str]:
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_rows_ordered_by_names_of_other_records_follow_a_change_of_those_names() -> None:
    names = {1: "Zoe", 2: "Adam", 3: "Mia"}
    field = Field(
        "person_id",
        "Person",
        FieldKind.CHOICE,
        choices=lambda: list(names.items()),
        label_of=names.get,
    )
    model = RecordTableModel((field,), lambda: [{"id": n, "person_id": n} for n in (1, 2, 3)])
    model.sort(0)
    model.reload()
    assert _shown(model) == ["Adam", "Mia", "Zoe"]
    names.update({1: "Ada", 2: "Yves"})  # renamed elsewhere: the names are redrawn
    model.refresh_decorations()
    assert _shown(model) == ["Ada", "Mia", "Yves"]
    model.sort(0, Qt.SortOrder.DescendingOrder)
    names[3] = "Zack"
    model.refresh_decorations()
    assert _shown(model) == ["Zack", "Yves", "Ada"]


def _people_named_against_their_ids(db: Database) -> None:
    """Twelve people whose names run the other way from their ids read as text, an exam each."""
    for number in range(1, 13):
        person = records.add_record(
            db, RecordKind.PERSON, {"name": f"Person {99 - number:02d}", "mcp_id": f"{number}000"}
        ).value.id
        records.add_record(
            db,
            RecordKind.EXAM,
            {"person_id": person, "exam_code": "AZ-104", "passed_on": date(2025, 3, 1)},
        )


def test_the_exams_are_in_the_order_of_their_peoples_names_when_the_tab_is_read(
    qtbot: QtBot, db: Database, catalog: Catalog, monkeypatch: Any
) -> None:
    _people_named_against_their_ids(db)
    unnamed: list[object] = []
    person_label = ExamsTab._person_label

    def naming(tab: ExamsTab, person_id: object) -> str | None:
        found = person_label(tab, person_id)
        if found is None:
            unnamed.append(person_id)
        return found

    monkeypatch.setattr(exams_tab.ExamsTab, "_person_label", naming)
    tab = ExamsTab(AppContext(db, catalog, date(2025, 6, 1)))
    qtbot.addWidget(tab)
    shown = [tab.exams.proxy.index(row, 0).data() for row in range(tab.exams.proxy.rowCount())]
    assert len(shown) == 12
    assert shown == sorted(shown)
    # Ordered once, by names known then: not by ids first, then again by names.
    assert unnamed == []
