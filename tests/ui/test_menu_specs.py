"""The menus declared as data: each entry is built once, named once, and calls what it names."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot

from mpn_desktop.ui.context import AppContext
from mpn_desktop.ui.main_window import MainWindow
from mpn_desktop.ui.menu_specs import MENUS, ActionSpec, MenuSpec
from mpn_desktop.ui.settings import WindowSettings


def _actions(menu: MenuSpec) -> Iterator[ActionSpec]:
    for item in menu.items:
        if isinstance(item, ActionSpec):
            yield item
        elif isinstance(item, MenuSpec):
            yield from _actions(item)


SPECS = [spec for menu in MENUS for spec in _actions(menu)]


def test_every_entry_has_its_own_object_name() -> None:
    names = [spec.name for spec in SPECS]
    assert len(names) == len(set(names))


def test_every_entry_is_built_and_triggers_what_it_names(
    qtbot: QtBot, context: AppContext, settings: WindowSettings
) -> None:
    window = MainWindow(context, settings)
    qtbot.addWidget(window)
    called: list[str] = []
    for spec in SPECS:
        action = window.findChild(QAction, spec.name)
        assert action is not None, spec.name
        assert action.text(), spec.name
        owner: object = window
        *path, method = spec.call.split(".")
        for part in path:
            owner = getattr(owner, part)
        assert callable(getattr(owner, method)), spec.call
    refresh = window.findChild(QAction, "refreshAction")
    assert refresh is not None
    window.context.changeApplied.connect(lambda change: called.append(change.description))
    refresh.trigger()
    assert called, "View > Refresh did not call the window's refresh"
