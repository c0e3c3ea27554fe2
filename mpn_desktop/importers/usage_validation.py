"""Checking one record of a usage file: every problem with its line and field.

A valid record becomes a ``UsageLine``: the subscription it is of (with its
customer), the month, the service, the amounts in US$ (converted with the
rate the user gave for the file's currency, never guessed), and what the
file kind's sums need (charge type, seats, dates of the charge).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from datetime import date
from decimal import Decimal
from itertools import islice
from typing import NamedTuple

from mpn_desktop.domain.enums import Association, Workload
from mpn_desktop.importers.amounts import POINT, AmountProblem, parse_amount, parse_month
from mpn_desktop.importers.columns import ColumnMapping
from mpn_desktop.importers.dates import DateOrder, DateProblem, parse_date
from mpn_desktop.importers.usage_fields import INSIGHTS_AZURE, SHEET, UsageField
from mpn_desktop.importers.validation import RowProblem, plain_text

F = UsageField
_LIMITS = {F.SUBSCRIPTION: 80, F.CUSTOMER: 200, F.TENANT_ID: 80, F.SERVICE: 200}
_MEMORY = 16384
USD = "USD"


class UsageLine(NamedTuple):
    """One valid record of a usage file, amounts in US$."""

    line: int
    subscription: str
    customer: str
    tenant_id: str
    month: date
    """The first day of the record's month."""
    service: str
    consumption: Decimal
    revenue: Decimal
    active_users: int
    paid_seats: int
    charge_type: str
    """Casefolded (``assess usage fee for current cycle``); "" when the file has none."""
    invoice: str
    day: date | None
    """The day the charge starts (or the usage is of), when the file dates by day."""
    charge_end: date | None
    subscription_start: date | None
    offer: str
    unit_price: Decimal | None
    workload: Workload | None
    association: Association | None
    associated_on: date | None
    duplicate: bool


_WORKLOAD_WORDS = (
    ("dynamics", Workload.DYNAMICS_CRM),
    ("crm", Workload.DYNAMICS_CRM),
    ("enterprise mobility", Workload.EMS),
    ("ems", Workload.EMS),
    ("intune", Workload.EMS),
    ("azure", Workload.AZURE),
    ("office", Workload.OFFICE365),
    ("o365", Workload.OFFICE365),
    ("microsoft 365", Workload.OFFICE365),
    ("m365", Workload.OFFICE365),
)
_ASSOCIATION_WORDS = (
    ("admin link", Association.PAL),
    ("pal", Association.PAL),
    ("cpor", Association.CPOR),
    ("claiming", Association.CPOR),
    ("dpor", Association.DPOR),
    ("digital partner", Association.DPOR),
    ("delegated", Association.DELEGATED_ADMIN),
    ("fasttrack", Association.FASTTRACK),
    ("fast track", Association.FASTTRACK),
    ("transact", Association.TRANSACTING),
    ("csp", Association.TRANSACTING),
    ("reseller", Association.TRANSACTING),
)


def parse_workload(text: str) -> Workload | None:
    """``azure``, ``Office 365 Enterprise E3``, ``Dynamics 365 ...``, ``EMS E3`` (None: unknown)."""
    folded = text.strip().casefold()
    for workload in Workload:
        if folded == workload.value:
            return workload
    for word, workload in _WORKLOAD_WORDS:
        if word in folded:
            return workload
    return None


def offer_workload(offer: str) -> Workload:
    """The workload of a licence offer: Dynamics, EMS, else Office 365 (Project, Visio, ...)."""
    found = parse_workload(offer)
    return Workload.OFFICE365 if found in (None, Workload.AZURE) else found


def parse_association(text: str) -> Association | None:
    """``dpor``, ``Partner Admin Link (PAL)``, ``CSP``, ``Digital Partner of Record``..."""
    folded = text.strip().casefold()
    for association in Association:
        if folded == association.value:
            return association
    for word, association in _ASSOCIATION_WORDS:
        if word in folded:
            return association
    return None


