"""Skilling metrics of the Solutions Partner program: people holding certifications.

One person counts once per metric however many certifications they hold, and
once per step of a step-gated metric (SOLUTIONS-PARTNER.md § 1.7). A person
counts while associated with the organisation (the MCP ID / MCID link) and
not gone; a certification counts from the day its last exam was passed until
the catalogue's ``eligible_until`` when it was retired.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from fractions import Fraction
from functools import lru_cache
from itertools import chain, compress, filterfalse

from mpn_desktop.domain.catalog import normalize_code
from mpn_desktop.domain.designations import Certification, Listed, Skilling, Step
from mpn_desktop.domain.exam_rows import ExamColumns, ExamRows
from mpn_desktop.domain.facts import ExamResult, Facts, PeopleRows, Person
from mpn_desktop.domain.identity_memo import IdentityMemo
from mpn_desktop.domain.skilling_holders import Holder, Holders, ListedOrder


@dataclass(slots=True, unsafe_hash=True)
class StepCount:
    """A prerequisite step: how many hold it and how many it needs (its points: ``step``).

    Not ``frozen`` (a frozen dataclass is built several times slower, and each evaluation
    builds one per step of every skilling metric): it hashes and compares by value all the
    same; nothing may assign to it."""

    step: Step
    people: int
    """Distinct people holding one of the step's certifications (only counted: not shown)."""
    minimum: int

    @property
    def met(self) -> bool:
        """Enough distinct people hold one of the step's certifications."""
        return self.people >= self.minimum


@dataclass(slots=True, unsafe_hash=True)
class SkillingCount:
    """A skilling metric measured: the final list's holders and each prerequisite step (not
    ``frozen``, as ``StepCount``: nothing may assign to it)."""

    holders: Sequence[Holder]
    steps: tuple[StepCount, ...]
    figures: _RulePoints
    """The rule's points in integers (``rule_points``)."""
    total: int
    """The points before the cap, a numerator over ``figures.denominator``."""

    @property
    def points(self) -> Fraction:
        """The metric's points, up to its maximum."""
        return self.figures.fraction(self.total)

    @property
    def need_people(self) -> int:
        """People on the final list that give the metric's full points."""
        return self.figures.need

    @property
    def gated(self) -> bool:
        """A prerequisite step is short, so the final list earns nothing yet."""
        return any(not step.met for step in self.steps)

    @property
    def full(self) -> bool:
        """The metric has its maximum points (compared in integers)."""
        return self.total >= self.figures.most


_DAY = timedelta(days=1)
_NONE = Fraction(0)
_ORDINAL = date.toordinal
_normal_code = lru_cache(maxsize=4096)(normalize_code)
"""``normalize_code`` (a regular expression) kept per code: every new set of facts asks again
for the same catalogue's codes and the same few exam codes."""

_Codes = tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]
"""A certification's own codes and the exam codes of each way to it, normalised."""


@dataclass(frozen=True, slots=True)
class _Table:
    """The people holding one of some certifications, by the first day they hold one."""

    staying: list[date]
    """First days of those who never leave, sorted."""
    leaving_from: list[date]
    """First days of those who leave, sorted."""
    leaving_on: list[date]
    """Their leaving days, in the same order."""

    def count(self, day: date, present: date) -> int:
        """People holding one by ``day`` and still there on ``present``."""
        found = bisect_right(self.staying, day)
        for left in self.leaving_on[: bisect_right(self.leaving_from, day)]:
            if left > present:
                found += 1
        return found


