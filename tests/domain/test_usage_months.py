"""Step 1 month by month: the chart's credited months are the step's own figure, split."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from domain_builders import (
    AS_OF,
    GOLD,
    PLATFORM,
    facts,
    months,
    run,
    subscription,
    usage,
)

from mpn_desktop.domain.catalog import Catalog
from mpn_desktop.domain.dates import Month
from mpn_desktop.domain.enums import Association, Level, Market, StepKind, Workload
from mpn_desktop.domain.usage_months import chart_subject, monthly_figures


def test_the_credited_months_add_up_to_the_step_and_leave_out_what_does_not_count(
    catalog: Catalog,
) -> None:
    given = facts(
        targets=[(PLATFORM, GOLD)],
        subscriptions=[
            subscription("sub-dpor"),
            # Associated in 2017-09: its months before do not count.
            subscription("sub-late", associated_on=date(2017, 9, 1)),
            subscription("sub-admin", association=Association.DELEGATED_ADMIN),
            subscription("sub-trial", trial=True),
            subscription("sub-o365", workload=Workload.OFFICE365),
        ],
        usage_rows=[
            usage(sub_id, month, consumption=100)
            for sub_id in ("sub-dpor", "sub-late", "sub-admin", "sub-trial", "sub-o365")
            for month in months("2016-01", "2018-03")
        ],
    )
    progress = run(catalog, given)
    subject = chart_subject(catalog, progress)
    assert subject is not None and subject.competency == "Cloud Platform"
    assert subject.credited == {"sub-dpor", "sub-late"}
    figures = monthly_figures(given, subject.option, subject.measure, AS_OF, Market.DEVELOPED)
    assert figures.months[0] == Month(2017, 3) and figures.months[-1] == Month(2018, 2)
    assert figures.amounts[:6] == (Decimal(100),) * 6  # 2017-03 to 2017-08: sub-dpor only
    assert figures.amounts[6:] == (Decimal(200),) * 6
    step = progress.competency(PLATFORM).level(GOLD).option.step(StepKind.PERFORMANCE)
    assert step is not None and sum(figures.amounts) == step.have
    assert dict(figures.needs)[Level.GOLD] == step.need
    assert figures.usage_field == "consumption_usd" and not figures.per_month
