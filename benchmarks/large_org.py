"""The large organisation every benchmark uses: the size issue #2 names, built deterministically.

5 targets, 1,000 subscriptions x 36 months of usage, 2,000 people with
10,000 exam results, 1,000 references (and the customers they need).
``build_large_org()`` returns the Facts; ``AS_OF`` is the day to evaluate on.
"""

from __future__ import annotations

import dataclasses
import random
from datetime import date, timedelta
from decimal import Decimal

from mpn_desktop.domain.dates import Month
from mpn_desktop.domain.enums import (
    Association,
    CredentialKind,
    Level,
    Market,
    ReferenceStatus,
    Workload,
)
from mpn_desktop.domain.facts import (
    Customer,
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

AS_OF = date(2018, 3, 15)
SUBSCRIPTIONS = 1_000
MONTHS = 36
PEOPLE = 2_000
EXAM_RESULTS = 10_000
REFERENCES = 1_000

_COMPETENCIES = (
    "cloud-platform",
    "cloud-productivity",
    "small-midmarket-cloud-solutions",
    "cloud-crm",
    "enterprise-mobility-management",
)
_CODES = (
    ("70-533", CredentialKind.EXAM),
    ("70-532", CredentialKind.EXAM),
    ("70-534", CredentialKind.EXAM),
    ("TA-CLOUD-PLATFORM", CredentialKind.ASSESSMENT),
    ("70-346", CredentialKind.EXAM),
    ("70-347", CredentialKind.EXAM),
    ("MCSA-O365", CredentialKind.CERTIFICATION),
    ("MB2-714", CredentialKind.EXAM),
    ("MB2-710", CredentialKind.EXAM),
    ("MB2-712", CredentialKind.EXAM),
    ("TA-EMS-OVERVIEW", CredentialKind.ASSESSMENT),
    ("TA-EMS-MDM", CredentialKind.ASSESSMENT),
    ("98-365", CredentialKind.EXAM),
)


def build_large_org(seed: int = 2018) -> Facts:
    """The large organisation (the same for the same seed)."""
    rng = random.Random(seed)
    customers = tuple(Customer(f"Customer {index:04d}") for index in range(400))
    workloads = tuple(Workload)
    # The 2017-2018 associations, named: later programs' (cpor, pal) would change the draw.
    associations = (
        Association.DPOR,
        Association.DELEGATED_ADMIN,
        Association.TRANSACTING,
        Association.FASTTRACK,
    )
    first_month = Month.of(AS_OF).plus(-MONTHS)
    # One Month object per month, shared by the rows, as the store's loader does.
    months = [first_month.plus(offset) for offset in range(MONTHS)]
    subscriptions = []
    usage = []
    for index in range(SUBSCRIPTIONS):
        workload = workloads[index % len(workloads)]
        started = first_month.first_day + timedelta(days=rng.randrange(0, 900))
        sub = Subscription(
            id=f"sub-{index:04d}",
            customer=customers[rng.randrange(len(customers))].name,
            workload=workload,
            association=associations[rng.randrange(len(associations))],
            associated_on=started + timedelta(days=rng.randrange(0, 60)),
            started_on=started,
            ended_on=None if rng.random() > 0.1 else started + timedelta(days=400),
            trial=rng.random() < 0.03,
        )
        subscriptions.append(sub)
        for offset in range(MONTHS):
            usage.append(
                Usage(
                    subscription=sub.id,
                    month=months[offset],
                    consumption_usd=Decimal(rng.randrange(0, 900)),
                    revenue_usd=Decimal(rng.randrange(0, 2_000))
                    if workload is Workload.DYNAMICS_CRM
                    else Decimal(0),
                    active_users=rng.randrange(0, 40),
                )
            )
    people = tuple(
        Person(
            name=f"Person {index:04d}",
            mcp_id=f"{1_000_000 + index}",
            email=f"person{index}@example.com",
            associated=rng.random() > 0.05,
            left_on=None
            if rng.random() > 0.05
            else AS_OF + timedelta(days=rng.randrange(-200, 200)),
        )
        for index in range(PEOPLE)
    )
    # Unique (person, credential, day), as the store requires.
    seen: set[tuple[str, str, date]] = set()
    exams_found: list[ExamResult] = []
    while len(exams_found) < EXAM_RESULTS:
        code, kind = _CODES[rng.randrange(len(_CODES))]
        result = ExamResult(
            mcp_id=people[rng.randrange(PEOPLE)].mcp_id,
            exam_code=code,
            passed_on=AS_OF - timedelta(days=rng.randrange(-30, 1_000)),
            kind=kind,
        )
        key = (result.mcp_id, result.exam_code, result.passed_on)
        if key not in seen:
            seen.add(key)
            exams_found.append(result)
    exams = tuple(exams_found)
    statuses = tuple(ReferenceStatus)
    references = []
    for _index in range(REFERENCES):
        status = statuses[rng.randrange(len(statuses))]
        submitted = AS_OF - timedelta(days=rng.randrange(0, 1_000))
        approved = submitted + timedelta(days=30) if status.counts else None
        references.append(
            Reference(
                customer=customers[rng.randrange(len(customers))].name,
                competency=_COMPETENCIES[rng.randrange(len(_COMPETENCIES))],
                status=status,
                submitted_on=submitted,
                approved_on=approved,
            )
        )
    return Facts(
        organization=Organization(
            name="Large Partner Ltd",
            mpn_id="9000001",
            market=Market.DEVELOPED,
            anniversary=date(2017, 6, 30),
        ),
        targets=tuple(
            Target(competency, Level.GOLD if index % 2 else Level.SILVER)
            for index, competency in enumerate(_COMPETENCIES)
        ),
        customers=customers,
        subscriptions=tuple(subscriptions),
        usage=tuple(usage),
        people=people,
        exams=exams,
        references=tuple(references),
        fee_payments=(FeePayment(date(2017, 6, 30), Level.GOLD, Decimal(3940), date(2017, 6, 20)),),
    )


def without_repeated_exams(facts: Facts) -> Facts:
    """The facts minus exams that repeat a person's exam on a day (the store refuses those)."""
    seen: set[tuple[object, ...]] = set()
    kept = []
    for exam in facts.exams:
        key = (exam.mcp_id, exam.exam_code, exam.passed_on)
        if key not in seen:
            seen.add(key)
            kept.append(exam)
    return dataclasses.replace(facts, exams=tuple(kept))
