"""File ▸ Import sales data: the same wizard as the exam import, for usage files, end to end."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers.import_wizards import OpenWizard, opened_wizards, wait_for
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from mpn_desktop.store.database import Database
from mpn_desktop.ui.context import AppContext
from mpn_desktop.ui.import_kinds import SALES_DATA
from mpn_desktop.ui.import_wizard import ImportWizard, PageId
from mpn_desktop.ui.imports_dialog import ImportsDialog

SAMPLES = Path(__file__).parents[1] / "importers" / "fixtures" / "usage"
FEBRUARY = SAMPLES / "csp-usage-based-recon.2019-02.csv"


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "import.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def open_wizard(qtbot: QtBot, settings: QSettings) -> Iterator[OpenWizard]:
    with opened_wizards(qtbot, settings) as make:
        yield lambda context, path: make(context, path, SALES_DATA)


def to_check(qtbot: QtBot, wizard: ImportWizard) -> None:
    assert wizard.currentId() == PageId.PREVIEW
    wizard.next()
    wizard.next()
    assert wizard.currentId() == PageId.CHECK
    wait_for(qtbot, wizard.check_page)


def consumption(db: Database) -> dict[tuple[str, str], float]:
    assert db.path is not None
    with sqlite3.connect(db.path) as connection:
        rows = connection.execute(
            "SELECT s.external_id, u.month, sum(u.consumption_usd) FROM usage u "
            "JOIN subscriptions s ON s.id = u.subscription_id GROUP BY 1, 2"
        ).fetchall()
    return {(sub[-2:], month[:7]): round(amount, 2) for sub, month, amount in rows if amount}


def test_a_reconciliation_file_is_imported_undone_and_redone(
    qtbot: QtBot, context: AppContext, open_wizard: OpenWizard
) -> None:
    wizard = open_wizard(context, FEBRUARY)
    assert wizard.windowTitle() == "Import sales data"
    to_check(qtbot, wizard)
    check = wizard.check_page
    assert check.summary_label.text() == "11 to add, 0 duplicates, 0 errors"
    assert (
        check.verdict_label.text() == "Ready: Import adds 11 usage rows in one step you can undo."
    )
    assert "2019-02: 4 subscriptions, consumption US$ 342.97" in check.notes.toPlainText()
    wizard.next()
    wait_for(qtbot, wizard.run_page)
    assert wizard.run_page.verdict_label.text().startswith(
        "Imported 11 usage rows from csp-usage-based-recon.2019-02.csv "
        "(3 customers and 4 subscriptions added)."
    )
    imported = consumption(context.db)
    assert imported[("04", "2019-02")] == 57.14
    stack = context.undo_stack
    assert stack.undoText() == "Import 11 usage rows from csp-usage-based-recon.2019-02.csv"
    stack.undo()
    assert consumption(context.db) == {}
    stack.redo()
    assert consumption(context.db) == imported
    dialog = ImportsDialog(context)
    qtbot.addWidget(dialog)
    assert dialog.model.index(0, 5).data() == "Usage (usage-recon)"
    assert dialog.model.index(0, 4).data() == "3 customers, 4 subscriptions"


def test_a_currency_is_asked_for_its_rate_which_is_remembered(
    qtbot: QtBot, context: AppContext, open_wizard: OpenWizard, tmp_path: Path
) -> None:
    euros = tmp_path / "euros.csv"
    euros.write_text(FEBRUARY.read_text(encoding="utf-8").replace(",USD,", ",EUR,"), "utf-8")
    wizard = open_wizard(context, euros)
    to_check(qtbot, wizard)
    check = wizard.check_page
    assert check.rates.isVisible()
    assert not check.skip_button.isVisible()  # a missing rate is not a bad row to skip
    field = check.rates.fields["EUR"]
    assert field.text() == ""
    field.setText("2")
    check.rates.use_button.click()
    wait_for(qtbot, check)
    assert (
        check.verdict_label.text() == "Ready: Import adds 11 usage rows in one step you can undo."
    )
    wizard.next()
    wait_for(qtbot, wizard.run_page)
    assert consumption(context.db)[("04", "2019-02")] == 114.28
    again = open_wizard(context, euros)
    to_check(qtbot, again)
    assert again.check_page.rates.fields["EUR"].text() == "2"


def test_good_rows_are_imported_and_bad_ones_saved_when_asked(
    qtbot: QtBot,
    context: AppContext,
    open_wizard: OpenWizard,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sheet = tmp_path / "usage.csv"
    sheet.write_text(
        "customer,subscription,workload,association,month,consumption_usd\n"
        "Fabrikam,sub-1,azure,dpor,2018-01,100\n"
        "Fabrikam,sub-1,azure,dpor,2018-02,lots\n",
        encoding="utf-8",
    )
    rejects = tmp_path / "to fix.csv"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: (str(rejects), ""))
    )
    wizard = open_wizard(context, sheet)
    to_check(qtbot, wizard)
    check = wizard.check_page
    assert check.skip_button.isVisible()
    assert check.skip_button.text() == "Import the 1 good row, skip 1"
    check.skip_button.click()
    assert wizard.currentId() == PageId.RUN
    wait_for(qtbot, wizard.run_page)
    verdict = wizard.run_page.verdict_label.text()
    assert "1 record with errors was skipped and saved to" in verdict
    assert consumption(context.db) == {("-1", "2018-01"): 100.0}
    lines = rejects.read_text(encoding="utf-8-sig").splitlines()
    assert lines[1].startswith("Fabrikam,sub-1,azure,dpor,2018-02,lots,line 3: consumption_usd:")


def test_a_rejects_file_over_the_database_is_refused_before_anything_is_imported(
    qtbot: QtBot,
    context: AppContext,
    open_wizard: OpenWizard,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Before: the import was committed first, then the rejects file could not be written.
    sheet = tmp_path / "usage.csv"
    sheet.write_text(
        "customer,subscription,workload,association,month,consumption_usd\n"
        "Fabrikam,sub-1,azure,dpor,2018-01,100\n"
        "Fabrikam,sub-1,azure,dpor,2018-02,lots\n",
        encoding="utf-8",
    )
    database = context.db.path
    assert database is not None
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: (str(database), ""))
    )
    wizard = open_wizard(context, sheet)
    to_check(qtbot, wizard)
    with qtbot.waitSignal(context.errorShown) as shown:
        wizard.check_page.skip_button.click()
    assert "is the database itself" in shown.args[0]
    assert wizard.currentId() == PageId.CHECK
    assert consumption(context.db) == {}


def test_a_file_of_another_mpn_id_is_imported_only_when_the_user_says_so(
    qtbot: QtBot, sample_context: AppContext, open_wizard: OpenWizard
) -> None:
    wizard = open_wizard(sample_context, FEBRUARY)
    to_check(qtbot, wizard)
    check = wizard.check_page
    assert check.allow_button.isVisible()
    assert "This file is for MPN ID 4412345, and this organisation is MPN ID" in (
        check.verdict_label.text()
    )
    assert not check.isComplete()
    # The check line says what the file holds before the user says so, not "0 to add".
    refused = check.summary_label.text()
    assert not refused.startswith("0 to add"), refused
    check.allow_button.click()
    wait_for(qtbot, check)
    assert not check.allow_button.isVisible()
    assert check.isComplete()
    assert check.summary_label.text() == refused


def test_a_file_opens_the_wizard_of_the_kind_its_header_names(tmp_path: Path) -> None:
    from mpn_desktop.ui.import_kinds import EXAM_RECORDS, kind_of_file

    exams = tmp_path / "exams.csv"
    exams.write_text("MCP ID,Exam,Date Passed\n1234567,70-533,2017-11-02\n", encoding="utf-8")
    neither = tmp_path / "neither.csv"
    neither.write_text("Name,Colour\nAna,blue\n", encoding="utf-8")
    assert kind_of_file(FEBRUARY) is SALES_DATA
    assert kind_of_file(exams) is EXAM_RECORDS
    assert kind_of_file(neither) is EXAM_RECORDS  # whose mapping page says what is needed
    assert kind_of_file(tmp_path / "missing.csv") is EXAM_RECORDS


_NEW_KINDS = {
    "new-commerce-invoice-recon.2020-10.csv": (
        "a new commerce invoice reconciliation file (licences in CSP)",
        16,
        "new-commerce",
    ),
    "insights-subscription-details.2021-01.tsv": (
        "an Insights Subscription details download",
        5,
        "insights-subscriptions",
    ),
}


@pytest.mark.parametrize("name", sorted(_NEW_KINDS))
def test_the_wizard_names_and_imports_the_new_commerce_and_subscription_details_files(
    qtbot: QtBot, context: AppContext, open_wizard: OpenWizard, name: str
) -> None:
    kind, rows, source = _NEW_KINDS[name]
    from mpn_desktop.ui.import_kinds import kind_of_file

    path = SAMPLES / name
    assert kind_of_file(path) is SALES_DATA
    wizard = open_wizard(context, path)
    assert f"The column names say it is {kind}." in wizard.preview_page.format_label.text()
    to_check(qtbot, wizard)
    assert wizard.check_page.summary_label.text() == f"{rows} to add, 0 duplicates, 0 errors"
    assert "2 lines left out" in wizard.check_page.notes.toPlainText()
    wizard.next()
    wait_for(qtbot, wizard.run_page)
    dialog = ImportsDialog(context)
    qtbot.addWidget(dialog)
    assert dialog.model.index(0, 5).data() == f"Usage ({source})"
    context.undo_stack.undo()
    assert db_usage_rows(context.db) == 0


def db_usage_rows(db: Database) -> int:
    assert db.path is not None
    with sqlite3.connect(db.path) as connection:
        count: int = connection.execute("SELECT count(*) FROM usage").fetchone()[0]
    return count
