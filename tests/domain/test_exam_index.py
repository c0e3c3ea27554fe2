"""The exam index's kept figures are found by an object's identity and never read stale."""

from __future__ import annotations

import itertools
import random
from dataclasses import replace
from datetime import date, datetime, timedelta
from functools import partial

import pytest

from mpn_desktop.domain.catalog import normalize_code
from mpn_desktop.domain.column_rows import ConvertedColumn
from mpn_desktop.domain.designation_skilling import (
    Certified,
    ExamIndex,
    catalogue_list,
    certification_codes,
    counting_on,
    exam_index,
    named_codes,
)
from mpn_desktop.domain.designations import Certification, Listed, ScoredCatalog
from mpn_desktop.domain.exam_rows import ExamRows
from mpn_desktop.domain.facts import Kept
from mpn_desktop.programs import shipped_scored_catalogs
from tests.domain.domain_builders import exam, facts, person
from tests.domain.sp_organisations import DAYS, sp_organisation

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
        assert certification_codes(cert) == ((f"CERT-{n}", f"CERT{n}"), ((f"AZ-{n}",),))
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
        assert listing.kind.listed is listed and listing.kind.certifications is certifications
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


def _certified_lists(catalog: ScoredCatalog) -> list[tuple[Listed, ...]]:
    """Every list of certifications of the catalogue's skilling metrics (steps and final)."""
    lists: list[tuple[Listed, ...]] = []
    for designation in catalog.designations:
        for track in designation.tracks:
            for metric in track.metrics:
                if metric.skilling is not None:
                    lists.append(metric.skilling.certifications)
                    lists += [step.certifications for step in metric.skilling.prerequisites]
    return lists


@pytest.mark.parametrize("seed", range(6))
def test_at_least_is_the_count_up_to_what_is_wanted(seed: int) -> None:
    # Generated organisations (people gone, not associated, an MCP ID given twice, exams after
    # the day) on days of the program, the window's earlier days counted from a day before.
    generated = sp_organisation(random.Random(seed))
    for catalog in shipped_scored_catalogs():
        lists = _certified_lists(catalog)
        for day in DAYS:
            for present_from in (None, day - timedelta(days=90)):
                counted = Certified(generated, catalog.certifications, day, present_from)
                for listed in lists:
                    count = counted.count(listed)
                    assert count == len(counted.holders(listed))
                    for wanted in range(count + 3):
                        # A new Certified each time: at_least must not lean on the count kept.
                        fresh = Certified(generated, catalog.certifications, day, present_from)
                        assert fresh.at_least(listed, wanted) == min(count, wanted)


def test_at_least_counts_them_all_when_few_of_many_holders_count() -> None:
    # 300 people passed AZ-104 but left before the day, one is still there: looking for two
    # runs past its allowance of looks and counts them all instead (the table).
    gone = [person(str(n), left_on=date(2020, 6, 1)) for n in range(300)]
    exams = [exam(str(n), "AZ-104", date(2020, 1, 1)) for n in range(301)]
    given = facts(people=(*gone, person("300")), exams=exams)
    cert = Certification("azure-administrator-associate", "Azure Administrator", (("AZ-104",),))
    listed = (Listed(cert.id),)
    certified = Certified(given, {cert.id: cert}, date(2021, 1, 1))
    assert certified.at_least(listed, 2) == 1
    assert certified.at_least(listed, 1) == 1
    assert Certified(given, {cert.id: cert}, date(2019, 12, 31)).at_least(listed, 2) == 0


