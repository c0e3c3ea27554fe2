"""Every date field takes a day typed whole (ISO or the locale's short date) and has a calendar."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import QCalendarWidget, QMenu
from pytestqt.qtbot import QtBot

from mpn_desktop.ui.context import AppContext
from mpn_desktop.ui.editors.date_field import DateField
from mpn_desktop.ui.editors.field_editors import ValidatingLineEdit
from mpn_desktop.ui.main_window import MainWindow
from mpn_desktop.ui.models.fields import Field, FieldKind, parse_text
from mpn_desktop.ui.qt_dates import typed_day
from mpn_desktop.ui.settings import WindowSettings


@pytest.mark.parametrize(
    ("locale", "text", "day"),
    [
        ("en_US", "2018-03-01", date(2018, 3, 1)),
        ("en_US", "3/1/18", date(2018, 3, 1)),
        ("en_US", "3/1/2018", date(2018, 3, 1)),
        ("en_GB", "01/03/2018", date(2018, 3, 1)),
        ("en_GB", "1/3/2018", date(2018, 3, 1)),
        ("de_DE", "01.03.18", date(2018, 3, 1)),
        ("de_DE", "1.3.2018", date(2018, 3, 1)),
        ("de_DE", "2018-03-01", date(2018, 3, 1)),
        ("en_US", "first of March", None),
    ],
)
def test_a_day_is_read_as_typed(locale: str, text: str, day: date | None) -> None:
    assert typed_day(text, QLocale(locale)) == day


def test_the_as_of_field_takes_an_iso_day_typed_whole(
    qtbot: QtBot, sample_context: AppContext, settings: WindowSettings
) -> None:
    window = MainWindow(sample_context, settings)
    qtbot.addWidget(window)
    window.show()
    edit = window.as_of_edit
    assert isinstance(edit, DateField)
    edit.selectAll()
    # Typed into QDateEdit, this gave 2026-03-01 or 2018-12-03.
    qtbot.keyClicks(edit, "2017-11-15")
    assert sample_context.as_of == date(2018, 3, 1)  # nothing moves while typing
    with qtbot.waitSignal(window.progress_source.progressChanged):
        qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert sample_context.as_of == date(2017, 11, 15)
    edit.selectAll()
    qtbot.keyClicks(edit, "2017-02-30")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert sample_context.as_of == date(2017, 11, 15)  # a wrong day changes nothing…
    assert "is not a day" in edit.problem()  # …and says why
    assert edit.accessibleDescription() == edit.problem()


def test_the_calendar_picks_a_day(qtbot: QtBot) -> None:
    field = DateField(optional=True)
    qtbot.addWidget(field)
    field.show()
    action = next(a for a in field.actions() if a.objectName() == "calendarAction")
    action.trigger()
    menu = field.property("calendarMenu")
    assert isinstance(menu, QMenu)
    calendar = menu.findChild(QCalendarWidget, "calendar")
    with qtbot.waitSignal(field.dateChanged) as changed:
        calendar.clicked.emit(QDate(2018, 6, 30))
    assert changed.args == [QDate(2018, 6, 30)]
    assert field.text() == "2018-06-30" and field.day() == date(2018, 6, 30)


def test_a_record_form_date_takes_the_locale_short_date_and_has_a_calendar(
    qtbot: QtBot,
) -> None:
    before = QLocale()
    QLocale.setDefault(QLocale("en_US"))
    try:
        field = Field("passed_on", "Passed on", FieldKind.DATE, required=True)
        assert parse_text(field, "11/2/17") == date(2017, 11, 2)
        editor = ValidatingLineEdit(field)
        qtbot.addWidget(editor)
        assert any(a.objectName() == "calendarAction" for a in editor.actions())
        editor.setText("not a day")
        assert editor.problem() and editor.accessibleDescription() == editor.problem()
        assert "or 3/1/18" in (editor.problem() or "")
    finally:
        QLocale.setDefault(before)
