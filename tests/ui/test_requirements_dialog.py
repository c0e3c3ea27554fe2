"""Help ▸ Requirements: the catalogue as a document with every figure, note and source."""

from __future__ import annotations

import re
from typing import Any

from pytestqt.qtbot import QtBot

from mpn_desktop.domain.enums import Level
from mpn_desktop.ui.requirements_dialog import RequirementsDialog
from mpn_desktop.ui.requirements_html import requirements_html


def _text(catalog: Any, qtbot: QtBot) -> str:
    dialog = RequirementsDialog(catalog)
    qtbot.addWidget(dialog)
    return dialog.browser.toPlainText()


def test_every_competency_step_and_figure_is_in_the_document(catalog: Any, qtbot: QtBot) -> None:
    text = _text(catalog, qtbot)
    for competency in catalog.cloud_competencies:
        assert competency.name in text
        for option in competency.options:
            for measure in option.performance.measures:
                assert measure.description.casefold() in text.casefold()
        assert competency.references is not None
    for step in ("1. Sales performance", "2. Technical exams", "3. Customer references", "4. Fee"):
        assert text.count(step) >= len(catalog.cloud_competencies)
    # Cloud Platform: silver, gold and the developing-market figure side by side.
    assert "US$ 15,000" in text and "US$ 100,000" in text
    assert "developing markets: US$ 10,000" in text
    for schedule, start, until in catalog.fee.in_force():
        when = start.isoformat() if start else f"before {until.isoformat()}"
        assert when in text
        assert f"{schedule.amounts[Level.GOLD]:,}" in text


def test_every_credential_retired_competency_and_source_is_listed(
    catalog: Any, qtbot: QtBot
) -> None:
    text = _text(catalog, qtbot)
    for credential in catalog.credentials:
        assert credential.code in text and credential.title in text
    assert "until 2018-12-31" in text  # 70-534's accept-until date
    for competency in catalog.retired_competencies:
        assert competency.name in text
    for source in catalog.sources:
        assert source.title in text
    assert "Enum" not in text and "frozenset" not in text  # no Python repr leaks


def test_a_figure_with_the_same_note_and_source_twice_gets_one_number(catalog: Any) -> None:
    page = requirements_html(catalog)
    for marks in re.findall(r"<sup>([\d,]+)</sup>", page):
        numbers = marks.split(",")
        assert len(numbers) == len(set(numbers)), marks
        assert numbers == sorted(numbers, key=int)


def test_find_selects_the_text_and_says_when_there_is_none(catalog: Any, qtbot: QtBot) -> None:
    dialog = RequirementsDialog(catalog)
    qtbot.addWidget(dialog)
    dialog.find_box.setText("70-347")
    assert dialog.find_next(from_start=True)
    assert dialog.browser.textCursor().selectedText() == "70-347"
    first = dialog.browser.textCursor().position()
    assert dialog.find_next()
    assert dialog.browser.textCursor().position() != first
    dialog.find_box.setText("no such exam")
    assert not dialog.find_next(from_start=True)
    assert dialog.find_status.text() == "Not found"
