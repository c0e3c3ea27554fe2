"""The window's language chosen in the settings also writes the domain's sentences (gettext)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication

from mpn_desktop.domain import vocabulary
from mpn_desktop.domain.fee_text import this_year_sentence
from mpn_desktop.domain.progress import FeeStatus
from mpn_desktop.ui.language import remove_translators
from mpn_desktop.ui.settings import WindowSettings

UNKNOWN = FeeStatus(level=None, due_on=None, amount_usd=None, paid=False, current_year=None)


@pytest.mark.parametrize(
    ("setting", "sentence"),
    [
        ("de", "Geben Sie den Jubiläumsdatum der Mitgliedschaft ein, um die Gebühr zu sehen"),
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
