"""Start-up's worker orders the exams by their people's names, as the Exams tab writes them."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from mpn_desktop.store.changes import RecordKind
from mpn_desktop.ui.context import AppContext
from mpn_desktop.ui.main_window import MainWindow
from mpn_desktop.ui.models import record_table
from mpn_desktop.ui.models.fields import Field, FieldKind
from mpn_desktop.ui.models.record_sorting import NamesFrom, sorted_by_names, sorted_rows
from mpn_desktop.ui.settings import WindowSettings
from mpn_desktop.ui.tabs.exams_tab import _person_label

PEOPLE = [
    {"id": 1, "name": "zoë Adams", "mcp_id": "9"},
    {"id": 2, "name": "", "mcp_id": "1001"},
    {"id": 3, "name": "Ann Berg", "mcp_id": "7"},
    {"id": 4, "name": "ann berg", "mcp_id": "5"},
]
EXAMS = [
    {"id": 10, "person_id": 3},
    {"id": 11, "person_id": 1},
    {"id": 12, "person_id": None},
    {"id": 13, "person_id": 99},  # nobody's: written as its id
    {"id": 14, "person_id": 2},
    {"id": 15, "person_id": 4},
    {"id": 16, "person_id": 3},
]


@pytest.mark.parametrize("descending", [False, True])
def test_the_worker_s_order_is_the_table_s_own(descending: bool) -> None:
    # The table's Person column (a record's, so a choice: store_fields): its names from the
    # people read, its choices the same names.
    names = {record["id"]: _person_label(record) for record in PEOPLE}
    shown = Field(
        "person_id",
        "Person",
        FieldKind.CHOICE,
        choices=lambda: sorted(names.items(), key=lambda item: item[1].casefold()),
        label_of=lambda value: names.get(value) if isinstance(value, int) else None,
    )
    worker = sorted_by_names(
        EXAMS, shown, descending, PEOPLE, NamesFrom(RecordKind.PERSON, _person_label)
    )
    table = sorted_rows(EXAMS, shown, descending)
    assert [row["id"] for row in worker] == [row["id"] for row in table]
    assert [row["id"] for row in worker] != [row["id"] for row in EXAMS]


def test_a_filled_exams_tab_is_ordered_by_person_without_sorting_on_the_gui_thread(
    qtbot: QtBot,
    sample_context: AppContext,
    settings: WindowSettings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sorted_on: list[tuple[threading.Thread, int]] = []
    table_sorts = record_table.sorted_rows

    def watched(rows: Any, *args: Any) -> Any:
        sorted_on.append((threading.current_thread(), len(rows)))
        return table_sorts(rows, *args)

    monkeypatch.setattr(record_table, "sorted_rows", watched)
    main = MainWindow(sample_context, settings, evaluate_now=False)
    qtbot.addWidget(main)
    main.show()
    exams = main.tab("examsTab").sections[1]  # type: ignore[attr-defined]
    asked = {read.kind: read for read in main.tab("examsTab").first_reads()}  # type: ignore[attr-defined]
    assert asked[RecordKind.EXAM].names is not None
    with qtbot.waitSignal(main.filled, timeout=30_000):
        main.fill()
    count = exams.model.rowCount()
    assert count > 1
    assert (threading.main_thread(), count) not in sorted_on
    shown = [exams.proxy.index(row, 0).data() for row in range(exams.proxy.rowCount())]
    assert shown == sorted(shown, key=str.casefold)
