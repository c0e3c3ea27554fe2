"""The Sales chart's usage on a Solutions Partner day counts what the score counts."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from mpn_desktop.domain.dates import Month
from mpn_desktop.domain.designation_score import score_designations
from mpn_desktop.domain.designation_usage_months import (
    designation_usage,
    growth_missing,
    growth_parts,
    part_missing,
)
from mpn_desktop.domain.designations import ScoredCatalog
from mpn_desktop.domain.designations_parse import parse_scored_catalog
from mpn_desktop.domain.enums import Association
from mpn_desktop.domain.facts import Facts, Usage
from mpn_desktop.domain.missing_lead import Lead, LeadKind
from mpn_desktop.domain.requirement_tree import NodeKind, RequirementNode, RequirementTree
from tests.domain.domain_builders import organization, subscription

CATALOGS = Path(__file__).parents[2] / "resources" / "catalogs"
AS_OF = date(2023, 8, 15)
LAST = Month(2023, 7)


@pytest.fixture(scope="module")
def catalog() -> ScoredCatalog:
    document = json.loads((CATALOGS / "solutions-partner-2023-06.json").read_text())
    return parse_scored_catalog(document)


def _usage(sub: str, month: str, acr: int, service: str = "") -> Usage:
    return Usage(sub, Month.parse(month), consumption_usd=Decimal(acr), service=service)


def _by_month(catalog: ScoredCatalog, facts: Facts, designation: str) -> dict[Month, Decimal]:
    usage = designation_usage(catalog, (designation,), facts, LAST)
    assert usage is not None and usage.designation_id == designation
    return dict(zip(usage.months, usage.amounts, strict=True))


def test_months_before_the_association_are_not_charted(catalog: ScoredCatalog) -> None:
    """Associated in 2023-03: its 2022-07 usage is not the score's, so not the chart's."""
    facts = Facts(
        organization=organization(),
        subscriptions=[
            subscription("early", customer="C0"),
            subscription("late", customer="C1", associated_on=date(2023, 3, 10)),
            subscription("trial", customer="C2", trial=True),
        ],
        usage=[
            _usage("early", "2022-07", 1000),
            _usage("early", "2023-07", 1200),
            _usage("late", "2022-07", 500),
            _usage("late", "2023-02", 700),
            _usage("late", "2023-03", 2000),
            _usage("late", "2023-07", 2200),
            _usage("trial", "2023-07", 9000),
        ],
    )
    charted = _by_month(catalog, facts, "data-ai-azure")
    assert charted[Month(2022, 7)] == 1000
    assert charted[Month(2023, 2)] == 0
    assert charted[Month(2023, 3)] == 2000  # the month of the association counts
    assert charted[LAST] == 3400
    score = next(
        s
        for s in score_designations(catalog, facts, AS_OF, frozenset({"data-ai-azure"}))
        if s.id == "data-ai-azure"
    )
    growth = next(m for m in score.best.metrics if m.id == "usage-growth")
    # Last month's bar is the figure the score compares.
    assert growth.parts[0].measured.last == charted[LAST]


def test_only_the_services_the_metric_names_are_charted(catalog: ScoredCatalog) -> None:
    """Security's Azure part counts security services only (SEC23), not virtual machines."""
    facts = Facts(
        organization=organization(),
        subscriptions=[subscription("pal", customer="C0", association=Association.PAL)],
        usage=[
            _usage("pal", "2023-07", 300, service="Sentinel"),
            _usage("pal", "2023-07", 5000, service="Virtual Machines"),
        ],
    )
    assert _by_month(catalog, facts, "security")[LAST] == 300


def test_security_compares_twelve_months_with_the_twelve_before(catalog: ScoredCatalog) -> None:
    """SEC23: the window is the 24 months of the two compared periods, not 13."""
    facts = Facts(organization=organization())
    usage = designation_usage(catalog, ("security",), facts, LAST)
    assert usage is not None
    assert usage.compared == ((Month(2021, 8), Month(2022, 7)), (Month(2022, 8), LAST))
    assert usage.months[0] == Month(2021, 8) and usage.months[-1] == LAST
    assert len(usage.months) == len(usage.amounts) == 24
    assert usage.compared_months() == usage.months
    growth = designation_usage(catalog, ("data-ai-azure",), facts, LAST)
    assert growth is not None and len(growth.months) == 13
    assert growth.compared == ((Month(2022, 7), Month(2022, 7)), (LAST, LAST))
    assert growth.compared_months() == (Month(2022, 7), LAST)


