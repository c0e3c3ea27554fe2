"""A designation's "Still missing" items lead somewhere (issue 14): each opens the tab and the
form that adds what is missing, filled in from the lead the requirement tree carries."""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QWidget
from pytestqt.qtbot import QtBot

from mpn_desktop.catalog_files import load_catalog
from mpn_desktop.domain.enums import Association, Workload
from mpn_desktop.programs import shipped_scored_catalogs
from mpn_desktop.store.database import Database
from mpn_desktop.store.sample import load_sample
from mpn_desktop.ui.context import AppContext
from mpn_desktop.ui.editors.record_form import RecordForm
from mpn_desktop.ui.main_window import MainWindow
from mpn_desktop.ui.settings import WindowSettings

DAY_2023 = date(2023, 8, 15)
DAY_2026 = date(2026, 12, 6)


def _open_window(qtbot: QtBot, tmp_path: Path, settings: WindowSettings, day: date) -> Any:
    db = Database.open(f"sqlite:///{tmp_path / 'tracker.sqlite3'}")
    load_sample(db, day)
    context = AppContext(db, load_catalog(), as_of=day, scored_catalogs=shipped_scored_catalogs())
    window = MainWindow(context, settings)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitUntil(lambda: window.progress_source.designations is not None)
    return window, db


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, settings: WindowSettings) -> Iterator[MainWindow]:
    """The sample organisation dated around 2023-08-15, the window open on that day."""
    main, db = _open_window(qtbot, tmp_path, settings, DAY_2023)
    yield main
    main.progress_source.wait_for_worker()
    db.close()


def _link_to(label: QLabel, starting: str) -> str:
    """The href of the link whose text starts with ``starting`` (failing when none is)."""
    for href, text in re.findall(r"<a href='([^']*)'[^>]*>(.*?)</a>", label.text()):
        if html.unescape(text).startswith(starting):
            return str(href)
    raise AssertionError(f"no link starting {starting!r} in {label.text()!r}")


def _title_of(label: QLabel, href: str) -> str:
    found = re.search(rf"<a href='{re.escape(href)}' title='([^']*)'", label.text())
    assert found is not None
    return html.unescape(found.group(1))


def _visible_form() -> RecordForm | None:
    forms = [w for w in QApplication.topLevelWidgets() if isinstance(w, RecordForm)]
    return next((form for form in forms if form.isVisible()), None)


_WATCHING: list[list[bool]] = []
"""The form watchers ``_on_each_form`` started in the test running: each a flag, True while
it still waits for a form."""


@pytest.fixture(autouse=True)
def no_form_waited_for_in_vain() -> Iterator[None]:
    """A test that waits for a form that never opens fails, and its watcher stops with it.

    Before, such a watcher (test_the_links_are_reached_by_tab_and_followed_by_enter's: Enter
    follows a usage lead, which opens no form) polled on for its five seconds into the next
    tests, their set-up and their forms' turn (seen: it looked during the next test's call),
    ready to read and close a form of theirs with the earlier test's handler."""
    yield
    waiting = sum(flag[0] for flag in _WATCHING)
    for flag in _WATCHING:
        flag[0] = False
    _WATCHING.clear()
    assert not waiting, "the test waited for a form that never opened"


def _on_each_form(handle: Callable[[RecordForm], None], times: int = 1) -> None:
    """Handles the next ``times`` forms as they open (each is modal: read from the loop)."""
    left = [times]
    handled: list[RecordForm] = []
    tries = [500]  # five seconds: a form that never comes fails the test, not hangs it
    watching = [True]
    _WATCHING.append(watching)

    def look() -> None:
        if not watching[0]:
            return  # its test ended
        form = _visible_form()
        if form is None or any(form is seen for seen in handled):
            tries[0] -= 1
            if form is not None and not tries[0]:
                form.reject()
            if tries[0] > 0:
                QTimer.singleShot(10, look)
            return
        handled.append(form)
        try:
            handle(form)
        except BaseException:
            watching[0] = False
            form.reject()  # the test fails on what was raised, without a form left open
            raise
        left[0] -= 1
        if left[0]:
            QTimer.singleShot(10, look)
        else:
            watching[0] = False

    QTimer.singleShot(0, look)


def _read_and_cancel(found: dict[str, Any]) -> Callable[[RecordForm], None]:
    def read(form: RecordForm) -> None:
        found["title"] = form.windowTitle()
        found["focus"] = form.focusWidget() is form.editor("person_id")
        found["exam_code"] = form.editor("exam_code").text()  # type: ignore[union-attr]
        note = form.findChild(QLabel, "leadNote")
        found["note"] = note.text() if note is not None else None
        form.reject()

    return read


