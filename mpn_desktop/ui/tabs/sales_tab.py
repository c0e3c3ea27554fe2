"""Step 1, sales performance: customers, their subscriptions and each one's monthly usage."""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSplitter, QStyle, QTabWidget, QWidget

from mpn_desktop.domain.dates import Month
from mpn_desktop.domain.enums import StepKind
from mpn_desktop.domain.missing_lead import Lead, LeadKind
from mpn_desktop.store.changes import Change, RecordKind
from mpn_desktop.ui import locale_text
from mpn_desktop.ui.context import AppContext
from mpn_desktop.ui.editors.record_form import RecordForm
from mpn_desktop.ui.lead_links import SELECTABLE_LINKS
from mpn_desktop.ui.models.fields import Field
from mpn_desktop.ui.models.record_table import MUTED_BACKGROUND, Record, RowStyle
from mpn_desktop.ui.tabs.add_first import offer_to_add_first
from mpn_desktop.ui.tabs.record_section import RecordSection
from mpn_desktop.ui.tabs.step_tab import StepTab
from mpn_desktop.ui.tabs.usage_grid_section import UsageGridSection

if TYPE_CHECKING:
    from mpn_desktop.domain.facts import Facts
    from mpn_desktop.domain.progress import Progress
    from mpn_desktop.domain.requirement_tree import RequirementTree


CUSTOMERS_SHARE_MOST = 0.4
"""The most of the Sales page the customers' pane takes at first: the sample's names
("Contoso Pharmaceuticals") and German "Mandanten-ID" in full at 1024x700 (37 %); the
large organisation's "Customer 0001" need 24-29 %, the subscriptions' columns the rest."""

CUSTOMERS_SHARE_NARROW = 0.3
"""The most where the rest would not hold the subscriptions' buttons on one line."""


class _ResizedSplitter(QSplitter):
    """A splitter that calls ``resized`` with itself after each change of its size (its parts
    shared)."""

    def __init__(
        self,
        orientation: Qt.Orientation,
        parent: QWidget,
        resized: Callable[[QSplitter], None],
    ) -> None:
        super().__init__(orientation, parent)
        self._resized = resized

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._resized(self)


