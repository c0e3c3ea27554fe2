"""The first-run welcome: validates as typed, creates the organisation, or loads the sample."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from mpn_desktop.domain.enums import Level, Market
from mpn_desktop.store import records
from mpn_desktop.store.changes import RecordKind
from mpn_desktop.ui.context import AppContext
from mpn_desktop.ui.main_window import MainWindow
from mpn_desktop.ui.settings import WindowSettings
from mpn_desktop.ui.welcome_dialog import WelcomeDialog, needs_welcome, sample_loader


def _dialog(qtbot: QtBot, context: AppContext) -> WelcomeDialog:
    dialog = WelcomeDialog(context, load_sample=sample_loader(context))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_create_stays_disabled_until_everything_is_right(qtbot: QtBot, context: AppContext) -> None:
    dialog = _dialog(qtbot, context)
    assert not dialog.create_button.isEnabled()
    assert not dialog.name_message.isVisible()  # nothing said before the user types
    qtbot.keyClicks(dialog.mpn_edit, "12ab")
    assert dialog.mpn_message.isVisible()
    assert "digits" in dialog.mpn_message.text()
    dialog.mpn_edit.clear()
    qtbot.keyClicks(dialog.mpn_edit, "4123456")
    assert not dialog.mpn_message.isVisible()
    qtbot.keyClicks(dialog.name_edit, "Fabrikam Partners")
    assert not dialog.create_button.isEnabled()
    assert "at least one" in dialog.targets_message.text()
    dialog.target_combos["cloud-platform"].setCurrentIndex(2)
    assert dialog.targets_message.text() == ""
    # The anniversary starts empty (today's date, offered before, made the fee due at once)
    # and is required; what it is, is said beside it.
    assert dialog.anniversary_edit.text() == ""
    assert "membership year starts" in dialog.anniversary_note.text()
    assert "Partner Center" in dialog.anniversary_edit.whatsThis()
    assert not dialog.create_button.isEnabled()
    assert "anniversary" in dialog.anniversary_problem()
    qtbot.keyClicks(dialog.anniversary_edit, "2017-13-01")
    assert dialog.anniversary_message.isVisible() and not dialog.create_button.isEnabled()
    dialog.anniversary_edit.clear()
    qtbot.keyClicks(dialog.anniversary_edit, "2018-03-01")
    assert not dialog.anniversary_message.isVisible()
    assert dialog.create_button.isEnabled()
    assert dialog.organisation_values()["anniversary"] == date(2018, 3, 1)


def test_the_welcome_creates_the_organisation_and_its_targets(
    qtbot: QtBot, context: AppContext
) -> None:
    assert needs_welcome(context)
    dialog = _dialog(qtbot, context)
    qtbot.keyClicks(dialog.name_edit, "Fabrikam Partners")
    qtbot.keyClicks(dialog.mpn_edit, "7654321")
    dialog.market_combo.setCurrentIndex(1)
    dialog.anniversary_edit.setDate(QDate(2017, 9, 30))
    dialog.target_combos["cloud-platform"].setCurrentIndex(1)
    dialog.target_combos["cloud-productivity"].setCurrentIndex(2)
    with qtbot.waitSignal(dialog.accepted):
        dialog.create_button.click()
    organisation = records.get_organization(context.db)
    assert organisation is not None
    assert organisation["name"] == "Fabrikam Partners"
    assert organisation["mpn_id"] == "7654321"
    assert organisation["market"] is Market.DEVELOPING
    assert organisation["anniversary"] == date(2017, 9, 30)
    targets = {
        row["competency"]: row["level"]
        for row in records.list_records(context.db, RecordKind.TARGET)
    }
    assert targets == {"cloud-platform": Level.SILVER, "cloud-productivity": Level.GOLD}
    assert not needs_welcome(context)


def test_the_welcome_can_load_the_sample_organisation(qtbot: QtBot, context: AppContext) -> None:
    dialog = _dialog(qtbot, context)
    with qtbot.waitSignal(context.changeApplied):
        dialog.sample_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.loaded_sample
    organisation = records.get_organization(context.db)
    assert organisation is not None
    assert organisation["name"] == "Contoso Cloud Ltd"


def test_an_empty_database_opens_the_welcome_and_the_panel_follows(
    qtbot: QtBot, context: AppContext, settings: WindowSettings
) -> None:
    window = MainWindow(context, settings)
    qtbot.addWidget(window)
    window.show()
    assert window.welcome_if_empty()
    dialog = window.welcome
    qtbot.keyClicks(dialog.name_edit, "Fabrikam Partners")
    qtbot.keyClicks(dialog.mpn_edit, "7654321")
    dialog.target_combos["cloud-platform"].setCurrentIndex(2)
    qtbot.keyClicks(dialog.anniversary_edit, "2017-06-30")
    with qtbot.waitSignal(window.progress_source.progressChanged):
        dialog.create_button.click()
    assert window.panel.card("cloud-platform").isVisible()
    assert "Fabrikam Partners" in window.panel.summary.text()
    assert not window.welcome_if_empty()


def test_the_targets_line_is_a_hint_until_the_user_clears_a_choice(
    qtbot: QtBot, context: AppContext
) -> None:
    dialog = _dialog(qtbot, context)
    hint = dialog.palette().color(QPalette.ColorRole.PlaceholderText).name()
    assert "at least one" in dialog.targets_message.text()
    assert hint in dialog.targets_message.styleSheet()
    combo = dialog.target_combos["cloud-platform"]
    combo.setCurrentIndex(2)
    combo.setCurrentIndex(0)  # chosen, then cleared again: now it is a problem
    assert "at least one" in dialog.targets_message.text()
    assert hint not in dialog.targets_message.styleSheet()
