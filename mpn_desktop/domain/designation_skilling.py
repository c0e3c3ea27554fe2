"""Skilling metrics of the Solutions Partner program: people holding certifications.

One person counts once per metric however many certifications they hold, and
once per step of a step-gated metric (SOLUTIONS-PARTNER.md § 1.7). A person
counts while associated with the organisation (the MCP ID / MCID link) and
not gone; a certification counts from the day its last exam was passed until
the catalogue's ``eligible_until`` when it was retired.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from mpn_desktop.domain.catalog import normalize_code
from mpn_desktop.domain.designations import Certification, Listed, Skilling, Step
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


class ExamIndex:
    """Each credential code's holders with the day each first passed it, and the people in
    the order they are listed: worked out once per facts (``exam_index``) and kept with
    them, as none of it depends on the day."""

    def __init__(self, exams: Iterable[ExamResult], people: Iterable[Person]) -> None:
        # The same few codes come back thousands of times: normalise each once.
        normal: dict[str, str] = {}
        first: dict[str, dict[str, date]] = defaultdict(dict)
        for exam in exams:
            code = normal.get(exam.exam_code)
            if code is None:
                code = normal[exam.exam_code] = normalize_code(exam.exam_code)
            passed = first[code]
            earlier = passed.get(exam.mcp_id)
            if earlier is None or exam.passed_on < earlier:
                passed[exam.mcp_id] = exam.passed_on
        self.first_passed: dict[str, dict[str, date]] = dict(first)
        """Normalised code -> MCP ID -> the first day that person passed it."""
        named = [(p.name.casefold(), p.mcp_id) for p in people]
        ids = [mcp_id for _, mcp_id in named]
        self.rank: dict[str, int] | None = None
        """Each MCP ID's place in the order people are listed in (name without case, then
        MCP ID); None when an MCP ID is given twice (its name may then depend on the day)."""
        if len(set(ids)) == len(ids):
            self.rank = {mcp_id: place for place, (_, mcp_id) in enumerate(sorted(named))}
        self._holders: dict[str, dict[str, Holder]] = {}

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

    def __init__(self, facts: Facts, certifications: dict[str, Certification], day: date) -> None:
        self._people = {
            p.mcp_id: p.name
            for p in facts.people
            if p.associated and (p.left_on is None or p.left_on > day)
        }
        index = exam_index(facts)
        self._exams = index
        self._index = index.first_passed
        self._rank = index.rank
        self._certifications = certifications
        self.day = day
        self._by_code: dict[str, set[str]] = {}
        self._holding: dict[str, dict[str, Holder]] = {}
        self._listed: dict[tuple[Listed, ...], dict[str, Holder]] = {}
        self._holders: dict[tuple[Listed, ...], tuple[Holder, ...]] = {}

    def _code_holders(self, code: str) -> set[str]:
        """People counted on the day with a record of the (normalised) code by the day."""
        found = self._by_code.get(code)
        if found is None:
            day, people = self.day, self._people
            found = self._by_code[code] = {
                mcp_id
                for mcp_id, passed_on in self._index.get(code, {}).items()
                if passed_on <= day and mcp_id in people
            }
        return found

    def _certification_holders(self, certification: str) -> dict[str, Holder]:
        """The people holding a certification on the day, by MCP ID."""
        found = self._holding.get(certification)
        if found is None:
            cert = self._certifications.get(certification)
            people: set[str] = set()
            if cert is not None and cert.eligible_on(self.day):
                people = _holders_of(cert, self._code_holders)
            # With every MCP ID given once a person's Holder is the same on every day:
            # made once per facts and reused.
            kept = self._exams.holder(certification) if self._rank is not None else {}
            names = self._people
            for mcp_id in people - kept.keys():
                kept[mcp_id] = Holder(names[mcp_id], mcp_id, certification)
            found = self._holding[certification] = {mcp_id: kept[mcp_id] for mcp_id in people}
        return found

    def _holding_any(self, listed: tuple[Listed, ...]) -> dict[str, Holder]:
        """Each person holding a certification listed on the day, with the first one listed."""
        found = self._listed.get(listed)
        if found is None:
            found = self._listed[listed] = {}
            # Last listed first, so that an earlier certification overwrites a later one.
            for entry in reversed(listed):
                if entry.on(self.day):
                    found.update(self._certification_holders(entry.certification))
        return found

    def count(self, listed: tuple[Listed, ...]) -> int:
        """How many distinct people hold a certification listed on the day."""
        return len(self._holding_any(listed))

    def holders(self, listed: tuple[Listed, ...]) -> tuple[Holder, ...]:
        """Distinct people holding any certification listed on the day (each once), by name."""
        found = self._holders.get(listed)
        if found is None:
            holding = self._holding_any(listed)
            if self._rank is None:
                people = self._people
                ordered = sorted(holding, key=lambda mcp_id: (people[mcp_id].casefold(), mcp_id))
            else:
                ordered = sorted(holding, key=self._rank.__getitem__)
            found = self._holders[listed] = tuple(map(holding.__getitem__, ordered))
        return found


def _holders_of(cert: Certification, by_code: Callable[[str], set[str]]) -> set[str]:
    """People with a record of the certification itself, or every exam of one way to it."""
    found: set[str] = set()
    for name in {normalize_code(cert.id), normalize_code(cert.name)}:
        found |= by_code(name)
    for alternative in cert.exams:
        groups = [by_code(normalize_code(code)) for code in alternative]
        if all(groups):
            found |= set.intersection(*groups)
    return found


def count_skilling(rule: Skilling, certified: Certified, max_points: Fraction) -> SkillingCount:
    """The metric's points: prerequisite steps gate the final list (SMB steps give points)."""
    steps = []
    for step in rule.prerequisites:
        people = certified.count(step.certifications)
        minimum = step.minimum_on(certified.day)
        met = people >= minimum
        steps.append(StepCount(step, people, minimum, step.points if met else Fraction()))
    holders = certified.holders(rule.certifications)
    step_points = sum((s.points for s in steps), Fraction())
    points = step_points
    if all(s.met for s in steps):
        points += rule.points_per_person * len(holders)
    room = max_points - sum((s.points for s in rule.prerequisites), Fraction())
    need = math.ceil(room / rule.points_per_person) if rule.points_per_person else 0
    return SkillingCount(holders, tuple(steps), min(max_points, points), need)
