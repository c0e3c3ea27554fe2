"""Add exam fills the title of today's exam codes (AZ-104, MS-700, SC-200 ...) from the shipped
Solutions Partner catalogues, as it does for 2017-2018 codes; none where they give none."""

from __future__ import annotations

from datetime import date
from typing import Any

from helpers.step_tabs import in_next_form, shown_tab
from pytestqt.qtbot import QtBot

from mpn_desktop.domain.catalog import Catalog
from mpn_desktop.programs import shipped_scored_catalogs
from mpn_desktop.store import records
from mpn_desktop.store.changes import RecordKind
from mpn_desktop.store.database import Database
from mpn_desktop.ui.context import AppContext
from mpn_desktop.ui.editors.field_editors import ValidatingLineEdit
from mpn_desktop.ui.editors.record_form import RecordForm
from mpn_desktop.ui.tabs.exams_tab import ExamsTab

DAY = date(2026, 10, 15)


def _tab(db: Database, catalog: Catalog, qtbot: QtBot) -> ExamsTab:
    context = AppContext(db, catalog, as_of=DAY, scored_catalogs=shipped_scored_catalogs())
    tab: ExamsTab = shown_tab(ExamsTab, context, qtbot)
    return tab


def test_typing_today_s_codes_fills_and_follows_the_title(
    demo_db: Database, catalog: Catalog, qtbot: QtBot
) -> None:
    tab = _tab(demo_db, catalog, qtbot)
    ana = next(
        p for p in records.list_records(demo_db, RecordKind.PERSON) if p["name"] == "Ana Ruiz"
    )
    tab.people.select_id(ana["id"])
    seen: dict[str, str] = {}

    def type_codes(form: RecordForm) -> None:
        code, title = form.editor("exam_code"), form.editor("exam_title")
        assert isinstance(code, ValidatingLineEdit) and isinstance(title, ValidatingLineEdit)
        for typed in ("SC-200", "AZ-305", "az-104"):
            code.clear()
            qtbot.keyClicks(code, typed)
            seen[typed] = title.text()
        form.editor("passed_on").setText("2026-09-01")  # type: ignore[union-attr]
        form.accept()

    in_next_form(type_codes)
    with qtbot.waitSignal(tab.context.changeApplied):
        tab.exams.add_record()
    # AZ-305 earns a certification only with AZ-104: no title is made up for it, and the
    # title that followed SC-200 does not stay.
    assert seen == {
        "SC-200": "Security Operations Analyst Associate",
        "AZ-305": "",
        "az-104": "Azure Administrator Associate",
    }
    added = [
        e
        for e in records.list_records(demo_db, RecordKind.EXAM)
        if e["person_id"] == ana["id"] and e["passed_on"] == date(2026, 9, 1)
    ]
    assert [(e["exam_code"], e["exam_title"]) for e in added] == [
        ("AZ-104", "Azure Administrator Associate")
    ]


def test_a_title_the_user_wrote_is_kept(demo_db: Database, catalog: Catalog, qtbot: QtBot) -> None:
    tab = _tab(demo_db, catalog, qtbot)
    seen: dict[str, Any] = {}

    def type_code(form: RecordForm) -> None:
        code, title = form.editor("exam_code"), form.editor("exam_title")
        assert isinstance(code, ValidatingLineEdit) and isinstance(title, ValidatingLineEdit)
        qtbot.keyClicks(title, "Teams admin exam")
        qtbot.keyClicks(code, "MS-700")
        seen["title"] = title.text()
        form.reject()

    in_next_form(type_code)
    tab.exams.add_record()
    assert seen["title"] == "Teams admin exam"


def test_changing_a_code_in_the_table_takes_its_title_along(
    demo_db: Database, catalog: Catalog, qtbot: QtBot
) -> None:
    tab = _tab(demo_db, catalog, qtbot)
    record = {"exam_code": "AZ-104", "exam_title": "Azure Administrator Associate"}
    field = next(f for f in tab.exams.model.fields if f.key == "exam_code")
    assert tab._expand_exam_edit(record, field, "MS-700") == {
        "exam_code": "MS-700",
        "exam_title": "Teams Administrator Associate",
        "kind": tab._known_exam("MS-700").kind,  # type: ignore[union-attr]
    }
    # To a code the catalogues title with nothing: the title that followed goes too.
    assert tab._expand_exam_edit(record, field, "AZ-305")["exam_title"] == ""
    mine = {"exam_code": "AZ-104", "exam_title": "My own words"}
    assert "exam_title" not in tab._expand_exam_edit(mine, field, "MS-700")
