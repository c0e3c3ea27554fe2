"""A usage sheet whose header names its columns as --map's fields do is read as a sheet.

``import-usage --help`` says a sheet may name its columns as the fields are named
("subscription, month, consumption_usd, ..."); one with ``month`` and ``revenue_usd`` was
taken for an Insights Subscription details download (its ``Month`` and ``RevenueUSD``
read alike), whose subscription column is ``SubscriptionId``: the import refused it with
"a usage line needs a subscription column, and none of the columns ('subscription', ...)
is one".
"""

from __future__ import annotations

from pathlib import Path

from mpn_desktop.importers.importing import run_import
from mpn_desktop.importers.usage_fields import SHEET, recognise
from mpn_desktop.importers.usage_import import UsageImport, parse_rates, plan_usage_import
from mpn_desktop.store import records
from mpn_desktop.store.changes import RecordKind
from mpn_desktop.store.database import Database

FIELDS = (
    "subscription",
    "customer",
    "workload",
    "association",
    "associated_on",
    "month",
    "service",
    "consumption_usd",
    "revenue_usd",
    "active_users",
    "paid_seats",
)


def test_a_header_of_the_fields_names_is_a_sheet() -> None:
    assert recognise(list(FIELDS)).source == SHEET
    assert recognise(["subscription", "month", "revenue_usd"]).source == SHEET


def test_a_sheet_with_revenue_imports(tmp_path: Path, db: Database) -> None:
    path = tmp_path / "usage.csv"
    row = "sub-1,Contoso,office365,cpor,2024-01-01,2024-03,Exchange,0,120.50,40,50"
    path.write_text(",".join(FIELDS) + "\n" + row + "\n", encoding="utf-8")
    plan = plan_usage_import(path)
    run_import(db, UsageImport(plan.settings.mapping.fields, parse_rates([])), path, plan.settings)
    (usage,) = records.list_records(db, RecordKind.USAGE)
    assert str(usage["revenue_usd"]) in {"120.5", "120.50"}
    assert usage["paid_seats"] == 50
