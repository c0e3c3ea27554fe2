"""Step 4, the fee: anniversary, membership year, what is due at the renewal, and payments."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QPushButton, QWidget

from mpn_desktop.domain import wording
from mpn_desktop.domain.enums import Level, StepKind
from mpn_desktop.lazy_modules import LazyModule
from mpn_desktop.store import records_sqlite
from mpn_desktop.store.changes import Change, RecordKind
from mpn_desktop.ui import locale_text
from mpn_desktop.ui.context import AppContext
from mpn_desktop.ui.editors.record_form import RecordForm
from mpn_desktop.ui.fee_text import renewal_text, this_year_text
from mpn_desktop.ui.flow_layout import FlowLayout
from mpn_desktop.ui.models.fields import Field, FieldKind
from mpn_desktop.ui.tabs.record_section import RecordSection
from mpn_desktop.ui.tabs.step_tab import StepTab
from mpn_desktop.ui.tabs.summary import designation_summary_html
from mpn_desktop.ui.tabs.table_room import table_height
from mpn_desktop.ui.undo_commands import OrganisationCommand
from mpn_desktop.ui.write_ahead import prepare_to_write

if TYPE_CHECKING:
    from mpn_desktop.domain import fee
    from mpn_desktop.domain.progress import FeeStatus, Progress
    from mpn_desktop.domain.requirement_tree import RequirementTree
    from mpn_desktop.store import records
else:
    records = LazyModule("mpn_desktop.store.records")  # SQLAlchemy's ORM: after the first paint
    fee = LazyModule("mpn_desktop.domain.fee")


class FeeTab(StepTab):
    """The membership year's fee at a glance, and the payments made, year by year."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("feeTab")
        self._designation_fee: FeeStatus | None = None
        """The designation fee of the day's catalogue (None: a day of the competencies)."""
        self.show_summary(False)  # the membership box says it all
        self.box = box = QGroupBox(self.tr("Membership"), self)
        form = QFormLayout(box)
        # Under the box's title already: the style's 9 points above and below the rows are
        # what the payments table needed on a short window (1024×700 at 150% scaling).
        margins = form.contentsMargins()
        form.setContentsMargins(margins.left(), 3, margins.right(), 3)
        self.anniversary = _OneLineFirstLabel(self)
        self.anniversary.setObjectName("anniversaryValue")
        self.year = self._value_label("membershipYearValue")
        self.this_year = self._value_label("thisYearFeeValue")
        self.renewal = self._value_label("renewalValue")
        # "Change…" beside the day it changes: "Jubiläumsdatum ändern…" there made the German
        # tab wider than 1024×700 at 150% scaling has room for. The tooltip says it whole.
        self.change_anniversary = QPushButton(self.tr("Change…"), box)
        self.change_anniversary.setToolTip(self.tr("Change anniversary…"))
        self.change_anniversary.setAccessibleName(self.tr("Change the anniversary"))
        self.change_anniversary.clicked.connect(self.edit_anniversary)
        # The button goes under the day where the two do not fit side by side (the day
        # wrapped in two lines beside it was cut at the top).
        anniversary_row = FlowLayout()
        anniversary_row.addWidget(self.anniversary)
        anniversary_row.addWidget(self.change_anniversary)
        form.addRow(self.tr("Anniversary:"), anniversary_row)
        form.addRow(self.tr("Membership year:"), self.year)
        form.addRow(self.tr("Fee this year:"), self.this_year)
        form.addRow(self.tr("Next renewal:"), self.renewal)
        self.body.addWidget(box)

        self.payments = self.add_section(
            RecordSection(
                context,
                RecordKind.FEE_PAYMENT,
                self.tr("Payments"),
                (
                    Field("membership_year_start", self.tr("Membership year from")),
                    Field("level", self.tr("Level")),
                    Field("amount_usd", self.tr("Amount")),
                    Field("paid_on", self.tr("Paid on")),
                ),
                describe=lambda record: _year_text(record.get("membership_year_start")),
                object_name="paymentsSection",
                add_text=self.tr("Add payment…"),
                new_values=self._new_payment,
                parent=self,
            )
        )
        # Added as a plain widget, the payments' full height counted as their minimum: on
        # a short window they were laid over the box's last lines (see add_giving_way).
        self.add_giving_way(self.payments, 1)
        # Never so short that fewer than two payments show.
        self.payments.view.setMinimumHeight(table_height(self.payments.view, 2))
        self.chain_focus(self.search, self.change_anniversary, self.payments)
        self.load_first()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """The membership box keeps the height its wrapped lines need at this width; on a
        short window (1024×700 at 150% scaling) the payments table gives way instead."""
        self._fit_box(event.size().width())
        super().resizeEvent(event)

    def _fit_box(self, tab_width: int) -> None:
        margins = self.body.contentsMargins()
        width = tab_width - margins.left() - margins.right()
        self.box.setMinimumHeight(max(self.box.heightForWidth(width), 0))

    def _value_label(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setWordWrap(True)
        return label

    def kinds_shown(self) -> set[RecordKind]:
        return {RecordKind.FEE_PAYMENT, RecordKind.ORGANIZATION}

    def records_changed(self, change: Change) -> None:
        if not change.touches(RecordKind.ORGANIZATION):
            return
        organization = records_sqlite.get_organization(self.context.db)
        anniversary = organization.get("anniversary") if organization else None
        self._anniversary: date | None = anniversary
        self.anniversary.setText(
            self.tr("{day} {month} ({date})").format(
                day=anniversary.day,
                month=wording.month_name(anniversary.month),
                date=locale_text.day(anniversary),
            )
            if isinstance(anniversary, date)
            else self.tr("not entered yet")
        )
        self.change_anniversary.setEnabled(organization is not None)

    def set_progress(self, progress: Progress) -> None:
        super().set_progress(progress)
        fee = progress.fee
        year = fee.current_year
        if year is None:
            self.year.setText(self.tr("Enter the anniversary to see the membership year."))
            self.this_year.setText("")
            self.renewal.setText("")
            return
        self.year.setText(
            self.tr("{start} to {end}").format(
                start=locale_text.day(year.start), end=locale_text.day(year.end)
            )
        )
        self.this_year.setText(this_year_text(fee)[0])
        self.renewal.setText(renewal_text(fee)[0])
        # Longer lines on a tab in view (no resize follows) need the room too.
        self._fit_box(self.width())

    def set_designations(self, tree: RequirementTree | None) -> None:
        """On a day of the Solutions Partner designations: the one yearly fee of the catalogue
        in force in the summary, and the renewal at that fee (None: the competencies' lines,
        which ``set_progress`` wrote, stay)."""
        super().set_designations(tree)
        self._designation_fee = tree.fee if tree is not None else None
        if tree is not None:
            # The tab has no step of its own (the membership box says the competencies'
            # fee): the designation fee's sentence, from the catalogue in force.
            self.summary_area.set_text(designation_summary_html(tree, StepKind.FEE, self.palette()))
        self.show_summary(tree is not None)
        # A payment's level is its own record (silver or gold); the designations have no
        # level, so the column says it is what was recorded, not a level due.
        if tree is not None:
            self._name_level_column(
                self.tr("Level recorded"),
                self.tr(
                    "The competency level (silver or gold) the payment was recorded at. "
                    "The Solutions Partner fee has no level: one fee however many designations."
                ),
            )
        else:
            self._name_level_column(self.tr("Level"))
        fee = self._designation_fee
        due = fee.due_on if fee is not None else None
        if fee is None or due is None:
            return
        amount = (
            wording.money(fee.amount_usd, figures=locale_text.figures())
            if fee.amount_usd is not None
            else self.tr("amount not known")
        )
        state = self.tr("paid") if fee.paid else self.tr("not paid yet")
        year = self.progress.fee.current_year if self.progress is not None else None
        if year is not None:
            # What was paid for this year; the competencies' "still owed" does not apply.
            paid = wording.money(year.amount_paid_usd, figures=locale_text.figures())
            self.this_year.setText(
                self.tr("{paid} paid for this membership year").format(paid=paid)
                if year.amount_paid_usd
                else self.tr("nothing paid for this membership year")
            )
        self.renewal.setText(
            self.tr("{day}: {amount}, one fee however many designations: {state}").format(
                day=locale_text.day(due), amount=amount, state=state
            )
        )
        self._fit_box(self.width())

    def _name_level_column(self, label: str, help_text: str = "") -> None:
        """Names the payments' level column; it grows to show its whole header (the user's
        width stays where it is wide enough)."""
        self.payments.model.relabel("level", label, help_text)
        column = self.payments.model.column_of("level")
        header = self.payments.view.horizontalHeader()
        needed = header.sectionSizeHint(column)
        if header.sectionSize(column) < needed:
            header.resizeSection(column, needed)

    def add_missing(self, _competency_id: str, _level: Level) -> None:
        """Add payment, filled with this year's fee still owed at the level aimed at."""
        self.payments.add_record()

    def _new_payment(self) -> Mapping[str, Any]:
        """Today's date and what the fee rule offers (``fee.payment_offer``: this year's fee
        still owed, or on a designation day the next renewal at the designation fee)."""
        offer = fee.payment_offer(
            self.progress.fee if self.progress is not None else None, self._designation_fee
        )
        values: dict[str, Any] = {"paid_on": self.context.as_of}
        if offer.membership_year_start is not None:
            values["membership_year_start"] = offer.membership_year_start
        if offer.level is not None:
            values["level"] = offer.level
        if offer.amount_usd is not None:
            values["amount_usd"] = offer.amount_usd.quantize(_CENTS)
        return values

    def edit_anniversary(self) -> None:
        """Asks for the anniversary date; the change can be undone."""
        field = Field("anniversary", self.tr("Anniversary"), FieldKind.DATE, required=True)
        prepare_to_write(self.context.db)
        form = RecordForm(
            self.tr("Change anniversary"), (field,), {"anniversary": self._anniversary}, None, self
        )
        if form.exec() != RecordForm.DialogCode.Accepted:
            return
        new = form.values()["anniversary"]
        old = self._anniversary
        if new == old:
            return
        db = self.context.db
        self.context.undo_stack.push(
            OrganisationCommand(
                self.context,
                self.tr("Change anniversary to {day}").format(day=str(new)),
                records.get_organization(db),
                lambda shown, version: records.set_organization(
                    db, {"anniversary": new}, expected=shown, new_version=version
                ),
                lambda shown, version: records.set_organization(
                    db, {"anniversary": old}, expected=shown, new_version=version
                ),
            )
        )


class _OneLineFirstLabel(QLabel):
    """A wrapping label that asks for the width of its text on one line: beside a button in
    a ``FlowLayout`` it stays one line where the two fit (Qt's hint of a wrapping label is
    narrower: "1 December (2022-12-01)" took two lines beside "Change…" with room to spare)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWordWrap(True)

    def sizeHint(self) -> QSize:
        one_line = self.fontMetrics().size(0, self.text())
        margins = self.contentsMargins()
        return QSize(
            one_line.width() + margins.left() + margins.right() + 2 * self.margin(),
            one_line.height() + margins.top() + margins.bottom() + 2 * self.margin(),
        )


_CENTS = Decimal("0.01")  # written as the other amounts are: 3940.00, not 3940


def _year_text(start: object) -> str:
    return f"{start.year}–{start.year + 1}" if isinstance(start, date) else ""
