"""The qualification window: the days on which a Solutions Partner qualification counts.

SOLUTIONS-PARTNER.md § 1.3: an area is qualified when its score reaches the
qualifying score with every metric above zero "on at least one day" of the
window. Which window depends on the day (the rule changed on 2023-09-19, as the
catalogue's ``qualification_windows`` say) and on whether the partner is
enrolled: a partner not enrolled looks back from the as-of day; an enrolled one
renews around its next anniversary and stays enrolled until then whatever its
score. This module works out the window and the days worth scoring in it; the
scoring itself is ``designation_score``'s.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum

from mpn_desktop.domain.dates import Month
from mpn_desktop.domain.designations import (
    Designation,
    ScoredCatalog,
    WindowKind,
    WindowRule,
    WindowSpan,
)
from mpn_desktop.domain.enums import Level
from mpn_desktop.domain.facts import Facts
from mpn_desktop.domain.fee import membership_year
from mpn_desktop.domain.vocabulary import _
from mpn_desktop.domain.wording import day

_DAY = timedelta(days=1)


class WindowStatus(Enum):
    """The statuses Partner Center shows (PCS23)."""

    IN_PROGRESS = "in-progress"
    """Not qualified on any day of the window so far."""
    QUALIFIED = "qualified"
    """Qualified on a day of the window: the designation can be bought."""
    ENROLLED = "enrolled"
    """Enrolled until the anniversary whatever the score; the renewal window is still to come."""
    RENEWAL_DUE = "renewal-due"
    """Enrolled and inside the renewal window, not (yet) qualified in it."""
    RENEWAL_QUALIFIED = "renewal-qualified"
    """Enrolled, inside the renewal window, and qualified on a day of it."""


@dataclass(slots=True, unsafe_hash=True)
class QualificationWindow:
    """The window of one designation on the as-of day, and whether a day of it qualified."""

    start: date
    end: date
    enrolled: bool
    rule: str
    """The catalogue's sentence for the rule in force."""
    status: WindowStatus
    qualified_on: date | None = None
    """The latest day of the window, up to the as-of day, on which the designation qualified."""
    anniversary: date | None = None
    """The anniversary the enrolled partner renews at."""

    @property
    def qualified(self) -> bool:
        """Qualified on at least one day of the window looked at."""
        return self.qualified_on is not None


def is_enrolled(facts: Facts, as_of: date, launch: date) -> tuple[bool, date | None]:
    """Whether the Solutions Partner fee is recorded for the membership year of the as-of
    day, and the next anniversary.

    The designations' fee is the legacy gold fee (FAQ22): a gold payment for a year
    that began once the designations opened (``launch``) enrols; a silver one kept
    the legacy benefits, and a year begun before the launch paid for the competencies.
    """
    year = membership_year(facts.organization.anniversary, as_of)
    if year is None:
        return False, None

    def paid(start: date) -> bool:
        return start >= launch and any(
            p.membership_year_start == start and p.level is Level.GOLD for p in facts.fee_payments
        )

    if paid(year.start):
        return True, year.next_start
    # Not renewed yet: the year before still renews until its anniversary month ends (ANN2309).
    before = membership_year(facts.organization.anniversary, year.start - _DAY)
    if before is not None and Month.of(as_of) == Month.of(year.start) and paid(before.start):
        return True, year.start
    return False, year.next_start


def window_days(span: WindowSpan, as_of: date, anniversary: date | None) -> tuple[date, date]:
    """The first and last day of a window kind on the as-of day."""
    if span.kind is WindowKind.MONTHS_BACK:
        return Month.of(as_of).plus(-span.count).first_day, as_of
    if span.kind is WindowKind.AS_OF_DAY or anniversary is None:
        return as_of, as_of
    if span.kind is WindowKind.DAYS_BEFORE_ANNIVERSARY:
        return anniversary - timedelta(days=span.count), anniversary
    month = Month.of(anniversary)
    return month.plus(-span.count).first_day, month.plus(1).first_day - _DAY


@dataclass(frozen=True, slots=True)
class WindowPlan:
    """A designation's window before scoring: its days, and the days worth scoring in it."""

    start: date
    end: date
    enrolled: bool
    rule: WindowRule | None
    anniversary: date | None
    as_of: date

    @property
    def looked_until(self) -> date:
        """The last day that can be scored: the future is not known."""
        return min(self.end, self.as_of)

    def result(self, as_of: date, qualified_on: date | None) -> QualificationWindow:
        """The window with what the scoring found."""
        if self.enrolled and as_of < self.start:
            status = WindowStatus.ENROLLED
        elif self.enrolled:
            status = WindowStatus.RENEWAL_QUALIFIED if qualified_on else WindowStatus.RENEWAL_DUE
        else:
            status = WindowStatus.QUALIFIED if qualified_on else WindowStatus.IN_PROGRESS
        return QualificationWindow(
            start=self.start,
            end=self.end,
            enrolled=self.enrolled,
            rule=self.rule.text if self.rule is not None else "",
            status=status,
            qualified_on=qualified_on,
            anniversary=self.anniversary if self.enrolled else None,
        )


