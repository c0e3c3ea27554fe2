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
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from fractions import Fraction

from mpn_desktop.domain.catalog import normalize_code
from mpn_desktop.domain.designations import Certification, Listed, Skilling, Step
from mpn_desktop.domain.exam_rows import ExamRows
from mpn_desktop.domain.facts import ExamResult, Facts, Person


@dataclass(slots=True, unsafe_hash=True)
class Holder:
    """A person counted by a skilling metric, with the certification that counts.

    Not ``frozen`` (a frozen dataclass is built several times slower, and an
    evaluation builds thousands): it hashes and compares by value all the
    same; nothing may assign to it.
    """

    name: str
    mcp_id: str
    certification: str


@dataclass(frozen=True, slots=True)
class StepCount:
    """A prerequisite step: who holds it, how many it needs, the points it gives when met."""

    step: Step
    people: int
    """Distinct people holding one of the step's certifications (only counted: not shown)."""
    minimum: int
    points: Fraction

    @property
    def met(self) -> bool:
        """Enough distinct people hold one of the step's certifications."""
        return self.people >= self.minimum


@dataclass(frozen=True, slots=True)
class SkillingCount:
    """A skilling metric measured: the final list's holders and each prerequisite step."""

    holders: tuple[Holder, ...]
    steps: tuple[StepCount, ...]
    points: Fraction
    need_people: int
    """People on the final list that give the metric's full points."""

    @property
    def gated(self) -> bool:
        """A prerequisite step is short, so the final list earns nothing yet."""
        return any(not step.met for step in self.steps)


_DAY = timedelta(days=1)

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


class _Listing:
    """A list of certifications of a catalogue: the days on which a certification comes onto
    it or goes, or becomes eligible or stops, and the people's table between two such days."""

    __slots__ = ("_changes", "_tables", "certifications", "listed")

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
        self._tables: dict[int, _Table] = {}

    def table(self, index: ExamIndex, day: date) -> _Table:
        """The people's table of the certifications the list holds on the day (``index``: the
        exam index keeping this listing, passed in rather than held: no reference cycle)."""
        between = bisect_right(self._changes, day)
        found = self._tables.get(between)
        if found is None:
            certs = []
            for entry in self.listed:
                cert = self.certifications.get(entry.certification)
                if cert is not None and entry.on(day) and cert.eligible_on(day):
                    certs.append(cert)
            found = self._tables[between] = index.table(tuple(dict.fromkeys(certs)))
        return found


