"""Where a designation's missing items lead: data beside each sentence, never read from it."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from fractions import Fraction
from pathlib import Path

import pytest

from mpn_desktop.domain.designation_results import DesignationScore, usage_lead
from mpn_desktop.domain.designation_score import score_designations
from mpn_desktop.domain.designation_tree import designation_tree
from mpn_desktop.domain.designation_way import cheapest_steps
from mpn_desktop.domain.designations import ScoredCatalog
from mpn_desktop.domain.designations_parse import parse_scored_catalog
from mpn_desktop.domain.enums import Association, Workload
from mpn_desktop.domain.facts import Facts
from mpn_desktop.domain.missing_lead import LeadKind
from tests.domain.domain_builders import organization

CATALOGS = Path(__file__).parents[2] / "resources" / "catalogs"
AS_OF = date(2023, 8, 15)


@pytest.fixture(scope="module")
def catalog() -> ScoredCatalog:
    document = json.loads((CATALOGS / "solutions-partner-2023-06.json").read_text())
    return parse_scored_catalog(document)


@pytest.fixture(scope="module")
def scores(catalog: ScoredCatalog) -> dict[str, DesignationScore]:
    """Every designation of an organisation with nothing yet: every metric is missing."""
    found = score_designations(catalog, Facts(organization=organization()), AS_OF)
    return {score.id: score for score in found}


def test_every_missing_item_and_cheapest_step_has_its_lead(
    scores: dict[str, DesignationScore],
) -> None:
    for score in scores.values():
        assert len(score.missing_leads) == len(score.missing) > 1, score.id
        assert all(lead is not None for lead in score.missing_leads), score.id
        assert len(score.suggestion_leads) == len(score.suggestion) > 0, score.id
        for step, lead in zip(score.suggestion, score.suggestion_leads, strict=True):
            # Each step names its metric first; its lead is that metric's.
            assert lead is not None and step.startswith(lead.metric_name + ": "), step
        for metric in score.best.metrics:
            assert len(metric.leads) == len(metric.missing), (score.id, metric.id)


def test_a_skilling_metric_leads_to_the_first_exam_of_what_is_missing(
    scores: dict[str, DesignationScore], catalog: ScoredCatalog
) -> None:
    # Infrastructure: the step (two Azure Administrators, AZ-104) comes before the list.
    metric = next(m for m in scores["infrastructure-azure"].best.metrics if m.id.startswith("int"))
    step, final = metric.leads
    assert step is not None and final is not None
    assert (step.kind, step.code, step.certification) == (
        LeadKind.CERTIFICATION,
        "AZ-104",
        "Azure Administrator Associate",
    )
    first = catalog.certifications["azure-network-engineer-associate"]
    assert (final.code, final.certification) == (first.exams[0][0], first.name)


def test_new_customers_lead_to_a_customer_with_the_association_that_counts(
    scores: dict[str, DesignationScore],
) -> None:
    metric = next(m for m in scores["security"].best.metrics if m.id == "net-customer-adds")
    azure, microsoft_365 = metric.leads
    assert azure is not None and microsoft_365 is not None
    assert (azure.kind, azure.workload, azure.association) == (
        LeadKind.CUSTOMER,
        Workload.AZURE,
        Association.PAL,
    )
    assert microsoft_365.workload is Workload.OFFICE365
    assert microsoft_365.association is Association.CPOR
    assert "through PAL" in azure.note


def test_usage_growth_and_deployments_lead_to_the_usage_with_what_counts(
    scores: dict[str, DesignationScore],
) -> None:
    for metric_id in ("usage-growth", "deployments"):
        metric = next(m for m in scores["infrastructure-azure"].best.metrics if m.id == metric_id)
        lead = metric.lead
        assert lead is not None and lead.kind is LeadKind.USAGE
        assert lead.note == metric.parts[0].label and lead.note
        assert lead.figure == "consumption_usd"
    # Modern Work's deployments read active users (their share of the paid seats).
    metric = next(m for m in scores["modern-work"].best.metrics if m.id == "deployments")
    assert metric.lead is not None and metric.lead.figure == "active_users"
    metric = next(m for m in scores["modern-work"].best.metrics if m.id == "net-customer-adds")
    assert metric.lead is not None and metric.lead.figure == "paid_seats"


def test_the_points_still_short_lead_to_the_metric_with_the_most_to_give(
    scores: dict[str, DesignationScore],
) -> None:
    score = scores["data-ai-azure"]
    assert score.missing[0].startswith("70 more points to reach 70")
    most = max(score.best.metrics, key=lambda m: m.max_points - m.points)
    lead = score.missing_leads[0]
    assert lead is not None and lead.metric == most.id == "intermediate-certifications"


def test_the_tree_carries_the_leads_as_they_are(scores: dict[str, DesignationScore]) -> None:
    tree = designation_tree(organization(), AS_OF, tuple(scores.values()))
    node = tree.requirement("security")
    assert node is not None
    assert node.missing_leads == scores["security"].missing_leads
    assert node.suggestion_leads == scores["security"].suggestion_leads
    metric = node.children[0].children[0]
    assert metric.missing_leads == scores["security"].best.categories[0].metrics[0].leads


def test_a_way_step_on_a_part_leads_where_that_part_s_missing_sentence_does(
    scores: dict[str, DesignationScore],
) -> None:
    # Security's usage growth has two parts (Azure through PAL, Microsoft 365 through CPOR),
    # each with its sentence; the way's step on the second leads to the second's form.
    seen = 0
    for score in scores.values():
        metrics = {m.id: m for m in score.best.metrics}
        for step in cheapest_steps(score.best, Fraction(70)).steps:
            metric = metrics[step.metric]
            if step.part < 0 or step.option != metric.option:
                continue
            assert step.lead is not None and step.lead.note == metric.parts[step.part].label
            seen += step.part > 0
    assert seen


def test_a_metric_and_part_made_where_freed_ones_were_get_their_own_lead(
    catalog: ScoredCatalog,
) -> None:
    # usage_lead keeps its leads by the metric's and the part's id(), with both objects
    # beside the lead: were it keyed by id() alone without holding them, a metric and part
    # made where freed ones were would read the freed ones' lead.
    metric = next(m for d in catalog.designations for t in d.tracks for m in t.metrics if m.options)
    part = metric.options[0][0]
    ids: set[tuple[int, int]] = set()
    for n in range(50):
        made = replace(metric, name=f"Metric {n}")
        made_part = replace(part, label=f"Part {n}")
        lead = usage_lead(made, made_part)
        assert (lead.metric_name, lead.note) == (f"Metric {n}", f"Part {n}")
        ids.add((id(made), id(made_part)))
        del made, made_part, lead
    # Held by the memo, no metric or part was freed while it lived: every pair of ids differs.
    assert len(ids) == 50
