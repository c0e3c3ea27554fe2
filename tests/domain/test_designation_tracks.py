"""Tracks: Business Applications' track as Partner Center classifies it (BA23, BA26), a
promoted Microsoft 365 tenant staying SMB-eligible (MW26, SEC26), and the Azure SMB
classification written down as a reading (SOLUTIONS-PARTNER.md § 4, Q10)."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from mpn_desktop.domain import vocabulary
from mpn_desktop.domain.dates import Month
from mpn_desktop.domain.designation_results import DesignationScore
from mpn_desktop.domain.designation_score import score_designations
from mpn_desktop.domain.designations import ScoredCatalog
from mpn_desktop.domain.designations_parse import parse_scored_catalog
from mpn_desktop.domain.enums import Association, Workload
from mpn_desktop.domain.facts import Facts, Usage
from tests.domain.domain_builders import organization, subscription

CATALOGS = Path(__file__).parents[2] / "resources" / "catalogs"


def _document(version: str) -> dict[str, Any]:
    return json.loads((CATALOGS / f"solutions-partner-{version}.json").read_text())  # type: ignore[no-any-return]


def _score(catalog: ScoredCatalog, facts: Facts, as_of: date, area: str) -> DesignationScore:
    scores = score_designations(catalog, facts, as_of, frozenset({area}))
    return next(s for s in scores if s.id == area)


def _dynamics(pairs: int, revenue: int) -> Facts:
    """``pairs`` customers, each with one Dynamics 365 workload earning ``revenue`` in
    2023-07 and in 2022-07 (month-1 and month-13 of 2023-08-15)."""
    subs = [
        subscription(f"d{i}", customer=f"T{i}", workload=Workload.DYNAMICS_CRM)
        for i in range(pairs)
    ]
    usage = [
        Usage(f"d{i}", Month.parse(month), revenue_usd=Decimal(revenue), service="Sales")
        for i in range(pairs)
        for month in ("2023-07", "2022-07")
    ]
    return Facts(organization=organization(), subscriptions=subs, usage=usage)


@pytest.mark.parametrize(
    ("pairs", "revenue", "track"), [(5, 5001, "enterprise"), (4, 5001, "smb"), (5, 5000, "smb")]
)
def test_business_applications_is_scored_on_the_track_partner_center_gives(
    pairs: int, revenue: int, track: str
) -> None:
    catalog = parse_scored_catalog(_document("2023-06"))
    score = _score(catalog, _dynamics(pairs, revenue), date(2023, 8, 15), "business-applications")
    assert score.best.track == track
    assert {t.track for t in score.tracks} == {"enterprise", "smb"}  # both shown
    counted = pairs if revenue > 5000 else 0
    assert f": {counted} workload" in score.classified
    assert "2023-07" in score.classified and "2022-07" in score.classified


def test_only_a_workload_earning_in_both_months_counts_toward_enterprise() -> None:
    catalog = parse_scored_catalog(_document("2026-05"))
    facts = _dynamics(5, 6000)
    # One tenant earned nothing a year earlier: four pairs in both months, SMB.
    usage = [u for u in facts.usage if not (u.subscription == "d0" and str(u.month) == "2022-07")]
    facts = Facts(organization=facts.organization, subscriptions=facts.subscriptions, usage=usage)
    score = _score(catalog, facts, date(2023, 8, 15), "business-applications")
    assert score.best.track == "smb"


def _seats(customer: str, sub: str, seats_then: int, seats_now: int) -> tuple[Any, list[Usage]]:
    sub_row = subscription(
        sub, customer=customer, workload=Workload.OFFICE365, association=Association.CPOR
    )
    usage = [
        Usage(sub, Month.parse("2025-11"), paid_seats=seats_then, service="Teams"),
        Usage(sub, Month.parse("2026-11"), paid_seats=seats_now, service="Teams"),
    ]
    return sub_row, usage


def _smb_net_adds(document: dict[str, Any]) -> Decimal:
    grown, grown_usage = _seats("Grown", "g", 200, 400)  # SMB a year ago, Enterprise now
    new, new_usage = _seats("New", "n", 0, 50)  # a new SMB customer
    facts = Facts(
        organization=organization(), subscriptions=[grown, new], usage=[*grown_usage, *new_usage]
    )
    score = _score(parse_scored_catalog(document), facts, date(2026, 12, 6), "modern-work")
    smb = next(t for t in score.tracks if t.track == "smb")
    return next(m for m in smb.metrics if m.id == "net-customer-adds").have


def test_a_promoted_modern_work_tenant_stays_smb_eligible() -> None:
    document = _document("2026-05")
    assert _smb_net_adds(document) == 1  # 2 now (the grown one stays) against 1 a year ago
    part = document["designations"][4]["tracks"][1]["metrics"][0]["parts"][0]
    part["stays_eligible_when_promoted"] = False
    assert _smb_net_adds(document) == 0  # without the rule the grown tenant is a customer lost


def test_the_azure_smb_classification_is_a_reading_the_program_shows() -> None:
    catalog = parse_scored_catalog(_document("2026-05"))
    readings = {r.id: r.text for r in catalog.readings}
    assert "80 %" in readings["azure-smb-track"] and "higher total" in readings["azure-smb-track"]
    infra = catalog.designation("infrastructure-azure")
    assert infra is not None and infra.classification is None  # both tracks scored


@pytest.mark.parametrize(
    ("language", "pairs", "sentence_starts"),
    [
        ("en", 5, "Enterprise track by Partner Center's classification: 5 workloads"),
        ("en", 4, "SMB track by Partner Center's classification: 4 workloads"),
        ("en", 1, "SMB track by Partner Center's classification: 1 workload "),
        ("de", 5, "Track Enterprise nach der Einstufung des Partner Centers: 5 Workloads"),
        ("de", 4, "Track SMB nach der Einstufung des Partner Centers: 4 Workloads"),
    ],
)
def test_the_classification_sentence_names_the_track_as_a_title(
    language: str, pairs: int, sentence_starts: str
) -> None:
    # The track word comes from designations.track_title: "Enterprise" and "SMB", in
    # German too (the tracks keep Partner Center's names), never "Smb" or "enterprise".
    vocabulary.use_language(language)
    try:
        catalog = parse_scored_catalog(_document("2023-06"))
        score = _score(catalog, _dynamics(pairs, 5001), date(2023, 8, 15), "business-applications")
    finally:
        vocabulary.use_language("en")
    assert score.classified.startswith(sentence_starts), score.classified


def test_a_workloads_revenue_is_added_up_over_its_rows_and_services_apart() -> None:
    """Five tenants' Dynamics 365 revenue in two rows each (US$ 2,600 twice: above the
    US$ 5,000 floor only added up) makes Enterprise; split over two services it does not."""
    catalog = parse_scored_catalog(_document("2023-06"))

    def facts(second_service: str) -> Facts:
        subs = [
            subscription(f"d{i}{half}", customer=f"T{i}", workload=Workload.DYNAMICS_CRM)
            for i in range(5)
            for half in "ab"
        ]
        usage = [
            Usage(
                f"d{i}{half}",
                Month.parse(month),
                revenue_usd=Decimal(2600),
                service="Sales" if half == "a" else second_service,
            )
            for i in range(5)
            for half in "ab"
            for month in ("2023-07", "2022-07")
        ]
        return Facts(organization=organization(), subscriptions=subs, usage=usage)

    as_of = date(2023, 8, 15)
    assert _score(catalog, facts("Sales"), as_of, "business-applications").best.track == (
        "enterprise"
    )
    split = _score(catalog, facts("Field Service"), as_of, "business-applications")
    assert split.best.track == "smb"
    assert ": 0 workloads" in split.classified


def test_the_classification_sentence_names_its_months_as_the_language_does() -> None:
    # Before: German read "sowohl im 2023-07 als auch im 2022-07", where every other German
    # sentence names a month "Juli 2023"; English keeps "2023-07".
    catalog = parse_scored_catalog(_document("2023-06"))
    vocabulary.use_language("de")
    try:
        score = _score(catalog, _dynamics(4, 5001), date(2023, 8, 15), "business-applications")
    finally:
        vocabulary.use_language("en")
    assert "sowohl im Juli 2023 als auch im Juli 2022 " in score.classified, score.classified
    english = _score(catalog, _dynamics(4, 5001), date(2023, 8, 15), "business-applications")
    assert "both in 2023-07 and in 2022-07 " in english.classified, english.classified