def test_a_certification_recorded_by_its_own_name_or_id_counts_from_the_earlier_day() -> None:
    # A certification imported as a credential (its name or id as the code) or earned by its
    # exam: the first day either way. Exam AZ-1 passed on day 1; "Cert 1" recorded on day 0
    # for person 0 (who never passed AZ-1) and on day 5 for person 1 (who passed it on day 1).
    exams = [
        exam("1", "AZ-1", FIRST + timedelta(days=1)),
        exam("0", "Cert 1", FIRST),
        exam("1", "cert-1", FIRST + timedelta(days=5)),
    ]
    index = ExamIndex(exams, [person("0"), person("1")])
    cert = Certification("cert-1", "Cert 1", (("AZ-1",),))
    assert index.holding_days(cert) == {"0": FIRST, "1": FIRST + timedelta(days=1)}
    assert index.latest(cert) == FIRST + timedelta(days=1)


def test_a_kept_counting_answers_for_its_own_list_catalogue_and_day_only() -> None:
    # Certified.counting is kept with the exam index (one per facts) by list, catalogue and
    # day, and read by every Certified of those facts: the window's bound counting from an
    # earlier day, other days, another catalogue. It reads neither the people nor
    # present_from, so each must find its own day's and catalogue's entries whoever is
    # counted. Certification "a" retires after 2020-06-30 in the second catalogue only; "b"
    # leaves the list after 2020-03-31; person 2 (holding both) leaves on 2020-05-01.
    first = Certification("a", "A", (("AZ-1",),))
    certifications = (
        {"a": first, "b": Certification("b", "B", (("AZ-2",),))},
        {
            "a": replace(first, eligible_until=date(2020, 6, 30)),
            "b": Certification("b", "B", (("AZ-2",),)),
        },
    )
    listed = (Listed("a"), Listed("b", listed_until=date(2020, 3, 31)))
    people = (person("1"), person("2", left_on=date(2020, 5, 1)), person("3"))
    exams = (
        exam("1", "AZ-1", date(2020, 1, 1)),
        exam("2", "AZ-1", date(2020, 1, 1)),
        exam("2", "AZ-2", date(2020, 1, 1)),
        exam("3", "AZ-2", date(2020, 2, 1)),
    )
    shared = facts(people=people, exams=exams)
    days = (date(2020, 3, 31), date(2020, 4, 1), date(2020, 6, 30), date(2020, 7, 1))
    counts = []
    for day, catalogue, present_from in itertools.product(
        days, certifications, (None, date(2020, 1, 15))
    ):
        counted = Certified(shared, catalogue, day, present_from)
        assert catalogue_list(listed, catalogue).counting(day) == counting_on(
            listed, catalogue, day
        )
        # Facts of their own: an exam index that kept nothing of the other days.
        alone = Certified(facts(people=people, exams=exams), catalogue, day, present_from)
        assert counted.count(listed) == alone.count(listed)
        assert counted.holders(listed) == alone.holders(listed)
        counts.append(counted.count(listed))
    assert counts == [3, 3, 3, 3, 2, 2, 2, 2, 1, 2, 1, 2, 1, 2, 0, 0]


def test_equal_lists_of_one_catalogue_share_one_catalogue_list() -> None:
    # An evaluation keeps what it counts per catalogue list by identity: a designation's
    # Enterprise and SMB tracks hold equal lists of their own, counted once.
    cert = Certification("a", "A", (("AZ-1",),))
    certifications = {"a": cert}
    first, second = (Listed("a"),), (Listed("a"),)
    assert first is not second
    assert catalogue_list(first, certifications) is catalogue_list(second, certifications)
    assert catalogue_list(second, certifications).listed is first
    other = {"a": replace(cert, eligible_until=date(2020, 6, 30))}
    assert catalogue_list(first, other) is not catalogue_list(first, certifications)
    until = (Listed("a", listed_until=date(2020, 3, 31)),)
    assert catalogue_list(until, certifications) is not catalogue_list(first, certifications)


