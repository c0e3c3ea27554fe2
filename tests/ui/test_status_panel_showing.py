"""The status panel's new cards come one at a time, top to bottom (issue 15).

On the large organisation the first result's five cards (some 170 widgets
made, polished and laid out for the first time) stalled the window 0.15-0.25 s
in one go. Each card made at one turn of the event loop and shown at the
next, the panel ends as it did: the same cards in
the same order with the same texts, names and bars; and it never shows a card
of an earlier result beside the latest one.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QProgressBar, QWidget
from pytestqt.qtbot import QtBot

from mpn_desktop.domain.catalog import Catalog
from mpn_desktop.domain.competency_tree import requirement_tree
from mpn_desktop.domain.evaluate import evaluate
from mpn_desktop.domain.progress import Progress
from mpn_desktop.programs import shipped_scored_catalogs
from mpn_desktop.store.database import Database
from mpn_desktop.store.facts_loader import load_facts
from mpn_desktop.store.sample import load_sample
from mpn_desktop.ui.context import AppContext
from mpn_desktop.ui.designation_card import DesignationCard
from mpn_desktop.ui.main_window import MainWindow
from mpn_desktop.ui.settings import WindowSettings
from mpn_desktop.ui.status_panel import CompetencyCard, StatusPanel
from mpn_desktop.ui.status_text import muted_text_color


def _on_screen(qtbot: QtBot) -> StatusPanel:
    panel = StatusPanel()
    qtbot.addWidget(panel)
    panel.resize(360, 700)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def _built_at_once(qtbot: QtBot, progress: Progress) -> StatusPanel:
    """A panel never shown: it builds every card in the result's own call."""
    panel = StatusPanel()
    qtbot.addWidget(panel)
    panel.resize(360, 700)
    panel.set_progress(progress)
    assert not panel.showing_cards
    return panel


def _state(widget: QWidget) -> tuple[Any, ...]:
    state: tuple[Any, ...] = (
        type(widget).__name__,
        widget.objectName(),
        widget.accessibleName(),
        widget.toolTip(),
    )
    if isinstance(widget, QLabel):
        state += (widget.text(),)
    if isinstance(widget, QProgressBar):
        state += (widget.value(), widget.format())
    return state


def _cards_in_order(panel: StatusPanel) -> list[CompetencyCard | DesignationCard]:
    """The cards shown, in the panel's order (top to bottom)."""
    body = panel.widget()
    layout = body.layout()
    found = (layout.itemAt(index).widget() for index in range(layout.count()))
    return [
        w for w in found if isinstance(w, CompetencyCard | DesignationCard) and w.isVisibleTo(body)
    ]


def _seen(panel: StatusPanel) -> list[tuple[Any, ...]]:
    """Everything the panel shows, in order: each widget's kind, names, texts and bar."""
    body = panel.widget()
    seen = [_state(label) for label in (panel.summary, panel.notes, panel.fee_line)]
    for card in _cards_in_order(panel):
        seen.append(_state(card))
        seen += [_state(child) for child in card.findChildren(QWidget) if child.isVisibleTo(body)]
    return seen


def _shown_ids(panel: StatusPanel) -> list[str]:
    return [card.title.text() for card in _cards_in_order(panel)]


def _progress(context: AppContext, day: date) -> Progress:
    return evaluate(context.catalog, load_facts(context.db), day)


