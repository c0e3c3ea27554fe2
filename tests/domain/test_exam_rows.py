"""Exam results held by column (``ExamRows``) read and change as their tuple of ExamResult."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from domain_builders import facts

from mpn_desktop.domain.enums import CredentialKind
from mpn_desktop.domain.exam_rows import ExamColumns, ExamRows
from mpn_desktop.domain.facts import ExamResult
from mpn_desktop.domain.usage_rows import UsageRows

_RESULTS = (
    ExamResult("1000001", "70-533", date(2017, 5, 2)),
    ExamResult(
        "1000002", "MCSA-O365", date(2016, 1, 9), "Office 365", CredentialKind.CERTIFICATION
    ),
)


def _by_column() -> ExamRows:
    return ExamRows.from_columns(
        ExamColumns(
            *(tuple(getattr(row, name) for row in _RESULTS) for name in ExamColumns._fields)
        )
    )


def test_results_by_column_read_as_the_tuple_of_results() -> None:
    rows = _by_column()
    assert rows == _RESULTS and tuple(rows) == _RESULTS and hash(rows) == hash(_RESULTS)
    assert rows[1] == _RESULTS[1] and rows[:1] == _RESULTS[:1]
    assert rows.columns.kind == (CredentialKind.EXAM, CredentialKind.CERTIFICATION)
    assert rows != UsageRows(), "rows of another kind are never equal"


def test_facts_take_a_tuple_of_results_as_rows_by_column() -> None:
    made = facts(exams=_RESULTS)
    assert isinstance(made.exams, ExamRows) and made.exams[0] is _RESULTS[0]
    assert made == replace(made, exams=_by_column())


def test_an_edit_says_which_result_it_replaced() -> None:
    rows = _by_column()
    changed = replace(_RESULTS[0], passed_on=date(2017, 6, 1))
    edited = rows.edited([(0, changed, False)])
    assert edited == (changed, _RESULTS[1]) and edited.changed_since(rows) == [0]
