"""References held by column: the evaluation reads their columns, and keeps a competency's
result while its references are the same rows."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from domain_builders import AS_OF, CRM, PLATFORM, reference, subscription, usage
from domain_builders import facts as build_facts
from test_properties import CATALOG

from mpn_desktop.domain.enums import Level, ReferenceStatus, Workload
from mpn_desktop.domain.evaluate import Evaluator, evaluate
from mpn_desktop.domain.facts import Facts, Reference, ReferenceRows
from mpn_desktop.domain.progress import Progress

_MONTHS = [f"2017-{month:02d}" for month in range(3, 13)] + ["2018-01", "2018-02"]

_REFERENCES = (
    reference(PLATFORM, "Fabrikam"),
    reference(PLATFORM, "Contoso", approved_on=date(2016, 4, 1)),  # counts until 2018-03-31
    reference(PLATFORM, "Northwind", approved_on=date(2015, 1, 1)),  # expired
    reference(PLATFORM, "Tailspin", status=ReferenceStatus.SUBMITTED, approved_on=None),
    reference(PLATFORM, "Litware", approved_on=None),  # approved, no day: cannot count
    reference(CRM, "Adatum", status=ReferenceStatus.AUTO_APPROVED),
    reference(CRM, "Woodgrove", approved_on=date(2018, 5, 1)),  # approved after the as-of day
)


def _organisation(references: tuple[Reference, ...] = _REFERENCES) -> Facts:
    subscriptions = [
        subscription("azure-1", workload=Workload.AZURE),
        subscription("crm-1", workload=Workload.DYNAMICS_CRM),
    ]
    rows = [usage("azure-1", month, consumption=1500) for month in _MONTHS]
    rows += [usage("crm-1", month, revenue=700, users=25) for month in _MONTHS]
    return build_facts(
        targets=[(PLATFORM, Level.GOLD), (CRM, Level.SILVER)],
        subscriptions=subscriptions,
        usage_rows=rows,
        refs=list(references),
    )


def _by_column(given: Facts) -> Facts:
    """``given`` with its references as a loader hands them over: columns, no record."""
    columns = ReferenceRows.of(tuple(given.references)).columns
    return replace(given, references=ReferenceRows.from_columns(columns))


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    made: list[object] = []

    def record(*fields: Any) -> Reference:
        made.append(fields)
        return Reference(*fields)

    monkeypatch.setattr(ReferenceRows, "record", staticmethod(record))
    return made


def _words(progress: Progress) -> list[tuple[object, ...]]:
    return [
        (item.subject, item.detail, item.until, item.customer, item.status, item.on)
        for competency in progress.competencies
        for level in competency.levels
        for option in level.options
        for step in option.steps
        for item in step.evidence
    ] + [
        (competency.id, risk.on, risk.what)
        for competency in progress.competencies
        for risk in competency.at_risk
    ]


def test_the_evaluation_reads_the_references_by_column_as_by_record(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    as_records = _organisation()
    expected = evaluate(CATALOG, as_records, AS_OF)
    made = _counting(monkeypatch)
    found = evaluate(CATALOG, _by_column(as_records), AS_OF)
    assert made == [], "counted, waiting and at risk worked out from the columns"
    # The evidence and the risks name customers, read from the columns as before.
    words = _words(found)
    assert made == [], "the evidence reads the columns too"
    assert words == _words(expected)
    assert any(subject == "Contoso" for subject, *_rest in words)
    # Who to ask for a reference is worked out from records, when first read.
    assert found == expected


def test_a_reference_edit_re_evaluates_only_its_competency() -> None:
    before = _by_column(_organisation())
    for changes, touched in (
        # One CRM reference edited in place: the other competencies' results are kept.
        ([(6, replace(_REFERENCES[6], approved_on=date(2017, 5, 1)), False)], {CRM}),
        # A Platform reference added in front of every other (positions move): CRM's kept.
        ([(0, reference(PLATFORM, "Proseware"), True)], {PLATFORM}),
        # A CRM reference taken out.
        ([(5, None, False)], {CRM}),
        # A reference moved from one competency to the other: neither kept.
        ([(0, replace(_REFERENCES[0], competency=CRM), False)], {PLATFORM, CRM}),
    ):
        evaluator = Evaluator()
        first = evaluator.evaluate(CATALOG, before, AS_OF)
        after = replace(before, references=before.references.edited(changes))
        again = evaluator.evaluate(CATALOG, after, AS_OF)
        assert again == evaluate(CATALOG, replace(after, references=tuple(after.references)), AS_OF)
        old = {item.id: item for item in first.competencies}
        for item in again.competencies:
            assert (item is old[item.id]) == (item.id not in touched), (changes, item.id)
