"""The window's words follow the program in force: View ▸ 1-4 name the tabs as their titles do,
Help ▸ Getting started explains the Solutions Partner categories on a day of that program, and
Add exam offers the exams of its certifications (AZ-104), not only the 2017-2018 ones,
Help ▸ About names the catalogue in force, no reference is flagged to renew, the texts that
explain the targets and a subscription's start name both programs, a designation alone can be the
target (first start and Edit ▸ Organisation and targets), and the import wizard does not call
today's exams unknown."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, QSettings, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QLineEdit, QTextBrowser
from pytestqt.qtbot import QtBot

from mpn_desktop.store import records_sqlite
from mpn_desktop.ui import screen_fit
from mpn_desktop.ui.context import AppContext
from mpn_desktop.ui.editors.record_form import RecordForm
from mpn_desktop.ui.help_dialogs import about_text
from mpn_desktop.ui.import_wizard import ImportWizard, PageId
from mpn_desktop.ui.main_window import MainWindow
from mpn_desktop.ui.organisation_dialog import OrganisationDialog
from mpn_desktop.ui.tabs.exams_tab import ExamsTab
from mpn_desktop.ui.tabs.references_tab import ReferencesTab
from mpn_desktop.ui.tabs.sales_tab import SalesTab
from mpn_desktop.ui.welcome_dialog import WelcomeDialog

DAY_2024 = date(2024, 3, 15)
DAY_2018 = date(2018, 3, 15)


@pytest.fixture
def window(open_sample_window: Callable[..., MainWindow]) -> MainWindow:
    """The sample organisation dated around 2024-03-15, the window open on that day."""
    return open_sample_window(DAY_2024)


def _go_to(window: MainWindow) -> list[str]:
    """The texts of View ▸ 1 … 4."""
    names = ("goToSalesTabAction", "goToExamsTabAction", "goToReferencesTabAction")
    names += ("goToFeeTabAction",)
    return [window.findChild(QAction, name).text() for name in names]


def _getting_started(window: MainWindow) -> str:
    dialog = window.show_getting_started()
    try:
        return dialog.findChild(QTextBrowser).toPlainText()
    finally:
        dialog.close()


def test_the_view_menu_names_the_tabs_as_their_titles_do(qtbot: QtBot, window: MainWindow) -> None:
    assert _go_to(window) == [
        "&1 Performance and customer success",
        "&2 Skilling: people and certifications",
        "&3 Customer references",
        "&4 Fee",
    ]
    window.context.set_as_of(DAY_2018)
    qtbot.waitUntil(lambda: window.progress_source.designations is None)
    assert _go_to(window)[:2] == ["&1 Sales performance", "&2 Exams and people"]
    assert window.tabs.tabText(1) == "Exams and people"


def test_getting_started_follows_the_program_of_the_day(qtbot: QtBot, window: MainWindow) -> None:
    text = _getting_started(window)
    assert "A Solutions Partner designation is earned with a partner capability score" in text
    assert "2. Skilling — tab Skilling: people and certifications" in text
    assert "silver or gold" not in text and "tab Exams and people" not in text
    window.context.set_as_of(DAY_2018)
    text = _getting_started(window)
    assert "A cloud competency is attained at silver or gold" in text
    assert "2. Technical exams — tab Exams and people" in text


@pytest.mark.usefixtures("german")
def test_in_german(window: MainWindow) -> None:
    assert _go_to(window)[1] == "&2 Qualifikation: Personen und Zertifizierungen"
    text = _getting_started(window)
    assert "2. Qualifikation – Registerkarte Qualifikation: Personen und Zertifizierungen" in text
    assert "Partnerfunktionsbewertung von mindestens 70 von 100 Punkten" in text


def _add_exam_code_field(qtbot: QtBot, window: MainWindow) -> tuple[str, list[str]]:
    """The Add exam form's Code field: its placeholder and the codes it offers (form cancelled)."""
    tab = window.findChild(ExamsTab, "examsTab")
    assert isinstance(tab, ExamsTab)
    window.tabs.setCurrentWidget(tab)
    found: dict[str, object] = {}

    def read() -> None:
        form = next(
            (
                w
                for w in QApplication.topLevelWidgets()
                if isinstance(w, RecordForm) and w.isVisible()
            ),
            None,
        )
        if form is None:
            QTimer.singleShot(10, read)
            return
        code = form.editor("exam_code")
        assert isinstance(code, QLineEdit)
        completer = code.completer()
        model = completer.model() if completer is not None else None
        found["placeholder"] = code.placeholderText()
        found["codes"] = (
            [] if model is None else [model.index(row, 0).data() for row in range(model.rowCount())]
        )
        form.reject()

    QTimer.singleShot(0, read)
    tab.exams.add_record()
    qtbot.waitUntil(lambda: "codes" in found)
    codes = found["codes"]
    assert isinstance(codes, list)
    return str(found["placeholder"]), codes


