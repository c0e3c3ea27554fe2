"""People held by column: the index reads who counts from the columns, as from the records."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from domain_builders import AS_OF, exam, person, two_workloads
from domain_builders import facts as build_facts
from test_properties import CATALOG

from mpn_desktop.domain import skills
from mpn_desktop.domain.designation_skilling import ExamIndex
from mpn_desktop.domain.evaluate import Evaluator, evaluate
from mpn_desktop.domain.facts import Facts, PeopleRows, Person
from mpn_desktop.domain.skills import PeopleIndex

_PEOPLE = (
    person("5000"),
    person("5001", associated=False),
    person("5002", left_on=date(2018, 1, 31)),  # gone before the as-of day
    person("5003", left_on=date(2018, 6, 30)),  # still there on it
)
_EXAMS = tuple(exam(mcp_id, "70-533") for mcp_id in ("5000", "5001", "5002", "5003"))


def _by_column(people: tuple[Person, ...]) -> PeopleRows:
    """The rows as a loader hands them over: columns alone, no record made yet."""
    return PeopleRows.from_columns(PeopleRows.of(people).columns)


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    made: list[object] = []

    def record(*fields: Any) -> Person:
        made.append(fields)
        return Person(*fields)

    monkeypatch.setattr(PeopleRows, "record", staticmethod(record))
    return made


@pytest.mark.parametrize("people", [_PEOPLE, _PEOPLE[1:] + _PEOPLE[:1]])
def test_the_index_counts_the_same_people_from_the_columns_making_none(
    people: tuple[Person, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    as_records = PeopleIndex.of(CATALOG, Facts(_org(), people=people, exams=_EXAMS), AS_OF)
    made = _counting(monkeypatch)
    by_column = PeopleIndex.of(
        CATALOG, Facts(_org(), people=_by_column(people), exams=_EXAMS), AS_OF
    )
    assert made == []
    assert by_column.holders == as_records.holders == {"70-533": {"5000", "5003"}}
    assert list(by_column.people) == list(as_records.people)  # entry order
    assert by_column.people["5003"] == as_records.people["5003"] == _PEOPLE[3]
    assert len(made) == 1, "only the person read is made"
    assert "5009" not in by_column.people and by_column.people.get("5009") is None


def test_two_people_of_one_mcp_id_count_as_the_last_listed() -> None:
    first, last = person("5000", "First"), person("5000", "Last", associated=False)
    for people, counted in (((first, last), set()), ((last, first), {"5000"})):
        index = PeopleIndex.of(
            CATALOG, Facts(_org(), people=_by_column(people), exams=_EXAMS[:1]), AS_OF
        )
        assert index.holders == {"70-533": counted}
        assert index.people["5000"] == people[1]
        assert len(index.people) == 1


def test_a_person_edit_of_people_held_by_column_updates_the_index_in_place(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = replace(two_workloads(), people=_by_column(_PEOPLE), exams=_EXAMS)
    evaluator = Evaluator()
    evaluator.evaluate(CATALOG, before, AS_OF)
    built: list[object] = []
    of = PeopleIndex.of.__func__
    monkeypatch.setattr(
        skills.PeopleIndex,
        "of",
        classmethod(lambda cls, *args: built.append(args) or of(cls, *args)),
    )
    # As the store's one-row update changes them: the columns edited, no record kept.
    for at, changed in ((3, replace(_PEOPLE[3], associated=False)), (0, replace(_PEOPLE[0]))):
        after = replace(before, people=before.people.edited([(at, changed, False)]))
        result = evaluator.evaluate(CATALOG, after, AS_OF)
        assert built == [], "the index was updated, not built anew"
        assert result == evaluate(CATALOG, after, AS_OF)
        built.clear()
        before = after


def _org() -> Any:
    return build_facts().organization


@pytest.mark.parametrize(
    "people",
    [
        _PEOPLE,
        _PEOPLE[1:] + _PEOPLE[:1],
        # One MCP ID twice: who is there is worked out from every record of it.
        (*_PEOPLE, person("5002", "Again", left_on=date(2018, 3, 31))),
        (*_PEOPLE, person("5003", "Again")),
    ],
)
def test_the_exam_index_reads_who_is_there_from_the_columns_making_none(
    people: tuple[Person, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    as_records = ExamIndex(_EXAMS, people)
    made = _counting(monkeypatch)
    by_column = ExamIndex(_EXAMS, _by_column(people))
    assert made == []
    assert by_column.unique == as_records.unique == (len(people) == len(_PEOPLE))
    assert by_column.always == as_records.always
    assert by_column.leaving == as_records.leaving
    assert by_column._present_and_staying() == as_records._present_and_staying()
    assert by_column.ranked() == as_records.ranked()
    assert made == [], "ranking reads the columns too: no Person is made"


def test_what_an_index_worked_out_when_asked_is_no_part_of_its_value() -> None:
    """The people partway through a rule and those who passed but do not count are kept
    once asked: two indexes of the same people and results are equal either way."""
    rule = next(
        role.credentials
        for competency in CATALOG.cloud_competencies
        for option in competency.options
        for role in option.skills.roles
        if role.credentials.all_of
    )
    first = next(iter(rule.codes()))
    facts = Facts(_org(), people=_by_column(_PEOPLE), exams=(*_EXAMS, exam("5000", first)))
    asked = PeopleIndex.of(CATALOG, facts, AS_OF)
    assert asked.closest(rule).ranked == ["5000"]  # partway: one code of the rule
    assert asked.others["70-533"] == {"5001", "5002"}
    assert asked == PeopleIndex.of(CATALOG, facts, AS_OF)
