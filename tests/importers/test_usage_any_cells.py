"""Property: whatever a usage file's cells hold, the usage import fails only with its own errors."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mpn_desktop.errors import MpnError
from mpn_desktop.importers.importing import run_import
from mpn_desktop.importers.usage_import import UsageImport, parse_rates, plan_usage_import
from mpn_desktop.store.database import Database

HEADERS = (
    # usage-based reconciliation (the columns the import reads)
    ("CustomerCompanyName", "MpnId", "InvoiceNumber", "ChargeStartDate", "ChargeEndDate",
     "SubscriptionId", "ServiceName", "PretaxCharges", "Currency", "ChargeType", "CustomerId"),
    # license-based reconciliation
    ("CustomerId", "CustomerName", "MpnId", "SyndicationPartnerSubscriptionNumber", "OfferName",
     "SubscriptionStartDate", "ChargeStartDate", "ChargeEndDate", "ChargeType", "UnitPrice",
     "Quantity", "Subtotal", "Currency"),
    # the plain sheet
    ("customer", "tenant_id", "subscription", "workload", "association", "associated_on",
     "month", "consumption_usd", "revenue_usd", "active_users", "paid_seats", "service"),
)  # fmt: skip
CELL = st.one_of(
    st.sampled_from(
        [
            "", "1/31/2019 0:00", "2/1/2019", "13/2/2019", "2019-02", "Feb 2019", "0", "-15.00",
            "1,250.50", "1.250,50", "9" * 40, "1e400", "NaN", "Infinity", "USD", "EUR", "azure",
            "dpor", "pal", "Cycle fee", "Prorate fees when cancel", "Assess usage fee", "x" * 300,
            "=1+1", "'=1", " 12 ", "(3.50)", "4412345", "1/1/0001", "12/31/9999 23:59",
        ]
    ),
    st.text(alphabet="0123456789.,-/ :$€()eEaz", max_size=14),
)  # fmt: skip


@st.composite
def usage_file(draw: st.DrawFn) -> str:
    header = draw(st.sampled_from(HEADERS))
    rows = draw(st.lists(st.lists(CELL, min_size=len(header), max_size=len(header)), max_size=6))
    lines = [",".join(header)]
    lines += [",".join(f'"{cell}"' for cell in row) for row in rows]
    return "\n".join(lines) + "\n"


@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=usage_file(), rate=st.booleans(), skip=st.booleans())
def test_any_cells_fail_only_with_the_importers_errors(
    text: str, rate: bool, skip: bool, tmp_path: Path, db: Database
) -> None:
    path = tmp_path / "usage.csv"
    path.write_text(text, encoding="utf-8")
    try:
        plan = plan_usage_import(path)
        kind = UsageImport(plan.settings.mapping.fields, parse_rates(["EUR=1.18"] if rate else []))
        result = run_import(db, kind, path, plan.settings, skip_bad_rows=skip)
    except MpnError as error:
        assert str(error)  # a message for a person, never empty
        return
    for problem in result.errors:
        assert problem.message
