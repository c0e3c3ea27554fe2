"""A malformed Solutions Partner catalogue says what is wrong in German under German.

Before, ``designations_parse`` wrote its problems as English f-strings whatever the language
(session 10's note): ``mpn-desktop --language de --catalog broken.json catalog`` read
"designations[1].tracks[0].metrics[1].skilling.certifications[0].id: unknown certification
'az-999'". Keys, values, measures and paths stay as the JSON file writes them.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from mpn_desktop.domain import vocabulary
from mpn_desktop.domain.catalog_parse import CatalogFormatError
from mpn_desktop.domain.designations_parse import parse_scored_catalog

CATALOG = Path(__file__).parents[2] / "resources" / "catalogs" / "solutions-partner-2023-06.json"
Document = dict[str, Any]
Change = Callable[[Document], None]


def _designation(document: Document, key: str) -> Document:
    found: Document = next(d for d in document["designations"] if d["id"] == key)
    return found


def _metric(document: Document, index: int) -> Document:
    metric: Document = _designation(document, "infrastructure-azure")["tracks"][0]["metrics"][index]
    return metric


def _shared_part(document: Document, metric: str) -> Document:
    part: Document = document["shared_metrics"][metric]["parts"][0]
    return part


def _classified(document: Document) -> Document:
    return next(d for d in document["designations"] if "classification" in d)


def _window(document: Document) -> Document:
    window: Document = document["qualification_windows"][0]
    return window


# Every message the reader writes itself (the shared ones of catalog_parse are tested there),
# each by one broken copy of a shipped catalogue.
BROKEN: list[tuple[str, Change]] = [
    ("fraction", lambda d: _metric(d, 1)["skilling"].update(points_per_person="four")),
    ("below zero", lambda d: _metric(d, 1)["skilling"].update(points_per_person=-1)),
    ("zero", lambda d: _shared_part(d, "azure-deployments").update(threshold=0)),
    ("flag", lambda d: _shared_part(d, "azure-deployments").update(compare_twelve_months=1)),
    ("text list", lambda d: _designation(d, "security").update(legacy_competencies=[3])),
    ("format", lambda d: d.update(format="mpn-desktop-catalog/9")),
    ("program", lambda d: d.update(program="mpn")),
    ("certification twice", lambda d: d["certifications"].append(d["certifications"][0])),
    ("designation twice", lambda d: d["designations"].append(d["designations"][0])),
    ("until before from", lambda d: d.update(effective_until="2000-01-01")),
    ("windows out of order", lambda d: d["qualification_windows"].reverse()),
    ("window needs a count", lambda d: _window(d)["not_enrolled"].update(kind="months-back")),
    ("window takes no count", lambda d: _window(d)["not_enrolled"].update(days=3)),
    ("not a track", lambda d: _classified(d)["classification"].update(at_least="wide")),
    ("unknown source", lambda d: _window(d).update(source="nowhere")),
    ("exam group", lambda d: d["certifications"][0].update(exams=[[]])),
    ("exam code", lambda d: d["certifications"][0].update(exams=[[7]])),
    (
        "unknown certification",
        lambda d: _metric(d, 1)["skilling"]["certifications"].insert(0, "az-999"),
    ),
    ("track name", lambda d: _designation(d, "security")["tracks"][0].update(id=5)),
    ("no track", lambda d: _designation(d, "security").update(tracks=[])),
    ("shared metric", lambda d: _metric(d, 0).update(use="nothing")),
    ("category", lambda d: d["shared_metrics"]["azure-usage-growth"].update(category="x")),
    ("one kind", lambda d: d["shared_metrics"]["azure-usage-growth"].update(options=[])),
    ("association", lambda d: _shared_part(d, "azure-deployments").update(associations=["x"])),
    ("conditions", lambda d: _shared_part(d, "azure-net-customer-adds").pop("conditions")),
    ("unit", lambda d: _shared_part(d, "azure-usage-growth").update(unit="USD")),
]


def _refusal(change: Change, language: str) -> CatalogFormatError:
    vocabulary.use_language(language)
    document = copy.deepcopy(_SHIPPED)
    change(document)
    with pytest.raises(CatalogFormatError) as caught:
        parse_scored_catalog(document)
    return caught.value


_SHIPPED: Document = json.loads(CATALOG.read_text(encoding="utf-8"))


@pytest.mark.parametrize("change", [pytest.param(c, id=name) for name, c in BROKEN])
def test_every_problem_of_the_reader_reads_otherwise_in_german(change: Change) -> None:
    english = _refusal(change, "en")
    german = _refusal(change, "de")
    assert german.where == english.where
    assert german.problem != english.problem


def test_the_broken_copies_reach_every_message_the_reader_writes() -> None:
    """Each broken copy is refused for a different reason: none falls through to another."""
    problems = {_refusal(change, "en").problem for _name, change in BROKEN}
    assert len(problems) == len(BROKEN)


@pytest.mark.parametrize(
    ("change", "where", "problem"),
    [
        (
            dict(BROKEN)["unknown certification"],
            "designations[1].tracks[0].metrics[1].skilling.certifications[0].id",
            "unbekannte Zertifizierung 'az-999'",
        ),
        (
            dict(BROKEN)["fraction"],
            "designations[1].tracks[0].metrics[1].skilling.points_per_person",
            "eine Zahl wie 4, 6.67 oder 40/6 erwartet, gefunden: 'four'",
        ),
        (
            dict(BROKEN)["zero"],
            "shared_metrics.azure-deployments.parts[0].threshold",
            "muss größer als 0 sein",
        ),
        (
            dict(BROKEN)["unit"],
            "shared_metrics.azure-usage-growth.parts[0].unit",
            "'USD' passt nicht zur Kennzahl 'usage-growth-percent': usage-growth-percent hat"
            " die Einheit 'percent', und nur diese Kennzahl hat sie",
        ),
        (
            dict(BROKEN)["format"],
            "format",
            "'mpn-desktop-catalog/9' ist kein Katalogformat, das dieses Programm liest"
            " (erwartet: 'mpn-desktop-catalog/2')",
        ),
    ],
)
def test_the_problem_in_german(change: Change, where: str, problem: str) -> None:
    refused = _refusal(change, "de")
    assert (refused.where, refused.problem) == (where, problem)