def plan_window(catalog: ScoredCatalog, facts: Facts, as_of: date) -> WindowPlan:
    """The window in force on the as-of day (the days from the month five months back to the
    as-of day when the catalogue names no rule)."""
    rule = catalog.window_rule(as_of)
    if rule is None:
        start, end = Month.of(as_of).plus(-5).first_day, as_of
        return WindowPlan(start, end, False, None, None, as_of)
    launch = catalog.windows[0].effective_from
    enrolled, anniversary = is_enrolled(facts, as_of, launch)
    span = rule.enrolled if enrolled else rule.not_enrolled
    start, end = window_days(span, as_of, anniversary)
    if not enrolled:
        end = as_of
    return WindowPlan(start, end, enrolled, rule, anniversary, as_of)


def days_to_score(
    start: date, end: date, facts: Facts, catalog: ScoredCatalog, extra: Iterable[date] = ()
) -> list[date]:
    """The days of [start, end] on which a score can differ from the days around it, latest
    first (SOLUTIONS-PARTNER.md § 1.3, Q12).

    Customer figures change with the month ("last month" moves on the first) and
    within a month a score only rises with each certification passed, so each
    month's last day in the window; a person leaving or a certification, list
    entry or step minimum ending lowers a score the next day, so the day before
    each of those (the window's first day when it is one).
    """
    days: set[date] = set()
    month = Month.of(start)
    while month.first_day <= end:
        days.add(min(end, month.plus(1).first_day - _DAY))
        month = month.plus(1)
    for person in facts.people:
        if person.left_on is not None:
            days.add(person.left_on - _DAY)
    days |= catalogue_end_days(catalog)
    days.update(extra)
    return sorted((d for d in days if start <= d <= end), reverse=True)


def catalogue_end_days(catalog: ScoredCatalog) -> frozenset[date]:
    """The last days on which a certification, a list entry or a step's minimum holds."""
    days: set[date] = set()
    for cert in catalog.certifications.values():
        if cert.eligible_until is not None:
            days.add(cert.eligible_until)
    for designation in catalog.designations:
        days |= designation_end_days(catalog, designation, certifications=False)
    return frozenset(days)


def designation_end_days(
    catalog: ScoredCatalog, designation: Designation, *, certifications: bool = True
) -> frozenset[date]:
    """The last days on which a list entry or a step's minimum of the designation's skilling
    metrics holds, and (``certifications``) a certification they list: the days after which
    its skilling can fall, whatever else of the catalogue ends."""
    days: set[date] = set()
    for track in designation.tracks:
        for metric in track.metrics:
            rule = metric.skilling
            if rule is None:
                continue
            for step in rule.prerequisites:
                days.update(day - _DAY for day, _ in step.minimum_from)
            for listed in (entry for entries in rule.lists for entry in entries):
                if listed.listed_until is not None:
                    days.add(listed.listed_until)
                cert = catalog.certifications.get(listed.certification)
                if certifications and cert is not None and cert.eligible_until is not None:
                    days.add(cert.eligible_until)
    return frozenset(days)


def window_text(window: QualificationWindow) -> str:
    """The window in a sentence a person can act on: its days and what was found in them."""
    start, end = day(window.start), day(window.end)
    found = day(window.qualified_on) if window.qualified_on else ""
    if window.status is WindowStatus.ENROLLED:
        anniversary = day(window.anniversary) if window.anniversary else ""
        return _(
            "Enrolled until the anniversary on {anniversary} whatever the score; the renewal "
            "window runs from {start} to {end}."
        ).format(anniversary=anniversary, start=start, end=end)
    if window.status is WindowStatus.RENEWAL_QUALIFIED:
        return _(
            "Renewal: qualified on {day}, within the renewal window from {start} to {end}."
        ).format(day=found, start=start, end=end)
    if window.status is WindowStatus.RENEWAL_DUE:
        return _(
            "Renewal due: not qualified on any day of the renewal window from {start} to "
            "{end} so far."
        ).format(start=start, end=end)
    one_day = window.start == window.end  # before 2023-09-19: the as-of day alone
    if window.status is WindowStatus.QUALIFIED:
        if one_day:
            return _("Qualified on {day}: the designation can be bought.").format(day=found)
        return _(
            "Qualified on {day}, within the window from {start} to {end}: the designation "
            "can be bought."
        ).format(day=found, start=start, end=end)
    if one_day:
        return _(
            "A qualification counts only on the as-of day, {day}: not qualified on it."
        ).format(day=start)
    return _(
        "A qualification counts on any day from {start} to {end}; none of them qualified so far."
    ).format(start=start, end=end)
