"""A service is named as the first row counted in the evaluation's months writes it
(``UsageSums.service_name``): looked for among the rows in order first, then by the
service's spellings and the cells. Every way must name it as the rows do
(``row_figures.RowFigures``): services written several ways, first rows outside the months,
of a trial or unknown subscription, or before the association, and services met only
beyond the rows looked at in order.
"""

from __future__ import annotations

import random
from datetime import date
from decimal import Decimal
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from mpn_desktop.domain import usage_figures
from mpn_desktop.domain.dates import Month
from mpn_desktop.domain.enums import Association, Workload
from mpn_desktop.domain.facts import Facts, Kept, Organization, Subscription, Usage
from mpn_desktop.domain.usage_figures import UsageFigures
from tests.domain.row_figures import RowFigures

_SEEDED = st.integers(0, 2**32 - 1).map(random.Random)
_WAYS = {"storage": ("Storage", "STORAGE ", " storage"), "sentinel": ("Sentinel", "SENTINEL")}
_FIRST = Month(2023, 1)


def _facts(rng: random.Random) -> Facts:
    """A few subscriptions (one a trial, associated at various months) and rows in any
    order, of an unknown subscription too, each service written one of its ways."""
    subscriptions = []
    for number in range(rng.randint(1, 5)):
        associated = _FIRST.plus(rng.randrange(0, 12)).first_day
        subscriptions.append(
            Subscription(
                f"S{number}",
                f"Customer {number % 3}",
                rng.choice((Workload.AZURE, Workload.OFFICE365)),
                Association.TRANSACTING,
                associated,
                date(2022, 1, 1),
                trial=rng.random() < 0.2,
            )
        )
    ids = [sub.id for sub in subscriptions] + ["unknown"]
    usage = [
        Usage(
            rng.choice(ids),
            _FIRST.plus(rng.randrange(0, 18)),
            consumption_usd=Decimal(rng.randint(0, 9)),
            service=rng.choice(_WAYS[rng.choice(sorted(_WAYS))]),
        )
        for _ in range(rng.randint(1, 40))
    ]
    return Facts(
        Organization("Partner", "1"),
        subscriptions=tuple(subscriptions),
        usage=tuple(usage),
        kept=Kept(),
    )


@settings(max_examples=150, deadline=None)
@given(rng=_SEEDED, looked_at=st.sampled_from((2048, 3, 0)))
def test_services_are_named_as_their_first_counted_row_writes_them(
    rng: random.Random, looked_at: int
) -> None:
    facts = _facts(rng)
    first = _FIRST.plus(rng.randrange(0, 8))
    months = (first, first.plus(rng.randrange(0, 10)))
    rows = RowFigures(facts, {}, months)
    with mock.patch.object(usage_figures, "_LOOKED_AT", looked_at):
        figures = UsageFigures(facts, {}, months)
        # Every service of the months' counted rows, each written several ways or one.
        for key in sorted(rows.services):
            assert figures.service_name(key) == rows.service_name(key)
