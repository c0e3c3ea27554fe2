"""The requirement tree: the evaluation's figures, sentences and evidence as nodes to draw."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from domain_builders import (
    EMM,
    GOLD,
    PLATFORM,
    SILVER,
    facts,
    organization,
    payment,
    references,
    run,
    skilled,
    subscription,
    usage,
)

from mpn_desktop.domain.catalog import Catalog
from mpn_desktop.domain.competency_tree import requirement_tree
from mpn_desktop.domain.enums import StepKind
from mpn_desktop.domain.requirement_tree import NodeKind, RequirementNode

ANNIVERSARY = date(2017, 6, 30)


def _platform_tree(catalog: Catalog):  # type: ignore[no-untyped-def]
    progress = run(
        catalog,
        facts(
            org=organization(anniversary=ANNIVERSARY),
            targets=[(PLATFORM, GOLD)],
            subscriptions=[subscription("sub-1", customer="Fabrikam")],
            usage_rows=[usage("sub-1", "2017-12", consumption=20_000)],
            skilled_people=[skilled("1234567", "70-533", name="Ana Ruiz")],
            refs=references(PLATFORM, 1),
            payments=[payment(ANNIVERSARY, SILVER)],
        ),
    )
    return progress, requirement_tree(progress)


def test_competency_levels_and_steps_are_nodes_with_the_evaluations_figures(
    catalog: Catalog,
) -> None:
    progress, tree = _platform_tree(catalog)
    node = tree.requirement(PLATFORM)
    assert node is not None and node.kind is NodeKind.COMPETENCY and node.targeted
    assert [level.id for level in node.children] == ["silver", "gold"]
    assert node.target is not None and node.target.id == "gold"
    silver = progress.competency(PLATFORM).level(SILVER)
    level = node.children[0]
    assert (level.met, level.missing, level.way) == (
        silver.attained,
        silver.missing,
        silver.option.name,
    )
    for kind, step in zip(StepKind, level.children, strict=True):
        found = silver.step(kind)
        assert found is not None and step.kind is NodeKind.STEP and step.id == kind.value
        assert (step.met, step.have, step.need, step.unit, step.missing) == (
            found.met,
            found.have,
            found.need,
            found.unit,
            found.missing,
        )
        assert tuple(step.evidence) == tuple(found.evidence)


def test_the_evidence_keeps_its_data_in_the_tree(catalog: Catalog) -> None:
    _progress, tree = _platform_tree(catalog)
    node = tree.requirement(PLATFORM)
    assert node is not None
    exams = node.children[0].child("exams")
    assert exams is not None
    assert [(item.mcp_id, item.person) for item in exams.evidence] == [("1234567", "Ana Ruiz")]


def test_a_step_of_several_measures_has_a_child_per_measure(catalog: Catalog) -> None:
    tree = requirement_tree(run(catalog, facts(targets=[(EMM, SILVER)])))
    node = tree.requirement(EMM)
    assert node is not None
    performance = node.children[0].child("performance")
    assert performance is not None and len(performance.children) >= 2
    assert all(child.kind is NodeKind.MEASURE for child in performance.children)


def test_only_the_targeted_competencies_are_targeted(catalog: Catalog) -> None:
    _progress, tree = _platform_tree(catalog)
    assert [node.id for node in tree.targeted] == [PLATFORM]
    assert len(tree.requirements) > 1


def test_a_scored_requirement_fits_the_same_node() -> None:
    """The Solutions Partner program's shape: designation -> category -> metric, in points."""
    metric = RequirementNode(
        kind=NodeKind.METRIC,
        id="net-customer-adds",
        label="Net customer adds",
        met=False,
        have=Decimal(2),
        need=Decimal(3),
        unit="customers",
        points=Decimal(20),
        max_points=Decimal(30),
        missing=("1 more net new customer",),
    )
    category = RequirementNode(
        kind=NodeKind.CATEGORY,
        id="performance",
        label="Performance",
        met=False,
        points=Decimal(20),
        max_points=Decimal(30),
        children=(metric,),
    )
    designation = RequirementNode(
        kind=NodeKind.DESIGNATION,
        id="infrastructure-azure",
        label="Solutions Partner for Infrastructure (Azure)",
        met=False,
        have=Decimal(64),
        need=Decimal(70),
        unit="points",
        points=Decimal(64),
        max_points=Decimal(100),
        children=(category,),
        targeted=True,
    )
    assert designation.scored and designation.counted
    assert [node.id for node in designation.walk()] == [
        "infrastructure-azure",
        "performance",
        "net-customer-adds",
    ]
    assert not RequirementNode(kind=NodeKind.LEVEL, id="gold", label="Gold", met=True).scored


def test_an_unknown_competency_is_a_key_error_as_in_the_catalogue(catalog: Catalog) -> None:
    import pytest

    progress, _tree = _platform_tree(catalog)
    with pytest.raises(KeyError, match="no-such-competency"):
        progress.competency("no-such-competency")
    with pytest.raises(KeyError, match="no-such-competency"):
        catalog.competency("no-such-competency")


def test_a_levels_other_options_are_its_alternatives(catalog: Catalog) -> None:
    progress = run(catalog, facts(targets=[(EMM, SILVER)]))
    level = progress.competency(EMM).level(SILVER)
    tree = requirement_tree(progress)
    node = tree.requirement(EMM)
    assert node is not None
    silver = node.children[0]
    assert silver.ways == len(level.options) > 1
    others = [option.name for option in level.options if option is not level.option]
    assert [alternative.way for alternative in silver.alternatives] == others
    for alternative in silver.alternatives:
        assert alternative.kind is NodeKind.LEVEL and alternative.id == "silver"
        assert [step.id for step in alternative.children] == [kind.value for kind in StepKind]
