"""Helpers of the checklist tests: organisations in three states, and the text of a PDF."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pypdf

from mpn_desktop.domain.dates import Month
from mpn_desktop.domain.enums import Association, Level, Market, ReferenceStatus, Workload
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
PRINTED_ON = date(2018, 3, 16)
ORGANIZATION = Organization(
    name="Northwind Cloud Services",
    mpn_id="5550123",
    market=Market.DEVELOPED,
    anniversary=date(2017, 7, 1),
)


def attained_facts() -> Facts:
    """Cloud Platform silver met on every step (consumption, one MCP, three references, fee)."""
    customers = ("Fabrikam", "Litware", "Tailspin Toys")
    months = [Month(2017, 3).plus(index) for index in range(12)]
    return Facts(
        organization=ORGANIZATION,
        targets=(Target("cloud-platform", Level.SILVER),),
        customers=tuple(Customer(name) for name in customers),
        subscriptions=(
            Subscription(
                "sub-fabrikam",
                "Fabrikam",
                Workload.AZURE,
                Association.DPOR,
                associated_on=date(2016, 1, 1),
                started_on=date(2016, 1, 1),
            ),
        ),
        usage=tuple(
            Usage("sub-fabrikam", month, consumption_usd=Decimal(2000)) for month in months
        ),
        people=(Person("Ana Ruiz", "1234567"),),
        exams=(ExamResult("1234567", "70-533", date(2017, 5, 2)),),
        references=tuple(
            Reference(
                name,
                "cloud-platform",
                ReferenceStatus.APPROVED,
                submitted_on=date(2017, 4, 1),
                approved_on=date(2017, 5, 1),
            )
            for name in customers
        ),
        fee_payments=(
            FeePayment(date(2017, 7, 1), Level.SILVER, Decimal(1530), paid_on=date(2017, 6, 20)),
        ),
    )


def partly_met_facts() -> Facts:
    """Cloud Productivity gold: some users, one exam of two, one reference, no fee."""
    return Facts(
        organization=ORGANIZATION,
        targets=(Target("cloud-productivity", Level.GOLD),),
        customers=(Customer("Contoso Pharmaceuticals"),),
        subscriptions=(
            Subscription(
                "sub-pharma",
                "Contoso Pharmaceuticals",
                Workload.OFFICE365,
                Association.DELEGATED_ADMIN,
                associated_on=date(2017, 1, 1),
                started_on=date(2017, 1, 1),
            ),
        ),
        usage=(Usage("sub-pharma", Month(2018, 2), active_users=750),),
        people=(Person("Chloé Martin", "3456789"),),
        exams=(ExamResult("3456789", "70-346", date(2017, 9, 1)),),
        references=(
            Reference(
                "Contoso Pharmaceuticals",
                "cloud-productivity",
                ReferenceStatus.APPROVED,
                submitted_on=date(2017, 8, 1),
                approved_on=date(2017, 9, 1),
            ),
        ),
    )


def normalized(text: str) -> str:
    """Text with every run of white space as one space (wrapped lines join up again)."""
    return " ".join(text.split())


def pdf_pages(path: Path) -> list[str]:
    """The text of each page of a PDF, normalized."""
    reader = pypdf.PdfReader(path)
    return [normalized(page.extract_text()) for page in reader.pages]


def pdf_page_sizes(path: Path) -> list[tuple[float, float]]:
    """Width and height of each page in points."""
    reader = pypdf.PdfReader(path)
    return [(float(page.mediabox.width), float(page.mediabox.height)) for page in reader.pages]


def text_objects(page: pypdf.PageObject) -> list[tuple[float, float, str]]:
    """Each text drawn on the page: where it starts (x, baseline, in points) and what it says."""
    found: list[tuple[float, float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            found.append((x, y, " ".join(text.split())))

    page.extract_text(visitor_text=visit)
    return found