def test_add_exam_offers_the_exams_of_the_program_in_force(
    qtbot: QtBot, window: MainWindow
) -> None:
    placeholder, codes = _add_exam_code_field(qtbot, window)
    assert placeholder == "AZ-104"
    assert {"AZ-104", "AZ-305", "MS-700", "SC-200", "70-533"} <= set(codes)
    window.context.set_as_of(DAY_2018)
    qtbot.waitUntil(lambda: window.progress_source.designations is None)
    placeholder, codes = _add_exam_code_field(qtbot, window)
    assert placeholder == "70-533"
    assert "70-533" in codes and "AZ-104" not in codes


def test_about_names_both_programs_and_the_catalogue_in_force(
    qtbot: QtBot, window: MainWindow
) -> None:
    text = about_text(window.context)
    assert "silver or gold cloud competency (2017-2018) and to the Solutions Partner" in text
    # The 2017-2018 catalogue by its own version (it read the program's version before).
    assert "Requirements catalogue: Microsoft Partner Network 2017-2018<br>" in text
    assert "Catalogue in force on 2024-03-15: " in text and " 2023-06<br>" in text
    window.context.set_as_of(DAY_2018)
    assert "Catalogue in force" not in about_text(window.context)


def test_no_reference_is_flagged_to_renew_where_references_count_toward_nothing(
    qtbot: QtBot, window: MainWindow
) -> None:
    """Fabrikam's Cloud Platform reference stops counting on 2024-05-19, before the next
    anniversary (2024-07-01): a warning on a competencies' day, nothing to do under the
    designations (the tab's summary says references count toward none)."""
    tab = window.findChild(ReferencesTab, "referencesTab")
    assert isinstance(tab, ReferencesTab)
    window.tabs.setCurrentWidget(tab)
    model = tab.references.model
    column = model.column_of("customer_id")
    rows = [
        row for row in range(model.rowCount()) if model.data(model.index(row, column)) == "Fabrikam"
    ]
    assert rows
    for row in rows:
        cell = model.index(row, column)
        assert model.data(cell, Qt.ItemDataRole.BackgroundRole) is None
        assert "Stops counting" not in str(model.data(cell, Qt.ItemDataRole.ToolTipRole))
    # Expired by 2026: muted as ever, and nobody is asked for a new reference.
    later = date(2026, 10, 15)
    window.context.set_as_of(later)
    source = window.progress_source
    qtbot.waitUntil(lambda: source.progress is not None and source.progress.as_of == later)
    for row in rows:
        tooltip = model.data(model.index(row, column), Qt.ItemDataRole.ToolTipRole)
        assert tooltip == "Expired on 2024-05-19: it no longer counts for its competency."


def test_the_targets_and_a_subscription_s_start_are_explained_for_both_programs(
    qtbot: QtBot, window: MainWindow
) -> None:
    dialog = OrganisationDialog(window.context, window)
    qtbot.addWidget(dialog)
    assert "cloud competencies (2017-2018) and Solutions Partner designations" in (
        dialog.intro.text()
    )
    tab = window.findChild(SalesTab, "salesTab")
    assert isinstance(tab, SalesTab)
    model = tab.subscriptions.model
    started = model.headerData(
        model.column_of("started_on"), Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole
    )
    assert "the designations count customers by their monthly usage" in str(started)


