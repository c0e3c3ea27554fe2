"""Summing a usage file's lines to one usage row per subscription, calendar month and service.

How each kind of file adds up (PARTNER-CENTER-FILES.md):

- usage-based reconciliation: consumption is the sum of ``PretaxCharges`` of
  the usage fees, by the month of ``ChargeStartDate`` (the charge period:
  latent usage billed later lands in the month it was used); credits and
  discounts are told, not counted. Source: the invoice.
- license-based reconciliation: per subscription, revenue is the sum of
  ``Subtotal`` and the paid seats those of the latest-starting charge (0 after
  a cancellation, 0 for a trial), all in the file's billing month; an annual
  charge carries its seats to every month it covers. Source: that month.
- daily rated usage: ``BillingPreTaxTotal`` by the month of ``UsageDate``.
- new commerce invoice reconciliation: per subscription and invoice, revenue
  is the sum of ``Subtotal`` by the month its charge starts, and the paid
  seats of a month those at its last day: the ``Quantity`` of the
  ``new``/``renew``/``cycleCharge``/``addQuantity`` charges covering it, less
  that of ``removeQuantity``/``cancelImmediate``; trials, Azure and other
  publishers' lines left out. Source: the invoice.
- Insights Azure usage: ``ACR_USD`` per month, duplicate rows left out.
- Insights Subscription details: ``AzureConsumedRevenueUSD``,
  ``BilledRevenueUSD`` and ``AvailableSeatsEOP`` per month, duplicate rows and
  products of no workload (Power BI) left out.
- the plain sheet: each figure added up as given.

Subscriptions the file names are matched by id in the store, else created
with the workload of the file kind (or column) and, for CSP files, the
association ``transacting`` from the first day of the earliest month it holds.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from mpn_desktop.domain.dates import Month
from mpn_desktop.domain.enums import Association, Workload
from mpn_desktop.domain.vocabulary import N_, _
from mpn_desktop.domain.wording import figure, money, month_and_year, number
from mpn_desktop.errors import ImportFailed
from mpn_desktop.importers.kinds import Outcome
from mpn_desktop.importers.usage_fields import (
    DAILY_RATED,
    INSIGHTS_LICENCES,
    INSIGHTS_SUBSCRIPTIONS,
    LICENSE_RECON,
    NEW_COMMERCE,
    USAGE_RECON,
)
from mpn_desktop.importers.usage_overlaps import months_note
from mpn_desktop.importers.usage_validation import (
    MAX_AMOUNT,
    MAX_COUNT,
    UsageLine,
    offer_workload,
    parse_workload,
)
from mpn_desktop.store.import_rows import SubscriptionCells, UsageRow
from mpn_desktop.store.import_transaction import BatchCounts
from mpn_desktop.store.usage_writing import UsageWriter

_CENT = Decimal("0.01")
_ZERO_CENTS = Decimal("0.00")
_ZERO = Decimal(0)
_ONE_DAY = timedelta(days=1)
_USAGE_FEE = "assess usage fee"
_SEATS_ADDED = frozenset(
    {
        "cycle fee",
        "cycle instance prorate",
        "purchase fee",
        "prorate fees when purchase",
        "renew fee",
        "prorate fee when renew",
        "activation fee",
        "prorate fees when activate",
        "new purchase cycle fee",
        "purchase",
        "new",
    }
)
_CANCELLED = frozenset({"prorate fees when cancel", "cancel fee", "cancel"})
_CSP = frozenset({USAGE_RECON, LICENSE_RECON, DAILY_RATED, NEW_COMMERCE})
_BY_CHARGE = frozenset({LICENSE_RECON, NEW_COMMERCE})
"""Files whose lines are kept per subscription until the end (seats need all its charges)."""
# PARTNER-CENTER-FILES.md § 4 (charge types casefolded). The other types (moveQuantity,
# convert, changeBillingPlan, customerCredit, extendTerm) add revenue but no seats: the
# document names only these as adding and reducing (its rule is marked inferred).
_NEW_COMMERCE_ADDS = frozenset({"new", "renew", "cyclecharge", "addquantity"})
_NEW_COMMERCE_REDUCES = frozenset({"removequantity", "cancelimmediate"})
_MONTHS_COVERED = 60
"""The most months one charge carries its seats to (a five-year term; a wrong end date
far in the future must not make thousands of rows)."""
_LEFT_OUT = {
    NEW_COMMERCE: N_(
        "Azure lines (their consumption by month is in the daily rated usage "
        "file) or products of other publishers"
    ),
    INSIGHTS_SUBSCRIPTIONS: N_(
        "duplicate rows of another partner attribution, or products "
        "that are none of the workloads (Azure, Office 365, EMS, Dynamics), such as Power BI"
    ),
}
"""Why a kind of file's lines are left out (``_()`` translates it where it is said)."""
_DUPLICATES_LEFT_OUT = N_("duplicate rows of another partner attribution, or free SKUs")