def test_the_cards_come_one_at_a_time_top_to_bottom_and_end_as_built_at_once(
    qtbot: QtBot, sample_context: AppContext
) -> None:
    progress = _progress(sample_context, date(2018, 3, 1))
    reference = _built_at_once(qtbot, progress)
    titles = _shown_ids(reference)
    assert len(titles) >= 2
    panel = _on_screen(qtbot)
    with qtbot.waitSignal(panel.cardsShown):
        panel.set_progress(progress)
        # The result's own turn: its summary, no new card yet.
        assert panel.showing_cards and not _shown_ids(panel)
        assert "2018-03-01" in panel.summary.text()
        counts = []
        while panel.showing_cards:
            QApplication.processEvents()
            shown = _shown_ids(panel)
            assert shown == titles[: len(shown)]  # top to bottom, none skipped
            counts.append(len(shown))
    # One card at a time, made at one turn and shown at the next: 0, 1, 1, 2, 2, 3 for three.
    made_then_shown = [shown for count in range(1, len(titles) + 1) for shown in (count - 1, count)]
    assert counts == made_then_shown
    assert _seen(panel) == _seen(reference)
    assert len(panel.findChildren(CompetencyCard)) == len(titles)


def test_a_new_result_while_cards_still_come_is_shown_by_every_card(
    qtbot: QtBot, sample_context: AppContext
) -> None:
    earlier = _progress(sample_context, date(2018, 3, 1))
    later = _progress(sample_context, date(2017, 10, 1))
    reference = _built_at_once(qtbot, later)
    assert _seen(_built_at_once(qtbot, earlier)) != _seen(reference)
    panel = _on_screen(qtbot)
    panel.set_progress(earlier)
    while not _shown_ids(panel):
        QApplication.processEvents()
    assert len(_shown_ids(panel)) == 1 and panel.showing_cards
    panel.set_progress(later)
    # The card already built shows the later result at once, before the others come.
    first = _cards_in_order(panel)
    assert [_state(card.title) for card in first] == [
        _state(card.title) for card in _cards_in_order(reference)[:1]
    ]
    assert [_state(w) for w in first[0].findChildren(QLabel)] == [
        _state(w) for w in _cards_in_order(reference)[0].findChildren(QLabel)
    ]
    qtbot.waitUntil(lambda: not panel.showing_cards)
    assert _seen(panel) == _seen(reference)


def test_cards_still_to_come_do_not_come_after_the_panel_moved_on(
    qtbot: QtBot, sample_context: AppContext
) -> None:
    progress = _progress(sample_context, date(2018, 3, 1))
    panel = _on_screen(qtbot)
    panel.set_progress(progress)
    with qtbot.waitSignal(panel.cardsShown, timeout=1000):
        panel.show_loading()  # another organisation is being read
    for _ in range(5):
        QApplication.processEvents()
    assert not _shown_ids(panel)
    assert panel.summary.text() == "Loading…"


def test_a_target_dropped_while_cards_still_come_gets_no_card(
    qtbot: QtBot, sample_context: AppContext
) -> None:
    progress = _progress(sample_context, date(2018, 3, 1))
    targeted = [node.id for node in requirement_tree(progress).targeted]
    panel = _on_screen(qtbot)
    panel.set_progress(progress)
    first, dropped = targeted[0], targeted[-1]
    fewer = dataclasses.replace(
        progress,
        competencies=tuple(item for item in progress.competencies if item.id != dropped),
    )
    panel.set_progress(fewer)
    qtbot.waitUntil(lambda: not panel.showing_cards)
    assert dropped not in panel._cards
    assert first in panel._cards
    assert _seen(panel) == _seen(_built_at_once(qtbot, fewer))