def test_a_missing_certification_opens_add_exam_with_its_exam_and_the_person_to_say(
    window: MainWindow,
) -> None:
    card = window.panel.designation_card("modern-work")
    href = _link_to(card.missing, "Intermediate certifications: 1 more person")
    title = _title_of(card.missing, href)
    assert title == (
        "Opens Add exam on the Skilling tab with MS-900 (Microsoft 365 Fundamentals) filled in"
    )
    assert title in card.missing.accessibleDescription()
    found: dict[str, Any] = {}
    _on_each_form(_read_and_cancel(found))
    card.missing.linkActivated.emit(href)
    assert window.tabs.currentWidget().objectName() == "examsTab"
    assert found == {
        "title": "Add exam",
        "focus": True,
        "exam_code": "MS-900",
        "note": "MS-900 earns Microsoft 365 Fundamentals, which Intermediate certifications "
        "counts.",
    }


def test_a_step_still_short_opens_add_exam_with_the_step_s_certification(
    window: MainWindow,
) -> None:
    # Security: the step before the final list misses one person with SC-200 or MS-500.
    card = window.panel.designation_card("security")
    href = _link_to(card.missing, "Intermediate certifications: 1 more person with Security")
    found: dict[str, Any] = {}
    _on_each_form(_read_and_cancel(found))
    card.missing.linkActivated.emit(href)
    assert found["exam_code"] == "SC-200"
    # The final list's item names its own certification: the first on the list.
    href = _link_to(card.missing, "Intermediate certifications: 6 more people")
    found.clear()
    _on_each_form(_read_and_cancel(found))
    card.missing.linkActivated.emit(href)
    assert found["exam_code"] == "SC-100"


def test_the_points_still_short_lead_to_the_metric_that_gives_the_most(
    qtbot: QtBot, window: MainWindow
) -> None:
    # Security at 5.5: the intermediate certifications have 40 points to give.
    card = window.panel.designation_card("security")
    href = _link_to(card.missing, "64.47 more points to reach 70")
    found: dict[str, Any] = {}
    _on_each_form(_read_and_cancel(found))
    card.missing.linkActivated.emit(href)
    assert window.tabs.currentWidget().objectName() == "examsTab"
    assert found["exam_code"] == "SC-200"
    # Modern Work at 63: usage growth has the most to give (17 of 30).
    card = window.panel.designation_card("modern-work")
    card.missing.linkActivated.emit(_link_to(card.missing, "7.04 more points to reach 70"))
    sales: Any = window.tabs.currentWidget()
    assert sales.objectName() == "salesTab"
    assert sales.pages.currentWidget() is sales.usage_grid
    assert "Usage growth" in sales.lead_note.text()
    # Monthly active users count there: the grid shows them (once read, off the GUI thread).
    qtbot.waitUntil(lambda: sales.usage_grid.settled)
    assert sales.usage_grid.figure.currentData() == "active_users"
    assert sales.usage_grid.model.field.key == "active_users"
    # … and the chart Modern Work's usage, not the first targeted designation's.
    assert sales.usage_grid.designation.currentText() == "Solutions Partner for Modern Work"
    assert sales.usage_grid.chart.title.startswith("Solutions Partner for Modern Work: Active")


def test_a_missing_customer_opens_add_customer_then_its_subscription_with_what_counts(
    qtbot: QtBot, window: MainWindow
) -> None:
    card = window.panel.designation_card("modern-work")
    href = _link_to(card.missing, "Net customer adds: 5 more customers")
    assert _title_of(card.missing, href) == (
        "Opens Add customer on the Performance tab, then its subscription through Transacting"
    )
    found: list[dict[str, Any]] = []

    def fill(form: RecordForm) -> None:
        note = form.findChild(QLabel, "leadNote")
        seen: dict[str, Any] = {"title": form.windowTitle(), "note": note and note.text()}
        if form.windowTitle() == "Add customer":
            form.editor("name").set_value("Wingtip Toys Ltd")  # type: ignore[union-attr]
            form.accept()
            if form.isVisible():
                seen["problems"] = form.problems()
                form.reject()
        else:
            for key in ("customer_id", "workload", "association"):
                editor = form.editor(key)
                assert isinstance(editor, QComboBox)
                seen[key] = editor.currentData()
            form.reject()
        found.append(seen)

    _on_each_form(fill, times=2)
    card.missing.linkActivated.emit(href)
    sales: Any = window.tabs.currentWidget()
    assert sales.objectName() == "salesTab"
    assert [f["title"] for f in found] == ["Add customer", "Add subscription"]
    assert found[0]["note"].startswith(
        "Net customer adds counts customers with a Microsoft 365 workload of 11 to 300"
    )
    added = next(r for r in sales.customers.model.records() if r["name"] == "Wingtip Toys Ltd")
    assert found[1]["customer_id"] == added["id"]
    assert found[1]["workload"] is Workload.OFFICE365
    assert found[1]["association"] is Association.TRANSACTING


def test_a_customer_form_cancelled_asks_for_no_subscription(window: MainWindow) -> None:
    card = window.panel.designation_card("modern-work")
    titles: list[str] = []

    def cancel(form: RecordForm) -> None:
        titles.append(form.windowTitle())
        form.reject()

    _on_each_form(cancel)
    card.missing.linkActivated.emit(_link_to(card.missing, "Net customer adds"))
    assert titles == ["Add customer"]
    assert _visible_form() is None


