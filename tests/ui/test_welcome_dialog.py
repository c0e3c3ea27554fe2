"""The first-run welcome: validates as typed, creates the organisation, or loads the sample."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QPoint
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QDialog, QGroupBox, QLabel, QWidget
from pytestqt.qtbot import QtBot

from mpn_desktop.domain.catalog import Catalog
from mpn_desktop.domain.enums import Level, Market
from mpn_desktop.programs import shipped_scored_catalogs
from mpn_desktop.store import records
from mpn_desktop.store.changes import RecordKind
from mpn_desktop.store.database import Database
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


def test_on_a_designation_day_the_designations_come_before_the_competencies(
    qtbot: QtBot, db: Database, catalog: Catalog
) -> None:
    # At the first-start size (683x467) only the boxes first in the form are seen: a partner
    # starting today met the 2017-2018 competencies, the designations scrolled out of view.
    def order(day: date) -> list[str]:
        context = AppContext(db, catalog, as_of=day, scored_catalogs=shipped_scored_catalogs())
        dialog = _dialog(qtbot, context)
        boxes = [dialog.findChild(QGroupBox, name) for name in _BOXES]
        assert all(box is not None for box in boxes)
        shown = sorted(boxes, key=lambda box: box.mapTo(dialog, QPoint(0, 0)).y())  # type: ignore[union-attr]
        words = dialog.findChild(QGroupBox, "designationTargets").findChildren(QLabel)  # type: ignore[union-attr]
        assert any("2017-2018 competency targets carry over" in w.text() for w in words)
        # The Tab key goes through them in the order they are shown.
        first = dialog.findChild(QWidget, "designation-data-ai-azure")
        combo = dialog.findChild(QWidget, "target-cloud-platform")
        assert first is not None and combo is not None
        tab_order = [dialog.mpn_edit]
        while tab_order[-1] not in (first, combo):
            tab_order.append(tab_order[-1].nextInFocusChain())
        dialog.close()
        names = [box.objectName() for box in shown]  # type: ignore[union-attr]
        assert (tab_order[-1] is first) == (names[0] == "designationTargets")
        return names

    assert order(date(2026, 12, 6)) == ["designationTargets", "competencyTargets"]
    assert order(date(2018, 3, 15)) == ["competencyTargets", "designationTargets"]


_BOXES = ("competencyTargets", "designationTargets")


def test_the_anniversary_says_which_membership_year_it_gives(
    qtbot: QtBot, context: AppContext
) -> None:
    """Typed 2027-03-01 on 2026-12-06, the year is 2026-03-01 to 2027-02-28: said under the field.

    Before, the note said only that the year starts on it, so a user typing the coming
    renewal day could not tell that the program counts the year that renewal closes.
    """
    context.set_as_of(date(2026, 12, 6))
    dialog = _dialog(qtbot, context)
    hint = dialog.findChild(QLabel, "membershipYearHint")
    assert hint is not None
    # Empty field: the hint says the year is worked out from the anniversary.
    assert "worked out from" in hint.text()
    qtbot.keyClicks(dialog.anniversary_edit, "2027-03-01")
    assert hint.isVisible()
    assert "2026-03-01 to 2027-02-28" in hint.text(), hint.text()
    assert "worked out from" in hint.text()
    dialog.anniversary_edit.clear()
    qtbot.keyClicks(dialog.anniversary_edit, "2027-13-01")  # no day: no year claimed
    assert "2027" not in hint.text() and "worked out from" in hint.text()
