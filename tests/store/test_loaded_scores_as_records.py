"""Facts loaded from a real SQLite file score the designations as the same facts held as records.

Both facts readers (``load_facts`` and the driver's ``facts_of_file``) hand the rules
columns as SQLite stores them: money converted when first read (whole dollars stored as
integers, amounts with cents as floats), the usage's subscription ids as stored numbers
looked up when first read (a grid cut into runs on them), services and exam codes one
object per value. Each shortcut must give what the records give, on any organisation,
not only the benchmark's (whose digest checks it): organisations drawn at random, stored,
loaded by both readers and scored on several days by every shipped catalogue, against the
same loaded facts made plain records (no column converted when read, nothing shared).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal
from itertools import count
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mpn_desktop.domain.dates import Month
from mpn_desktop.domain.designation_score import score_designations
from mpn_desktop.domain.facts import (
    CustomerRows,
    ExamRows,
    Facts,
    Kept,
    PeopleRows,
    SubscriptionRows,
    Usage,
    UsageRows,
)
from mpn_desktop.programs import shipped_scored_catalogs
from mpn_desktop.store.database import Database
from mpn_desktop.store.documents import document_from_facts, load_document
from mpn_desktop.store.facts_loader import load_facts
from mpn_desktop.store.facts_sqlite import facts_of_file
from tests.domain.sp_organisations import DAYS, exactly, sp_organisation

CATALOGS = shipped_scored_catalogs()
_SEEDED = st.integers(0, 2**32 - 1).map(random.Random)
_FILES = count()


def _whole_dollars(facts: Facts) -> Facts:
    """The usage money in whole dollars (SQLite stores them as integers)."""
    whole = Decimal(1)
    return replace(
        facts,
        usage=UsageRows.of(
            replace(
                row,
                consumption_usd=row.consumption_usd.quantize(whole),
                revenue_usd=row.revenue_usd.quantize(whole),
            )
            for row in facts.usage
        ),
    )


def _grid(facts: Facts, rng: random.Random) -> Facts:
    """Every subscription's usage the same months in order, one row a month (a grid: the
    twelve-month windows are added up run by run), in whole dollars or with cents, over
    the months of most of the days scored."""
    first = Month(2021, 1).plus(rng.randrange(0, 12))
    months = [first.plus(step) for step in range(rng.randint(30, 60))]
    cents = Decimal(rng.choice(("1", "0.01")))
    usage = UsageRows.of(
        Usage(
            subscription=sub.id,
            month=month,
            consumption_usd=Decimal(rng.randrange(0, 40_000)) * cents,
            revenue_usd=Decimal(rng.randrange(0, 4_000)) * cents,
            active_users=rng.randrange(0, 800),
            service="",
            paid_seats=rng.randrange(0, 900),
        )
        for sub in facts.subscriptions
        for month in months
    )
    return replace(facts, usage=usage)


def _records(facts: Facts) -> Facts:
    """The facts held as plain records (their columns then made from the records)."""
    return replace(
        facts,
        customers=CustomerRows.of(tuple(facts.customers)),
        subscriptions=SubscriptionRows.of(tuple(facts.subscriptions)),
        usage=UsageRows.of(tuple(facts.usage)),
        people=PeopleRows.of(tuple(facts.people)),
        exams=ExamRows.of(tuple(facts.exams)),
        kept=Kept(),
    )


# (One file per example, named by a counter: the tmp_path shared by the examples is fine.)
@settings(
    max_examples=9, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rng=_SEEDED, kind=st.sampled_from(("as drawn", "whole dollars", "grid")))
def test_loaded_facts_score_as_the_same_facts_held_as_records(
    tmp_path: Path, rng: random.Random, kind: str
) -> None:
    facts = sp_organisation(rng, clean=True)
    if kind == "whole dollars":
        facts = _whole_dollars(facts)
    elif kind == "grid":
        facts = _grid(facts, rng)
    path = tmp_path / f"organisation-{next(_FILES)}.sqlite3"
    db = Database.open(f"sqlite:///{path}")
    try:
        load_document(db, document_from_facts(facts))
        _scored_as_records(db, path, kind)
    finally:
        db.close()


def _scored_as_records(db: Database, path: Path, kind: str) -> None:
    readers: list[Callable[[], Facts]] = [lambda: load_facts(db), lambda: facts_of_file(path)]
    for read in readers:
        # Another load made records: reading the records would convert the columns tested.
        loaded, records = read(), _records(read())
        for catalog in CATALOGS:
            for day in DAYS[::2]:
                expected = exactly(score_designations(catalog, replace(records, kept=Kept()), day))
                found = exactly(score_designations(catalog, loaded, day))
                assert found == expected, (kind, catalog.version, day)