class ExamIndex:
    """Each credential code's holders with the day each first passed it, and the people in
    the order they are listed: worked out once per facts (``exam_index``) and kept with
    them, as none of it depends on the day."""

    def __init__(self, exams: Iterable[ExamResult], people: Iterable[Person]) -> None:
        # The same few codes come back thousands of times: normalise each once.
        normal: dict[str, str] = {}
        first: dict[str, dict[str, date]] = defaultdict(dict)
        # Read by column (as loaded: no ExamResult object made for a result).
        columns = ExamRows.of(exams).columns
        for mcp_id, exam_code, passed_on in zip(
            columns.mcp_id, columns.exam_code, columns.passed_on, strict=True
        ):
            code = normal.get(exam_code)
            if code is None:
                code = normal[exam_code] = normalize_code(exam_code)
            passed = first[code]
            earlier = passed.get(mcp_id)
            if earlier is None or passed_on < earlier:
                passed[mcp_id] = passed_on
        self.first_passed: dict[str, dict[str, date]] = dict(first)
        """Normalised code -> MCP ID -> the first day that person passed it."""
        named = [(p.name.casefold(), p.mcp_id) for p in people]
        ids = [mcp_id for _, mcp_id in named]
        self.rank: dict[str, int] | None = None
        """Each MCP ID's place in the order people are listed in (name without case, then
        MCP ID); None when an MCP ID is given twice (its name may then depend on the day)."""
        if len(set(ids)) == len(ids):
            # In that order (Certified.holders reads its keys as the order people are listed).
            self.rank = {mcp_id: place for place, (_, mcp_id) in enumerate(sorted(named))}
        self._holders: dict[str, dict[str, Holder]] = {}
        self.day_holders: dict[
            tuple[int, int, date, date], tuple[tuple[Listed, ...], object, tuple[Holder, ...]]
        ] = {}
        """``Certified.holders`` by the list's and the catalogue's certifications' identity,
        the day and the first day people are counted from: the same on these facts' people
        and exams whatever the usage (an evaluation after a usage edit finds them here)."""
        self.always: dict[str, str] = {}
        """MCP ID -> name of the associated people with no leaving day (MCP IDs given once)."""
        self.leaving: list[tuple[str, str, date]] = []
        """MCP ID, name and leaving day of the associated people who leave (the same)."""
        if self.rank is not None:
            for person in people:
                if not person.associated:
                    continue
                if person.left_on is None:
                    self.always[person.mcp_id] = person.name
                else:
                    self.leaving.append((person.mcp_id, person.name, person.left_on))
        self._codes: dict[int, tuple[Certification, _Codes]] = {}
        # Each MCP ID of an associated person and the last day any of its records is there
        # (None: one never leaves), whatever the MCP IDs: who a count may count.
        present: dict[str, date | None] = {}
        for person in people:
            if person.associated:
                left = person.left_on
                if person.mcp_id not in present:
                    present[person.mcp_id] = left
                else:
                    earlier = present[person.mcp_id]
                    present[person.mcp_id] = (
                        None if earlier is None or left is None else max(earlier, left)
                    )
        self._present = present
        self._holding: dict[int, tuple[Certification, dict[str, date]]] = {}
        self._listings: dict[tuple[int, int], _Listing] = {}
        self._tables: dict[tuple[int, ...], tuple[tuple[Certification, ...], _Table]] = {}

    def codes(self, cert: Certification) -> _Codes:
        """A certification's own codes (id, name) and its exams' ways, normalised (once)."""
        found = self._codes.get(id(cert))
        if found is None or found[0] is not cert:
            names = tuple(dict.fromkeys((normalize_code(cert.id), normalize_code(cert.name))))
            ways = tuple(tuple(normalize_code(code) for code in way) for way in cert.exams)
            found = self._codes[id(cert)] = (cert, (names, ways))
        return found[1]

    def holding_days(self, cert: Certification) -> dict[str, date]:
        """Each MCP ID holding a certification, with the first day it does (its own record,
        or the last exam of a way to it passed), whoever the person: worked out once."""
        found = self._holding.get(id(cert))
        if found is not None and found[0] is cert:
            return found[1]
        names, ways = self.codes(cert)
        first = self.first_passed
        days: dict[str, date] = {}
        for name in names:
            for mcp_id, on in first.get(name, {}).items():
                earlier = days.get(mcp_id)
                if earlier is None or on < earlier:
                    days[mcp_id] = on
        for way in ways:
            passed = [first.get(code, {}) for code in way]
            if not passed or not all(passed):
                continue
            if len(passed) == 1:
                both: Iterable[tuple[str, date]] = passed[0].items()
            else:
                # The day the last exam of the way was passed (most ways are one or two).
                both = (
                    (mcp_id, max(p[mcp_id] for p in passed))
                    for mcp_id in set.intersection(*(set(p) for p in passed))
                )
            if not days:
                days.update(both)
                continue
            for mcp_id, on in both:
                earlier = days.get(mcp_id)
                if earlier is None or on < earlier:
                    days[mcp_id] = on
        self._holding[id(cert)] = (cert, days)
        return days

    def listing(
        self, listed: tuple[Listed, ...], certifications: dict[str, Certification]
    ) -> _Listing:
        """A metric's list of certifications with the days on which what it holds changes
        (kept per list and catalogue)."""
        key = (id(listed), id(certifications))
        found = self._listings.get(key)
        if (
            found is None
            or found.listed is not listed
            or found.certifications is not certifications
        ):
            found = self._listings[key] = _Listing(listed, certifications)
        return found

    def table(self, certs: tuple[Certification, ...]) -> _Table:
        """For people holding any of ``certs``: the first days of those who never leave
        (sorted), and the first day and leaving day of the others (by first day); kept."""
        key = tuple(map(id, certs))
        found = self._tables.get(key)
        if found is not None and all(a is b for a, b in zip(found[0], certs, strict=True)):
            return found[1]
        first: dict[str, date] = {}
        for cert in certs:
            days = self.holding_days(cert)
            if not first:
                first = dict(days)  # the first certification's holders at once (a copy)
                continue
            for mcp_id, on in days.items():
                earlier = first.get(mcp_id)
                if earlier is None or on < earlier:
                    first[mcp_id] = on
        present = self._present
        staying: list[date] = []
        leaving: list[tuple[date, date]] = []
        for mcp_id, on in first.items():
            if mcp_id not in present:
                continue
            left = present[mcp_id]
            if left is None:
                staying.append(on)
            else:
                leaving.append((on, left))
        staying.sort()
        leaving.sort()
        table = _Table(staying, [on for on, _ in leaving], [left for _, left in leaving])
        self._tables[key] = (certs, table)
        return table

    def holder(self, certification: str) -> dict[str, Holder]:
        """The people's ``Holder`` for a certification, by MCP ID, made once (only when every
        MCP ID is given once: a person's name is then the same on every day)."""
        found = self._holders.get(certification)
        if found is None:
            found = self._holders[certification] = {}
        return found


