"""The demo organisation, Contoso Cloud Ltd: every state the program can show, dated around today.

Cloud Platform silver is attained and gold is in reach (some consumption, one
reference and the gold fee short); Cloud Productivity and Enterprise Mobility
are on their way; a reference expires before the next anniversary; one person
left, one is not associated, one exam is past its accept-until date, one
subscription is a trial, and the fee of the current membership year is paid.

Dated on or after 2022-10-03 it also holds what the Solutions Partner
designations count (Azure usage by service, Microsoft 365 seats and active
users, CPOR and PAL associations, people with today's certifications), so that
its targets carried over show a mix: Infrastructure qualified, Modern Work
close, Security far. Dated before, it is exactly the 2017-2018 demo.
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


DESIGNATIONS_OPENED = date(2022, 10, 3)
"""From this day the demo also holds what the Solutions Partner designations count."""

# Services, seats and certifications of the Solutions Partner years, each row:
# subscription, customer, workload, association, months back it started (and was
# associated), and per month back (1 = last month) its service rows.
_SP_SUBSCRIPTIONS = (
    # Infrastructure (Azure): Fabrikam's growing apps, two new customers (CSP, PAL).
    ("sub-fabrikam-apps", "Fabrikam", "azure", "dpor", 30),
    ("sub-proseware-azure", "Proseware", "azure", "transacting", 8),
    ("sub-relecloud-azure", "Relecloud", "azure", "pal", 5),
    # Modern Work (SMB): Microsoft 365 tenants claimed through CPOR.
    ("sub-pharma-teams", "Contoso Pharmaceuticals", "office365", "cpor", 30),
    ("sub-coho-m365", "Coho Winery", "office365", "cpor", 9),
    ("sub-wideworld-m365", "Wide World Importers", "office365", "cpor", 7),
    ("sub-lamna-m365", "Lamna Healthcare", "office365", "cpor", 11),
    ("sub-margie-m365", "Margie's Travel", "office365", "cpor", 6),
    # Security: Litware's Intune, claimed through CPOR.
    ("sub-litware-intune", "Litware", "ems", "cpor", 7),
)

_AZURE_SHARES = (
    ("App Service", 40),
    ("SQL Database", 30),
    ("Storage", 15),
    ("Key Vault", 5),
    ("Azure Monitor", 5),
    ("Virtual Machines", 5),
)
"""Fabrikam's apps by service, in percent of the month (VMs count toward no deployment)."""

_SEATS = {
    # subscription: service, paid seats, active users at the start, active users last month
    "sub-pharma-teams": ("Teams", 280, 100, 250),
    "sub-coho-m365": ("Teams", 45, 11, 27),
    "sub-wideworld-m365": ("Teams", 80, 20, 50),
    "sub-lamna-m365": ("Exchange", 120, 40, 45),
    "sub-margie-m365": ("SharePoint", 30, 10, 11),
    "sub-litware-intune": ("Intune", 60, 20, 45),
}

_SP_PEOPLE = (
    # name, MCP ID, exams (each passed the given months back)
    ("Hana Sato", "8012345", (("AZ-104", 20), ("AZ-305", 14))),
    ("Ivan Petrov", "8123456", (("AZ-104", 18), ("AZ-305", 11), ("AZ-700", 6))),
    ("Jonas Berg", "8234567", (("AZ-700", 9),)),
    ("Kemal Aydin", "8345678", (("AZ-800", 10), ("AZ-801", 8))),
    ("Lucia Romero", "8456789", (("AZ-700", 5),)),
    ("Mei Chen", "8567890", (("AZ-140", 7),)),
    ("Nils Larsen", "8678901", (("AZ-140", 4),)),
    ("Pia Kowalski", "8789012", (("MS-700", 12),)),
    ("Quinn Murphy", "8901234", (("MS-102", 10),)),
    ("Sofia Almeida", "9012345", (("AZ-500", 6),)),
)