class _MonthTotals:
    """One month's totals over the rows written, for the summary."""

    __slots__ = ("consumption", "revenue", "seats", "subscriptions", "users")

    def __init__(self) -> None:
        self.subscriptions: set[str] = set()
        self.consumption = _ZERO
        self.revenue = _ZERO
        self.seats = 0
        self.users = 0

    def add(self, row: UsageRow) -> None:
        self.subscriptions.add(row.subscription)
        self.consumption += row.consumption_usd
        self.revenue += row.revenue_usd
        self.seats += row.paid_seats
        self.users += row.active_users


class _Subscription:
    """What the lines say about one subscription: its cells, and for licences its charges."""

    __slots__ = ("charges", "first", "months")

    def __init__(self, first: UsageLine) -> None:
        self.first = first
        self.months: set[date] = set()
        self.charges: list[UsageLine] = []


class UsageSums:
    """The sink of a usage import: sums lines as they come, writes the rows at the end."""

    def __init__(self, source: str, writer: UsageWriter) -> None:
        self._source = source
        self._writer = writer
        # (subscription, month, service, source) -> [consumption, revenue, users, seats]
        # (subscription, month, service, source) -> consumption alone, or
        # [consumption, revenue, active users, paid seats]
        self._sums: dict[tuple[str, date, str, str], Decimal | list[Decimal | int]] = {}
        self._sources: dict[tuple[str, date], str] = {}
        self._subscriptions: dict[str, _Subscription] = {}
        self._adjustments = _ZERO
        self._adjustment_lines = 0
        self._duplicates_left_out = 0
        self._seats_below_zero = 0
        self._lines = 0

    def add(self, rows: Sequence[UsageLine]) -> None:
        """Adds one batch of valid lines to the sums.

        The hot loop of a large import (a line at a time): locals only, the
        sources named once per invoice and month, the key's sums in a list.
        """
        self._lines += len(rows)
        subscriptions = self._subscriptions
        if self._source in _BY_CHARGE:
            for row in rows:
                if row.duplicate:
                    self._duplicates_left_out += 1
                    continue
                known = subscriptions.get(row.subscription)
                if known is None:
                    known = subscriptions[row.subscription] = _Subscription(row)
                known.charges.append(row)
            return
        sums, sources = self._sums, self._sources
        if self._source == INSIGHTS_LICENCES:
            self._add_licence_usage(rows)
            return
        for row in rows:
            if row.duplicate:
                self._duplicates_left_out += 1
                continue
            subscription, month = row.subscription, row.month
            known = subscriptions.get(subscription)
            if known is None:
                known = subscriptions[subscription] = _Subscription(row)
            consumption = row.consumption
            charge_type = row.charge_type
            if charge_type and not charge_type.startswith(_USAGE_FEE):
                # Credits and discounts: told, not counted as consumption.
                self._adjustments += consumption
                self._adjustment_lines += 1
                consumption = _ZERO
            known.months.add(month)
            source = sources.get((row.invoice, month))
            if source is None:
                source = sources[row.invoice, month] = self._row_source(row)
            key = (subscription, month, row.service, source)
            found = sums.get(key)
            revenue, users, seats = row.revenue, row.active_users, row.paid_seats
            alone = not (revenue or users or seats)
            if found is None:
                # Consumption alone (Azure files): one Decimal per key, not a list of four,
                # as a million-line file has half a million keys.
                sums[key] = consumption if alone else [consumption, revenue, users, seats]
            elif isinstance(found, Decimal):
                total = found + consumption
                sums[key] = total if alone else [total, revenue, users, seats]
            else:
                found[0] += consumption
                found[1] += revenue
                found[2] += users
                found[3] += seats

    def _add_licence_usage(self, rows: Sequence[UsageLine]) -> None:
        """Insights licence lines: per subscription and month, the most seats and users of
        any workload (a person active in Exchange and Teams is one active user, not two)."""
        for row in rows:
            if row.duplicate:
                self._duplicates_left_out += 1
                continue
            known = self._subscriptions.get(row.subscription)
            if known is None:
                known = self._subscriptions[row.subscription] = _Subscription(row)
            known.months.add(row.month)
            key = (row.subscription, row.month, "", self._row_source(row))
            found = self._sums.get(key)
            if found is None or isinstance(found, Decimal):
                self._sums[key] = [_ZERO, _ZERO, row.active_users, row.paid_seats]
            else:
                found[2] = max(found[2], row.active_users)
                found[3] = max(found[3], row.paid_seats)

    def _row_source(self, row: UsageLine) -> str:
        if self._source in (USAGE_RECON, NEW_COMMERCE) and row.invoice:
            return f"{self._source}:{row.invoice}"
        return f"{self._source}:{row.month:%Y-%m}"

    def _add(
        self,
        row: UsageLine,
        month: date,
        source: str,
        *,
        consumption: Decimal,
        revenue: Decimal,
        seats: int | None = None,
    ) -> None:
        key = (row.subscription, month, row.service, source)
        found = self._sums.get(key)
        sums: list[Decimal | int]
        if found is None:
            sums = [_ZERO, _ZERO, 0, 0]
        elif isinstance(found, Decimal):
            sums = [found, _ZERO, 0, 0]
        else:
            sums = found
        self._sums[key] = sums
        sums[0] += consumption
        sums[1] += revenue
        sums[2] += row.active_users
        sums[3] = seats if seats is not None else sums[3] + row.paid_seats

    def finish(self, errors: int) -> Outcome:
        """Works out licences' seats, writes subscriptions and rows; returns counts and notes."""
        if self._source == LICENSE_RECON:
            self._license_sums()
        elif self._source == NEW_COMMERCE:
            self._new_commerce_sums()
        months = [month for known in self._subscriptions.values() for month in known.months]
        first_month = min(months, default=None)
        cells = [self._cells(known, first_month) for known in self._subscriptions.values()]
        sources = {key[3] for key in self._sums}
        totals: dict[date, _MonthTotals] = defaultdict(_MonthTotals)
        count = len(self._sums)
        writer = self._writer
        # The keys first: the writer tells the months the file brings whole from the others.
        writer.write(cells, self._rows(totals), sources, list(self._sums))
        counts = BatchCounts(
            added=writer.added,
            duplicates=writer.unchanged,
            errors=errors,
            # A row the file's lines were added to is kept for undo as a replaced one,
            # but nothing of it went: the summed rows are told apart (months_note).
            replaced=writer.replaced - writer.summed,
            customers_added=writer.customers_added,
            subscriptions_added=writer.subscriptions_added,
            # Recorded only where it was asked: an option given for a file of whole months
            # chose nothing.
            months_choice=writer.months.value if writer.months and writer.overlaps else None,
        )
        notes = self._notes(count, totals)
        if writer.months is not None and writer.overlaps:
            notes.append(months_note(writer.overlaps, writer.months, writer.summed))
        return Outcome(
            counts,
            tuple(notes),
            overlaps=writer.overlaps,
            months=writer.months,
            summed=writer.summed,
        )

    def _rows(self, totals: dict[date, _MonthTotals]) -> Iterator[UsageRow]:
        """The usage rows of the sums, each given up as it is handed on (memory stays flat)."""
        sums = self._sums
        # In the file's order (a row where its first line stands): popitem() gave them last
        # first, every subscription's months backwards where the file has them in order,
        # and the evaluation put those rows in row by row instead of as one run each.
        for key in list(sums):
            found = sums.pop(key)
            subscription, month, service, source = key
            if isinstance(found, Decimal):  # consumption alone: the common case, quick
                consumption = found.quantize(_CENT, rounding=ROUND_HALF_UP)
                revenue, users, seats = _ZERO_CENTS, 0, 0
            else:
                consumption, revenue = _cents(found[0]), _cents(found[1])
                users, seats = int(found[2]), int(found[3])
            # A month that credits more than it charges stores nothing below zero.
            if consumption < 0 or revenue < 0:
                for amount in (consumption, revenue):
                    if amount < 0:
                        self._adjustments += amount
                        self._adjustment_lines += 1
                consumption, revenue = max(consumption, _ZERO), max(revenue, _ZERO)
            if consumption >= MAX_AMOUNT or revenue >= MAX_AMOUNT or max(users, seats) > MAX_COUNT:
                raise ImportFailed(
                    _(
                        "the lines of subscription {subscription} for {month} add up to more "
                        "than the program keeps ({amount}, or {count} seats or users); "
                        "nothing was imported"
                    ).format(
                        subscription=subscription,
                        month=f"{month:%Y-%m}",
                        amount=money(MAX_AMOUNT - _CENT),
                        count=number(MAX_COUNT),
                    )
                )
            row = UsageRow(subscription, month, service, source, consumption, revenue, users, seats)
            totals[month].add(row)
            yield row

    def _license_sums(self) -> None:
        """Per licence subscription: revenue and end-of-month paid seats in the billing month."""
        starts = Counter(
            (row.day or row.month).replace(day=1)
            for known in self._subscriptions.values()
            for row in known.charges
        )
        if not starts:
            return
        billing = starts.most_common(1)[0][0]
        source = f"{LICENSE_RECON}:{billing:%Y-%m}"
        for known in self._subscriptions.values():
            charges = known.charges
            revenue = sum((row.revenue for row in charges), _ZERO)
            seats, through = _seats_at_end(charges, billing)
            if _is_trial(known):
                seats = 0
            first = known.first._replace(service="", active_users=0, paid_seats=0)
            known.months.add(billing)
            self._add(first, billing, source, consumption=_ZERO, revenue=revenue, seats=seats)
            month = _next_month(billing)
            while seats and month <= through:
                known.months.add(month)
                self._add(first, month, source, consumption=_ZERO, revenue=_ZERO, seats=seats)
                month = _next_month(month)

    def _new_commerce_sums(self) -> None:
        """Per new-commerce subscription and invoice: revenue by the month a charge starts,
        paid seats at the last day of every month a charge covers."""
        for known in self._subscriptions.values():
            trial = _is_trial(known)
            first = known.first._replace(service="", active_users=0, paid_seats=0)
            by_source: dict[str, list[UsageLine]] = defaultdict(list)
            for row in known.charges:
                by_source[self._row_source(row)].append(row)
            for source, charges in by_source.items():
                revenue: dict[date, Decimal] = defaultdict(Decimal)
                seats: dict[date, int] = defaultdict(int)
                for row in charges:
                    revenue[row.month] += row.revenue
                    kind = row.charge_type
                    if (
                        trial
                        or row.trial
                        or not (kind in _NEW_COMMERCE_ADDS or kind in _NEW_COMMERCE_REDUCES)
                    ):
                        continue
                    change = abs(row.paid_seats) * (-1 if kind in _NEW_COMMERCE_REDUCES else 1)
                    for month in _months_ending_in(row.day or row.month, row.charge_end):
                        seats[month] += change
                for month in sorted(revenue.keys() | seats.keys()):
                    paid = seats.get(month, 0)
                    if paid < 0:
                        # A reduction of seats charged on another invoice: not stored below 0.
                        self._seats_below_zero += 1
                        paid = 0
                    known.months.add(month)
                    self._add(
                        first,
                        month,
                        source,
                        consumption=_ZERO,
                        revenue=revenue.get(month, _ZERO),
                        seats=paid,
                    )

    def _cells(self, known: _Subscription, first_month: date | None) -> SubscriptionCells:
        row = known.first
        earliest = min(known.months) if known.months else row.month
        # CSP files: transacting from the first day of the earliest month the file holds.
        since = first_month if self._source in _CSP and first_month is not None else earliest
        workload = row.workload or _workload_of(self._source, row)
        association = row.association or Association.TRANSACTING
        started = row.subscription_start or since
        return SubscriptionCells(
            external_id=row.subscription,
            customer=row.customer,
            tenant_id=row.tenant_id,
            workload=workload,
            association=association,
            associated_on=row.associated_on or since,
            started_on=min(started, row.associated_on or since),
            trial=self._source in _BY_CHARGE and _is_trial(known),
        )

    def _notes(self, rows: int, by_month: dict[date, _MonthTotals]) -> list[str]:
        """What the import read and summed, in the chosen language (wording's figures)."""
        notes = [
            _("Read {lines} into {rows} of {subscriptions}.").format(
                lines=figure(self._lines, "lines"),
                rows=figure(rows, "usage rows"),
                subscriptions=figure(len(self._subscriptions), "subscriptions"),
            )
        ]
        if self._source == USAGE_RECON:
            notes.append(
                _(
                    "Usage is dated by the month its charge period starts (ChargeStartDate), "
                    "so usage billed late counts in the month it was used."
                )
            )
        for month in sorted(by_month):
            total = by_month[month]
            parts = [figure(len(total.subscriptions), "subscriptions")]
            if total.consumption:
                parts.append(_("consumption {amount}").format(amount=money(total.consumption)))
            if total.revenue:
                parts.append(_("revenue {amount}").format(amount=money(total.revenue)))
            if total.seats:
                parts.append(figure(total.seats, "paid seats"))
            if total.users:
                parts.append(figure(total.users, "active users"))
            shown = month_and_year(Month(month.year, month.month))
            notes.append(f"{shown}: " + ", ".join(parts))
        if self._adjustment_lines:
            notes.append(
                _("Credits and discounts not counted as consumption: {amount} ({lines})").format(
                    amount=money(_cents(self._adjustments)),
                    lines=figure(self._adjustment_lines, "lines"),
                )
            )
        if self._source == NEW_COMMERCE:
            notes.append(
                _(
                    "Paid seats are those at the end of each month a charge covers "
                    "(ChargeStartDate to ChargeEndDate); revenue is the Subtotal by the month "
                    "its charge starts."
                )
            )
        if self._duplicates_left_out:
            why = _(_LEFT_OUT.get(self._source, _DUPLICATES_LEFT_OUT))
            notes.append(
                _("{lines} left out: {why}").format(
                    lines=figure(self._duplicates_left_out, "lines"), why=why
                )
            )
        if self._seats_below_zero:
            notes.append(
                _(
                    "{months} with more seats removed than charged in the file kept at 0 seats "
                    "(the charge they reduce is on another invoice)"
                ).format(months=figure(self._seats_below_zero, "months"))
            )
        return notes