class UsageValidator:
    """Turns usage records into UsageLines or RowProblems, for one file's mapping and options."""

    def __init__(
        self,
        mapping: ColumnMapping,
        order: DateOrder | None,
        marks: Mapping[int, str],
        rates: Mapping[str, Decimal],
        known_subscriptions: frozenset[str],
    ) -> None:
        self._source = mapping.fields.source
        self._header = mapping.header
        self._col = {field: mapping.column_of(field) for field in UsageField}
        self._marks = marks
        self._rates = {USD: Decimal(1), **rates}
        self._known = known_subscriptions
        self._order = order
        self._days: dict[str, date] = {}
        self._months: dict[str, date] = {}
        self.currencies_without_rate: dict[str, int] = {}

    def validate_batch(
        self,
        records: Iterator[tuple[int, list[str]]],
        limit: int,
        rows: list[UsageLine],
        problems: list[RowProblem],
    ) -> int:
        """Validates up to ``limit`` records; returns how many it read."""
        read = 0
        for line, fields in islice(records, limit):
            read += 1
            found = self._check(line, fields, problems)
            if found is not None:
                rows.append(found)
        return read

    def details(self) -> dict[str, object]:
        """The currencies that need a rate (for the result's ``missing_rates``)."""
        return {"missing_rates": tuple(sorted(self.currencies_without_rate))}

    def _cell(self, fields: list[str], field: UsageField) -> str:
        column = self._col[field]
        if column is None or column >= len(fields):
            return ""
        return plain_text(fields[column])

    def _check(self, line: int, fields: list[str], problems: list[RowProblem]) -> UsageLine | None:
        count = len(problems)

        def problem(field: UsageField, message: str) -> None:
            problems.append(RowProblem(line, self._label(field), message))

        cell = self._cell
        subscription = cell(fields, F.SUBSCRIPTION)
        if not subscription:
            problem(F.SUBSCRIPTION, "missing")
        for field, limit in _LIMITS.items():
            if len(cell(fields, field)) > limit:
                problem(field, f"longer than {limit} characters")
        month, day = self._month(line, fields, problems)
        currency = cell(fields, F.CURRENCY).upper() or USD
        rate = self._rates.get(currency)
        if rate is None:
            self.currencies_without_rate[currency] = (
                self.currencies_without_rate.get(currency, 0) + 1
            )
            problem(
                F.CURRENCY,
                f"amounts in {currency} need a rate (what one {currency} is in US$); "
                "rates are never guessed",
            )
            rate = Decimal(1)
        consumption = self._amount(fields, F.CONSUMPTION, problem) * rate
        revenue = self._amount(fields, F.REVENUE, problem) * rate
        users = self._count(fields, F.ACTIVE_USERS, problem)
        seats = self._count(fields, F.PAID_SEATS, problem)
        unit_price = (
            self._amount(fields, F.UNIT_PRICE, problem) if self._col[F.UNIT_PRICE] else None
        )
        workload, association = self._attribution(fields, subscription, problem)
        associated_on = self._optional_day(fields, F.ASSOCIATED_ON, problem)
        charge_end = self._optional_day(fields, F.CHARGE_END, problem)
        started = self._optional_day(fields, F.SUBSCRIPTION_START, problem)
        if len(problems) > count or month is None:
            return None
        return UsageLine(
            line,
            subscription,
            cell(fields, F.CUSTOMER),
            cell(fields, F.TENANT_ID),
            month,
            cell(fields, F.SERVICE),
            consumption,
            revenue,
            users,
            seats,
            cell(fields, F.CHARGE_TYPE).casefold(),
            cell(fields, F.INVOICE),
            day,
            charge_end,
            started,
            cell(fields, F.OFFER),
            unit_price,
            workload,
            association,
            associated_on,
            cell(fields, F.DUPLICATE) in ("1", "true", "True", "TRUE", "yes"),
        )

    def _label(self, field: UsageField) -> str:
        column = self._col[field]
        return self._header[column] if column is not None else field.label

    def _month(
        self, line: int, fields: list[str], problems: list[RowProblem]
    ) -> tuple[date | None, date | None]:
        """The record's month (its first day) and, for files dated by day, the day."""
        text = self._cell(fields, F.DAY)
        if text:
            day = self._days.get(text)
            if day is None:
                try:
                    day = parse_date(text, self._order)
                except DateProblem as error:
                    problems.append(RowProblem(line, self._label(F.DAY), str(error)))
                    return None, None
                _remember(self._days, text, day)
            return day.replace(day=1), day
        text = self._cell(fields, F.MONTH)
        if not text:
            problems.append(RowProblem(line, self._label(F.MONTH), "missing"))
            return None, None
        month = self._months.get(text)
        if month is None:
            month = parse_month(text)
            if month is None:
                try:
                    month = parse_date(text, self._order).replace(day=1)
                except DateProblem:
                    problems.append(
                        RowProblem(
                            line,
                            self._label(F.MONTH),
                            f"{text!r} is not a month (expected e.g. 2019-03, 03/2019 or Mar 2019)",
                        )
                    )
                    return None, None
            _remember(self._months, text, month)
        return month, None

    def _amount(
        self, fields: list[str], field: UsageField, problem: Callable[[UsageField, str], None]
    ) -> Decimal:
        column = self._col[field]
        if column is None:
            return _ZERO
        text = self._cell(fields, field)
        if not text:
            return _ZERO
        try:
            return parse_amount(text, self._marks.get(column, POINT))
        except AmountProblem as error:
            problem(field, str(error))
            return _ZERO

    def _count(
        self, fields: list[str], field: UsageField, problem: Callable[[UsageField, str], None]
    ) -> int:
        amount = self._amount(fields, field, problem)
        if amount != amount.to_integral_value() or amount < 0:
            problem(field, f"{self._cell(fields, field)!r} is not a whole number of 0 or more")
            return 0
        return int(amount)

    def _optional_day(
        self, fields: list[str], field: UsageField, problem: Callable[[UsageField, str], None]
    ) -> date | None:
        text = self._cell(fields, field)
        if not text:
            return None
        day = self._days.get(text)
        if day is None:
            try:
                day = parse_date(text, self._order)
            except DateProblem as error:
                problem(field, str(error))
                return None
            _remember(self._days, text, day)
        return day

    def _attribution(
        self,
        fields: list[str],
        subscription: str,
        problem: Callable[[UsageField, str], None],
    ) -> tuple[Workload | None, Association | None]:
        """The workload and association a record gives (needed where it creates a subscription)."""
        workload_text = self._cell(fields, F.WORKLOAD)
        workload = parse_workload(workload_text) if workload_text else None
        if workload_text and workload is None:
            names = ", ".join(w.value for w in Workload)
            problem(F.WORKLOAD, f"{workload_text!r} is not a workload ({names})")
        association_text = self._cell(fields, F.ASSOCIATION)
        association = parse_association(association_text) if association_text else None
        if association_text and association is None:
            names = ", ".join(a.value for a in Association)
            problem(F.ASSOCIATION, f"{association_text!r} is not an association ({names})")
        new = subscription and subscription not in self._known
        if new and self._source == SHEET and not workload_text:
            problem(F.WORKLOAD, "missing (a new subscription needs its workload)")
        if new and self._source in (SHEET, INSIGHTS_AZURE) and not association_text:
            problem(F.ASSOCIATION, "missing (a new subscription needs its association)")
        return workload, association


_ZERO = Decimal(0)


def _remember(memory: dict[str, date], key: str, value: date) -> None:
    if len(memory) >= _MEMORY:
        memory.clear()
    memory[key] = value
