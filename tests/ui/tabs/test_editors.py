"""Validating editors: typed parsing, forms that keep valid fields, delegates that refuse."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QLabel,
    QPushButton,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QWidget,
)

from mpn_desktop.domain.dates import Month
from mpn_desktop.domain.enums import Level, ReferenceStatus
from mpn_desktop.ui.editors.field_delegate import FieldDelegate
from mpn_desktop.ui.editors.field_editors import ChoiceComboBox, ValidatingLineEdit
from mpn_desktop.ui.editors.record_form import RecordForm
from mpn_desktop.ui.models.fields import Field, FieldKind, parse_text
from mpn_desktop.ui.models.record_table import RecordTableModel

MCP = Field("mcp_id", "MCP ID", FieldKind.MCP_ID, required=True)
EMAIL = Field("email", "E-mail", FieldKind.EMAIL)
PASSED = Field("passed_on", "Passed on", FieldKind.DATE, required=True)
AMOUNT = Field("amount_usd", "Amount", FieldKind.MONEY)


@pytest.mark.parametrize(
    ("field", "text", "value"),
    [
        (MCP, " 1234567 ", "1234567"),
        (EMAIL, "", ""),
        (EMAIL, "ana@contoso.example", "ana@contoso.example"),
        (PASSED, "2017-11-02", date(2017, 11, 2)),
        (AMOUNT, "US$ 1,250.5", Decimal("1250.5")),
        (Field("m", "Month", FieldKind.MONTH), "2017-12", Month(2017, 12)),
        (Field("n", "Users", FieldKind.COUNT), "4,000", 4000),
        (
            Field("s", "Status", FieldKind.ENUM, enum=ReferenceStatus),
            "customer_approved",
            ReferenceStatus.CUSTOMER_APPROVED,
        ),
        (Field("c", "Code", FieldKind.CREDENTIAL), "mb2-714", "MB2-714"),
    ],
)
def test_acceptable_text_becomes_a_typed_value(field: Field, text: str, value: object) -> None:
    assert parse_text(field, text) == value


@pytest.mark.parametrize(
    ("field", "text", "words"),
    [
        (MCP, "12ab", "not an MCP ID"),
        (MCP, "", "required"),
        (EMAIL, "ana at contoso", "not an e-mail"),
        (PASSED, "2017-13-45", "not a date"),
        (AMOUNT, "-5", "zero or more"),
        (AMOUNT, "12.345", "two decimals"),
        (AMOUNT, "lots", "not an amount"),
        (Field("m", "Month", FieldKind.MONTH), "2017-13", "not a month"),
        (Field("n", "Users", FieldKind.COUNT), "1.5", "whole number"),
    ],
)
def test_unacceptable_text_says_what_is_wrong(field: Field, text: str, words: str) -> None:
    with pytest.raises(ValueError, match=words) as caught:
        parse_text(field, text)
    assert field.label in str(caught.value)


def test_line_editor_flags_a_problem_while_typing(qtbot: Any) -> None:
    editor = ValidatingLineEdit(MCP)
    qtbot.addWidget(editor)
    qtbot.keyClicks(editor, "12a")
    assert editor.problem() is not None and "not an MCP ID" in editor.problem()  # type: ignore[operator]
    assert "not an MCP ID" in editor.toolTip()
    editor.clear()
    qtbot.keyClicks(editor, "1234567")
    assert editor.problem() is None
    assert editor.value() == "1234567"


def test_form_keeps_valid_fields_and_names_the_wrong_one(qtbot: Any) -> None:
    fields = (Field("name", "Name", required=True), MCP, EMAIL, PASSED)
    form = RecordForm("Add person", fields)
    qtbot.addWidget(form)
    form.show()
    qtbot.keyClicks(form.editor("name"), "Ana Ruiz")
    qtbot.keyClicks(form.editor("mcp_id"), "12-34")
    qtbot.keyClicks(form.editor("email"), "ana@contoso.example")
    assert "not an MCP ID" in form.message("mcp_id")
    assert form.message("email") == ""
    form.accept()
    assert form.result() == 0 and form.isVisible()
    assert "required" in form.message("passed_on")  # shown once OK was pressed
    form.editor("mcp_id").clear()
    qtbot.keyClicks(form.editor("mcp_id"), "1234567")
    qtbot.keyClicks(form.editor("passed_on"), "2017-11-02")
    assert form.editor("name").text() == "Ana Ruiz"  # type: ignore[union-attr]
    form.accept()
    assert form.result() == 1
    assert form.values() == {
        "name": "Ana Ruiz",
        "mcp_id": "1234567",
        "email": "ana@contoso.example",
        "passed_on": date(2017, 11, 2),
    }


def test_a_form_shows_a_long_value_from_its_start(qtbot: Any) -> None:
    title = "Implementing Microsoft Azure Infrastructure Solutions"
    form = RecordForm("Change exam", (Field("exam_title", "Title"),), {"exam_title": title})
    qtbot.addWidget(form)
    form.show()
    editor = form.editor("exam_title")
    assert isinstance(editor, ValidatingLineEdit)
    # The cursor at the end scrolled the first letters out of sight in a narrow form.
    assert editor.cursorPosition() == 0
    assert editor.text() == title


def test_combo_offers_only_allowed_values() -> None:
    field = Field("status", "Status", FieldKind.ENUM, enum=ReferenceStatus, required=True)
    combo = ChoiceComboBox(field)
    assert combo.count() == len(ReferenceStatus)
    combo.set_value(ReferenceStatus.SUBMITTED)
    assert combo.value() is ReferenceStatus.SUBMITTED
    assert combo.currentText() == "Submitted"


def test_delegate_refuses_a_bad_cell_and_leaves_the_model_alone(qtbot: Any) -> None:
    edits: list[object] = []
    rows = [{"id": 1, "passed_on": date(2017, 11, 2)}]
    model = RecordTableModel((PASSED,), lambda: list(rows), lambda _r, _f, v: edits.append(v))
    model.reload()
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    delegate = FieldDelegate(lambda index: model.field_at(index.column()), parent=view)
    view.setItemDelegate(delegate)
    index = model.index(0, 0)
    parent = QWidget()
    qtbot.addWidget(parent)
    editor = delegate.createEditor(parent, QStyleOptionViewItem(), index)
    delegate.setEditorData(editor, index)
    assert isinstance(editor, ValidatingLineEdit) and editor.text() == "2017-11-02"
    editor.setText("2017-02-30")
    with qtbot.waitSignal(delegate.problemFound) as blocker:
        delegate.setModelData(editor, model, index)
    assert "not a date" in blocker.args[0]
    assert edits == []
    editor.setText("2017-12-01")
    delegate.setModelData(editor, model, index)
    assert edits == [date(2017, 12, 1)]
    assert model.data(index, Qt.ItemDataRole.EditRole) == date(2017, 11, 2)  # until the store says


def test_a_warning_sign_shows_only_beside_a_wrong_field(qtbot: Any) -> None:
    form = RecordForm("Add", (MCP, EMAIL, PASSED), {"mcp_id": "1234567"})
    qtbot.addWidget(form)
    form.show()

    def sign_shown(key: str) -> bool:
        # The icon is drawn by a button the line edit makes for its action.
        buttons = form.editor(key).findChildren(QToolButton)
        return any(
            button.isVisible()
            and (
                button.defaultAction() is None
                or button.defaultAction().objectName() != "calendarAction"
            )
            for button in buttons
        )

    assert not any(sign_shown(key) for key in ("mcp_id", "email", "passed_on"))
    form.editor("passed_on").setText("2018-02-31")  # type: ignore[union-attr]
    assert sign_shown("passed_on") and not sign_shown("email")


def test_a_form_grows_to_show_a_message_that_appears(qtbot: Any) -> None:
    form = RecordForm("Add", (MCP, EMAIL, PASSED))
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    before = form.height()
    form.editor("passed_on").setText("2018-02-31 is not a day")  # type: ignore[union-attr]
    assert form.message("passed_on")
    assert form.height() > before
    assert form.height() >= form.sizeHint().height()


def test_alt_and_a_letter_goes_to_each_field_of_a_form(qtbot: Any) -> None:
    fields = (
        Field("started_on", "Started on", FieldKind.DATE, required=True),
        Field("ended_on", "Ended on", FieldKind.DATE),
        Field("email", "E-mail", FieldKind.EMAIL),
        Field("trial", "Trial", FieldKind.BOOL),
    )
    form = RecordForm("Add", fields)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    labels = {label.buddy(): label.text() for label in form.findChildren(QLabel) if label.buddy()}
    assert labels == {
        form.editor("started_on"): "&Started on *",
        form.editor("ended_on"): "&Ended on",
        form.editor("email"): "E-&mail",
    }
    trial = form.editor("trial")
    assert isinstance(trial, QCheckBox)
    assert trial.text() == "&Trial"
    shown = [label.text() for label in form.findChildren(QLabel) if label.isVisible()]
    assert "Trial" not in shown, "the box says Trial; no label says it again"
    qtbot.keyClick(form, Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)
    assert form.editor("ended_on").hasFocus()
    qtbot.keyClick(form, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(trial.isChecked)  # a mnemonic clicks the box (animated)
    assert QApplication.focusWidget() is trial


def test_a_form_tabs_through_its_fields_before_its_buttons(qtbot: Any) -> None:
    form = RecordForm("Add", (MCP, EMAIL))
    qtbot.addWidget(form)
    form.show()
    stops: list[QWidget] = []
    widget = form.nextInFocusChain()
    while widget is not form:
        if widget.isVisible() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            stops.append(widget)
        widget = widget.nextInFocusChain()
    names = [stop.text() if isinstance(stop, QPushButton) else stop for stop in stops]
    assert names == [form.editor("mcp_id"), form.editor("email"), "OK", "Cancel"]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("2018-02-30", "February 2018 has 28 days"),
        ("2016-02-30", "February 2016 has 29 days"),
        ("2018-04-31", "April 2018 has 30 days"),
    ],
)
def test_a_day_past_the_month_end_says_how_long_the_month_is(text: str, words: str) -> None:
    # "not a date (YYYY-MM-DD, …)" for a text already in that shape left the user guessing.
    with pytest.raises(ValueError, match=words) as caught:
        parse_text(PASSED, text)
    assert "YYYY-MM-DD" not in str(caught.value)


def test_a_day_zero_is_not_called_past_the_month_end() -> None:
    with pytest.raises(ValueError, match="YYYY-MM-DD") as caught:
        parse_text(PASSED, "2018-02-00")
    assert "has 28 days" not in str(caught.value)


def test_a_form_message_does_not_repeat_the_label_beside_it(qtbot: Any) -> None:
    # "Passed on: “2018/02/12” is not a date…" under the Passed on field read twice.
    form = RecordForm("Add exam", (MCP, PASSED, AMOUNT))
    qtbot.addWidget(form)
    form.show()
    qtbot.keyClicks(form.editor("passed_on"), "2018/02/12")
    qtbot.keyClicks(form.editor("amount_usd"), "12.345")
    assert form.message("passed_on").startswith("“2018/02/12” is not a date")
    assert form.message("amount_usd") == "At most two decimals (cents)."
    form.accept()
    assert form.message("mcp_id") == "MCP ID is required."


def test_every_field_of_a_form_is_as_wide_as_the_form(qtbot: Any) -> None:
    # Combo boxes kept their own width beside full-width line editors: a ragged right edge.
    level = Field("level", "Level", FieldKind.ENUM, required=True, enum=Level)
    form = RecordForm("Add payment", (level, AMOUNT, PASSED))
    qtbot.addWidget(form)
    form.resize(600, form.sizeHint().height())
    form.show()
    qtbot.waitExposed(form)
    widths = {form.editor(key).width() for key in ("level", "amount_usd", "passed_on")}
    assert len(widths) == 1, widths


def test_a_form_with_required_fields_says_what_the_star_means(qtbot: Any) -> None:
    with_star = RecordForm("Add exam", (MCP, EMAIL))
    without = RecordForm("Add", (EMAIL, AMOUNT))
    for form in (with_star, without):
        qtbot.addWidget(form)
        form.show()
    note = with_star.findChild(QLabel, "requiredNote")
    assert note is not None and note.isVisible() and note.text() == "* required"
    other = without.findChild(QLabel, "requiredNote")
    assert other is None or not other.isVisible()