def exam_index(facts: Facts) -> ExamIndex:
    """The facts' exam results by code, worked out once and kept with the facts."""
    exams, people = facts.exams, facts.people
    return facts.kept.get(ExamIndex, (exams, people), lambda: ExamIndex(exams, people))


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
        index = exam_index(facts)
        if index.rank is not None:
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
        self._rank = index.rank
        self._certifications = certifications
        self.day = day
        self._holding: dict[str, set[str]] = {}
        self._listed: dict[tuple[Listed, ...], dict[str, str]] = {}
        self._holders: dict[tuple[Listed, ...], tuple[Holder, ...]] = {}
        self._counts: dict[int, tuple[tuple[Listed, ...], int]] = {}
        self._present = present

    def _certification_holders(self, certification: str) -> set[str]:
        """The MCP IDs of the people holding a certification on the day."""
        found = self._holding.get(certification)
        if found is None:
            cert = self._certifications.get(certification)
            found = set()
            if cert is not None and cert.eligible_on(self.day):
                # Those holding it by the day and counted on the day: one look at each holder
                # (a day or two per evaluation ask, fewer than sorting them by day costs).
                day, people = self.day, self._people
                found = {
                    mcp_id
                    for mcp_id, on in self._exams.holding_days(cert).items()
                    if on <= day and mcp_id in people
                }
            self._holding[certification] = found
        return found

    def _holding_any(self, listed: tuple[Listed, ...]) -> dict[str, str]:
        """Each person holding a certification listed on the day, with the first one listed."""
        found = self._listed.get(listed)
        if found is None:
            found = self._listed[listed] = {}
            # Last listed first, so that an earlier certification overwrites a later one.
            for entry in reversed(listed):
                if entry.on(self.day):
                    holding = self._certification_holders(entry.certification)
                    found.update(dict.fromkeys(holding, entry.certification))
        return found

    def count(self, listed: tuple[Listed, ...]) -> int:
        """How many distinct people hold a certification listed on the day."""
        found = self._counts.get(id(listed))
        if found is not None and found[0] is listed:
            return found[1]
        # Each person's first day holding one of them, counted against the day: the same
        # table serves every day on which the list holds the same certifications.
        table = self._exams.listing(listed, self._certifications).table(self._exams, self.day)
        counted = table.count(self.day, self._present)
        self._counts[id(listed)] = (listed, counted)
        return counted

    def holders(self, listed: tuple[Listed, ...]) -> tuple[Holder, ...]:
        """Distinct people holding any certification listed on the day (each once), by name."""
        found = self._holders.get(listed)
        if found is not None:
            return found
        # Kept with the exam index (the people and exams they come from), with the list and
        # the certifications alive while their ids are in the key (checked on reading).
        key = (id(listed), id(self._certifications), self.day, self._present)
        kept = self._exams.day_holders.get(key)
        if kept is not None and kept[0] is listed and kept[1] is self._certifications:
            found = self._holders[listed] = kept[2]
            return found
        people = self._people
        holding = self._holding_any(listed)
        if self._rank is None:
            ordered = sorted(holding, key=lambda mcp_id: (people[mcp_id].casefold(), mcp_id))
            found = tuple(Holder(people[m], m, holding[m]) for m in ordered)
        else:
            # Every MCP ID once: a person's Holder is the same on every day (made once per
            # facts, and only for the certification that counts: the first one listed).
            rank = self._rank
            # In the order people are listed: the rank's own order (its keys) read through
            # when most people hold one, else the holders sorted by rank (the same order).
            ordered = (
                [mcp_id for mcp_id in rank if mcp_id in holding]
                if 4 * len(holding) > len(rank)
                else sorted(holding, key=rank.__getitem__)
            )
            holder = self._exams.holder
            made_by: dict[str, dict[str, Holder]] = {}
            made: list[Holder] = []
            for mcp_id in ordered:
                certification = holding[mcp_id]
                made_before = made_by.get(certification)
                if made_before is None:
                    made_before = made_by[certification] = holder(certification)
                found_holder = made_before.get(mcp_id)
                if found_holder is None:
                    found_holder = Holder(people[mcp_id], mcp_id, certification)
                    made_before[mcp_id] = found_holder
                made.append(found_holder)
            found = tuple(made)
        self._holders[listed] = found
        if len(self._exams.day_holders) >= 256:
            self._exams.day_holders.clear()  # a bound on what moving through the days keeps
        self._exams.day_holders[key] = (listed, self._certifications, found)
        return found


