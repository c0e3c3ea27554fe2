"""The main window: tabs and panel in place, edits and undo reach the database and the panel."""

from __future__ import annotations

import html
import json
import sys
import threading
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QAction, QColor, QKeySequence, QPalette
from PySide6.QtWidgets import QDockWidget, QTabWidget
from pytestqt.qtbot import QtBot

from mpn_desktop import __version__
from mpn_desktop.domain.enums import Level, ReferenceStatus, StepKind
from mpn_desktop.domain.progress import Progress
from mpn_desktop.errors import ValidationError
from mpn_desktop.logging_setup import log_file_path
from mpn_desktop.store import records
from mpn_desktop.store.changes import RecordKind
from mpn_desktop.store.database import Database
from mpn_desktop.ui import first_reads
from mpn_desktop.ui import main_window as main_window_module
from mpn_desktop.ui.context import AppContext
from mpn_desktop.ui.editors.record_form import problem_text_color
from mpn_desktop.ui.first_reads import FirstReads
from mpn_desktop.ui.help_dialogs import about_text
from mpn_desktop.ui.main_window import MainWindow
from mpn_desktop.ui.requirements_dialog import RequirementsDialog
from mpn_desktop.ui.settings import WindowSettings
from mpn_desktop.ui.status_text import semantic_colors
from mpn_desktop.ui.undo_commands import AddRecordCommand, EditRecordCommand

TAB_NAMES = ["salesTab", "examsTab", "referencesTab", "feeTab"]


@pytest.fixture
def window(qtbot: QtBot, sample_context: AppContext, settings: WindowSettings) -> MainWindow:
    main = MainWindow(sample_context, settings)
    qtbot.addWidget(main)
    main.resize(1280, 800)
    main.show()
    return main


def _gold_references(progress: Progress) -> tuple[Decimal, bool]:
    step = progress.competency("cloud-platform").level(Level.GOLD).option.step(StepKind.REFERENCES)
    return step.have, step.met


def _reference_id(context: AppContext, customer_name: str) -> int:
    customers = {
        row["name"]: row["id"] for row in records.list_records(context.db, RecordKind.CUSTOMER)
    }
    return next(
        row["id"]
        for row in records.list_records(context.db, RecordKind.REFERENCE)
        if row["customer_id"] == customers[customer_name]
    )


def test_four_tabs_in_order_and_the_panel_beside_them(window: MainWindow) -> None:
    tabs = window.findChild(QTabWidget, "stepTabs")
    assert [tabs.widget(i).objectName() for i in range(tabs.count())] == TAB_NAMES
    assert [tabs.tabText(i) for i in range(tabs.count())] == [
        "Sales performance",
        "Exams and people",
        "Customer references",
        "Fee",
    ]
    dock = window.findChild(QDockWidget, "statusDock")
    assert dock.widget().objectName() == "statusPanel"
    assert dock.isVisible()
    assert not dock.features() & QDockWidget.DockWidgetFeature.DockWidgetClosable
    assert window.panel.progress is not None
    assert window.panel.card("cloud-platform").isVisible()


def test_menus_use_the_standard_keys(window: MainWindow) -> None:
    def keys(name: str) -> list[QKeySequence]:
        return window.findChild(QAction, name).shortcuts()

    standard = QKeySequence.keyBindings
    assert keys("undoAction") == standard(QKeySequence.StandardKey.Undo)
    assert keys("redoAction") == standard(QKeySequence.StandardKey.Redo)
    # Ctrl+Q where the desktop names no Quit key (the offscreen platform names none).
    assert keys("quitAction") == (
        standard(QKeySequence.StandardKey.Quit)
        or ([] if sys.platform == "win32" else [QKeySequence("Ctrl+Q")])
    )
    assert keys("findAction") == standard(QKeySequence.StandardKey.Find)
    assert keys("openDatabaseAction") == standard(QKeySequence.StandardKey.Open)
    assert keys("addRecordAction") == standard(QKeySequence.StandardKey.New)
    assert keys("newDatabaseAction") == [QKeySequence("Ctrl+Shift+N")]
    assert keys("deleteRecordAction") == standard(QKeySequence.StandardKey.Delete)
    assert keys("refreshAction") == standard(QKeySequence.StandardKey.Refresh)
    assert keys("goToExamsTabAction") == [QKeySequence("Ctrl+2")]


