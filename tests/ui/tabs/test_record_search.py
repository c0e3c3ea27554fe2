"""A tab's search worked out a column at a time (``record_search``): the rows it keeps are those
whose cells, as the table shows them, hold every word; and the proxy follows the rows' changes."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtTest import QAbstractItemModelTester

from mpn_desktop.domain.dates import Month
from mpn_desktop.domain.enums import Workload
from mpn_desktop.ui.models import record_search
from mpn_desktop.ui.models.fields import Field, FieldKind, cell_text
from mpn_desktop.ui.models.record_filter import RecordFilterProxy
from mpn_desktop.ui.models.record_search import records_showing, search_words
from mpn_desktop.ui.models.record_table import RecordTableModel

FIELDS = (
    Field("name", "Name"),
    Field("workload", "Workload", FieldKind.ENUM, enum=Workload),
    Field("day", "Day", FieldKind.DATE),
    Field("amount", "Amount", FieldKind.MONEY),
    Field("seats", "Seats", FieldKind.COUNT),
    Field("trial", "Trial", FieldKind.BOOL),
    Field("month", "Month", FieldKind.MONTH),
    # Values of several types, equal to one another but shown otherwise (1 and True, an
    # enumeration's member and its text; 1.5 and 1.50, 0 and -0): each searched as shown.
    Field("note", "Note"),
    Field("figure", "Figure"),
    Field("twice", "Twice", compute=lambda record: f"{record.get('name', '')}/2"),
)

_NOTES = st.sampled_from([None, 1, True, 0, False, "1", Workload.EMS, Workload.EMS.value])
_FIGURES = st.sampled_from(
    [None, 1, 1.0, -0.0, 0.0, Decimal("1.5"), Decimal("1.50"), Decimal("-0"), Decimal("0")]
)
_RECORDS = st.lists(
    st.fixed_dictionaries(
        {
            "name": st.text(alphabet="abcAßẞ1-. ", max_size=6),
            "workload": st.sampled_from([None, *Workload]),
            "day": st.none() | st.dates(date(2016, 1, 1), date(2026, 12, 31)),
            "amount": st.none()
            | st.decimals(-2000, 2000, places=2)
            | st.sampled_from(
                [Decimal("-0"), Decimal("0"), Decimal("1E+3"), Decimal("12.5"), Decimal("NaN")]
            ),
            "seats": st.none() | st.integers(-5, 2000),
            "trial": st.booleans(),
            "month": st.none() | st.builds(Month, st.integers(2017, 2026), st.integers(1, 12)),
            "note": _NOTES,
            "figure": _FIGURES,
        }
    ),
    max_size=12,
)


def _shown_text(model: RecordTableModel, row: int) -> str:
    """A row's text as the table shows it, asked through Qt cell by cell (and a day as ISO)."""
    shown = []
    for column in range(model.columnCount()):
        index = model.index(row, column)
        shown.append(str(model.data(index) or ""))
        value = model.data(index, Qt.ItemDataRole.EditRole)
        if isinstance(value, date):
            shown.append(value.isoformat())
    return " ".join(shown).casefold()


def _model(rows: list[dict[str, Any]]) -> RecordTableModel:
    model = RecordTableModel(FIELDS, lambda: [dict(row, id=at) for at, row in enumerate(rows)])
    model.reload()
    return model


@settings(max_examples=150, deadline=None)
@given(records=_RECORDS, data=st.data())
def test_a_search_keeps_the_rows_whose_shown_text_holds_every_word(
    records: list[dict[str, Any]], data: st.DataObject
) -> None:
    model = _model(records)
    texts = [_shown_text(model, row) for row in range(model.rowCount())]
    # Pieces of what the rows show (so that some are found), and a few made up.
    cut = st.tuples(st.sampled_from(texts), st.integers(0, 40), st.integers(1, 6))
    pieces = st.builds(lambda piece: piece[0][piece[1] : piece[1] + piece[2]], cut)
    made_up = st.text("aßS1.,$-0", min_size=1, max_size=3)
    typed = data.draw(st.lists(pieces | made_up if texts else made_up, max_size=3))
    words = search_words(" ".join(typed))
    expected = [all(word in text for word in words) for text in texts]
    assert records_showing(model.fields, model.records(), words) == expected
    proxy = RecordFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_search_text(" ".join(typed))
    kept = [proxy.mapToSource(proxy.index(row, 0)).row() for row in range(proxy.rowCount())]
    assert kept == [row for row, shows in enumerate(expected) if shows]


