"""``helpers.step_tabs.in_next_form`` waits a few seconds for the record form, not for ever.

It polled until a record form opened: a test whose action opened none went on polling into
later tests, and one whose action opened another dialog hung in that dialog's loop.
"""

from __future__ import annotations

from datetime import date
from functools import partial
from typing import Any

from helpers.step_tabs import in_next_form, shown_tab
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from mpn_desktop.store import records
from mpn_desktop.ui.editors.record_form import RecordForm
from mpn_desktop.ui.tabs.fee_tab import FeeTab


def _fill(form: RecordForm) -> None:
    form.editor("anniversary").setText("2018-06-30")  # type: ignore[union-attr]
    form.accept()


def test_another_dialog_is_closed_and_the_test_fails_naming_what_was_awaited(
    qtbot: QtBot,
) -> None:
    box = QMessageBox(QMessageBox.Icon.Question, "Not a form", "Which?")
    with qtbot.captureExceptions() as caught:
        in_next_form(_fill, within_s=0.3)
        box.exec()  # hung here for ever
    assert len(caught) == 1
    kind, error, _trace = caught[0]
    assert kind is AssertionError
    assert str(error).startswith("no record form opened within 0.3 s for _fill (in_next_form, ")
    assert "test_another_dialog_is_closed_and_the_test_fails" in str(error)
    assert str(error).endswith(": a QMessageBox instead")
    assert not box.isVisible()


def test_no_form_at_all_fails_once_the_wait_ends(qtbot: QtBot) -> None:
    with qtbot.captureExceptions() as caught:
        in_next_form(_fill, within_s=0.1)
        qtbot.wait(400)
    assert [str(error).endswith(": no modal window") for _kind, error, _trace in caught] == [True]
    # The wait is over: no more looks (it polled every 10 ms for ever).
    with qtbot.captureExceptions() as later:
        qtbot.wait(200)
    assert later == []


def test_the_form_that_opens_in_time_is_filled(context: Any, demo_db: Any, qtbot: QtBot) -> None:
    tab = shown_tab(FeeTab, context, qtbot)
    with qtbot.captureExceptions() as caught:
        in_next_form(_fill, within_s=2)
        with qtbot.waitSignal(context.changeApplied):
            tab.edit_anniversary()
    assert caught == []
    assert records.get_organization(demo_db)["anniversary"] == date(2018, 6, 30)  # type: ignore[index]


def test_an_action_without_a_name_is_shown_as_it_is(qtbot: QtBot) -> None:
    """A functools.partial has no __qualname__: the failure itself failed on it."""
    act = partial(_fill)
    with qtbot.captureExceptions() as caught:
        in_next_form(act, within_s=0.1)
        qtbot.wait(300)
    assert len(caught) == 1 and caught[0][0] is AssertionError
    assert f"s for {act!r} (in_next_form" in str(caught[0][1])
