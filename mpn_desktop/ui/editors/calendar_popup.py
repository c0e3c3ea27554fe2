"""A calendar beside a typed date: a button in the field that opens a month to click a day in."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QPoint, Qt
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QCalendarWidget, QLineEdit, QMenu, QStyle, QWidgetAction

from mpn_desktop.ui.qt_dates import python_date, qdate


def _tr(text: str) -> str:
    return QCoreApplication.translate("CalendarPopup", text)


def attach_calendar(
    edit: QLineEdit,
    current: Callable[[], date | None],
    chosen: Callable[[date], None],
    *,
    minimum: date | None = None,
    maximum: date | None = None,
) -> QAction:
    """Adds a calendar button inside ``edit``; a day clicked in it is passed to ``chosen``.

    The calendar opens on ``current()`` (today when empty). Alt+Down opens it
    from the keyboard, as for a combo box.
    """
    icon = QIcon.fromTheme(
        "x-office-calendar",
        edit.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogContentsView),
    )
    action = QAction(icon, _tr("Choose from a calendar (Alt+Down)"), edit)
    action.setObjectName("calendarAction")
    edit.addAction(action, QLineEdit.ActionPosition.TrailingPosition)

    def open_calendar() -> None:
        menu = QMenu(edit)
        menu.setObjectName("calendarPopup")
        calendar = QCalendarWidget(menu)
        calendar.setObjectName("calendar")
        calendar.setGridVisible(True)
        if minimum is not None:
            calendar.setMinimumDate(qdate(minimum))
        if maximum is not None:
            calendar.setMaximumDate(qdate(maximum))
        shown = current() or date.today()
        calendar.setSelectedDate(qdate(shown))

        def pick(day: QDate) -> None:
            chosen(python_date(day))
            menu.close()

        calendar.clicked.connect(pick)
        calendar.activated.connect(pick)
        holder = QWidgetAction(menu)
        holder.setDefaultWidget(calendar)
        menu.addAction(holder)
        edit.setProperty("calendarMenu", menu)  # kept alive while open; tests reach it
        menu.popup(edit.mapToGlobal(QPoint(0, edit.height())))
        calendar.setFocus()

    action.triggered.connect(open_calendar)
    shortcut = QAction(edit)
    shortcut.setShortcut("Alt+Down")
    shortcut.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    shortcut.triggered.connect(open_calendar)
    edit.addAction(shortcut)
    return action
