"""Import sales data: a file bringing only some services of months the database holds asks
what to do with them; adding its lines (the default) loses nothing, undo gives back all.

rv44's scenario through the wizard: a month's file with a bad line, its good rows
imported and the bad one saved; that line corrected in the rejects file and the
``error`` column deleted; the file imported.
"""

from __future__ import annotations

import csv
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers.import_wizards import OpenWizard, opened_wizards, wait_for
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from mpn_desktop.store.database import Database
from mpn_desktop.store.records import import_batches
from mpn_desktop.store.usage_writing import MonthsChoice
from mpn_desktop.ui.context import AppContext
from mpn_desktop.ui.import_kinds import SALES_DATA
from mpn_desktop.ui.import_wizard import ImportWizard, PageId

FEBRUARY = Path(__file__).parents[1] / "importers" / "fixtures" / "usage"
FEBRUARY /= "csp-usage-based-recon.2019-02.csv"
S1 = "1d2e3f40-5a6b-4c7d-8e9f-0a1b2c3d4e01"


@pytest.fixture
def open_wizard(qtbot: QtBot, tmp_path: Path) -> Iterator[OpenWizard]:
    settings = QSettings(str(tmp_path / "import.ini"), QSettings.Format.IniFormat)
    with opened_wizards(qtbot, settings) as make:
        yield lambda context, path: make(context, path, SALES_DATA)


def _rows(db: Database) -> list[tuple[str, str, str, float]]:
    assert db.path is not None
    with sqlite3.connect(db.path) as connection:
        return sorted(
            connection.execute(
                "SELECT s.external_id, u.month, u.service, round(u.consumption_usd, 2) "
                "FROM usage u JOIN subscriptions s ON s.id = u.subscription_id"
            ).fetchall()
        )


def _to_check(qtbot: QtBot, wizard: ImportWizard) -> None:
    wizard.next()
    wizard.next()
    assert wizard.currentId() == PageId.CHECK
    wait_for(qtbot, wizard.check_page)


def _import(qtbot: QtBot, wizard: ImportWizard) -> None:
    wizard.next()
    assert wizard.currentId() == PageId.RUN
    wait_for(qtbot, wizard.run_page)


def test_corrected_lines_are_added_to_their_month_by_default_and_undone_exactly(
    qtbot: QtBot,
    context: AppContext,
    open_wizard: OpenWizard,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    lines = FEBRUARY.read_text(encoding="utf-8-sig").splitlines(keepends=True)
    lines[3] = lines[3].replace("2/1/2019", "2/31/2019", 1)
    broken = tmp_path / "recon.csv"
    broken.write_text("".join(lines), encoding="utf-8")
    rejects = tmp_path / "recon rejects.csv"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: (str(rejects), ""))
    )
    first = open_wizard(context, broken)
    _to_check(qtbot, first)
    assert not first.check_page.months.isVisible()
    # The list of problems keeps the room; the notes stay a few lines under it.
    page = first.check_page
    assert page.problem_table.isVisible() and page.notes.isVisible()
    assert page.problem_table.height() > page.notes.height()
    first.check_page.skip_button.click()
    wait_for(qtbot, first.run_page)
    kept = _rows(context.db)
    with rejects.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream))
    fixed = tmp_path / "corrected.csv"
    with fixed.open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream).writerows(
            [cell.replace("2/31/2019", "2/1/2019") for cell in row[:-1]] for row in rows
        )

    wizard = open_wizard(context, fixed)
    _to_check(qtbot, wizard)
    check = wizard.check_page
    assert check.months.isVisible() and check.months.isEnabled()
    assert check.months.months_label.text().replace("\u00a0", " ") == (
        "This file brings only some of the services of 1 month the database holds:\n"
        f"• Contoso Pharma, subscription {S1}, 2019-02: 3 services, US$ 141.74 now, kept by "
        "the import of recon.csv, which skipped lines with errors; this file brings 1 service, "
        "US$ 5.85; added: US$ 147.59, replaced: US$ 5.85"
    )
    assert "US$\u00a0147.59" in check.months.months_label.text(), "an amount is not broken"
    assert check.months.add_button.isChecked()
    assert wizard.state.months is MonthsChoice.ADD
    assert check.summary_label.text() == "1 to add, 0 duplicates, 0 errors"
    assert "The file's lines added to 1 month" in check.notes.toPlainText()
    # The notes (totals, the choice, the columns ignored) take the room under the question:
    # they showed four of their lines above empty room, the rest behind a scroll bar.
    wizard.resize(1024, 700)
    qtbot.waitUntil(lambda: check.notes.verticalScrollBar().maximum() == 0)

    # Replacing is said and counted, then the safe choice taken again.
    check.months.replace_button.click()
    wait_for(qtbot, check)
    assert wizard.state.months is MonthsChoice.REPLACE
    assert check.months.replace_button.isChecked()
    assert "1 month replaced whole by the file's lines" in check.notes.toPlainText()
    check.months.add_button.click()
    wait_for(qtbot, check)
    assert wizard.state.months is MonthsChoice.ADD
    assert check.summary_label.text() == "1 to add, 0 duplicates, 0 errors"
    assert _rows(context.db) == kept, "the check writes nothing"

    _import(qtbot, wizard)
    assert wizard.run_page.summary_label.text() == "1 added, 0 duplicates, 0 errors"
    assert import_batches(context.db)[0]["months_choice"] == "add", "the choice is kept"
    whole = _rows(context.db)
    assert (S1, "2019-02-01", "Storage", 17.63) in whole, "US$ 11.78 kept + US$ 5.85 added"
    assert len(whole) == len(kept)
    stack = context.undo_stack
    stack.undo()
    assert _rows(context.db) == kept
    stack.redo()
    assert _rows(context.db) == whole


def test_a_file_of_whole_months_asks_nothing(
    qtbot: QtBot, context: AppContext, open_wizard: OpenWizard
) -> None:
    first = open_wizard(context, FEBRUARY)
    _to_check(qtbot, first)
    _import(qtbot, first)
    again = open_wizard(context, FEBRUARY)
    _to_check(qtbot, again)
    assert not again.check_page.months.isVisible()
    assert again.state.months is None
    assert again.check_page.summary_label.text() == "0 to add, 11 duplicates, 0 errors"


def test_months_found_only_by_the_import_keep_nothing_and_say_so(
    qtbot: QtBot, context: AppContext, open_wizard: OpenWizard, tmp_path: Path
) -> None:
    """The check found no such month (the database had none), then another import brought
    the whole February before Import was pressed: the import keeps nothing and says why."""
    lines = FEBRUARY.read_text(encoding="utf-8-sig").splitlines(keepends=True)
    one = tmp_path / "one line.csv"
    one.write_text(lines[0] + lines[3], encoding="utf-8")
    wizard = open_wizard(context, one)
    _to_check(qtbot, wizard)
    assert not wizard.check_page.months.isVisible()
    assert wizard.check_page.summary_label.text() == "1 to add, 0 duplicates, 0 errors"
    first = open_wizard(context, FEBRUARY)
    _to_check(qtbot, first)
    _import(qtbot, first)
    whole = _rows(context.db)
    _import(qtbot, wizard)
    assert wizard.run_page.verdict_label.text().startswith(
        "Nothing was imported: since the check, the file or the database changed"
    )
    assert _rows(context.db) == whole
