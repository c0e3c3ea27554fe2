"""The status panel's "Still missing" items lead somewhere: a click opens the step's tab and
the form that adds what is missing, filled in where it can be (issue 14)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QComboBox
from pytestqt.qtbot import QtBot

from mpn_desktop.domain.enums import Level
from mpn_desktop.ui.context import AppContext
from mpn_desktop.ui.editors.record_form import RecordForm
from mpn_desktop.ui.main_window import MainWindow
from mpn_desktop.ui.settings import WindowSettings


def _window(qtbot: QtBot, context: AppContext, settings: WindowSettings) -> MainWindow:
    window = MainWindow(context, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.panel.progress is not None)
    return window


def _read_form_later(found: dict[str, Any]) -> None:
    def read() -> None:
        forms = [w for w in QApplication.topLevelWidgets() if isinstance(w, RecordForm)]
        visible = [form for form in forms if form.isVisible()]
        if not visible:  # not open yet: look again in a moment
            QTimer.singleShot(10, read)
            return
        form = visible[0]
        found["title"] = form.windowTitle()
        for key in ("competency", "membership_year_start", "amount_usd", "level"):
            try:
                editor = form.editor(key)
            except KeyError:  # not a field of this form
                continue
            if isinstance(editor, QComboBox):
                found[key] = editor.currentData()
            elif editor is not None:
                found[key] = editor.text()  # type: ignore[attr-defined]
        form.reject()

    QTimer.singleShot(0, read)


def test_each_missing_item_is_a_link_to_its_step(
    qtbot: QtBot, sample_context: AppContext, settings: WindowSettings
) -> None:
    window = _window(qtbot, sample_context, settings)
    gold = window.panel.card("cloud-platform").sections[Level.GOLD]
    text = gold.missing.text()
    assert "href='step:references'" in text and "href='step:fee'" in text
    assert "href='step:performance'" in text


def test_a_missing_reference_opens_add_reference_for_that_competency(
    qtbot: QtBot, sample_context: AppContext, settings: WindowSettings
) -> None:
    window = _window(qtbot, sample_context, settings)
    gold = window.panel.card("cloud-platform").sections[Level.GOLD]
    found: dict[str, Any] = {}
    _read_form_later(found)
    gold.missing.linkActivated.emit("step:references")
    assert window.tabs.currentWidget().objectName() == "referencesTab"
    assert found["title"] == "Add reference"
    assert found["competency"] == "cloud-platform"


def test_a_missing_fee_opens_add_payment_with_what_is_owed(
    qtbot: QtBot, sample_context: AppContext, settings: WindowSettings
) -> None:
    window = _window(qtbot, sample_context, settings)
    gold = window.panel.card("cloud-platform").sections[Level.GOLD]
    found: dict[str, Any] = {}
    _read_form_later(found)
    gold.missing.linkActivated.emit("step:fee")
    assert window.tabs.currentWidget().objectName() == "feeTab"
    assert found["title"] == "Add payment"
    assert found["amount_usd"] == "3940.00" and found["level"] is Level.GOLD


def test_a_missing_sales_figure_opens_the_sales_tab(
    qtbot: QtBot, sample_context: AppContext, settings: WindowSettings
) -> None:
    window = _window(qtbot, sample_context, settings)
    gold = window.panel.card("cloud-platform").sections[Level.GOLD]
    gold.missing.linkActivated.emit("step:performance")
    assert window.tabs.currentWidget().objectName() == "salesTab"


def test_a_missing_person_opens_add_exam(
    qtbot: QtBot, sample_context: AppContext, settings: WindowSettings
) -> None:
    window = _window(qtbot, sample_context, settings)
    silver = window.panel.card("enterprise-mobility-management").sections[Level.SILVER]
    assert "href='step:exams'" in silver.missing.text()
    found: dict[str, Any] = {}
    _read_form_later(found)
    silver.missing.linkActivated.emit("step:exams")
    assert window.tabs.currentWidget().objectName() == "examsTab"
    assert found["title"] == "Add exam"


def test_a_competency_accepting_one_code_fills_it_in(sample_context: AppContext) -> None:
    from mpn_desktop.ui.tabs.exams_tab import exam_codes_of

    codes = exam_codes_of(sample_context.catalog, "cloud-platform")
    assert {"70-533", "70-535"} <= codes
    assert exam_codes_of(sample_context.catalog, "no-such-competency") == set()
