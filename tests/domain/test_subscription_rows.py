"""Subscriptions held by column: the usage totals and measures read their columns."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from domain_builders import AS_OF, CRM, PLATFORM, reference, subscription, usage
from domain_builders import facts as build_facts
from test_properties import CATALOG

from mpn_desktop.domain.enums import Association, Level, Workload
from mpn_desktop.domain.evaluate import evaluate
from mpn_desktop.domain.facts import Facts, Subscription, SubscriptionRows

_MONTHS = [f"2017-{month:02d}" for month in range(3, 13)] + ["2018-01", "2018-02"]


def _organisation(*extra: Subscription) -> Facts:
    subscriptions = [
        subscription("azure-1", workload=Workload.AZURE),
        # Associated during the window: only its months from then on count.
        subscription("azure-2", workload=Workload.AZURE, associated_on=date(2017, 9, 10)),
        subscription("azure-3", workload=Workload.AZURE, trial=True),  # never counts
        # A new customer of the window (started in it), through CPOR: another measure.
        subscription(
            "crm-1",
            workload=Workload.DYNAMICS_CRM,
            association=Association.CPOR,
            started_on=date(2017, 8, 1),
            associated_on=date(2017, 8, 1),
        ),
        *extra,
    ]
    rows = [
        usage(sub.id, month, consumption=1500) for sub in subscriptions[:3] for month in _MONTHS
    ]
    rows += [usage("crm-1", month, revenue=700, users=25) for month in _MONTHS]
    return build_facts(
        targets=[(PLATFORM, Level.GOLD), (CRM, Level.SILVER)],
        subscriptions=subscriptions,
        usage_rows=rows,
        refs=[reference(PLATFORM, "Fabrikam"), reference(CRM, "Contoso")],
    )


def _by_column(given: Facts) -> Facts:
    """``given`` with its subscriptions as a loader hands them over: columns, no record."""
    columns = SubscriptionRows.of(tuple(given.subscriptions)).columns
    return replace(given, subscriptions=SubscriptionRows.from_columns(columns))


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    made: list[object] = []

    def record(*fields: Any) -> Subscription:
        made.append(fields)
        return Subscription(*fields)

    monkeypatch.setattr(SubscriptionRows, "record", staticmethod(record))
    return made


@pytest.mark.parametrize(
    "extra",
    [
        (),
        # The same id twice: trials are left out first, then the last listed counts.
        (subscription("azure-1", workload=Workload.AZURE, trial=True),),
        (subscription("crm-1", workload=Workload.DYNAMICS_CRM, association=Association.DPOR),),
    ],
)
def test_the_evaluation_reads_the_subscriptions_by_column_as_by_record(
    extra: tuple[Subscription, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    as_records = _organisation(*extra)
    expected = evaluate(CATALOG, as_records, AS_OF)
    made = _counting(monkeypatch)
    found = evaluate(CATALOG, _by_column(as_records), AS_OF)
    assert made == [], "figures worked out from the columns"
    assert found == expected
    # The evidence names subscriptions: those it names are made, and read as before.
    words = [
        (item.subject, item.detail, item.subscription, item.customer, item.association)
        for competency in found.competencies
        for level in competency.levels
        for option in level.options
        for step in option.steps
        for item in step.evidence
    ]
    assert words == [
        (item.subject, item.detail, item.subscription, item.customer, item.association)
        for competency in expected.competencies
        for level in competency.levels
        for option in level.options
        for step in option.steps
        for item in step.evidence
    ]
    assert made and any("azure-2" in subject for subject, *_rest in words)
