"""The people beyond the three a skilling sentence names are counted with the language's
thousands separator (``wording.number``), as the designations' counts are since 929e2a0 /
bc95728: "... and 1,200 more", German "... und 1.200 weitere"; a plain ``{count}`` read
"and 1200 more"."""

from __future__ import annotations

import pytest
from domain_builders import GOLD, SMB, facts, run, skilled, step_of

from mpn_desktop.domain import vocabulary
from mpn_desktop.domain.catalog import Catalog
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