def test_a_figure_picks_the_part_of_a_metric_of_several(catalog: ScoredCatalog) -> None:
    """Security's growth: Azure consumption first; protected users when asked for."""
    facts = Facts(organization=organization())
    users = designation_usage(catalog, ("security",), facts, LAST, "active_users")
    assert users is not None and users.figure == "active_users"
    assert users.compared == ((Month(2022, 7), Month(2022, 7)), (LAST, LAST))
    unknown = designation_usage(catalog, ("security",), facts, LAST, "revenue_usd")
    assert unknown is not None and unknown.figure == "consumption_usd"
    assert len(unknown.months) == 24


def _tree_missing(sentences: tuple[tuple[str, str | None], ...]) -> RequirementTree:
    """Security's usage growth missing ``sentences`` (text, the figure its lead reads or
    None for a sentence without a lead), under a designation and a category."""
    leads = tuple(
        None
        if figure is None
        else Lead(LeadKind.USAGE, "usage-growth", "Usage growth", figure=figure)
        for _text, figure in sentences
    )
    metric = RequirementNode(
        NodeKind.METRIC,
        "usage-growth",
        "Usage growth",
        met=False,
        missing=tuple(text for text, _figure in sentences),
        missing_leads=leads,
    )
    category = RequirementNode(
        NodeKind.CATEGORY, "customer-success", "Customer success", met=False, children=(metric,)
    )
    security = RequirementNode(
        NodeKind.DESIGNATION, "security", "Security", met=False, children=(category,)
    )
    return RequirementTree("solutions-partner", AS_OF, organization(), (security,))


def test_the_missing_sentences_of_the_figure_charted_come_first(catalog: ScoredCatalog) -> None:
    tree = _tree_missing(
        (
            ("US$ 25,000 more growth of Azure security consumption", "consumption_usd"),
            ("2,500 more protected users", "active_users"),
            ("12.9 more points to reach 70", None),
        )
    )
    facts = Facts(organization=organization())
    users = designation_usage(catalog, ("security",), facts, LAST, "active_users")
    azure = designation_usage(catalog, ("security",), facts, LAST, "consumption_usd")
    assert users is not None and azure is not None
    assert growth_missing(tree, users) == (
        "2,500 more protected users",
        "12.9 more points to reach 70",
        "US$ 25,000 more growth of Azure security consumption",
    )
    assert growth_missing(tree, azure) == (
        "US$ 25,000 more growth of Azure security consumption",
        "12.9 more points to reach 70",
        "2,500 more protected users",
    )


def test_without_its_metric_in_the_tree_nothing_is_missing(catalog: ScoredCatalog) -> None:
    usage = designation_usage(catalog, ("security",), Facts(organization=organization()), LAST)
    assert usage is not None
    assert growth_missing(None, usage) == ()
    empty = RequirementTree("solutions-partner", AS_OF, organization(), ())
    assert growth_missing(empty, usage) == ()
    # A sentence the metric writes without leads is said all the same.
    tree = _tree_missing((("more growth", None),))
    assert growth_missing(tree, usage) == ("more growth",)


def test_security_s_growth_has_two_parts_charted_side_by_side(catalog: ScoredCatalog) -> None:
    """Security adds the points of its Azure security consumption (twelve months against
    twelve) and of its protected users (a month against the year-ago month)."""
    facts = Facts(organization=organization())
    azure, users = growth_parts(catalog, "security", facts, LAST)
    assert (azure.figure, users.figure) == ("consumption_usd", "active_users")
    assert len(azure.months) == 24 and len(users.months) == 13
    assert users.compared == ((Month(2022, 7), Month(2022, 7)), (LAST, LAST))
    assert azure == designation_usage(catalog, ("security",), facts, LAST)
    # One part elsewhere; none for a designation without usage growth or unknown.
    assert [u.figure for u in growth_parts(catalog, "infrastructure-azure", facts, LAST)] == [
        "consumption_usd"
    ]
    assert growth_parts(catalog, "no-such-designation", facts, LAST) == ()


def test_a_part_says_only_its_own_missing_sentences(catalog: ScoredCatalog) -> None:
    tree = _tree_missing(
        (
            ("US$ 25,000 more growth of Azure security consumption", "consumption_usd"),
            ("2,500 more protected users", "active_users"),
            ("12.9 more points to reach 70", None),
        )
    )
    azure, users = growth_parts(catalog, "security", Facts(organization=organization()), LAST)
    assert part_missing(tree, azure) == ("US$ 25,000 more growth of Azure security consumption",)
    assert part_missing(tree, users) == ("2,500 more protected users",)
    assert part_missing(None, users) == ()
