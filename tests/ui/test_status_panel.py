"""The status panel shows what the engine found: marks, bars, missing sentences, risks, fee."""

from __future__ import annotations

import dataclasses
import html
from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QLabel, QProgressBar
from pytestqt.qtbot import QtBot

from mpn_desktop.domain.enums import Level, StepKind
from mpn_desktop.domain.evaluate import evaluate
from mpn_desktop.domain.progress import Progress
from mpn_desktop.store.facts_loader import load_facts
from mpn_desktop.ui.context import AppContext
from mpn_desktop.ui.status_panel import StatusPanel


def _panel(qtbot: QtBot) -> StatusPanel:
    panel = StatusPanel()
    qtbot.addWidget(panel)
    panel.resize(360, 700)
    panel.show()
    return panel


def test_only_target_competencies_get_a_card(
    qtbot: QtBot, make_progress: Callable[..., Progress]
) -> None:
    panel = _panel(qtbot)
    panel.set_progress(make_progress())
    assert panel.objectName() == "statusPanel"
    assert panel.card("cloud-platform").isVisible()
    assert "cloud-crm" not in panel._cards


def test_attained_silver_and_missing_gold_read_as_sentences(
    qtbot: QtBot, make_progress: Callable[..., Progress]
) -> None:
    panel = _panel(qtbot)
    panel.set_progress(make_progress(references=3))
    card = panel.card("cloud-platform")
    silver, gold = card.sections[Level.SILVER], card.sections[Level.GOLD]
    assert "attained" in silver.heading.text()
    assert not silver.missing.isVisible()
    assert "not yet" in gold.heading.text()
    assert "your target" in gold.heading.text()
    assert "2 more approved customer references" in gold.missing.text()
    bars = [bar.format() for bar in gold.findChildren(QProgressBar) if bar.isVisible()]
    assert "3 of 5 references" in bars
    # An amount's "US$" is joined to its figure by a no-break space (test_panel_amounts).
    figures = [
        label.text().replace("\xa0", " ") for label in silver.findChildren(QLabel, "stepFigure")
    ]
    assert any("✓" in text and "US$ 20,000 of US$ 15,000" in text for text in figures)


def test_a_new_progress_updates_the_same_card(
    qtbot: QtBot, make_progress: Callable[..., Progress]
) -> None:
    panel = _panel(qtbot)
    panel.set_progress(make_progress(references=1))
    card = panel.card("cloud-platform")
    assert "not yet" in card.sections[Level.SILVER].heading.text()
    assert "2 more approved customer references" in card.sections[Level.SILVER].missing.text()
    panel.set_progress(make_progress(references=3))
    assert panel.card("cloud-platform") is card
    assert "attained" in card.sections[Level.SILVER].heading.text()
    assert not card.sections[Level.SILVER].missing.isVisible()


def test_risks_and_fee_are_shown_with_dates(
    qtbot: QtBot, make_progress: Callable[..., Progress]
) -> None:
    panel = _panel(qtbot)
    panel.set_progress(make_progress())
    risk = panel.card("cloud-platform").at_risk
    assert risk.isVisible()
    assert "2018-05-02: the reference of Fabrikam expires" in risk.text()
    assert "US$\xa04,730" in panel.fee_line.text()
    assert "paid" in panel.fee_line.text()
    assert "2018-03-01" in panel.summary.text()


def test_controls_have_accessible_names(
    qtbot: QtBot, make_progress: Callable[..., Progress]
) -> None:
    panel = _panel(qtbot)
    panel.set_progress(make_progress())
    qtbot.waitUntil(lambda: not panel.showing_cards)  # a new card comes at a later turn
    for bar in panel.findChildren(QProgressBar):
        if bar.isVisible():
            assert bar.accessibleName()
    missing = [label for label in panel.findChildren(QLabel) if label.objectName() == "missingList"]
    assert any(label.accessibleName() for label in missing if label.isVisible())


def test_the_bars_write_money_as_the_status_and_checklist_do(
    qtbot: QtBot, make_progress: Callable[..., Progress]
) -> None:
    """One money wording: "US$ 20,000 of US$ 15,000" in a bar, as `status` and the checklist."""
    panel = _panel(qtbot)
    panel.set_progress(make_progress(references=3))
    silver = panel.card("cloud-platform").sections[Level.SILVER]
    bars = [bar.format() for bar in silver.findChildren(QProgressBar) if bar.isVisible()]
    assert "US$ 20,000 of US$ 15,000" in bars
    assert "3 of 3 references" in bars


def test_a_day_outside_the_catalogue_says_so_above_the_figures(
    qtbot: QtBot, sample_context: AppContext
) -> None:
    panel = _panel(qtbot)
    facts = load_facts(sample_context.db)
    panel.set_progress(evaluate(sample_context.catalog, facts, date(2018, 3, 1)))
    assert not panel.notes.isVisible()
    # The window opens as of today, years after the 2017-2018 program ended.
    later = evaluate(sample_context.catalog, facts, date(2026, 12, 1))
    assert later.notes
    panel.set_progress(later)
    assert panel.notes.isVisible()
    # One line on every start (the whole note took six lines); the details behind it.
    short = html.unescape(panel.notes.text())
    assert "The requirements may differ on this day." in short and ">Details<" in short
    assert not any(note in short for note in later.notes)
    assert all(note in panel.notes.toolTip() for note in later.notes)
    assert "2026-12-01 is after it" in panel.notes.accessibleName()
    panel.notes.linkActivated.emit("details")
    shown = html.unescape(panel.notes.text())
    assert all(note in shown for note in later.notes)
    panel.notes.linkActivated.emit("fewer")
    assert ">Details<" in html.unescape(panel.notes.text())
    panel.set_progress(evaluate(sample_context.catalog, facts, date(2018, 3, 1)))
    assert not panel.notes.isVisible()


def test_the_catalogues_caveats_are_in_the_tooltips_and_under_the_competency(
    qtbot: QtBot, sample_context: AppContext
) -> None:
    panel = _panel(qtbot)
    progress = evaluate(sample_context.catalog, load_facts(sample_context.db), date(2018, 3, 1))
    platform = progress.competency("cloud-platform")
    step = platform.level(Level.SILVER).option.step(StepKind.REFERENCES)
    assert step.notes
    note = "Retired on 2018-01-31: no new sign-ups."
    marked = dataclasses.replace(platform, notes=(note,))
    panel.set_progress(
        dataclasses.replace(
            progress,
            competencies=tuple(
                marked if item.id == "cloud-platform" else item for item in progress.competencies
            ),
        )
    )
    card = panel.card("cloud-platform")
    assert card.notes.isVisible() and card.notes.text() == note
    bars = card.sections[Level.SILVER].findChildren(QProgressBar)
    tips = [bar.toolTip() for bar in bars if bar.isVisible()]
    assert any(step.description in tip and step.notes[0] in tip for tip in tips)
    assert not panel.card("cloud-productivity").notes.isVisible()
