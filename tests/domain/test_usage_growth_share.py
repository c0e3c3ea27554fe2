"""Usage growth of the active-users share over twelve months, with a customer associated
during the year: its baseline is its own twelve months ending the month of its association
(designation_measures._usage_growth's active-share branch; no shipped catalogue reaches it).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

from mpn_desktop.domain.dates import Month
from mpn_desktop.domain.designation_measures import measure
from mpn_desktop.domain.designations import Measure, Part, Quantity, Scope
from mpn_desktop.domain.enums import Association, Workload
from mpn_desktop.domain.facts import Facts, Organization, Subscription, Usage
from mpn_desktop.domain.usage_figures import UsageFigures

_LAST = Month(2025, 6)
_SCOPE = Scope(frozenset({Workload.OFFICE365}), frozenset({"transacting"}))
_PART = Part(
    measure=Measure.USAGE_GROWTH,
    threshold=Fraction(1, 10),
    unit="share",
    scope=_SCOPE,
    quantity=Quantity.ACTIVE_SHARE,
    compare_twelve_months=True,
)


def _subscription(sub_id: str, customer: str, associated: date) -> Subscription:
    return Subscription(
        sub_id, customer, Workload.OFFICE365, Association.TRANSACTING, associated, associated
    )


def _months(first: Month, last: Month) -> list[Month]:
    return [first.plus(offset) for offset in range(last - first + 1)]


def _facts() -> Facts:
    """Old (associated long before) at 5 of 10 seats every month; New associated in
    2025-01 through two subscriptions: 3 and 5 of 10 seats that month, 9 of 10 after, and
    large figures before its association (never counted); Late associated in 2025-02 with
    usage from 2025-04 only, 4 of 8 seats."""
    usage = [
        Usage("old", month, active_users=5, paid_seats=10)
        for month in _months(Month(2023, 7), _LAST)
    ]
    for sub_id, first_users in (("new-1", 3), ("new-2", 5)):
        for month in _months(Month(2024, 7), _LAST):
            if month < Month(2025, 1):
                users, seats = 1000, 1000  # before the association: no credit
            else:
                users, seats = (first_users if month == Month(2025, 1) else 9), 10
            usage.append(Usage(sub_id, month, active_users=users, paid_seats=seats))
    # Late: associated in 2025-02, its first usage in 2025-04 (no baseline to grow from).
    usage += [
        Usage("late", month, active_users=4, paid_seats=8)
        for month in _months(Month(2025, 4), _LAST)
    ]
    return Facts(
        Organization("Contoso", "1"),
        subscriptions=(
            _subscription("old", "Old", date(2023, 1, 10)),
            _subscription("new-1", "New", date(2025, 1, 1)),
            _subscription("new-2", "New", date(2025, 1, 20)),
            _subscription("late", "Late", date(2025, 2, 1)),
        ),
        usage=tuple(usage),
    )


def test_a_customer_associated_during_the_year_grows_from_its_share_at_association() -> None:
    measured = measure(_PART, UsageFigures(_facts(), {}), _LAST)
    # The twelve months ending 2025-06: Old 60 of 120 seats, New 3 + 5 + 5 x 18 of 6 x 20,
    # Late 12 of 24.
    last = Decimal(60) / Decimal(120) + Decimal(98) / Decimal(120) + Decimal(12) / Decimal(24)
    # Old's twelve months ending 2024-06 (5 of 10 each); New's twelve ending 2025-01, the
    # month of its association: only that month counts, its two subscriptions' users over
    # their seats together (8 of 20), not each subscription's share added (0.3 + 0.5); Late
    # nothing (no usage in 2025-02 or the eleven months before).
    baseline = Decimal(60) / Decimal(120) + Decimal(8) / Decimal(20)
    assert (measured.last, measured.baseline) == (last, baseline)
    assert str(measured.baseline) == "0.9"
    assert measured.value == last - baseline
