"""A scoring works out the as-of day's skilling holders before it reads any usage figure.

``score_designations`` asks the holders of every skilling list of the catalogue first, while
the exam index a first evaluation has just made is still in the processor's caches
(``designation_score._skilling_lists``): picked after the usage measures, each holder cost
more to look at. Every skilling metric of every designation is scored anyway, so this is an
order, not more work: the lists asked first are exactly those the metrics count.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from mpn_desktop.domain import designation_score, designation_skilling
from mpn_desktop.domain.dates import Month
from mpn_desktop.domain.designations_parse import parse_scored_catalog
from mpn_desktop.domain.facts import ExamResult, Facts, Usage
from mpn_desktop.domain.usage_figures import UsageFigures
from tests.domain.domain_builders import facts, person, subscription

CATALOGS = Path(__file__).parents[2] / "resources" / "catalogs"

DAYS = {
    "solutions-partner-2022-10.json": date(2023, 2, 15),
    "solutions-partner-2023-06.json": date(2023, 8, 15),
    "solutions-partner-2026-05.json": date(2026, 10, 15),
}

_READERS = (
    "within",
    "total",
    "customer_quantities",
    "consumed_services",
    "key_quantities",
    "first_months",
)


def _facts(as_of: date) -> Facts:
    """Azure usage last month and a year earlier, people holding certifications of every
    solution area, some passed after the as-of day (their holders are picked by day)."""
    last = Month.of(as_of).plus(-1)
    subs = [subscription(f"s{i}", customer=f"C{i}") for i in range(4)]
    usage = [
        Usage(f"s{i}", month, consumption_usd=Decimal(1500 + i), service="Storage")
        for i in range(4)
        for month in (last, last.plus(-12))
    ]
    codes = ("AZ-104", "AZ-305", "AZ-204", "AZ-700", "SC-300", "MS-700", "PL-400", "MB-230")
    people = [person(str(i), f"P{i}") for i in range(12)]
    exams = [
        ExamResult(str(i), code, date(2022, 1, 1) if i % 3 else as_of.replace(day=28))
        for i in range(12)
        for code in codes[i % 4 : i % 4 + 4]
    ]
    return facts(subscriptions=subs, usage_rows=usage, people=people, exams=exams)


Event = tuple[str, object, date | None]
"""("holders", the list, the day counted on) for each list's holders worked out, or
("usage", the reader's name, None) for each usage figure read."""


def _recording(
    found: list[Event], name: str, reader: Callable[..., object]
) -> Callable[..., object]:
    def recorded(self: UsageFigures, *args: object, **kwargs: object) -> object:
        found.append(("usage", name, None))
        return reader(self, *args, **kwargs)

    return recorded


@pytest.fixture
def events(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Event]]:
    """What the scoring did, in order (``Event``)."""
    found: list[Event] = []
    certified = designation_skilling.Certified
    holding_any = certified._holding_any

    def recorded_holding(
        self: designation_skilling.Certified, kind: designation_skilling.CatalogueList
    ) -> object:
        if kind not in self._listed:
            found.append(("holders", kind.listed, self.day))
        return holding_any(self, kind)

    monkeypatch.setattr(certified, "_holding_any", recorded_holding)
    for name in _READERS:
        monkeypatch.setattr(
            UsageFigures, name, _recording(found, name, getattr(UsageFigures, name))
        )
    yield found


def _scored(file: str) -> None:
    catalog = parse_scored_catalog(json.loads((CATALOGS / file).read_text()))
    as_of = DAYS[file]
    targets = frozenset(d.id for d in catalog.designations)
    scores = designation_score.score_designations(catalog, _facts(as_of), as_of, targets)
    assert any(m.have for s in scores for m in s.best.metrics if m.unit == "people")


def _on_the_day(events: list[Event], as_of: date) -> list[tuple[int, object]]:
    """Where each list's holders on the as-of day were worked out, and the list."""
    return [
        (at, listed)
        for at, (kind, listed, day) in enumerate(events)
        if kind == "holders" and day == as_of
    ]


def _first_usage(events: list[Event]) -> int:
    return next(at for at, (kind, _, _) in enumerate(events) if kind == "usage")


@pytest.mark.parametrize("file", sorted(DAYS))
def test_the_days_holders_come_before_any_usage_figure(
    file: str, events: list[Event], monkeypatch: pytest.MonkeyPatch
) -> None:
    as_of = DAYS[file]
    _scored(file)
    first_usage = _first_usage(events)
    first = _on_the_day(events, as_of)
    assert first
    assert all(at < first_usage for at, _ in first)
    # The metrics alone (nothing asked first) count the holders of the very same lists, some
    # of them after a usage figure was read: asking first is an order, not more work.
    events.clear()
    monkeypatch.setattr(designation_score, "_skilling_lists", lambda catalog: ())
    _scored(file)
    first_usage = _first_usage(events)
    alone = _on_the_day(events, as_of)
    assert {listed for _, listed in alone} == {listed for _, listed in first}
    assert any(at > first_usage for at, _ in alone)
