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


def test_the_demo_evaluates_to_every_state_the_program_shows(demo_db: Database) -> None:
    from mpn_desktop.catalog_files import load_catalog
    from mpn_desktop.domain.enums import Level, StepKind
    from mpn_desktop.domain.evaluate import evaluate

    progress = evaluate(load_catalog(None), load_facts(demo_db), AS_OF)
    by_id = {item.id: item for item in progress.targeted}
    platform = by_id["cloud-platform"]
    silver, gold = (next(lv for lv in platform.levels if lv.level is lvl) for lvl in Level)
    assert silver.attained, "silver attained"
    assert not gold.attained and gold.missing, "gold not yet"
    # In reach: every step at least half way (the fee is paid at once), a few things to do.
    assert all(
        step.met or step.have * 2 >= step.need
        for step in gold.steps
        if step.step is not StepKind.FEE
    )
    assert len(gold.missing) <= 3
    assert any("no longer counts" in risk.what for risk in platform.at_risk), "a reference expiring"
    sentences = [s for item in progress.targeted for lv in item.levels for s in lv.missing]
    assert any("left on" in s for s in sentences), "a person who left, named"
    assert any("not associated" in s for s in sentences), "a person not associated, named"
    assert any(not item.levels[0].attained for item in progress.targeted), "one not yet silver"


def _scores(db: Database, day: date) -> dict[str, tuple[float, bool]]:
    from mpn_desktop.domain.designation_score import aimed_designations, score_designations
    from mpn_desktop.programs import program_on

    load_sample(db, day)
    facts = load_facts(db)
    catalog = program_on(day).scored
    assert catalog is not None
    targets, _notes = aimed_designations(catalog, facts)
    return {
        s.id: (float(s.score), s.qualified)
        for s in score_designations(catalog, facts, day, targets)
        if s.target
    }


def test_the_demo_of_a_2023_day_shows_one_designation_qualified_one_close_one_far(
    db: Database,
) -> None:
    scores = _scores(db, date(2023, 8, 15))
    assert scores["infrastructure-azure"][1]  # qualified
    assert 55 <= scores["modern-work"][0] < 70 and not scores["modern-work"][1]  # close
    assert scores["security"][0] < 30  # far


def test_the_demo_of_a_2026_day_shows_one_designation_qualified_one_close_one_far(
    db: Database,
) -> None:
    scores = _scores(db, date(2026, 12, 6))
    assert scores["infrastructure-azure"][1]
    assert 55 <= scores["modern-work"][0] < 70 and not scores["modern-work"][1]
    assert scores["security"][0] < 30


def test_a_demo_dated_before_the_designations_holds_none_of_their_facts() -> None:
    from mpn_desktop.store.sample import sample_document

    document = sample_document(date(2018, 3, 15))
    assert all(not row.get("service") and not row.get("paid_seats") for row in document["usage"])
    assert {s["association"] for s in document["subscriptions"]}.isdisjoint({"cpor", "pal"})
    later = sample_document(date(2023, 8, 15))
    assert {"cpor", "pal", "transacting", "dpor"} <= {
        s["association"] for s in later["subscriptions"]
    }
    assert any(row.get("service") == "Storage" for row in later["usage"])