def fraction_sum(values: Iterable[Fraction]) -> Fraction:
    """The exact sum of ``values`` (equal to ``sum(values, Fraction(0))``), added up as one
    numerator over one denominator: a single Fraction (and gcd) instead of one per term."""
    numerator, denominator = 0, 1
    for value in values:
        top, below = value.numerator, value.denominator
        if below == denominator:
            numerator += top
        else:
            numerator = numerator * below + top * denominator
            denominator *= below
    return Fraction(numerator, denominator)


def skilling_points(
    rule: Skilling,
    certified: Certified,
    max_points: Fraction,
    memo: dict[object, tuple[Skilling, Fraction, Fraction]],
) -> Fraction:
    """``count_skilling``'s points alone: the steps met, then the final list's people counted
    (only when every step is met); the same counts give the same points (``memo``)."""
    day = certified.day
    met = tuple(
        certified.count(step.certifications) >= step.minimum_on(day) for step in rule.prerequisites
    )
    final = certified.count(rule.certifications) if all(met) else -1
    # The catalogue's rule and maximum, alive while the memo is used (checked on reading).
    key = (id(rule), id(max_points), met, final)
    found = memo.get(key)
    if found is None or found[0] is not rule or found[1] is not max_points:
        points = sum(
            (s.points for s, m in zip(rule.prerequisites, met, strict=True) if m), Fraction()
        )
        if final >= 0:
            points += rule.points_per_person * final
        found = memo[key] = (rule, max_points, min(max_points, points))
    return found[2]


def count_skilling(rule: Skilling, certified: Certified, max_points: Fraction) -> SkillingCount:
    """The metric's points: prerequisite steps gate the final list (SMB steps give points)."""
    steps = []
    for step in rule.prerequisites:
        people = certified.count(step.certifications)
        minimum = step.minimum_on(certified.day)
        met = people >= minimum
        steps.append(StepCount(step, people, minimum, step.points if met else Fraction()))
    holders = certified.holders(rule.certifications)
    step_points = fraction_sum(s.points for s in steps)
    points = step_points
    if all(s.met for s in steps):
        points += rule.points_per_person * certified.count(rule.certifications)
    room = max_points - fraction_sum(s.points for s in rule.prerequisites)
    need = math.ceil(room / rule.points_per_person) if rule.points_per_person else 0
    return SkillingCount(holders, tuple(steps), min(max_points, points), need)
