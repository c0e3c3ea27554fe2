"""Filling skill roles with distinct people: a maximum bipartite matching with role capacities.

A person who fits two roles fills only one slot; choosing greedily can leave
a slot empty that a different assignment fills (Cloud CRM: someone with the
application, deployment and customisation exams must go where they are
scarce). Augmenting paths (Kuhn's algorithm) find the largest assignment.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence


def assign(
    candidates: Mapping[str, Sequence[str]], capacity: Mapping[str, int]
) -> dict[str, list[str]]:
    """The people chosen for each role: as many slots filled as possible, each person once.

    ``candidates`` lists, per role, the people who fit it, in order of
    preference; ``capacity`` says how many people each role needs. The
    result lists, per role, the people assigned (at most its capacity).
    """
    role_of: dict[str, str] = {}
    chosen: dict[str, list[str]] = {role: [] for role in capacity}
    for role, slots in capacity.items():
        for _ in range(slots):
            if not _place(role, set(), candidates, role_of, chosen):
                break
    return chosen


def _place(
    role: str,
    seen: set[str],
    candidates: Mapping[str, Sequence[str]],
    role_of: dict[str, str],
    chosen: dict[str, list[str]],
) -> bool:
    """Whether one more person could be placed in ``role`` (re-assigning others along an
    augmenting path), ``role_of`` and ``chosen`` updated if so.

    A module function, not a closure of ``assign``: a closure calling itself is a
    reference cycle (the function holds its own cell), left for the collector after
    every evaluation.
    """
    # Look for a free person first: the common case needs no re-assignment.
    for person in candidates.get(role, ()):
        if person not in role_of and person not in seen:
            seen.add(person)
            role_of[person] = role
            chosen[role].append(person)
            return True
    for person in candidates.get(role, ()):
        if person in seen:
            continue
        seen.add(person)
        other = role_of[person]
        if other != role and _place(other, seen, candidates, role_of, chosen):
            chosen[other].remove(person)
            role_of[person] = role
            chosen[role].append(person)
            return True
    return False
