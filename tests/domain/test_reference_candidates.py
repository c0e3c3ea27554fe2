"""Who to ask for a reference a competency misses: carried as data on the references step."""

from __future__ import annotations

from datetime import date

from domain_builders import (
    GOLD,
    PLATFORM,
    PRODUCTIVITY,
    SILVER,
    facts,
    organization,
    reference,
    run,
    step_of,
    subscription,
)

from mpn_desktop.domain.catalog import Catalog
from mpn_desktop.domain.competency_tree import requirement_tree
from mpn_desktop.domain.enums import Association, ReferenceStatus, StepKind, Workload
from mpn_desktop.domain.evidence import Candidate, CandidateReason
from mpn_desktop.domain.facts import Facts

REFS = StepKind.REFERENCES
EXPIRED = CandidateReason.EXPIRED
FRESH = CandidateReason.NO_REFERENCE
EXPIRING = CandidateReason.EXPIRING


def asked(catalog: Catalog, given: Facts, competency: str = PLATFORM) -> list[Candidate]:
    return list(step_of(run(catalog, given), competency, SILVER, REFS).candidates)


def test_expired_first_then_customers_without_one_then_those_stopping_soon(
    catalog: Catalog,
) -> None:
    # On AS_OF (2018-03-15) the next anniversary, 2018-07-01, is the horizon.
    given = facts(
        org=organization(anniversary=date(2017, 7, 1)),
        subscriptions=[
            subscription("sub-z", customer="Zeta"),
            subscription("sub-a", customer="alpha"),
            subscription("sub-f", customer="Fabrikam"),
        ],
        refs=[
            reference(PLATFORM, "Fabrikam", approved_on=date(2016, 1, 10)),  # ended 2018-01-09
            reference(PLATFORM, "Northwind", approved_on=date(2016, 3, 1)),  # ended 2018-02-28
            reference(PLATFORM, "Woodgrove", approved_on=date(2016, 5, 20)),  # until 2018-05-19
        ],
    )
    assert asked(catalog, given) == [
        Candidate("Northwind", EXPIRED, date(2018, 2, 28)),
        Candidate("Fabrikam", EXPIRED, date(2018, 1, 9)),
        Candidate("alpha", FRESH),
        Candidate("Zeta", FRESH),
        Candidate("Woodgrove", EXPIRING, date(2018, 5, 19)),
    ]


def test_a_customer_being_asked_or_who_said_no_or_counting_long_is_left_out(
    catalog: Catalog,
) -> None:
    statuses = [
        ReferenceStatus.DRAFT,
        ReferenceStatus.SUBMITTED,
        ReferenceStatus.CUSTOMER_APPROVED,
        ReferenceStatus.DECLINED,
    ]
    given = facts(
        subscriptions=[subscription(f"sub-{index}", customer=f"C{index}") for index in range(6)],
        refs=[
            *(
                reference(PLATFORM, f"C{index}", status=status, approved_on=None)
                for index, status in enumerate(statuses)
            ),
            # Approved without its day (entering it makes it count), and counting for long.
            reference(PLATFORM, "C4", approved_on=None),
            reference(PLATFORM, "C5", approved_on=date(2018, 1, 1)),
            # An old expired reference does not bring back a customer being asked again.
            reference(PLATFORM, "C1", approved_on=date(2015, 1, 1)),
        ],
    )
    assert asked(catalog, given) == []


def test_only_subscriptions_the_competency_counts_make_a_customer_to_ask(
    catalog: Catalog,
) -> None:
    given = facts(
        subscriptions=[
            subscription("s1", customer="Trial", trial=True),
            subscription("s2", customer="Office", workload=Workload.OFFICE365),
            subscription("s3", customer="Later", associated_on=date(2018, 4, 1)),
            subscription("s4", customer="Gone", ended_on=date(2016, 12, 31)),
            subscription("s5", customer="Recent", ended_on=date(2017, 6, 30)),
            subscription("s6", customer="Admin", association=Association.DELEGATED_ADMIN),
        ]
    )
    # Cloud Platform counts Azure through DPOR or CSP, not delegated admin; a subscription
    # ended within the last year still makes a customer to ask, one ended before not.
    assert [candidate.customer for candidate in asked(catalog, given)] == ["Recent"]
    # Cloud Productivity counts Office 365 through DPOR (among others).
    assert [candidate.customer for candidate in asked(catalog, given, PRODUCTIVITY)] == ["Office"]


def test_a_met_step_names_nobody_and_the_tree_carries_the_same_data(catalog: Catalog) -> None:
    given = facts(
        subscriptions=[subscription("sub-n", customer="New")],
        refs=[reference(PLATFORM, f"R{index}", approved_on=date(2017, 6, 1)) for index in range(3)],
    )
    progress = run(catalog, given)
    assert step_of(progress, PLATFORM, SILVER, REFS).candidates == ()
    gold = step_of(progress, PLATFORM, GOLD, REFS).candidates
    assert list(gold) == [Candidate("New", FRESH)]
    node = requirement_tree(progress).requirement(PLATFORM)
    assert node is not None
    level = node.child("gold")
    assert level is not None
    step = level.child("references")
    assert step is not None and list(step.candidates) == [Candidate("New", FRESH)]
