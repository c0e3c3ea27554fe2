"""German missing sentences read right for the count they carry and say each word once."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from mpn_desktop.domain import vocabulary
from mpn_desktop.domain.dates import Month
from mpn_desktop.domain.designation_score import score_designations
from mpn_desktop.domain.designations_parse import parse_scored_catalog
from mpn_desktop.domain.facts import Facts, Usage
from tests.domain.domain_builders import organization, subscription

CATALOG = Path(__file__).parents[2] / "resources" / "catalogs" / "solutions-partner-2023-06.json"
AS_OF = date(2023, 8, 15)


@pytest.fixture
def german() -> Iterator[None]:
    vocabulary.use_language("de")
    try:
        yield
    finally:
        vocabulary.use_language("en")


def _growth_missing(last: int) -> tuple[str, ...]:
    """Infrastructure's usage-growth sentences for 2022-07 at US$ 1,000 and 2023-07 at ``last``."""
    # Parsed in the language chosen now, as the program does: the label is German in German.
    catalog = parse_scored_catalog(json.loads(CATALOG.read_text(encoding="utf-8")))
    facts = Facts(
        organization=organization(),
        subscriptions=[subscription("s0", customer="C0")],
        usage=[
            Usage("s0", Month.parse("2022-07"), consumption_usd=Decimal(1000)),
            Usage("s0", Month.parse("2023-07"), consumption_usd=Decimal(last)),
        ],
    )
    score = next(iter(score_designations(catalog, facts, AS_OF, frozenset({"infra-azure"}))))
    metric = next(m for m in score.best.metrics if m.id == "usage-growth")
    return metric.missing


@pytest.mark.usefixtures("german")
def test_german_growth_says_wachstum_once_and_its_verb_follows_the_count() -> None:
    (plural,) = _growth_missing(1100)
    assert plural.startswith("10 weitere Prozentpunkte (Wachstum des Azure-"), plural
    assert plural.endswith(" brächten 10 Punkte"), plural
    (one,) = _growth_missing(1190)
    assert one.startswith("1 weiterer Prozentpunkt (Wachstum des Azure-"), one
    assert one.endswith(" brächte 1 Punkt"), one
    for sentence in (plural, one):
        assert sentence.count("Wachstum") == 1, sentence


def test_english_growth_says_growth_once() -> None:
    """English names the growth once too: the label in brackets says what grows (it read
    "10 more percentage points of growth (growth of Azure ...)")."""
    (plural,) = _growth_missing(1100)
    assert plural.startswith("10 more percentage points (growth of Azure"), plural
    assert plural.endswith(" would add 10 points"), plural
    (one,) = _growth_missing(1190)
    assert one.startswith("1 more percentage point ("), one
    assert one.endswith(" would add 1 point"), one
    for sentence in (plural, one):
        assert sentence.count("growth") == 1, sentence


def _missing_of_a_new_unit() -> tuple[str, ...]:
    """Infrastructure's net customer adds, its unit renamed to one the "more" table lacks."""
    text = CATALOG.read_text(encoding="utf-8")
    text = text.replace('"unit": "customers"', '"unit": "active users"')
    catalog = parse_scored_catalog(json.loads(text))
    facts = Facts(organization=organization(), subscriptions=[subscription("s0", customer="C0")])
    score = next(iter(score_designations(catalog, facts, AS_OF, frozenset({"infra-azure"}))))
    metric = next(m for m in score.best.metrics if m.id == "net-customer-adds")
    return metric.missing


def test_a_unit_without_its_own_more_sentence_reads_with_the_unit_words() -> None:
    (sentence,) = _missing_of_a_new_unit()
    assert sentence.startswith("3 more active users ("), sentence


@pytest.mark.usefixtures("german")
def test_a_unit_without_its_own_more_sentence_reads_german() -> None:
    """Not "3 more active users" in a German sentence: wording's unit words, in German."""
    (sentence,) = _missing_of_a_new_unit()
    assert sentence.startswith("Noch 3 aktive Benutzer ("), sentence
