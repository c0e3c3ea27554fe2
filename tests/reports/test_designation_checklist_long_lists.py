"""A large organisation's Solutions Partner checklist prints in a few pages: a metric's long
list of customers, services or people is counted and its first few named on one line, not
printed one a line (the large organisation's checklist ran to 78 pages, most of them names);
a short list, as a small organisation has, is still one a line to tick off."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from functools import partial
from pathlib import Path
from typing import Any

import pypdf
from checklist_helpers import pdf_pages

from mpn_desktop.domain import vocabulary
from mpn_desktop.domain.evidence import Evidence
from mpn_desktop.domain.facts import Organization
from mpn_desktop.domain.requirement_tree import NodeKind, RequirementNode, RequirementTree
from mpn_desktop.programs import shipped_scored_catalogs
from mpn_desktop.reports.checklist import Checklist, Detail
from mpn_desktop.reports.designation_checklist import (
    LISTED_IN_FULL,
    NAMED,
    build_designation_checklist,
)
from mpn_desktop.reports.render import render_pdf
from mpn_desktop.store.user_files import write_user_file

DAY = date(2026, 10, 15)
ORGANIZATION = Organization(name="Large Partner Ltd", mpn_id="9000001")


def _customers(count: int, label: str = "customers with US$ 500 of Azure consumption") -> tuple:
    return tuple(Evidence(subject=f"Customer {n:04}", detail=label) for n in range(count))


def _people(count: int) -> tuple:
    return tuple(
        Evidence(
            subject=f"Person {n:04} (MCP {1000000 + n})",
            detail="Azure Administrator Associate",
            mcp_id=str(1000000 + n),
        )
        for n in range(count)
    )


def _metric(id_: str, unit: str, evidence: tuple) -> RequirementNode:
    return RequirementNode(
        kind=NodeKind.METRIC,
        id=id_,
        label=id_,
        met=True,
        have=Decimal(len(evidence)),
        need=Decimal(3),
        unit=unit,
        points=Decimal(10),
        max_points=Decimal(10),
        evidence=evidence,
    )


def _checklist(*metrics: RequirementNode) -> Checklist:
    category = RequirementNode(
        kind=NodeKind.CATEGORY,
        id="performance",
        label="Performance",
        met=True,
        points=Decimal(10) * len(metrics),
        max_points=Decimal(10) * len(metrics),
        children=metrics,
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
    tree = RequirementTree(
        program="solutions-partner",
        as_of=DAY,
        organization=ORGANIZATION,
        requirements=(designation,),
    )
    catalog = shipped_scored_catalogs()[-1]
    return build_designation_checklist(catalog, tree, ORGANIZATION, printed_on=DAY)


def _details(document: Checklist) -> list[tuple[Detail, ...]]:
    return [line.details for line in document.sections[0].levels[0].lines]


def test_a_short_list_is_printed_one_a_line() -> None:
    (customers, people) = _details(
        _checklist(
            _metric("net-customer-adds", "customers", _customers(LISTED_IN_FULL)),
            _metric("intermediate", "people", _people(2)),
        )
    )
    assert [d.text for d in customers] == [f"Customer {n:04}" for n in range(LISTED_IN_FULL)]
    # A person names the certification that counts; a customer needs no note.
    assert [(d.text, d.note) for d in people] == [
        ("Person 0000 (MCP 1000000)", "Azure Administrator Associate"),
        ("Person 0001 (MCP 1000001)", "Azure Administrator Associate"),
    ]
    assert all(d.note == "" for d in customers)


def test_a_long_list_is_counted_and_its_first_few_named() -> None:
    (customers, people, services) = _details(
        _checklist(
            _metric("net-customer-adds", "customers", _customers(141)),
            _metric("intermediate", "people", _people(LISTED_IN_FULL + 1)),
            _metric("usage-growth", "percent", _customers(600)),
        )
    )
    first = ", ".join(f"Customer {n:04}" for n in range(NAMED))
    assert customers == (Detail(text=f"141 customers: {first} and 131 more"),)
    named = ", ".join(f"Person {n:04} (MCP {1000000 + n})" for n in range(NAMED))
    assert people == (Detail(text=f"13 people: {named} and 3 more"),)
    # A unit that names no thing listed ("percent"): the count said after the names.
    assert services == (Detail(text=f"{first} and 590 more (600 in all)"),)


def test_each_part_of_a_metric_is_counted_on_its_own() -> None:
    evidence = (*_customers(20, "Azure"), *_customers(3, "Microsoft 365"))
    (details,) = _details(_checklist(_metric("deployments", "customers", evidence)))
    first = ", ".join(f"Customer {n:04}" for n in range(NAMED))
    assert [d.text for d in details] == [
        f"20 customers: {first} and 10 more",
        "Customer 0000",
        "Customer 0001",
        "Customer 0002",
    ]


def test_a_large_organisations_lists_print_in_a_few_pages(tmp_path: Path, qapp: Any) -> None:
    """Before: 2,400 customers and people one a line made 50-odd pages."""
    document = _checklist(
        _metric("net-customer-adds", "customers", _customers(600)),
        _metric("intermediate", "people", _people(600)),
        _metric("advanced", "people", _people(600)),
        _metric("deployments", "customers", _customers(600)),
    )
    path = tmp_path / "large.pdf"
    pages = render_pdf(document, path, "A4", save=partial(write_user_file, database=None))
    assert pages <= 2
    text = " ".join(pdf_pages(path))
    assert "600 customers: Customer 0000," in text and "and 590 more" in text
    assert "Customer 0010" not in text and "Person 0010" not in text


def test_a_long_list_reads_german_when_german_is_chosen() -> None:
    vocabulary.use_language("de")
    (customers, people, other) = _details(
        _checklist(
            _metric("net-customer-adds", "customers", _customers(1141)),
            _metric("intermediate", "people", _people(13)),
            _metric("usage-growth", "percent", _customers(13)),
        )
    )
    first = ", ".join(f"Customer {n:04}" for n in range(NAMED))
    assert customers == (Detail(text=f"1.141 Kunden: {first} und 1.131 weitere"),)
    assert people[0].text.startswith("13 Personen: Person 0000 (MCP 1000000), ")
    assert people[0].text.endswith(" und 3 weitere")
    assert other == (Detail(text=f"{first} und 3 weitere (13 insgesamt)"),)


def test_a_counted_part_of_several_says_which_part_it_counts() -> None:
    """Security's net customer adds count Azure and Microsoft 365 customers apart: two
    counted lines that did not say which was which."""
    azure, microsoft_365 = "Azure customers", "Microsoft 365 customers"
    evidence = (*_customers(20, azure), *_customers(30, microsoft_365), *_customers(2, "other"))
    (details,) = _details(_checklist(_metric("net-customer-adds", "customers", evidence)))
    assert [(d.text.split(":")[0], d.note) for d in details] == [
        ("20 customers", azure),
        ("30 customers", microsoft_365),
        ("Customer 0000", ""),
        ("Customer 0001", ""),
    ]
    # One part alone needs no label: the metric's description is its.
    (details,) = _details(_checklist(_metric("net-customer-adds", "customers", evidence[:20])))
    assert details[0].note == ""


def test_figures_too_wide_for_their_column_break_between_have_and_points(
    tmp_path: Path, qapp: Any
) -> None:
    """Cut where the column ended, a gated metric's figures read "(once the steps are" /
    "met) · 0 of 40 points", and a usage growth's "14.6 of 30" / "points"."""
    gated = replace(
        _metric("intermediate", "people", ()),
        met=False,
        have=Decimal(611),
        need=Decimal(4),
        points=Decimal(0),
        max_points=Decimal(40),
        gated=True,
    )
    path = tmp_path / "figures.pdf"
    render_pdf(_checklist(gated), path, "A4", save=partial(write_user_file, database=None))
    lines = [line.strip() for line in pypdf.PdfReader(path).pages[0].extract_text().splitlines()]
    assert "0 of 40 points" in lines
    assert any(line.endswith("611 of 4 people") for line in lines)
    assert "(once the steps are met) ·" in lines


