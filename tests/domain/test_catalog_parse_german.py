"""A malformed catalogue says what is wrong in German under German, naming the entry.

Before, ``catalog_parse`` wrote its problems as English f-strings whatever the language:
``mpn-desktop --language de --catalog broken.json catalog`` read "broken.json:
competencies[0].options[0].performance.measures[0].thresholds: missing key 'gold'". Keys,
values and paths stay as the JSON file writes them.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_catalog_parse import BROKEN, MEASURE, ROLE, Change, _delete, _set, small_document

from mpn_desktop.catalog_files import load_catalog
from mpn_desktop.domain import vocabulary
from mpn_desktop.domain.catalog_parse import FORMAT, CatalogFormatError, parse_catalog
from mpn_desktop.errors import CatalogError


def _refusal(change: Change, language: str = "de") -> CatalogFormatError:
    vocabulary.use_language(language)
    document = small_document()
    change(document)
    with pytest.raises(CatalogFormatError) as caught:
        parse_catalog(document)
    return caught.value


@pytest.mark.parametrize(
    "change", [pytest.param(change, id=name) for name, change, _message in BROKEN]
)
def test_every_broken_document_s_problem_reads_otherwise_in_german(change: Change) -> None:
    english = _refusal(change, "en")
    german = _refusal(change, "de")
    assert german.where == english.where
    assert german.problem != english.problem


@pytest.mark.parametrize(
    ("change", "where", "problem"),
    [
        (
            _delete(f"{MEASURE}.thresholds.gold"),
            "competencies[0].options[0].performance.measures[0].thresholds",
            "fehlender Schlüssel 'gold'",
        ),
        (
            _set("format", "x"),
            "format",
            f"'x' ist kein Katalogformat, das dieses Programm liest (erwartet: {FORMAT!r})",
        ),
        (
            _set("effective_from", "2017-13-01"),
            "effective_from",
            "'2017-13-01' ist kein Datum (erwartet JJJJ-MM-TT)",
        ),
        (
            _set(f"{ROLE}.credentials", "XX-999"),
            "competencies[0].options[0].skills.roles[0].credentials",
            "Nachweis 'XX-999' ist nicht unter den Nachweisen des Katalogs aufgeführt",
        ),
        (_set("notes", None), "notes", "eine Liste erwartet, gefunden: nichts"),
    ],
)
def test_the_problem_in_german(change: Change, where: str, problem: str) -> None:
    refused = _refusal(change)
    assert (refused.where, refused.problem) == (where, problem)


def test_a_document_that_is_not_an_object() -> None:
    vocabulary.use_language("de")
    with pytest.raises(CatalogFormatError, match=r"^ein Objekt erwartet, gefunden: eine Liste$"):
        parse_catalog([])


def test_a_catalogue_file_names_the_file_the_entry_and_the_problem(tmp_path: Path) -> None:
    vocabulary.use_language("de")
    document = small_document()
    _delete(f"{MEASURE}.thresholds.gold")(document)
    path = tmp_path / "kaputt.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(CatalogError) as refused:
        load_catalog(path)
    assert str(refused.value) == (
        f"{path}: competencies[0].options[0].performance.measures[0].thresholds: "
        "fehlender Schlüssel 'gold'"
    )
