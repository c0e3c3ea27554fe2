"""In German, the designation cards and Help ▸ Requirements read in German, catalogue texts too."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from mpn_desktop.catalog_files import load_catalog
from mpn_desktop.programs import program_on, shipped_scored_catalogs
from mpn_desktop.store.database import Database
from mpn_desktop.store.sample import load_sample
from mpn_desktop.ui.context import AppContext
from mpn_desktop.ui.designation_requirements_html import designation_requirements_html
from mpn_desktop.ui.main_window import MainWindow
from mpn_desktop.ui.requirements_html import requirements_html
from mpn_desktop.ui.settings import WindowSettings

DAY_2023 = date(2023, 8, 15)


@pytest.mark.usefixtures("german")
def test_a_designation_card_reads_in_german(
    qtbot: QtBot, tmp_path: Path, settings: WindowSettings
) -> None:
    db = Database.open(f"sqlite:///{tmp_path / 'tracker.sqlite3'}")
    load_sample(db, DAY_2023)
    context = AppContext(
        db, load_catalog(), as_of=DAY_2023, scored_catalogs=shipped_scored_catalogs()
    )
    window = MainWindow(context, settings)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    try:
        card = window.panel.designation_card("security")
        assert window.panel.accessibleName() == "Designationsstatus"
        window.tabs.setCurrentIndex(3)
        payments = window.tabs.widget(3).payments.model
        qtbot.waitUntil(
            lambda: (
                payments.headerData(payments.column_of("level"), Qt.Orientation.Horizontal)
                == "Erfasste Stufe"
            )
        )
        assert card.title.text() == "Solutions Partner für Sicherheit (Ihr Ziel)"
        assert "von 100 Punkten (ab 70 qualifiziert" in card.score.text()
        headings = " ".join(w.text() for w in card.findChildren(QLabel, "categoryHeading"))
        assert "Leistung" in headings and "Kundenerfolg" in headings
        figures = " ".join(w.text() for w in card.findChildren(QLabel, "metricFigure"))
        assert "von 20 Pkt." in figures and " of " not in figures
        captions = " ".join(w.text() for w in card.findChildren(QLabel, "metricHaveNeed"))
        assert "von 10 Kunden" in captions and " of " not in captions
        assert "Nettokundenzugänge: " in card.missing.text()
        notes = card.notes.text()
        assert "Eine Qualifizierung zählt nur am Stichtag, dem 15.08.2023" in notes, notes
        assert "qualification" not in notes.lower()
        if os.environ.get("MPN_DESKTOP_SHOTS"):
            window.grab().save(str(Path(os.environ["MPN_DESKTOP_SHOTS"]) / "designations_de.png"))
    finally:
        window.progress_source.wait_for_worker()
        db.close()


@pytest.mark.usefixtures("german")
def test_help_requirements_of_2018_in_german() -> None:
    document = requirements_html(load_catalog())
    for words in (
        "1. Vertriebsleistung",
        "Azure-Verbrauch in den 12 vollen Monaten",
        "sowohl 70-346 als auch 70-347, oder MCSA-O365",
        "Eingestellte Kompetenzen",
        "Was eine Cloud-Kompetenz bringt",
        "<i>Hinweis:</i>",
    ):
        assert words in document, words
    for english in ("Sales performance", "What counts", "credited through", "<i>Note:</i>"):
        assert english not in document, english
    # Microsoft's exam titles stay as Microsoft wrote them.
    assert "Architecting Microsoft Azure Solutions" in document


@pytest.mark.usefixtures("german")
def test_help_requirements_of_the_designations_in_german() -> None:
    catalog = program_on(DAY_2023).scored
    assert catalog is not None
    document = designation_requirements_html(catalog)
    for words in (
        "Solutions Partner für Sicherheit",
        "Kennzahl",
        "volle Punktzahl bei 3 Kunden",
        "Zwischenzertifizierungen",
        "Wie das Programm offene Regeln liest",
        "Gültig vom 01.06.2023 bis 30.04.2026",
    ):
        assert words in document, words
    assert "<h2>Qualifizierungsfenster</h2>" in document
    for english in (
        "for full points",
        "What earns them",
        "Net customer adds",
        "In force",
        "Qualification window",
        "<li>From ",
    ):
        assert english not in document, english
