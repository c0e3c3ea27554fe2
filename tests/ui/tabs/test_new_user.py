"""What a new user ran into walking through the four steps: a month with only one figure, a
reference moved to approved without its date."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from helpers.step_tabs import in_next_form, shown_tab
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from mpn_desktop.domain.dates import Month
from mpn_desktop.domain.enums import ReferenceStatus
from mpn_desktop.store import records
from mpn_desktop.store.changes import RecordKind
from mpn_desktop.ui.editors.field_editors import ChoiceComboBox, ValidatingLineEdit
from mpn_desktop.ui.editors.record_form import RecordForm
from mpn_desktop.ui.models.record_table import RECORD_ROLE
from mpn_desktop.ui.tabs.exams_tab import ExamsTab
from mpn_desktop.ui.tabs.references_tab import ReferencesTab
from mpn_desktop.ui.tabs.sales_tab import SalesTab

AS_OF = date(2018, 3, 1)


def _in_next_form(act: Any) -> list[str]:
    """Runs ``act(form)`` on the next record form once it opens; cancels a form that reopens."""
    titles: list[str] = []

    def run(form: RecordForm) -> None:
        titles.append(form.windowTitle())
        act(form)
        if form.isVisible():
            return
        # A refused record reopens the form: note it and close it.
        QTimer.singleShot(0, close_reopened)

    def close_reopened() -> None:
        form = QApplication.activeModalWidget()
        if isinstance(form, RecordForm):
            titles.append("reopened")
            form.reject()

    in_next_form(run)
    return titles


def _subscription_id(demo_db: Any, external_id: str) -> int:
    return next(
        s["id"]
        for s in records.list_records(demo_db, RecordKind.SUBSCRIPTION)
        if s["external_id"] == external_id
    )


def test_a_month_with_only_its_consumption_is_added_and_the_rest_is_zero(
    context: Any, demo_db: Any, qtbot: Any
) -> None:
    tab = shown_tab(SalesTab, context, qtbot)
    subscription = _subscription_id(demo_db, "sub-fabrikam-azure")
    assert tab.subscriptions.select_id(subscription)
    errors: list[str] = []
    context.errorShown.connect(errors.append)

    def fill(form: RecordForm) -> None:
        form.editor("month").setText("2019-01")  # type: ignore[union-attr]
        form.editor("consumption_usd").setText("6000")  # type: ignore[union-attr]
        form.accept()  # revenue and active users left empty, as a user does

    seen = _in_next_form(fill)
    tab.usage.add_record()
    qtbot.wait(50)
    assert errors == []
    assert "reopened" not in seen
    added = [
        u
        for u in records.list_records(demo_db, RecordKind.USAGE)
        if u["subscription_id"] == subscription and u["month"] == Month(2019, 1)
    ]
    assert len(added) == 1
    assert added[0]["consumption_usd"] == Decimal("6000")
    assert added[0]["revenue_usd"] == 0 and added[0]["active_users"] == 0


def test_emptying_an_amount_cell_writes_zero_instead_of_a_refusal(
    context: Any, demo_db: Any, qtbot: Any
) -> None:
    tab = shown_tab(SalesTab, context, qtbot)
    tab.subscriptions.select_id(_subscription_id(demo_db, "sub-fabrikam-azure"))
    errors: list[str] = []
    context.errorShown.connect(errors.append)
    index = tab.usage.proxy.index(0, tab.usage.model.column_of("consumption_usd"))
    record = index.data(RECORD_ROLE)
    tab.usage.view.setFocus()
    tab.usage.view.setCurrentIndex(index)
    tab.usage.view.edit(index)
    editor = QApplication.focusWidget()
    assert isinstance(editor, ValidatingLineEdit)
    editor.clear()
    with qtbot.waitSignal(context.undo_stack.indexChanged):  # the delegate commits queued
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert errors == []
    stored = records.get_record(demo_db, RecordKind.USAGE, record["id"])
    assert stored is not None and stored["consumption_usd"] == 0


def _draft_reference(demo_db: Any) -> int:
    customer = records.list_records(demo_db, RecordKind.CUSTOMER)[0]["id"]
    done = records.add_record(
        demo_db,
        RecordKind.REFERENCE,
        {"competency": "cloud-crm", "customer_id": customer, "status": ReferenceStatus.DRAFT},
    )
    record_id = done.value.id
    return record_id


def _choose_status(qtbot: Any, tab: ReferencesTab, record_id: int, label: str) -> None:
    section = tab.references
    row = section.model.row_of_id(record_id)
    assert row is not None
    index = section.proxy.mapFromSource(section.model.index(row, section.model.column_of("status")))
    section.view.setFocus()
    section.view.setCurrentIndex(index)
    qtbot.keyClick(section.view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, ChoiceComboBox), editor
    editor.setCurrentIndex(editor.findText(label))
    with qtbot.waitSignal(tab.context.undo_stack.indexChanged):  # the delegate commits queued
        qtbot.keyClick(editor, Qt.Key.Key_Return)


def test_moving_a_reference_to_submitted_then_approved_dates_it_so_it_counts(
    context: Any, demo_db: Any, qtbot: Any
) -> None:
    tab = shown_tab(ReferencesTab, context, qtbot)
    record_id = _draft_reference(demo_db)
    tab.reload()
    _choose_status(qtbot, tab, record_id, "Submitted")
    stored = records.get_record(demo_db, RecordKind.REFERENCE, record_id)
    assert stored is not None
    assert stored["status"] is ReferenceStatus.SUBMITTED
    assert stored["submitted_on"] == AS_OF and stored["approved_on"] is None
    _choose_status(qtbot, tab, record_id, "Approved")
    stored = records.get_record(demo_db, RecordKind.REFERENCE, record_id)
    assert stored is not None
    assert stored["approved_on"] == AS_OF and stored["submitted_on"] == AS_OF
    # One step to undo, status and date together.
    context.undo_stack.undo()
    stored = records.get_record(demo_db, RecordKind.REFERENCE, record_id)
    assert stored is not None
    assert stored["status"] is ReferenceStatus.SUBMITTED and stored["approved_on"] is None


def test_a_date_already_entered_is_kept_when_the_status_moves(
    context: Any, demo_db: Any, qtbot: Any
) -> None:
    tab = shown_tab(ReferencesTab, context, qtbot)
    record_id = _draft_reference(demo_db)
    records.update_record(
        demo_db, RecordKind.REFERENCE, record_id, {"approved_on": date(2018, 1, 5)}
    )
    tab.reload()
    _choose_status(qtbot, tab, record_id, "Approved")
    stored = records.get_record(demo_db, RecordKind.REFERENCE, record_id)
    assert stored is not None and stored["approved_on"] == date(2018, 1, 5)


def test_choosing_approved_in_the_form_fills_its_date_and_a_dateless_approval_is_flagged(
    context: Any, demo_db: Any, qtbot: Any
) -> None:
    tab = shown_tab(ReferencesTab, context, qtbot)
    shown: dict[str, str] = {}

    def fill(form: RecordForm) -> None:
        status = form.editor("status")
        assert isinstance(status, ChoiceComboBox)
        approved = form.editor("approved_on")
        assert isinstance(approved, ValidatingLineEdit)
        status.setCurrentIndex(status.findText("Approved"))
        shown["approved"] = approved.text()
        status.setCurrentIndex(status.findText("Draft"))
        shown["back to draft"] = approved.text()
        form.reject()

    _in_next_form(fill)
    tab.references.add_record()
    assert shown == {"approved": "2018-03-01", "back to draft": ""}

    record_id = _draft_reference(demo_db)
    records.update_record(
        demo_db, RecordKind.REFERENCE, record_id, {"status": ReferenceStatus.APPROVED}
    )
    tab.reload()
    row = tab.references.model.row_of_id(record_id)
    assert row is not None
    tooltip = tab.references.model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "Approved on" in str(tooltip)


def test_a_refused_record_reopens_its_form_saying_why_and_no_box_hides_behind_it(
    context: Any, demo_db: Any, qtbot: Any
) -> None:
    tab = shown_tab(SalesTab, context, qtbot)
    context.window = tab
    tab.subscriptions.select_id(_subscription_id(demo_db, "sub-fabrikam-azure"))
    seen: dict[str, object] = {}

    def fill(form: RecordForm) -> None:
        form.editor("month").setText("2017-12")  # type: ignore[union-attr]  # already there
        form.editor("consumption_usd").setText("100")  # type: ignore[union-attr]
        form.accept()
        QTimer.singleShot(0, look_at_reopened)

    def look_at_reopened() -> None:
        form = QApplication.activeModalWidget()
        assert isinstance(form, RecordForm)
        seen["refusal"] = form.refusal.text() if form.refusal.isVisibleTo(form) else ""
        seen["month"] = form.editor("month").text()  # type: ignore[union-attr]
        seen["boxes"] = [box for box in tab.findChildren(QMessageBox) if box.isVisible()]
        form.reject()

    _in_next_form(fill)
    tab.usage.add_record()
    assert "already has usage for that month" in str(seen["refusal"])
    assert seen["month"] == "2017-12"
    assert seen["boxes"] == []


def test_a_new_month_of_usage_starts_at_the_latest_full_month_not_entered_yet(
    context: Any, demo_db: Any, qtbot: Any
) -> None:
    tab = shown_tab(SalesTab, context, qtbot)
    customer = records.list_records(demo_db, RecordKind.CUSTOMER)[0]["id"]
    done = records.add_record(
        demo_db,
        RecordKind.SUBSCRIPTION,
        {
            "external_id": "azure-new",
            "customer_id": customer,
            "workload": "azure",
            "association": "dpor",
            "associated_on": date(2017, 1, 1),
            "started_on": date(2017, 1, 1),
        },
    )
    subscription = done.value.id
    tab.reload()
    assert tab.subscriptions.select_id(subscription)
    offered: list[str] = []

    def take_offer(form: RecordForm) -> None:
        offered.append(form.editor("month").text())  # type: ignore[union-attr]
        form.editor("consumption_usd").setText("1000")  # type: ignore[union-attr]
        form.accept()
        if form.isVisible():  # no month offered: the form refuses to close
            form.reject()

    for _ in range(2):
        _in_next_form(take_offer)
        with qtbot.waitSignal(context.changeApplied):
            tab.usage.add_record()
        qtbot.wait(20)  # the helper's look for a reopened form finds none
    # As of 2018-03-01: February is the latest full month, then January (history backwards).
    assert offered == ["2018-02", "2018-01"]


def test_a_person_counted_at_silver_and_gold_is_said_to_count_for_both(
    context: Any, demo_db: Any, qtbot: Any
) -> None:
    from mpn_desktop.ui.progress_source import ProgressSource

    tab = shown_tab(ExamsTab, context, qtbot)
    source = ProgressSource(context)
    with qtbot.waitSignal(source.progressChanged):
        source.refresh_now()
    progress = source.progress
    assert progress is not None
    tab.set_progress(progress)
    shown = [
        tab.people.model.index(row, tab.people.model.column_of("roles")).data()
        for row in range(tab.people.model.rowCount())
    ]
    platform_texts = [text for text in shown if "Cloud Platform (" in text]
    # The person counted for silver counts for gold too: both are named, not "(gold)" alone.
    assert "Cloud Platform (silver and gold)" in platform_texts, platform_texts