def test_designation_cards_come_one_at_a_time_and_end_as_built_at_once(
    qtbot: QtBot, tmp_path: Path, catalog: Catalog
) -> None:
    day = date(2023, 8, 15)
    db = Database.open(f"sqlite:///{tmp_path / 'tracker.sqlite3'}")
    load_sample(db, day)
    context = AppContext(db, catalog, as_of=day, scored_catalogs=shipped_scored_catalogs())
    window = MainWindow(context, WindowSettings(tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    tree = window.progress_source.designations
    assert tree is not None and len(tree.targeted) >= 2
    progress = window.progress_source.progress
    assert progress is not None
    reference = _built_at_once(qtbot, progress)
    reference.set_designations(tree)
    assert not reference.showing_cards
    panel = _on_screen(qtbot)
    panel.set_progress(progress)
    with qtbot.waitSignal(panel.cardsShown):
        panel.set_designations(tree)
        # The competencies' cards still to come do not come: the designations' do.
        assert panel.showing_cards and not _shown_ids(panel)
        counts = []
        while panel.showing_cards:
            QApplication.processEvents()
            counts.append(len(_shown_ids(panel)))
    assert counts == [shown for count in range(1, 4) for shown in (count - 1, count)]
    assert _shown_ids(panel) == _shown_ids(reference)
    assert _seen(panel) == _seen(reference)
    assert not panel.findChildren(CompetencyCard)
    window.progress_source.wait_for_worker()
    db.close()


def _designation_tree(tmp_path: Path, catalog: Catalog, qtbot: QtBot, *days: date) -> list[Any]:
    """The sample organisation dated around 2023-08-15: its designation tree on each day."""
    db = Database.open(f"sqlite:///{tmp_path / 'tracker.sqlite3'}")
    load_sample(db, date(2023, 8, 15))
    trees = []
    for day in days:
        context = AppContext(db, catalog, as_of=day, scored_catalogs=shipped_scored_catalogs())
        window = MainWindow(context, WindowSettings(tmp_path / "settings.ini"))
        qtbot.addWidget(window)
        trees.append(window.progress_source.designations)
        window.progress_source.wait_for_worker()
    db.close()
    return trees


def _card_seen(card: DesignationCard) -> list[tuple[Any, ...]]:
    return [_state(child) for child in card.findChildren(QWidget) if child.isVisibleTo(card)]


def test_a_designation_card_redrawn_keeps_its_rows_and_shows_as_one_made_anew(
    qtbot: QtBot, tmp_path: Path, catalog: Catalog
) -> None:
    earlier, later = _designation_tree(
        tmp_path, catalog, qtbot, date(2023, 8, 15), date(2023, 2, 15)
    )
    first, second = earlier.requirement("modern-work"), later.requirement("modern-work")
    card = DesignationCard()
    qtbot.addWidget(card)
    card.show_designation(first)
    bars = card.findChildren(QProgressBar)
    card.show_designation(second)
    fresh = DesignationCard()
    qtbot.addWidget(fresh)
    fresh.show_designation(second)
    assert _card_seen(card) != _card_seen(_shown_once(qtbot, first))  # the days differ
    assert _card_seen(card) == _card_seen(fresh)
    assert card.findChildren(QProgressBar) == bars  # the same rows, not made again
    # Fewer categories (another catalogue): rows made for the new shape, as a new card's.
    fewer = dataclasses.replace(second, children=second.children[:-1])
    card.show_designation(fewer)
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert _card_seen(card) == _card_seen(_shown_once(qtbot, fewer))


def test_a_redrawn_designation_card_s_figures_take_the_palette_s_muted_colour(
    qtbot: QtBot, tmp_path: Path, catalog: Catalog
) -> None:
    (tree,) = _designation_tree(tmp_path, catalog, qtbot, date(2023, 8, 15))
    node = tree.requirement("modern-work")
    card = DesignationCard()
    qtbot.addWidget(card)
    card.show_designation(node)
    dark = QPalette(card.palette())
    dark.setColor(QPalette.ColorRole.Window, QColor("#202020"))
    dark.setColor(QPalette.ColorRole.WindowText, QColor("#f0f0f0"))
    card.setPalette(dark)
    card.show_designation(node)  # the panel redraws on a palette change
    muted = muted_text_color(dark).name()
    details = card.findChildren(QLabel, "metricHaveNeed")
    assert details and all(muted in label.styleSheet() for label in details)


def _shown_once(qtbot: QtBot, node: Any) -> DesignationCard:
    card = DesignationCard()
    qtbot.addWidget(card)
    card.show_designation(node)
    return card