class SalesTab(StepTab):
    """Customers (left), the chosen customer's subscriptions and a subscription's usage (right)."""

    step = StepKind.PERFORMANCE

    importSalesRequested = Signal()
    """The note of what counts asked for the sales-data import."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("salesTab")
        self._customer_names: dict[int, str] = {}
        self._subscription_names: dict[int, str] = {}
        self._lead: Lead | None = None
        """The designation's missing item the next Add customer or subscription is for."""

        self.customers = self.add_section(
            RecordSection(
                context,
                RecordKind.CUSTOMER,
                self.tr("Customers"),
                (
                    Field("name", self.tr("Customer")),
                    Field(
                        "tenant_id",
                        self.tr("Tenant ID"),
                        placeholder=self.tr("optional"),
                        help=self.tr(
                            "The customer's Microsoft tenant: its ID (a GUID) or its "
                            "domain (contoso.onmicrosoft.com), as Partner Center's customer "
                            "list and the reconciliation files show it. Optional: it tells "
                            "two customers of the same name apart."
                        ),
                    ),
                ),
                describe=lambda record: str(record.get("name", "")),
                object_name="customersSection",
                add_text=self.tr("Add customer…"),
                form_hook=self._say_what_counts,
                parent=self,
            )
        )
        self.subscriptions = self.add_section(
            RecordSection(
                context,
                RecordKind.SUBSCRIPTION,
                self.tr("Subscriptions"),
                (
                    Field(
                        "external_id",
                        self.tr("Subscription"),
                        placeholder="sub-1",
                        help=self.tr(
                            "The subscription's ID as Microsoft shows it (the Azure portal, "
                            "Partner Center, the reconciliation file's SubscriptionId), or any "
                            "name you give it: it only has to be unique here."
                        ),
                    ),
                    Field(
                        "customer_id",
                        self.tr("Customer"),
                        choices=self._customer_choices,
                        label_of=self._customer_label,
                    ),
                    Field("workload", self.tr("Workload")),
                    Field(
                        "association",
                        self.tr("Association"),
                        help=self.tr(
                            "How the customer linked the subscription to you. DPOR (Digital "
                            "Partner of Record): the customer names you in the Azure portal or "
                            "Office 365 admin centre, one partner per subscription. Delegated "
                            "admin: the customer made you its administrator. Transacting: you "
                            "sell it (CSP). FastTrack: you are its FastTrack partner. CPOR "
                            "(Claiming Partner of Record): you filed a claim for it in Partner "
                            "Center. Partner Admin Link: your partner ID is linked to the "
                            "credentials you manage its Azure resources with. Each competency "
                            "and designation accepts some of these only (Help ▸ Requirements)."
                        ),
                    ),
                    Field(
                        "associated_on",
                        self.tr("Associated on"),
                        help=self.tr(
                            "The day the association was made. Usage counts from that day "
                            "on, never before it."
                        ),
                    ),
                    Field(
                        "started_on",
                        self.tr("Started on"),
                        help=self.tr(
                            "The day the customer's subscription began. A customer whose "
                            "first subscription of a workload began in the last 12 months is "
                            "a new customer for the 2017-2018 competencies that count them "
                            "(the designations count customers by their monthly usage)."
                        ),
                    ),
                    Field("ended_on", self.tr("Ended on")),
                    Field("trial", self.tr("Trial")),
                ),
                describe=lambda record: str(record.get("external_id", "")),
                object_name="subscriptionsSection",
                add_text=self.tr("Add subscription…"),
                new_values=self._new_subscription,
                form_hook=self._subscription_form,
                parent=self,
            )
        )
        self.usage = self.add_section(
            RecordSection(
                context,
                RecordKind.USAGE,
                self.tr("Monthly usage"),
                (
                    Field("month", self.tr("Month")),
                    Field("consumption_usd", self.tr("Consumption")),
                    Field("revenue_usd", self.tr("Revenue")),
                    Field("active_users", self.tr("Active users")),
                    # Whose usage a row is, once rows of several subscriptions are shown
                    # (every subscription's, or an import's).
                    Field(
                        "subscription",
                        self.tr("Subscription"),
                        compute=self._subscription_of,
                    ),
                    Field(
                        "service",
                        self.tr("Service"),
                        placeholder=self.tr("all services"),
                        help=self.tr(
                            "The Azure service or the product the figures are for (a "
                            "reconciliation file's ServiceName, e.g. Storage, or Teams), "
                            "when a month is split by service. Empty: the subscription's "
                            "total for the month. The Solutions Partner designations count "
                            "distinct Azure services and judge a workload's seats on its own."
                        ),
                    ),
                    Field(
                        "paid_seats",
                        self.tr("Paid seats"),
                        help=self.tr(
                            "Licences paid for at the end of the month (a license-based "
                            "file's seats). The Solutions Partner designations judge a "
                            "Microsoft 365 tenant by its paid seats and the share of them "
                            "in use."
                        ),
                    ),
                ),
                # Counted by months in the window, as the delete question and the grid say.
                plural=self.tr("months of usage"),
                describe=self._describe_usage,
                object_name="usageSection",
                add_text=self.tr("Add month…"),
                new_values=self._new_usage,
                # The chosen subscription's months read when chosen: not 36,000 at start-up.
                read_by_filter=True,
                parent=self,
            )
        )
        self.subscriptions.model.set_row_styler(self._subscription_style)
        # 36,000 months of a large organisation: read again when shown, not on every paste.
        self.usage.defer_while_hidden = True
        self.usage.proxy.set_fixed_filter("subscription_id", None)
        self._subscription_chosen(None)
        self.customers.selectionChanged.connect(self._customer_chosen)
        self.subscriptions.selectionChanged.connect(self._subscription_chosen)

        self._split_chosen = False
        """The user moved the customers' handle, or the window put back where he left it."""
        self._customers_needs: tuple[int, int, int] | None = None
        """What the customers' pane needs (``_fit_customers_pane``): the width around its
        columns, the names' column, the Tenant ID title; None until their names are read."""
        right = self.add_splitter(QSplitter(Qt.Orientation.Vertical, self), "salesRightSplitter")
        right.addWidget(self.subscriptions)
        right.addWidget(self.usage)
        main = self.add_splitter(
            _ResizedSplitter(Qt.Orientation.Horizontal, self, self._share_split),
            "salesSplitter",
        )
        main.addWidget(self.customers)
        main.addWidget(right)
        main.setStretchFactor(0, 1)
        main.setStretchFactor(1, 3)
        # Three tenths for the customers until their names are read (``_fit_customers_pane``)
        # or the user moves the handle (then it is remembered).
        main.setSizes([300, 700])
        self._split = main
        main.splitterMoved.connect(self._split_moved)
        self.customers.columnsFitted.connect(self._fit_customers_pane)
        # The usage of the window, month by month, above the records it is made of.
        self.usage_grid = UsageGridSection(context, self.subscriptions.model.records, self)
        # Two pages: the records, and the window's usage month by month (chart and
        # grid) they make. On one page at 1024x700 the grid kept two rows.
        self.pages = QTabWidget(self)
        self.pages.setObjectName("salesPages")
        self.pages.setDocumentMode(True)
        self.pages.addTab(main, self.tr("Customers and &subscriptions"))
        self.pages.addTab(self.usage_grid, self.tr("Usage by &month"))
        # What counts for a designation's metric, when its missing item led here.
        self.lead_note = QLabel(self)
        self.lead_note.setObjectName("leadNote")
        self.lead_note.setWordWrap(True)
        self.lead_note.setTextFormat(Qt.TextFormat.RichText)
        self.lead_note.setTextInteractionFlags(SELECTABLE_LINKS)
        self.lead_note.linkActivated.connect(self._lead_note_link)
        self.lead_note.setVisible(False)
        self.body.addWidget(self.lead_note)
        self.pages.currentChanged.connect(lambda _index: self._hide_lead_note_off_the_grid())
        self.body.addWidget(self.pages, 1)
        self.usage.headingLinkActivated.connect(self.show_all_usage)
        self.chain_focus(self.search, self.customers, self.subscriptions, self.usage)
        self.load_first()

    # -- loading --------------------------------------------------------

    def records_changed(self, change: Change) -> None:
        # An import writes usage under a batch, never the organisation (a reload writes all).
        imported = change.touches(RecordKind.IMPORT_BATCH) and not change.touches(
            RecordKind.ORGANIZATION
        )
        if imported and change.touches(RecordKind.USAGE):
            if change.import_batch is not None:
                # After an import (or its redo), what came in is shown: its rows only, not
                # the chosen subscription's (often none: an empty table), nor 36,000 others.
                self.show_imported_usage(change.import_batch, change.import_file)
            else:
                # An import removed: its rows are gone; everyone's usage is what is left.
                self.show_all_usage()
        if change.touches(RecordKind.USAGE):
            self.usage_grid.reload()
        elif change.touches(RecordKind.SUBSCRIPTION):
            self.usage_grid.pivot()
        if change.touches(RecordKind.SUBSCRIPTION):
            self._subscription_names = {
                record["id"]: str(record.get("external_id", ""))
                for record in self.subscriptions.model.records()
            }
            self.usage.model.refresh_decorations()
        if change.touches(RecordKind.CUSTOMER):
            self._customer_names = {
                record["id"]: record["name"] for record in self.customers.model.records()
            }
            self.subscriptions.model.refresh_decorations()

    def set_progress(self, progress: Progress) -> None:
        super().set_progress(progress)
        self.usage_grid.set_progress(progress)

    def save_state(self) -> dict[str, Any]:
        """The step tab's layout and the designation the usage chart shows."""
        return {**super().save_state(), "chartDesignation": self.usage_grid.chosen_designation()}

    def restore_state(self, state: dict[str, Any]) -> None:
        super().restore_state(state)
        splitters = state.get("splitters") if isinstance(state, dict) else None
        if isinstance(splitters, dict) and splitters.get(self._split.objectName()):
            self._split_chosen = True
        chosen = state.get("chartDesignation") if isinstance(state, dict) else None
        if isinstance(chosen, str) and chosen:
            self.usage_grid.choose_designation(chosen)

    def _split_moved(self, _position: int, _index: int) -> None:
        self._split_chosen = True

    def _fit_customers_pane(self) -> None:
        """Measures what the customers' pane needs once their names are read (their columns
        fitted), and gives it that (``_share_split``)."""
        view = self.customers.view
        header = view.horizontalHeader()
        if header.count() < 2:
            return
        # What the pane holds besides its columns: its margins, the table's frame, its bar.
        bar = view.verticalScrollBar()
        around = self.customers.width() - view.viewport().width()
        if not bar.isVisible():
            around += bar.sizeHint().width()  # a few more customers bring it
        # The title's words and the header's margins: its size hint keeps room for a sort
        # arrow on every column, shown on the one the rows are ordered by (the names).
        margin = view.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
        title = header.fontMetrics().horizontalAdvance(
            str(self.customers.model.headerData(1, Qt.Orientation.Horizontal))
        )
        # Their two buttons on one line under them too (wrapped, a line of rows is lost).
        names = max(view.columnWidth(0), self._buttons_in_a_line(self.customers) - around - title)
        self._customers_needs = (around, names, title + 2 * margin + 2)
        self._share_split(self._split)

    def _share_split(self, split: QSplitter) -> None:
        """The customers' pane as wide as their names and the Tenant ID column's title, within
        a fifth and CUSTOMERS_SHARE_MOST of the page, the subscriptions' eight columns taking
        the rest: three tenths cut German "Mandanten-ID" at 1024x700 (in a column fitted to
        its values, behind a scroll bar) and gave the customers more than their names need
        at 1400x900. The tenant IDs fill what is left of the pane, cut with "…" (whole in
        their tooltip). Until the user moves the handle; again at each resize, the window's
        layout coming after the first fit."""
        total = sum(split.sizes())
        if self._split_chosen or self._customers_needs is None or total <= 0:
            return
        around, names, title = self._customers_needs
        most = CUSTOMERS_SHARE_MOST
        if total * (1 - most) < self._buttons_in_a_line(self.subscriptions, self.usage):
            # A narrow page (1024x700 at 150 %): the subscriptions' and the months' buttons
            # keep one line (wrapped, the subscriptions showed two rows), the names as before.
            most = CUSTOMERS_SHARE_NARROW
        pane = max(total // 5, min(around + names + title, int(total * most)))
        if split.sizes()[0] != pane:
            split.setSizes([pane, total - pane])
        view = self.customers.view
        view.setColumnWidth(1, max(pane - around - view.columnWidth(0), title // 2))

    def _buttons_in_a_line(self, *sections: RecordSection) -> int:
        """The width the widest row of buttons of ``sections`` needs on one line."""
        return max(
            section.add_button.sizeHint().width()
            + section.delete_button.sizeHint().width()
            + 2 * self.style().pixelMetric(QStyle.PixelMetric.PM_LayoutHorizontalSpacing)
            for section in sections
        )

    def delete_selected(self) -> None:
        """Edit ▸ Delete: on the usage grid, its selected months are set to 0 (records are
        deleted on their own page, never from behind the grid)."""
        if self.pages.currentWidget() is self.usage_grid:
            self.usage_grid.clear_selected()
        else:
            super().delete_selected()

    def add_record(self) -> None:
        """Edit ▸ Add: on the usage grid, goes to the records to add one where it is seen."""
        if self.pages.currentWidget() is self.usage_grid:
            self.pages.setCurrentIndex(0)
        super().add_record()

    def copy_selection(self) -> None:
        """Edit ▸ Copy: from the usage grid when it is shown, else from the focused table."""
        if self.pages.currentWidget() is self.usage_grid:
            self.usage_grid.copy()
        else:
            super().copy_selection()

    def paste_rows(self) -> None:
        """Edit ▸ Paste: into the usage grid when it is shown, else into the focused table."""
        if self.pages.currentWidget() is self.usage_grid:
            self.usage_grid.paste()
        else:
            super().paste_rows()

    def set_designations(self, tree: RequirementTree | None) -> None:
        """The summary (as every tab), and the usage by month of what the designations count."""
        super().set_designations(tree)
        self.usage_grid.set_designations(tree)

    def evaluation_failed(self) -> None:
        """The day's evaluation failed: the usage by month says so instead of waiting."""
        self.usage_grid.evaluation_failed()

    def wait_for_reads(self) -> None:
        """Blocks until the usage grid's read running now ends (before the window closes)."""
        self.usage_grid.wait_for_reads()

    def follow_facts(self, facts: Callable[[], Facts | None]) -> None:
        """Where the usage chart finds the facts of the last evaluation."""
        self.usage_grid.follow_facts(facts)

    def _subscription_of(self, record: Record) -> str:
        return self._subscription_names.get(record.get("subscription_id", -1), "")

    def _customer_label(self, customer_id: object) -> str | None:
        return self._customer_names.get(customer_id) if isinstance(customer_id, int) else None

    def _customer_choices(self) -> list[tuple[object, str]]:
        return sorted(self._customer_names.items(), key=lambda item: item[1].casefold())

    # -- a designation's missing item -------------------------------------

    def open_lead(self, lead: Lead) -> None:
        """A designation's missing customers or usage: Add customer (then its subscription,
        with the association that counts), or the usage by month with what counts."""
        if lead.kind is LeadKind.CUSTOMER:
            self.add_customer_for(lead)
        else:
            self.show_usage_for(lead)

    def add_customer_for(self, lead: Lead) -> None:
        """Add customer, saying what counts; once added, Add subscription for it with the
        workload and association the metric counts filled in."""
        self.pages.setCurrentIndex(0)
        known = {record["id"] for record in self.customers.model.records()}
        self._lead = lead
        try:
            self.customers.add_record()
            added = self.customers.selected_record()
            if added is not None and added["id"] not in known:
                self.subscriptions.add_record()
        finally:
            self._lead = None

    def show_usage_for(self, lead: Lead) -> None:
        """The usage by month, with a line above it saying what the metric counts and a link
        to the sales-data import."""
        self.pages.setCurrentWidget(self.usage_grid)
        if lead.designation:
            self.usage_grid.choose_designation(lead.designation)
        if lead.figure:
            self.usage_grid.show_figure(lead.figure)
        what = html.escape(lead.note or lead.metric_name)
        self.lead_note.setText(
            self.tr(
                "<b>{metric}</b> counts {what}. Type the months below, or "
                "<a href='import'>import sales data…</a> <a href='hide'>Hide</a>"
            ).format(metric=html.escape(lead.metric_name), what=what)
        )
        self.lead_note.setAccessibleName(
            self.tr("{metric} counts {what}").format(
                metric=lead.metric_name, what=lead.note or lead.metric_name
            )
        )
        self.lead_note.setVisible(True)
        self.usage_grid.view.setFocus()

    def _lead_note_link(self, link: str) -> None:
        if link == "import":
            self.importSalesRequested.emit()
        else:
            self.lead_note.setVisible(False)

    def _hide_lead_note_off_the_grid(self) -> None:
        if self.pages.currentWidget() is not self.usage_grid:
            self.lead_note.setVisible(False)

    def _say_what_counts(self, form: RecordForm) -> None:
        """Above a form opened for a designation's missing customer: what the metric counts."""
        lead = self._lead
        if lead is None:
            return
        form.add_note(
            self.tr("{metric} counts {what}.").format(
                metric=lead.metric_name, what=lead.note or lead.metric_name
            ),
            "leadNote",
        )

    def _subscription_form(self, form: RecordForm) -> None:
        form.add_rule(_ends_after_it_starts)
        self._say_what_counts(form)

    # -- master and detail ------------------------------------------------

    def show_all_usage(self) -> None:
        """Every subscription, and every month of usage under them: no customer or
        subscription chosen (as after an import is removed, or "Show all usage")."""
        self._choose_no_subscription()
        self.usage.proxy.set_fixed_filter(None)
        self.usage.set_heading(self.tr("Usage of every subscription"))

    def show_imported_usage(self, batch_id: int, file_name: str) -> None:
        """The usage rows one import wrote, under every subscription, with a way back to all.

        ``file_name``: the import's file, as its change carries it (no read on the GUI thread).
        """
        self._choose_no_subscription()
        self.usage.proxy.set_fixed_filter("import_batch_id", batch_id)
        # Short, as the pane may be narrow (a long file name wrapped over three lines and
        # was cut at 1024x700 with 150% scaling); the file is named beside it.
        self.usage.set_heading(self.tr("Imported usage"), self.tr("Show all usage"))
        if file_name:
            about = self.tr("Usage imported from {file}").format(file=file_name)
            self.usage.heading.setToolTip(about)
            self.usage.view.setAccessibleDescription(about)

    def _choose_no_subscription(self) -> None:
        """The records page, no customer and no subscription chosen."""
        self.pages.setCurrentIndex(0)
        for section in (self.customers, self.subscriptions):
            section.view.clearSelection()
            section.view.setCurrentIndex(section.proxy.index(-1, -1))
        self._customer_chosen(None)
        self.usage.add_button.setEnabled(False)
        self.usage.set_waiting_for("")

    def _customer_chosen(self, record: Record | None) -> None:
        if record is None:
            self.subscriptions.proxy.set_fixed_filter(None)
        else:
            self.subscriptions.proxy.set_fixed_filter("customer_id", record["id"])
        # After show_all_usage: a customer chosen shows one subscription's usage again.
        self._subscription_chosen(self.subscriptions.selected_record())

    def _subscription_chosen(self, record: Record | None) -> None:
        self.usage.heading.setToolTip("")
        self.usage.view.setAccessibleDescription("")
        self.usage.proxy.set_fixed_filter(
            "subscription_id", None if record is None else record["id"]
        )
        self.usage.add_button.setEnabled(record is not None)
        if record is None:
            self.usage.set_waiting_for(
                self.tr("Choose a subscription above to see its monthly usage."),
                # For the table squeezed to a row (the window at its minimum size).
                self.tr("Choose a subscription above."),
            )
        else:
            self.usage.set_waiting_for("")
        self.usage.set_heading(
            self.tr("Monthly usage")
            if record is None
            else self.tr("Usage of {subscription}").format(subscription=record["external_id"])
        )

    def _new_subscription(self) -> Mapping[str, Any] | None:
        if self.customers.model.rowCount() == 0:
            if not offer_to_add_first(
                self,
                self.tr(
                    "There are no customers yet, and a subscription belongs to a customer. "
                    "Add the customer first?"
                ),
                self.tr("Add &customer…"),
            ):
                return None
            self.customers.add_record()
            if self.customers.model.rowCount() == 0:
                return None
        customer = self.customers.selected_record()
        values: dict[str, Any] = {} if customer is None else {"customer_id": customer["id"]}
        if self._lead is not None:
            # For a designation's missing customer: the workload and association that count.
            if self._lead.workload is not None:
                values["workload"] = self._lead.workload
            if self._lead.association is not None:
                values["association"] = self._lead.association
        return values

    def _new_usage(self) -> Mapping[str, Any] | None:
        subscription = self.subscriptions.selected_record()
        if subscription is None:
            self.usage.show_problem(self.tr("Choose a subscription first."))
            return None
        return {"subscription_id": subscription["id"], "month": self._next_month(subscription)}

    def _next_month(self, subscription: Record) -> Month:
        """The month a new usage row most likely is: the latest full month before the as-of day
        that the subscription has no usage for yet (a month each month, or history backwards)."""
        entered = {
            record["month"].index
            for record in self.usage.model.records()
            if record.get("subscription_id") == subscription["id"]
            and isinstance(record.get("month"), Month)
        }
        last_full = Month.of(self.context.as_of).plus(-1)
        month = last_full
        while month.index in entered and month.year > last_full.year - 20:
            month = month.plus(-1)
        return last_full if month.index in entered else month

    def _describe_usage(self, record: Record) -> str:
        subscription = next(
            (
                item
                for item in self.subscriptions.model.records()
                if item["id"] == record.get("subscription_id")
            ),
            None,
        )
        name = subscription["external_id"] if subscription else ""
        return f"{name} {record.get('month', '')}".strip()

    def _subscription_style(self, record: Record) -> RowStyle | None:
        if record.get("trial"):
            return RowStyle(
                background=MUTED_BACKGROUND,
                tooltip=self.tr("A trial subscription: its usage never counts."),
                italic=True,
            )
        return None


def _ends_after_it_starts(form: RecordForm) -> dict[str, str]:
    """The store's rule, said while typing: a subscription does not end before it started."""
    values = form.readable_values()
    started, ended = values.get("started_on"), values.get("ended_on")
    if isinstance(started, date) and isinstance(ended, date) and ended < started:
        return {
            "ended_on": QCoreApplication.translate(
                "SalesTab", "Ended on: {ended} is before it started ({started})."
            ).format(ended=locale_text.day(ended), started=locale_text.day(started))
        }
    return {}