def test_missing_usage_opens_the_usage_by_month_with_what_counts_and_the_import(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    card = window.panel.designation_card("security")
    # 5, not 6: its one Microsoft 365 deployment holds 3.3 of the 20 points already.
    href = _link_to(card.missing, "Deployments: 5 more customers")
    assert _title_of(card.missing, href).startswith("Opens Usage by month on the Performance tab")
    card.missing.linkActivated.emit(href)
    sales: Any = window.tabs.currentWidget()
    assert sales.objectName() == "salesTab"
    assert sales.pages.currentWidget() is sales.usage_grid
    note = sales.lead_note
    assert note.isVisible()
    text = html.unescape(note.text())
    assert "<b>Deployments</b> counts Azure customers with US$ 12,000 of security" in text
    assert sales.usage_grid.figure.currentData() == "consumption_usd"
    assert sales.usage_grid.chart.title.startswith("Solutions Partner for Security:")
    qtbot.waitUntil(lambda: sales.usage_grid.settled)
    assert sales.usage_grid.model.field.key == "consumption_usd"  # the grid shows that part
    imports: list[bool] = []
    monkeypatch.setattr(window.files, "import_sales", lambda: imports.append(True))
    note.linkActivated.emit("import")
    assert imports == [True]
    # Back on the records, the note about the grid goes.
    sales.pages.setCurrentIndex(0)
    assert not note.isVisible()


def test_each_cheapest_way_step_leads_to_its_metric(window: MainWindow) -> None:
    card = window.panel.designation_card("modern-work")
    assert "Cheapest way to 70:" in card.cheapest.text()
    found: dict[str, Any] = {}
    _on_each_form(_read_and_cancel(found))
    card.cheapest.linkActivated.emit(_link_to(card.cheapest, "Intermediate certifications"))
    assert found["exam_code"] == "MS-900"
    card.cheapest.linkActivated.emit(_link_to(card.cheapest, "Deployments: 1 more customer"))
    sales: Any = window.tabs.currentWidget()
    assert "customers with at least 40 % of paid seats active" in sales.lead_note.text()


def test_the_links_are_reached_by_tab_and_followed_by_enter(
    qtbot: QtBot, window: MainWindow
) -> None:
    card = window.panel.designation_card("modern-work")
    label = card.missing
    flags = label.textInteractionFlags()
    assert flags & Qt.TextInteractionFlag.LinksAccessibleByKeyboard
    assert label.focusPolicy() & Qt.FocusPolicy.TabFocus
    window.activateWindow()
    label.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(label.hasFocus)
    # Tab moves to the first link (the points still short: usage growth), Enter follows it
    # to the usage by month (no form opens).
    with qtbot.waitSignal(window.panel.leadActivated) as signal:
        qtbot.keyClick(label, Qt.Key.Key_Tab)
        qtbot.keyClick(label, Qt.Key.Key_Return)
    assert signal.args is not None and signal.args[0].metric == "usage-growth"
    assert window.tabs.currentWidget().objectName() == "salesTab"
    assert _visible_form() is None


def test_a_day_in_2026_leads_there_too(
    qtbot: QtBot, tmp_path: Path, settings: WindowSettings
) -> None:
    main, db = _open_window(qtbot, tmp_path, settings, DAY_2026)
    try:
        card = main.panel.designation_card("security")
        links = re.findall(r"<a href='lead:\d+'", card.missing.text())
        assert len(links) == len(main.progress_source.designations.requirement("security").missing)
        found: dict[str, Any] = {}
        _on_each_form(_read_and_cancel(found))
        card.missing.linkActivated.emit(_link_to(card.missing, "Intermediate certifications"))
        assert found["title"] == "Add exam" and found["exam_code"]
        if_shots = tmp_path / "designations_2026.png"
        assert main.grab().save(str(if_shots))
    finally:
        main.progress_source.wait_for_worker()
        db.close()


def test_a_qualified_designation_has_no_links(window: MainWindow) -> None:
    card = window.panel.designation_card("infrastructure-azure")
    assert not card.missing.isVisible() and not card.cheapest.isVisible()
    assert isinstance(card, QWidget)


@pytest.mark.usefixtures("german")
def test_what_a_link_opens_is_said_in_german(
    qtbot: QtBot, tmp_path: Path, settings: WindowSettings
) -> None:
    main, db = _open_window(qtbot, tmp_path, settings, DAY_2023)
    try:
        card = main.panel.designation_card("security")
        titles = re.findall(r"title='([^']*)'", card.missing.text())
        assert titles and all(title.startswith("Öffnet") for title in titles), titles
        assert "Günstigster Weg zu 70:" in card.cheapest.text()
    finally:
        main.progress_source.wait_for_worker()
        db.close()
