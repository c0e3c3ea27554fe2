"""A skilling metric's holders read as the tuple of Holder they stand for, made only when read."""

from __future__ import annotations

import copy
import pickle
from unittest import mock

import pytest

from mpn_desktop.domain import skilling_holders
from mpn_desktop.domain.people_rows import PeopleRows
from mpn_desktop.domain.skilling_holders import Holder, Holders, ListedOrder, certifications_of
from tests.domain.domain_builders import person

HOLDING = {"b": "cert-1", "a": "cert-2", "c": "cert-1"}
NAMES = {"a": "Zoe", "b": "adam", "c": "Adam", "d": "Nobody holding one"}
# By name without case, then MCP ID: "adam" (b) and "Adam" (c) tie on the name.
EXPECTED = (
    Holder("adam", "b", "cert-1"),
    Holder("Adam", "c", "cert-1"),
    Holder("Zoe", "a", "cert-2"),
)
RANK = {"b": 0, "c": 1, "d": 2, "a": 3}


@pytest.mark.parametrize("rank", [None, RANK], ids=["sorted by name", "by rank"])
def test_holders_read_compare_and_hash_as_their_tuple(rank: dict[str, int] | None) -> None:
    ranked = None if rank is None else rank.copy
    holders = Holders(HOLDING, NAMES, ranked)
    assert holders == EXPECTED
    assert EXPECTED.__eq__(holders) is NotImplemented  # the tuple asks the holders back
    assert (EXPECTED == holders) is True  # noqa: SIM300 (the tuple on the left on purpose)
    assert holders != EXPECTED[:2]
    assert holders != (*EXPECTED[1:], EXPECTED[0])
    assert hash(holders) == hash(EXPECTED)
    assert len(holders) == 3
    assert tuple(holders) == EXPECTED
    assert holders[1] == EXPECTED[1]
    assert holders[-1] == EXPECTED[-1]
    assert holders[1:] == EXPECTED[1:]
    assert Holder("Zoe", "a", "cert-2") in holders
    assert holders == Holders(dict(HOLDING), dict(NAMES), ranked)
    assert holders == holders  # noqa: PLR0124 (the same object)
    assert holders == Holders(HOLDING, NAMES, ranked), "the same dicts"
    assert holders.__eq__(list(EXPECTED)) is NotImplemented
    assert hash(holders) == hash(holders)
    assert holders != Holders({"a": "cert-2"}, NAMES, ranked)
    assert copy.copy(holders) == EXPECTED
    assert pickle.loads(pickle.dumps(holders)) == EXPECTED
    assert repr(holders) == f"Holders({EXPECTED!r})"


def test_counting_the_holders_makes_no_holder_and_reading_them_makes_each_once() -> None:
    with mock.patch.object(skilling_holders, "Holder", wraps=Holder) as made:
        holders = Holders(HOLDING, NAMES, RANK.copy)
        assert len(holders) == 3
        assert bool(holders)
        assert holders.certifications() == {"cert-1", "cert-2"}
        assert certifications_of(holders) == {"cert-1", "cert-2"}
        assert holders.mcp_ids() == frozenset(HOLDING)
        known = Holders(HOLDING, NAMES, RANK.copy, None, {"cert-1", "cert-2"})
        assert known.certifications() == {"cert-1", "cert-2"}
        known.certifications().add("changed by a caller")
        assert known.certifications() == {"cert-1", "cert-2"}, "a copy each time"
        assert made.call_count == 0, "counting asked for no Holder"
        assert list(holders) == list(EXPECTED)
        assert made.call_count == 3
        assert list(holders) == list(EXPECTED)
        assert made.call_count == 3, "read again: the same Holder objects"


def test_holders_kept_by_certification_are_handed_out_again() -> None:
    made: dict[str, dict[str, Holder]] = {}
    first = Holders(HOLDING, NAMES, RANK.copy, made)
    # Another day: one person fewer, the others the same objects as before.
    later = Holders({"a": "cert-2", "c": "cert-1"}, NAMES, RANK.copy, made)
    assert later == (EXPECTED[1], EXPECTED[2])
    assert all(any(h is f for f in first) for h in later)


def test_the_certifications_of_a_plain_tuple_of_holders() -> None:
    assert certifications_of(EXPECTED) == {"cert-1", "cert-2"}
    assert certifications_of(()) == set()


def test_the_listed_order_reads_the_people_by_column(monkeypatch: pytest.MonkeyPatch) -> None:
    # Each MCP ID's place by name without case, then MCP ID ("adam" and "Adam" tie on the
    # name); the people held by column as loaded are read so: no Person made for each (a
    # large organisation's thousands, kept with the facts afterwards). Rows give the same.
    people = tuple(person(mcp_id, name=NAMES[mcp_id]) for mcp_id in ("a", "d", "c", "b"))
    expected = {"b": 0, "c": 1, "d": 2, "a": 3}
    assert ListedOrder(people)() == expected
    assert list(ListedOrder(people)()) == list(expected), "its keys in that order"

    def made(_rows: PeopleRows) -> None:
        raise AssertionError("a Person made for each person")

    by_column = PeopleRows.from_columns(PeopleRows.of(people).columns)
    monkeypatch.setattr(PeopleRows, "rows", made)
    assert list(ListedOrder(by_column)().items()) == list(expected.items())
