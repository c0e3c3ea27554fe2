"""Small builders of facts for the rules-engine tests: each names only what a test is about."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Any

from mpn_desktop.domain.catalog import Catalog
from mpn_desktop.domain.dates import Month
from mpn_desktop.domain.enums import (
    Association,
    Level,
    Market,
    ReferenceStatus,
    StepKind,
    Workload,
)
from mpn_desktop.domain.evaluate import evaluate
from mpn_desktop.domain.facts import (
    ExamResult,
    Facts,
    FeePayment,
    Organization,
    Person,
    Reference,
    Subscription,
    Target,
    Usage,
)
from mpn_desktop.domain.progress import LevelProgress, OptionProgress, Progress, StepProgress

AS_OF = date(2018, 3, 15)
"""The usual as-of day: its 12-month window is 2017-03 to 2018-02, its latest month 2018-02."""

LONG_AGO = date(2015, 1, 1)

PLATFORM = "cloud-platform"
PRODUCTIVITY = "cloud-productivity"
SMB = "small-midmarket-cloud-solutions"
CRM = "cloud-crm"
EMM = "enterprise-mobility-management"

SILVER = Level.SILVER
GOLD = Level.GOLD


def organization(
    market: Market = Market.DEVELOPED, anniversary: date | None = None
) -> Organization:
    """Contoso, in a developed market unless told otherwise."""
    return Organization("Contoso Cloud Ltd", "4123456", market, anniversary)


def subscription(
    sub_id: str = "sub-1",
    *,
    customer: str | None = None,
    workload: Workload = Workload.AZURE,
    association: Association = Association.DPOR,
    associated_on: date = LONG_AGO,
    started_on: date | None = None,
    ended_on: date | None = None,
    trial: bool = False,
) -> Subscription:
    """A paid subscription associated long ago (customer named after the id by default)."""
    return Subscription(
        id=sub_id,
        customer=customer if customer is not None else f"Customer of {sub_id}",
        workload=workload,
        association=association,
        associated_on=associated_on,
        started_on=started_on if started_on is not None else associated_on,
        ended_on=ended_on,
        trial=trial,
    )


def usage(
    sub_id: str,
    month: str,
    *,
    consumption: int | str = 0,
    revenue: int | str = 0,
    users: int = 0,
) -> Usage:
    """One month of a subscription."""
    return Usage(
        subscription=sub_id,
        month=Month.parse(month),
        consumption_usd=Decimal(consumption),
        revenue_usd=Decimal(revenue),
        active_users=users,
    )


def months(first: str, last: str) -> list[str]:
    """Every month from ``first`` to ``last`` inclusive, as YYYY-MM."""
    start, end = Month.parse(first), Month.parse(last)
    return [str(Month.from_index(index)) for index in range(start.index, end.index + 1)]


def person(
    mcp_id: str, name: str | None = None, *, associated: bool = True, left_on: date | None = None
) -> Person:
    """A person of the organisation, associated and still there unless told otherwise."""
    return Person(
        name=name if name is not None else f"Person {mcp_id}",
        mcp_id=mcp_id,
        associated=associated,
        left_on=left_on,
    )


def exam(mcp_id: str, code: str, passed_on: date = date(2017, 6, 1)) -> ExamResult:
    """A passed exam (or assessment or certification)."""
    return ExamResult(mcp_id=mcp_id, exam_code=code, passed_on=passed_on)


def skilled(
    mcp_id: str, *codes: str, name: str | None = None, **person_options: Any
) -> tuple[Person, list[ExamResult]]:
    """A person and the credentials they passed."""
    return person(mcp_id, name, **person_options), [exam(mcp_id, code) for code in codes]


def reference(
    competency: str,
    customer: str = "Fabrikam",
    *,
    status: ReferenceStatus = ReferenceStatus.APPROVED,
    approved_on: date | None = date(2017, 6, 1),
    submitted_on: date | None = None,
) -> Reference:
    """An approved customer reference unless told otherwise."""
    return Reference(
        customer=customer,
        competency=competency,
        status=status,
        submitted_on=submitted_on,
        approved_on=approved_on,
    )


def references(
    competency: str, count: int, approved_on: date = date(2017, 6, 1)
) -> list[Reference]:
    """``count`` approved references from distinct customers."""
    return [
        reference(competency, f"Customer {index}", approved_on=approved_on)
        for index in range(count)
    ]


def payment(year_start: date, level: Level, amount: int | None = None) -> FeePayment:
    """A fee payment for the membership year starting on ``year_start``."""
    due = {Level.SILVER: 1670, Level.GOLD: 4730}[level] if amount is None else amount
    return FeePayment(membership_year_start=year_start, level=level, amount_usd=Decimal(due))


def facts(
    *,
    org: Organization | None = None,
    targets: Iterable[tuple[str, Level]] = (),
    subscriptions: Iterable[Subscription] = (),
    usage_rows: Iterable[Usage] = (),
    people: Iterable[Person] = (),
    exams: Iterable[ExamResult] = (),
    skilled_people: Iterable[tuple[Person, list[ExamResult]]] = (),
    refs: Iterable[Reference] = (),
    payments: Iterable[FeePayment] = (),
) -> Facts:
    """Facts of Contoso with only what a test names."""
    crowd = list(skilled_people)
    return Facts(
        organization=org if org is not None else organization(),
        targets=tuple(Target(competency, level) for competency, level in targets),
        subscriptions=tuple(subscriptions),
        usage=tuple(usage_rows),
        people=(*people, *(item for item, _ in crowd)),
        exams=(*exams, *(result for _, results in crowd for result in results)),
        references=tuple(refs),
        fee_payments=tuple(payments),
    )


def two_workloads() -> Facts:
    """Azure and CRM subscriptions with usage over the window and a reference each."""
    months = [f"2017-{month:02d}" for month in range(3, 13)]
    return facts(
        subscriptions=[
            subscription("azure-1", workload=Workload.AZURE),
            subscription("crm-1", workload=Workload.DYNAMICS_CRM),
        ],
        usage_rows=[usage("azure-1", month, consumption=2000) for month in months]
        + [usage("crm-1", month, revenue=900, users=30) for month in months],
        refs=[reference(PLATFORM, "Fabrikam"), reference(CRM, "Contoso")],
    )


def run(catalog: Catalog, given: Facts, as_of: date = AS_OF) -> Progress:
    """``evaluate`` on ``as_of`` (AS_OF by default)."""
    return evaluate(catalog, given, as_of)


def level_of(progress: Progress, competency: str, level: Level) -> LevelProgress:
    """One level of one competency."""
    return progress.competency(competency).level(level)


def option_of(
    progress: Progress, competency: str, level: Level, option: str | None = None
) -> OptionProgress:
    """One option of a level: the one used (or closest) unless named."""
    found = level_of(progress, competency, level)
    if option is None:
        return found.option
    return next(item for item in found.options if item.option_id == option)


def step_of(
    progress: Progress,
    competency: str,
    level: Level,
    kind: StepKind,
    option: str | None = None,
) -> StepProgress:
    """One step of one option of a level."""
    step = option_of(progress, competency, level, option).step(kind)
    assert step is not None, f"{competency} {level.value} has no {kind.value} step"
    return step


def have(
    catalog: Catalog,
    given: Facts,
    competency: str,
    level: Level,
    kind: StepKind,
    *,
    as_of: date = AS_OF,
    option: str | None = None,
) -> Decimal:
    """The ``have`` of one step after evaluating ``given`` on ``as_of``."""
    return step_of(run(catalog, given, as_of), competency, level, kind, option).have
