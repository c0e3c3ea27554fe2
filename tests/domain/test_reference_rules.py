"""Step 3, customer references: approved or auto-approved ones count for two years."""

from __future__ import annotations

from datetime import date

import pytest
from domain_builders import (
    AS_OF,
    CRM,
    GOLD,
    PLATFORM,
    SILVER,
    facts,
    have,
    reference,
    references,
    run,
    step_of,
)

from mpn_desktop.domain.catalog import Catalog
from mpn_desktop.domain.enums import ReferenceStatus, StepKind
from mpn_desktop.domain.facts import Reference
from mpn_desktop.domain.references import counted, summarize, valid_until

REFS = StepKind.REFERENCES


def refs_have(catalog: Catalog, *given: Reference, as_of: date = AS_OF) -> int:
    """How many Cloud Platform references count on ``as_of``."""
    return int(have(catalog, facts(refs=given), PLATFORM, SILVER, REFS, as_of=as_of))


@pytest.mark.parametrize(
    ("approved_on", "counts"),
    [
        (date(2016, 3, 15), False),  # approved exactly two years ago: no longer counts
        (date(2016, 3, 16), True),  # two years ago tomorrow: its last day is today
        (AS_OF, True),  # approved today
        (date(2018, 3, 16), False),  # approved after the as-of day
    ],
)
def test_a_reference_counts_for_two_years_from_approval(
    catalog: Catalog, approved_on: date, counts: bool
) -> None:
    assert refs_have(catalog, reference(PLATFORM, approved_on=approved_on)) == (1 if counts else 0)


@pytest.mark.parametrize(
    ("status", "counts"),
    [
        (ReferenceStatus.APPROVED, True),
        (ReferenceStatus.AUTO_APPROVED, True),
        (ReferenceStatus.CUSTOMER_APPROVED, False),
        (ReferenceStatus.SUBMITTED, False),
        (ReferenceStatus.DRAFT, False),
        (ReferenceStatus.DECLINED, False),
    ],
)
def test_only_approved_or_auto_approved_references_count(
    catalog: Catalog, status: ReferenceStatus, counts: bool
) -> None:
    given = reference(PLATFORM, status=status, approved_on=date(2017, 6, 1))
    assert refs_have(catalog, given) == (1 if counts else 0)


def test_an_approved_reference_without_its_approval_day_does_not_count(catalog: Catalog) -> None:
    assert refs_have(catalog, reference(PLATFORM, approved_on=None)) == 0


def test_an_approval_without_its_day_is_named_in_the_sentence(catalog: Catalog) -> None:
    given = [
        reference(PLATFORM, "A", approved_on=None),
        reference(PLATFORM, "B", status=ReferenceStatus.AUTO_APPROVED, approved_on=None),
        reference(PLATFORM, "C", status=ReferenceStatus.SUBMITTED, approved_on=None),
    ]
    progress = run(catalog, facts(refs=given))
    assert step_of(progress, PLATFORM, SILVER, REFS).missing == (
        "3 more approved customer references for Cloud Platform "
        "(1 is submitted and waiting for approval; 2 are marked approved without the day of "
        "approval: enter it so that they count)",
    )
    one = run(catalog, facts(refs=given[:1]))
    assert (
        step_of(one, PLATFORM, SILVER, REFS)
        .missing[0]
        .endswith("(1 is marked approved without the day of approval: enter it so that it counts)")
    )


def test_a_reference_counts_for_its_own_competency_only(catalog: Catalog) -> None:
    progress = run(catalog, facts(refs=references(CRM, 3)))
    assert step_of(progress, CRM, SILVER, REFS).met
    assert step_of(progress, PLATFORM, SILVER, REFS).have == 0


def test_silver_needs_three_and_gold_five(catalog: Catalog) -> None:
    progress = run(catalog, facts(refs=references(PLATFORM, 4)))
    silver = step_of(progress, PLATFORM, SILVER, REFS)
    gold = step_of(progress, PLATFORM, GOLD, REFS)
    assert (silver.met, silver.have, silver.need, silver.unit) == (True, 4, 3, "references")
    assert (gold.met, gold.have, gold.need) == (False, 4, 5)
    assert gold.missing == ("1 more approved customer reference for Cloud Platform",)
    assert silver.missing == ()


def test_the_sentence_says_how_many_more_references_are_needed(catalog: Catalog) -> None:
    progress = run(catalog, facts(refs=references(PLATFORM, 1)))
    assert step_of(progress, PLATFORM, SILVER, REFS).missing == (
        "2 more approved customer references for Cloud Platform",
    )


def test_submitted_references_are_mentioned_as_waiting(catalog: Catalog) -> None:
    waiting = [
        reference(PLATFORM, "A", status=ReferenceStatus.SUBMITTED, approved_on=None),
        reference(PLATFORM, "B", status=ReferenceStatus.CUSTOMER_APPROVED, approved_on=None),
        reference(PLATFORM, "C", status=ReferenceStatus.DRAFT, approved_on=None),
        reference(PLATFORM, "D", status=ReferenceStatus.DECLINED, approved_on=None),
    ]
    progress = run(catalog, facts(refs=waiting))
    assert step_of(progress, PLATFORM, SILVER, REFS).missing == (
        "3 more approved customer references for Cloud Platform "
        "(2 are submitted and waiting for approval)",
    )
    one = run(catalog, facts(refs=waiting[:1]))
    assert (
        step_of(one, PLATFORM, SILVER, REFS)
        .missing[0]
        .endswith("(1 is submitted and waiting for approval)")
    )


def test_evidence_gives_each_reference_s_last_valid_day(catalog: Catalog) -> None:
    given = [
        reference(PLATFORM, "Tailspin", status=ReferenceStatus.AUTO_APPROVED),
        reference(PLATFORM, "Fabrikam", approved_on=date(2016, 12, 1)),
    ]
    step = step_of(run(catalog, facts(refs=given)), PLATFORM, SILVER, REFS)
    assert [(item.subject, item.detail, item.until) for item in step.evidence] == [
        ("Fabrikam", "approved on 2016-12-01", date(2018, 11, 30)),
        ("Tailspin", "auto-approved on 2017-06-01", date(2019, 5, 31)),
    ]
    assert step.description == "3 approved customer references, each valid 2 years from approval"


def test_a_reference_approved_on_29_february_lasts_until_27_february(catalog: Catalog) -> None:
    rule = catalog.competency(PLATFORM).references
    assert rule is not None
    leap = reference(PLATFORM, approved_on=date(2016, 2, 29))
    assert valid_until(leap, rule) == date(2018, 2, 27)
    assert counted([leap], rule, date(2018, 2, 27)) == [leap]
    assert counted([leap], rule, date(2018, 2, 28)) == []


def test_the_helpers_agree_with_the_summary(catalog: Catalog) -> None:
    rule = catalog.competency(PLATFORM).references
    assert rule is not None
    given = [
        reference(PLATFORM, "A", approved_on=date(2016, 3, 15)),
        reference(PLATFORM, "B", approved_on=date(2016, 3, 16)),
        reference(PLATFORM, "C", status=ReferenceStatus.DECLINED),
        reference(PLATFORM, "D", approved_on=None),
        reference(PLATFORM, "E", approved_on=date(2019, 1, 1)),
    ]
    summary = summarize(given, rule, AS_OF)
    assert [given[at] for at, _ in summary.counted] == counted(given, rule, AS_OF)
    assert [until for _, until in summary.counted] == [date(2018, 3, 15)]
    assert valid_until(given[2], rule) is None and valid_until(given[3], rule) is None