def test_equal_numbers_shown_otherwise_are_searched_as_shown() -> None:
    records = [
        {"amount": Decimal("0"), "figure": Decimal("1.5"), "note": 1},
        {"amount": Decimal("-0"), "figure": Decimal("1.50"), "note": True},
    ]
    model = _model(records)
    assert [_shown_text(model, row).split()[0:2] for row in (0, 1)] == [
        ["us$", "0.00"],
        ["us$", "-0.00"],
    ]
    for word, expected in (
        ("-0.00", [False, True]),
        ("1.50", [False, True]),
        ("true", [False, True]),
    ):
        assert records_showing(model.fields, model.records(), (word,)) == expected


def test_amounts_are_not_formatted_for_words_no_amount_can_hold(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    formatted: list[object] = []

    def counted(field: Field, value: object, figures: Any = None) -> str:
        if field.key == "amount":
            formatted.append(value)
        return cell_text(field, value, figures)

    monkeypatch.setattr(record_search, "cell_text", counted)
    records = [{"name": "Fabrikam", "amount": Decimal(at) / 8} for at in range(50)]
    model = _model(records)
    amounts = {record["amount"] for record in records}
    assert records_showing(model.fields, model.records(), ("fab",)) == [True] * 50
    # 75,282 months of usage, two amounts each, nearly all distinct.
    assert not amounts.intersection(formatted)
    assert records_showing(model.fields, model.records(), ("fab", "us$")) == [True] * 50
    assert amounts <= set(formatted)
    records.append({"name": "Northwind", "amount": Decimal("Infinity")})
    model = _model(records)
    assert records_showing(model.fields, model.records(), ("infinity",)) == [False] * 50 + [True]


class _CountingModel(RecordTableModel):
    """Counts the cells asked for their text."""

    asked = 0

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            self.asked += 1
        return super().data(index, role)


def _rows(count: int) -> list[dict[str, Any]]:
    return [
        {
            "id": at,
            "name": f"Customer {at:04d}",
            "workload": Workload.AZURE if at % 3 == 0 else Workload.EMS,
            "amount": Decimal(at) / 4,
            "month": Month(2020 + at % 5, 1 + at % 12),
        }
        for at in range(count)
    ]


def test_a_search_asks_no_cell_through_qt() -> None:
    rows = _rows(3000)  # several parts of rows searched together
    model = _CountingModel(FIELDS, lambda: [dict(row) for row in rows])
    model.reload()
    proxy = RecordFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_search_text("azure 2021")
    # 75,282 months of usage took 5 s, seven cells asked through Qt for each row.
    assert model.asked == 0
    expected = [
        row["id"] for row in rows if row["workload"] is Workload.AZURE and row["month"].year == 2021
    ]
    assert len(expected) > 100
    assert [proxy.index(row, 0).data() for row in range(proxy.rowCount())] == [
        f"Customer {at:04d}" for at in expected
    ]


def _names(proxy: RecordFilterProxy) -> list[str]:
    return [proxy.index(row, 0).data() for row in range(proxy.rowCount())]


def _searched(rows: list[dict[str, Any]], text: str) -> tuple[RecordTableModel, RecordFilterProxy]:
    source = rows
    model = RecordTableModel(FIELDS, lambda: [dict(row) for row in source])
    model.reload()
    proxy = RecordFilterProxy()
    proxy.setSourceModel(model)
    QAbstractItemModelTester(proxy, QAbstractItemModelTester.FailureReportingMode.Fatal)
    proxy.set_search_text(text)
    return model, proxy


def test_a_search_follows_rows_edited_added_and_removed() -> None:
    rows = _rows(4)
    model, proxy = _searched(rows, "azure")
    assert _names(proxy) == ["Customer 0000", "Customer 0003"]
    edited = {**rows[1], "workload": Workload.AZURE}
    model.refresh_records([1], lambda _id: edited)
    assert _names(proxy) == ["Customer 0000", "Customer 0001", "Customer 0003"]
    left = {**rows[0], "workload": Workload.EMS}
    model.refresh_records([0], lambda _id: left)
    assert _names(proxy) == ["Customer 0001", "Customer 0003"]
    added = {**rows[0], "id": 9, "name": "Northwind", "workload": Workload.AZURE}
    model.refresh_records([9], {9: added}.get)
    assert _names(proxy) == ["Customer 0001", "Customer 0003", "Northwind"]
    model.refresh_records([3], lambda _id: None)
    assert _names(proxy) == ["Customer 0001", "Northwind"]


def test_a_search_follows_rows_ordered_again_and_read_again() -> None:
    rows = _rows(5)
    model, proxy = _searched(rows, "azure")
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert _names(proxy) == ["Customer 0003", "Customer 0000"]
    rows[2]["workload"] = Workload.AZURE
    rows.append({**rows[0], "id": 7, "name": "Adatum"})
    model.reload()
    assert _names(proxy) == ["Customer 0003", "Customer 0002", "Customer 0000", "Adatum"]
    proxy.set_fixed_filter("month", rows[3]["month"])  # with a master's filter too
    assert _names(proxy) == ["Customer 0003"]
