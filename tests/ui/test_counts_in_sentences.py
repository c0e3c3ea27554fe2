"""Counts the window writes into its sentences carry the locale's thousands separator, as
its tables and the translations' ``%Ln`` forms do: "1,200", German "1.200" (a plain
``{count}`` read "1200" beside them). Positions (line and step numbers) stay plain."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from mpn_desktop.domain.catalog import Catalog
from mpn_desktop.domain.dates import Month
from mpn_desktop.importers.catalog_lookup import CatalogLookup
from mpn_desktop.importers.importing import ImportResult, run_import
from mpn_desktop.importers.kinds import ExamImport
from mpn_desktop.importers.planning import plan_import
from mpn_desktop.programs import program_on
from mpn_desktop.store import records
from mpn_desktop.store.changes import RecordKind
from mpn_desktop.ui import history_dialog
from mpn_desktop.ui.context import AppContext
from mpn_desktop.ui.designation_requirements_html import _what_counts
from mpn_desktop.ui.history_dialog import HistoryDialog
from mpn_desktop.ui.import_run_pages import count_line
from mpn_desktop.ui.language import install_translators, remove_translators
from mpn_desktop.ui.main_window import MainWindow
from mpn_desktop.ui.models.paste_plan import refusal_text
from mpn_desktop.ui.models.usage_grid import UsageGridModel
from mpn_desktop.ui.models.usage_pivot import pivot_usage
from mpn_desktop.ui.requirements_html import _competency_section
from mpn_desktop.ui.settings import WindowSettings
from mpn_desktop.ui.tabs.exams_tab import ExamsTab
from mpn_desktop.ui.tabs.sales_tab import SalesTab

MANY = 1_200
GROUPED = {"en": "1,200", "de": "1.200"}
GROUPED_MORE = {"en": "1,205", "de": "1.205"}


@pytest.fixture(params=["en", "de"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    """The window's language: its translators (English's numerus forms too), as it starts."""
    if request.param == "de":
        request.getfixturevalue("german")
        yield "de"
        return
    installed = install_translators(qapp, "en")
    yield "en"
    remove_translators(qapp, installed)


def _exams_tab(context: AppContext, qtbot: QtBot) -> ExamsTab:
    tab = ExamsTab(context)
    qtbot.addWidget(tab)
    tab.resize(1200, 700)
    tab.show()
    return tab


def test_an_import_s_count_of_records_added(language: str) -> None:
    result = ImportResult(
        path=Path("exams.csv"),
        new_records=MANY,
        duplicates=0,
        errors=(),
        people_added=0,
        unknown_codes={},
        name_conflicts=(),
        name_conflict_count=0,
        ignored_columns=(),
        dry_run=False,
    )
    # Before: "1200 added, 0 duplicates" ("1200 hinzugefügt").
    assert count_line(result, done=True).startswith(GROUPED[language] + " ")
    assert count_line(result, done=False).startswith(GROUPED[language] + " ")


def test_the_refused_rows_beyond_the_first_few(language: str) -> None:
    refused = [(line, "no") for line in range(2, 1_207)]
    text = refusal_text(refused)
    # The line numbers stay plain, the count of the others is grouped (before: "1200").
    assert text.splitlines()[0].endswith("2: no")
    assert (
        text.splitlines()[-1] == {"en": "… and 1,200 more", "de": "… und 1.200 weitere"}[language]
    )


def test_a_usage_grid_of_one_month_says_month(language: str) -> None:
    model = UsageGridModel(lambda *_: None)
    for count, said in (
        (1, {"en": "1 month", "de": "1 Monat"}),
        (13, {"en": "13 months", "de": "13 Monate"}),
    ):
        model.set_data([], pivot_usage([], Month(2023, 1), count), "consumption_usd")
        # Before: "1 months" ("{count} months" without a singular).
        assert model.headerData(count, Qt.Orientation.Horizontal) == said[language]


def test_a_pasted_table_reports_its_counts_grouped_and_singular(
    language: str, context: AppContext, qtbot: QtBot
) -> None:
    tab = _exams_tab(context, qtbot)
    told: list[str] = []
    context.reported.connect(lambda message, _undoable: told.append(message))
    labels = {
        tab.people.model.field_at(column).key: tab.people.model.field_at(column).label
        for column in range(tab.people.model.columnCount())
    }
    header = f"{labels['mcp_id']}\t{labels['name']}"
    lines = [header]
    lines += [f"{9_000_000 + i}\tNew {i}" for i in range(MANY)]
    lines += [f"bad-{i}\tBad {i}" for i in range(MANY + 5)]
    with qtbot.waitSignal(context.changeApplied, timeout=60_000):
        tab.people.transfer.paste_text("\r\n".join(lines) + "\r\n")
    # Before: "Pasted 1200 new and 0 changed rows into People."
    assert told[-1].startswith(
        {
            "en": "Pasted 1,200 new rows and 0 changed rows into ",
            "de": "1.200 neue Zeilen und 0 geänderte Zeilen in ",
        }[language]
    )
    problem = tab.people.problem_label.text()
    # Before: "Pasted 1200 new and 0 changed; refused 1205:".
    refused = {
        "en": "Pasted 1,200 new and 0 changed; refused 1,205:",
        "de": "1.200 neu eingefügt und 0 geändert; 1.205 abgelehnt:",
    }
    assert problem.splitlines()[0] == refused[language]
    lines = [header, "9100000\tOne More"]
    with qtbot.waitSignal(context.changeApplied):
        tab.people.transfer.paste_text("\r\n".join(lines) + "\r\n")
    # Before: "Pasted 1 new and 0 changed rows".
    assert told[-1].startswith(
        {
            "en": "Pasted 1 new row and 0 changed rows into ",
            "de": "1 neue Zeile und 0 geänderte Zeilen in ",
        }[language]
    )


def test_a_section_names_many_records_with_a_grouped_count(
    language: str, context: AppContext, qtbot: QtBot
) -> None:
    tab = _exams_tab(context, qtbot)
    # Before: "1200 people" (the undo menu's "Delete 1200 people").
    assert tab.people.count_label(MANY).startswith(GROUPED[language] + " ")


def test_the_history_says_its_limit_grouped(
    language: str, context: AppContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    records.add_record(context.db, RecordKind.PERSON, {"name": "Ana Ruiz", "mcp_id": "1234567"})
    monkeypatch.setattr(history_dialog, "SHOWN", MANY)
    dialog = HistoryDialog(context)
    qtbot.addWidget(dialog)
    # Before: "(at most 1200)".
    assert f"{GROUPED[language]})" in dialog.note.text()


def test_a_designation_step_of_many_people_is_grouped(language: str) -> None:
    catalog = program_on(date(2023, 6, 1)).scored
    assert catalog is not None
    metric = next(
        metric
        for designation in catalog.designations
        for track in designation.tracks
        for metric in track.metrics
        if metric.skilling is not None and metric.skilling.prerequisites
    )
    assert metric.skilling is not None
    step = dataclasses.replace(
        metric.skilling.prerequisites[0],
        minimum_people=MANY,
        minimum_from=((date(2023, 12, 1), MANY + 5),),
    )
    skilling = dataclasses.replace(metric.skilling, prerequisites=(step,))
    text = _what_counts(catalog, dataclasses.replace(metric, skilling=skilling))
    # The step's number stays plain, its people are grouped (before: "1200 people").
    assert f" 1: {GROUPED[language]} " in text
    assert f"; {GROUPED_MORE[language]} " in text


def test_the_exams_heading_counts_grouped(
    language: str, context: AppContext, qtbot: QtBot, tmp_path: Path
) -> None:
    source = tmp_path / "exams.csv"
    rows = [f"{9_000_000 + i},Person {i},70-533,2017-06-01" for i in range(MANY)]
    source.write_text("MCP ID,Name,Exam,Date Passed\n" + "\n".join(rows) + "\n", "utf-8")
    settings = plan_import(source).settings
    run_import(context.db, ExamImport(CatalogLookup(context.catalog)), source, settings)
    tab = _exams_tab(context, qtbot)
    tab.show_everyones_exams()
    # Before: "… of everyone (1203)".
    heading = tab.exams.heading.text()
    count = tab.exams.model.rowCount()
    assert count >= MANY
    assert f"({count:,})".replace(",", {"en": ",", "de": "."}[language]) in heading


def test_the_usage_grid_counts_refused_cells_grouped(
    language: str, context: AppContext, qtbot: QtBot, tmp_path: Path
) -> None:
    window = MainWindow(context, WindowSettings(tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    window.show()
    tab = window.step_tabs[0]
    assert isinstance(tab, SalesTab)
    tab.pages.setCurrentWidget(tab.usage_grid)
    grid = tab.usage_grid
    qtbot.waitUntil(lambda: grid.settled)
    grid.view.setFocus()
    grid.view.setCurrentIndex(grid.model.index(len(grid.model.grid_rows) - 1, 0))
    # The first line is not an amount, the others fall below the last subscription.
    assert grid.paste_text("x\r\n" * (MANY + 6)) is None
    lines = grid.problem_label.text().splitlines()
    # Before: "refused 1206" and "… and 1201 more".
    assert _grouped(MANY + 6, language) in lines[0]
    assert lines[-1] == {"en": "… and 1,201 more", "de": "… und 1.201 weitere"}[language]


def _grouped(count: int, language: str) -> str:
    return f"{count:,}".replace(",", {"en": ",", "de": "."}[language])


def test_an_error_box_counts_the_problems_it_does_not_list_grouped(
    language: str, context: AppContext
) -> None:
    problems = [f"line {line}: no" for line in range(2, MANY + 7)]
    shown: list[str] = []
    context.errorShown.connect(shown.append)
    context.show_error("The file was not imported.", problems)
    # Five problems listed, the others counted (before: "… and 1200 more (Show Details…)").
    more = {"en": "… and 1,200 more (Show", "de": "… und 1.200 weitere (Details"}[language]
    assert shown[-1].splitlines()[-1].startswith(more)
    assert shown[-1].splitlines()[2] == "• line 2: no"


def test_the_requirements_count_a_competency_s_ways_grouped(
    language: str, catalog: Catalog
) -> None:
    competency = catalog.cloud_competencies[0]
    many = dataclasses.replace(competency, options=competency.options[:1] * MANY)
    # Before: "1200 ways to attain it" (no catalogue has as many, but the count is a count).
    assert f"<p>{GROUPED[language]} " in _competency_section(many, catalog)
