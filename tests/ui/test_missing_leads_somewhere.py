"""The status panel's "Still missing" items lead somewhere: a click opens the step's tab and
the form that adds what is missing, filled in where it can be (issue 14)."""

from __future__ import annotations

from datetime import date
from typing import Any

from helpers.sample_windows import shown_window
from helpers.step_tabs import in_next_form
from PySide6.QtWidgets import QComboBox, QLabel, QWidget
from pytestqt.qtbot import QtBot

from mpn_desktop.domain.enums import Association, Level, Workload
from mpn_desktop.store import records
from mpn_desktop.store.changes import RecordKind
from mpn_desktop.ui.context import AppContext
from mpn_desktop.ui.editors.record_form import RecordForm
from mpn_desktop.ui.main_window import MainWindow
from mpn_desktop.ui.settings import WindowSettings


def _read_form_later(found: dict[str, Any]) -> None:
    def read(form: RecordForm) -> None:
        found["title"] = form.windowTitle()
        note = form.findChild(QLabel, "suggestedCustomer")
        found["note"] = note.text() if note is not None else None
        for key in ("competency", "customer_id", "membership_year_start", "amount_usd", "level"):
            try:
                editor = form.editor(key)
            except KeyError:  # not a field of this form
                continue
            if isinstance(editor, QComboBox):
                found[key] = editor.currentData()
            elif editor is not None:
                found[key] = editor.text()  # type: ignore[attr-defined]
        form.reject()

    in_next_form(read)


def _follow_missing(window: MainWindow, competency: str, level: Level, step: str) -> dict[str, Any]:
    """Clicks a section's "Still missing" link to ``step``; what the form it opened held."""
    found: dict[str, Any] = {}
    _read_form_later(found)
    window.panel.card(competency).sections[level].missing.linkActivated.emit(step)
    return found


def test_each_missing_item_is_a_link_to_its_step(
    qtbot: QtBot, sample_context: AppContext, settings: WindowSettings
) -> None:
    window = shown_window(qtbot, sample_context, settings)
    gold = window.panel.card("cloud-platform").sections[Level.GOLD]
    text = gold.missing.text()
    assert "href='step:references'" in text and "href='step:fee'" in text
    assert "href='step:performance'" in text


def test_a_missing_reference_opens_add_reference_for_that_competency(
    qtbot: QtBot, sample_context: AppContext, settings: WindowSettings
) -> None:
    window = shown_window(qtbot, sample_context, settings)
    found = _follow_missing(window, "cloud-platform", Level.GOLD, "step:references")
    assert window.tabs.currentWidget().objectName() == "referencesTab"
    assert found["title"] == "Add reference"
    assert found["competency"] == "cloud-platform"


def _customer_named(window: MainWindow, name: str) -> int:
    tab: Any = window.findChild(QWidget, "referencesTab")
    return next(key for key, value in tab._customer_names.items() if value == name)


def test_a_missing_reference_names_the_customer_whose_reference_expired(
    qtbot: QtBot, sample_context: AppContext, settings: WindowSettings
) -> None:
    # Fabrikam's reference (approved 2016-05-20) counted until 2018-05-19: on 2018-06-01
    # Cloud Platform has 3 of gold's 5, and Fabrikam is the first to ask again.
    window = shown_window(
        qtbot, AppContext(sample_context.db, sample_context.catalog, date(2018, 6, 1)), settings
    )
    found = _follow_missing(window, "cloud-platform", Level.GOLD, "step:references")
    assert found["competency"] == "cloud-platform"
    assert found["customer_id"] == _customer_named(window, "Fabrikam")
    assert found["note"].startswith("Suggested: Fabrikam, whose reference expired on ")


