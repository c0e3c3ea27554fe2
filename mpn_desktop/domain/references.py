"""Step 3, customer references: approved or auto-approved ones count for years after approval."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from decimal import Decimal

from mpn_desktop.domain.catalog import Competency, References
from mpn_desktop.domain.dates import add_years
from mpn_desktop.domain.enums import Level, ReferenceStatus, StepKind
from mpn_desktop.domain.facts import Reference
from mpn_desktop.domain.progress import AtRisk, Evidence, StepProgress
from mpn_desktop.domain.wording import plural, with_source

_WAITING = (ReferenceStatus.SUBMITTED, ReferenceStatus.CUSTOMER_APPROVED)


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


def references_step(
    competency: Competency,
    rule: References,
    valid: Sequence[Reference],
    waiting: int,
    level: Level,
) -> StepProgress:
    """Step 3 at one level."""
    need = rule.count[level]
    have = len(valid)
    missing: tuple[str, ...] = ()
    if have < need:
        short = need - have
        sentence = (
            f"{short} more approved customer {plural(short, 'reference', 'references')} "
            f"for {competency.name}"
        )
        if waiting:
            sentence += (
                f" ({waiting} {plural(waiting, 'is', 'are')} submitted and waiting for approval)"
            )
        missing = (sentence,)
    evidence = tuple(
        Evidence(
            subject=reference.customer,
            detail=f"{reference.status.value.replace('_', '-')} on "
            f"{reference.approved_on.isoformat() if reference.approved_on else '?'}",
            until=valid_until(reference, rule),
        )
        for reference in sorted(
            valid, key=lambda item: (item.customer, item.approved_on or date.min)
        )
    )
    return StepProgress(
        step=StepKind.REFERENCES,
        met=have >= need,
        have=Decimal(have),
        need=Decimal(need),
        unit="references",
        description=(
            f"{need} approved customer {plural(need, 'reference', 'references')}, "
            f"each valid {rule.valid_years} years from approval"
        ),
        evidence=evidence,
        missing=missing,
        notes=(with_source(rule.note, rule.source),) if rule.note else (),
    )


def waiting_count(references: Sequence[Reference]) -> int:
    """Submitted references not yet approved."""
    return sum(1 for reference in references if reference.status in _WAITING)


def reference_risks(valid: Sequence[Reference], rule: References, horizon: date) -> list[AtRisk]:
    """Counted references that expire before ``horizon`` (the next anniversary)."""
    risks = []
    for reference in valid:
        until = valid_until(reference, rule)
        if until is not None and until < horizon:
            approved = reference.approved_on.isoformat() if reference.approved_on else "?"
            risks.append(
                AtRisk(
                    until + timedelta(days=1),
                    f"the reference of {reference.customer} expires (approved {approved})",
                )
            )
    return risks
