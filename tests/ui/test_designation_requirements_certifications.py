"""Help > Requirements names each certification's exams and the days it is listed and counts,
in the words the ``catalog`` command prints (one maker of them: ``certification_words``)."""

from __future__ import annotations

import re
from html import unescape

from mpn_desktop.commands.scored_catalog_text import _certification
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