def _seats_at_end(charges: list[UsageLine], billing: date) -> tuple[int, date]:
    """The seats in force at the end of the cycle, and the last month the charge covers."""
    added = [row for row in charges if row.charge_type in _SEATS_ADDED and row.paid_seats]
    if not added:
        return 0, billing
    latest = max(added, key=lambda row: (row.day or row.month, row.line))
    start = latest.day or latest.month
    if any((row.day or row.month) > start for row in charges if row.charge_type in _CANCELLED):
        return 0, billing
    end = latest.charge_end or billing
    return latest.paid_seats, end.replace(day=1)


def _is_trial(known: _Subscription) -> bool:
    rows = known.charges or [known.first]
    return all(
        row.trial
        or "trial" in row.offer.casefold()
        or (row.unit_price is not None and row.unit_price == 0)
        for row in rows
    )


def _workload_of(source: str, row: UsageLine) -> Workload:
    if source in _BY_CHARGE:
        return offer_workload(row.offer)
    if source == INSIGHTS_LICENCES:
        # The EMS download names the SKU; Office 365's names workloads (Exchange, Teams).
        return Workload.EMS if parse_workload(row.service) is Workload.EMS else Workload.OFFICE365
    return Workload.AZURE


def _months_ending_in(start: date, end: date | None) -> Iterator[date]:
    """The months (first days) whose last day falls in ``start``..``end`` (at most 60).

    A charge without an end covers its start's month; a monthly charge from 10/15 to
    11/14 covers October (its seats are there at October's end) and not November.
    """
    month = start.replace(day=1)
    last = end or _next_month(month) - _ONE_DAY
    for _month in range(_MONTHS_COVERED):
        following = _next_month(month)
        if following - _ONE_DAY > last:
            return
        yield month
        month = following


def _next_month(month: date) -> date:
    return date(month.year + month.month // 12, month.month % 12 + 1, 1)


def _cents(amount: Decimal | int) -> Decimal:
    return Decimal(amount).quantize(_CENT, rounding=ROUND_HALF_UP)
