"""Step 3, customer references: approved or auto-approved ones count for years after approval."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from functools import partial

from mpn_desktop.domain.catalog import Competency, References
from mpn_desktop.domain.dates import add_years
from mpn_desktop.domain.enums import Level, ReferenceStatus, StepKind
from mpn_desktop.domain.evidence import (
    Candidate,
    CandidateReason,
    Evidence,
    LazyEvidence,
    LazyTuple,
)
from mpn_desktop.domain.facts import Reference, Subscription
from mpn_desktop.domain.progress import AtRisk, StepProgress
from mpn_desktop.domain.reference_rows import EMPTY_REFERENCES, ReferenceColumns, ReferenceRows
from mpn_desktop.domain.vocabulary import _, ngettext
from mpn_desktop.domain.wording import day, with_source

_WAITING = (ReferenceStatus.SUBMITTED, ReferenceStatus.CUSTOMER_APPROVED)
_COUNTING = frozenset(status for status in ReferenceStatus if status.counts)
_DAY = timedelta(days=1)


def valid_until(reference: Reference, rule: References) -> date | None:
    """The last day an approved reference counts (the day before the anniversary of approval)."""
    if not reference.status.counts or reference.approved_on is None:
        return None
    return add_years(reference.approved_on, rule.valid_years) - timedelta(days=1)


def counted(references: Sequence[Reference], rule: References, as_of: date) -> list[Reference]:
    """The references that count on ``as_of``."""
    found = []
    for reference in references:
        until = valid_until(reference, rule)
        approved = reference.approved_on
        if until is not None and approved is not None and approved <= as_of <= until:
            found.append(reference)
    return found


@dataclass(frozen=True, slots=True)
class ReferenceSummary:
    """The references of one competency on the as-of day: the same for every level."""

    positions: tuple[int, ...]
    """The position in ``rows`` of each reference that counts."""
    last_days: tuple[date, ...]
    """The last valid day of each of them (two tuples, not a pair per reference kept with
    the result: fewer objects for the collector to count)."""
    waiting: int
    evidence: Sequence[Evidence]
    undated: int = 0
    """Approved (or auto-approved) but without the day of approval: they cannot count yet."""
    rows: ReferenceRows = EMPTY_REFERENCES
    """The references ``positions`` points into (read by column: no record made)."""

    @property
    def counted(self) -> tuple[tuple[int, date], ...]:
        """Each counted reference's position with its last valid day."""
        return tuple(zip(self.positions, self.last_days, strict=True))


def summarize(
    references: Sequence[Reference],
    rule: References,
    as_of: date,
    at: Iterable[int] | None = None,
) -> ReferenceSummary:
    """Which references count (their positions with their last valid day, in the order
    looked at) and how many wait; ``at``: the positions of the competency's references
    (all when None)."""
    rows = ReferenceRows.of(references)
    # Read by column (as loaded: no Reference made per row).
    columns = rows.columns
    statuses, approved_days = columns.status, columns.approved_on
    positions: list[int] = []
    last_days: list[date] = []
    years = rule.valid_years
    waiting = undated = 0
    for position in range(len(rows)) if at is None else at:
        status = statuses[position]
        if status in _WAITING:
            waiting += 1
        if status not in _COUNTING:
            continue
        approved = approved_days[position]
        if approved is None:
            undated += 1
            continue
        if approved > as_of:
            continue
        # add_years by hand (the summary runs per competency over every reference).
        try:
            ends = approved.replace(year=approved.year + years)
        except ValueError:  # approved on 29 February: valid through 27 February
            ends = date(approved.year + years, 2, 28)
        if as_of < ends:
            positions.append(position)
            last_days.append(ends - _DAY)

    # A partial of a module function, not a closure: one object kept with the summary
    # instead of a function and a cell per name it reads.
    counted_at, valid_through = tuple(positions), tuple(last_days)
    evidence = LazyEvidence(partial(_counted_evidence, columns, counted_at, valid_through))
    return ReferenceSummary(counted_at, valid_through, waiting, evidence, undated, rows)


def _counted_evidence(
    columns: ReferenceColumns, positions: tuple[int, ...], last_days: tuple[date, ...]
) -> list[Evidence]:
    """The evidence of the references that count (their positions in ``columns`` and last
    valid days), listed by customer; sorted only when someone reads the evidence."""
    counted = zip(positions, last_days, strict=True)
    customers, statuses, approved_days = columns.customer, columns.status, columns.approved_on
    return [
        Evidence(
            subject=customers[position],
            detail=_status_on(statuses[position], approved_days[position]),
            until=until,
            customer=customers[position],
            status=statuses[position],
            on=approved_days[position],
        )
        for position, until in sorted(counted, key=lambda pair: (customers[pair[0]], pair[1]))
    ]


_IN_THE_WORKS = frozenset((ReferenceStatus.DRAFT, ReferenceStatus.DECLINED, *_WAITING))
"""A customer with a reference in these states is not asked again (it is being asked,
or it said no)."""


