"""The exam index's kept figures are found by an object's identity and never read stale."""

from __future__ import annotations

from datetime import date, timedelta

from mpn_desktop.domain.designation_skilling import ExamIndex
from mpn_desktop.domain.designations import Certification, Listed
from tests.domain.domain_builders import exam, person

COUNT = 30
FIRST = date(2020, 1, 1)


def _index() -> ExamIndex:
    """Person ``n`` passed exam ``AZ-n`` on the ``n``th day after FIRST (and nothing else)."""
    exams = [exam(str(n), f"AZ-{n}", FIRST + timedelta(days=n)) for n in range(COUNT)]
    return ExamIndex(exams, [person(str(n)) for n in range(COUNT)])


def test_a_certification_made_where_a_freed_one_was_is_worked_out_afresh() -> None:
    # The caches are keyed by id(); an id is handed out again once its object is freed
    # (CPython reuses the memory of a freed object of the same size at once), so each
    # cache keeps the object beside its figures and compares identities. Were it keyed
    # by id() alone, the second certification here would read the first one's holders.
    index = _index()
    ids: set[int] = set()
    for n in range(COUNT):
        cert = Certification(f"cert-{n}", f"Cert {n}", ((f"AZ-{n}",),))
        day = FIRST + timedelta(days=n)
        assert index.codes(cert) == ((f"CERT-{n}", f"CERT{n}"), ((f"AZ-{n}",),))
        assert index.holding_days(cert) == {str(n): day}
        assert index.table((cert,)).staying == [day]
        ids.add(id(cert))
        del cert
    # Held by the index, no certification was freed while it lived: every id differs.
    assert len(ids) == COUNT


def test_a_list_made_where_a_freed_one_was_gets_its_own_listing() -> None:
    index = _index()
    for n in range(COUNT):
        cert = Certification(f"cert-{n}", f"Cert {n}", ((f"AZ-{n}",),))
        certifications = {cert.id: cert}
        listed = (Listed(cert.id),)
        listing = index.listing(listed, certifications)
        assert listing.listed is listed and listing.certifications is certifications
        del cert, certifications, listed, listing


def test_lists_differing_by_certifications_nobody_holds_share_one_table() -> None:
    index = _index()
    first, second = (Certification(f"c{n}", f"C{n}", ((f"AZ-{n}",),)) for n in (1, 2))
    nobody = Certification("none", "None", (("XX-999",),))
    table = index.table((first, nobody, second))
    assert table.staying == [FIRST + timedelta(days=1), FIRST + timedelta(days=2)]
    assert index.table((second, first)) is table, "in any order"
    assert index.table((nobody, second, first, nobody)) is table
    assert index.table((first,)) is not table
    assert index.table((first,)).staying == [FIRST + timedelta(days=1)]
    assert index.table((nobody,)).staying == []
