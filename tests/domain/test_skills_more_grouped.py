"""The people a step-2 sentence counts are written with the language's thousands separator
(``wording.number``), as the designations' counts are since 929e2a0 / bc95728: "... and
1,200 more", "1,200 more people with ...", the step's "1,200 people with ..." (German
"1.200"); a plain ``{count}`` read "1200"."""

from __future__ import annotations

from dataclasses import replace

import pytest
from domain_builders import GOLD, SMB, facts, run, skilled, step_of

from mpn_desktop.domain import vocabulary
from mpn_desktop.domain.catalog import Catalog, Competency, Option
from mpn_desktop.domain.enums import StepKind

NAMED = 3
MORE = 1_200


@pytest.mark.parametrize(
    ("language", "said"), [("en", " and 1,200 more"), ("de", " und 1.200 weitere")]
)
def test_how_many_more_who_do_not_count_is_grouped(
    catalog: Catalog, language: str, said: str
) -> None:
    vocabulary.use_language(language)
    crowd = [
        skilled(str(n), "70-347", name=f"P{n}", associated=False)
        for n in range(1, NAMED + MORE + 1)
    ]
    step = step_of(run(catalog, facts(skilled_people=crowd)), SMB, GOLD, StepKind.EXAMS)
    assert step.missing[0].endswith(said)


def _roles_of_many(catalog: Catalog) -> Catalog:
    """The catalogue with each role of SMB's options needing MORE people at gold."""

    def option(item: Option) -> Option:
        roles = tuple(
            replace(role, people={**role.people, GOLD: MORE}) for role in item.skills.roles
        )
        return replace(item, skills=replace(item.skills, roles=roles))

    def competency(item: Competency) -> Competency:
        if item.id != SMB:
            return item
        return replace(item, options=tuple(option(o) for o in item.options))

    return replace(catalog, competencies=tuple(competency(c) for c in catalog.competencies))


@pytest.mark.parametrize(("language", "grouped"), [("en", "1,200"), ("de", "1.200")])
def test_the_people_a_role_needs_and_still_needs_are_grouped(
    catalog: Catalog, language: str, grouped: str
) -> None:
    vocabulary.use_language(language)
    step = step_of(run(_roles_of_many(catalog), facts()), SMB, GOLD, StepKind.EXAMS)
    assert step.description.startswith(grouped + " ")
    assert step.missing[0].startswith(grouped + " ")
