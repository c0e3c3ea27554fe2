"""The exam codes of the Solutions Partner catalogues' certifications, the titles those
catalogues give them (the name of the certification an exam earns by itself), and the
certifications' own names as codes."""

from __future__ import annotations

from collections.abc import Iterable

from mpn_desktop.domain.catalog import normalize_code
from mpn_desktop.domain.designations import ScoredCatalog


def designation_exam_codes(catalogs: Iterable[ScoredCatalog]) -> frozenset[str]:
    """Every exam code a certification of the catalogues is earned with (AZ-104, MS-700)."""
    return frozenset(
        normalize_code(code)
        for catalog in catalogs
        for cert in catalog.certifications.values()
        for way in cert.exams
        for code in way
    )


def designation_certification_codes(catalogs: Iterable[ScoredCatalog]) -> dict[str, str]:
    """Every certification of the catalogues as a code: its name and its id, normalised
    (AZUREADMINISTRATORASSOCIATE, AZURE-ADMINISTRATOR-ASSOCIATE), each to the shorter of the
    two, under which a record of the certification itself is kept (and counted)."""
    codes: dict[str, str] = {}
    for catalog in catalogs:
        for cert in catalog.certifications.values():
            spellings = (normalize_code(cert.name), normalize_code(cert.id))
            shortest = min(spellings, key=len)
            for spelling in spellings:
                codes.setdefault(spelling, shortest)
    return codes


def designation_exam_titles(catalogs: Iterable[ScoredCatalog]) -> dict[str, str]:
    """Each exam code of the catalogues (normalised) and its title: the name of the
    certification the exam earns by itself ("AZ-104": "Azure Administrator Associate"), the
    later catalogue's where they differ; "" for an exam that only earns one together with
    others (AZ-305, with AZ-104, Azure Solutions Architect Expert).

    Microsoft's designation pages name certifications, not exams (SOLUTIONS-PARTNER.md § 2):
    a title no catalogue gives is left empty, never made up.
    """
    titles: dict[str, str] = {}
    for catalog in sorted(catalogs, key=lambda item: item.effective_from):
        for cert in catalog.certifications.values():
            for way in cert.exams:
                for code in way:
                    titles.setdefault(normalize_code(code), "")
                if len(way) == 1:
                    titles[normalize_code(way[0])] = cert.name
    return titles
