"""A net figure says how it comes about, in every view: what counts now, what counted a year
earlier, the net between them, and who was lost (counted, the first ten named).

Net customer adds score the customers qualifying now less those a year earlier; "34 of 3
customers" over a list of the 141 customers counted now read as a mistake (print10's
report). The ``status`` text, the checklist and the tree the panel draws (its tooltip) each
say "141 customers now - 107 a year earlier = net 34 (56 new, 22 lost)" now, and name the
customers lost.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import date
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

from mpn_desktop.cli import main
from mpn_desktop.commands.designation_status import _metric_lines
from mpn_desktop.domain.designation_measures import Measured
from mpn_desktop.domain.designation_results import MetricScore, PartScore
from mpn_desktop.domain.designations import Measure, Part
from mpn_desktop.domain.facts import Organization
from mpn_desktop.domain.net_adds import LOST, NetCount, net_evidence
from mpn_desktop.domain.requirement_tree import NodeKind, RequirementNode, RequirementTree
from mpn_desktop.programs import shipped_scored_catalogs
from mpn_desktop.reports.designation_checklist import build_designation_checklist
from mpn_desktop.store.database import Database
from mpn_desktop.store.sample import load_sample

DAY = date(2026, 10, 15)
CATALOG = shipped_scored_catalogs()[-1]


def _net_part() -> Part:
    """The catalogue's first net part (Infrastructure's net customer adds)."""
    return next(
        part
        for designation in CATALOG.designations
        for track in designation.tracks
        for metric in track.metrics
        for option in metric.options
        for part in option
        if part.measure is Measure.TENANT_GROWTH
    )


def _customers(numbers: range) -> frozenset[tuple[str, str]]:
    return frozenset((f"Customer {n:04}", "") for n in numbers)


NOW = _customers(range(0, 30))
"""30 customers now: 0-29."""
BEFORE = _customers(range(20, 45))
"""25 a year earlier: 20-44, so 20 new (0-19), 10 kept (20-29), 15 lost (30-44)."""


def _metric() -> MetricScore:
    part = _net_part()
    measured = Measured(
        value=Decimal(len(NOW) - len(BEFORE)),
        now_keys=NOW,
        before_keys=BEFORE,
        last=Decimal(len(NOW)),
        baseline=Decimal(len(BEFORE)),
    )
    scored = PartScore(
        label=part.label,
        unit="customers",
        have=Decimal(5),
        need=Decimal(3),
        points=Fraction(30),
        measured=measured,
        part=part,
    )
    return MetricScore(
        id="net-customer-adds",
        name="Net customer adds",
        category="performance",
        have=Decimal(5),
        need=Decimal(3),
        unit="customers",
        points=Fraction(30),
        max_points=Fraction(30),
        missing=(),
        parts=(scored,),
    )


SAID = "30 customers now - 25 a year earlier = net 5 (20 new, 15 lost)"
LOST_SAID = (
    "15 customers lost: " + ", ".join(f"Customer {n:04}" for n in range(30, 40)) + " and 5 more"
)


def test_each_thing_counted_carries_its_share_of_the_net_figure() -> None:
    (part,) = _metric().parts
    evidence = net_evidence(part)
    assert sum(e.amount or 0 for e in evidence) == 5  # the net figure
    shares = {e.subject: e.amount for e in evidence}
    assert shares["Customer 0000"] == 1  # new
    assert shares["Customer 0025"] == 0  # counted in both years
    assert shares["Customer 0044"] == LOST
    assert len(evidence) == 45
    assert NetCount.of_evidence(evidence) == NetCount.of_part(part) == NetCount(30, 25, 20)


def test_the_status_text_says_now_a_year_earlier_the_net_and_who_was_lost() -> None:
    lines = [str(line).strip() for line in _metric_lines(_metric())]
    assert lines[1:] == [SAID, LOST_SAID]


def test_a_part_of_several_is_named_even_where_the_other_counts_nobody() -> None:
    metric = _metric()
    (part,) = metric.parts
    nobody = replace(part, label="Azure customers", measured=Measured(value=Decimal(0)))
    lines = [str(line).strip() for line in _metric_lines(replace(metric, parts=(nobody, part)))]
    assert lines[1:] == [f"{part.label}: {SAID}", LOST_SAID]


def test_the_tree_the_panel_draws_says_how_the_net_figure_comes_about() -> None:
    metric = _metric()
    node = designation_node_of(metric)
    assert SAID in node.notes
    # The lost customers are evidence too, each taking one off.
    lost = [e.subject for e in node.evidence if e.amount == LOST]
    assert lost == [f"Customer {n:04}" for n in range(30, 45)]


def designation_node_of(metric: MetricScore) -> RequirementNode:
    from mpn_desktop.domain.designation_tree import _metric_node

    return _metric_node(metric)


def test_the_checklist_says_how_the_net_figure_comes_about() -> None:
    metric_node = designation_node_of(_metric())
    category = RequirementNode(
        kind=NodeKind.CATEGORY,
        id="performance",
        label="Performance",
        met=True,
        points=Decimal(30),
        max_points=Decimal(30),
        children=(metric_node,),
    )
    designation = RequirementNode(
        kind=NodeKind.DESIGNATION,
        id="infra-azure",
        label="Solutions Partner for Infrastructure (Azure)",
        met=True,
        points=Decimal(100),
        max_points=Decimal(100),
        children=(category,),
        targeted=True,
    )
    organization = Organization(name="Partner Ltd", mpn_id="9000001")
    tree = RequirementTree(
        program="solutions-partner",
        as_of=DAY,
        organization=organization,
        requirements=(designation,),
    )
    document = build_designation_checklist(CATALOG, tree, organization, printed_on=DAY)
    (line,) = document.sections[0].levels[0].lines
    now = ", ".join(f"Customer {n:04}" for n in range(10))
    assert [d.text for d in line.details] == [
        SAID,
        f"30 customers now: {now} and 20 more",
        LOST_SAID,
    ]


_NET = re.compile(r"^ +(?:.*: )?(\d+) customers? now - (\d+) a year earlier = net (-?\d+) ")


def test_the_sample_s_net_lines_count_the_json_s_lists(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every net line of the sample's status text counts the customers the JSON lists."""
    path = tmp_path / "sample.sqlite3"
    with Database.open(f"sqlite:///{path}") as db:
        load_sample(db, DAY)
    options = ["--db", str(path), "status", "--as-of", DAY.isoformat()]
    capsys.readouterr()
    assert main(options) == 0
    said = [m.groups() for line in capsys.readouterr().out.splitlines() if (m := _NET.match(line))]
    assert main([*options, "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    counted = [
        (len(part["now"]), len(part["a_year_earlier"]))
        for designation in document["designations"]
        if designation["target"]
        for category in designation["categories"]
        for metric in category["metrics"]
        for part in metric.get("counted", ())
        if metric["unit"] == "customers"
    ]
    assert counted
    assert [(int(now), int(before), int(net)) for now, before, net in said] == [
        (now, before, now - before) for now, before in counted
    ]
