"""The qualification window (SOLUTIONS-PARTNER.md § 1.3): its days, enrolled or not, and a
qualification on any one day of it, at the window's first and last day."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mpn_desktop.domain.dates import Month
from mpn_desktop.domain.designation_results import DesignationScore
from mpn_desktop.domain.designation_score import score_designations
from mpn_desktop.domain.designations import ScoredCatalog, WindowKind, WindowSpan
from mpn_desktop.domain.designations_parse import parse_scored_catalog
from mpn_desktop.domain.enums import Level
from mpn_desktop.domain.facts import ExamResult, Facts, FeePayment, Person, Usage
from mpn_desktop.domain.qualification_window import WindowStatus, window_days, window_text
from tests.domain.domain_builders import organization, subscription

CATALOGS = Path(__file__).parents[2] / "resources" / "catalogs"


@pytest.fixture(scope="module")
def catalog() -> ScoredCatalog:
    document = json.loads((CATALOGS / "solutions-partner-2023-06.json").read_text())
    return parse_scored_catalog(document)


def _infrastructure(
    usage_month: str, *, passed_on: date = date(2023, 1, 1), left_on: date | None = None
) -> Facts:
    """Full Infrastructure points with last month ``usage_month``: 3 customers, growth,
    5 services; the people certified on ``passed_on`` (one of them leaving on ``left_on``)."""
    month = Month.parse(usage_month)
    subs = [subscription(f"s{i}", customer=f"C{i}") for i in range(3)]
    usage = [Usage(f"s{i}", month, consumption_usd=Decimal(1200)) for i in range(3)]
    usage.append(Usage("s0", month.plus(-12), consumption_usd=Decimal(999)))
    usage += [
        Usage("s1", month.plus(-2), consumption_usd=Decimal(1), service=f"Service {i}")
        for i in range(5)
    ]
    holders = [("a1", ("AZ-104", "AZ-305")), ("a2", ("AZ-104", "AZ-305"))]
    holders += [(f"p{i}", ("AZ-700", "AZ-140")) for i in range(5)]
    people = [
        Person(f"P{mcp}", mcp, "", True, left_on if mcp == "a1" else None) for mcp, _ in holders
    ]
    exams = [ExamResult(mcp, code, passed_on) for mcp, codes in holders for code in codes]
    return Facts(
        organization=organization(), subscriptions=subs, usage=usage, people=people, exams=exams
    )


def _infra(catalog: ScoredCatalog, facts: Facts, as_of: date) -> DesignationScore:
    scores = score_designations(catalog, facts, as_of, frozenset({"infrastructure-azure"}))
    return next(s for s in scores if s.id == "infrastructure-azure")


def test_the_window_kinds_give_the_days_of_the_sources() -> None:
    # PCS24's example: on 2024-08-15 not enrolled, 2024-03-01 to 2024-08-15.
    assert window_days(WindowSpan(WindowKind.MONTHS_BACK, 5), date(2024, 8, 15), None) == (
        date(2024, 3, 1),
        date(2024, 8, 15),
    )
    # PCS23's example: enrolled with the anniversary 2024-08-15, 2024-03-01 to 2024-08-31.
    anniversary = date(2024, 8, 15)
    assert window_days(
        WindowSpan(WindowKind.ANNIVERSARY_MONTHS, 5), date(2024, 1, 1), anniversary
    ) == (date(2024, 3, 1), date(2024, 8, 31))
    # REN22: the 30 days before the anniversary.
    assert window_days(
        WindowSpan(WindowKind.DAYS_BEFORE_ANNIVERSARY, 30), date(2023, 5, 1), date(2023, 6, 30)
    ) == (date(2023, 5, 31), date(2023, 6, 30))
    assert window_days(WindowSpan(WindowKind.AS_OF_DAY), date(2023, 5, 1), None) == (
        date(2023, 5, 1),
        date(2023, 5, 1),
    )


def test_the_rule_in_force_changes_on_2023_09_19(catalog: ScoredCatalog) -> None:
    facts = _infrastructure("2023-07")
    before = _infra(catalog, facts, date(2023, 9, 18)).window
    after = _infra(catalog, facts, date(2023, 9, 19)).window
    assert (before.start, before.end) == (date(2023, 9, 18), date(2023, 9, 18))
    assert (after.start, after.end) == (date(2023, 4, 1), date(2023, 9, 19))
    assert "2023-09-19" in after.rule


def test_a_day_of_the_window_qualifies_though_the_as_of_day_does_not(
    catalog: ScoredCatalog,
) -> None:
    # July's usage is "last month" all through August 2023; by January 2024 it is gone.
    score = _infra(catalog, _infrastructure("2023-07"), date(2024, 1, 31))
    assert not score.qualified  # the as-of day's figures: the contract of status --json
    assert score.window.qualified_on == date(2023, 8, 31)
    assert score.window.status is WindowStatus.QUALIFIED
    assert "Qualified on 2023-08-31" in window_text(score.window)


def test_the_windows_first_day_counts_and_the_day_before_it_does_not(
    catalog: ScoredCatalog,
) -> None:
    # A Solutions Architect leaves on 2023-08-02: only 2023-08-01 still has two of them.
    facts = _infrastructure("2023-07", left_on=date(2023, 8, 2))
    first_day = _infra(catalog, facts, date(2024, 1, 31))  # window from 2023-08-01
    assert first_day.window.start == date(2023, 8, 1)
    assert first_day.window.qualified_on == date(2023, 8, 1)
    day_after = _infra(catalog, facts, date(2024, 2, 1))  # window from 2023-09-01
    assert day_after.window.start == date(2023, 9, 1)
    assert day_after.window.qualified_on is None
    assert day_after.window.status is WindowStatus.IN_PROGRESS


def test_the_windows_last_day_counts(catalog: ScoredCatalog) -> None:
    # The last certifications are passed on the as-of day, the window's last day.
    facts = _infrastructure("2023-10", passed_on=date(2023, 11, 20))
    on_the_day = _infra(catalog, facts, date(2023, 11, 20))
    assert on_the_day.qualified and on_the_day.window.qualified_on == date(2023, 11, 20)
    the_day_before = _infra(catalog, facts, date(2023, 11, 19))
    assert the_day_before.window.qualified_on is None


def _enrolled(facts: Facts, anniversary: date, level: Level = Level.GOLD) -> Facts:
    year = anniversary.replace(year=anniversary.year - 1)
    return replace(
        facts,
        organization=organization(anniversary=year),
        fee_payments=(FeePayment(year, level, Decimal(4730)),),
    )


def test_an_enrolled_partner_renews_around_its_anniversary(catalog: ScoredCatalog) -> None:
    facts = _enrolled(_infrastructure("2024-07"), date(2024, 8, 15))
    early = _infra(catalog, facts, date(2024, 2, 29)).window
    assert early.enrolled and early.status is WindowStatus.ENROLLED
    assert (early.start, early.end) == (date(2024, 3, 1), date(2024, 8, 31))
    assert early.qualified_on is None and "2024-08-15" in window_text(early)
    # The window's last day, after the anniversary: still renewing the year before.
    last = _infra(catalog, facts, date(2024, 8, 31)).window
    assert last.enrolled and last.status is WindowStatus.RENEWAL_QUALIFIED
    assert last.qualified_on == date(2024, 8, 31)
    due = _infra(
        catalog, _enrolled(_infrastructure("2023-01"), date(2024, 8, 15)), date(2024, 5, 1)
    )
    assert due.window.status is WindowStatus.RENEWAL_DUE and due.window.qualified_on is None


def test_a_silver_payment_kept_the_legacy_benefits_and_does_not_enrol(
    catalog: ScoredCatalog,
) -> None:
    facts = _enrolled(_infrastructure("2024-07"), date(2024, 8, 15), Level.SILVER)
    window = _infra(catalog, facts, date(2024, 2, 29)).window
    assert not window.enrolled
    assert (window.start, window.end) == (date(2023, 9, 1), date(2024, 2, 29))


@settings(max_examples=30, deadline=None)
@given(
    dropped=st.sets(st.integers(0, 13), max_size=6),
    holder=st.sampled_from(["a1", "a2", "p0", "p1", "new"]),
    code=st.sampled_from(["AZ-104", "AZ-305", "AZ-700", "AZ-140", "AZ-800"]),
    passed=st.dates(date(2023, 6, 1), date(2024, 1, 31)),
)
def test_another_certification_never_undoes_a_qualification_in_the_window(
    catalog: ScoredCatalog, dropped: set[int], holder: str, code: str, passed: date
) -> None:
    as_of = date(2024, 1, 31)  # window 2023-08-01 to 2024-01-31
    full = _infrastructure("2023-07")
    exams = [e for i, e in enumerate(full.exams) if i not in dropped]
    people = list(full.people)
    if holder == "new":
        people.append(Person("New person", "new"))
    base = replace(full, exams=exams, people=people)
    more = replace(base, exams=[*exams, ExamResult(holder, code, passed)])
    before, after = _infra(catalog, base, as_of), _infra(catalog, more, as_of)
    assert after.score >= before.score
    assert after.window.qualified or not before.window.qualified


def test_earlier_days_of_the_window_are_scored_with_the_catalogue_in_force_then() -> None:
    older = parse_scored_catalog(
        json.loads((CATALOGS / "solutions-partner-2023-06.json").read_text())
    )
    newer = parse_scored_catalog(
        json.loads((CATALOGS / "solutions-partner-2026-05.json").read_text())
    )
    asked: list[date] = []

    def catalog_on(day: date) -> ScoredCatalog:
        asked.append(day)
        return newer if newer.in_force_on(day) else older

    # Qualifying data only in April 2026's "last month" (March): scored under 2023-06.
    facts = _infrastructure("2026-03")
    scores = score_designations(
        newer, facts, date(2026, 6, 10), frozenset({"infrastructure-azure"}), catalog_on
    )
    infra = next(s for s in scores if s.id == "infrastructure-azure")
    assert not infra.qualified
    assert infra.window.qualified_on == date(2026, 4, 30)
    assert any(day < newer.effective_from for day in asked)


def test_a_window_of_the_as_of_day_alone_names_that_day_once() -> None:
    """Before 2023-09-19 the window is the as-of day: 'from 2023-08-15 to 2023-08-15' read as a
    mistake; the sentence names the day once, in English and German."""
    from mpn_desktop.domain import vocabulary
    from mpn_desktop.domain.qualification_window import QualificationWindow

    day = date(2023, 8, 15)
    waiting = QualificationWindow(day, day, False, "", WindowStatus.IN_PROGRESS)
    done = replace(waiting, status=WindowStatus.QUALIFIED, qualified_on=day)
    assert window_text(waiting) == (
        "A qualification counts only on the as-of day, 2023-08-15: not qualified on it."
    )
    assert window_text(done) == "Qualified on 2023-08-15: the designation can be bought."
    longer = replace(waiting, start=date(2023, 4, 1))
    assert "from 2023-04-01 to 2023-08-15" in window_text(longer)
    vocabulary.use_language("de")
    try:
        assert "nur am Stichtag, dem 15.08.2023" in window_text(waiting)
    finally:
        vocabulary.use_language("en")
