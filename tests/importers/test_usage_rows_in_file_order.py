"""A usage import stores its rows in the order the file gives them.

The rows' sums were handed to the writer by ``dict.popitem``, last first: a file listing
each subscription's months in order was stored with every subscription's months backwards.
The evaluation finds a subscription's rows of months in order as one run (a few calls in
C, ``domain.usage_cell_runs``); months backwards went through the sums row by row (the
large organisation by service imported from its files: 48,270 of 75,282 rows, its first
import; a first designation evaluation 0.72x of that on 2025-09-15, 0.90x on 2026-10-15).
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from mpn_desktop.importers.importing import run_import
from mpn_desktop.importers.usage_import import UsageImport, parse_rates, plan_usage_import
from mpn_desktop.store.database import Database

SUBSCRIPTIONS = ("sub-a", "sub-b", "sub-c")
MONTHS = ("2025-01", "2025-02", "2025-03", "2025-04")
SERVICES = ("Storage", "Virtual Machines")


def _import(db: Database, path: Path) -> None:
    plan = plan_usage_import(path)
    kind = UsageImport(plan.settings.mapping.fields, parse_rates([]))
    run_import(db, kind, path, plan.settings)


def _stored(db: Database) -> list[tuple[str, str, str]]:
    with db.session(readonly=True) as session:
        rows = session.execute(
            text(
                "SELECT s.external_id, u.month, u.service FROM usage u "
                "JOIN subscriptions s ON s.id = u.subscription_id ORDER BY u.id"
            )
        )
        return [(sub, str(month)[:7], service) for sub, month, service in rows]


def test_an_imports_rows_are_stored_in_the_files_order(tmp_path: Path, db: Database) -> None:
    expected = [(s, m, service) for s in SUBSCRIPTIONS for m in MONTHS for service in SERVICES]
    lines = ["subscription,customer,workload,association,month,service,consumption_usd"]
    lines += [f"{s},Customer {s},azure,transacting,{m},{svc},10.50" for s, m, svc in expected]
    path = tmp_path / "usage.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _import(db, path)
    assert _stored(db) == expected


def test_lines_of_one_row_are_stored_where_the_first_of_them_stands(
    tmp_path: Path, db: Database
) -> None:
    """Lines summed into one row (a subscription's month and service on several lines, as the
    reconciliation files give them) are stored where the first of them comes in the file."""
    lines = ["subscription,customer,workload,association,month,service,consumption_usd"]
    order = [("sub-b", "2025-02"), ("sub-a", "2025-01"), ("sub-b", "2025-02"), ("sub-a", "2025-03")]
    lines += [f"{s},Customer {s},azure,transacting,{m},Storage,1.25" for s, m in order]
    path = tmp_path / "usage.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _import(db, path)
    assert _stored(db) == [
        ("sub-b", "2025-02", "Storage"),
        ("sub-a", "2025-01", "Storage"),
        ("sub-a", "2025-03", "Storage"),
    ]