class CatalogueList:
    """A list of certifications as a catalogue holds it: the days on which a certification
    comes onto it or goes, or becomes eligible or stops, and what counts between two such
    days (``counting_on``), worked out once.

    Catalogue data only (nothing of the facts): kept for the process per list object and
    catalogue (``catalogue_list``), one for equal lists of a catalogue (a designation's
    Enterprise and SMB tracks hold equal lists of their own), so that what an evaluation
    counts per list is kept by this object's identity, instead of hashing and comparing
    the list's entries (dataclasses: Python calls) at every look."""

    __slots__ = ("_changes", "_counting", "certifications", "listed")

    def __init__(
        self, listed: tuple[Listed, ...], certifications: dict[str, Certification]
    ) -> None:
        self.listed = listed
        self.certifications = certifications
        changes: set[date] = set()
        for entry in listed:
            cert = certifications.get(entry.certification)
            if cert is None:
                continue
            # What holds on a day changes on a first day, and on the day after a last one.
            for first in (entry.listed_from, cert.eligible_from):
                if first is not None:
                    changes.add(first)
            for last in (entry.listed_until, cert.eligible_until):
                if last is not None and last < date.max:
                    changes.add(last + _DAY)
        self._changes = sorted(changes)
        self._counting: dict[int, tuple[tuple[str, Certification], ...]] = {}

    def period(self, day: date) -> int:
        """Which of the spans between the list's changes the day is in (the same entries
        count on every day of one)."""
        return bisect_right(self._changes, day)

    def counting(self, day: date) -> tuple[tuple[str, Certification], ...]:
        """``counting_on`` the day (kept per span between the list's changes)."""
        between = bisect_right(self._changes, day)
        found = self._counting.get(between)
        if found is None:
            found = self._counting[between] = counting_on(self.listed, self.certifications, day)
        return found


_LISTS: IdentityMemo[tuple[tuple[Listed, ...], dict[str, Certification]], CatalogueList] = (
    IdentityMemo(4096)
)
"""``catalogue_list`` by the list's and the catalogue's certifications' identity (the
catalogues in use are few: at most 4096 kept)."""
_EQUAL_LISTS: IdentityMemo[
    tuple[dict[str, Certification]], dict[tuple[Listed, ...], CatalogueList]
] = IdentityMemo(64)
"""Per catalogue's certifications (by identity: the catalogues in use are few, at most 64
kept), the ``CatalogueList`` of each list value (a catalogue names a few hundred lists)."""


def catalogue_list(
    listed: tuple[Listed, ...], certifications: dict[str, Certification]
) -> CatalogueList:
    """The catalogue's list (``CatalogueList``), the same object for equal lists of one
    catalogue's certifications."""
    found = _LISTS.get((listed, certifications))
    if found is not None:
        return found
    equal = _EQUAL_LISTS.kept((certifications,), dict)
    same = equal.get(listed)
    if same is None:
        same = equal[listed] = CatalogueList(listed, certifications)
    return _LISTS.keep((listed, certifications), same)


class _Listing:
    """A catalogue's list and the people's table between two of its changes, per exam
    index (the table is of its facts)."""

    __slots__ = ("_tables", "kind")

    def __init__(self, kind: CatalogueList) -> None:
        self.kind = kind
        self._tables: dict[int, _Table] = {}

    def table(self, index: ExamIndex, day: date) -> _Table:
        """The people's table of the certifications the list holds on the day (``index``: the
        exam index keeping this listing, passed in rather than held: no reference cycle)."""
        kind = self.kind
        between = kind.period(day)
        found = self._tables.get(between)
        if found is None:
            certs = (cert for _certification, cert in kind.counting(day))
            found = self._tables[between] = index.table(tuple(dict.fromkeys(certs)))
        return found


def counting_on(
    listed: tuple[Listed, ...], certifications: dict[str, Certification], day: date
) -> tuple[tuple[str, Certification], ...]:
    """The list's entries that count on the day, in its order, as (certification id, the
    catalogue's certification): listed on the day, known to the catalogue and eligible."""
    return tuple(
        (entry.certification, cert)
        for entry in listed
        if (cert := certifications.get(entry.certification)) is not None
        and entry.on(day)
        and cert.eligible_on(day)
    )


_CODES: dict[int, tuple[Certification, _Codes, frozenset[str]]] = {}
"""``certification_codes`` by the catalogue's certification (by identity, checked on reading;
the catalogues in use are few: at most 4096 kept), with all those codes in one set."""


def _codes_of(cert: Certification) -> tuple[Certification, _Codes, frozenset[str]]:
    found = _CODES.get(id(cert))
    if found is None or found[0] is not cert:
        names = tuple(dict.fromkeys((_normal_code(cert.id), _normal_code(cert.name))))
        ways = tuple(tuple(map(_normal_code, way)) for way in cert.exams)
        if len(_CODES) >= 4096:
            _CODES.clear()
        found = _CODES[id(cert)] = (cert, (names, ways), frozenset(chain(names, *ways)))
    return found


