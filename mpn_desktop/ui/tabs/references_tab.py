"""Step 3, customer references: per competency, each one's status and how long it counts."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from mpn_desktop.domain.dates import add_years
from mpn_desktop.domain.enums import Level, ReferenceStatus, StepKind
from mpn_desktop.lazy_modules import LazyModule
from mpn_desktop.store import records_sqlite
from mpn_desktop.store.changes import Change, RecordKind
from mpn_desktop.ui import locale_text
from mpn_desktop.ui.context import AppContext
from mpn_desktop.ui.editors.field_editors import ChoiceComboBox, ValidatingLineEdit
from mpn_desktop.ui.editors.record_form import RecordForm
from mpn_desktop.ui.models.fields import Field, FieldKind
from mpn_desktop.ui.models.record_table import (
    MUTED_BACKGROUND,
    WARNING_BACKGROUND,
    Record,
    RowStyle,
)
from mpn_desktop.ui.tabs.add_first import add_customer, offer_to_add_first
from mpn_desktop.ui.tabs.catalog_lists import competency_choices, reference_years
from mpn_desktop.ui.tabs.record_section import RecordSection
from mpn_desktop.ui.tabs.step_tab import StepTab

if TYPE_CHECKING:
    from mpn_desktop.domain import competency_tree, evidence
    from mpn_desktop.domain.evidence import Candidate
    from mpn_desktop.domain.progress import Progress
    from mpn_desktop.store import records
else:
    records = LazyModule("mpn_desktop.store.records")  # SQLAlchemy's ORM: after the first paint
    competency_tree = LazyModule("mpn_desktop.domain.competency_tree", after_paint=True)
    evidence = LazyModule("mpn_desktop.domain.evidence")


def customers_to_ask(progress: Progress, competency_id: str, level: Level) -> tuple[Candidate, ...]:
    """Who could give the references a competency's level misses, best first (the tree's data)."""
    competency = competency_tree.requirement_tree(progress).requirement(competency_id)
    level_node = competency.child(level.value) if competency is not None else None
    step = level_node.child(StepKind.REFERENCES.value) if level_node is not None else None
    return tuple(step.candidates) if step is not None else ()


def valid_until_by_reference(progress: Progress) -> dict[tuple[str, str], date]:
    """(competency id, customer name) -> the last day the reference counts, from the evidence."""
    found: dict[tuple[str, str], date] = {}
    for competency in competency_tree.requirement_tree(progress).requirements:
        for level in competency.children:
            step = level.child(StepKind.REFERENCES.value)
            if step is None:
                continue
            for evidence in step.evidence:
                if evidence.until is not None and evidence.customer is not None:
                    found[(competency.id, evidence.customer)] = evidence.until
    return found


class ReferencesTab(StepTab):
    """Every customer reference, narrowed to one competency when chosen."""

    step = StepKind.REFERENCES

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("referencesTab")
        self._customer_names: dict[int, str] = {}
        self._valid_until: dict[tuple[str, str], date] = {}
        # The customer a "Still missing" item suggests asking, while its form is open.
        self._suggested: tuple[int, Candidate] | None = None
        self.references = self.add_section(
            RecordSection(
                context,
                RecordKind.REFERENCE,
                self.tr("Customer references"),
                (
                    Field(
                        "competency",
                        self.tr("Competency"),
                        FieldKind.CHOICE,
                        choices=self._competency_choices,
                    ),
                    Field(
                        "customer_id",
                        self.tr("Customer"),
                        choices=self._customer_choices,
                        label_of=self._customer_label,
                    ),
                    Field("status", self.tr("Status")),
                    # What matters most first: where it stands and how long it counts.
                    Field(
                        "valid_until",
                        self.tr("Counts until"),
                        FieldKind.DATE,
                        compute=self._valid_until_of,
                        label_of=self._expired_text,
                    ),
                    Field("submitted_on", self.tr("Submitted on")),
                    Field("approved_on", self.tr("Approved on")),
                    Field("contact", self.tr("Contact")),
                ),
                describe=lambda record: self._customer_names.get(record.get("customer_id", -1), ""),
                object_name="referencesSection",
                add_text=self.tr("Add reference…"),
                new_values=self._new_reference,
                expand_edit=self._expand_status_edit,
                form_hook=self._link_status_to_dates,
                parent=self,
            )
        )
        self.references.model.set_row_styler(self._reference_style)
        self.references.follows_progress = True  # "Counts until" and the expiry warning

        self.competency_filter = QComboBox(self)
        self.competency_filter.setObjectName("competencyFilter")
        self.competency_filter.setAccessibleName(self.tr("Show references for"))
        self.competency_filter.addItem(self.tr("All competencies"), None)
        for competency_id, name in self._competency_choices():
            self.competency_filter.addItem(name, competency_id)
        self.competency_filter.currentIndexChanged.connect(self._competency_chosen)
        row = QHBoxLayout()
        label = QLabel(self.tr("&Competency:"), self)
        label.setBuddy(self.competency_filter)
        row.addWidget(label)
        row.addWidget(self.competency_filter)
        row.addStretch(1)
        self.body.addLayout(row)
        self.body.addWidget(self.references, 1)
        self.chain_focus(self.search, self.competency_filter, self.references)
        self.load_first()

    def kinds_shown(self) -> set[RecordKind]:
        return {RecordKind.REFERENCE, RecordKind.CUSTOMER}

    def records_changed(self, change: Change) -> None:
        if change.touches(RecordKind.CUSTOMER):
            self._customer_names = {
                record["id"]: record["name"]
                for record in records_sqlite.list_records(self.context.db, RecordKind.CUSTOMER)
            }
            self.references.model.refresh_decorations()

    def set_progress(self, progress: Progress) -> None:
        self._valid_until = valid_until_by_reference(progress)
        super().set_progress(progress)

    def _competency_choices(self) -> list[tuple[object, str]]:
        return competency_choices(self.context.catalog)

    def _customer_label(self, customer_id: object) -> str | None:
        return self._customer_names.get(customer_id) if isinstance(customer_id, int) else None

    def _customer_choices(self) -> list[tuple[object, str]]:
        return sorted(self._customer_names.items(), key=lambda item: item[1].casefold())

    def _competency_chosen(self) -> None:
        competency = self.competency_filter.currentData()
        self.references.proxy.set_fixed_filter(
            None if competency is None else "competency", competency
        )

    def _new_reference(self) -> Mapping[str, Any] | None:
        if not self._customer_names:
            if not offer_to_add_first(
                self,
                self.tr(
                    "There are no customers yet, and a reference is a customer's. Add the "
                    "customer first? (Its subscriptions go on the Sales performance tab.)"
                ),
                self.tr("Add &customer…"),
            ) or not add_customer(self.context, self):
                return None
            if not self._customer_names:
                return None
        competency = self.competency_filter.currentData()
        values: dict[str, Any] = {"status": ReferenceStatus.DRAFT}
        if competency is not None:
            values["competency"] = competency
        if self._suggested is not None:
            values["customer_id"] = self._suggested[0]
        return values

    def add_missing(self, competency_id: str, level: Level) -> None:
        """Add reference for the competency that misses one: its competency filled in, and
        the customer to ask where the evaluation names one (a reference expired, or a
        customer with subscriptions the competency counts and no reference)."""
        found = self.competency_filter.findData(competency_id)
        if found >= 0:
            self.competency_filter.setCurrentIndex(found)
        self._suggested = self._customer_to_ask(competency_id, level)
        try:
            self.references.add_record()
        finally:
            self._suggested = None

    def _customer_to_ask(self, competency_id: str, level: Level) -> tuple[int, Candidate] | None:
        """The first customer the evaluation suggests that is in the customer list, by id."""
        if self.progress is None:
            return None
        ids = {name: customer_id for customer_id, name in self._customer_names.items()}
        for candidate in customers_to_ask(self.progress, competency_id, level):
            customer_id = ids.get(candidate.customer)
            if customer_id is not None:
                return customer_id, candidate
        return None

    def _suggestion_text(self, candidate: Candidate) -> str:
        """Why the form names this customer (a line above its fields)."""
        if candidate.reason is evidence.CandidateReason.EXPIRED and candidate.until is not None:
            return self.tr(
                "Suggested: {customer}, whose reference expired on {day}. Change the "
                "customer if another one is better to ask."
            ).format(customer=candidate.customer, day=locale_text.day(candidate.until))
        if candidate.reason is evidence.CandidateReason.EXPIRING and candidate.until is not None:
            return self.tr(
                "Suggested: {customer}, whose reference stops counting after {day}. Change the "
                "customer if another one is better to ask."
            ).format(customer=candidate.customer, day=locale_text.day(candidate.until))
        return self.tr(
            "Suggested: {customer}, which has subscriptions this competency counts and no "
            "reference for it yet. Change the customer if another one is better to ask."
        ).format(customer=candidate.customer)

    def _valid_until_of(self, record: Record) -> date | None:
        """The last day an approved reference counts; for one that stopped, the day it did."""
        status = record.get("status")
        if not isinstance(status, ReferenceStatus) or not status.counts:
            return None
        customer = self._customer_names.get(record.get("customer_id", -1), "")
        competency = str(record.get("competency", ""))
        found = self._valid_until.get((competency, customer))
        if found is not None:
            return found
        # Not among what counts: expired (or its competency has no references rule).
        approved = record.get("approved_on")
        years = reference_years(self.context.catalog, competency)
        if not isinstance(approved, date) or years is None:
            return None
        return add_years(approved, years) - timedelta(days=1)

    def _expired_text(self, day: object) -> str | None:
        """ "expired on 2018-05-19" for a last day before the as-of day (else the day alone)."""
        if isinstance(day, date) and day < self.context.as_of:
            return self.tr("expired on {day}").format(day=locale_text.day(day))
        return None

    def _status_dates(self, status: object) -> dict[str, date]:
        """The date a status is reached on, as the as-of day: submitted, or approved."""
        if status is ReferenceStatus.SUBMITTED:
            return {"submitted_on": self.context.as_of}
        if isinstance(status, ReferenceStatus) and status.counts:
            return {"approved_on": self.context.as_of}
        return {}

    def _expand_status_edit(self, record: Record, field: Field, value: object) -> dict[str, object]:
        """A status moved on in the table also dates it, when that date is still empty.

        An approved reference counts for the catalogue's ``valid_years`` from its
        approval day; without that day it does not count at all, which the user
        had no way to tell.
        """
        values: dict[str, object] = {field.key: value}
        if field.key == "status":
            for key, day in self._status_dates(value).items():
                if record.get(key) is None:
                    values[key] = day
        return values

    def _link_status_to_dates(self, form: RecordForm) -> None:
        """In the form, choosing Submitted or Approved fills its empty date with the as-of day."""
        status = form.editor("status")
        filled = {"submitted_on": "", "approved_on": ""}

        def fill() -> None:
            if not isinstance(status, ChoiceComboBox):
                return
            wanted = self._status_dates(status.currentData())
            for key, before in list(filled.items()):
                editor = form.editor(key)
                if not isinstance(editor, ValidatingLineEdit):
                    continue
                text = editor.text().strip()
                if key in wanted and not text:
                    editor.set_value(wanted[key])
                    filled[key] = editor.text()
                elif key not in wanted and text and text == before:
                    # Filled by a status chosen before: it goes with that status.
                    editor.clear()
                    filled[key] = ""

        status.edited.connect(fill)
        fill()
        form.add_rule(self._approved_after_submitted)
        if self._suggested is not None:
            form.add_note(self._suggestion_text(self._suggested[1]), "suggestedCustomer")

    def _approved_after_submitted(self, form: RecordForm) -> dict[str, str]:
        """The store's rule, said while typing: a reference is not approved before it is sent."""
        values = form.readable_values()
        submitted, approved = values.get("submitted_on"), values.get("approved_on")
        if isinstance(submitted, date) and isinstance(approved, date) and approved < submitted:
            return {
                "approved_on": self.tr(
                    "Approved on: {approved} is before the day it was submitted ({submitted})."
                ).format(approved=locale_text.day(approved), submitted=locale_text.day(submitted))
            }
        return {}

    def _reference_style(self, record: Record) -> RowStyle | None:
        status = record.get("status")
        if status is ReferenceStatus.DECLINED:
            return RowStyle(background=MUTED_BACKGROUND, italic=True)
        if isinstance(status, ReferenceStatus) and status.counts and not record.get("approved_on"):
            years = reference_years(self.context.catalog, str(record.get("competency", "")))
            if years is None:
                how_long = self.tr("a reference counts from that day.")
            elif years == 1:
                how_long = self.tr("a reference counts for one year from that day.")
            else:
                how_long = self.tr("a reference counts for {years} years from that day.").format(
                    years=years
                )
            return RowStyle(
                background=WARNING_BACKGROUND,
                tooltip=self.tr("Does not count yet: enter the day it was approved (Approved on); ")
                + how_long,
            )
        until = self._valid_until_of(record)
        designations = self.context.scores_designations()
        if until is not None and until < self.context.as_of:
            expired = (
                # References count toward no designation: nothing to ask a customer for.
                self.tr("Expired on {day}: it no longer counts for its competency.")
                if designations
                else self.tr(
                    "Expired on {day}: it no longer counts. Ask this customer (or another) "
                    "for a new reference."
                )
            )
            return RowStyle(
                background=MUTED_BACKGROUND,
                italic=True,
                tooltip=expired.format(day=locale_text.day(until)),
            )
        if designations:
            # Nor anything to renew before an anniversary.
            return None
        fee = self.progress.fee if self.progress is not None else None
        year = fee.current_year if fee is not None else None
        if until is not None and year is not None and until <= year.end:
            return RowStyle(
                background=WARNING_BACKGROUND,
                tooltip=self.tr(
                    "Stops counting on {day}, before the next anniversary: "
                    "ask this customer (or another) for a new reference."
                ).format(day=locale_text.day(until)),
            )
        return None