def test_a_missing_reference_names_a_customer_whose_reference_stops_soon(
    qtbot: QtBot, sample_context: AppContext, settings: WindowSettings
) -> None:
    # On 2018-03-01 gold misses one; every Azure customer has a reference, Fabrikam's stops
    # counting after 2018-05-19 (before the next anniversary): asking it again comes first.
    window = shown_window(qtbot, sample_context, settings)
    found = _follow_missing(window, "cloud-platform", Level.GOLD, "step:references")
    assert found["customer_id"] == _customer_named(window, "Fabrikam")
    assert found["note"].startswith("Suggested: Fabrikam, whose reference stops counting after ")


def test_a_missing_reference_names_a_customer_with_subscriptions_and_no_reference(
    qtbot: QtBot, sample_context: AppContext, settings: WindowSettings
) -> None:
    # A new Azure customer (DPOR, no reference yet) comes before Fabrikam, whose reference
    # still counts; the form says why it names that customer.
    db = sample_context.db
    customer = records.add_record(db, RecordKind.CUSTOMER, {"name": "Adventure Works"}).value.id
    records.add_record(
        db,
        RecordKind.SUBSCRIPTION,
        {
            "external_id": "sub-adventure-azure",
            "customer_id": customer,
            "workload": Workload.AZURE,
            "association": Association.DPOR,
            "associated_on": date(2017, 6, 1),
            "started_on": date(2017, 6, 1),
        },
    )
    window = shown_window(qtbot, sample_context, settings)
    found = _follow_missing(window, "cloud-platform", Level.GOLD, "step:references")
    assert found["customer_id"] == customer
    assert found["note"].startswith("Suggested: Adventure Works, which has subscriptions")


def test_a_missing_reference_without_anyone_to_ask_leaves_the_customer_to_choose(
    qtbot: QtBot, sample_context: AppContext, settings: WindowSettings
) -> None:
    # Cloud Productivity: Contoso Pharmaceuticals' reference waits for approval and Tailspin
    # Toys' counts beyond the next anniversary: nobody to suggest, and nothing said.
    window = shown_window(qtbot, sample_context, settings)
    found = _follow_missing(window, "cloud-productivity", Level.SILVER, "step:references")
    assert found["competency"] == "cloud-productivity"
    assert found["note"] is None


def test_a_missing_fee_opens_add_payment_with_what_is_owed(
    qtbot: QtBot, sample_context: AppContext, settings: WindowSettings
) -> None:
    window = shown_window(qtbot, sample_context, settings)
    found = _follow_missing(window, "cloud-platform", Level.GOLD, "step:fee")
    assert window.tabs.currentWidget().objectName() == "feeTab"
    assert found["title"] == "Add payment"
    assert found["amount_usd"] == "3940.00" and found["level"] is Level.GOLD


def test_a_missing_sales_figure_opens_the_sales_tab(
    qtbot: QtBot, sample_context: AppContext, settings: WindowSettings
) -> None:
    window = shown_window(qtbot, sample_context, settings)
    gold = window.panel.card("cloud-platform").sections[Level.GOLD]
    gold.missing.linkActivated.emit("step:performance")
    assert window.tabs.currentWidget().objectName() == "salesTab"


def test_a_missing_person_opens_add_exam(
    qtbot: QtBot, sample_context: AppContext, settings: WindowSettings
) -> None:
    window = shown_window(qtbot, sample_context, settings)
    silver = window.panel.card("enterprise-mobility-management").sections[Level.SILVER]
    assert "href='step:exams'" in silver.missing.text()
    found = _follow_missing(window, "enterprise-mobility-management", Level.SILVER, "step:exams")
    assert window.tabs.currentWidget().objectName() == "examsTab"
    assert found["title"] == "Add exam"


def test_a_competency_accepting_one_code_fills_it_in(sample_context: AppContext) -> None:
    from mpn_desktop.ui.tabs.exams_tab import exam_codes_of

    codes = exam_codes_of(sample_context.catalog, "cloud-platform")
    assert {"70-533", "70-535"} <= codes
    assert exam_codes_of(sample_context.catalog, "no-such-competency") == set()
