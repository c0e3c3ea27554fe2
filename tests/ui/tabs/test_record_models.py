"""The record table model and its search proxy: item-model contract, sorting, searching, editing."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QPersistentModelIndex, Qt
from PySide6.QtTest import QAbstractItemModelTester

from mpn_desktop.domain.dates import Month
from mpn_desktop.domain.enums import Workload
from mpn_desktop.ui.models.fields import Field, FieldKind
from mpn_desktop.ui.models.record_filter import RecordFilterProxy
from mpn_desktop.ui.models.record_sorting import place_in_order, sorted_rows
from mpn_desktop.ui.models.record_table import (
    RECORD_ROLE,
    WARNING_BACKGROUND,
    RecordTableModel,
    RowStyle,
)
from mpn_desktop.ui.models.scoped_table import ScopedRecordTableModel

FIELDS = (
    Field("name", "Name", required=True),
    Field("workload", "Workload", FieldKind.ENUM, enum=Workload),
    Field("started_on", "Started", FieldKind.DATE),
    Field("amount", "Amount", FieldKind.MONEY),
    Field("trial", "Trial", FieldKind.BOOL),
)


def _rows() -> list[dict[str, Any]]:
    return [
        {
            "id": 1,
            "name": "Fabrikam",
            "workload": Workload.AZURE,
            "started_on": date(2017, 3, 1),
            "amount": Decimal("900"),
            "trial": False,
        },
        {
            "id": 2,
            "name": "adatum",
            "workload": Workload.EMS,
            "started_on": date(2016, 12, 31),
            "amount": Decimal("10000"),
            "trial": True,
        },
        {
            "id": 3,
            "name": "Contoso",
            "workload": Workload.OFFICE365,
            "started_on": None,
            "amount": Decimal("25.5"),
            "trial": False,
        },
    ]


class _Source:
    """Rows a test changes between reloads, and the edits the model handed on."""

    def __init__(self) -> None:
        self.rows = _rows()
        self.edits: list[tuple[int, str, object]] = []

    def load(self) -> list[dict[str, Any]]:
        return [dict(row) for row in self.rows]

    def edit(self, record: dict[str, Any], field: Field, value: object) -> None:
        self.edits.append((record["id"], field.key, value))


def _model(source: _Source) -> RecordTableModel:
    model = RecordTableModel(FIELDS, source.load, source.edit)
    model.reload()
    return model


def test_model_and_proxy_pass_the_item_model_tester() -> None:
    source = _Source()
    model = _model(source)
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    proxy = RecordFilterProxy()
    proxy.setSourceModel(model)
    QAbstractItemModelTester(proxy, QAbstractItemModelTester.FailureReportingMode.Fatal)
    proxy.sort(3, Qt.SortOrder.AscendingOrder)
    proxy.set_search_text("fab")
    source.rows.append(dict(source.rows[0], id=4, name="Northwind"))
    model.reload()
    source.rows[0]["name"] = "Fabrikam Ltd"
    model.reload()
    proxy.set_search_text("")
    assert proxy.rowCount() == 4


def test_cells_show_readable_text_and_typed_edit_values() -> None:
    model = _model(_Source())
    assert model.data(model.index(0, 1)) == "Azure"
    assert model.data(model.index(0, 3)) == "US$ 900.00"
    assert model.data(model.index(0, 3), Qt.ItemDataRole.EditRole) == Decimal("900")
    assert model.data(model.index(1, 4), Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert model.headerData(2, Qt.Orientation.Horizontal) == "Started"


@pytest.mark.parametrize(
    ("column", "expected"),
    [
        (0, ["adatum", "Contoso", "Fabrikam"]),  # text ignores case
        (2, ["Contoso", "adatum", "Fabrikam"]),  # dates as dates, missing first
        (3, ["Contoso", "Fabrikam", "adatum"]),  # amounts as numbers, not text
    ],
)
def test_sorting_uses_typed_values(column: int, expected: list[str]) -> None:
    proxy = RecordFilterProxy()
    proxy.setSourceModel(_model(_Source()))
    proxy.sort(column, Qt.SortOrder.AscendingOrder)
    assert [proxy.index(row, 0).data() for row in range(proxy.rowCount())] == expected


def test_search_keeps_rows_containing_every_word_in_any_column() -> None:
    proxy = RecordFilterProxy()
    proxy.setSourceModel(_model(_Source()))
    proxy.set_search_text("azure fab")
    assert [proxy.index(r, 0).data() for r in range(proxy.rowCount())] == ["Fabrikam"]
    proxy.set_search_text("OFFICE")
    assert [proxy.index(r, 0).data() for r in range(proxy.rowCount())] == ["Contoso"]
    proxy.set_search_text("nothing like this")
    assert proxy.rowCount() == 0


def test_fixed_filter_keeps_the_master_records_rows() -> None:
    proxy = RecordFilterProxy()
    proxy.setSourceModel(_model(_Source()))
    proxy.set_fixed_filter("workload", Workload.EMS)
    assert [proxy.index(r, 0).data() for r in range(proxy.rowCount())] == ["adatum"]
    proxy.set_fixed_filter(None)
    assert proxy.rowCount() == 3


def test_an_edit_is_handed_on_typed_and_an_unchanged_value_is_not() -> None:
    source = _Source()
    model = _model(source)
    assert model.setData(model.index(0, 3), "1,250.50")
    assert model.setData(
        model.index(1, 4), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole
    )
    assert model.setData(model.index(0, 0), "Fabrikam")
    assert source.edits == [(1, "amount", Decimal("1250.50")), (2, "trial", False)]


def test_invalid_text_is_refused_with_a_message(qtbot: Any) -> None:
    source = _Source()
    model = _model(source)
    with qtbot.waitSignal(model.problemFound) as blocker:
        assert not model.setData(model.index(0, 2), "2017-02-30")
    assert "Started" in blocker.args[0] and "not a date" in blocker.args[0]
    with qtbot.waitSignal(model.problemFound):
        assert not model.setData(model.index(0, 0), "   ")
    assert source.edits == []


def test_reload_keeps_rows_in_place_when_only_values_changed(qtbot: Any) -> None:
    source = _Source()
    model = _model(source)
    source.rows[1]["name"] = "Adatum Corp"
    with qtbot.assertNotEmitted(model.modelReset), qtbot.waitSignal(model.dataChanged):
        model.reload()
    assert model.data(model.index(1, 0)) == "Adatum Corp"
    del source.rows[0]
    with qtbot.waitSignal(model.modelReset):
        model.reload()
    assert model.rowCount() == 2


def test_refreshing_named_records_touches_only_their_rows_and_keeps_the_order(
    qtbot: Any,
) -> None:
    source = _Source()
    model = _model(source)
    proxy = RecordFilterProxy()
    proxy.setSourceModel(model)
    QAbstractItemModelTester(proxy, QAbstractItemModelTester.FailureReportingMode.Fatal)
    proxy.sort(3, Qt.SortOrder.AscendingOrder)  # by amount: Contoso, Fabrikam, adatum

    def names() -> list[str]:
        return [proxy.index(row, 0).data() for row in range(proxy.rowCount())]

    def fetch(record_id: int) -> dict[str, Any] | None:
        return next((dict(row) for row in source.rows if row["id"] == record_id), None)

    source.rows[0]["amount"] = Decimal("20000")  # Fabrikam now has the most
    with qtbot.assertNotEmitted(model.modelReset), qtbot.waitSignal(model.layoutChanged):
        model.refresh_records([1], fetch)
    assert names() == ["Contoso", "adatum", "Fabrikam"]
    source.rows[0]["name"] = "Fabrikam Ltd"  # the order holds: no re-sort
    with qtbot.assertNotEmitted(model.layoutChanged), qtbot.waitSignal(model.dataChanged):
        model.refresh_records([1], fetch)
    source.rows.append(dict(source.rows[2], id=4, name="Northwind", amount=Decimal("500")))
    with qtbot.assertNotEmitted(model.modelReset), qtbot.waitSignal(model.rowsInserted):
        model.refresh_records([4], fetch)
    assert names() == ["Contoso", "Northwind", "adatum", "Fabrikam Ltd"]
    del source.rows[1]
    with qtbot.assertNotEmitted(model.modelReset), qtbot.waitSignal(model.rowsRemoved):
        model.refresh_records([2], fetch)
    assert names() == ["Contoso", "Northwind", "Fabrikam Ltd"]


def test_a_choice_column_sorts_by_the_name_shown() -> None:
    names = {1: "Zeta", 2: "Alpha", 3: "Mu"}
    field = Field("owner", "Owner", FieldKind.CHOICE, choices=lambda: list(names.items()))
    rows = [{"id": i, "owner": i} for i in (1, 2, 3)]
    model = RecordTableModel((field,), lambda: [dict(r) for r in rows])
    model.reload()
    model.sort(0, Qt.SortOrder.AscendingOrder)
    assert [model.index(r, 0).data() for r in range(3)] == ["Alpha", "Mu", "Zeta"]


def test_a_choice_cell_takes_its_label_from_label_of_without_listing_the_choices() -> None:
    from mpn_desktop.ui.models.fields import format_value

    listed: list[int] = []

    def choices() -> list[tuple[object, str]]:
        listed.append(1)
        return [(1, "Fabrikam"), (2, "Northwind")]

    names: dict[object, str] = {1: "Fabrikam", 2: "Northwind"}
    field = Field("customer_id", "Customer", FieldKind.CHOICE, choices=choices, label_of=names.get)
    assert format_value(field, 2) == "Northwind"
    assert listed == []
    # A value label_of does not know still falls back to the choices.
    plain = Field("customer_id", "Customer", FieldKind.CHOICE, choices=choices)
    assert format_value(plain, 1) == "Fabrikam"
    assert listed == [1]


@given(
    amounts=st.lists(st.one_of(st.none(), st.integers(0, 6)), min_size=1, max_size=30),
    changed=st.integers(0, 29),
    value=st.one_of(st.none(), st.integers(-1, 7)),
    descending=st.booleans(),
)
def test_one_changed_row_goes_where_sorting_every_row_puts_it(
    amounts: list[int | None], changed: int, value: int | None, descending: bool
) -> None:
    field = Field("amount", "Amount", FieldKind.MONEY)
    rows = sorted_rows(
        [{"id": i, "amount": None if a is None else Decimal(a)} for i, a in enumerate(amounts)],
        field,
        descending,
    )
    row = changed % len(rows)
    rows[row] = {**rows[row], "amount": None if value is None else Decimal(value)}
    place = place_in_order(rows, row, field, descending)
    moved = [*rows[:row], *rows[row + 1 :]]
    moved.insert(place, rows[row])
    # The same rows in the same order as a stable sort of them all (equal amounts included).
    assert [r["id"] for r in moved] == [r["id"] for r in sorted_rows(rows, field, descending)]


class _CountingProxy(RecordFilterProxy):
    """Counts the rows the filter is asked about."""

    asked = 0

    def filterAcceptsRow(self, source_row: int, source_parent: Any) -> bool:
        self.asked += 1
        return super().filterAcceptsRow(source_row, source_parent)


def _status_field(statuses: dict[int, str]) -> Field:
    return Field("status", "Status", compute=lambda record: statuses[record["id"]])


def test_redrawn_colours_without_a_search_do_not_ask_the_filter_again() -> None:
    statuses = {1: "open", 2: "open", 3: "open"}
    model = RecordTableModel((*FIELDS, _status_field(statuses)), _Source().load)
    model.reload()
    proxy = _CountingProxy()
    proxy.setSourceModel(model)
    proxy.set_fixed_filter("workload", Workload.EMS)
    assert proxy.rowCount() == 1
    proxy.asked = 0
    model.refresh_decorations()
    assert proxy.asked == 0  # 36,000 months of usage were asked again after each change
    assert [proxy.index(r, 0).data() for r in range(proxy.rowCount())] == ["adatum"]


def test_a_search_follows_worked_out_cells_that_were_redrawn() -> None:
    statuses = {1: "open", 2: "open", 3: "open"}
    model = RecordTableModel((*FIELDS, _status_field(statuses)), _Source().load)
    model.reload()
    proxy = RecordFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_search_text("closed")
    assert proxy.rowCount() == 0
    statuses[3] = "closed"
    model.refresh_decorations()
    assert [proxy.index(r, 0).data() for r in range(proxy.rowCount())] == ["Contoso"]
    proxy.set_search_text("")
    statuses[3] = "open"
    model.refresh_decorations()
    assert proxy.rowCount() == 3


def test_a_record_moved_to_another_master_leaves_the_filtered_rows() -> None:
    source = _Source()
    model = _model(source)
    proxy = RecordFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_fixed_filter("workload", Workload.EMS)
    model.refresh_decorations()  # the filter follows edits after a redraw too
    moved = dict(source.rows[1], workload=Workload.AZURE)
    model.refresh_records([2], lambda _id: moved)
    assert proxy.rowCount() == 0
    proxy.set_fixed_filter("workload", Workload.AZURE)
    assert sorted(proxy.index(r, 0).data() for r in range(proxy.rowCount())) == [
        "Fabrikam",
        "adatum",
    ]


@pytest.mark.parametrize(("moved", "amount"), [(1, 95), (4, 5), (0, 45)])
def test_a_row_moved_into_order_keeps_every_row_and_selection_with_its_record(
    moved: int, amount: int
) -> None:
    source = _Source()
    source.rows = [{**_rows()[0], "id": i, "amount": Decimal(10 * i)} for i in range(8)]
    model = _model(source)
    model.sort(3, Qt.SortOrder.AscendingOrder)
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    held = [QPersistentModelIndex(model.index(row, 0)) for row in range(model.rowCount())]
    source.rows[moved]["amount"] = Decimal(amount)
    model.refresh_records([moved], lambda i: dict(source.rows[i]))
    shown = model.records()
    assert [row["amount"] for row in shown] == sorted(row["amount"] for row in shown)
    assert [index.data(RECORD_ROLE)["id"] for index in held] == list(range(8))
    assert [shown[model.row_of_id(i) or 0]["id"] for i in range(8)] == list(range(8))


def test_a_cell_asks_its_row_style_and_worked_out_value_only_for_roles_that_show_them() -> None:
    asked: list[str] = []

    def style(record: dict[str, Any]) -> RowStyle:
        asked.append("style")
        return RowStyle(background=WARNING_BACKGROUND, tooltip="Expired", italic=True)

    def status(record: dict[str, Any]) -> str:
        asked.append("value")
        return "open"

    model = RecordTableModel((*FIELDS, Field("status", "Status", compute=status)), _Source().load)
    model.reload()
    model.set_row_styler(style)
    cell = model.index(0, len(FIELDS))
    asked.clear()
    for role in (
        Qt.ItemDataRole.SizeHintRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.CheckStateRole,
        Qt.ItemDataRole.DecorationRole,  # only the first cell has the row's icon
    ):
        assert model.data(cell, role) is None
    assert asked == []  # the delegate asks these of every cell it paints or measures
    assert model.data(cell) == "open"
    assert model.data(cell, Qt.ItemDataRole.ToolTipRole) == "Expired"
    assert model.data(cell, Qt.ItemDataRole.FontRole).italic()
    assert model.data(cell, Qt.ItemDataRole.BackgroundRole).color() == WARNING_BACKGROUND
    assert asked == ["value", "style"]  # the row's style worked out once for its roles


def test_a_rows_style_is_worked_out_once_for_its_cells_and_again_when_redrawn() -> None:
    expired = {1}
    asked: list[int] = []

    def style(record: dict[str, Any]) -> RowStyle | None:
        asked.append(record["id"])
        return RowStyle(background=WARNING_BACKGROUND) if record["id"] in expired else None

    model = RecordTableModel(FIELDS, _Source().load)
    model.reload()
    model.set_row_styler(style)
    rows = {model.record_at(row)["id"]: row for row in range(3)}
    background = Qt.ItemDataRole.BackgroundRole

    def painted(record_id: int) -> list[object]:
        # A row painted: each of its cells asked the roles a style answers.
        cells = [model.index(rows[record_id], column) for column in range(len(FIELDS))]
        for cell in cells:
            cell.data(Qt.ItemDataRole.DecorationRole)
            cell.data(Qt.ItemDataRole.FontRole)
        return [cell.data(background) for cell in cells]

    asked.clear()
    assert all(brush.color() == WARNING_BACKGROUND for brush in painted(1))
    assert painted(2) == [None] * len(FIELDS)
    assert asked == [1, 2]
    expired.add(2)  # what the styles come from changed (new progress): the rows redrawn
    model.refresh_decorations()
    assert all(brush.color() == WARNING_BACKGROUND for brush in painted(2))
    assert asked == [1, 2, 2]
    model.set_row_styler(lambda _record: None)
    assert painted(2) == [None] * len(FIELDS)


class _ScopedSource(_Source):
    """``_Source`` read by scope, counting the reads of each scope."""

    def __init__(self) -> None:
        super().__init__()
        self.reads: list[tuple[str, object] | None] = []

    def load(self) -> list[dict[str, Any]]:
        self.reads.append(None)
        return super().load()

    def load_where(self, key: str, value: object) -> list[dict[str, Any]]:
        self.reads.append((key, value))
        return [dict(row) for row in self.rows if row.get(key) == value]


def _scoped() -> tuple[_ScopedSource, ScopedRecordTableModel, RecordFilterProxy]:
    source = _ScopedSource()
    model = ScopedRecordTableModel(FIELDS, source.load, source.load_where, source.edit)
    proxy = RecordFilterProxy()
    proxy.setSourceModel(model)
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    QAbstractItemModelTester(proxy, QAbstractItemModelTester.FailureReportingMode.Fatal)
    return source, model, proxy


def _names(proxy: RecordFilterProxy) -> list[str]:
    return [proxy.index(row, 0).data() for row in range(proxy.rowCount())]


def test_a_model_read_by_scope_holds_only_the_rows_its_filter_shows() -> None:
    source, model, proxy = _scoped()
    proxy.set_fixed_filter("workload", Workload.EMS)
    assert source.reads == []  # kept until the first read, which reads that scope only
    model.reload()
    assert source.reads == [("workload", Workload.EMS)]
    assert [record["id"] for record in model.records()] == [2]
    assert _names(proxy) == ["adatum"]
    proxy.sort(0, Qt.SortOrder.DescendingOrder)
    proxy.set_fixed_filter("workload", Workload.AZURE)
    assert [record["id"] for record in model.records()] == [1]
    proxy.set_fixed_filter(None)  # every record, in the order asked for
    assert source.reads[-1] is None
    assert _names(proxy) == ["Fabrikam", "Contoso", "adatum"]
    proxy.set_fixed_filter(None)
    assert len(source.reads) == 3  # the same scope is not read again
    model.reload()
    assert source.reads[-1] is None and model.rowCount() == 3


def test_rows_refreshed_in_a_scope_are_held_only_while_they_belong_to_it() -> None:
    source, model, proxy = _scoped()
    proxy.set_fixed_filter("workload", Workload.AZURE)
    model.reload()
    joining = dict(source.rows[1], workload=Workload.AZURE)
    other = dict(source.rows[0], id=4, name="Northwind", workload=Workload.EMS)
    found = {2: joining, 4: other}
    model.refresh_records([2, 4], found.get)
    assert sorted(record["id"] for record in model.records()) == [1, 2]  # not the EMS one
    leaving = dict(source.rows[0], workload=Workload.EMS)
    model.refresh_records([1], lambda _id: leaving)
    assert [record["id"] for record in model.records()] == [2]
    assert _names(proxy) == ["adatum"]


def test_rows_read_elsewhere_are_narrowed_to_the_scope() -> None:
    source, model, proxy = _scoped()
    proxy.set_fixed_filter("workload", Workload.OFFICE365)
    model.reload(source.load())
    assert [record["id"] for record in model.records()] == [3]
    assert not model.in_scope(source.rows[0]) and model.in_scope(source.rows[2])


def test_a_model_without_a_scoped_read_holds_every_record_whatever_the_filter() -> None:
    source = _Source()
    model = _model(source)
    proxy = RecordFilterProxy()
    proxy.setSourceModel(model)
    assert not model.reads_by_scope
    proxy.set_fixed_filter("workload", Workload.EMS)
    assert model.rowCount() == 3 and proxy.rowCount() == 1
    assert model.scope() is None


@given(
    owners=st.lists(st.one_of(st.none(), st.integers(0, 5)), max_size=40),
    descending=st.booleans(),
)
def test_a_choice_column_names_each_record_once_and_sorts_as_its_names(
    owners: list[int | None], descending: bool
) -> None:
    names = {0: "zeta", 1: "Alpha", 2: "alpha", 3: "Mu", 4: "Émile", 5: "Mu"}
    asked: list[object] = []

    def label_of(value: object) -> str | None:
        asked.append(value)
        return names.get(value) if isinstance(value, int) else None

    field = Field("owner", "Owner", FieldKind.CHOICE, choices=list, label_of=label_of)
    rows = [{"id": number, "owner": owner} for number, owner in enumerate(owners)]
    ordered = sorted_rows(rows, field, descending)
    # As sorting by the name shown (stable), each person named once for all their exams.
    expected = sorted(
        rows,
        key=lambda row: (0, "") if row["owner"] is None else (1, names[row["owner"]].casefold()),
        reverse=descending,
    )
    assert [row["id"] for row in ordered] == [row["id"] for row in expected]
    assert sorted(asked, key=str) == sorted({owner for owner in owners if owner is not None})


class _Later:
    """A ``load_later`` whose reads run when the test says (as a worker's would)."""

    def __init__(self) -> None:
        self.pending: list[tuple[Any, Any]] = []

    def __call__(self, read: Any, take: Any) -> None:
        self.pending.append((read, take))

    def finish(self, which: int = 0) -> None:
        read, take = self.pending.pop(which)
        take(read())


def test_every_record_is_read_later_and_held_once_read() -> None:
    source = _ScopedSource()
    later = _Later()
    model = ScopedRecordTableModel(
        FIELDS, source.load, source.load_where, source.edit, load_later=later
    )
    proxy = RecordFilterProxy()
    proxy.setSourceModel(model)
    QAbstractItemModelTester(proxy, QAbstractItemModelTester.FailureReportingMode.Fatal)
    readings: list[bool] = []
    model.readingChanged.connect(readings.append)
    proxy.set_fixed_filter("workload", Workload.EMS)
    model.reload()  # a scope's few rows: read at once
    assert not later.pending and model.rowCount() == 1
    proxy.sort(3, Qt.SortOrder.DescendingOrder)
    proxy.set_fixed_filter(None)
    assert model.reading and model.rowCount() == 0 and readings == [True]
    assert source.reads[-1] == ("workload", Workload.EMS)  # nothing read here yet
    later.finish()
    assert not model.reading and readings == [True, False]
    assert _names(proxy) == ["adatum", "Fabrikam", "Contoso"]  # by amount, descending


def test_a_read_later_overtaken_by_a_change_or_newer_rows_is_dropped() -> None:
    source = _ScopedSource()
    later = _Later()
    model = ScopedRecordTableModel(
        FIELDS, source.load, source.load_where, source.edit, load_later=later
    )
    model.reload()
    assert model.reading and len(later.pending) == 1
    source.rows.append(dict(source.rows[0], id=4, name="Northwind"))
    # A change named while the first read runs: it may have begun before the write.
    model.refresh_records([4], lambda _id: source.rows[-1])
    assert len(later.pending) == 2 and model.rowCount() == 0
    later.finish(1)
    assert model.rowCount() == 4 and not model.reading
    source.rows.pop()
    later.finish(0)  # the older read ends last: its rows (three now) are not taken
    assert model.rowCount() == 4
    model.reload()
    model.reload(source.load()[:2])  # rows handed in are newer than the read running
    assert not model.reading and model.rowCount() == 2
    later.finish()
    assert model.rowCount() == 2


def _arriving(
    monkeypatch: pytest.MonkeyPatch,
) -> tuple[_ScopedSource, ScopedRecordTableModel, _Later]:
    """A model reading every record later, its rows put in two per turn of the event loop."""
    from mpn_desktop.ui.models import scoped_table

    monkeypatch.setattr(scoped_table, "ROWS_PER_TURN", 2)
    source = _ScopedSource()
    source.rows.append(dict(source.rows[0], id=4, name="Northwind", amount=Decimal("1")))
    source.rows.append(dict(source.rows[0], id=5, name="Litware", amount=Decimal("2")))
    later = _Later()
    model = ScopedRecordTableModel(
        FIELDS, source.load, source.load_where, source.edit, load_later=later
    )
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    return source, model, later


def test_rows_read_later_are_put_in_a_part_per_turn(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    _source, model, later = _arriving(monkeypatch)
    proxy = RecordFilterProxy()
    proxy.setSourceModel(model)
    QAbstractItemModelTester(proxy, QAbstractItemModelTester.FailureReportingMode.Fatal)
    proxy.sort(3, Qt.SortOrder.AscendingOrder)
    readings: list[bool] = []
    model.readingChanged.connect(readings.append)
    model.reload()
    later.finish()
    assert model.rowCount() == 2 and model.reading  # the first part at once
    qtbot.waitUntil(lambda: not model.reading)
    assert readings == [True, False]
    assert [proxy.index(row, 3).data(Qt.ItemDataRole.EditRole) for row in range(5)] == [
        Decimal("1"),
        Decimal("2"),
        Decimal("25.5"),
        Decimal("900"),
        Decimal("10000"),
    ]


def test_what_needs_every_row_puts_the_arriving_ones_in_first(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    source, model, later = _arriving(monkeypatch)
    model.reload()
    later.finish()
    assert len(model.records()) == 5 and not model.reading  # every record, asked for
    model.reload()
    later.finish()
    assert model.row_of_id(2) is not None and model.rowCount() == 5
    model.reload()
    later.finish()
    model.sort(1, Qt.SortOrder.DescendingOrder)
    assert model.rowCount() == 5 and not model.reading
    model.reload()
    later.finish()
    moved = dict(source.rows[0], name="Fabrikam Ltd")
    model.refresh_records([1], lambda _id: moved)  # an edit: every row in, then the one
    assert model.rowCount() == 5 and model.index(model.row_of_id(1) or 0, 0).data() == (
        "Fabrikam Ltd"
    )


def test_rows_still_arriving_are_dropped_when_the_rows_are_read_again(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    source, model, later = _arriving(monkeypatch)
    model.reload()
    later.finish()
    assert model.rowCount() == 2
    model.reload(source.load()[:1])  # newer rows, handed in
    qtbot.wait(20)  # the turns the rest would have come in
    assert model.rowCount() == 1 and not model.reading


def test_each_column_says_how_its_cells_are_edited_also_after_it_is_named_anew() -> None:
    fields = (
        *FIELDS,
        Field("label", "Label", compute=lambda record: f"#{record['id']}"),
        Field("note", "Note", editable=False),
    )
    model = RecordTableModel(fields, _Source().load, lambda *_edit: None)
    model.reload()
    plain = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
    expected = [
        plain | Qt.ItemFlag.ItemIsEditable,  # name
        plain | Qt.ItemFlag.ItemIsEditable,  # workload
        plain | Qt.ItemFlag.ItemIsEditable,  # started
        plain | Qt.ItemFlag.ItemIsEditable,  # amount
        plain | Qt.ItemFlag.ItemIsUserCheckable,  # trial
        plain,  # worked out
        plain,  # not editable
    ]
    for _ in range(2):  # asked again: the same
        assert [model.flags(model.index(2, column)) for column in range(7)] == expected
    model.relabel("amount", "Fee")
    assert [model.flags(model.index(0, column)) for column in range(7)] == expected
    assert model.flags(model.index(9, 0)) == Qt.ItemFlag.NoItemFlags  # past the last row
    read_only = RecordTableModel(fields, _Source().load)
    read_only.reload()
    assert {read_only.flags(read_only.index(0, column)) for column in range(7)} == {plain}


def test_cells_answer_each_role_a_view_asks() -> None:
    model = _model(_Source())
    model.reload()
    row = next(row for row in range(3) if model.record_at(row)["id"] == 2)
    cells = [model.index(row, column) for column in range(5)]
    assert [cell.data() for cell in cells] == [
        "adatum",
        "EMS",
        "2016-12-31",
        "US$ 10,000.00",
        "",
    ]
    assert cells[4].data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert cells[0].data(Qt.ItemDataRole.CheckStateRole) is None
    right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    assert [cell.data(Qt.ItemDataRole.TextAlignmentRole) for cell in cells] == [
        None,
        None,
        None,
        right,
        None,
    ]
    assert cells[3].data(Qt.ItemDataRole.EditRole) == Decimal("10000")
    assert cells[0].data(Qt.ItemDataRole.ForegroundRole) is None


@given(
    values=st.lists(
        st.one_of(
            st.none(),
            st.sampled_from([Month(2025, 1), Month(2024, 12), Month(2025, 3)]),
        ),
        min_size=8,
        max_size=40,
    ),
    descending=st.booleans(),
)
def test_a_stored_column_works_out_each_values_key_once_and_sorts_as_by_every_rows_key(
    values: list[Month | None], descending: bool
) -> None:
    from mpn_desktop.ui.models import record_sorting

    field = Field("month", "Month", FieldKind.MONTH)
    rows = [{"id": number, "month": value} for number, value in enumerate(values)]
    keyed: list[object] = []
    sort_key = record_sorting.sort_key

    def counted(value: object) -> tuple[int, Any]:
        keyed.append(value)
        return sort_key(value)

    record_sorting.sort_key = counted
    try:
        ordered = sorted_rows(rows, field, descending)
    finally:
        record_sorting.sort_key = sort_key
    expected = sorted(rows, key=lambda row: sort_key(row["month"]), reverse=descending)
    assert [row["id"] for row in ordered] == [row["id"] for row in expected]
    # 75,282 months of usage name ~100 months: a key each, not one per row (the values
    # repeat: four at most among eight rows or more).
    assert sorted(keyed, key=str) == sorted(set(values), key=str)
