"""``matching.assign``: roles filled with distinct people, as many slots as any assignment fills."""

from __future__ import annotations

from functools import cache

from hypothesis import given
from hypothesis import strategies as st

from mpn_desktop.domain.matching import assign


def test_a_person_fitting_a_and_b_goes_to_a_when_someone_else_fits_only_b() -> None:
    # Role B is filled first and Ana is its first candidate: taking her there
    # greedily would leave A empty. The exact assignment moves her to A.
    chosen = assign({"B": ["ana", "bob"], "A": ["ana"]}, {"B": 1, "A": 1})
    assert chosen == {"B": ["bob"], "A": ["ana"]}


def test_preferred_candidates_are_taken_first_when_nothing_forces_otherwise() -> None:
    chosen = assign({"A": ["ana", "bob", "cy"]}, {"A": 2})
    assert chosen == {"A": ["ana", "bob"]}


def test_a_longer_chain_of_moves_is_found() -> None:
    # C can only take p1; p1 is in B, which can move to p2; p2 is in A, which can move to p3.
    candidates = {"A": ["p2", "p3"], "B": ["p1", "p2"], "C": ["p1"]}
    chosen = assign(candidates, {"A": 1, "B": 1, "C": 1})
    assert chosen == {"A": ["p3"], "B": ["p2"], "C": ["p1"]}


def test_a_role_nobody_fits_stays_empty_and_others_are_still_filled() -> None:
    chosen = assign({"A": ["ana"], "B": []}, {"A": 1, "B": 2})
    assert chosen == {"A": ["ana"], "B": []}


def test_a_role_without_slots_takes_nobody() -> None:
    assert assign({"A": ["ana"]}, {"A": 0}) == {"A": []}


def test_a_role_missing_from_the_candidates_is_empty() -> None:
    assert assign({}, {"A": 2}) == {"A": []}


def test_one_person_never_fills_two_slots() -> None:
    chosen = assign({"A": ["ana"], "B": ["ana"]}, {"A": 1, "B": 1})
    assert sum(len(people) for people in chosen.values()) == 1


def _best_total(candidates: dict[str, list[str]], capacity: dict[str, int]) -> int:
    """The largest number of slots any assignment fills, by trying every choice per person."""
    roles = sorted(capacity)
    people = sorted({person for fit in candidates.values() for person in fit})

    @cache
    def best(index: int, left: tuple[int, ...]) -> int:
        if index == len(people):
            return 0
        found = best(index + 1, left)  # this person fills no slot
        for position, role in enumerate(roles):
            if left[position] and people[index] in candidates.get(role, ()):
                fewer = (*left[:position], left[position] - 1, *left[position + 1 :])
                found = max(found, 1 + best(index + 1, fewer))
        return found

    return best(0, tuple(capacity[role] for role in roles))


_ROLES = ("A", "B", "C")
_PEOPLE = ("p1", "p2", "p3", "p4", "p5")


@given(
    fits=st.dictionaries(
        st.sampled_from(_ROLES), st.lists(st.sampled_from(_PEOPLE), unique=True), min_size=3
    ),
    capacity=st.tuples(*(st.integers(0, 2) for _ in _ROLES)),
)
def test_assign_fills_as_many_slots_as_the_best_assignment(
    fits: dict[str, list[str]], capacity: tuple[int, ...]
) -> None:
    slots = dict(zip(_ROLES, capacity, strict=True))
    chosen = assign(fits, slots)
    everyone = [person for people in chosen.values() for person in people]
    assert len(everyone) == len(set(everyone))  # distinct people
    for role, people in chosen.items():
        assert len(people) <= slots[role]
        assert set(people) <= set(fits[role])
    assert len(everyone) == _best_total(fits, slots)
