"""The Exams tab says whose exams it shows, with a way to see everyone's; an import shows what
came in, keeps the people in order and names a possible duplicate person."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from helpers.step_tabs import shown_tab
from PySide6.QtCore import Qt

from mpn_desktop.importers.catalog_lookup import CatalogLookup
from mpn_desktop.importers.importing import ImportResult, run_import
from mpn_desktop.importers.kinds import ExamImport
from mpn_desktop.importers.planning import plan_import
from mpn_desktop.ui.import_run_pages import push_import
from mpn_desktop.ui.tabs.exams_tab import ExamsTab

CSV = (
    "MCP ID,Full Name,Exam,Date Passed\n"
    "9000001,Aaron Aalto,70-533,2017-11-02\n"
    "9000002,Zed Zulu,70-535,2017-11-03\n"
    "9000003,ana  ruiz,70-533,2017-11-04\n"
)


def _tab(context: Any, qtbot: Any) -> ExamsTab:
    tab: ExamsTab = shown_tab(ExamsTab, context, qtbot, active=False)
    return tab


def _import(context: Any, tmp_path: Path) -> ImportResult:
    path = tmp_path / "exams.csv"
    path.write_text(CSV, encoding="utf-8")
    plan = plan_import(path)
    kind = ExamImport(CatalogLookup(context.catalog))
    return run_import(context.db, kind, path, plan.settings)


def _names(tab: ExamsTab) -> list[str]:
    proxy = tab.people.proxy
    return [str(proxy.index(row, 0).data()) for row in range(proxy.rowCount())]


def test_the_exams_heading_says_whose_exams_are_shown(context: Any, qtbot: Any) -> None:
    tab = _tab(context, qtbot)
    everyone = tab.exams.model.rowCount()
    assert tab.exams.heading.text() == (
        f"<b>Exams, assessments and certifications of everyone ({everyone})</b>"
    )
    tab.people.view.selectRow(0)
    chosen = tab.people.selected_record()
    assert chosen is not None
    shown = tab.exams.proxy.rowCount()
    assert shown < everyone
    heading = tab.exams.heading.text()
    assert f"of {chosen['name']} ({chosen['mcp_id']}) ({shown} of {everyone})" in heading
    assert "Show everyone's</a>" in heading
    tab.exams.heading.linkActivated.emit("#")
    assert tab.exams.proxy.rowCount() == everyone
    assert tab.people.selected_record() is None
    assert "everyone" in tab.exams.heading.text()


def test_after_an_import_every_exam_shows_and_the_people_stay_sorted(
    context: Any, qtbot: Any, tmp_path: Path
) -> None:
    tab = _tab(context, qtbot)
    tab.people.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    tab.people.view.selectRow(0)  # one person's exams shown
    before = tab.exams.model.rowCount()
    result = _import(context, tmp_path)
    assert result.new_records == 3
    push_import(context, result)
    assert tab.exams.proxy.rowCount() == before + 3  # what came in is in sight
    names = _names(tab)
    assert "Aaron Aalto" in names and "Zed Zulu" in names
    assert names == sorted(names, key=str.casefold)


def test_an_import_names_a_possible_duplicate_person(context: Any, tmp_path: Path) -> None:
    result = _import(context, tmp_path)
    assert result.people_added == 3  # kept: two people may share a name
    duplicates = [note for note in result.warnings if "possible duplicate person" in note]
    assert duplicates == [
        "line 4: possible duplicate person: 'ana  ruiz' with MCP ID 9000003 was added, and "
        "'Ana Ruiz' has MCP ID 1234567; if they are one person, keep the MCP ID that is "
        "associated and delete the other"
    ]


def test_an_expired_reference_says_when_it_expired(context: Any, qtbot: Any) -> None:
    from datetime import timedelta

    from mpn_desktop.store import records
    from mpn_desktop.store.changes import RecordKind
    from mpn_desktop.ui.tabs.references_tab import ReferencesTab

    # Fabrikam's reference, approved 2016-05-20, counts until 2018-05-19: a day later it
    # showed an empty "Counts until".
    context.set_as_of(context.as_of.replace(year=2018, month=6, day=1))
    tab = ReferencesTab(context)
    qtbot.addWidget(tab)
    from mpn_desktop.domain.evaluate import evaluate
    from mpn_desktop.store.facts_loader import load_facts

    tab.set_progress(evaluate(context.catalog, load_facts(context.db), context.as_of))
    section = tab.references
    fabrikam = next(
        row["id"]
        for row in records.list_records(context.db, RecordKind.CUSTOMER)
        if row["name"] == "Fabrikam"
    )
    column = section.model.column_of("valid_until")
    texts = {
        str(section.model.index(row, column).data())
        for row in range(section.model.rowCount())
        if section.model.records()[row]["customer_id"] == fabrikam
    }
    approved = next(
        row["approved_on"]
        for row in records.list_records(context.db, RecordKind.REFERENCE)
        if row["customer_id"] == fabrikam
    )
    last_day = approved.replace(year=approved.year + 2) - timedelta(days=1)
    assert texts == {f"expired on {last_day.isoformat()}"}


def test_the_name_column_grows_for_a_longer_name_that_came_in(context: Any, qtbot: Any) -> None:
    from mpn_desktop.store.changes import RecordKind
    from mpn_desktop.ui.undo_commands import AddRecordCommand

    tab = _tab(context, qtbot)
    view = tab.people.view
    before = view.columnWidth(0)
    long_name = "Maximiliana Wolfeschlegelsteinhausen-Bergerdorff"
    command = AddRecordCommand(
        context, RecordKind.PERSON, {"name": long_name, "mcp_id": "9999999"}, "person"
    )
    context.undo_stack.push(command)
    assert view.columnWidth(0) > before
    assert view.columnWidth(0) >= view.fontMetrics().horizontalAdvance(long_name)


def test_after_a_usage_import_the_sales_tab_shows_what_came_in(
    context: Any, qtbot: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    from mpn_desktop.importers.usage_import import UsageImport, plan_usage_import
    from mpn_desktop.store import records
    from mpn_desktop.store.changes import RecordKind
    from mpn_desktop.ui.tabs.sales_tab import SalesTab

    tab = SalesTab(context)
    qtbot.addWidget(tab)
    context.changeApplied.connect(tab.apply_change)
    tab.resize(1000, 650)
    tab.show()
    assert tab.usage.proxy.rowCount() == 0  # no subscription chosen: no usage shown
    path = Path(__file__).parents[2] / "importers" / "fixtures" / "usage"
    path = path / "csp-usage-based-recon.2019-01.csv"
    plan = plan_usage_import(path)
    kind = UsageImport(plan.settings.mapping.fields)
    result = run_import(context.db, kind, path, plan.settings, allow_other_mpn_id=True)
    assert result.new_records > 0

    def read_on_the_gui_thread(_db: object) -> list[dict[str, object]]:
        raise AssertionError("the change names the file: no batch is read to name it")

    # The file is named from the change, not by reading every import batch back.
    monkeypatch.setattr("mpn_desktop.store.records.import_batches", read_on_the_gui_thread)
    push_import(context, result)
    # Only what came in is in sight, under every subscription, and the heading says so.
    every_month = records.list_records(context.db, RecordKind.USAGE)
    imported = [record for record in every_month if record["import_batch_id"] == result.batch_id]
    assert 0 < tab.usage.proxy.rowCount() == len(imported) < len(every_month)
    # The table holds what it shows: the import's rows were read, not every month of usage.
    assert tab.usage.model.records() == imported
    assert tab.subscriptions.proxy.rowCount() == tab.subscriptions.model.rowCount()
    assert tab.customers.selected_record() is None
    heading = tab.usage.heading.text()
    assert "Imported usage" in heading and "Show all usage" in heading
    file_name = "csp-usage-based-recon.2019-01.csv"
    assert tab.usage.heading.toolTip() == f"Usage imported from {file_name}"
    tab.grab().save(str(tmp_path / "after-import.png"))
    # The link shows everyone's usage again.
    tab.usage.heading.linkActivated.emit("#")
    qtbot.waitUntil(lambda: not tab.usage.model.reading)  # every month: read on a worker
    assert tab.usage.proxy.rowCount() == tab.usage.model.rowCount() == len(every_month)
    assert "every subscription" in tab.usage.heading.text()
    assert tab.usage.heading.toolTip() == ""
    # Undone, the import's rows are gone and all usage is shown; redone, its rows again.
    context.undo_stack.undo()
    qtbot.waitUntil(lambda: not tab.usage.model.reading)
    assert tab.usage.proxy.rowCount() == tab.usage.model.rowCount() > 0
    assert "every subscription" in tab.usage.heading.text()
    context.undo_stack.redo()
    assert tab.usage.proxy.rowCount() == len(imported)
    assert "Imported usage" in tab.usage.heading.text()
    assert tab.usage.heading.toolTip() == f"Usage imported from {file_name}"


def test_a_table_filled_while_hidden_fits_its_columns_when_shown(context: Any, qtbot: Any) -> None:
    from mpn_desktop.store.changes import RecordKind
    from mpn_desktop.store.records import add_record

    long_name = "Maximiliana Wolfeschlegelsteinhausen-Bergerdorff"
    add_record(context.db, RecordKind.PERSON, {"name": long_name, "mcp_id": "9999998"})
    context.first_read_deferred = True  # as at start-up: the tab is built empty, then filled
    tab = ExamsTab(context)
    qtbot.addWidget(tab)
    view = tab.people.view
    before = view.columnWidth(0)
    tab.finish_loading()  # filled while hidden: nothing is measured yet (0.35 s at start-up)
    assert view.columnWidth(0) == before
    tab.show()
    qtbot.waitExposed(tab)
    assert view.columnWidth(0) >= view.fontMetrics().horizontalAdvance(long_name)