@pytest.mark.parametrize("catalog", shipped_scored_catalogs(), ids=lambda c: c.version)
def test_a_catalogue_lists_counting_is_counting_on_every_day(catalog: ScoredCatalog) -> None:
    # Kept per span between the list's changes: the days on both sides of each change (a
    # certification listed or retired, a list entry's first or last day), asked in random
    # order so that a day read another span's entries were the spans drawn wrong.
    rng = random.Random(3)
    certifications = catalog.certifications
    for listed in _certified_lists(catalog):
        changes = {d for e in listed for d in (e.listed_from, e.listed_until) if d is not None}
        for entry in listed:
            if (cert := certifications.get(entry.certification)) is not None:
                changes |= {d for d in (cert.eligible_from, cert.eligible_until) if d}
        days = [*DAYS, *(c + timedelta(days=k) for c in changes for k in (-1, 0, 1))]
        rng.shuffle(days)
        kind = catalogue_list(listed, certifications)
        for day in days:
            assert kind.counting(day) == counting_on(listed, certifications, day), day


def test_a_certification_of_two_exams_counts_from_the_later_one_by_its_earliest_way() -> None:
    # Each way's day is its last exam's (in either order, or both on one day); of two ways
    # the earlier counts; one exam of a way alone earns nothing.
    def on(days: int) -> date:
        return FIRST + timedelta(days=days)

    passed = {
        "0": (("AZ-1", 5), ("AZ-2", 2), ("AZ-3", 1), ("AZ-4", 3)),
        "1": (("AZ-2", 4), ("AZ-1", 1)),
        "2": (("AZ-1", 1), ("AZ-4", 1)),
        "3": (("AZ-2", 2), ("AZ-1", 2)),
    }
    exams = [
        exam(mcp_id, code, on(days)) for mcp_id, codes in passed.items() for code, days in codes
    ]
    index = ExamIndex(exams, [person(mcp_id) for mcp_id in passed])
    cert = Certification("expert", "Expert", (("AZ-1", "AZ-2"), ("AZ-3", "AZ-4")))
    assert index.holding_days(cert) == {"0": on(3), "1": on(4), "3": on(2)}
    assert index.latest(cert) == on(4)


def test_codes_left_out_of_an_index_are_taken_in_when_a_certification_asks() -> None:
    # An index made for a catalogue's codes (AZ-1 only) leaves the other results out; a
    # certification of another catalogue held by them (by a way of one exam, another way,
    # a way of two exams one of which was indexed, or its own name) finds them all.
    exams = [
        exam("0", "AZ-1", FIRST),
        exam("0", "AZ-2", FIRST + timedelta(days=3)),
        exam("1", "AZ-3", FIRST + timedelta(days=1)),
        exam("2", " az-4 ", FIRST + timedelta(days=2)),
        exam("3", "Cert Five", FIRST + timedelta(days=4)),
    ]
    people = [person(str(n)) for n in range(4)]
    index = ExamIndex(exams, people, frozenset({"AZ-1"}))
    assert set(index.first_passed) == {"AZ-1"}
    either = Certification("either", "Either", (("AZ-3",), ("AZ-4",)))
    assert index.holding_days(either) == {
        "1": FIRST + timedelta(days=1),
        "2": FIRST + timedelta(days=2),
    }
    both = Certification("both", "Both", (("AZ-1", "AZ-2"),))
    assert named_codes({both.id: both}) == {"BOTH", "AZ-1", "AZ-2"}
    assert index.holding_days(both) == {"0": FIRST + timedelta(days=3)}
    named = Certification("cert-five", "Cert Five", (("XX-1",),))
    assert index.holding_days(named) == {"3": FIRST + timedelta(days=4)}
    whole = ExamIndex(exams, people)
    for cert in (either, both, named):
        assert index.holding_days(cert) == whole.holding_days(cert)
        # The last first day of a code taken in late too (worked out as it is taken in).
        assert index.latest(cert) == max(whole.holding_days(cert).values())


