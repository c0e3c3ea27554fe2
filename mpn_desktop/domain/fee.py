"""Step 4, the yearly fee: the membership year of the as-of day, its level, amount and payment."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from mpn_desktop.domain.catalog import FeeRule
from mpn_desktop.domain.dates import same_day_in_year
from mpn_desktop.domain.enums import Level, StepKind
from mpn_desktop.domain.evidence import Evidence
from mpn_desktop.domain.facts import FeePayment
from mpn_desktop.domain.progress import FeeStatus, FeeYear, StepProgress
from mpn_desktop.domain.vocabulary import _
from mpn_desktop.domain.wording import day, level_word, money, with_source


@dataclass(frozen=True, slots=True)
class MembershipYear:
    """From an anniversary to the day before the next one."""

    start: date
    end: date

    @property
    def next_start(self) -> date:
        """The next anniversary (the renewal day)."""
        return self.end + timedelta(days=1)


def membership_year(anniversary: date | None, as_of: date) -> MembershipYear | None:
    """The membership year that contains ``as_of``; None when no anniversary is known."""
    if anniversary is None:
        return None
    start = same_day_in_year(anniversary, as_of.year)
    if start > as_of:
        start = same_day_in_year(anniversary, as_of.year - 1)
    following = same_day_in_year(anniversary, start.year + 1)
    return MembershipYear(start, following - timedelta(days=1))


def _payments_in(year: MembershipYear, payments: tuple[FeePayment, ...]) -> list[FeePayment]:
    return [item for item in payments if year.start <= item.membership_year_start <= year.end]


def fee_step(
    rule: FeeRule, year: MembershipYear | None, payments: tuple[FeePayment, ...], level: Level
) -> StepProgress:
    """Step 4 at one level: a payment at that level or higher for the membership year."""
    notes = (with_source(rule.note, rule.source),) if rule.note else ()
    if year is None:
        return StepProgress(
            step=StepKind.FEE,
            met=False,
            have=Decimal(0),
            need=Decimal(0),
            unit="USD",
            description=_("the {level} competency fee for the membership year").format(
                level=level_word(level.value)
            ),
            missing=(_("Enter the organisation's membership anniversary to check the fee"),),
            notes=notes,
        )
    due = rule.amount(level, year.start)
    covering = [item for item in _payments_in(year, payments) if item.level.rank >= level.rank]
    paid = sum((item.amount_usd for item in covering), Decimal(0))
    met = bool(covering)
    period = _("{start} to {end}").format(start=day(year.start), end=day(year.end))
    amount = money(due) if due is not None else _("the amount in force")
    missing = (
        ()
        if met
        else (
            _("Pay the {level} fee of {amount} for the membership year {period}").format(
                level=level_word(level.value), amount=amount, period=period
            ),
        )
    )
    evidence = tuple(
        Evidence(
            subject=_("Payment for the year from {day}").format(
                day=day(item.membership_year_start)
            ),
            detail=f"{level_word(item.level.value)} {money(item.amount_usd)}"
            + (_(", paid {day}").format(day=day(item.paid_on)) if item.paid_on else ""),
            amount=item.amount_usd,
            level=item.level,
            on=item.paid_on,
        )
        for item in covering
    )
    return StepProgress(
        step=StepKind.FEE,
        met=met,
        have=paid,
        need=due if due is not None else Decimal(0),
        unit="USD",
        description=_("the {level} competency fee of {amount} for the year {period}").format(
            level=level_word(level.value), amount=amount, period=period
        ),
        evidence=evidence,
        missing=missing,
        notes=notes,
    )


def fee_status(
    rule: FeeRule,
    year: MembershipYear | None,
    renewal: MembershipYear | None,
    payments: tuple[FeePayment, ...],
    level: Level | None,
) -> FeeStatus:
    """The next renewal (``renewal``, the year after ``year``) and this year's fee, at ``level``.

    ``level`` is the highest level aimed at (None without targets: nothing is owed).
    """
    if year is None or renewal is None:
        return FeeStatus(level=level, amount_usd=None, due_on=None, paid=False)
    return FeeStatus(
        level=level,
        amount_usd=rule.amount(level, renewal.start) if level is not None else None,
        due_on=renewal.start,
        paid=level is not None and _covered(renewal, payments, level),
        current_year=fee_year(rule, year, payments, level),
    )


def fee_year(
    rule: FeeRule, year: MembershipYear, payments: tuple[FeePayment, ...], level: Level | None
) -> FeeYear:
    """What was paid for ``year`` and what is still owed for it at ``level``."""
    paid = _payments_in(year, payments)
    level_paid = max((item.level for item in paid), key=lambda item: item.rank, default=None)
    if level is None or _covered(year, payments, level):
        owed: Decimal | None = Decimal(0)
    else:
        owed = rule.amount(level, year.start)
    return FeeYear(
        start=year.start,
        end=year.end,
        level_paid=level_paid,
        amount_paid_usd=sum((item.amount_usd for item in paid), Decimal(0)),
        owed_usd=owed,
    )


def _covered(year: MembershipYear, payments: tuple[FeePayment, ...], level: Level) -> bool:
    """Whether a payment at ``level`` or higher is recorded for ``year``."""
    return any(item.level.rank >= level.rank for item in _payments_in(year, payments))


@dataclass(frozen=True, slots=True)
class PaymentOffer:
    """What a new payment is filled with (None: left for the user to enter)."""

    membership_year_start: date | None = None
    level: Level | None = None
    amount_usd: Decimal | None = None


def payment_offer(fee: FeeStatus | None, designation_fee: FeeStatus | None = None) -> PaymentOffer:
    """The payment a user most likely records next, under either program.

    The competencies (``fee``): this membership year at the level aimed at, of what is still
    owed (nothing offered once this year's fee is paid: offering it again invited a
    duplicate). A designation day (``designation_fee``, SOLUTIONS-PARTNER.md § 3.2): the next
    renewal at the one designation fee while it is unpaid; the fee has no level, so the
    payment keeps the level this year's was recorded at, else the user picks it (the
    competencies' level and amount "owed" this year do not apply).
    """
    year = fee.current_year if fee is not None else None
    if designation_fee is not None:
        return PaymentOffer(
            membership_year_start=designation_fee.due_on,
            level=year.level_paid if year is not None else None,
            amount_usd=(
                designation_fee.amount_usd
                if not designation_fee.paid and designation_fee.amount_usd
                else None
            ),
        )
    if fee is None or year is None:
        return PaymentOffer()
    return PaymentOffer(
        membership_year_start=year.start,
        level=fee.level,
        amount_usd=year.owed_usd if year.owed_usd else None,
    )