def test_ctrl_number_goes_to_that_tab(window: MainWindow) -> None:
    window.findChild(QAction, "goToFeeTabAction").trigger()
    assert window.tabs.currentWidget().objectName() == "feeTab"
    window.findChild(QAction, "goToSalesTabAction").trigger()
    assert window.tabs.currentWidget().objectName() == "salesTab"


def test_an_edit_reaches_the_database_and_the_panel_and_undo_restores_both(
    qtbot: QtBot, window: MainWindow
) -> None:
    context = window.context
    before_have, before_met = _gold_references(window.panel.progress)
    assert not before_met
    reference_id = _reference_id(context, "Alpine Ski House")
    approved_on = context.as_of - timedelta(days=3)
    command = EditRecordCommand(
        context,
        RecordKind.REFERENCE,
        reference_id,
        {"status": ReferenceStatus.APPROVED, "approved_on": approved_on},
        "reference Alpine Ski House",
    )
    with qtbot.waitSignal(window.progress_source.progressChanged):
        context.undo_stack.push(command)
    stored = records.get_record(context.db, RecordKind.REFERENCE, reference_id)
    assert stored is not None
    assert stored["status"] is ReferenceStatus.APPROVED
    assert stored["approved_on"] == approved_on
    assert _gold_references(window.panel.progress)[0] == before_have + 1
    assert window.undo_action.text() == "&Undo: edit reference Alpine Ski House"

    with qtbot.waitSignal(window.progress_source.progressChanged):
        window.undo_action.trigger()
    stored = records.get_record(context.db, RecordKind.REFERENCE, reference_id)
    assert stored is not None
    assert stored["status"] is ReferenceStatus.SUBMITTED
    assert stored["approved_on"] is None
    assert _gold_references(window.panel.progress) == (before_have, before_met)
    assert window.redo_action.text() == "&Redo: edit reference Alpine Ski House"


def test_add_then_undo_then_redo_keeps_the_same_record(qtbot: QtBot, window: MainWindow) -> None:
    context = window.context
    customers = records.list_records(context.db, RecordKind.CUSTOMER)
    before = _gold_references(window.panel.progress)[0]
    command = AddRecordCommand(
        context,
        RecordKind.REFERENCE,
        {
            "customer_id": customers[0]["id"],
            "competency": "cloud-platform",
            "status": ReferenceStatus.AUTO_APPROVED,
            "submitted_on": context.as_of - timedelta(days=20),
            "approved_on": context.as_of - timedelta(days=10),
        },
        "reference " + customers[0]["name"],
    )
    with qtbot.waitSignal(window.progress_source.progressChanged):
        context.undo_stack.push(command)
    added_id = command.record_id
    assert added_id is not None
    assert _gold_references(window.panel.progress)[0] == before + 1
    with qtbot.waitSignal(window.progress_source.progressChanged):
        context.undo_stack.undo()
    assert records.get_record(context.db, RecordKind.REFERENCE, added_id) is None
    assert _gold_references(window.panel.progress)[0] == before
    with qtbot.waitSignal(window.progress_source.progressChanged):
        context.undo_stack.redo()
    assert records.get_record(context.db, RecordKind.REFERENCE, added_id) is not None
    assert _gold_references(window.panel.progress)[0] == before + 1


