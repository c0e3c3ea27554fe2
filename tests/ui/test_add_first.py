"""Add forms with nothing to choose say what to add first and offer it (issue 14)."""

from __future__ import annotations

from typing import Any

import pytest
from helpers.step_tabs import in_next_form, shown_tab
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from mpn_desktop.store import records
from mpn_desktop.store.changes import RecordKind
from mpn_desktop.ui.context import AppContext
from mpn_desktop.ui.editors.record_form import RecordForm
from mpn_desktop.ui.tabs.exams_tab import ExamsTab
from mpn_desktop.ui.tabs.references_tab import ReferencesTab
from mpn_desktop.ui.tabs.sales_tab import SalesTab
from mpn_desktop.ui.undo_commands import AddRecordCommand


def _answer(monkeypatch: pytest.MonkeyPatch, answer: bool) -> list[str]:
    asked: list[str] = []

    def ask(_parent: Any, _title: str, question: str, *_args: Any, **_kw: Any) -> bool:
        asked.append(question)
        return answer

    monkeypatch.setattr("mpn_desktop.ui.questions.ask", ask)
    return asked


def _read_form_later(found: dict[str, Any], key: str) -> None:
    def read(form: RecordForm) -> None:
        editor = form.editor(key)
        found["title"] = form.windowTitle()
        found[key] = editor.currentData() if isinstance(editor, QComboBox) else None
        form.reject()

    in_next_form(read)


def _add(context: AppContext, kind: RecordKind, values: dict[str, Any]) -> int:
    command = AddRecordCommand(context, kind, values, "test")
    context.undo_stack.push(command)
    assert command.record_id is not None
    return command.record_id


def test_add_exam_with_nobody_offers_to_add_the_person_first(
    qtbot: QtBot, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = shown_tab(ExamsTab, context, qtbot, active=False)
    asked = _answer(monkeypatch, True)
    added: list[int] = []

    def add_person() -> None:  # stands in for the Add person form, filled in
        added.append(_add(context, RecordKind.PERSON, {"name": "Ana Ruiz", "mcp_id": "1234567"}))
        tab.people.select_id(added[0])

    monkeypatch.setattr(tab.people, "add_record", add_person)
    found: dict[str, Any] = {}
    _read_form_later(found, "person_id")
    tab.exams.add_record()
    assert asked and asked[0].startswith("Nobody is in the People list yet")
    assert found == {"title": "Add exam", "person_id": added[0]}  # the new person, chosen


def test_declining_to_add_first_opens_no_form(
    qtbot: QtBot, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = shown_tab(ExamsTab, context, qtbot, active=False)
    asked = _answer(monkeypatch, False)
    tab.exams.add_record()  # no modal form: the test would hang here otherwise
    assert len(asked) == 1
    assert records.list_records(context.db, RecordKind.EXAM) == []


def test_add_subscription_with_no_customers_offers_the_customer_first(
    qtbot: QtBot, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = shown_tab(SalesTab, context, qtbot, active=False)
    asked = _answer(monkeypatch, False)
    tab.subscriptions.add_record()
    assert asked and "a subscription belongs to a customer" in asked[0]


def test_add_reference_with_no_customers_offers_the_customer_first(
    qtbot: QtBot, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = shown_tab(ReferencesTab, context, qtbot, active=False)
    asked = _answer(monkeypatch, True)
    made: list[int] = []

    def add_customer(ctx: AppContext, _parent: Any) -> bool:
        made.append(_add(ctx, RecordKind.CUSTOMER, {"name": "Fabrikam"}))
        return True

    monkeypatch.setattr("mpn_desktop.ui.tabs.references_tab.add_customer", add_customer)
    found: dict[str, Any] = {}
    _read_form_later(found, "customer_id")
    tab.references.add_record()
    assert asked and "a reference is a customer's" in asked[0]
    assert found["title"] == "Add reference" and made


def test_approved_before_submitted_is_said_while_typing(
    qtbot: QtBot, sample_context: AppContext
) -> None:
    from PySide6.QtWidgets import QLineEdit

    tab = shown_tab(ReferencesTab, sample_context, qtbot, active=False)
    seen: dict[str, Any] = {}

    def fill(form: RecordForm) -> None:
        submitted, approved = form.editor("submitted_on"), form.editor("approved_on")
        assert isinstance(submitted, QLineEdit) and isinstance(approved, QLineEdit)
        submitted.setText("2018-03-01")
        approved.setText("2018-02-01")
        seen["message"] = form.message("approved_on")
        seen["described"] = approved.accessibleDescription()
        form.accept()  # refused: the form stays open
        seen["still_open"] = form.isVisible()
        approved.setText("2018-03-05")
        seen["after"] = form.message("approved_on")
        form.reject()

    in_next_form(fill)
    tab.references.add_record()
    assert seen["message"] == "2018-02-01 is before the day it was submitted (2018-03-01)."
    assert "before the day it was submitted" in seen["described"]
    assert seen["still_open"] and seen["after"] == ""


def test_a_subscription_ending_before_it_started_is_said_while_typing(
    qtbot: QtBot, sample_context: AppContext
) -> None:
    from PySide6.QtWidgets import QLineEdit

    tab = shown_tab(SalesTab, sample_context, qtbot, active=False)
    tab.customers.view.selectRow(0)
    seen: dict[str, Any] = {}

    def fill(form: RecordForm) -> None:
        started, ended = form.editor("started_on"), form.editor("ended_on")
        assert isinstance(started, QLineEdit) and isinstance(ended, QLineEdit)
        started.setText("2018-03-01")
        ended.setText("2018-01-31")
        seen["message"] = form.message("ended_on")
        form.reject()

    in_next_form(fill)
    tab.subscriptions.add_record()
    assert seen["message"] == "2018-01-31 is before it started (2018-03-01)."