@pytest.mark.parametrize("seed", [0, 2])
def test_an_index_made_for_some_codes_counts_for_every_catalogue(seed: int) -> None:
    # The index is kept with the facts and made for the codes of the catalogue first asking;
    # another catalogue (the window's earlier days, a user's catalogue) may name others. The
    # shipped catalogues name the same codes of these organisations' exams, so the index is
    # made here for fewer: none, two, two of which one no catalogue names ('AZ305').
    generated = sp_organisation(random.Random(seed))
    whole = replace(generated, kept=Kept())
    catalogs = shipped_scored_catalogs()
    for named in (frozenset(), frozenset({"AZ-104", "SC-300"}), frozenset({"AZ-104", "AZ305"})):
        for catalog in catalogs:
            made = replace(generated, kept=Kept())
            assert exam_index(made, named).first_passed.keys() <= named
            for day in DAYS:
                counted = Certified(made, catalog.certifications, day)
                reference = Certified(whole, catalog.certifications, day)
                for listed in _certified_lists(catalog):
                    assert counted.count(listed) == reference.count(listed), (named, day)
                    assert counted.holders(listed) == reference.holders(listed)
            for cert in catalog.certifications.values():
                assert exam_index(made).holding_days(cert) == exam_index(whole).holding_days(cert)


@pytest.mark.parametrize("first_version", ["2023-06", "2026-05"])
def test_shipped_catalogues_count_the_same_whichever_made_the_index(first_version: str) -> None:
    # The window shows 2023-06's days then 2026-05's on one set of facts (or the other way
    # round): the index is made for the codes of the first, and 2026-05's certifications of
    # exams 2023-06 never names (DP-600, DP-700, SC-401, GH-300) are taken in when asked.
    # Each catalogue counts what it counts on facts of their own (an index made for it).
    catalogs = {catalog.version: catalog for catalog in shipped_scored_catalogs()}
    later_only = ["DP-600", "DP-700", "SC-401", "GH-300"]
    assert not set(later_only) & named_codes(catalogs["2023-06"].certifications)
    assert set(later_only) <= named_codes(catalogs["2026-05"].certifications)
    codes = [*later_only, "AZ-104", "AZ-305", "SC-300", "MS-102", "PL-200", "MB-210"]
    rng = random.Random(5)
    people = [person(str(n)) for n in range(40)]
    exams = [
        exam(str(n), code, date(2023, 1, 1) + timedelta(days=rng.randrange(900)))
        for n in range(40)
        for code in rng.sample(codes, 3)
    ]
    shared = facts(people=people, exams=exams)
    order = [first_version, *(v for v in ("2023-06", "2026-05") if v != first_version)]
    day = date(2026, 5, 1)
    for version in order:
        catalog = catalogs[version]
        counted = Certified(shared, catalog.certifications, day)
        alone = Certified(facts(people=people, exams=exams), catalog.certifications, day)
        for listed in _certified_lists(catalog):
            assert counted.count(listed) == alone.count(listed), (version, listed)
            assert counted.holders(listed) == alone.holders(listed)
    assert exam_index(shared).first_passed.keys() >= set(later_only)


@pytest.mark.parametrize("seed", range(4))
def test_who_is_counted_and_shown_does_not_depend_on_the_order_of_the_results(seed: int) -> None:
    # The exam index puts each code's people into its dict in the order of the results, the
    # codes taken in late too (``_take_in``: one more pass over the results); nothing reads
    # that order for a meaning: a first day is the earliest result's, counts are sizes, the
    # holders are shown in the order people are listed, each with the first certification
    # the list names. The results as given, reversed and shuffled, the index made for every
    # code, for none (every code taken in late) or for the catalogue's: the same people are
    # counted and shown, in the same order, with the same certification.
    generated = sp_organisation(random.Random(seed))
    rng = random.Random(seed)
    exams = generated.exams
    orders = (exams, exams[::-1], tuple(rng.sample(exams, len(exams))))
    for catalog in shipped_scored_catalogs():
        lists = _certified_lists(catalog)
        for day in DAYS:
            given = Certified(replace(generated, kept=Kept()), catalog.certifications, day)
            expected = [(given.count(listed), tuple(given.holders(listed))) for listed in lists]
            for ordered in orders:
                for named in (None, frozenset(), named_codes(catalog.certifications)):
                    shuffled = replace(generated, exams=ordered, kept=Kept())
                    exam_index(shuffled, named)  # made first, for those codes
                    counted = Certified(shuffled, catalog.certifications, day)
                    found = [
                        (counted.count(listed), tuple(counted.holders(listed))) for listed in lists
                    ]
                    assert found == expected, (catalog.version, day, named)