def test_a_refused_edit_shows_why_and_is_not_on_the_undo_stack(
    qtbot: QtBot, window: MainWindow
) -> None:
    context = window.context
    command = AddRecordCommand(
        context, RecordKind.REFERENCE, {"competency": "cloud-platform"}, "reference nobody"
    )
    with qtbot.waitSignal(context.errorShown) as shown:
        context.undo_stack.push(command)
    assert "Customer: a reference needs a value here" in shown.args[0]
    assert context.undo_stack.count() == 0
    assert not command.done


def test_run_turns_our_errors_into_a_message_and_none(qtbot: QtBot, window: MainWindow) -> None:
    def refuse() -> None:
        raise ValidationError("exams[3].passed_on: 2017-13-45 is not a date")

    with qtbot.waitSignal(window.context.errorShown) as shown:
        assert window.context.run(refuse) is None
    assert shown.args == ["exams[3].passed_on: 2017-13-45 is not a date"]


def test_the_as_of_control_moves_the_panel(qtbot: QtBot, window: MainWindow) -> None:
    later = window.context.as_of + timedelta(days=400)
    with qtbot.waitSignal(window.progress_source.progressChanged):
        window.as_of_edit.setDate(QDate(later))
    assert window.context.as_of == later
    assert window.panel.progress is not None
    assert window.panel.progress.as_of == later
    assert later.isoformat() in window.panel.summary.text()


def test_today_brings_the_as_of_day_back(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.progress_source.progressChanged):
        window.today_action.trigger()
    assert window.context.as_of == date.today()
    assert window.as_of_edit.date() == QDate(date.today())


def test_last_tab_and_window_state_are_remembered(
    qtbot: QtBot, window: MainWindow, settings: WindowSettings
) -> None:
    window.tabs.setCurrentIndex(2)
    window.close()
    again = MainWindow(window.context, settings)
    qtbot.addWidget(again)
    assert again.tabs.currentWidget().objectName() == "referencesTab"
    assert settings.geometry() is not None