_EXAM_TITLES = {
    "AZ-104": "Microsoft Azure Administrator",
    "AZ-305": "Designing Microsoft Azure Infrastructure Solutions",
    "AZ-700": "Designing and Implementing Microsoft Azure Networking Solutions",
    "AZ-800": "Administering Windows Server Hybrid Core Infrastructure",
    "AZ-801": "Configuring Windows Server Hybrid Advanced Services",
    "AZ-140": "Configuring and Operating Microsoft Azure Virtual Desktop",
    "MS-700": "Managing Microsoft Teams",
    "MS-102": "Microsoft 365 Administrator",
    "AZ-500": "Microsoft Azure Security Technologies",
}


def _solutions_partner_facts(today: date, ago: Any) -> dict[str, list[dict[str, Any]]]:
    """What the designations count, for a demo dated on or after they opened: Azure usage by
    service, Microsoft 365 seats and active users, people with today's certifications, CPOR
    and PAL associations. Infrastructure qualifies, Modern Work is close, Security far."""
    subscriptions = []
    usage: list[dict[str, Any]] = []
    for sub_id, customer, workload, association, started in _SP_SUBSCRIPTIONS:
        subscriptions.append(
            {
                "id": sub_id,
                "customer": customer,
                "workload": workload,
                "association": association,
                "associated_on": ago(started, 1),
                "started_on": ago(started, 1),
                "ended_on": None,
                "trial": False,
            }
        )
        months = min(started, 14)
        for back in range(months, 0, -1):
            month = str(Month.of(today).plus(-back))
            rows: list[tuple[str, int, int, int]] = []  # service, US$, active users, seats
            if sub_id == "sub-fabrikam-apps":
                total = 600 + (14 - back) * 140
                rows = [(name, total * share // 100, 0, 0) for name, share in _AZURE_SHARES]
            elif sub_id == "sub-proseware-azure":
                rows = [("App Service", 1800, 0, 0)]
            elif sub_id == "sub-relecloud-azure":
                rows = [("Storage", 1400, 0, 0)]
            else:
                service, seats, first, last = _SEATS[sub_id]
                step = (last - first) * (months - back) // max(months - 1, 1)
                rows = [(service, 0, first + step, seats)]
            usage += [
                {
                    "subscription": sub_id,
                    "month": month,
                    "service": service,
                    "consumption_usd": amount,
                    "revenue_usd": 0,
                    "active_users": users,
                    "paid_seats": seats,
                }
                for service, amount, users, seats in rows
            ]
    people = [
        {
            "name": name,
            "email": name.split()[0].lower() + "@contoso.example",
            "mcp_id": mcp_id,
            "associated": True,
            "left_on": None,
        }
        for name, mcp_id, _exams in _SP_PEOPLE
    ]
    exams = [
        {
            "mcp_id": mcp_id,
            "exam_code": code,
            "exam_title": _EXAM_TITLES[code],
            "passed_on": ago(months, 12),
            "kind": "exam",
        }
        for _name, mcp_id, passed in _SP_PEOPLE
        for code, months in passed
    ]
    customers = sorted({row[1] for row in _SP_SUBSCRIPTIONS})
    return {
        "customers": [{"name": name} for name in customers],
        "subscriptions": subscriptions,
        "usage": usage,
        "people": people,
        "exams": exams,
    }


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
    document: dict[str, Any] = {
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
    if today >= DESIGNATIONS_OPENED:
        # Added only on a day of the designations: a demo dated in 2017-2018 stays as it was.
        extra = _solutions_partner_facts(today, ago)
        known = {c["name"] for c in document["customers"]}
        for key, rows in extra.items():
            added = rows
            if key == "customers":
                added = [
                    {"name": r["name"], "tenant_id": f"{_tenant(r['name'])}.onmicrosoft.com"}
                    for r in rows
                    if r["name"] not in known
                ]
            document[key] = [*document[key], *added]
        document["customers"].sort(key=lambda c: c["name"])
    return document


def load_sample(
    db: Database, as_of: date | None = None, *, replace: bool = False
) -> OpResult[None]:
    """Fills the database with the demo organisation (dated around ``as_of``, default today)."""
    load_document(db, sample_document(as_of), replace=replace)
    return OpResult(None, Change.everything("Load the demo organisation"))
