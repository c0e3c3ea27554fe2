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
beside another's "3"). Each shortcut of the readers (money converted when first read, sums
over runs of rows, subscription ids looked up when first read) must give the drawn facts'
scores on those too: organisations drawn at random, stored with such rows, loaded by both
readers (everything, and from the first month a day's scoring reads) and scored on several
days by every shipped catalogue, against the facts as drawn (plain records, exact Decimals).
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

from mpn_desktop.domain.designation_score import score_designations, usage_start
from mpn_desktop.domain.designations import ScoredCatalog
from mpn_desktop.domain.facts import Facts, Kept, SubscriptionRows, UsageRows
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


def _stored(rng: random.Random, facts: Facts) -> tuple[dict[str, Any], Facts]:
    """The document storing ``facts`` with some of its usage cells given again by a second
    file (another source: two rows of one subscription, month and service), its usage rows
    in no order (months and subscriptions interleaved, as imports over the years write
    them); and the facts the readers should find in it (the rows in the document's order,
    which the readers keep)."""
    again = rng.sample(facts.usage, k=len(facts.usage) // 3)
    sourced = [(row, "") for row in facts.usage] + [
        (replace(row, consumption_usd=_amount(rng), revenue_usd=_amount(rng)), "insights")
        for row in again
    ]
    rng.shuffle(sourced)
    stored = replace(facts, usage=UsageRows.of(row for row, _ in sourced))
    document = document_from_facts(stored)
    document["usage"] = [
        {**row, "source": source}
        for row, (_, source) in zip(document["usage"], sourced, strict=True)
    ]
    return document, stored


def _plain(facts: Facts) -> Facts:
    """The facts as plain records (nothing held by column, nothing worked out yet)."""
    return replace(facts, usage=UsageRows.of(tuple(facts.usage)), kept=Kept())


@settings(
    max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rng=_SEEDED)
def test_loaded_facts_of_real_shapes_score_as_the_facts_stored(
    tmp_path: Path, rng: random.Random
) -> None:
    drawn = _real_shapes(rng)
    path = tmp_path / f"organisation-{next(_FILES)}.sqlite3"
    db = Database.open(f"sqlite:///{path}")
    try:
        document, stored = _stored(rng, drawn)
        load_document(db, document)
        for catalog in CATALOGS:
            for day in DAYS[1::2]:
                _check(db, path, catalog, stored, day)
    finally:
        db.close()


def _check(db: Database, path: Path, catalog: ScoredCatalog, stored: Facts, day: date) -> None:
    expected = exactly(score_designations(catalog, _plain(stored), day))
    start = usage_start(day)
    for name, loaded in (
        ("load_facts", load_facts(db)),
        ("load_facts from", load_facts(db, usage_from=start)),
        ("facts_of_file", facts_of_file(path)),
        ("facts_of_file from", facts_of_file(path, usage_from=start)),
    ):
        found = exactly(score_designations(catalog, loaded, day))
        assert found == expected, (name, day)
