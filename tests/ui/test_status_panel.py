"""The status panel shows what the engine found: marks, bars, missing sentences, risks, fee."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from PySide6.QtWidgets import QLabel, QProgressBar
from pytestqt.qtbot import QtBot

from mpn_desktop.domain.enums import Level
from mpn_desktop.domain.progress import Progress
from mpn_desktop.ui.status_panel import StatusPanel
from mpn_desktop.ui.status_text import have_need_text


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
    figures = [label.text() for label in silver.findChildren(QLabel, "stepFigure")]
    assert any("✓" in text and "US$ 20,000 of 15,000" in text for text in figures)


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
    assert "US$ 4,730" in panel.fee_line.text()
    assert "paid" in panel.fee_line.text()
    assert "2018-03-01" in panel.summary.text()


def test_controls_have_accessible_names(
    qtbot: QtBot, make_progress: Callable[..., Progress]
) -> None:
    panel = _panel(qtbot)
    panel.set_progress(make_progress())
    for bar in panel.findChildren(QProgressBar):
        if bar.isVisible():
            assert bar.accessibleName()
    missing = [label for label in panel.findChildren(QLabel) if label.objectName() == "missingList"]
    assert any(label.accessibleName() for label in missing if label.isVisible())


def test_progress_bars_read_one_person_and_several_people() -> None:
    assert have_need_text(Decimal(1), Decimal(1), "people") == "1 of 1 person"
    assert have_need_text(Decimal(1), Decimal(2), "people") == "1 of 2 people"
    assert have_need_text(Decimal(77000), Decimal(100000), "USD") == "US$ 77,000 of 100,000"
