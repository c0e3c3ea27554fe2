"""The window's language chosen in the settings also writes the domain's sentences (gettext)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from mpn_desktop.domain import vocabulary
from mpn_desktop.domain.fee_text import this_year_sentence
from mpn_desktop.domain.progress import FeeStatus
from mpn_desktop.ui.context import AppContext
from mpn_desktop.ui.language import install_translators, remove_translators
from mpn_desktop.ui.main_window import MainWindow
from mpn_desktop.ui.settings import WindowSettings

UNKNOWN = FeeStatus(level=None, due_on=None, amount_usd=None, paid=False, current_year=None)


@pytest.mark.parametrize(
    ("setting", "sentence"),
    [
        ("de", "Geben Sie das Jubiläumsdatum der Mitgliedschaft ein, um die Gebühr zu sehen"),
        ("en", "enter the membership anniversary to see the fee"),
    ],
)
def test_the_application_writes_the_domain_sentences_in_the_settings_language(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch, setting: str, sentence: str
) -> None:
    from mpn_desktop import app

    settings = WindowSettings()  # the user's settings file (in the test's own folder)
    settings.set_language(setting)
    settings.sync()
    installed: list[QTranslator] = []
    monkeypatch.setattr(app, "_TRANSLATORS", installed)
    app._translate(qapp)
    try:
        assert vocabulary.language() == setting
        assert this_year_sentence(UNKNOWN) == sentence
    finally:
        remove_translators(qapp, installed)


def test_the_status_panel_says_what_is_missing_in_german(
    qapp: QApplication, qtbot: QtBot, sample_context: AppContext, tmp_path: Path
) -> None:
    installed = install_translators(qapp, "de")
    vocabulary.use_language("de")
    try:
        window = MainWindow(sample_context, WindowSettings(tmp_path / "settings.ini"))
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        qtbot.waitExposed(window)
        missing = " ".join(label.text() for label in window.findChildren(QLabel, "missingList"))
        assert "weitere genehmigte Kundenreferenz" in missing
        assert "approved customer reference" not in missing
        if os.environ.get("MPN_DESKTOP_SHOTS"):
            window.grab().save(str(Path(os.environ["MPN_DESKTOP_SHOTS"]) / "status_de.png"))
    finally:
        remove_translators(qapp, installed)


def test_a_store_refusal_begins_its_sentence_in_a_german_box(
    qtbot: QtBot, context: AppContext, german: None
) -> None:
    """The box's headline, then the store's refusal as a sentence of its own: it began in
    lower case in German ('es gibt bereits …'), as it continues 'mpn-desktop: ' in English."""
    from PySide6.QtWidgets import QMessageBox

    from mpn_desktop.store import records
    from mpn_desktop.store.changes import RecordKind

    def add() -> object:
        return records.add_record(context.db, RecordKind.CUSTOMER, {"name": "Fabrikam"})

    add()
    assert context.run(add) is None
    boxes = [
        widget
        for widget in QApplication.topLevelWidgets()
        if isinstance(widget, QMessageBox) and widget.objectName() == "operationErrorBox"
    ]
    assert len(boxes) == 1
    box = boxes[0]
    try:
        assert box.text() == "Das konnte nicht ausgeführt werden."
        assert box.informativeText() == "Es gibt bereits einen Kunden mit diesem Namen"
    finally:
        box.close()