@pytest.mark.parametrize("seed", range(3))
def test_days_held_as_iso_text_index_as_the_dates_do(seed: int) -> None:
    # Days handed over as ISO text converted when first read (``ConvertedColumn``; the
    # loaders make dates at load since 98bcd1b) are read as their dates. The results
    # shuffled (an earlier day read after a later one), the index made for every code, for
    # none (every code taken in late) or for the catalogue's: the same first days, as
    # dates, in the same order, and the same people counted on every day.
    generated = sp_organisation(random.Random(seed))
    exams = random.Random(seed).sample(generated.exams, len(generated.exams))
    dates = ExamRows.of(exams).columns
    catalog = shipped_scored_catalogs()[-1]
    # Worked out here, not by the index: each person's earliest day of each code.
    earliest: dict[str, dict[str, date]] = {}
    for result in exams:
        days = earliest.setdefault(normalize_code(result.exam_code), {})
        days[result.mcp_id] = min(days.get(result.mcp_id, result.passed_on), result.passed_on)
    for named in (None, frozenset(), named_codes(catalog.certifications)):
        text = ConvertedColumn(
            [day.isoformat() for day in dates.passed_on], partial(map, date.fromisoformat)
        )
        loaded = ExamRows.from_columns(dates._replace(passed_on=text))
        index = ExamIndex(loaded, generated.people, named)
        reference = ExamIndex(exams, generated.people, named)
        for cert in catalog.certifications.values():
            assert index.holding_days(cert) == reference.holding_days(cert), cert.id
            latest = max(reference.holding_days(cert).values(), default=None)
            assert index.latest(cert) == reference.latest(cert) == latest, cert.id
        assert index.first_passed == reference.first_passed
        assert index.first_passed == {code: earliest[code] for code in index.first_passed}
        for code, days in index.first_passed.items():
            assert list(days.items()) == list(reference.first_passed[code].items()), code
            assert all(type(day) is date for day in days.values()), code
        loaded_facts = replace(generated, exams=loaded, kept=Kept())
        exam_index(loaded_facts, named)  # this index, for those codes
        as_records = replace(generated, exams=exams, kept=Kept())
        for day in DAYS:
            counted = Certified(loaded_facts, catalog.certifications, day)
            expected = Certified(as_records, catalog.certifications, day)
            for listed in _certified_lists(catalog):
                assert counted.count(listed) == expected.count(listed), (day, named)
                assert counted.holders(listed) == expected.holders(listed), (day, named)


def test_days_converted_on_first_read_from_another_form_index_as_dates() -> None:
    # Only SQLite's ISO text orders as its days do: days converted on first read from
    # another form (day/month/year here) are compared as dates, not as what was stored.
    stored = ["01/01/2024", "31/12/2022"]
    days = ConvertedColumn(
        stored, partial(map, lambda text: datetime.strptime(text, "%d/%m/%Y").date())
    )
    exams = [exam("1", "AZ-104", date(2024, 1, 1)), exam("1", "AZ-104", date(2022, 12, 31))]
    columns = ExamRows.of(exams).columns
    index = ExamIndex(ExamRows.from_columns(columns._replace(passed_on=days)), ())
    assert index.first_passed == {normalize_code("AZ-104"): {"1": date(2022, 12, 31)}}
