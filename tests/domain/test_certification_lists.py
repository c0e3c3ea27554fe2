"""A skilling sentence's certifications read as one list of alternatives however many there
are: "A or B", "A, B or C", "A, B, C or 2 other certifications" (three read "A or B or C"
where four or more put commas between the names), in German too ("A, B oder C")."""

from __future__ import annotations

from datetime import date

import pytest

from mpn_desktop.domain import vocabulary
from mpn_desktop.domain.designation_score import _names
from mpn_desktop.domain.designations import Listed
from mpn_desktop.domain.enums import Association
from mpn_desktop.domain.wording import associations, or_list

DAY = date(2026, 10, 15)


def _listed(count: int) -> str:
    return _names({}, tuple(Listed(f"cert-{i}") for i in range(count)), DAY)


@pytest.mark.parametrize(
    ("count", "english", "german"),
    [
        (1, "cert-0", "cert-0"),
        (2, "cert-0 or cert-1", "cert-0 oder cert-1"),
        (3, "cert-0, cert-1 or cert-2", "cert-0, cert-1 oder cert-2"),
        (
            4,
            "cert-0, cert-1, cert-2 or 1 other certification",
            "cert-0, cert-1, cert-2 oder 1 weiteren Zertifizierung",
        ),
        (
            5,
            "cert-0, cert-1, cert-2 or 2 other certifications",
            "cert-0, cert-1, cert-2 oder 2 weiteren Zertifizierungen",
        ),
    ],
)
def test_certifications_read_as_one_list_whatever_their_number(
    count: int, english: str, german: str
) -> None:
    assert _listed(count) == english
    vocabulary.use_language("de")
    assert _listed(count) == german


def test_associations_and_certifications_list_alternatives_alike() -> None:
    assert or_list(["A", "B", "C"]) == "A, B or C"
    assert or_list([]) == ""
    chosen = (Association.CPOR, Association.DPOR, Association.PAL)
    assert associations(chosen) == "DPOR, CPOR or PAL"
