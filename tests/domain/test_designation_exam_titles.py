"""Today's exam codes (AZ-104, MS-700, SC-200 ...) and the titles the shipped Solutions Partner
catalogues give them: the certification an exam earns by itself, else none (never made up)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mpn_desktop.domain.designation_exams import designation_exam_codes, designation_exam_titles
from mpn_desktop.domain.designations import ScoredCatalog
from mpn_desktop.domain.designations_parse import parse_scored_catalog

CATALOGS = Path(__file__).parents[2] / "resources" / "catalogs"


@pytest.fixture(scope="module")
def shipped() -> tuple[ScoredCatalog, ...]:
    return tuple(
        parse_scored_catalog(json.loads(path.read_text(encoding="utf-8")))
        for path in sorted(CATALOGS.glob("solutions-partner-*.json"))
    )


def test_every_shipped_catalogue_s_exams_are_in_the_codes(
    shipped: tuple[ScoredCatalog, ...],
) -> None:
    codes = designation_exam_codes(shipped)
    assert {"AZ-104", "AZ-305", "MS-102", "SC-200", "PL-300", "AZ-800", "AZ-801"} <= codes
    assert "70-533" not in codes


def test_an_exam_that_earns_a_certification_by_itself_is_titled_with_its_name(
    shipped: tuple[ScoredCatalog, ...],
) -> None:
    titles = designation_exam_titles(shipped)
    assert titles["AZ-104"] == "Azure Administrator Associate"
    assert titles["MS-700"] == "Teams Administrator Associate"
    assert titles["SC-200"] == "Security Operations Analyst Associate"
    assert titles["SC-500"] == "Cloud and AI Security Engineer Associate"  # 2026 only


def test_an_exam_that_only_earns_one_with_others_has_no_title(
    shipped: tuple[ScoredCatalog, ...],
) -> None:
    # AZ-305 with AZ-104 earns Azure Solutions Architect Expert: AZ-305's own title is
    # on no designation page, so none is given.
    titles = designation_exam_titles(shipped)
    assert titles["AZ-305"] == "" and titles["AZ-800"] == "" and titles["SC-100"] == ""
    assert "70-533" not in titles and "XY-123" not in titles


def test_every_title_is_a_certification_name_of_a_shipped_catalogue(
    shipped: tuple[ScoredCatalog, ...],
) -> None:
    names = {cert.name for catalog in shipped for cert in catalog.certifications.values()}
    titles = designation_exam_titles(shipped)
    assert set(titles) == designation_exam_codes(shipped)
    assert {title for title in titles.values() if title} <= names
    assert sum(1 for title in titles.values() if title) >= 40


def test_the_newer_catalogue_s_name_wins(shipped: tuple[ScoredCatalog, ...]) -> None:
    newest = max(shipped, key=lambda catalog: catalog.effective_from)
    titles = designation_exam_titles(reversed(shipped))
    for cert in newest.certifications.values():
        for way in cert.exams:
            if len(way) == 1:
                assert titles[way[0]] == cert.name, way
