"""Help > Requirements names each certification's exams and the days it is listed and counts,
in the words the ``catalog`` command prints (one maker of them: ``certification_words``)."""

from __future__ import annotations

import re
from dataclasses import replace
from html import unescape

from mpn_desktop.commands.scored_catalog_text import _certification
from mpn_desktop.domain.designations import ScoredCatalog
from mpn_desktop.programs import shipped_scored_catalogs
from mpn_desktop.ui.designation_requirements_html import designation_requirements_html


def _plain(document: str) -> str:
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", "", document)))


def test_a_certification_that_stops_counting_says_until_when() -> None:
    catalog = {c.version: c for c in shipped_scored_catalogs()}["2023-06"]
    text = _plain(designation_requirements_html(catalog))
    assert "Azure Stack Hub Operator Associate (AZ-600; counts until 2024-07-31)" in text


def test_every_listed_certification_reads_as_the_catalog_command_says_it() -> None:
    for catalog in shipped_scored_catalogs():
        text = _plain(designation_requirements_html(catalog))
        listed = {
            entry
            for designation in catalog.designations
            for track in designation.tracks
            for metric in track.metrics
            if metric.skilling is not None
            for entries in metric.skilling.lists
            for entry in entries
        }
        assert listed, catalog.version
        for entry in listed:
            assert _certification(catalog, entry) in text, (catalog.version, entry)


def _with_three_in_a_step(catalog: ScoredCatalog) -> ScoredCatalog:
    """``catalog`` with Security's first prerequisite step listing a third certification
    (the first of the metric's own list not in the step)."""
    security = next(item for item in catalog.designations if item.id == "security")
    track = security.tracks[0]
    metric = next(item for item in track.metrics if item.skilling is not None)
    assert metric.skilling is not None
    step = metric.skilling.prerequisites[0]
    extra = next(e for e in metric.skilling.certifications if e not in step.certifications)
    three = replace(step, certifications=(*step.certifications, extra))
    skilling = replace(metric.skilling, prerequisites=(three, *metric.skilling.prerequisites[1:]))
    metrics = tuple(
        replace(item, skilling=skilling) if item is metric else item for item in track.metrics
    )
    tracks = (replace(track, metrics=metrics), *security.tracks[1:])
    designations = tuple(
        replace(item, tracks=tracks) if item is security else item for item in catalog.designations
    )
    return replace(catalog, designations=designations)


def test_a_step_of_three_certifications_reads_as_one_list_of_alternatives() -> None:
    """ "A, B or C", as the sentences write it (wording.or_list), not "A or B or C"."""
    catalog = {c.version: c for c in shipped_scored_catalogs()}["2026-05"]
    text = _plain(designation_requirements_html(_with_three_in_a_step(catalog)))
    assert re.search(
        r"Step 1: 2 people with Azure Security Engineer Associate \([^)]*\), "
        r"Cloud and AI Security Engineer Associate \(SC-500\) or Cybersecurity Architect Expert",
        text,
    )
