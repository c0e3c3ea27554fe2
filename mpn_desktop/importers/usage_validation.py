"""Checking one record of a usage file: every problem with its line and field.

A valid record becomes a ``UsageLine``: the subscription it is of (with its
customer), the month, the service, the amounts in US$ (converted with the
rate the user gave for the file's currency, never guessed), and what the
file kind's sums need (charge type, seats, dates of the charge).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date
from decimal import Decimal
from functools import partial
from itertools import compress, count, repeat
from operator import is_, itemgetter, mul
from typing import NamedTuple

from mpn_desktop.domain.enums import Association, Workload
from mpn_desktop.domain.vocabulary import _
from mpn_desktop.domain.wording import number
from mpn_desktop.importers.amounts import POINT, AmountProblem, parse_amount, parse_month
from mpn_desktop.importers.columns import ColumnMapping
from mpn_desktop.importers.dates import DateOrder, DateProblem, parse_date
from mpn_desktop.importers.reading import RecordBatch
from mpn_desktop.importers.usage_fields import (
    INSIGHTS_AZURE,
    INSIGHTS_LICENCES,
    INSIGHTS_SUBSCRIPTIONS,
    NEW_COMMERCE,
    SHEET,
    UsageField,
)
from mpn_desktop.importers.validation import (
    RowProblem,
    invisible_character,
    plain_text,
    record_problems,
)
from mpn_desktop.store.changes import RecordKind
from mpn_desktop.store.schema_fields import text_limit
from mpn_desktop.store.values import format_character

F = UsageField
_ATTRIBUTED = (SHEET, INSIGHTS_AZURE, INSIGHTS_LICENCES, INSIGHTS_SUBSCRIPTIONS)
"""Files whose new subscriptions take their association from a column (never assumed)."""
# The longest values the database keeps, read off its columns.
_LIMITS = {
    F.SUBSCRIPTION: text_limit(RecordKind.SUBSCRIPTION, "external_id"),
    F.CUSTOMER: text_limit(RecordKind.CUSTOMER, "name"),
    F.TENANT_ID: text_limit(RecordKind.CUSTOMER, "tenant_id"),
    F.SERVICE: text_limit(RecordKind.USAGE, "service"),
}
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
    """A line to leave out: a duplicate row of another partner attribution, a free SKU, or
    (new commerce, Subscription details) a product no competency workload measures."""
    trial: bool
    """New commerce: ``ProductQualifiers`` names a trial (its seats are not paid)."""


_WORKLOAD_WORDS = (
    ("dynamics", Workload.DYNAMICS_CRM),
    ("d365", Workload.DYNAMICS_CRM),
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
        self._read = max((c for c in self._col.values() if c is not None), default=-1) + 1
        """The columns read (the last one's index + 1)."""
        self._marks = marks
        self._rates = {USD: Decimal(1), **rates}
        self._known = known_subscriptions
        self._order = order
        self._days: dict[str, date] = {}
        self._months: dict[str, date] = {}
        self.currencies_without_rate: dict[str, int] = {}
        plain_columns = (F.WORKLOAD, F.ASSOCIATION, F.ASSOCIATED_ON, F.MONTH)
        self._fast = (
            None
            if any(self._col[field] is not None for field in plain_columns)
            or self._col[F.DAY] is None
            or any(mark != POINT for mark in marks.values())
            # A new commerce invoice has a line per charge, not per meter and day (small
            # files), and lines the column reader would not leave out (Azure, other publishers).
            or self._source == NEW_COMMERCE
            else _ColumnReader(self, self._col)
        )

    def validate_batch(
        self,
        records: RecordBatch,
        rows: list[UsageLine],
        problems: list[RowProblem],
    ) -> int:
        """Validates a batch of records; returns how many it read.

        A batch of the usual shape (every cell as the files write it) is read
        column by column, each column's values looked up or converted at once;
        any other batch record by record, where each problem is named.
        """
        batch = list(records)
        if not batch:
            return 0
        found = self._fast.rows(batch) if self._fast is not None else None
        if found is not None:
            rows.extend(found)
            return len(batch)
        for line, fields in batch:
            before = len(problems)
            row = self._check(line, fields, problems)
            if row is not None:
                rows.append(row)
            elif len(problems) > before:
                said = problems[before:]
                problems[before:] = record_problems(line, fields, self._header, self._read, said)
        return len(batch)

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
        if not subscription and self._source == INSIGHTS_LICENCES and cell(fields, F.TENANT_ID):
            # Office 365 licence usage is per tenant: one subscription stands for its seats.
            subscription = f"{cell(fields, F.TENANT_ID)} Office 365"
        if not subscription:
            problem(F.SUBSCRIPTION, _("missing"))
        for field, limit in _LIMITS.items():
            if len(cell(fields, field)) > limit:
                problem(field, _("longer than {count} characters").format(count=number(limit)))
        for field in _TEXT_FIELDS:
            wrong = invisible_character(cell(fields, field))
            if wrong is not None:
                problem(field, wrong)
        month, day = self._month(line, fields, problems)
        currency = cell(fields, F.CURRENCY).upper() or USD
        rate = self._rates.get(currency)
        if rate is None:
            self.currencies_without_rate[currency] = (
                self.currencies_without_rate.get(currency, 0) + 1
            )
            problem(
                F.CURRENCY,
                _(
                    "amounts in {currency} need a rate (what one {currency} is in US$); "
                    "rates are never guessed"
                ).format(currency=currency),
            )
            rate = Decimal(1)
        consumption = self._amount(fields, F.CONSUMPTION, problem) * rate
        revenue = self._amount(fields, F.REVENUE, problem) * rate
        users = self._count(fields, F.ACTIVE_USERS, problem)
        offer = cell(fields, F.OFFER)
        left_out = self._left_out(fields, offer)
        if self._source == NEW_COMMERCE:
            # A removeQuantity or cancelImmediate line may write its Quantity as negative (the
            # document does not say); its charge type says it reduces, so the sign is not needed.
            # Azure lines' Quantity need not be whole: they are left out unread.
            seats = 0 if left_out else self._count(fields, F.PAID_SEATS, problem, signed=True)
        else:
            seats = self._count(fields, F.PAID_SEATS, problem)
        unit_price = (
            self._amount(fields, F.UNIT_PRICE, problem) if self._col[F.UNIT_PRICE] else None
        )
        # A line left out creates nothing, so it needs no association.
        workload, association = self._attribution(
            fields, subscription if not left_out else "", problem
        )
        if self._source == INSIGHTS_SUBSCRIPTIONS and workload is None:
            workload = parse_workload(offer)
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
            offer,
            unit_price,
            workload,
            association,
            associated_on,
            _is_duplicate(cell(fields, F.DUPLICATE))
            or cell(fields, F.FREE_SKU).casefold() == "free"
            or left_out,
            self._source == NEW_COMMERCE and "trial" in cell(fields, F.QUALIFIERS).casefold(),
        )

    def _left_out(self, fields: list[str], offer: str) -> bool:
        """A line of a product no competency workload measures, in the files that name one.

        New commerce (PARTNER-CENTER-FILES.md § 4): Azure plan lines are aggregates whose
        consumption by month comes from the daily rated usage file (§ 3); they are told by
        a MeterDescription (usage-based lines only) or by ``Azure plan`` in
        SubscriptionDescription or ProductName (whose sample is the meter's product,
        ``Tables``). Azure reservations and savings plans are not consumption by month
        either. Products of other publishers (Marketplace) are no Microsoft workload.
        Subscription details (§ 6): Power BI and any Product that is not one of the four
        workloads.
        """
        if self._source == NEW_COMMERCE:
            publisher = self._cell(fields, F.PUBLISHER).casefold()
            names = f"{offer} {self._cell(fields, F.PLAN)}".casefold()
            # Not any "Azure": Azure Active Directory Premium is a licence.
            azure = any(word in names for word in _AZURE_CHARGES)
            other = bool(publisher) and "microsoft" not in publisher
            return azure or other or bool(self._cell(fields, F.METER))
        if self._source == INSIGHTS_SUBSCRIPTIONS:
            return parse_workload(offer) is None
        return False

    def _label(self, field: UsageField) -> str:
        """The field as a problem names it: its column as the file writes it, else (a month
        read from a charge's day) the field in the chosen language, as the message is."""
        column = self._col[field]
        return self._header[column] if column is not None else _(field.label)

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
            problems.append(RowProblem(line, self._label(F.MONTH), _("missing")))
            return None, None
        month = self._months.get(text)
        if month is None:
            month = parse_month(text) or _first_day_named(text, self._order)
            if month is None:
                try:
                    month = parse_date(text, self._order).replace(day=1)
                except DateProblem:
                    problems.append(
                        RowProblem(
                            line,
                            self._label(F.MONTH),
                            _(
                                "{value} is not a month (expected e.g. 2019-03, 03/2019 or "
                                "Mar 2019)"
                            ).format(value=repr(text)),
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
            amount = parse_amount(text, self._marks.get(column, POINT))
        except AmountProblem as error:
            problem(field, str(error))
            return _ZERO
        if abs(amount) >= MAX_AMOUNT:
            problem(
                field,
                _("{value} is too large (amounts go up to {most})").format(
                    value=repr(text), most=number(MAX_AMOUNT - Decimal("0.01"))
                ),
            )
            return _ZERO
        return amount

    def _count(
        self,
        fields: list[str],
        field: UsageField,
        problem: Callable[[UsageField, str], None],
        *,
        signed: bool = False,
    ) -> int:
        """A whole number from 0 (or, ``signed``, from minus the largest) to MAX_COUNT."""
        amount = self._amount(fields, field, problem)
        size = abs(amount) if signed else amount
        if amount != amount.to_integral_value() or size < 0 or size > MAX_COUNT:
            problem(
                field,
                _("{value} is not a whole number from {lowest} to {highest}").format(
                    value=repr(self._cell(fields, field)),
                    lowest=number(-MAX_COUNT if signed else 0),
                    highest=number(MAX_COUNT),
                ),
            )
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
            problem(
                F.WORKLOAD,
                _("{value} is not a workload ({names})").format(
                    value=repr(workload_text), names=names
                ),
            )
        association_text = self._cell(fields, F.ASSOCIATION)
        association = parse_association(association_text) if association_text else None
        if association_text and association is None:
            names = ", ".join(a.value for a in Association)
            problem(
                F.ASSOCIATION,
                _("{value} is not an association ({names})").format(
                    value=repr(association_text), names=names
                ),
            )
        new = subscription and subscription not in self._known
        if new and self._source == SHEET and not workload_text:
            problem(F.WORKLOAD, _("missing (a new subscription needs its workload)"))
        if new and self._source in _ATTRIBUTED and not association_text:
            problem(F.ASSOCIATION, _("missing (a new subscription needs its association)"))
        return workload, association


_ZERO = Decimal(0)
_AZURE_CHARGES = ("azure plan", "reservation", "reserved", "savings plan")


def _first_day_named(text: str, order: DateOrder | None) -> date | None:
    """A month written as its first day (Insights: ``2/1/2020``): the reading that is a 1st.

    2/1/2020 is February month-first and 2 January day-first; as a month, it
    can only mean the month whose first day it is.
    """
    if order is not None:
        return None
    readings = []
    for each in DateOrder:
        try:
            readings.append(parse_date(text, each))
        except DateProblem:
            continue
    firsts = {day for day in readings if day.day == 1}
    return firsts.pop() if len(firsts) == 1 else None


MAX_AMOUNT = Decimal(10) ** 12
"""Amounts below this in size fit the store's money (14 digits, 2 after the point)."""
MAX_COUNT = 999_999_999
"""Seats and users up to this fit every database's integer."""
# The cells the column reader converts at once: anything longer, or of another
# form, is read record by record, where each problem is named.
_PLAIN_AMOUNT = re.compile(r"-?\d{1,12}(?:\.\d{1,12})?")
_PLAIN_COUNT = re.compile(r"\d{1,9}")
_ODD_EDGES = frozenset(" \t'\u00a0")
_TEXT_FIELDS = (
    F.SUBSCRIPTION,
    F.CUSTOMER,
    F.TENANT_ID,
    F.SERVICE,
    F.CHARGE_TYPE,
    F.INVOICE,
    F.OFFER,
    F.DUPLICATE,
    F.CURRENCY,
)


class _ColumnReader:
    """Reads a batch of a reconciliation file column by column (the loops run in C).

    Files of one kind repeat the same subscriptions, services, days and
    charge types on thousands of lines: each distinct cell is checked once
    and remembered; amounts are converted a column at a time. Returns None
    for a batch with anything unusual (a missing or overlong cell, a date or
    amount of another form, a currency without a rate), which is then read
    record by record so that each problem is named with its line.
    """

    def __init__(self, validator: UsageValidator, columns: Mapping[UsageField, int | None]) -> None:
        self._validator = validator
        self._columns = columns
        self._width = max(c for c in columns.values() if c is not None) + 1
        self._texts: dict[str, str] = {}
        self._days: dict[str, tuple[date, date]] = {}
        self._rates = validator._rates

    def rows(self, batch: list[tuple[int, list[str]]]) -> list[UsageLine] | None:
        cells = list(map(_SECOND, batch))
        width = self._width
        if min(map(len, cells)) < width:
            return None
        count = len(batch)
        columns = self._columns

        def column(field: UsageField) -> list[str] | None:
            index = columns[field]
            return None if index is None else list(map(itemgetter(index), cells))

        texts: dict[UsageField, list[str]] = {}
        for field in _TEXT_FIELDS:
            values = column(field)
            if values is None:
                continue
            cleaned = self._cleaned(values, _LIMITS.get(field, 10_000))
            if cleaned is None:
                return None
            texts[field] = cleaned
        blank = [""] * count
        subscriptions = texts[F.SUBSCRIPTION]
        if "" in subscriptions:
            return None
        day_cells = column(F.DAY)
        assert day_cells is not None, "a fast batch is dated by day"
        days = self._dates(day_cells)
        if days is None:
            return None
        ends = self._optional_dates(column(F.CHARGE_END), count)
        starts = self._optional_dates(column(F.SUBSCRIPTION_START), count)
        if ends is None or starts is None:
            return None
        currencies = texts.get(F.CURRENCY)
        rates: list[Decimal] | None = None
        if currencies is not None:
            if not set(currencies) <= {"", *self._rates}:
                return None
            if set(currencies) - {"", USD}:
                rates = [self._rates.get(currency or USD, _ONE) for currency in currencies]
        consumption = self._amounts(column(F.CONSUMPTION), count, rates)
        revenue = self._amounts(column(F.REVENUE), count, rates)
        users = self._counts(column(F.ACTIVE_USERS), count)
        seats = self._counts(column(F.PAID_SEATS), count)
        unit_prices = column(F.UNIT_PRICE)
        prices: list[Decimal | None] = [None] * count
        if unit_prices is not None:
            converted = self._amounts(unit_prices, count, None)
            if converted is None:
                return None
            prices = list(converted)
        if consumption is None or revenue is None or users is None or seats is None:
            return None
        charge_types = texts.get(F.CHARGE_TYPE, blank)
        folded = list(map(str.casefold, charge_types)) if charge_types is not blank else blank
        nothing = [None] * count
        no = [False] * count
        return list(
            map(
                tuple.__new__,
                repeat(UsageLine),
                zip(
                    map(_FIRST, batch),
                    subscriptions,
                    texts.get(F.CUSTOMER, blank),
                    texts.get(F.TENANT_ID, blank),
                    map(_FIRST, days),
                    texts.get(F.SERVICE, blank),
                    consumption,
                    revenue,
                    users,
                    seats,
                    folded,
                    texts.get(F.INVOICE, blank),
                    map(_SECOND, days),
                    ends,
                    starts,
                    texts.get(F.OFFER, blank),
                    prices,
                    nothing,
                    nothing,
                    nothing,
                    map(_is_duplicate, texts.get(F.DUPLICATE, blank)),
                    no,
                    strict=True,
                ),
            )
        )

    def _cleaned(self, values: list[str], limit: int) -> list[str] | None:
        """The cells as text to store, or None when one is too long."""
        memory = self._texts
        found = list(map(memory.get, values))
        if None in found:
            # Each value new to the memory is cleaned once: it usually repeats in the batch.
            for index in compress(count(), map(_is_none, found)):
                value = values[index]
                text = memory.get(value)
                if text is None:
                    text = (
                        plain_text(value)
                        if value and (value[0] in _ODD_EDGES or value[-1] in _ODD_EDGES)
                        else value
                    )
                    # Read record by record, where the problem is named with its line.
                    if len(text) > limit or format_character(text) is not None:
                        return None
                    if len(memory) >= _MEMORY:
                        memory.clear()
                    memory[value] = text
                found[index] = text
        return found  # type: ignore[return-value]

    def _dates(self, values: list[str]) -> list[tuple[date, date]] | None:
        """Per cell: (its month's first day, the day); None when a cell is not a date."""
        memory = self._days
        found = list(map(memory.get, values))
        if None in found:
            order = self._validator._order
            # Each value new to the memory is parsed once: it usually repeats in the batch.
            for index in compress(count(), map(_is_none, found)):
                value = values[index]
                pair = memory.get(value)
                if pair is None:
                    try:
                        day = parse_date(value, order)
                    except DateProblem:
                        return None
                    if len(memory) >= _MEMORY:
                        memory.clear()
                    pair = memory[value] = (day.replace(day=1), day)
                found[index] = pair
        return found  # type: ignore[return-value]

    def _optional_dates(self, values: list[str] | None, count: int) -> list[date | None] | None:
        """Per cell: the day, or None for an empty cell; None when a cell is not a date."""
        if values is None:
            return [None] * count
        if "" not in values:
            pairs = self._dates(values)
            return None if pairs is None else list(map(_SECOND, pairs))
        found: list[date | None] = []
        for value in values:
            if not value:
                found.append(None)
                continue
            known = self._days.get(value)
            if known is None:
                pair = self._dates([value])
                if pair is None:
                    return None
                known = pair[0]
            found.append(known[1])
        return found

    def _amounts(
        self, values: list[str] | None, count: int, rates: list[Decimal] | None
    ) -> list[Decimal] | None:
        if values is None:
            return [_ZERO] * count
        match = _PLAIN_AMOUNT.fullmatch
        if not all(map(match, values)):
            return None
        amounts = list(map(Decimal, values))
        if rates is not None:
            amounts = list(map(mul, amounts, rates))
        return amounts

    def _counts(self, values: list[str] | None, count: int) -> list[int] | None:
        if values is None:
            return [0] * count
        if not all(map(_PLAIN_COUNT.fullmatch, values)):
            return None
        return list(map(int, values))


_FIRST, _SECOND = itemgetter(0), itemgetter(1)
_ONE = Decimal(1)
_is_none = partial(is_, None)


def _is_duplicate(text: str) -> bool:
    return text in ("1", "true", "True", "TRUE", "yes")


def _remember(memory: dict[str, date], key: str, value: date) -> None:
    if len(memory) >= _MEMORY:
        memory.clear()
    memory[key] = value
