"""The usage minimums' sentences in German read as German (rv17: the year-ago sentence read
'… wurden 20.000 monatlicher Verbrauchswert erreicht', the twelve months' 'weniger als die
25 aktive Benutzer'): the figure stands where no article or case bends it."""

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

CATALOGS = Path(__file__).parents[2] / "resources" / "catalogs"


@pytest.fixture
def german() -> Iterator[None]:
    assert vocabulary.use_language("de") == "de"
    yield
    vocabulary.use_language("en")


def test_the_twelve_months_short_of_the_minimum_read_in_german(german: None) -> None:
    catalog = parse_scored_catalog(
        json.loads((CATALOGS / "solutions-partner-2023-06.json").read_text())
    )
    usage = [
        Usage("s0", Month.parse("2022-07"), consumption_usd=Decimal(100)),
        Usage("s0", Month.parse("2023-07"), consumption_usd=Decimal(900)),
    ]
    facts = Facts(
        organization=organization(),
        subscriptions=(subscription("s0", customer="C0"),),
        usage=tuple(usage),
    )
    scores = score_designations(catalog, facts, date(2023, 8, 15), frozenset({"data-ai-azure"}))
    score = next(s for s in scores if s.id == "data-ai-azure")
    metric = next(m for m in score.best.metrics if m.id == "usage-growth")
    assert metric.points == 0
    assert "weniger als für Punkte nötig (" in metric.missing[0], metric.missing[0]
    assert "die für Punkte nötig sind" not in metric.missing[0], metric.missing[0]