def test_help_requirements_lists_the_catalogue_with_its_sources(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.findChild(QAction, "requirementsAction").trigger()
    dialog = window.findChild(RequirementsDialog, "requirementsDialog")
    assert dialog is not None
    qtbot.addWidget(dialog)
    text = dialog.browser.toPlainText()
    assert "Cloud Platform" in text
    assert "Cloud CRM" in text


def test_about_names_the_version_the_database_and_the_log(window: MainWindow) -> None:
    text = about_text(window.context)
    assert __version__ in text
    assert str(window.context.db.path) in text
    # The log is opened at its first record: before, About named a file that did not exist.
    path = log_file_path()
    assert not path.exists()
    assert html.escape(f"Log: none yet (written to {path} when there is something") in text
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("a record\n", encoding="utf-8")
    assert about_text(window.context).endswith(html.escape(f"Log: {path}"))


def test_export_then_load_json_round_trips_and_a_wrong_document_changes_nothing(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    context = window.context
    exported = tmp_path / "contoso.json"
    assert window.files.export_json_to(exported)
    document = json.loads(exported.read_text(encoding="utf-8"))
    assert document["organization"]["name"] == "Contoso Cloud Ltd"
    # A target naming a competency the catalogue does not know is refused whole.
    wrong = dict(document, targets=[{"competency": "cloud-nonsense", "level": "gold"}])
    broken = tmp_path / "wrong.json"
    broken.write_text(json.dumps(wrong), encoding="utf-8")
    before = records.list_records(context.db, RecordKind.PERSON)
    with qtbot.waitSignal(context.errorShown) as shown:
        assert not window.files.load_json_from(broken, replace=True)
    assert "cloud-nonsense" in shown.args[0] and "wrong.json" in shown.args[0]
    assert records.list_records(context.db, RecordKind.PERSON) == before
    # The exported document loads back over the same data.
    assert window.files.load_json_from(exported, replace=True)
    # The same people; loaded anew, each row has a new version.
    reloaded = records.list_records(context.db, RecordKind.PERSON)
    assert [{**row, "version": 0} for row in reloaded] == [{**row, "version": 0} for row in before]
    assert all(row["version"] != old["version"] for row, old in zip(reloaded, before, strict=True))


def test_the_as_of_date_stays_within_the_days_the_rules_can_look_around(
    qtbot: QtBot, window: MainWindow
) -> None:
    edit = window.as_of_edit
    for asked, kept in ((QDate(9999, 12, 31), date(9000, 12, 31)), (QDate(1800, 1, 1), None)):
        with qtbot.waitSignal(window.progress_source.progressChanged) as shown:
            edit.setDate(asked)
        first = date(1900, 1, 1)
        assert window.context.as_of == (kept or first)
        assert shown.args[0].as_of == (kept or first)


def test_open_recent_lists_the_databases_opened_and_forgets_one_that_is_gone(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = window.context.db.path
    assert first is not None
    other = tmp_path / "other.sqlite3"
    monkeypatch.setattr(window, "welcome_if_empty", lambda: False)
    assert window.files.open_database_file(other)
    assert window.settings.recent_databases()[:2] == [other.absolute(), first.absolute()]
    window.recent_menu.aboutToShow.emit()
    texts = [action.text() for action in window.recent_menu.actions()]
    assert texts[:2] == [f"&1 {other.absolute()}", f"&2 {first.absolute()}"]
    assert not window.recent_menu.actions()[0].isEnabled()  # the one open now
    window.recent_menu.actions()[1].trigger()
    assert window.context.db.path == first
    other.unlink()
    monkeypatch.setattr("mpn_desktop.ui.file_actions.QMessageBox.warning", lambda *args: None)
    assert not window.files.open_recent(other.absolute())
    assert window.settings.recent_databases() == [first.absolute()]


def test_undo_and_redo_name_what_they_take_back(qtbot: QtBot, window: MainWindow) -> None:
    context = window.context
    assert window.undo_action.text() == "&Undo" and not window.undo_action.isEnabled()
    references = window.step_tabs[TAB_NAMES.index("referencesTab")]
    section = references.sections[0]  # type: ignore[attr-defined]
    assert section.select_id(_reference_id(context, "Fabrikam"))
    with qtbot.waitSignal(window.progress_source.progressChanged):
        section.delete_selected()
    assert window.undo_action.text() == "&Undo: delete reference Fabrikam"
    assert window.undo_action.toolTip() == "Undo: delete reference Fabrikam"
    assert window.undo_action.isEnabled() and not window.redo_action.isEnabled()
    with qtbot.waitSignal(window.progress_source.progressChanged):
        window.undo_action.trigger()
    assert window.undo_action.text() == "&Undo"
    assert window.redo_action.text() == "&Redo: delete reference Fabrikam"
    with qtbot.waitSignal(window.progress_source.progressChanged):
        window.redo_action.trigger()
    assert window.undo_action.text() == "&Undo: delete reference Fabrikam"


def _dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, "#2b2b2b"),
        (QPalette.ColorRole.WindowText, "#e8e8e8"),
        (QPalette.ColorRole.Base, "#1e1e1e"),
        (QPalette.ColorRole.Text, "#e8e8e8"),
        (QPalette.ColorRole.Button, "#353535"),
        (QPalette.ColorRole.ButtonText, "#e8e8e8"),
    ):
        palette.setColor(role, QColor(colour))
    return palette


def test_switching_to_a_dark_scheme_recolours_the_marks_and_problem_lines(
    qtbot: QtBot, window: MainWindow
) -> None:
    light, dark = semantic_colors(window.palette()), semantic_colors(_dark_palette())
    heading = window.panel.card("cloud-platform").sections[Level.SILVER].heading
    sales = window.step_tabs[0]
    section = sales.sections[0]  # type: ignore[attr-defined]
    section.show_problem("Fabrikam — Tenant ID: not a tenant")
    assert light.ok.name() in heading.text()
    assert light.ok.name() in sales.summary.text()  # type: ignore[attr-defined]
    red_on_light = section.problem_label.styleSheet()
    # The system's scheme switched while the program runs: the window gets a dark palette.
    window.setPalette(_dark_palette())
    qtbot.waitUntil(lambda: dark.ok.name() in heading.text())
    assert light.ok.name() not in heading.text()
    assert dark.ok.name() in sales.summary.text()  # type: ignore[attr-defined]
    assert section.problem_label.styleSheet() != red_on_light
    assert problem_text_color(_dark_palette()).name() in section.problem_label.styleSheet()


def test_a_window_painted_first_says_loading_then_fills_the_tabs_and_the_panel(
    qtbot: QtBot, sample_context: AppContext, settings: WindowSettings
) -> None:
    # What start-up does: the window is painted first, the records read after (fill).
    main = MainWindow(sample_context, settings, evaluate_now=False)
    qtbot.addWidget(main)
    main.show()
    customers = main.tab("salesTab").sections[0]  # type: ignore[attr-defined]
    assert main.panel.progress is None
    assert main.panel.summary.text() == "Loading…"  # not "No organisation yet"
    assert customers.model.rowCount() == 0
    assert customers.view.empty_text() == "Loading…"
    with qtbot.waitSignal(main.filled, timeout=30_000):
        main.fill()
    assert main.panel.progress is not None
    assert main.panel.card("cloud-platform").isVisible()
    assert main.progress_source.progress is main.panel.progress
    assert customers.view.empty_text() != "Loading…"
    names = {record["name"] for record in customers.model.records()}
    stored = records.list_records(sample_context.db, RecordKind.CUSTOMER)
    assert names == {record["name"] for record in stored}


def test_an_edit_made_while_the_window_loads_is_shown_once_it_has_loaded(
    qtbot: QtBot, sample_context: AppContext, settings: WindowSettings
) -> None:
    main = MainWindow(sample_context, settings, evaluate_now=False)
    qtbot.addWidget(main)
    main.show()
    # Added before the tabs read anything (the window still says "Loading…").
    command = AddRecordCommand(
        sample_context, RecordKind.CUSTOMER, {"name": "Added While Loading"}, "Add customer"
    )
    sample_context.undo_stack.push(command)
    assert command.done
    with qtbot.waitSignal(main.filled, timeout=30_000):
        main.fill()
    customers = main.tab("salesTab").sections[0]  # type: ignore[attr-defined]
    assert "Added While Loading" in {record["name"] for record in customers.model.records()}
    assert main.panel.progress is not None
    assert "Added While Loading" in {c.name for c in main.progress_source.facts.customers}


def _window_whose_worker_has_read(
    qtbot: QtBot,
    context: AppContext,
    settings: WindowSettings,
    monkeypatch: pytest.MonkeyPatch,
) -> tuple[MainWindow, threading.Event]:
    """A window filling on start-up's worker, which has read the records and waits for ``go``."""
    read, go = threading.Event(), threading.Event()

    def held(db: Any, kinds: Any) -> FirstReads:
        reads = first_reads.read_first(db, kinds)
        read.set()
        go.wait(30)
        return reads

    monkeypatch.setattr(main_window_module, "read_first", held)
    main = MainWindow(context, settings, evaluate_now=False)
    qtbot.addWidget(main)
    main.show()
    main.fill()
    qtbot.waitUntil(read.is_set, timeout=30_000)
    return main, go


def test_an_edit_made_while_the_worker_reads_is_shown_once_the_window_has_filled(
    qtbot: QtBot,
    sample_context: AppContext,
    settings: WindowSettings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The worker's rows are older than the edit: the tabs read again on the GUI thread.
    main, go = _window_whose_worker_has_read(qtbot, sample_context, settings, monkeypatch)
    command = AddRecordCommand(
        sample_context, RecordKind.CUSTOMER, {"name": "Added Meanwhile"}, "Add customer"
    )
    sample_context.undo_stack.push(command)
    assert command.done
    with qtbot.waitSignal(main.filled, timeout=30_000):
        go.set()
    customers = main.tab("salesTab").sections[0]  # type: ignore[attr-defined]
    assert "Added Meanwhile" in {record["name"] for record in customers.model.records()}


def test_a_commit_elsewhere_after_the_workers_reads_is_announced_once_filled(
    qtbot: QtBot,
    sample_context: AppContext,
    settings: WindowSettings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The watch was made before the worker read: another program's commit after the
    # reads is seen by it, and the table shows the new row.
    main, go = _window_whose_worker_has_read(qtbot, sample_context, settings, monkeypatch)
    assert sample_context.db.path is not None
    with Database.open(f"sqlite:///{sample_context.db.path}") as other:
        records.add_record(other, RecordKind.CUSTOMER, {"name": "Added Elsewhere"})
    with qtbot.waitSignal(main.filled, timeout=30_000):
        go.set()
    customers = main.tab("salesTab").sections[0]  # type: ignore[attr-defined]
    qtbot.waitUntil(
        lambda: "Added Elsewhere" in {record["name"] for record in customers.model.records()},
        timeout=10_000,
    )


def test_rows_sorted_by_start_ups_worker_are_in_the_tables_order(
    qtbot: QtBot, sample_context: AppContext, settings: WindowSettings
) -> None:
    # The customers ordered by name, Z to A, before the records come: the worker sorts them
    # so; the exams (ordered by the person's name, shown from other records) too, by the names
    # it makes from the people it reads.
    main = MainWindow(sample_context, settings, evaluate_now=False)
    qtbot.addWidget(main)
    main.show()
    customers = main.tab("salesTab").sections[0]  # type: ignore[attr-defined]
    customers.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    asked = {read.kind: read.order for read in main.tab("salesTab").first_reads()}  # type: ignore[attr-defined]
    assert asked[RecordKind.CUSTOMER] is not None
    assert asked[RecordKind.CUSTOMER][1] is True
    with qtbot.waitSignal(main.filled, timeout=30_000):
        main.fill()
    names = [record["name"] for record in customers.model.records()]
    assert len(names) > 1
    assert names == sorted(names, key=str.casefold, reverse=True)
    exams = main.tab("examsTab").sections[1]  # type: ignore[attr-defined]
    shown = [exams.proxy.index(row, 0).data() for row in range(exams.proxy.rowCount())]
    assert shown == sorted(shown, key=str.casefold)


def test_a_tab_filled_after_an_edit_between_the_tabs_fills_shows_it(
    qtbot: QtBot,
    sample_context: AppContext,
    settings: WindowSettings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The tabs take their records one per turn of the event loop: an edit made between
    # the Sales tab and the Exams tab is in the Exams tab once it has filled.
    main = MainWindow(sample_context, settings, evaluate_now=False)
    qtbot.addWidget(main)
    main.show()
    sales = main.tab("salesTab")
    people = main.tab("examsTab").sections[0]  # type: ignore[attr-defined]
    fill_sales = sales.finish_loading  # type: ignore[attr-defined]

    def fill_then_add(read: FirstReads | None = None) -> None:
        fill_sales(read)
        assert people.model.rowCount() == 0  # the Exams tab still to come
        command = AddRecordCommand(
            sample_context,
            RecordKind.PERSON,
            {"name": "Added Between Tabs", "mcp_id": "7654321"},
            "Add person",
        )
        sample_context.undo_stack.push(command)
        assert command.done

    monkeypatch.setattr(sales, "finish_loading", fill_then_add)
    with qtbot.waitSignal(main.filled, timeout=30_000):
        main.fill()
    assert "Added Between Tabs" in {record["name"] for record in people.model.records()}
    assert "Added Between Tabs" in {p.name for p in main.progress_source.facts.people}
