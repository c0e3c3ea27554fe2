"""Loaded facts of the shapes real Partner Center data has score as the facts that were stored.

``test_loaded_scores_as_records`` stores organisations whose usage is written in order
(by subscription, month and service), with few distinct amounts, and compares the loaded
facts with the same loaded facts made records (so a conversion both share goes unseen).
Real files are not so tidy (PARTNER-CENTER-FILES.md): imports add months out of order and
interleave subscriptions (the rows' ids are not in month order), two files give the same
subscription, month and service (an invoice's reconciliation file and the Insights report:
two sources, two rows), amounts have any cents (0.29 is not 29 hundredths in binary; sums
of a few amounts near the largest a ``Numeric(14, 2)`` holds outgrow a float's exact
cents), subscription ids are GUIDs or numbers kept as text (one subscription's "0003"
beside another's "3"); and an export of some months (every subscription's totals the
same months, a grid the rules cut into runs) may have a row another file gave to another
subscription in the middle of a run. Each shortcut (money converted when first read, sums
over runs of rows, a grid's runs, subscription ids looked up when first read) must give the
drawn facts' scores on those too: organisations drawn at random, stored with such rows,
loaded by both readers (everything, and from the first month a day's scoring reads) and
scored on several days by every shipped catalogue, against the facts as drawn (plain
records, exact Decimals; a grid's rows month after month, so that they are added up row by
row, not by runs).
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date
from decimal import Decimal
from itertools import count
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mpn_desktop.domain.dates import Month
from mpn_desktop.domain.designation_score import score_designations, usage_start
from mpn_desktop.domain.designations import ScoredCatalog
from mpn_desktop.domain.facts import Facts, Kept, SubscriptionRows, Usage, UsageRows
from mpn_desktop.programs import shipped_scored_catalogs
from mpn_desktop.store.database import Database
from mpn_desktop.store.documents import document_from_facts, load_document
from mpn_desktop.store.facts_loader import load_facts
from mpn_desktop.store.facts_sqlite import facts_of_file
from tests.domain.sp_organisations import DAYS, exactly, sp_organisation

CATALOGS = shipped_scored_catalogs()
_SEEDED = st.integers(0, 2**32 - 1).map(random.Random)
_FILES = count()

_AWKWARD_CENTS = (
    "0.29",
    "0.57",
    "1.15",
    "4.35",
    "8.20",
    "0.07",
    "2.67",
    "1234567890.12",
    "999999999999.99",
    "0.01",
    "0",
)
"""Amounts whose float is not the decimal (x * 100 falls below the cent: 0.29, 0.57, 1.15,
4.35), near the largest a ``Numeric(14, 2)`` holds, and nothing at all."""
_CENT = Decimal("0.01")


def _amount(rng: random.Random) -> Decimal:
    """An amount in dollars and cents as a real file has them (the importers round to the
    cent, the store refuses more), with two decimals as the store gives them back."""
    pick = rng.random()
    if pick < 0.3:
        amount = Decimal(rng.choice(_AWKWARD_CENTS))
    elif pick < 0.4:
        amount = Decimal(rng.randrange(0, 10**6))
    elif pick < 0.5:
        # Large amounts: sums of a few of them leave a float's 53 bits behind.
        amount = Decimal(rng.randrange(10**12, 10**14)).scaleb(-2)
    else:
        amount = Decimal(rng.randrange(0, 10**7)).scaleb(-2)
    return amount.quantize(_CENT)


def _ids(rng: random.Random, facts: Facts) -> dict[str, str]:
    """Each subscription's id made one a real file could give: a GUID, or a number as text,
    with leading zeros or without (so that one subscription's "0003" may stand beside
    another's "3": the same number, two subscriptions)."""
    ids: dict[str, str] = {}
    for index, sub in enumerate(facts.subscriptions):
        kind = rng.randrange(3)
        if kind == 0:
            ids[sub.id] = f"{rng.getrandbits(128):032x}"
        elif kind == 1:
            ids[sub.id] = f"{index:04d}"
        else:
            ids[sub.id] = str(index - 1)
    return ids


def _real_shapes(rng: random.Random) -> Facts:
    """An organisation drawn as ``sp_organisation`` does, its usage in real files' shapes
    (any cents, text ids) as the store keeps it (services without their outer spaces)."""
    facts = sp_organisation(rng, clean=True)
    ids = _ids(rng, facts)
    usage = [
        replace(
            row,
            subscription=ids[row.subscription],
            consumption_usd=_amount(rng),
            revenue_usd=_amount(rng),
            service=row.service.strip(),
        )
        for row in facts.usage
    ]
    return replace(
        facts,
        subscriptions=SubscriptionRows.of(
            replace(sub, id=ids[sub.id]) for sub in facts.subscriptions
        ),
        usage=UsageRows.of(usage),
    )


def _shuffled(rng: random.Random, facts: Facts) -> list[tuple[Usage, str]]:
    """The usage rows with their sources: a third of the cells given again by a second file
    (two rows of one subscription, month and service), all in no order (months and
    subscriptions interleaved, as imports over the years write them)."""
    again = rng.sample(facts.usage, k=len(facts.usage) // 3)
    sourced = [(row, "") for row in facts.usage] + [
        (replace(row, consumption_usd=_amount(rng), revenue_usd=_amount(rng)), "insights")
        for row in again
    ]
    rng.shuffle(sourced)
    return sourced


def _grid(rng: random.Random, facts: Facts, *, broken: bool) -> list[tuple[Usage, str]]:
    """Every subscription's totals the same months in order, one row a month, grouped by
    subscription (an export of those months: the readers cut such rows into runs); if
    ``broken``, one row given to another subscription by a second file (the months still
    line up, a run holds another subscription's row)."""
    first = Month(2021, 1)
    rows = [
        (
            Usage(
                subscription=sub.id,
                month=first.plus(step),
                consumption_usd=_amount(rng),
                revenue_usd=_amount(rng),
                active_users=rng.randrange(0, 800),
                paid_seats=rng.randrange(0, 900),
            ),
            "",
        )
        for sub in facts.subscriptions
        for step in range(66)
    ]
    if broken and len(facts.subscriptions) > 1:
        customer = {sub.id: sub.customer for sub in facts.subscriptions}
        # Each (subscription, month) moved to at most once: a second file gives one row per
        # subscription, month and service (two would be the same row twice, refused).
        moved_to: set[tuple[str, Month]] = set()
        for day in DAYS:
            # A large amount in a month the day reads moved to another customer's
            # subscription (not in the first run: its length is the grid's): a run read as
            # its first row's subscription all through would give it to the wrong customer.
            month = Month.of(day).plus(-rng.randint(1, 12))
            at = rng.randrange(1, len(facts.subscriptions)) * 66 + (month - first)
            row = rows[at][0]
            others = [
                sub.id
                for sub in facts.subscriptions
                if sub.id != row.subscription and (sub.id, row.month) not in moved_to
            ]
            if not others:
                continue
            other = rng.choice(
                [sub_id for sub_id in others if customer[sub_id] != customer[row.subscription]]
                or others
            )
            moved_to.add((other, row.month))
            large = Decimal(rng.randrange(10**5, 10**7))
            rows[at] = (
                replace(row, subscription=other, consumption_usd=large, revenue_usd=large),
                "insights",
            )
    return rows


def _stored(facts: Facts, sourced: list[tuple[Usage, str]]) -> tuple[dict[str, Any], Facts]:
    """The document storing ``facts`` with the usage rows ``sourced`` (in that order, each
    from its source), and the facts the readers should find in it (the rows in the
    document's order, which the readers keep)."""
    stored = replace(facts, usage=UsageRows.of(row for row, _ in sourced))
    document = document_from_facts(stored)
    document["usage"] = [
        {**row, "source": source}
        for row, (_, source) in zip(document["usage"], sourced, strict=True)
    ]
    return document, stored


def _plain(facts: Facts, *, interleaved: bool) -> Facts:
    """The facts as plain records (nothing held by column, nothing worked out yet); if
    ``interleaved``, the usage rows month after month, so that no subscription's rows are
    next to each other: added up row by row, not as the runs of a grid (whose rows are all
    subscription totals, no service spelled two ways, so the order changes no result)."""
    usage = tuple(facts.usage)
    if interleaved:
        usage = tuple(sorted(usage, key=lambda row: (row.month, row.subscription)))
    return replace(facts, usage=UsageRows.of(usage), kept=Kept())


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rng=_SEEDED, shape=st.sampled_from(("shuffled", "grid", "broken grid")))
def test_loaded_facts_of_real_shapes_score_as_the_facts_stored(
    tmp_path: Path, rng: random.Random, shape: str
) -> None:
    drawn = _real_shapes(rng)
    if shape == "shuffled":
        sourced = _shuffled(rng, drawn)
    else:
        sourced = _grid(rng, drawn, broken=shape == "broken grid")
    document, stored = _stored(drawn, sourced)
    reference = _plain(stored, interleaved=shape != "shuffled")
    path = tmp_path / f"organisation-{next(_FILES)}.sqlite3"
    db = Database.open(f"sqlite:///{path}")
    try:
        load_document(db, document)
        for catalog in CATALOGS:
            for day in DAYS[1::2]:
                _check(db, path, catalog, reference, day)
    finally:
        db.close()


def _check(db: Database, path: Path, catalog: ScoredCatalog, reference: Facts, day: date) -> None:
    expected = exactly(score_designations(catalog, replace(reference, kept=Kept()), day))
    start = usage_start(day)
    for name, loaded in (
        ("load_facts", load_facts(db)),
        ("load_facts from", load_facts(db, usage_from=start)),
        ("facts_of_file", facts_of_file(path)),
        ("facts_of_file from", facts_of_file(path, usage_from=start)),
    ):
        found = exactly(score_designations(catalog, loaded, day))
        assert found == expected, (name, day)
