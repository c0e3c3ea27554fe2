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
from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from mpn_desktop.domain.catalog import normalize_code
from mpn_desktop.domain.designations import Certification, Listed, Skilling, Step
from mpn_desktop.domain.facts import Facts


@dataclass(frozen=True, slots=True)
class Holder:
    """A person counted by a skilling metric, with the certification that counts."""

    name: str
    mcp_id: str
    certification: str


@dataclass(frozen=True, slots=True)
class StepCount:
    """A prerequisite step: who holds it, how many it needs, the points it gives when met."""

    step: Step
    holders: tuple[Holder, ...]
    minimum: int
    points: Fraction

    @property
    def met(self) -> bool:
        """Enough distinct people hold one of the step's certifications."""
        return len(self.holders) >= self.minimum


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


class Certified:
    """Who holds which certification on a day, worked out once per evaluation."""

    def __init__(self, facts: Facts, certifications: dict[str, Certification], day: date) -> None:
        people = {
            p.mcp_id: p.name
            for p in facts.people
            if p.associated and (p.left_on is None or p.left_on > day)
        }
        # The same few codes come back thousands of times: normalise each once.
        normal: dict[str, str] = {}
        by_code: dict[str, set[str]] = defaultdict(set)
        for exam in facts.exams:
            if exam.passed_on > day or exam.mcp_id not in people:
                continue
            code = normal.get(exam.exam_code)
            if code is None:
                code = normal[exam.exam_code] = normalize_code(exam.exam_code)
            by_code[code].add(exam.mcp_id)
        self.day = day
        self._holders: dict[str, tuple[Holder, ...]] = {}
        for cert in certifications.values():
            found: set[str] = set()
            if cert.eligible_on(day):
                found = _holders_of(cert, by_code)
            self._holders[cert.id] = tuple(
                Holder(people[mcp_id], mcp_id, cert.id) for mcp_id in sorted(found)
            )

    def holders(self, listed: tuple[Listed, ...]) -> tuple[Holder, ...]:
        """Distinct people holding any certification listed on the day (each once)."""
        seen: dict[str, Holder] = {}
        for entry in listed:
            if not entry.on(self.day):
                continue
            for holder in self._holders.get(entry.certification, ()):
                seen.setdefault(holder.mcp_id, holder)
        return tuple(sorted(seen.values(), key=lambda h: (h.name.casefold(), h.mcp_id)))


def _holders_of(cert: Certification, by_code: dict[str, set[str]]) -> set[str]:
    """People with a record of the certification itself, or every exam of one way to it."""
    found: set[str] = set()
    for name in {normalize_code(cert.id), normalize_code(cert.name)}:
        found |= by_code.get(name, set())
    for alternative in cert.exams:
        groups = [by_code.get(normalize_code(code)) for code in alternative]
        if all(groups):
            found |= set.intersection(*(g for g in groups if g is not None))
    return found


def count_skilling(rule: Skilling, certified: Certified, max_points: Fraction) -> SkillingCount:
    """The metric's points: prerequisite steps gate the final list (SMB steps give points)."""
    steps = []
    for step in rule.prerequisites:
        holders = certified.holders(step.certifications)
        minimum = step.minimum_on(certified.day)
        met = len(holders) >= minimum
        steps.append(StepCount(step, holders, minimum, step.points if met else Fraction()))
    holders = certified.holders(rule.certifications)
    step_points = sum((s.points for s in steps), Fraction())
    points = step_points
    if all(s.met for s in steps):
        points += rule.points_per_person * len(holders)
    room = max_points - sum((s.points for s in rule.prerequisites), Fraction())
    need = math.ceil(room / rule.points_per_person) if rule.points_per_person else 0
    return SkillingCount(holders, tuple(steps), min(max_points, points), need)
