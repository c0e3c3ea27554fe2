"""Start-up's window builds the tab shown (and the Sales tab) before its first paint and the
other step tabs when it reads its records: once filled, they are the tabs an eagerly built
window has, in place, titled, restored, showing their rows, and edits and undo reach them."""

from __future__ import annotations

from typing import Any

from pytestqt.qtbot import QtBot

from mpn_desktop.store import records
from mpn_desktop.store.changes import RecordKind
from mpn_desktop.ui.context import AppContext
from mpn_desktop.ui.main_window import TAB_SPECS, MainWindow
from mpn_desktop.ui.settings import WindowSettings
from mpn_desktop.ui.tabs.exams_tab import ExamsTab
from mpn_desktop.ui.tabs.fee_tab import FeeTab
from mpn_desktop.ui.tabs.references_tab import ReferencesTab
from mpn_desktop.ui.tabs.sales_tab import SalesTab
from mpn_desktop.ui.undo_commands import AddRecordCommand

TAB_CLASSES = (SalesTab, ExamsTab, ReferencesTab, FeeTab)


def _start_up_window(qtbot: QtBot, context: AppContext, settings: WindowSettings) -> MainWindow:
    """A window as start-up makes it: shown first, filled after."""
    main = MainWindow(context, settings, evaluate_now=False)
    qtbot.addWidget(main)
    main.show()
    return main


def _fill(qtbot: QtBot, main: MainWindow) -> None:
    with qtbot.waitSignal(main.filled, timeout=30_000):
        main.fill()


def _pages(main: MainWindow) -> list[Any]:
    return [main.tabs.widget(index) for index in range(main.tabs.count())]


def _titles(main: MainWindow) -> list[str]:
    return [main.tabs.tabText(index) for index in range(main.tabs.count())]


def test_only_the_tab_shown_is_built_before_the_records_are_read_the_others_then(
    qtbot: QtBot, sample_context: AppContext, settings: WindowSettings
) -> None:
    main = _start_up_window(qtbot, sample_context, settings)
    pages = _pages(main)
    assert isinstance(pages[0], SalesTab)
    assert not any(isinstance(page, TAB_CLASSES) for page in pages[1:])
    titles = _titles(main)
    _fill(qtbot, main)
    pages = _pages(main)
    assert [type(page) for page in pages] == list(TAB_CLASSES)
    assert pages == main.step_tabs
    assert [page.objectName() for page in pages] == [spec.object_name for spec in TAB_SPECS]
    assert _titles(main) == titles
    assert main.tabs.currentIndex() == 0


def test_the_tabs_built_late_are_those_of_a_window_built_at_once(
    qtbot: QtBot, sample_context: AppContext, settings: WindowSettings
) -> None:
    eager = MainWindow(sample_context, settings)
    qtbot.addWidget(eager)
    late = _start_up_window(qtbot, sample_context, settings)
    _fill(qtbot, late)
    assert _titles(late) == _titles(eager)
    # View ▸ 1 … 4 name the tabs alike.
    for spec in TAB_SPECS:
        name = f"goTo{spec.object_name[0].upper()}{spec.object_name[1:]}Action"
        assert late.menu_actions[name].text() == eager.menu_actions[name].text()
    # The Exams tab, built late, shows the people stored.
    stored = {row["name"] for row in records.list_records(sample_context.db, RecordKind.PERSON)}
    people = late.tab("examsTab").people.model  # type: ignore[attr-defined]
    assert stored
    assert {record["name"] for record in people.records()} == stored


def test_an_edit_and_its_undo_reach_a_tab_built_late(
    qtbot: QtBot, sample_context: AppContext, settings: WindowSettings
) -> None:
    main = _start_up_window(qtbot, sample_context, settings)
    _fill(qtbot, main)
    people = main.tab("examsTab").people.model  # type: ignore[attr-defined]
    command = AddRecordCommand(
        sample_context,
        RecordKind.PERSON,
        {"name": "Late Tab Person", "mcp_id": "998877"},
        "Add person",
    )
    sample_context.undo_stack.push(command)
    assert command.done
    assert "Late Tab Person" in {record["name"] for record in people.records()}
    sample_context.undo_stack.undo()
    assert "Late Tab Person" not in {record["name"] for record in people.records()}


def test_the_tab_shown_last_is_built_first_and_shown_again(
    qtbot: QtBot, sample_context: AppContext, settings: WindowSettings
) -> None:
    settings.set_last_tab(2)
    main = _start_up_window(qtbot, sample_context, settings)
    pages = _pages(main)
    assert isinstance(pages[0], SalesTab) and isinstance(pages[2], ReferencesTab)
    assert not isinstance(pages[1], ExamsTab) and not isinstance(pages[3], FeeTab)
    assert main.tabs.currentIndex() == 2
    _fill(qtbot, main)
    assert main.tabs.currentIndex() == 2
    assert main.tabs.currentWidget() is main.tab("referencesTab")


def test_a_tab_built_late_gets_its_saved_state(
    qtbot: QtBot, sample_context: AppContext, settings: WindowSettings
) -> None:
    settings.set_tab_state("feeTab", {"summary": False})
    settings.set_tab_state("examsTab", {"summary": True})
    main = _start_up_window(qtbot, sample_context, settings)
    _fill(qtbot, main)
    assert main.tab("feeTab").save_state().get("summary") is False
    assert main.tab("examsTab").save_state().get("summary") is True


def test_a_stand_in_brought_to_the_front_before_the_records_are_read_becomes_its_tab(
    qtbot: QtBot, sample_context: AppContext, settings: WindowSettings
) -> None:
    main = _start_up_window(qtbot, sample_context, settings)
    main.tabs.setCurrentIndex(3)
    qtbot.waitUntil(lambda: isinstance(main.tabs.currentWidget(), FeeTab), timeout=5_000)
    assert main.tabs.currentIndex() == 3
    _fill(qtbot, main)
    assert main.tabs.currentWidget() is main.tab("feeTab")


def test_the_tabs_stood_in_for_are_built_one_per_turn_of_the_event_loop(
    qtbot: QtBot, sample_context: AppContext, settings: WindowSettings
) -> None:
    main = _start_up_window(qtbot, sample_context, settings)
    # The fill's start, as after the first paint: the three tabs built in that one turn were
    # its first stall on the large organisation.
    main._start_filling()
    built = [isinstance(page, TAB_CLASSES) for page in _pages(main)]
    assert built == [True, True, False, False]
    with qtbot.waitSignal(main.filled, timeout=30_000):
        pass
    assert [type(page) for page in _pages(main)] == list(TAB_CLASSES)
    assert main.tabs.currentIndex() == 0
