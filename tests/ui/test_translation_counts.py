"""The window's texts with a count write it with the locale's separators, as its tables and
the command line do: "1,200 subscriptions", German "1.200 Abonnements" (``%Ln`` in the
translations' forms)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication

from mpn_desktop.ui.language import install_translators, remove_translators

FOLDER = Path(__file__).resolve().parents[2] / "resources" / "translations"


@pytest.mark.parametrize("name", ["mpn_desktop_de.ts", "mpn_desktop_en.ts"])
def test_every_count_of_a_translation_is_written_by_the_locale(name: str) -> None:
    # Before: "%n", a plain "1200 subscriptions" beside "US$ 1,200" in the same window.
    forms = [form.text or "" for form in ET.parse(FOLDER / name).getroot().iter("numerusform")]
    assert len(forms) > 40
    assert [form for form in forms if re.search(r"%n", form)] == []


@pytest.fixture
def speaking(qapp: QApplication, request: pytest.FixtureRequest) -> Iterator[None]:
    installed = install_translators(qapp, request.param)
    assert installed
    yield
    remove_translators(qapp, installed)


@pytest.mark.parametrize(
    ("speaking", "said"),
    [("en", "1,200 subscriptions"), ("de", "1.200 Abonnements")],
    indirect=["speaking"],
)
def test_a_count_in_the_window_is_grouped(speaking: None, said: str) -> None:
    assert QLocale().toString(1200) in said
    text = QCoreApplication.translate("DeleteQuestion", "%n subscription(s)", "", 1200)
    assert text == said