def reference_candidates(
    competency: Competency,
    rule: References,
    references: Sequence[Reference],
    subscriptions: Sequence[Subscription],
    *,
    as_of: date,
    horizon: date,
    at: Iterable[int] | None = None,
) -> LazyTuple[Candidate]:
    """The customers to ask for a reference of ``competency``, best first, found when read.

    First those whose reference expired (the latest first), then those with a
    subscription the competency counts and no reference for it (by name), last
    those whose reference stops counting before ``horizon`` (the soonest first).
    A customer with a reference drafted, submitted, waiting or declined is left out.
    ``at``: the positions of the competency's references (all when None).
    """

    def build() -> list[Candidate]:
        # The records are made only when someone reads the candidates.
        given = ReferenceRows.of(references)
        looked_at = given if at is None else [given[position] for position in at]
        asked: set[str] = set()
        last_days: dict[str, list[date]] = {}
        for reference in looked_at:
            if reference.status in _IN_THE_WORKS or (
                reference.status.counts
                and (reference.approved_on is None or reference.approved_on > as_of)
            ):
                asked.add(reference.customer)
                continue
            until = valid_until(reference, rule)
            if until is not None:
                last_days.setdefault(reference.customer, []).append(until)
        expired: list[Candidate] = []
        expiring: list[Candidate] = []
        for customer, days in last_days.items():
            if customer in asked:
                continue
            last = max(days)
            if last < as_of:
                expired.append(Candidate(customer, CandidateReason.EXPIRED, last))
            elif last < horizon:
                expiring.append(Candidate(customer, CandidateReason.EXPIRING, last))
        known = asked | last_days.keys()
        fresh = sorted(
            _counted_customers(competency, subscriptions, as_of) - known, key=str.casefold
        )
        # The latest expired first (the freshest goodwill), the soonest to stop first.
        expired.sort(key=lambda candidate: (-_ordinal(candidate), candidate.customer))
        expiring.sort(key=lambda candidate: (_ordinal(candidate), candidate.customer))
        return [
            *expired,
            *(Candidate(customer, CandidateReason.NO_REFERENCE) for customer in fresh),
            *expiring,
        ]

    return LazyTuple(build)


def _ordinal(candidate: Candidate) -> int:
    return candidate.until.toordinal() if candidate.until is not None else 0


def _counted_customers(
    competency: Competency, subscriptions: Sequence[Subscription], as_of: date
) -> set[str]:
    """Customers with a subscription one of the competency's options counts, not over a year
    ended: a workload it measures, an association it accepts, no trial."""
    accepted = {
        (measure.workload, association)
        for option in competency.options
        for measure in option.performance.measures
        for association in option.performance.associations
    }
    year_ago = add_years(as_of, -1)
    return {
        subscription.customer
        for subscription in subscriptions
        if not subscription.trial
        and (subscription.workload, subscription.association) in accepted
        and subscription.associated_on <= as_of
        and (subscription.ended_on is None or subscription.ended_on >= year_ago)
    }


def references_step(
    competency: Competency,
    rule: References,
    summary: ReferenceSummary,
    level: Level,
    candidates: Sequence[Candidate] = (),
) -> StepProgress:
    """Step 3 at one level; ``candidates`` (who could give one) go with it while it is short."""
    need = rule.count[level]
    have = len(summary.positions)
    waiting = summary.waiting
    missing: tuple[str, ...] = ()
    if have < need:
        short = need - have
        sentence = ngettext(
            "{count} more approved customer reference for {competency}",
            "{count} more approved customer references for {competency}",
            short,
        ).format(count=short, competency=competency.name)
        asides = []
        if waiting:
            asides.append(
                ngettext(
                    "{count} is submitted and waiting for approval",
                    "{count} are submitted and waiting for approval",
                    waiting,
                ).format(count=waiting)
            )
        if summary.undated:
            undated = summary.undated
            asides.append(
                ngettext(
                    "{count} is marked approved without the day of approval: "
                    "enter it so that it counts",
                    "{count} are marked approved without the day of approval: "
                    "enter it so that they count",
                    undated,
                ).format(count=undated)
            )
        if asides:
            sentence += f" ({'; '.join(asides)})"
        missing = (sentence,)
    return StepProgress(
        step=StepKind.REFERENCES,
        met=have >= need,
        have=Decimal(have),
        need=Decimal(need),
        unit="references",
        description=ngettext(
            "{count} approved customer reference, each valid {years} years from approval",
            "{count} approved customer references, each valid {years} years from approval",
            need,
        ).format(count=need, years=rule.valid_years),
        evidence=summary.evidence,
        missing=missing,
        notes=(with_source(rule.note, rule.source),) if rule.note else (),
        candidates=candidates if have < need else (),
    )


def _status_on(status: ReferenceStatus, approved_on: date | None) -> str:
    """ "approved on 2017-06-01", "auto-approved on ?": the evidence line of a reference."""
    when = day(approved_on) if approved_on else "?"
    if status is ReferenceStatus.AUTO_APPROVED:
        return _("auto-approved on {day}").format(day=when)
    if status is ReferenceStatus.APPROVED:
        return _("approved on {day}").format(day=when)
    return f"{status.value.replace('_', '-')} on {when}"


def reference_risks(summary: ReferenceSummary, horizon: date) -> list[AtRisk]:
    """Counted references that expire before ``horizon`` (the next anniversary)."""
    risks = []
    columns = summary.rows.columns
    for position, until in summary.counted:
        if until < horizon:
            approved_on = columns.approved_on[position]
            approved = day(approved_on) if approved_on else "?"
            risks.append(
                AtRisk(
                    until + timedelta(days=1),
                    # Said against the last valid day the tables and checklist show,
                    # under the first day it no longer counts.
                    _(
                        "the reference of {customer} no longer counts "
                        "(valid until {until}, approved {approved})"
                    ).format(
                        customer=columns.customer[position], until=day(until), approved=approved
                    ),
                )
            )
    return risks