def certification_codes(cert: Certification) -> _Codes:
    """A certification's own codes (id, name) and its exams' ways, normalised: worked out once
    per certification of a catalogue, not again for every set of facts (none of it is theirs)."""
    return _codes_of(cert)[1]


class _FirstDays(dict[str, dict[str, date] | None]):
    """Exam code as written -> the first days of its normalised code in ``first`` (the same
    dict for codes written differently), made when a code is first asked for; None for a
    code left out (``named``: the normalised codes to index, None: every one), its
    normalised code noted in ``left_out``."""

    __slots__ = ("_first", "_named", "left_out")

    def __init__(self, first: dict[str, dict[str, date]], named: frozenset[str] | None) -> None:
        super().__init__()
        self._first = first
        self._named = named
        self.left_out: set[str] = set()

    def __missing__(self, code: str) -> dict[str, date] | None:
        normal = _normal_code(code)
        if self._named is not None and normal not in self._named:
            self.left_out.add(normal)
            self[code] = None
            return None
        found = self[code] = self._first.setdefault(normal, {})
        return found


_NAMED: dict[int, tuple[dict[str, Certification], frozenset[str]]] = {}
"""``named_codes`` by the catalogue's certifications (by identity, checked on reading; the
catalogues in use are few: at most 64 kept)."""


def named_codes(certifications: dict[str, Certification]) -> frozenset[str]:
    """Every normalised code a certification of the catalogue is held by (its own id and
    name, its ways' exams): the exam results an index for it needs (worked out once)."""
    found = _NAMED.get(id(certifications))
    if found is None or found[0] is not certifications:
        codes: set[str] = set()
        for cert in certifications.values():
            codes |= _codes_of(cert)[2]
        if len(_NAMED) >= 64:
            _NAMED.clear()
        found = _NAMED[id(certifications)] = (certifications, frozenset(codes))
    return found[1]


