"""Random organisations in Solutions Partner form for the designation tests.

Customers with Azure, Microsoft 365 and Dynamics subscriptions under every
association type (trial ones too), usage rows with services written in
several ways ("Storage", " storage"), amounts of several decimal places,
paid seats, and people (some gone, some not associated) with today's exams
written in several ways. ``clean`` leaves out what a stored database refuses
(a subscription or MCP ID given twice, usage of an unknown subscription, one
service twice in a month), so that the same organisation can be loaded.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import fields, is_dataclass
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction
from typing import Any

from mpn_desktop.domain.dates import Month
from mpn_desktop.domain.enums import Association, Workload
from mpn_desktop.domain.facts import (
    Customer,
    ExamResult,
    Facts,
    Organization,
    Person,
    Subscription,
    Usage,
)

SERVICES = (
    "",
    "Storage",
    " storage",
    "STORAGE ",
    "Sentinel",
    "Azure Firewall",
    "azure firewall",
    "Virtual Machines",
    "Key Vault",
    "Teams",
    "Exchange",
    "Intune",
    "Sales",
    "Business Central",
    "customer insights",
    "Power BI",
    "Azure Defender",
    "SQL Database",
)
CODES = (
    "AZ-104",
    "az-104",
    "Exam AZ 305",
    "AZ-500",
    "SC-200",
    "SC-300",
    "SC-100",
    "MS-700",
    "MS-900",
    "MS-102",
    "MB-210",
    "MB-800",
    "PL-300",
    "PL-400",
    "PL-600",
    "DP-100",
    "DP-203",
    "AI-102",
    "AZ-204",
    "AZ-700",
    "MD-102",
    "SC-400",
    "AZ-140",
)
AMOUNTS = ("0", "1", "12.5", "100.00", "250", "999.99", "1500", "3000.5", "12000", "0.01")

DAYS = (
    date(2022, 11, 3),
    date(2023, 8, 15),
    date(2023, 12, 1),
    date(2024, 6, 30),
    date(2025, 1, 20),
    date(2026, 6, 1),
)
"""As-of days with two years of the organisations' usage before them."""

_FIRST = Month(2021, 1)


def sp_organisation(rng: random.Random, *, clean: bool = False) -> Facts:
    """An organisation drawn from ``rng`` (the same draws give the same organisation)."""
    customers = tuple(Customer(f"Customer {i}") for i in range(rng.randint(1, 12)))
    subscriptions, usage = [], []
    for index in range(rng.randint(0, 24)):
        associated = date(2021, 1, 1) + timedelta(days=rng.randrange(0, 2000))
        sub_id = "sub-0" if not clean and rng.random() < 0.05 else f"sub-{index}"
        sub = Subscription(
            id=sub_id,
            customer=rng.choice(customers).name,
            workload=rng.choice(list(Workload)),
            association=rng.choice(list(Association)),
            associated_on=associated,
            started_on=associated - timedelta(days=rng.randrange(0, 100)),
            trial=rng.random() < 0.05,
        )
        subscriptions.append(sub)
        seen: set[tuple[Month, str]] = set()
        for _ in range(rng.randint(0, 40)):
            month = _FIRST.plus(rng.randrange(0, 72))
            service = rng.choice(SERVICES)
            if clean and (month, service) in seen:
                continue
            seen.add((month, service))
            unknown = not clean and rng.random() < 0.03
            usage.append(
                Usage(
                    subscription="sub-unknown" if unknown else sub_id,
                    month=month,
                    consumption_usd=Decimal(rng.choice(AMOUNTS)) * rng.randint(1, 30),
                    revenue_usd=Decimal(rng.choice(AMOUNTS)) * rng.randint(1, 3),
                    active_users=rng.randrange(0, 800),
                    service=service,
                    paid_seats=rng.randrange(0, 900),
                )
            )
    if clean:
        usage.sort(key=lambda u: (u.subscription, u.month, u.service))
    else:
        rng.shuffle(usage)
    people, exams = [], []
    for index in range(rng.randint(0, 16)):
        mcp_id = "1000" if not clean and rng.random() < 0.08 else str(1000 + index)
        people.append(
            Person(
                name=f"{rng.choice(('Ann', 'bob', 'Bob', 'Cy', 'dee'))} {index % 5}",
                mcp_id=mcp_id,
                email=f"p{index}@example.com",
                associated=rng.random() > 0.1,
                left_on=None
                if rng.random() > 0.15
                else date(2022, 1, 1) + timedelta(days=rng.randrange(0, 1800)),
            )
        )
        for _ in range(rng.randint(0, 6)):
            exams.append(
                ExamResult(
                    mcp_id="999" if not clean and rng.random() < 0.05 else mcp_id,
                    exam_code=rng.choice(CODES),
                    passed_on=date(2020, 1, 1) + timedelta(days=rng.randrange(0, 2500)),
                )
            )
    return Facts(
        organization=Organization("Contoso Cloud Ltd", "4123456"),
        customers=customers,
        subscriptions=tuple(subscriptions),
        usage=tuple(usage),
        people=tuple(people),
        exams=tuple(exams),
    )


def exactly(value: Any) -> Any:
    """A value as plain data for comparing two results exactly: every figure by its
    ``repr`` (so 2.00 and 2 differ), sets and mappings in a fixed order."""
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: exactly(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, set | frozenset):
        return sorted(repr(exactly(v)) for v in value)
    if isinstance(value, dict):
        return sorted((repr(k), exactly(v)) for k, v in value.items())
    if isinstance(value, Sequence) and not isinstance(value, str):
        # Lists, tuples and what reads as a tuple (a metric's Holders).
        return [exactly(v) for v in value]
    if isinstance(value, Decimal | Fraction | Month):
        return repr(value)
    return value
