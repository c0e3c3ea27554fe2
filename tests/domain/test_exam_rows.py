"""Exam results held by column (``ExamRows``) read and change as their tuple of ExamResult."""

from __future__ import annotations

import pickle
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from domain_builders import facts

from mpn_desktop.domain.column_rows import ConvertedColumn
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


def _kinds_converted_later(calls: list[int]) -> ConvertedColumn:
    """The kinds of ``_RESULTS`` as a loader hands them over: stored values, converted when
    first read (each conversion of the column counted in ``calls``)."""

    def convert(values: Sequence[str]) -> list[CredentialKind]:
        calls.append(len(values))
        return [CredentialKind(value) for value in values]

    return ConvertedColumn(tuple(row.kind.value for row in _RESULTS), convert)


def _loaded(calls: list[int]) -> ExamRows:
    """``_RESULTS`` by column with the kind converted when first read."""
    columns = [[getattr(row, name) for row in _RESULTS] for name in ExamColumns._fields[:-1]]
    return ExamRows.from_sequences([*columns, _kinds_converted_later(calls)])


def test_a_column_converted_later_is_converted_once_when_first_read() -> None:
    calls: list[int] = []
    kinds = _kinds_converted_later(calls)
    assert len(kinds) == 2 and not kinds.converted and calls == []
    assert kinds[1] is CredentialKind.CERTIFICATION and kinds.converted and calls == [2]
    expected = (CredentialKind.EXAM, CredentialKind.CERTIFICATION)
    assert kinds == expected and expected == kinds and hash(kinds) == hash(expected)
    assert tuple(kinds) == expected and kinds[:1] == expected[:1] and CredentialKind.EXAM in kinds
    assert kinds != list(expected), "compares as a tuple does"
    assert pickle.loads(pickle.dumps(kinds)) == expected
    assert calls == [2], "converted once"


def test_results_with_the_kind_converted_later_read_only_the_columns_asked_for() -> None:
    calls: list[int] = []
    rows = _loaded(calls)
    # The people index reads these columns alone: the kind is not converted for it.
    assert rows.columns.exam_code == ("70-533", "MCSA-O365") and rows.columns.mcp_id[0] == "1000001"
    assert len(rows) == 2 and calls == []
    assert rows == _RESULTS and rows == _by_column() and hash(rows) == hash(_RESULTS)
    assert calls == [2]
    again = _loaded([])
    assert pickle.loads(pickle.dumps(again)) == _RESULTS and again.columns == _by_column().columns


def test_results_with_the_kind_converted_later_take_one_row_edits() -> None:
    rows = _loaded([])
    changed = replace(_RESULTS[1], kind=CredentialKind.EXAM)
    edited = rows.edited([(1, changed, False)])
    assert edited == (_RESULTS[0], changed) and edited.changed_since(rows) == [1]
    assert edited.columns.kind == (CredentialKind.EXAM, CredentialKind.EXAM)
    kept = _loaded([]).edited([(0, replace(_RESULTS[0], passed_on=date(2017, 6, 2)), False)])
    assert kept.columns.kind == (CredentialKind.EXAM, CredentialKind.CERTIFICATION)
    grown = _loaded([]).edited([(2, _RESULTS[0], True)])
    assert grown == (*_RESULTS, _RESULTS[0])
