"""Who fits a role, first in entry order: the quick scan agrees with the set algebra."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from mpn_desktop.domain.catalog import CredentialRule
from mpn_desktop.domain.facts import Person
from mpn_desktop.domain.skills import PeopleIndex

CODES = ("A", "B", "C", "D")
RULES = (
    CredentialRule(any_of=(CredentialRule("A"), CredentialRule("B"), CredentialRule("C"))),
    CredentialRule(all_of=(CredentialRule("A"), CredentialRule("D"))),
    CredentialRule(
        all_of=(
            CredentialRule(any_of=(CredentialRule("A"), CredentialRule("B"))),
            CredentialRule(any_of=(CredentialRule("C"), CredentialRule("D"))),
        )
    ),
    CredentialRule("B"),
)


def index_of(holdings: list[frozenset[str]]) -> PeopleIndex:
    people = {
        f"{number:07d}": Person(f"P{number}", f"{number:07d}") for number in range(len(holdings))
    }
    holders: dict[str, set[str]] = {code: set() for code in CODES}
    for mcp_id, codes in zip(people, holdings, strict=True):
        for code in codes:
            holders[code].add(mcp_id)
    return PeopleIndex(people, holders, {}, {})


def expected(holdings: list[frozenset[str]], rule: CredentialRule, wanted: int) -> list[str]:
    fitting = [f"{n:07d}" for n, codes in enumerate(holdings) if rule.satisfied_by(codes)]
    return fitting[:wanted]


@settings(max_examples=150, deadline=None)
@given(
    holdings=st.lists(st.frozensets(st.sampled_from(CODES)), max_size=120),
    rule=st.sampled_from(RULES),
    wanted=st.integers(min_value=1, max_value=6),
)
def test_first_fitting_is_the_first_people_in_entry_order_who_fit(
    holdings: list[frozenset[str]], rule: CredentialRule, wanted: int
) -> None:
    assert index_of(holdings).first_fitting(rule, wanted) == expected(holdings, rule, wanted)


def test_a_rare_fit_beyond_the_first_people_is_still_found() -> None:
    # 100 people hold A only; the one person who also holds D comes last.
    holdings = [frozenset({"A"})] * 100 + [frozenset({"A", "D"})]
    assert index_of(holdings).first_fitting(RULES[1], 2) == ["0000100"]