class ExamIndex:
    """Each credential code's holders with the day each first passed it, and the people in
    the order they are listed: worked out once per facts (``exam_index``) and kept with
    them, as none of it depends on the day."""

    def __init__(
        self,
        exams: Iterable[ExamResult],
        people: Iterable[Person],
        named: frozenset[str] | None = None,
    ) -> None:
        """``named``: the normalised codes a catalogue's certifications are held by
        (``named_codes``), for an index of those alone at first (a result of another code,
        an exam of the 2017-2018 competencies mostly, counts for no certification of it):
        another catalogue's code is indexed when a certification of it is first asked
        about. None: every code."""
        # Read by column (as loaded: no ExamResult object made for a result).
        columns = ExamRows.of(exams).columns
        # The same few codes come back thousands of times: each code as written is
        # normalised once, when first met, and each result's dict of first days is looked
        # up in C (no set of the column made first to find its codes).
        first: dict[str, dict[str, date]] = {}
        by_code = _FirstDays(first, named)
        self._columns = columns
        _index_into(map(by_code.__getitem__, columns.exam_code), columns)
        self.first_passed: dict[str, dict[str, date]] = first
        """Normalised code -> MCP ID -> the first day that person passed it (the codes
        indexed so far: see ``_take_in``). A code's MCP IDs come in the order of the
        results, which nothing reads for a meaning: who holds what and from which day is
        the same in any order of the results (``Holders`` shows people in their listed
        order, each with the first certification the list names)."""
        self._by_code = by_code
        self._left_out = by_code.left_out
        """The normalised codes of results not indexed yet."""
        # Read by column too (as loaded: no Person made; a tuple of Person gives its columns).
        rows = PeopleRows.of(people)
        who = rows.columns
        mcp_ids = who.mcp_id
        self.unique = len(set(mcp_ids)) == len(mcp_ids)
        """Every MCP ID given once (else a person's name may depend on the day)."""
        self.ranked = ListedOrder(rows)
        """Each MCP ID's place in the order people are listed (asked when holders are read;
        meant for MCP IDs given once)."""
        self.made_holders: dict[str, dict[str, Holder]] = {}
        """The people's ``Holder`` for each certification, by MCP ID, made once (only when
        every MCP ID is given once: a person's name is then the same on every day)."""
        self.day_holders: dict[tuple[CatalogueList, date, date], Holders] = {}
        """``Certified.holders`` by the catalogue's list, the day and the first day people are
        counted from: the same on these facts' people and exams whatever the usage (an
        evaluation after a usage edit finds them here)."""
        self.always: dict[str, str] = {}
        """MCP ID -> name of the associated people with no leaving day (MCP IDs given once)."""
        self.leaving: list[tuple[str, str, date]] = []
        """MCP ID, name and leaving day of the associated people who leave (the same)."""
        self._people_columns = who
        """Every person's columns (tuples: never changed), associated or not, for the
        presence worked out on first use (``_present_and_staying``)."""
        if self.unique:
            always, leaving = self.always, self.leaving
            associated = compress(zip(mcp_ids, who.name, who.left_on, strict=True), who.associated)
            for mcp_id, name, left_on in associated:
                if left_on is None:
                    always[mcp_id] = name
                else:
                    leaving.append((mcp_id, name, left_on))
        self._presence: tuple[dict[str, date | None], set[str]] | None = None
        self._holding: dict[int, tuple[Certification, dict[str, date], date | None]] = {}
        self._listings: dict[CatalogueList, _Listing] = {}
        self._tables: dict[tuple[int, ...], tuple[tuple[Certification, ...], _Table]] = {}

    def _present_and_staying(self) -> tuple[dict[str, date | None], set[str]]:
        """Each MCP ID of an associated person and the last day any of its records is there
        (None: one never leaves), whatever the MCP IDs: who a count may count; and the MCP
        IDs of those who never leave. Worked out when a table of first days is first made
        (the window's rarer days): the as-of day's counts read ``always`` and ``leaving``."""
        found = self._presence
        if found is None:
            present: dict[str, date | None] = {}
            if self.unique:
                present = dict.fromkeys(self.always)
                present.update((mcp_id, left_on) for mcp_id, _name, left_on in self.leaving)
                staying = set(self.always)
            else:
                who = self._people_columns
                associated = compress(zip(who.mcp_id, who.left_on, strict=True), who.associated)
                for mcp_id, left in associated:
                    if mcp_id not in present:
                        present[mcp_id] = left
                    else:
                        earlier = present[mcp_id]
                        present[mcp_id] = (
                            None if earlier is None or left is None else max(earlier, left)
                        )
                staying = {mcp_id for mcp_id, left in present.items() if left is None}
            found = self._presence = (present, staying)
        return found

    def holding_days(self, cert: Certification) -> dict[str, date]:
        """Each MCP ID holding a certification, with the first day it does (its own record,
        or the last exam of a way to it passed), whoever the person: worked out once (the
        dict is shared: never changed)."""
        return self._held(cert)[1]

    def latest(self, cert: Certification) -> date | None:
        """The last of the first days anyone holds a certification (None: nobody holds it)."""
        return self._held(cert)[2]

    def _held(self, cert: Certification) -> tuple[Certification, dict[str, date], date | None]:
        found = self._holding.get(id(cert))
        if found is not None and found[0] is cert:
            return found
        _cert, (names, ways), codes = _codes_of(cert)
        left_out = self._left_out
        if left_out and not left_out.isdisjoint(codes):
            self._take_in(left_out & codes)
        first = self.first_passed
        recorded = [first[name] for name in names if first.get(name)]
        if not recorded and len(ways) == 1 and len(ways[0]) == 1:
            # One exam earns it (most certifications): that exam's first days as they are.
            days = first.get(ways[0][0], {})
        else:
            days = self._merged_days(recorded, ways)
        found = self._holding[id(cert)] = (cert, days, max(days.values(), default=None))
        return found

    def _take_in(self, codes: set[str]) -> None:
        """Index the results of normalised codes left out so far (a certification of
        another catalogue than the one the index was made for is asked about): one more
        pass over the results, for those codes alone.

        Each person's first day is the earliest of their results whatever the order they
        are read in, so codes taken in here give the first days an index made for every
        code at once gives; the order of their MCP IDs (the results') changes no one
        counted or shown, nor the order they are shown in (``first_passed``). Results of
        codes indexed already are skipped (None): read again they would change nothing."""
        first, by_code = self.first_passed, self._by_code
        taking: dict[str, dict[str, date] | None] = dict.fromkeys(by_code)
        taken: dict[str, dict[str, date]] = {}
        for written, days in by_code.items():
            if days is None and (normal := _normal_code(written)) in codes:
                if normal not in taken:
                    taken[normal] = dict(first.get(normal, {}))
                taking[written] = taken[normal]
        columns = self._columns
        _index_into(map(taking.__getitem__, columns.exam_code), columns)
        # Filled before anyone reading ``first_passed`` sees them: another thread asking
        # meanwhile finds the codes left out, not half-filled.
        first.update(taken)
        for written, days in taking.items():
            if days is not None:
                by_code[written] = first[_normal_code(written)]
        self._left_out -= codes

    def _merged_days(
        self, recorded: list[dict[str, date]], ways: tuple[tuple[str, ...], ...]
    ) -> dict[str, date]:
        """The first day of each MCP ID holding a certification by its own records or one
        of its ways (the way's last exam passed)."""
        first = self.first_passed
        days: dict[str, date] = {}
        for passed_name in recorded:
            for mcp_id, on in passed_name.items():
                earlier = days.get(mcp_id)
                if earlier is None or on < earlier:
                    days[mcp_id] = on
        for way in ways:
            passed = [first.get(code, {}) for code in way]
            if not passed or not all(passed):
                continue
            if len(passed) == 1:
                both: Iterable[tuple[str, date]] = passed[0].items()
            elif len(passed) == 2:
                # The later of the two days (most ways of two exams): one comparison each,
                # not a call of max() for each person who passed both.
                one, other = passed
                both = {
                    mcp_id: (a if (a := one[mcp_id]) > (b := other[mcp_id]) else b)
                    for mcp_id in one.keys() & other.keys()
                }.items()
            else:
                # The day the last exam of the way was passed (most ways are one or two):
                # those who passed every one by a set intersection, the latest day by a map.
                common = list(set(passed[0]).intersection(*passed[1:]))
                latest = map(max, *(map(p.__getitem__, common) for p in passed))
                both = zip(common, latest, strict=True)
            if not days:
                days.update(both)
                continue
            for mcp_id, on in both:
                earlier = days.get(mcp_id)
                if earlier is None or on < earlier:
                    days[mcp_id] = on
        return days

    def listing(
        self, listed: tuple[Listed, ...], certifications: dict[str, Certification]
    ) -> _Listing:
        """A metric's list of certifications with the days on which what it holds changes
        and its tables of these facts' people (kept per catalogue list)."""
        kind = catalogue_list(listed, certifications)
        found = self._listings.get(kind)
        if found is None:
            found = self._listings[kind] = _Listing(kind)
        return found

    def table(self, certs: tuple[Certification, ...]) -> _Table:
        """For people holding any of ``certs``: the first days of those who never leave
        (sorted), and the first day and leaving day of the others (by first day); kept.

        Kept by the certifications someone holds, in any order: lists that differ only by
        certifications nobody holds (most of a long list, mostly) share one table."""
        chosen = {id(cert): cert for cert in certs if self.holding_days(cert)}
        key = tuple(sorted(chosen))
        certs = tuple(map(chosen.__getitem__, key))
        found = self._tables.get(key)
        if found is not None and all(a is b for a, b in zip(found[0], certs, strict=True)):
            return found[1]
        held = [self.holding_days(cert) for cert in certs]
        first: dict[str, date] = held[0] if held else {}
        for days in held[1:]:
            # Set operations for the many, a look at each only where both hold one.
            common = first.keys() & days.keys()
            earlier = {mcp_id: first[mcp_id] for mcp_id in common if first[mcp_id] < days[mcp_id]}
            first = {**first, **days}
            first.update(earlier)
        present, staying_ids = self._present_and_staying()
        # Sorted by ordinal: integers sort several times faster than dates (same order).
        staying = sorted(
            map(first.__getitem__, filter(staying_ids.__contains__, first)), key=_ORDINAL
        )
        leaving = sorted(
            (first[mcp_id], left)
            for mcp_id in filterfalse(staying_ids.__contains__, first)
            if (left := present.get(mcp_id)) is not None
        )
        table = _Table(staying, [on for on, _ in leaving], [left for _, left in leaving])
        self._tables[key] = (certs, table)
        return table


