"""Edit ▸ Organisation and targets: the welcome's form filled in, saved as one undoable change."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QDialog,
    QWidget,
)

from mpn_desktop.domain.enums import Level, Market
from mpn_desktop.lazy_modules import LazyModule
from mpn_desktop.store import records_sqlite
from mpn_desktop.ui.context import AppContext
from mpn_desktop.ui.qt_dates import qdate
from mpn_desktop.ui.undo_commands import OrganisationCommand
from mpn_desktop.ui.welcome_dialog import WelcomeDialog
from mpn_desktop.ui.write_ahead import prepare_to_write

if TYPE_CHECKING:
    from mpn_desktop.store import records
else:
    records = LazyModule("mpn_desktop.store.records")  # SQLAlchemy's ORM: when saving

_FIELDS = ("name", "mpn_id", "market", "anniversary")


class OrganisationDialog(WelcomeDialog):
    """Changes the organisation's name, MPN ID, market, anniversary and targets.

    The same fields and checks as the first-run welcome; saving pushes one
    command on the undo stack, which puts the previous details and targets
    back in one transaction.
    """

    anniversary_required = False  # an organisation loaded without one can still be saved

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("organisationDialog")
        self.setWindowTitle(self.tr("Organisation and targets"))
        self.intro.setText(
            self.tr(
                "Your organisation and what it aims for: cloud competencies (2017-2018) and "
                "Solutions Partner designations (from October 2022). Everything shown follows "
                "what you save here; Edit ▸ Undo takes a change back."
            )
        )
        self.sample_button.hide()
        self.create_button.setText(self.tr("&Save"))
        self.create_button.setObjectName("saveOrganisationButton")
        # As shown: saving is refused if it was changed elsewhere meanwhile.
        self._shown = records_sqlite.get_organization(context.db)
        self._old_values = self._current_values()
        self._old_targets = records_sqlite.get_targets(context.db)
        self._old_designations = records_sqlite.get_designation_targets(context.db)
        prepare_to_write(context.db)
        self._fill(self._old_values, self._old_targets)
        for designation_id, check in self.designation_checks.items():
            check.setChecked(designation_id in self._old_designations)
        self._targets_touched = False  # filled in, not chosen by the user
        self._revalidate()

    def _current_values(self) -> dict[str, Any]:
        found = self._shown or {}
        return {name: found.get(name) for name in _FIELDS}

    def _fill(self, values: dict[str, Any], targets: dict[str, Level]) -> None:
        self.name_edit.setText(str(values.get("name") or ""))
        self.mpn_edit.setText(str(values.get("mpn_id") or ""))
        market = values.get("market")
        if isinstance(market, Market):
            self.market_combo.setCurrentIndex(self.market_combo.findData(market))
        anniversary = values.get("anniversary")
        if isinstance(anniversary, date):
            self.anniversary_edit.setDate(qdate(anniversary))
        for competency_id, combo in self.target_combos.items():
            level = targets.get(competency_id)
            combo.setCurrentIndex(combo.findData(level) if level is not None else 0)
        # Filling in is not the user choosing: the targets line stays a hint.
        self._targets_touched = False

    def accept(self) -> None:
        """Saves the details and targets as one undoable change; stays open if refused."""
        if not self.create_button.isEnabled():
            return
        values = self.organisation_values()
        targets = self.targets()
        designations = self.designations()
        if (values, targets, designations) == (
            self._old_values,
            self._old_targets,
            self._old_designations,
        ):
            QDialog.accept(self)
            return
        db = self._context.db
        old_values = {name: value for name, value in self._old_values.items() if value is not None}
        old_targets = dict(self._old_targets)
        old_designations = self._old_designations
        command = OrganisationCommand(
            self._context,
            self.tr("Change organisation and targets"),
            self._shown,
            lambda shown, version: records.set_organization_and_targets(
                db, values, targets, expected=shown, new_version=version, designations=designations
            ),
            lambda shown, version: records.set_organization_and_targets(
                db,
                old_values,
                old_targets,
                expected=shown,
                new_version=version,
                designations=old_designations,
            ),
        )
        self._context.undo_stack.push(command)
        if command.done:
            QDialog.accept(self)
