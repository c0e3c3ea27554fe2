"""The demo organisation shows every state, dated around the day it is loaded."""

from __future__ import annotations

from datetime import date, timedelta

from mpn_desktop.domain.dates import add_years
from mpn_desktop.store.database import Database
from mpn_desktop.store.facts_loader import load_facts
from mpn_desktop.store.sample import load_sample

AS_OF = date(2018, 3, 15)


def test_the_demo_shows_every_state(demo_db: Database) -> None:
    loaded = load_facts(demo_db)
    anniversary = loaded.organization.anniversary
    assert anniversary is not None and anniversary <= AS_OF < add_years(anniversary, 1)
    next_anniversary = add_years(anniversary, 1)
    assert any(p.left_on is not None for p in loaded.people), "someone left"
    assert any(not p.associated for p in loaded.people), "someone is not associated"
    assert any(s.trial for s in loaded.subscriptions), "a trial subscription"
    assert any(e.exam_code == "70-534" for e in loaded.exams), "an exam past accept-until"
    expiring = [
        r
        for r in loaded.references
        if r.approved_on and AS_OF < add_years(r.approved_on, 2) <= next_anniversary
    ]
    assert expiring, "a reference expiring before the next anniversary"
    assert any(p.membership_year_start == anniversary for p in loaded.fee_payments)
    assert {t.competency for t in loaded.targets} >= {"cloud-platform", "cloud-productivity"}


def test_the_demo_follows_the_day_it_is_loaded(db: Database) -> None:
    load_sample(db)
    usage_months = sorted({u.month for u in load_facts(db).usage})
    last = usage_months[-1].first_day
    assert date.today() - timedelta(days=62) < last <= date.today()