def _index_into(dicts: Iterable[dict[str, date] | None], columns: ExamColumns) -> None:
    """Each result's person and day into its code's dict of first days (``dicts``: the
    dict of each result, in order; None: a code not indexed)."""
    for passed, mcp_id, day in zip(dicts, columns.mcp_id, columns.passed_on, strict=True):
        # One dict operation for a person's first result of a code (most results), a
        # second only where an earlier day is found later in the rows.
        if passed is not None and passed.setdefault(mcp_id, day) > day:
            passed[mcp_id] = day


def exam_index(facts: Facts, named: frozenset[str] | None = None) -> ExamIndex:
    """The facts' exam results by code, worked out once and kept with the facts (made for
    the codes ``named`` by the catalogue first asking, where given: see ``ExamIndex``)."""
    exams, people = facts.exams, facts.people
    return facts.kept.get(ExamIndex, (exams, people), lambda: ExamIndex(exams, people, named))


class Certified:
    """Who holds which certification on a day, worked out once per evaluation (on demand)."""

    def __init__(
        self,
        facts: Facts,
        certifications: dict[str, Certification],
        day: date,
        present_from: date | None = None,
    ) -> None:
        """``present_from``: count a person still there on that earlier day even if they
        left by ``day`` (the most a span of days can count, for the qualification window)."""
        present = day if present_from is None else present_from
        index = exam_index(facts, named_codes(certifications))
        if index.unique:
            # Every MCP ID once: those who never leave, and those still here on the day.
            self._people = dict(index.always)
            self._people.update(
                (m, name) for m, name, left_on in index.leaving if left_on > present
            )
        else:
            self._people = {
                p.mcp_id: p.name
                for p in facts.people
                if p.associated and (p.left_on is None or p.left_on > present)
            }
        self._exams = index
        self._certifications = certifications
        self.day = day
        self._holding: dict[str, dict[str, str]] = {}
        # Kept per catalogue list (by its identity: equal lists share one).
        self._listed: dict[CatalogueList, tuple[dict[str, str], set[str] | None]] = {}
        self._holders: dict[CatalogueList, Holders] = {}
        self._counts: dict[CatalogueList, int] = {}
        self._present = present

    def _kind(self, listed: tuple[Listed, ...]) -> CatalogueList:
        return catalogue_list(listed, self._certifications)

    def _certification_holders(self, certification: str, cert: Certification) -> dict[str, str]:
        """MCP ID -> ``certification`` for the people holding it on the day (``cert``: the
        catalogue's, eligible on the day; kept: never changed afterwards)."""
        found = self._holding.get(certification)
        if found is None:
            day, people = self.day, self._people
            days = self._exams.holding_days(cert)
            if not days:
                # Nobody holds it (most certifications a list names): nothing to look at.
                found = self._holding[certification] = {}
                return found
            latest = self._exams.latest(cert)
            assert latest is not None  # someone holds it (above)
            if latest <= day:
                # Everyone held it by the day (the as-of day, mostly): those counted on
                # the day picked by the people's own test, in C.
                found = dict.fromkeys(filter(people.__contains__, days), certification)
            else:
                # Those holding it by the day and counted on the day: one look at each
                # (a day or two per evaluation ask, fewer than sorting them by day costs).
                found = {
                    mcp_id: certification
                    for mcp_id, on in days.items()
                    if on <= day and mcp_id in people
                }
            self._holding[certification] = found
        return found

    def _holding_any(self, kind: CatalogueList) -> tuple[dict[str, str], set[str] | None]:
        """Each person holding a certification listed on the day, with the first one listed
        (kept: never changed afterwards); and the certifications that count for someone when
        known without a look at each person (one certification held: that one), else None."""
        found = self._listed.get(kind)
        if found is None:
            # Last listed first, so that an earlier certification overwrites a later one.
            held = [
                (certification, holding)
                for certification, cert in reversed(kind.counting(self.day))
                if (holding := self._certification_holders(certification, cert))
            ]
            if not held:
                found = ({}, set())
            elif len(held) == 1:
                # One certification held (most lists): its own dict, and it alone counts.
                found = (held[0][1], {held[0][0]})
            else:
                merged: dict[str, str] = {}
                for _certification, holding in held:
                    merged.update(holding)
                found = (merged, None)
            self._listed[kind] = found
        return found

    def count(self, listed: tuple[Listed, ...]) -> int:
        """How many distinct people hold a certification listed on the day."""
        kind = self._kind(listed)
        found = self._counts.get(kind)
        if found is not None:
            return found
        held = self._listed.get(kind)
        if held is None and self._reached(kind):
            # Everyone holding one held it by the day (the as-of day, mostly): the people
            # holding one, by set operations in C, are those counted.
            held = self._holding_any(kind)
        if held is not None:
            counted = len(held[0])
        else:
            # Each person's first day holding one of them, counted against the day: the same
            # table serves every day on which the list holds the same certifications.
            listing = self._exams.listing(listed, self._certifications)
            counted = listing.table(self._exams, self.day).count(self.day, self._present)
        self._counts[kind] = counted
        return counted

    def _reached(self, kind: CatalogueList) -> bool:
        """Whether every holder of a certification the list holds on the day held it by then."""
        day, index = self.day, self._exams
        for _certification, cert in kind.counting(day):
            latest = index.latest(cert)
            if latest is not None and latest > day:
                return False
        return True

    def at_least(self, listed: tuple[Listed, ...], wanted: int) -> int:
        """``min(self.count(listed), wanted)``, found by looking at holders until ``wanted``
        of them count: the window's days ask whether a step or a list has enough people
        (a few), which the first holders looked at mostly answer; a look that runs long
        counts them all instead (the table of first days then serves the other days too)."""
        if wanted <= 0:
            return wanted
        kind = self._kind(listed)
        found = self._counts.get(kind)
        if found is not None:
            return min(found, wanted)
        day, people, index = self.day, self._people, self._exams
        seen: set[str] = set()
        looks = 16 * wanted + 64
        for _certification, cert in kind.counting(day):
            for mcp_id, on in index.holding_days(cert).items():
                looks -= 1
                if looks < 0:
                    return min(self.count(listed), wanted)
                if on <= day and mcp_id in people and mcp_id not in seen:
                    seen.add(mcp_id)
                    if len(seen) >= wanted:
                        return wanted
        return len(seen)

    def holders(self, listed: tuple[Listed, ...]) -> Holders:
        """Distinct people holding any certification listed on the day (each once), by name."""
        kind = self._kind(listed)
        found = self._holders.get(kind)
        if found is not None:
            return found
        # Kept with the exam index (the people and exams they come from).
        key = (kind, self.day, self._present)
        index = self._exams
        found = index.day_holders.get(key)
        if found is not None:
            self._holders[kind] = found
            return found
        # Every MCP ID once (a rank): a person's Holder is the same on every day, made once
        # per facts (the exam index keeps them), and only when the holders are read.
        holding, certifications = self._holding_any(kind)
        found = Holders(
            holding,
            self._people,
            index.ranked if index.unique else None,
            index.made_holders if index.unique else None,
            certifications,
        )
        self._holders[kind] = found
        if len(index.day_holders) >= 256:
            index.day_holders.clear()  # a bound on what moving through the days keeps
        index.day_holders[key] = found
        return found


