"""Edit ▸ Organisation and targets: filled in, saved as one undoable change, checked as typed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot

from mpn_desktop.domain.enums import Level, Market
from mpn_desktop.store import records
from mpn_desktop.ui.context import AppContext
from mpn_desktop.ui.main_window import MainWindow
from mpn_desktop.ui.organisation_dialog import OrganisationDialog
from mpn_desktop.ui.settings import WindowSettings


def _window(qtbot: QtBot, context: AppContext, tmp_path: Path) -> MainWindow:
    window = MainWindow(context, WindowSettings(tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    window.show()
    return window


def test_the_dialog_opens_filled_in_with_the_organisation_and_its_targets(
    qtbot: QtBot, sample_context: AppContext, tmp_path: Path
) -> None:
    window = _window(qtbot, sample_context, tmp_path)
    window.findChild(QAction, "organisationAction").trigger()
    dialog = window.findChild(OrganisationDialog, "organisationDialog")
    assert dialog is not None
    assert dialog.name_edit.text() == "Contoso Cloud Ltd"
    assert dialog.mpn_edit.text() == "4123456"
    assert dialog.market_combo.currentData() is Market.DEVELOPED
    assert dialog.targets() == records.get_targets(sample_context.db)
    assert dialog.targets()["cloud-platform"] is Level.GOLD
    assert not dialog.sample_button.isVisible()
    assert dialog.create_button.isEnabled()
    assert dialog.targets_message.text() == ""


def test_saving_changes_details_and_targets_at_once_and_undo_puts_both_back(
    qtbot: QtBot, sample_context: AppContext, tmp_path: Path
) -> None:
    context = sample_context
    window = _window(qtbot, context, tmp_path)
    before = records.get_organization(context.db)
    targets_before = records.get_targets(context.db)
    dialog = window.edit_organisation()
    assert isinstance(dialog, OrganisationDialog)
    dialog.name_edit.setText("Contoso Cloud Europe")
    dialog.market_combo.setCurrentIndex(dialog.market_combo.findData(Market.DEVELOPING))
    dialog.target_combos["cloud-platform"].setCurrentIndex(1)  # silver instead of gold
    dialog.target_combos["cloud-crm"].setCurrentIndex(2)  # a new gold target
    with qtbot.waitSignal(window.progress_source.progressChanged) as shown:
        dialog.accept()
    saved = records.get_organization(context.db)
    assert saved is not None and saved["name"] == "Contoso Cloud Europe"
    assert saved["market"] is Market.DEVELOPING
    assert records.get_targets(context.db)["cloud-crm"] is Level.GOLD
    assert records.get_targets(context.db)["cloud-platform"] is Level.SILVER
    progress = shown.args[0]
    assert progress.organization.name == "Contoso Cloud Europe"
    assert progress.competency("cloud-crm").target is Level.GOLD
    assert context.undo_stack.undoText() == "Change organisation and targets"
    context.undo_stack.undo()
    # The fields as they were, and the version with them: the row is as it was.
    assert records.get_organization(context.db) == before
    assert records.get_targets(context.db) == targets_before
    context.undo_stack.redo()
    assert records.get_targets(context.db)["cloud-crm"] is Level.GOLD


def test_a_wrong_mpn_id_keeps_save_disabled_and_changes_nothing(
    qtbot: QtBot, sample_context: AppContext, tmp_path: Path
) -> None:
    window = _window(qtbot, sample_context, tmp_path)
    before = records.get_organization(sample_context.db)
    dialog = window.edit_organisation()
    assert isinstance(dialog, OrganisationDialog)
    dialog.mpn_edit.clear()
    qtbot.keyClicks(dialog.mpn_edit, "41-23")
    assert not dialog.create_button.isEnabled()
    assert "digits" in dialog.mpn_message.text()
    dialog.accept()
    assert dialog.isVisible()
    assert records.get_organization(sample_context.db) == before
    assert not sample_context.undo_stack.canUndo()


def test_designations_aimed_for_are_saved_with_the_rest_and_undone_with_it(
    qtbot: QtBot, sample_context: AppContext, tmp_path: Path
) -> None:
    context = sample_context
    window = _window(qtbot, context, tmp_path)
    dialog = window.edit_organisation()
    assert isinstance(dialog, OrganisationDialog)
    assert dialog.designations() == ()  # none yet: the competencies carry over
    dialog.designation_checks["security"].setChecked(True)
    dialog.designation_checks["data-ai-azure"].setChecked(True)
    dialog.accept()
    assert records.get_designation_targets(context.db) == ("data-ai-azure", "security")
    context.undo_stack.undo()
    assert records.get_designation_targets(context.db) == ()
    context.undo_stack.redo()
    assert records.get_designation_targets(context.db) == ("data-ai-azure", "security")
    again = window.edit_organisation()
    assert isinstance(again, OrganisationDialog)
    assert again.designations() == ("data-ai-azure", "security")
    again.reject()


def test_an_organisation_without_an_anniversary_can_still_be_saved(
    qtbot: QtBot, context: AppContext
) -> None:
    # The welcome requires the anniversary; one loaded without it is not locked out of edits.
    records.set_organization_and_targets(
        context.db, {"name": "Fabrikam Partners", "mpn_id": "7654321"}, {"cloud-platform": "gold"}
    )
    dialog = OrganisationDialog(context)
    qtbot.addWidget(dialog)
    assert dialog.anniversary_edit.text() == ""
    assert dialog.create_button.isEnabled()


def test_the_designations_read_as_written_not_as_mnemonics(
    qtbot: QtBot, sample_context: AppContext, tmp_path: Path
) -> None:
    window = _window(qtbot, sample_context, tmp_path)
    dialog = window.edit_organisation()
    assert isinstance(dialog, OrganisationDialog)
    # Qt shows "&&" as one "&": the text as the user reads it is "Data & AI (Azure)".
    assert dialog.designation_checks["data-ai-azure"].text() == "Data && AI (Azure)"
    dialog.reject()
