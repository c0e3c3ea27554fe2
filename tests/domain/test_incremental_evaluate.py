"""``Evaluator`` redoes only what changed, and always gives what ``evaluate`` gives.

The facts change as the store's one-row updates change them: the rows that
did not change stay the very same objects, one row is replaced, added or
taken out. After each change the evaluator's result must equal a fresh
``evaluate``; competencies nothing of which changed are handed on as they were.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Any

from domain_builders import AS_OF, CRM, PLATFORM, two_workloads
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_properties import CATALOG, organisations, rich_organisations

from mpn_desktop.domain.enums import ReferenceStatus
from mpn_desktop.domain.evaluate import Evaluator, evaluate
from mpn_desktop.domain.facts import Facts

_SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_FIELDS = ("usage", "references", "exams", "people", "subscriptions", "fee_payments")


@st.composite
def one_row_changes(draw: st.DrawFn, given: Facts) -> Facts:
    """``given`` with one row of one field replaced (figures or any field), added or removed."""
    field = draw(st.sampled_from([name for name in _FIELDS if getattr(given, name)] or ["usage"]))
    rows: list[Any] = list(getattr(given, field))
    action = draw(st.sampled_from(["figures", "remove", "copy"] if rows else ["copy"]))
    if not rows:
        return given
    at = draw(st.integers(0, len(rows) - 1))
    row = rows[at]
    if action == "remove":
        del rows[at]
    elif action == "copy":
        rows.insert(draw(st.integers(0, len(rows))), replace(row))
    elif field == "usage":
        rows[at] = replace(
            row,
            consumption_usd=Decimal(draw(st.integers(0, 90_000))),
            active_users=draw(st.integers(0, 900)),
        )
    elif field == "references":
        rows[at] = replace(row, status=draw(st.sampled_from(list(ReferenceStatus))))
    elif field == "exams" and draw(st.booleans()):
        rows[at] = replace(row, exam_code=draw(st.sampled_from(["70-533", "70-347", "MB2-712"])))
    elif field == "exams":  # another day: before or after the as-of day, or the same side
        rows[at] = replace(row, passed_on=draw(st.dates(date(2016, 1, 1), date(2018, 12, 31))))
    elif field == "people" and draw(st.booleans()):
        rows[at] = replace(row, associated=not row.associated)
    elif field == "people":
        left_on = draw(st.none() | st.dates(date(2017, 6, 1), date(2018, 9, 1)))
        rows[at] = replace(row, left_on=left_on)
    elif field == "subscriptions":
        rows[at] = replace(row, trial=not row.trial)
    else:
        rows[at] = replace(row, amount_usd=row.amount_usd + 1)
    return replace(given, **{field: tuple(rows)})


@_SETTINGS
@given(data=st.data(), start=st.one_of(organisations(), rich_organisations()))
def test_after_any_one_row_change_the_evaluator_gives_what_evaluate_gives(
    data: st.DataObject, start: Facts
) -> None:
    as_of = data.draw(st.dates(date(2018, 1, 1), date(2018, 6, 30)))
    evaluator = Evaluator()
    current = start
    assert evaluator.evaluate(CATALOG, current, as_of) == evaluate(CATALOG, current, as_of)
    for _ in range(4):
        current = data.draw(one_row_changes(current))
        assert evaluator.evaluate(CATALOG, current, as_of) == evaluate(CATALOG, current, as_of)


def test_a_reference_edit_re_evaluates_its_competency_alone() -> None:
    before = two_workloads()
    evaluator = Evaluator()
    first = evaluator.evaluate(CATALOG, before, AS_OF)
    declined = replace(before.references[0], status=ReferenceStatus.DECLINED)
    after = replace(before, references=(declined, *before.references[1:]))
    second = evaluator.evaluate(CATALOG, after, AS_OF)
    assert second == evaluate(CATALOG, after, AS_OF)
    assert second.competency(PLATFORM) != first.competency(PLATFORM)
    for item in second.competencies:
        if item.id != PLATFORM:
            assert item is first.competency(item.id), item.id


def test_a_usage_edit_re_evaluates_the_competencies_of_its_workload_alone() -> None:
    before = two_workloads()
    evaluator = Evaluator()
    first = evaluator.evaluate(CATALOG, before, AS_OF)
    at = next(index for index, row in enumerate(before.usage) if row.subscription == "azure-1")
    rows = list(before.usage)
    rows[at] = replace(rows[at], consumption_usd=Decimal(90_000))
    after = replace(before, usage=tuple(rows))
    second = evaluator.evaluate(CATALOG, after, AS_OF)
    assert second == evaluate(CATALOG, after, AS_OF)
    assert second.competency(PLATFORM) != first.competency(PLATFORM)
    assert second.competency(CRM) is first.competency(CRM)


def test_another_day_or_catalogue_starts_from_nothing() -> None:
    facts = two_workloads()
    evaluator = Evaluator()
    first = evaluator.evaluate(CATALOG, facts, AS_OF)
    later = evaluator.evaluate(CATALOG, facts, date(2018, 5, 2))
    assert later == evaluate(CATALOG, facts, date(2018, 5, 2))
    assert evaluator.evaluate(CATALOG, facts, AS_OF) == first


def test_an_exam_edit_re_evaluates_the_competencies_naming_its_credentials_alone() -> None:
    from domain_builders import exam, person

    people = [person(str(5000 + index)) for index in range(6)]
    before = replace(
        two_workloads(),
        people=tuple(people),
        exams=(
            *(exam(str(5000 + index), "70-533") for index in range(6)),
            exam("5000", "MB2-712"),
        ),
    )
    evaluator = Evaluator()
    first = evaluator.evaluate(CATALOG, before, AS_OF)
    exams = list(before.exams)
    exams[-1] = replace(exams[-1], exam_code="MB2-710")
    after = replace(before, exams=tuple(exams))
    second = evaluator.evaluate(CATALOG, after, AS_OF)
    assert second == evaluate(CATALOG, after, AS_OF)
    assert second.competency(PLATFORM) is first.competency(PLATFORM), "70-533 only"
    assert second.competency(CRM) != first.competency(CRM)


def test_a_person_edit_measures_no_usage_again(monkeypatch: Any) -> None:
    from domain_builders import exam, person

    from mpn_desktop.domain import evaluate as evaluate_module

    people = [person(str(5000 + index)) for index in range(3)]
    before = replace(
        two_workloads(),
        people=tuple(people),
        exams=(exam("5000", "70-533"), exam("5000", "MB2-712"), exam("5001", "MB2-712")),
    )
    evaluator = Evaluator()
    first = evaluator.evaluate(CATALOG, before, AS_OF)
    measured: list[object] = []
    measure = evaluate_module.measure_result
    monkeypatch.setattr(
        evaluate_module,
        "measure_result",
        lambda *args: measured.append(args[0]) or measure(*args),
    )
    left = replace(people[0], associated=False)
    after = replace(before, people=(left, *people[1:]))
    second = evaluator.evaluate(CATALOG, after, AS_OF)
    assert measured == []  # the usage is as it was: every figure of the run before stands
    assert second == evaluate(CATALOG, after, AS_OF)
    assert second.competency(PLATFORM) != first.competency(PLATFORM)  # evaluated again
    assert second.competency(CRM) != first.competency(CRM)


def test_an_exam_moved_to_another_day_counts_by_the_as_of_day() -> None:
    from domain_builders import exam, person

    before = replace(
        two_workloads(),
        people=(person("5000"), person("5001")),
        exams=(exam("5000", "70-533"), exam("5001", "MB2-712")),
    )
    evaluator = Evaluator()
    first = evaluator.evaluate(CATALOG, before, AS_OF)
    earlier = replace(before, exams=(exam("5000", "70-533", date(2017, 2, 1)), before.exams[1]))
    second = evaluator.evaluate(CATALOG, earlier, AS_OF)
    assert second == evaluate(CATALOG, earlier, AS_OF)
    for item in second.competencies:  # passed by the as-of day either way: nothing changed
        assert item is first.competency(item.id), item.id
    later = replace(before, exams=(exam("5000", "70-533", date(2018, 9, 1)), before.exams[1]))
    third = evaluator.evaluate(CATALOG, later, AS_OF)
    assert third == evaluate(CATALOG, later, AS_OF)
    assert third.competency(PLATFORM) != second.competency(PLATFORM)  # not passed yet


def test_a_usage_edit_looks_for_nobody_to_fill_a_role_again(monkeypatch: Any) -> None:
    from domain_builders import exam, person

    from mpn_desktop.domain import evaluate as evaluate_module

    before = replace(two_workloads(), people=(person("5000"),), exams=(exam("5000", "70-533"),))
    evaluator = Evaluator()
    first = evaluator.evaluate(CATALOG, before, AS_OF)
    asked: list[object] = []
    find = evaluate_module.role_candidates
    monkeypatch.setattr(
        evaluate_module, "role_candidates", lambda *args: asked.append(args[0]) or find(*args)
    )
    at = next(index for index, row in enumerate(before.usage) if row.subscription == "azure-1")
    rows = list(before.usage)
    rows[at] = replace(rows[at], consumption_usd=Decimal(90_000))
    after = replace(before, usage=tuple(rows))
    second = evaluator.evaluate(CATALOG, after, AS_OF)
    assert asked == []  # the people are as they were: so is who fits each role
    assert second.competency(PLATFORM) != first.competency(PLATFORM)  # evaluated again
    assert second == evaluate(CATALOG, after, AS_OF)


def test_a_reference_edited_in_place_is_found_under_its_competency() -> None:
    # As the store's one-row update makes it: a column no replacement changed stays the
    # very same tuple, so each competency's reference positions are kept only while the
    # competency column is; a reference moved to another competency is counted there.
    before = two_workloads()
    evaluator = Evaluator()
    evaluator.evaluate(CATALOG, before, AS_OF)
    first = before.references[0]
    declined = before.references.edited(
        [(0, replace(first, status=ReferenceStatus.DECLINED), False)]
    )
    assert declined.columns.competency is before.references.columns.competency
    after = replace(before, references=declined)
    assert evaluator.evaluate(CATALOG, after, AS_OF) == evaluate(CATALOG, after, AS_OF)
    moved = declined.edited([(1, replace(declined[1], competency=PLATFORM), False)])
    assert len(moved) == len(declined)
    assert moved.columns.competency is not declined.columns.competency
    later = replace(after, references=moved)
    assert evaluator.evaluate(CATALOG, later, AS_OF) == evaluate(CATALOG, later, AS_OF)