def fraction_sum(values: Iterable[Fraction]) -> Fraction:
    """The exact sum of ``values`` (equal to ``sum(values, Fraction(0))``), added up as one
    numerator over one denominator: a single Fraction (and gcd) instead of one per term, and
    none for no term or one (the term itself: a Fraction is never changed)."""
    numerator, denominator = 0, 1
    only: Fraction | None = None
    terms = 0
    for value in values:
        terms += 1
        only = value
        top, below = value.numerator, value.denominator
        if below == denominator:
            numerator += top
        else:
            numerator = numerator * below + top * denominator
            denominator *= below
    if terms == 0:
        return _NONE
    if terms == 1 and type(only) is Fraction:
        return only
    return Fraction(numerator, denominator)


@dataclass(frozen=True, slots=True)
class _RulePoints:
    """A skilling rule's points as integers over one denominator, for a metric's maximum:
    the points of each count worked out by integer sums, one Fraction made at the end."""

    rule: Skilling
    max_points: Fraction
    denominator: int
    steps: tuple[int, ...]
    """Each prerequisite step's points (numerators over ``denominator``)."""
    per_person: int
    most: int
    need: int
    """The final list's people that give full points with every step met."""

    @classmethod
    def of(cls, rule: Skilling, max_points: Fraction) -> _RulePoints:
        """Worked out from the catalogue's Fractions (exactly)."""
        fractions = [s.points for s in rule.prerequisites]
        denominator = math.lcm(
            max_points.denominator,
            rule.points_per_person.denominator,
            *(f.denominator for f in fractions),
        )
        steps = tuple(f.numerator * (denominator // f.denominator) for f in fractions)
        per_person = rule.points_per_person.numerator * (
            denominator // rule.points_per_person.denominator
        )
        most = max_points.numerator * (denominator // max_points.denominator)
        # ceil(room / per person), in integers (room may be below zero: ceil all the same).
        need = -(-(most - sum(steps)) // per_person) if per_person else 0
        return cls(rule, max_points, denominator, steps, per_person, most, need)

    def total(self, met: Sequence[bool], final: int) -> int:
        """The points with the steps ``met`` and ``final`` people on the final list counted
        (-1: not counted, a step short), a numerator over ``denominator``, not capped."""
        total = sum(compress(self.steps, met))
        if final > 0:
            total += self.per_person * final
        return total

    def points(self, met: Sequence[bool], final: int) -> Fraction:
        """``total`` as points, up to the maximum."""
        return self.fraction(self.total(met, final))

    def fraction(self, total: int) -> Fraction:
        """A total's points, up to the maximum."""
        if total >= self.most:
            return self.max_points
        return Fraction(total, self.denominator)


_RULES: dict[tuple[int, int], _RulePoints] = {}
"""``_RulePoints`` by the catalogue's rule and maximum (by identity, checked on reading; the
catalogues in use are few: at most 512 kept)."""


def rule_points(rule: Skilling, max_points: Fraction) -> _RulePoints:
    """A skilling rule's points in integers for a metric's maximum (worked out once)."""
    found = _RULES.get((id(rule), id(max_points)))
    if found is None or found.rule is not rule or found.max_points is not max_points:
        if len(_RULES) >= 512:
            _RULES.clear()
        found = _RULES[(id(rule), id(max_points))] = _RulePoints.of(rule, max_points)
    return found


def skilling_points(rule: Skilling, certified: Certified, max_points: Fraction) -> Fraction:
    """``count_skilling``'s points alone: the steps met, then the final list's people counted
    (only when every step is met).

    Only as many people as make a difference are looked for (``Certified.at_least``): a
    step's minimum, and the final list's people up to full points (more add nothing)."""
    figures = rule_points(rule, max_points)
    day = certified.day
    met = [
        certified.at_least(step.certifications, minimum) >= minimum
        for step in rule.prerequisites
        for minimum in (step.minimum_on(day),)
    ]
    final = certified.at_least(rule.certifications, figures.need) if all(met) else -1
    return figures.points(met, final)


def count_skilling(rule: Skilling, certified: Certified, max_points: Fraction) -> SkillingCount:
    """The metric's points: prerequisite steps gate the final list (SMB steps give points)."""
    figures = rule_points(rule, max_points)
    steps = []
    for step in rule.prerequisites:
        # The people holding one, as the final list's: worked out by set operations on the
        # day (and kept for the Skilling tab, which reads the steps' holders).
        people = len(certified.holders(step.certifications))
        steps.append(StepCount(step, people, step.minimum_on(certified.day)))
    holders = certified.holders(rule.certifications)
    met_steps = [s.met for s in steps]
    # The holders are the people ``count`` counts (on the day, still there): their number,
    # without a table of first days the day's count would otherwise build.
    total = figures.total(met_steps, len(holders) if all(met_steps) else -1)
    return SkillingCount(holders, tuple(steps), figures, total)