def test_a_metric_is_never_cut_by_a_page_break(tmp_path: Path, qapp: Any) -> None:
    """A page that started with a metric's last missing sentence read as a metric of its own
    (the sample's Security skilling on 2026-10-15)."""
    metrics = tuple(
        replace(
            _metric(f"Metric {n:02}", "customers", _customers(8, f"part {n}")),
            met=False,
            missing=tuple(f"Metric {n:02} misses thing {k}" for k in range(4)),
        )
        for n in range(16)
    )
    path = tmp_path / "metrics.pdf"
    pages = render_pdf(
        _checklist(*metrics), path, "A4", save=partial(write_user_file, database=None)
    )
    assert pages > 2
    texts = pdf_pages(path)
    for n in range(16):
        on = {i for i, text in enumerate(texts) if f"Metric {n:02}" in text}
        assert len(on) == 1, f"Metric {n:02} on pages {sorted(on)}"


def test_the_one_counted_part_of_several_says_which_part_it_counts() -> None:
    """Security's Azure part counting nobody left its Microsoft 365 customers unnamed, under
    a description naming both parts."""
    microsoft_365 = "Microsoft 365 customers"
    metric = replace(
        _metric("net-customer-adds", "customers", _customers(20, microsoft_365)),
        description=f"Azure customers / {microsoft_365}",
    )
    (details,) = _details(_checklist(metric))
    assert [(d.text.split(":")[0], d.note) for d in details] == [("20 customers", microsoft_365)]
