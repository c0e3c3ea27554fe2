"""The demo organisation, Contoso Cloud Ltd: every state the program can show, dated around today.

Cloud Platform silver is attained and gold is in reach (some consumption, one
reference and the gold fee short); Cloud Productivity and Enterprise Mobility
are on their way; a reference expires before the next anniversary; one person
left, one is not associated, one exam is past its accept-until date, one
subscription is a trial, and the fee of the current membership year is paid.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from mpn_desktop.domain.dates import Month, add_years, same_day_in_year
from mpn_desktop.store.changes import Change, OpResult
from mpn_desktop.store.database import Database
from mpn_desktop.store.document_check import FORMAT
from mpn_desktop.store.documents import load_document


def _month_day(as_of: date, months_back: int, day: int) -> date:
    first = Month.of(as_of).plus(-months_back).first_day
    return first.replace(day=min(day, 28))


def _silver_fee(year_start: date) -> int:
    """What the demo pays: the silver fee in force on the renewal day (the seed's prices)."""
    return 1670 if year_start >= date(2017, 10, 1) else 1530


def _tenant(name: str) -> str:
    return "".join(char for char in name.lower() if char.isalnum())


def sample_document(as_of: date | None = None) -> dict[str, Any]:
    """The demo organisation as an export document, its dates relative to ``as_of`` (today)."""
    today = as_of or date.today()

    def ago(months: int, day: int = 15) -> str:
        return _month_day(today, months, day).isoformat()

    # The membership year started about eight months ago.
    year_start = _month_day(today, 8, 1)
    anniversary = same_day_in_year(year_start, year_start.year)
    previous_year_start = add_years(year_start, -1)

    subscriptions = [
        ("sub-fabrikam-azure", "Fabrikam", "azure", "dpor", 30, 30, False),
        ("sub-northwind-azure", "Northwind Traders", "azure", "transacting", 20, 10, False),
        ("sub-adatum-azure", "A. Datum Corporation", "azure", "delegated_admin", 10, 10, False),
        ("sub-fabrikam-trial", "Fabrikam", "azure", "dpor", 3, 3, True),
        (
            "sub-pharma-o365",
            "Contoso Pharmaceuticals",
            "office365",
            "delegated_admin",
            26,
            26,
            False,
        ),
        ("sub-tailspin-o365", "Tailspin Toys", "office365", "dpor", 9, 9, False),
        ("sub-litware-ems", "Litware", "ems", "fasttrack", 5, 5, False),
        ("sub-wingtip-ems", "Wingtip Toys", "ems", "delegated_admin", 3, 3, False),
        ("sub-alpine-crm", "Alpine Ski House", "dynamics-crm", "dpor", 14, 14, False),
    ]
    customers = sorted({row[1] for row in subscriptions} | {"Woodgrove Bank"})
    monthly = {
        "sub-fabrikam-azure": ("consumption_usd", 4500),
        "sub-northwind-azure": ("consumption_usd", 2300),
        "sub-adatum-azure": ("consumption_usd", 3000),
        "sub-fabrikam-trial": ("consumption_usd", 200),
        "sub-pharma-o365": ("active_users", 900),
        "sub-tailspin-o365": ("active_users", 700),
        "sub-litware-ems": ("active_users", 300),
        "sub-wingtip-ems": ("active_users", 150),
        "sub-alpine-crm": ("revenue_usd", 6250),
    }
    usage = []
    for sub_id, _customer, _workload, _assoc, started, _associated, _trial in subscriptions:
        field, amount = monthly[sub_id]
        for back in range(min(started, 14), 0, -1):
            row: dict[str, Any] = {
                "subscription": sub_id,
                "month": str(Month.of(today).plus(-back)),
                "consumption_usd": 0,
                "revenue_usd": 0,
                "active_users": 0,
            }
            row[field] = amount
            usage.append(row)

    people = [
        ("Ana Ruiz", "1234567", True, None),
        ("Ben Okafor", "2345678", True, None),
        ("Chloé Martin", "3456789", True, None),
        ("Dev Patel", "4567890", True, ago(2, 20)),  # left: renewal at risk
        ("Eva Novak", "5678901", False, None),  # MCP ID not associated yet
        ("Farid Haddad", "6789012", True, None),
        ("Grace Liu", "7890123", True, None),
    ]
    exams = [
        ("1234567", "70-533", "Implementing Microsoft Azure Infrastructure Solutions", 20, "exam"),
        ("2345678", "70-535", "Architecting Microsoft Azure Solutions", 7, "exam"),
        ("3456789", "70-346", "Managing Office 365 Identities and Requirements", 18, "exam"),
        ("3456789", "70-347", "Enabling Office 365 Services", 17, "exam"),
        ("4567890", "70-346", "Managing Office 365 Identities and Requirements", 30, "exam"),
        ("4567890", "70-347", "Enabling Office 365 Services", 29, "exam"),
        ("5678901", "TA-EMS-OVERVIEW", "EMS Overview technical assessment", 4, "assessment"),
        ("5678901", "TA-EMS-MDM", "Mobile Device Management technical assessment", 4, "assessment"),
        ("6789012", "TA-EMS-OVERVIEW", "EMS Overview technical assessment", 6, "assessment"),
        (
            "6789012",
            "TA-EMS-IAM",
            "Identity & Access Management technical assessment",
            5,
            "assessment",
        ),
        ("7890123", "70-534", "Architecting Microsoft Azure Solutions (retired)", 100, "exam"),
        # Halfway to Cloud Productivity's two exams: named as the closest person.
        ("7890123", "70-346", "Managing Office 365 Identities and Requirements", 3, "exam"),
        (
            "7890123",
            "MB2-716",
            "Microsoft Dynamics 365 Customization and Configuration",
            12,
            "exam",
        ),
    ]
    references = [
        ("Fabrikam", "cloud-platform", "approved", 23, 22, "Jane Doe, CIO"),  # expires soon
        ("Northwind Traders", "cloud-platform", "approved", 14, 13, "Sam Lee, IT manager"),
        ("A. Datum Corporation", "cloud-platform", "auto_approved", 9, 8, ""),
        ("Woodgrove Bank", "cloud-platform", "approved", 6, 5, "Priya Shah, CTO"),
        ("Alpine Ski House", "cloud-platform", "submitted", 1, None, "Tom Berg"),
        ("Contoso Pharmaceuticals", "cloud-productivity", "customer_approved", 2, None, ""),
        ("Tailspin Toys", "cloud-productivity", "approved", 7, 6, "Kim Ito, operations"),
        ("Litware", "enterprise-mobility-management", "draft", 0, None, ""),
        ("Wingtip Toys", "enterprise-mobility-management", "declined", 4, None, ""),
    ]
    return {
        "format": FORMAT,
        "organization": {
            "name": "Contoso Cloud Ltd",
            "mpn_id": "4123456",
            "market": "developed",
            "anniversary": anniversary.isoformat(),
        },
        "targets": [
            {"competency": "cloud-platform", "level": "gold"},
            {"competency": "cloud-productivity", "level": "silver"},
            {"competency": "enterprise-mobility-management", "level": "silver"},
        ],
        "customers": [
            {"name": name, "tenant_id": f"{_tenant(name)}.onmicrosoft.com"} for name in customers
        ],
        "subscriptions": [
            {
                "id": sub_id,
                "customer": customer,
                "workload": workload,
                "association": association,
                "associated_on": ago(associated, 1),
                "started_on": ago(started, 1),
                "ended_on": None,
                "trial": trial,
            }
            for sub_id, customer, workload, association, started, associated, trial in subscriptions
        ],
        "usage": usage,
        "people": [
            {
                "name": name,
                "email": name.split()[0].lower().replace("é", "e") + "@contoso.example",
                "mcp_id": mcp_id,
                "associated": associated,
                "left_on": left_on,
            }
            for name, mcp_id, associated, left_on in people
        ],
        "exams": [
            {
                "mcp_id": mcp_id,
                "exam_code": code,
                "exam_title": title,
                "passed_on": ago(months, 10),
                "kind": kind,
            }
            for mcp_id, code, title, months, kind in exams
        ],
        "references": [
            {
                "customer": customer,
                "competency": competency,
                "status": status,
                "submitted_on": ago(submitted, 3),
                "approved_on": None if approved is None else ago(approved, 20),
                "contact": contact,
            }
            for customer, competency, status, submitted, approved, contact in references
        ],
        "fee_payments": [
            {
                "membership_year_start": previous_year_start.isoformat(),
                "level": "silver",
                "amount_usd": _silver_fee(previous_year_start),
                "paid_on": (previous_year_start - timedelta(days=12)).isoformat(),
            },
            {
                "membership_year_start": year_start.isoformat(),
                "level": "silver",
                "amount_usd": _silver_fee(year_start),
                "paid_on": (year_start - timedelta(days=9)).isoformat(),
            },
        ],
    }


def load_sample(
    db: Database, as_of: date | None = None, *, replace: bool = False
) -> OpResult[None]:
    """Fills the database with the demo organisation (dated around ``as_of``, default today)."""
    load_document(db, sample_document(as_of), replace=replace)
    return OpResult(None, Change.everything("Load the demo organisation"))