def test_the_import_wizard_counts_todays_exams_as_known(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    """AZ-104 earns a certification a designation counts: not an unknown code (counted toward
    nothing), which XY-123 still is."""
    rows = tmp_path / "exams.csv"
    rows.write_text(
        "MCP ID,Full Name,Exam Code,Date Passed\n"
        "1234567,Ana Ruiz,AZ-104,2024-01-10\n"
        "1234567,Ana Ruiz,XY-123,2024-01-11\n",
        encoding="utf-8",
    )
    settings = QSettings(str(tmp_path / "import.ini"), QSettings.Format.IniFormat)
    wizard = ImportWizard(window.context, None, path=rows, settings=settings)
    qtbot.addWidget(wizard)
    wizard.show()
    try:
        while wizard.currentId() != PageId.CHECK:
            wizard.next()
        check = wizard.check_page
        qtbot.waitUntil(lambda: check.task is not None and check.task.handled, timeout=60_000)
        assert check.summary_label.text().endswith(", 1 unknown code")
        notes = check.notes.toPlainText()
        assert "XY-123 (1)" in notes and "AZ-104" not in notes
    finally:
        if wizard.check_page.task is not None:
            wizard.check_page.task.wait()


def test_the_welcome_takes_a_designation_alone_as_the_target(
    qtbot: QtBot, context: AppContext
) -> None:
    """A partner starting today aims for a designation: no 2017-2018 competency is needed."""
    dialog = WelcomeDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "Solutions Partner designations (from October 2022)" in dialog.intro.text()
    qtbot.keyClicks(dialog.name_edit, "Fabrikam Partners")
    qtbot.keyClicks(dialog.mpn_edit, "7654321")
    qtbot.keyClicks(dialog.anniversary_edit, "2026-03-01")
    assert not dialog.create_button.isEnabled()
    assert "or a designation" in dialog.targets_message.text()
    dialog.designation_checks["security"].setChecked(True)
    assert dialog.targets_message.text() == ""
    with qtbot.waitSignal(dialog.accepted):
        dialog.create_button.click()
    assert records_sqlite.get_designation_targets(context.db) == ("security",)
    assert records_sqlite.get_targets(context.db) == {}


def test_the_organisation_can_aim_for_designations_only(qtbot: QtBot, window: MainWindow) -> None:
    dialog = OrganisationDialog(window.context, window)
    qtbot.addWidget(dialog)
    assert dialog.targets() and not dialog.designations()  # the sample's competencies
    assert dialog.create_button.isEnabled()
    assert dialog.targets_message.text() == ""
    for combo in dialog.target_combos.values():
        combo.setCurrentIndex(0)
    assert not dialog.create_button.isEnabled()
    dialog.designation_checks["infrastructure-azure"].setChecked(True)
    assert dialog.create_button.isEnabled()
    dialog.accept()
    context = window.context
    assert records_sqlite.get_designation_targets(context.db) == ("infrastructure-azure",)
    assert records_sqlite.get_targets(context.db) == {}


@pytest.mark.parametrize(("area", "scrolls"), [((683, 467), True), ((1366, 1024), False)])
def test_the_welcome_fits_the_screen_its_form_scrolling_where_it_is_small(
    qtbot: QtBot,
    context: AppContext,
    monkeypatch: pytest.MonkeyPatch,
    area: tuple[int, int],
    scrolls: bool,
) -> None:
    """With the designations the form is taller than 1024x700 at 150% (683x467 points): the
    form scrolls there, the intro and the buttons stay in view; on a larger screen it is all
    shown at once."""
    monkeypatch.setattr(screen_fit, "available_area", lambda _widget: QRect(0, 0, *area))
    dialog = WelcomeDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.height() <= area[1]
    button = dialog.create_button
    assert button.mapTo(dialog, QPoint(0, button.height())).y() <= dialog.height()
    assert (dialog.form_area.verticalScrollBar().maximum() > 0) is scrolls
